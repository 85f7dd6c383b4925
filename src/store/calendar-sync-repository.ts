import type { Container, ItemDefinition } from '@azure/cosmos';
import { isDomainError } from '../domain/errors';
import {
  calendarSyncId,
  calendarSyncSchema,
  type CalendarSync,
} from '../domain/calendar/calendar-sync';
import { CosmosRepository, type Versioned } from './cosmos-repository';

/**
 * When each pair's series was last read (calendar container, `kind: 'sync'`), for either calendar
 * provider. Claims are ETag-conditional writes, so two instances never read the same series at once.
 */
export class CalendarSyncRepository extends CosmosRepository<CalendarSync> {
  constructor(container: Container) {
    super(container, calendarSyncSchema, { code: 'not_found', entity: 'Calendar sync' });
  }

  /** The pair's record (point read), if it was ever refreshed. */
  async ofPair(tenantId: string, pairId: string): Promise<Versioned<CalendarSync> | undefined> {
    return this.find(tenantId, calendarSyncId(pairId));
  }

  /**
   * The records of many pairs across tenants in one query (a background sweep: it fans out over
   * partitions on purpose). Pairs never refreshed have none.
   */
  async ofPairs(
    pairs: readonly { tenantId: string; pairId: string }[],
  ): Promise<Versioned<CalendarSync>[]> {
    if (pairs.length === 0) return [];
    const wanted = new Set(pairs.map((p) => `${p.tenantId}\u0000${calendarSyncId(p.pairId)}`));
    const { resources } = await this.container.items
      .query<ItemDefinition>({
        query: "SELECT * FROM c WHERE c.kind = 'sync' AND ARRAY_CONTAINS(@ids, c.id)",
        parameters: [
          { name: '@ids', value: [...new Set(pairs.map((p) => calendarSyncId(p.pairId)))] },
        ],
      })
      .fetchAll()
      .catch((error: unknown) => {
        throw this.translate(error);
      });
    return resources
      .map((resource) => this.versioned(resource))
      .filter((s) => wanted.has(`${s.value.tenantId}\u0000${s.value.id}`));
  }

  /**
   * Writes `next` only if the record is still as read (`current`, or absent): undefined when
   * another instance wrote it first, so it is theirs.
   */
  async claim(
    current: Versioned<CalendarSync> | undefined,
    next: CalendarSync,
  ): Promise<Versioned<CalendarSync> | undefined> {
    try {
      return current ? await this.replace(next, current.etag) : await this.create(next);
    } catch (error) {
      if (isDomainError(error, 'version_conflict') || isDomainError(error, 'already_exists')) {
        return undefined;
      }
      // Deleted since it was read: someone reset it; not ours this time.
      if (isDomainError(error, 'not_found')) return undefined;
      throw error;
    }
  }
}
