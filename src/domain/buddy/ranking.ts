import {
  helpsThisWeek,
  inQuietHours,
  inWorkingHours,
  isPaused,
  type BuddyCandidate,
} from './buddy-settings';
import type { HelpRequest } from './help-request';

/** The asker as the ranking needs them. */
export type Asker = {
  readonly id: string;
  /** Their direct manager, never offered their request. */
  readonly managerId: string | null;
  /** Their direct reports, never offered it either. */
  readonly reportIds: ReadonlySet<string>;
  /** Languages they speak (their locale, plus their programme profile's). */
  readonly languages: readonly string[];
};

/** Why a buddy is left out; the service logs counts only (a buddy never learns who passed). */
export type Exclusion =
  | 'asker'
  | 'inactive'
  | 'paused'
  | 'at_cap'
  | 'quiet_hours'
  | 'hierarchy'
  | 'already_offered'
  | 'no_skill'
  | 'no_shared_language'
  | 'outside_working_hours';

export type RankedBuddy = {
  readonly settings: BuddyCandidate;
  readonly level: number;
  readonly sharedLanguage: boolean;
  readonly withinWorkingHours: boolean;
  /** From their calendar now: true free, false busy, undefined not read. */
  readonly free: boolean | undefined;
  readonly helpsThisWeek: number;
};

const lang = (tag: string) => tag.toLowerCase().split('-')[0] ?? tag;

/** Why `settings` may not be offered `request` now, or undefined when they may. */
export function exclusionOf(
  request: HelpRequest,
  asker: Asker,
  settings: BuddyCandidate,
  now: Date,
): Exclusion | undefined {
  if (settings.id === asker.id) return 'asker';
  if (!settings.active) return 'inactive';
  if (isPaused(settings, now)) return 'paused';
  if (helpsThisWeek(settings, now) >= settings.weeklyCap) return 'at_cap';
  if (inQuietHours(settings, now)) return 'quiet_hours';
  if (settings.id === asker.managerId || asker.reportIds.has(settings.id)) return 'hierarchy';
  if (request.offeredTo.includes(settings.id)) return 'already_offered';
  const skill = request.topic.skillId;
  if (!(settings.anythingDigital || (skill !== null && settings.skillIds.includes(skill)))) {
    return 'no_skill';
  }
  if (!request.widened) {
    const theirs = new Set(settings.languages.map(lang));
    if (!asker.languages.some((l) => theirs.has(lang(l)))) return 'no_shared_language';
    // "Now" means now in the buddy's own day: 09:00 in Paris is 03:00 in Toronto.
    if (request.when === 'now' && !inWorkingHours(settings, now)) return 'outside_working_hours';
  }
  return undefined;
}

/** The buddies who may be offered `request` now, best first (without calendar knowledge yet). */
export function eligibleBuddies(
  request: HelpRequest,
  asker: Asker,
  candidates: readonly BuddyCandidate[],
  now: Date,
): RankedBuddy[] {
  const askerLanguages = new Set(asker.languages.map(lang));
  const ranked: RankedBuddy[] = [];
  for (const settings of candidates) {
    if (exclusionOf(request, asker, settings, now) !== undefined) continue;
    const skill = settings.skills.find((s) => s.skillId === request.topic.skillId);
    ranked.push({
      settings,
      // "Anything digital" ranks below anyone who listed the skill.
      level: skill?.level ?? 0,
      sharedLanguage: settings.languages.some((l) => askerLanguages.has(lang(l))),
      withinWorkingHours: inWorkingHours(settings, now),
      free: undefined,
      helpsThisWeek: helpsThisWeek(settings, now),
    });
  }
  return rankBuddies(ranked);
}

const freeRank = (free: boolean | undefined) => (free === true ? 2 : free === undefined ? 1 : 0);

/**
 * Ranked by skill level, a shared language, being within their working hours, free in their
 * calendar now, fewest helps this week; the id breaks ties so the order is stable.
 */
export function rankBuddies(buddies: readonly RankedBuddy[]): RankedBuddy[] {
  return [...buddies].sort(
    (a, b) =>
      b.level - a.level ||
      Number(b.sharedLanguage) - Number(a.sharedLanguage) ||
      Number(b.withinWorkingHours) - Number(a.withinWorkingHours) ||
      freeRank(b.free) - freeRank(a.free) ||
      a.helpsThisWeek - b.helpsThisWeek ||
      a.settings.id.localeCompare(b.settings.id),
  );
}
