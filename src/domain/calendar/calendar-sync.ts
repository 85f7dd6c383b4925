import { z } from 'zod';
import { dateTime, group, idOf, idSchema, list, tenantIdSchema, text } from '../common';
import { isLeaseLive, leaseSchema, takeLease } from '../lease';

/**
 * When a pair's series was last read from the calendar, who is reading it now, and the declines
 * seen then (calendar container, `kind: 'sync'`, one per pair). Kept apart from the pair so that a
 * refresh that finds nothing leaves the pair's ETag alone: an open dashboard's forms stay current.
 */
export const calendarSyncSchema = z.object({
  id: idSchema,
  tenantId: tenantIdSchema,
  kind: z.literal('sync'),
  pairId: idOf('pairId'),
  /** The series read; declines of an earlier series (before a pause) do not carry over. */
  seriesId: text('seriesId', { min: 1, max: 1000 }),
  /** The last successful read of the series. */
  refreshedAt: dateTime('refreshedAt').optional(),
  /** An instance reading the series now; another waits until `until` before taking over. */
  claim: leaseSchema('claim').optional(),
  /** Who declined which session at the last read: only new declines are reported. */
  declines: list(
    'declines',
    group('decline', { sessionId: idOf('sessionId'), personId: idOf('personId') }),
  ).max(520, { error: 'declines must have at most 520 entries' }),
  lastError: text('lastError', { max: 2000 }).optional(),
  updatedAt: dateTime('updatedAt'),
});
export type CalendarSync = z.infer<typeof calendarSyncSchema>;
export type SeenDecline = CalendarSync['declines'][number];

/** The id of a pair's sync record. */
export function calendarSyncId(pairId: string): string {
  return `sync-${pairId}`;
}

/**
 * True when the series should be read now: never read (or another series), the last read older
 * than `minAgeMs`, and nobody else holding a live claim.
 */
export function isRefreshDue(
  sync: CalendarSync | undefined,
  seriesId: string,
  now: Date,
  minAgeMs: number,
): boolean {
  if (!sync || sync.seriesId !== seriesId) return true;
  if (isLeaseLive(sync.claim, now)) return false;
  if (!sync.refreshedAt) return true;
  return Date.parse(sync.refreshedAt) <= now.getTime() - minAgeMs;
}

/** The record with `by` holding it for `leaseMs`; write it conditionally on its ETag. */
export function claimRefresh(
  sync: CalendarSync | undefined,
  target: { tenantId: string; pairId: string; seriesId: string },
  by: string,
  leaseMs: number,
  now: Date,
): CalendarSync {
  const sameSeries = sync?.seriesId === target.seriesId;
  return {
    id: calendarSyncId(target.pairId),
    tenantId: target.tenantId,
    kind: 'sync',
    pairId: target.pairId,
    seriesId: target.seriesId,
    ...(sameSeries && sync?.refreshedAt ? { refreshedAt: sync.refreshedAt } : {}),
    claim: takeLease(by, now, leaseMs),
    declines: sameSeries ? (sync?.declines ?? []) : [],
    updatedAt: now.toISOString(),
  };
}

/**
 * The read went through: records it and the declines seen now, and says which are new (the same
 * person declining the same session again is not news; one who accepted since drops out).
 */
export function completeRefresh(
  claimed: CalendarSync,
  declines: readonly SeenDecline[],
  now: Date,
): { sync: CalendarSync; newDeclines: SeenDecline[] } {
  const key = (d: SeenDecline) => `${d.sessionId}\u0000${d.personId}`;
  const known = new Set(claimed.declines.map(key));
  const unique = [...new Map(declines.map((d) => [key(d), d])).values()];
  const { claim: _claim, lastError: _lastError, ...rest } = claimed;
  return {
    sync: {
      ...rest,
      refreshedAt: now.toISOString(),
      declines: unique.slice(0, 520),
      updatedAt: now.toISOString(),
    },
    newDeclines: unique.filter((d) => !known.has(key(d))),
  };
}

/** The read failed: the claim is handed back (the next refresh retries) with the reason kept. */
export function releaseRefresh(claimed: CalendarSync, reason: string, now: Date): CalendarSync {
  const { claim: _claim, ...rest } = claimed;
  return { ...rest, lastError: reason.slice(0, 2000), updatedAt: now.toISOString() };
}
