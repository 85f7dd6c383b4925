import { z } from 'zod';
import { dateTime, idSchema, integer, tenantIdSchema, text } from '../common';
import { isoWeek } from './buddy-settings';
import type { HelpRequest } from './help-request';

const counts = z.record(z.string(), z.number().int().nonnegative());

/**
 * Anonymous counts of one ISO week's quick-help requests: what is kept once requests are purged
 * (90 days), and what the programme health reads. No person, no question, no note.
 */
export const buddyWeekSchema = z.object({
  /** `week:<yyyy-Www>` */
  id: idSchema,
  tenantId: tenantIdSchema,
  week: text('week', { max: 10 }),
  asked: integer('asked', 0, 10_000_000),
  /** Matched with a buddy (then usually closed): the helps. */
  helped: integer('helped', 0, 10_000_000),
  unanswered: integer('unanswered', 0, 10_000_000),
  cancelled: integer('cancelled', 0, 10_000_000),
  /** Minutes from asking to a buddy's accept → how many requests (whole minutes). */
  minutesToBuddy: counts,
  /** Topic key (a catalogue skill id, or the normalised free text) → requests. */
  topics: counts,
  /**
   * Request ids counted here whose deletion is not confirmed yet (at most one purge batch), so a
   * purge interrupted between counting and deleting never counts a request twice.
   */
  counted: z.array(z.string()).max(1000),
  updatedAt: dateTime('updatedAt'),
});
export type BuddyWeek = z.infer<typeof buddyWeekSchema>;

/** Empty counts for `week`. */
export function emptyWeek(tenantId: string, week: string, now: Date): BuddyWeek {
  return {
    id: `week:${week}`,
    tenantId,
    week,
    asked: 0,
    helped: 0,
    unanswered: 0,
    cancelled: 0,
    minutesToBuddy: {},
    topics: {},
    counted: [],
    updatedAt: now.toISOString(),
  };
}

const bump = (map: Record<string, number>, key: string, by = 1) => ({
  ...map,
  [key]: (map[key] ?? 0) + by,
});

/** The week a request counts in: the week it was asked. */
export function weekOfRequest(request: Pick<HelpRequest, 'createdAt'>): string {
  return isoWeek(new Date(request.createdAt));
}

/** Adds one request to its week's counts, keeping nothing that names anyone. */
export function countRequest(week: BuddyWeek, request: HelpRequest): BuddyWeek {
  const matched = request.matchedAt !== null;
  const minutes = matched
    ? String(
        Math.max(
          0,
          Math.floor((Date.parse(request.matchedAt!) - Date.parse(request.createdAt)) / 60_000),
        ),
      )
    : undefined;
  return {
    ...week,
    asked: week.asked + 1,
    helped: week.helped + (matched ? 1 : 0),
    unanswered: week.unanswered + (request.status === 'unanswered' ? 1 : 0),
    cancelled: week.cancelled + (request.status === 'cancelled' ? 1 : 0),
    minutesToBuddy:
      minutes === undefined ? week.minutesToBuddy : bump(week.minutesToBuddy, minutes),
    topics: bump(week.topics, request.topic.key.slice(0, 100)),
  };
}

/** The median of a minutes → count histogram, or null when empty. */
export function medianMinutes(histogram: Readonly<Record<string, number>>): number | null {
  const entries = Object.entries(histogram)
    .map(([k, v]) => [Number(k), v] as const)
    .sort((x, y) => x[0] - y[0]);
  const total = entries.reduce((sum, [, v]) => sum + v, 0);
  if (total === 0) return null;
  const lower = Math.floor((total - 1) / 2);
  const upper = Math.floor(total / 2);
  const at = (rank: number) => {
    let seen = 0;
    for (const [minutes, v] of entries) {
      seen += v;
      if (seen > rank) return minutes;
    }
    return entries[entries.length - 1]![0];
  };
  return (at(lower) + at(upper)) / 2;
}

/** What the programme health shows of quick help (a few numbers; no person). */
export type BuddyFigures = {
  /** Oldest first. */
  readonly weeks: readonly { week: string; asked: number; helped: number; unanswered: number }[];
  readonly medianMinutesToBuddy: number | null;
  /** Most asked first: demand for the next programme's catalogue. */
  readonly topTopics: readonly { key: string; skillId: string | null; count: number }[];
};

/** Figures over a set of weeks; `isSkill` says which topic keys are catalogue skills. */
export function buddyFigures(
  weeks: readonly BuddyWeek[],
  isSkill: (key: string) => boolean,
  topN = 10,
): BuddyFigures {
  const sorted = [...weeks].sort((a, b) => a.week.localeCompare(b.week));
  let minutes: Record<string, number> = {};
  let topics: Record<string, number> = {};
  for (const w of sorted) {
    for (const [k, v] of Object.entries(w.minutesToBuddy)) minutes = bump(minutes, k, v);
    for (const [k, v] of Object.entries(w.topics)) topics = bump(topics, k, v);
  }
  return {
    weeks: sorted.map((w) => ({
      week: w.week,
      asked: w.asked,
      helped: w.helped,
      unanswered: w.unanswered,
    })),
    medianMinutesToBuddy: medianMinutes(minutes),
    topTopics: Object.entries(topics)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, topN)
      .map(([key, count]) => ({ key, skillId: isSkill(key) ? key : null, count })),
  };
}
