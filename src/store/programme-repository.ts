import type { Container } from '@azure/cosmos';
import { programmeSchema, type Programme } from '../domain/programme';
import { CosmosRepository, type Versioned } from './cosmos-repository';

/** Programmes (programmes container). */
export class ProgrammeRepository extends CosmosRepository<Programme> {
  constructor(container: Container) {
    super(container, programmeSchema, { code: 'programme_not_found', entity: 'Programme' });
  }

  /** The tenant's programmes, most recent start first. */
  async list(tenantId: string): Promise<Versioned<Programme>[]> {
    return this.query(tenantId, { orderBy: 'c.startDate DESC' });
  }
}
