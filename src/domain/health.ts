import type { Approval } from './approval';
import { latestPairingFits } from './pair/feedback';
import type { Pair } from './pair/schema';
import type { Skill } from './programme';

/**
 * Programme health rules: when a pair is at risk, how assessment goals map to catalogue skills,
 * and small-group suppression. Pure: time is passed in.
 */

const dayMs = 24 * 60 * 60 * 1000;

/** Fewer people than this in a breakdown are shown as "fewer than 5". */
export const smallGroupMinimum = 5;

/** A lead nudges a pair (or reminds an invitee) at most once per this many days. */
export const nudgeIntervalDays = 7;

/** Figures older than this are recomputed before they are shown. */
export const healthMaxAgeMs = 15 * 60 * 1000;

export type RiskCode =
  | 'no_session_14_days'
  | 'sessions_missed'
  | 'low_rating'
  | 'not_a_good_fit'
  | 'approval_pending_7_days'
  | 'agreement_unsigned_14_days';

export type Risk = { code: RiskCode; days: number | null };

/** States in which a pair is expected to be moving (not proposed, paused or over). */
const watchedStates: readonly Pair['state'][] = ['accepted', 'awaiting_approval', 'active'];

/** Whole days from `from` to `to` (rounded down). */
export function daysBetween(from: string | Date, to: Date): number {
  return Math.floor((to.getTime() - new Date(from).getTime()) / dayMs);
}

/**
 * Why a pair is at risk at `now`, in a stable order:
 * - no_session_14_days: active and nothing held for 14 days (or since pairing);
 * - sessions_missed: two or more sessions marked missed;
 * - low_rating: a member's average rating of the sessions is 2 or below (ratings are 1–4);
 * - not_a_good_fit: a member's latest pairing-fit answer is "poor";
 * - approval_pending_7_days: a manager approval has waited for more than 7 days;
 * - agreement_unsigned_14_days: not signed by both 14 days after pairing.
 * Paused, proposed, completed and ended pairs are never at risk.
 */
export function risksOf(pair: Pair, approvals: readonly Approval[], now: Date): Risk[] {
  if (!watchedStates.includes(pair.state)) return [];
  const risks: Risk[] = [];
  const nowIso = now.toISOString();
  if (pair.state === 'active') {
    const lastHeld = lastHeldStart(pair);
    const since = lastHeld ?? pair.createdAt;
    const days = daysBetween(since, now);
    if (days >= 14) risks.push({ code: 'no_session_14_days', days });
  }
  const missed = pair.sessions.filter((s) => s.status === 'missed').length;
  if (missed >= 2) risks.push({ code: 'sessions_missed', days: null });
  for (const memberId of [pair.mentorId, pair.menteeId]) {
    const given = pair.feedback.filter((f) => f.fromId === memberId);
    if (given.length === 0) continue;
    const average = given.reduce((sum, f) => sum + f.rating, 0) / given.length;
    if (average <= 2) {
      risks.push({ code: 'low_rating', days: null });
      break;
    }
  }
  const fits = latestPairingFits(pair);
  if (fits.mentor === 'poor' || fits.mentee === 'poor') {
    risks.push({ code: 'not_a_good_fit', days: null });
  }
  const pendingSince = oldestPendingApproval(pair, approvals);
  if (pendingSince !== undefined && pendingSince < nowIso) {
    const days = daysBetween(pendingSince, now);
    if (days >= 7) risks.push({ code: 'approval_pending_7_days', days });
  }
  const { agreement } = pair;
  const signed =
    agreement.signatures.mentor?.revision === agreement.revision &&
    agreement.signatures.mentee?.revision === agreement.revision;
  if (!signed) {
    const days = daysBetween(pair.createdAt, now);
    if (days >= 14) risks.push({ code: 'agreement_unsigned_14_days', days });
  }
  return risks;
}

/** The start of the latest session held, or undefined. */
export function lastHeldStart(pair: Pair): string | undefined {
  let last: string | undefined;
  for (const s of pair.sessions) {
    if (s.status === 'held' && (last === undefined || s.start > last)) last = s.start;
  }
  return last;
}

/** The start of the first session held, or undefined. */
export function firstHeldStart(pair: Pair): string | undefined {
  let first: string | undefined;
  for (const s of pair.sessions) {
    if (s.status === 'held' && (first === undefined || s.start < first)) first = s.start;
  }
  return first;
}

/** The start of the next planned session after `now`, or undefined. */
export function nextPlannedStart(pair: Pair, now: Date): string | undefined {
  const nowIso = now.toISOString();
  let next: string | undefined;
  for (const s of pair.sessions) {
    if (s.status === 'planned' && s.start > nowIso && (next === undefined || s.start < next)) {
      next = s.start;
    }
  }
  return next;
}

