import type { Container, ItemDefinition } from '@azure/cosmos';
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

  /** Ids of the tenant's programmes `personId` leads (ids only: a programme carries its skills). */
  async idsLedBy(tenantId: string, personId: string): Promise<string[]> {
    const ids = await this.select(tenantId, 'VALUE c.id', {
      where: 'ARRAY_CONTAINS(c.leadIds, @personId)',
      parameters: [{ name: '@personId', value: personId }],
    });
    return ids.map(String);
  }

  /**
   * Programmes under way (enrolling, matching or running) across tenants, ids only: what the
   * health figures loop keeps fresh. A background sweep, so this query fans out on purpose.
   */
  async underWayEverywhere(): Promise<{ tenantId: string; programmeId: string }[]> {
    const { resources } = await this.container.items
      .query<ItemDefinition>({
        query:
          "SELECT c.id, c.tenantId FROM c WHERE c.status = 'enrolling' OR c.status = 'matching' OR c.status = 'running'",
      })
      .fetchAll()
      .catch((error: unknown) => {
        throw this.translate(error);
      });
    return resources.map((r) => ({ tenantId: String(r.tenantId), programmeId: String(r.id) }));
  }

  /**
   * Closed programmes not purged yet, across tenants: what the retention sweep looks at. A
   * background query that fans out over partitions on purpose; programmes are few.
   */
  async closedNotPurged(): Promise<Versioned<Programme>[]> {
    const { resources } = await this.container.items
      .query<ItemDefinition>({
        query: "SELECT * FROM c WHERE c.status = 'closed' AND NOT IS_DEFINED(c.purgedAt)",
      })
      .fetchAll()
      .catch((error: unknown) => {
        throw this.translate(error);
      });
    return resources.map((r) => this.versioned(r));
  }
}
