import {
  buddyFigures,
  countRequest,
  emptyWeek,
  weekOfRequest,
  type BuddyFigures,
  type BuddyWeek,
} from '../../domain/buddy/buddy-figures';
import { isoWeek } from '../../domain/buddy/buddy-settings';
import { monthsSince, type HelpRequest } from '../../domain/buddy/help-request';
import { isDomainError } from '../../domain/errors';
import type { Versioned } from '../../store/cosmos-repository';
import { catalogueOf, type BuddyServiceDeps } from './buddy-context';

/**
 * Requests made more than `retentionDays` ago become anonymous weekly counts (buddyWeeks), then
 * are deleted: a batch is counted with its ids noted on the week, deleted, then the ids dropped,
 * so an interrupted purge neither loses nor double-counts a request.
 */
export async function purgeOldRequests(
  deps: BuddyServiceDeps,
  retentionDays: number,
  batch = 200,
): Promise<{ purged: number }> {
  const now = deps.clock.now();
  const old = await deps.requests.olderThan(
    new Date(now.getTime() - retentionDays * 86_400_000),
    batch,
  );
  const groups = new Map<string, Versioned<HelpRequest>[]>();
  for (const r of old) {
    const key = `${r.value.tenantId}\n${weekOfRequest(r.value)}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  let purged = 0;
  for (const [key, requests] of groups) {
    const [tenantId, week] = key.split('\n') as [string, string];
    const ids = requests.map((r) => r.value.id);
    await upsertWeek(deps, tenantId, week, (current) => {
      const counted = new Set(current.counted);
      let next = current;
      for (const r of requests) if (!counted.has(r.value.id)) next = countRequest(next, r.value);
      return {
        ...next,
        counted: [...new Set([...current.counted, ...ids])],
        updatedAt: now.toISOString(),
      };
    });
    for (const r of requests) await deps.requests.delete(tenantId, r.value.id);
    await upsertWeek(deps, tenantId, week, (current) => ({
      ...current,
      counted: current.counted.filter((id) => !ids.includes(id)),
    }));
    purged += requests.length;
  }
  return { purged };
}

async function upsertWeek(
  deps: BuddyServiceDeps,
  tenantId: string,
  week: string,
  change: (current: BuddyWeek) => BuddyWeek,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const stored = await deps.weeks.find(tenantId, `week:${week}`);
    try {
      if (stored) await deps.weeks.replace(change(stored.value), stored.etag);
      else await deps.weeks.create(change(emptyWeek(tenantId, week, deps.clock.now())));
      return;
    } catch (error) {
      const retry =
        isDomainError(error, 'version_conflict') || isDomainError(error, 'already_exists');
      if (!retry || attempt >= 5) throw error;
    }
  }
}

/**
 * Quick help for the programme health (another screen calls it): helps per week, median minutes
 * to a buddy and the topics most asked, over the last `weeks` weeks: stored counts for purged
 * weeks, live requests for the rest (single-partition reads: one per month).
 */
export async function buddyFiguresOf(
  deps: BuddyServiceDeps,
  tenantId: string,
  weeks: number,
): Promise<BuddyFigures> {
  const now = deps.clock.now();
  const from = new Date(now.getTime() - weeks * 7 * 86_400_000);
  const fromWeek = isoWeek(from);
  const [stored, live, catalogue] = await Promise.all([
    deps.weeks.since(tenantId, fromWeek),
    deps.requests.inMonths(tenantId, monthsSince(from, now), 'c.createdAt >= @from', [
      { name: '@from', value: from.toISOString() },
    ]),
    catalogueOf(deps, tenantId),
  ]);
  const byWeek = new Map<string, BuddyWeek>(stored.map((w) => [w.value.week, w.value]));
  const counted = new Set(stored.flatMap((w) => w.value.counted));
  for (const { value } of live) {
    if (counted.has(value.id)) continue;
    const week = weekOfRequest(value);
    const current = byWeek.get(week) ?? emptyWeek(tenantId, week, now);
    byWeek.set(week, countRequest(current, value));
  }
  const skills = new Set(catalogue.map((s) => s.id));
  return buddyFigures(
    [...byWeek.values()].filter((w) => w.week >= fromWeek),
    (key) => skills.has(key),
  );
}