/** When the oldest pending approval of the pair was asked (the store's, else the pair's copy). */
function oldestPendingApproval(pair: Pair, approvals: readonly Approval[]): string | undefined {
  const stored = approvals.filter((a) => a.pairId === pair.id && a.status === 'pending');
  const dates =
    stored.length > 0
      ? stored.map((a) => a.createdAt)
      : (pair.approvals ?? []).filter((a) => a.status === 'pending').map((a) => a.requestedAt);
  return dates.sort()[0];
}

/** Lower-case, without accents or punctuation runs: "Tableaux de bord Power BI" → "tableaux de bord power bi". */
export function normaliseForMatch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The catalogue skill a goal names, or undefined: its French or English label, its id, or for a
 * digital skill the part of its label before « et » / "and" ("Copilot" for « Copilot et IA
 * générative »). When several match, the longest name wins ("Power BI avancé" over "Power BI").
 */
export function skillOfGoal(goal: string, skills: readonly Skill[]): string | undefined {
  return skillMatcher(skills)(goal);
}

/** `skillOfGoal` for many goals: the catalogue's names normalised once, each goal looked up once. */
export function skillMatcher(skills: readonly Skill[]): (goal: string) => string | undefined {
  const needles: { id: string; needle: string }[] = [];
  for (const skill of skills) {
    const names = [skill.label.fr, skill.label.en, skill.id];
    if (skill.kind === 'digital') {
      for (const label of [skill.label.fr, skill.label.en]) {
        const head = normaliseForMatch(label).split(/ (?:et|and) /)[0];
        if (head) names.push(head);
      }
    }
    for (const name of names) {
      const needle = normaliseForMatch(name);
      if (needle.length >= 2) needles.push({ id: skill.id, needle: ` ${needle} ` });
    }
  }
  const seen = new Map<string, string | undefined>();
  return (goal) => {
    if (seen.has(goal)) return seen.get(goal);
    const text = ` ${normaliseForMatch(goal)} `;
    let best: { id: string; length: number } | undefined;
    for (const { id, needle } of needles) {
      if (text.includes(needle) && (!best || needle.length > best.length)) {
        best = { id, length: needle.length };
      }
    }
    seen.set(goal, best?.id);
    return best?.id;
  };
}

/** True when a count of people is small enough to be shown as "fewer than 5" (0 is shown). */
export function isSmallGroup(people: number): boolean {
  return people > 0 && people < smallGroupMinimum;
}

/** The median of `values` (undefined when empty). */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rounded to one decimal. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Monday (UTC) of the week of `iso`, as `YYYY-MM-DD`. */
export function weekStartOf(iso: string): string {
  const d = new Date(iso);
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day))
    .toISOString()
    .slice(0, 10);
}

/** The weekly sessions chart holds at most this many weeks. */
export const maxSessionWeeks = 60;

/**
 * The Mondays (UTC, `YYYY-MM-DD`) the weekly sessions series covers: from the programme's first
 * week, or the first session's when a pair met before the programme started (pilot pairs do),
 * to its last week, or the last session's; the latest `maxSessionWeeks` weeks when longer.
 */
export function sessionWeeks(
  programme: { startDate: string; endDate: string },
  sessionStarts: Iterable<string>,
): string[] {
  // ISO instants (UTC, same shape) order as strings: two dates parsed, not one per session.
  let earliest: string | undefined;
  let latest: string | undefined;
  for (const start of sessionStarts) {
    if (earliest === undefined || start < earliest) earliest = start;
    if (latest === undefined || start > latest) latest = start;
  }
  let first = weekStartOf(`${programme.startDate}T00:00:00Z`);
  let last = weekStartOf(`${programme.endDate}T00:00:00Z`);
  if (earliest !== undefined && weekStartOf(earliest) < first) first = weekStartOf(earliest);
  if (latest !== undefined && weekStartOf(latest) > last) last = weekStartOf(latest);
  const weekMs = 7 * dayMs;
  const lastMs = Date.parse(`${last}T00:00:00Z`);
  const firstMs = Math.max(
    Date.parse(`${first}T00:00:00Z`),
    lastMs - (maxSessionWeeks - 1) * weekMs,
  );
  const weeks: string[] = [];
  for (let at = firstMs; at <= lastMs; at += weekMs) {
    weeks.push(new Date(at).toISOString().slice(0, 10));
  }
  return weeks;
}

/** When the next nudge may go out after one sent at `lastSentAt`. */
export function nudgeAvailability(
  lastSentAt: string | undefined,
  now: Date,
): { available: boolean; lastSentAt: string | null; nextAvailableAt: string | null } {
  if (!lastSentAt) return { available: true, lastSentAt: null, nextAvailableAt: null };
  const next = new Date(new Date(lastSentAt).getTime() + nudgeIntervalDays * dayMs);
  const available = next.getTime() <= now.getTime();
  return { available, lastSentAt, nextAvailableAt: available ? null : next.toISOString() };
}
