import type { Clock } from '../../domain/clock';
import { isRefreshDue, type CalendarSync } from '../../domain/calendar/calendar-sync';
import type { RefreshOptions, RefreshOutcome } from './pair-calendar-service';
import type { Versioned } from '../../domain/versioned';
import type { PairRef } from '../../store/pair-repository';
import type { Logger } from '../../logger';

export type CalendarRefreshSweepDeps = {
  /** Pairs whose series has sessions still to come, across tenants, a page at a time. */
  pairs: {
    withSeriesToWatch(
      since: string,
      pageSize: number,
      continuationToken?: string,
    ): Promise<{ items: PairRef[]; continuationToken?: string }>;
  };
  /** When each of those pairs' series was last read (one query per page). */
  syncs: { ofPairs(pairs: readonly PairRef[]): Promise<Versioned<CalendarSync>[]> };
  /** Reads one pair's series and applies what changed (src/services/calendar/pair-calendar-service.ts). */
  calendar: {
    refreshPair(tenantId: string, pairId: string, options: RefreshOptions): Promise<RefreshOutcome>;
  };
  clock: Clock;
  /** A series is read again once its last read is this old (CALENDAR_SWEEP_HOURS). */
  intervalMs: number;
  /** How often the sweep looks for series due (default: a quarter of the interval, at most 10 min). */
  everyMs?: number;
  /** Pairs per page of the query (default 100). */
  pageSize?: number;
  /** Series read at once by this instance (default 4; Graph's transport also keeps ≤ 4 per mailbox). */
  concurrency?: number;
  /** Sessions that started this long ago still count as to come (default 1 day). */
  lookBackMs?: number;
  log?: Logger;
};

export type CalendarSweepResult = {
  /** Pairs with a series to watch. */
  pairs: number;
  /** Of those, read longer ago than the interval. */
  due: number;
  /** Read by this instance (the others were read meanwhile, or by another instance). */
  refreshed: number;
  /** Changes found: moves, cancellations, new declines. */
  changes: number;
  failed: number;
};

const DAY = 86_400_000;

/**
 * The scheduler's calendar sweep: re-reads the series of every pair with sessions to come once its
 * last read is older than the interval, so declines and moves made in Outlook reach the pair (and
 * its bot notifications) even when nobody opens the dashboard. Safe on many instances at once:
 * each read is claimed with an ETag on the pair's sync record first, so a series is read by one
 * instance; a failure is logged and retried at the next sweep.
 */
export class CalendarRefreshSweep {
  constructor(private readonly deps: CalendarRefreshSweepDeps) {}

  /** How often the background loop sweeps (src/app/background.ts). */
  get everyMs(): number {
    return this.deps.everyMs ?? Math.min(10 * 60_000, this.deps.intervalMs / 4);
  }

  /** One pass over every pair with a series to watch; an abort stops it between pages. */
  async sweep(signal?: AbortSignal): Promise<CalendarSweepResult> {
    const { deps } = this;
    const result: CalendarSweepResult = { pairs: 0, due: 0, refreshed: 0, changes: 0, failed: 0 };
    const now = deps.clock.now();
    const since = new Date(now.getTime() - (deps.lookBackMs ?? DAY)).toISOString();
    let token: string | undefined;
    do {
      const page = await deps.pairs.withSeriesToWatch(since, deps.pageSize ?? 100, token);
      token = page.continuationToken;
      result.pairs += page.items.length;
      const syncs = new Map(
        (await deps.syncs.ofPairs(page.items)).map((s) => [
          `${s.value.tenantId}\u0000${s.value.pairId}`,
          s.value,
        ]),
      );
      // The series id is checked again by refreshPair; here any record of another series is due.
      const due = page.items.filter((p) => {
        const sync = syncs.get(`${p.tenantId}\u0000${p.pairId}`);
        return isRefreshDue(sync, sync?.seriesId ?? '', now, deps.intervalMs);
      });
      result.due += due.length;
      await pool(due, deps.concurrency ?? 4, async (p) => {
        try {
          const outcome = await deps.calendar.refreshPair(p.tenantId, p.pairId, {
            minAgeMs: deps.intervalMs,
          });
          if (outcome.refreshed) result.refreshed += 1;
          result.changes += outcome.changes.length;
        } catch (error) {
          result.failed += 1;
          deps.log?.error(`calendar sweep: pair ${p.pairId} could not be refreshed`, error);
        }
      });
    } while (token && !signal?.aborted);
    return result;
  }
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function pool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(Math.max(1, limit), items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(runners);
}
