import type { Container, ItemDefinition, SqlParameter } from '@azure/cosmos';
import { DomainError } from '../domain/errors';
import {
  helpRequestSchema,
  partitionOfRequest,
  requestPartition,
  type HelpRequest,
} from '../domain/buddy/help-request';
import { CosmosRepository, type Versioned } from './cosmos-repository';

/**
 * Quick-help requests (helpRequests container, partition `/partitionKey` = `tenantId|yyyy-mm`).
 * An id starts with its month, so a point read needs only the tenant and the id; every query
 * names its partitions in the SQL (the local server ignores the `partitionKey` option).
 */
export class HelpRequestRepository extends CosmosRepository<HelpRequest> {
  constructor(container: Container) {
    super(container, helpRequestSchema, { code: 'request_not_found', entity: 'Help request' });
  }

  private partition(tenantId: string, id: string): string {
    const partition = partitionOfRequest(tenantId, id);
    if (!partition) throw this.missing(id);
    return partition;
  }

  /** Point read by tenant and id; undefined when absent. */
  override async find(tenantId: string, id: string): Promise<Versioned<HelpRequest> | undefined> {
    const partition = partitionOfRequest(tenantId, id);
    if (!partition) return undefined;
    const found = await super.find(partition, id);
    return found && found.value.tenantId === tenantId ? found : undefined;
  }

  override async replace(value: HelpRequest, etag: string): Promise<Versioned<HelpRequest>> {
    const doc = this.toDocument(value);
    try {
      const { resource, etag: next } = await this.container
        .item(value.id, value.partitionKey)
        .replace(doc, { accessCondition: { type: 'IfMatch', condition: etag } });
      return { value: this.fromDocument(resource ?? doc), etag: next ?? '' };
    } catch (error) {
      throw this.translate(error, value.id);
    }
  }

  override async delete(tenantId: string, id: string, etag?: string): Promise<void> {
    try {
      await this.container
        .item(id, this.partition(tenantId, id))
        .delete(etag ? { accessCondition: { type: 'IfMatch', condition: etag } } : undefined);
    } catch (error) {
      if ((error as { code?: unknown }).code === 404) return;
      throw this.translate(error, id);
    }
  }

  override query(): never {
    throw new DomainError('internal', 'Help requests are queried by month: use inMonths');
  }

  /** Requests of `tenantId` in the given months' partitions matching `where`, newest first. */
  async inMonths(
    tenantId: string,
    months: readonly string[],
    where: string,
    parameters: readonly SqlParameter[] = [],
  ): Promise<Versioned<HelpRequest>[]> {
    const results: Versioned<HelpRequest>[] = [];
    for (const month of months) {
      const partitionKey = requestPartition(tenantId, month);
      const { resources } = await this.container.items
        .query<ItemDefinition>(
          {
            query: `SELECT * FROM c WHERE c.partitionKey = @partitionKey AND (${where}) ORDER BY c.createdAt DESC`,
            parameters: [{ name: '@partitionKey', value: partitionKey }, ...parameters],
          },
          { partitionKey, maxItemCount: 1000 },
        )
        .fetchAll()
        .catch((error: unknown) => {
          throw this.translate(error);
        });
      results.push(...resources.map((r) => this.versioned(r)));
    }
    return results;
  }

  /**
   * Requests whose round ran out (or whose first round never started), across tenants, oldest
   * first: a background sweep, so this query fans out over partitions on purpose.
   */
  async roundsDue(now: Date, limit: number): Promise<Versioned<HelpRequest>[]> {
    return this.crossPartition(
      `(c.status = 'searching' OR c.status = 'offered') AND (c.roundEndsAt = null OR c.roundEndsAt <= @now) ` +
        `AND (NOT IS_DEFINED(c.sweep) OR c.sweep.until <= @now)`,
      [{ name: '@now', value: now.toISOString() }],
      limit,
    );
  }

  /** Requests made before `cutoff` (to purge), across tenants, oldest first. */
  async olderThan(cutoff: Date, limit: number): Promise<Versioned<HelpRequest>[]> {
    return this.crossPartition(
      'c.createdAt < @cutoff',
      [{ name: '@cutoff', value: cutoff.toISOString() }],
      limit,
    );
  }

  private async crossPartition(
    where: string,
    parameters: SqlParameter[],
    limit: number,
  ): Promise<Versioned<HelpRequest>[]> {
    const top = Math.max(1, Math.min(1000, Math.floor(limit)));
    const { resources } = await this.container.items
      .query<ItemDefinition>({
        query: `SELECT TOP ${top} * FROM c WHERE ${where} ORDER BY c.createdAt`,
        parameters,
      })
      .fetchAll()
      .catch((error: unknown) => {
        throw this.translate(error);
      });
    return resources.map((r) => this.versioned(r));
  }
}
