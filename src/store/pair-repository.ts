import type { Container, ItemDefinition } from '@azure/cosmos';
import { z } from 'zod';
import { DomainError } from '../domain/errors';
import { pairSchema, pairStateSchema, type Pair } from '../domain/pair/schema';
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

  /**
   * Which side `personId` takes in each of their pairs, and the pair's state: /api/me's question,
   * answered without reading the pairs (sessions, notes and agreement stay in the store).
   */
  async sidesOf(tenantId: string, personId: string): Promise<PairSide[]> {
    const rows = await this.select(tenantId, 'c.mentorId, c.menteeId, c.state', {
      where: 'c.mentorId = @personId OR c.menteeId = @personId',
      parameters: [{ name: '@personId', value: personId }],
    });
    return rows.map((row) => {
      const side = pairSideSchema.safeParse(row);
      if (side.success) return side.data;
      throw new DomainError('internal', `A stored pair of ${personId} does not match its schema`, {
        issues: side.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    });
  }

  /** The pairs of a programme. */
  async ofProgramme(tenantId: string, programmeId: string): Promise<Versioned<Pair>[]> {
    return this.query(tenantId, {
      where: 'c.programmeId = @programmeId',
      parameters: [{ name: '@programmeId', value: programmeId }],
    });
  }

  /**
   * Pairs whose booked series still has planned sessions linked to it from `since` on (by start or
   * by original start), across tenants, one page at a time: what the calendar sweep re-reads. A
   * background sweep, so this query fans out over partitions on purpose; it returns only ids.
   */
  async withSeriesToWatch(
    since: string,
    pageSize: number,
    continuationToken?: string,
  ): Promise<{ items: PairRef[]; continuationToken?: string }> {
    const iterator = this.container.items.query<ItemDefinition>(
      {
        query:
          'SELECT c.id, c.tenantId FROM c WHERE IS_DEFINED(c.calendar.seriesId) AND EXISTS(' +
          "SELECT VALUE s FROM s IN c.sessions WHERE s.status = 'planned' AND " +
          'IS_DEFINED(s.calendarEventId) AND (s.start >= @since OR s.calendarEventId >= @since))',
        parameters: [{ name: '@since', value: new Date(since).toISOString() }],
      },
      { maxItemCount: Math.max(1, Math.floor(pageSize)), continuationToken },
    );
    const page = await iterator.fetchNext().catch((error: unknown) => {
      throw this.translate(error);
    });
    return {
      items: page.resources.map((r) => ({ tenantId: String(r.tenantId), pairId: String(r.id) })),
      ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
    };
  }
}

const pairSideSchema = z.object({
  mentorId: z.string(),
  menteeId: z.string(),
  state: pairStateSchema,
});

/** A pair's members and state, without the rest of it. */
export type PairSide = z.infer<typeof pairSideSchema>;

/** A pair named across tenants. */
export type PairRef = { readonly tenantId: string; readonly pairId: string };
