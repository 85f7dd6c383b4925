import type { Container } from '@azure/cosmos';
import { profileSchema, type Profile } from '../domain/profile';
import { CosmosRepository, type Versioned } from './cosmos-repository';

/** Volunteer profiles (profiles container), one per person per tenant: id = person id. */
export class ProfileRepository extends CosmosRepository<Profile> {
  constructor(container: Container) {
    super(container, profileSchema, { code: 'profile_not_found', entity: 'Profile' });
  }

  /** The profiles of a programme, optionally only those in one opt-in state. */
  async ofProgramme(
    tenantId: string,
    programmeId: string,
    status?: Profile['optIn']['status'],
  ): Promise<Versioned<Profile>[]> {
    return this.query(tenantId, {
      where: status
        ? 'c.programmeId = @programmeId AND c.optIn.status = @status'
        : 'c.programmeId = @programmeId',
      parameters: [
        { name: '@programmeId', value: programmeId },
        ...(status ? [{ name: '@status', value: status }] : []),
      ],
    });
  }
}
