import type { Container } from '@azure/cosmos';
import { pairSchema, type Pair } from '../domain/pair';
import { CosmosRepository, type Versioned } from './cosmos-repository';

/** Pairs (pairs container): the pair document carries agreement, sessions, feedback, assessments. */
export class PairRepository extends CosmosRepository<Pair> {
  constructor(container: Container) {
    super(container, pairSchema, { code: 'pair_not_found', entity: 'Pair' });
  }

  /** The pairs a person belongs to, either side. */
  async ofPerson(tenantId: string, personId: string): Promise<Versioned<Pair>[]> {
    return this.query(tenantId, {
      where: 'c.mentorId = @personId OR c.menteeId = @personId',
      parameters: [{ name: '@personId', value: personId }],
    });
  }

  /** The pairs of a programme. */
  async ofProgramme(tenantId: string, programmeId: string): Promise<Versioned<Pair>[]> {
    return this.query(tenantId, {
      where: 'c.programmeId = @programmeId',
      parameters: [{ name: '@programmeId', value: programmeId }],
    });
  }
}
