import type { Person } from '../../domain/person';
import type { PeopleRepository } from '../../store/people-repository';

/**
 * The organisation's directory: names, departments, managers, photos. Microsoft Graph will be an
 * adapter here when configured (not built yet); today the people container is the directory
 * (the demo company locally, CSV imports in any mode).
 */
export interface OrgDirectory {
  person(tenantId: string, personId: string): Promise<Person | undefined>;
  /** Everyone, by name. */
  people(tenantId: string): Promise<Person[]>;
  hasReports(tenantId: string, personId: string): Promise<boolean>;
  /** A same-origin URL of the person's photo, or null when there is none. */
  photoUrl(tenantId: string, personId: string): Promise<string | null>;
}

/** The directory read from the people container. */
export class CosmosOrgDirectory implements OrgDirectory {
  constructor(private readonly deps: { people: PeopleRepository }) {}

  async person(tenantId: string, personId: string): Promise<Person | undefined> {
    return (await this.deps.people.find(tenantId, personId))?.value;
  }

  async people(tenantId: string): Promise<Person[]> {
    return (await this.deps.people.all(tenantId)).map((p) => p.value);
  }

  async hasReports(tenantId: string, personId: string): Promise<boolean> {
    // The first report answers; counting them all would read every one.
    const one = await this.deps.people.query(tenantId, {
      where: 'c.managerId = @managerId',
      parameters: [{ name: '@managerId', value: personId }],
      top: 1,
    });
    return one.length > 0;
  }

  /** The people container holds no photos (Graph's `/users/{id}/photo` will). */
  async photoUrl(): Promise<string | null> {
    return null;
  }
}
