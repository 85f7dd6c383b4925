import type { Container } from '@azure/cosmos';
import { personSchema, type Person } from '../domain/person';
import { CosmosRepository, type Versioned } from './cosmos-repository';

/** The org directory (people container). */
export class PeopleRepository extends CosmosRepository<Person> {
  constructor(container: Container) {
    super(container, personSchema, { code: 'person_not_found', entity: 'Person' });
  }

  /** The person with this e-mail (case-insensitive: e-mails are stored lower-case). */
  async findByEmail(tenantId: string, email: string): Promise<Versioned<Person> | undefined> {
    const [found] = await this.query(tenantId, {
      where: 'c.email = @email',
      parameters: [{ name: '@email', value: email.toLowerCase() }],
    });
    return found;
  }

  /** The people whose manager is `managerId`. */
  async reportsOf(tenantId: string, managerId: string): Promise<Versioned<Person>[]> {
    return this.query(tenantId, {
      where: 'c.managerId = @managerId',
      parameters: [{ name: '@managerId', value: managerId }],
    });
  }

  /** Everyone in the tenant's directory, by name. */
  async all(tenantId: string): Promise<Versioned<Person>[]> {
    return this.query(tenantId, { orderBy: 'c.displayName' });
  }
}
