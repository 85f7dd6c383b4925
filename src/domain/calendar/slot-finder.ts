import { deFr, queFr } from '../french';
import { weekdays, type WeeklySlot } from '../common';
import { DomainError } from '../errors';
import {
  addDays,
  formatLocalTime,
  parseLocalTime,
  toLocal,
  toUtc,
  weekdayOf,
  type Weekday,
} from './local-time';
import { frequencies, occurrenceDate, type Frequency, type RecurrenceRule } from './recurrence';

/** A span of time in UTC (ISO instants), half-open: [start, end). */
export type Interval = { readonly start: string; readonly end: string };

/** A weekly slot in the person's own zone, e.g. { day: 'mon', start: '09:00', end: '17:30' }. */
export type WeeklyHours = WeeklySlot;

/** One side of the pair as the slot finder sees it. */
export type SchedulingPerson = {
  readonly id: string;
  readonly displayName: string;
  /** IANA zone, e.g. 'Europe/Paris', 'America/Toronto'. */
  readonly timeZone: string;
  readonly workingHours: readonly WeeklyHours[];
  /** Hours the person would rather meet in; optional, ranks proposals. */
  readonly preferredHours?: readonly WeeklyHours[];
  /** Busy intervals from their calendar (UTC), known up to the search's horizon. */
  readonly busy: readonly Interval[];
};

/** The agreement's frame: how long, how often, how many. */
export type SessionFrame = {
  readonly durationMinutes: number;
  readonly frequency: Frequency;
  readonly sessions: number;
};

/** What to search. `from` and `horizon` come from the caller (its Clock), never from Date.now(). */
export type SlotSearch = {
  /** Books the series in their calendar; weekday and time stay fixed in their zone. */
  readonly organiser: SchedulingPerson;
  readonly partner: SchedulingPerson;
  readonly frame: SessionFrame;
  /** Earliest start of the first session. */
  readonly from: Date | string;
  /** End of the window the busy intervals cover; later occurrences are checked against hours only. */
  readonly horizon: Date | string;
  /** Days after `from` in which the first session may fall (default 21). */
  readonly searchDays?: number;
  /** Grid of start times in the organiser's zone, minutes (default 30). */
  readonly stepMinutes?: number;
  /** How many proposals (default 5). */
  readonly limit?: number;
};

/** A person's view of a proposal: their own weekday and wall-clock time. */
export type LocalSlot = { readonly weekday: Weekday; readonly start: string; readonly end: string };

/** One proposed recurring slot, valid in both calendars for every occurrence the horizon covers. */
export type SlotProposal = {
  readonly rank: number;
  /** Ready to book. */
  readonly rule: RecurrenceRule;
  readonly organiserLocal: LocalSlot;
  /** The partner's wall-clock time of the first session (it can move by an hour when only one zone changes). */
  readonly partnerLocal: LocalSlot;
  readonly occurrences: readonly {
    readonly start: string;
    readonly end: string;
    /** False past the horizon: only working hours were checked. */
    readonly checkedAgainstCalendars: boolean;
  }[];
  /** 0..3: people whose preferred hours hold it (0..2) plus the time-of-day quality (0..1). */
  readonly score: number;
};

export type NoSlotCode =
  | 'missing_working_hours'
  | 'no_shared_working_hours'
  | 'frame_too_long'
  | 'no_stable_shared_hours'
  | 'calendars_full';

/** Why nothing fits, said plainly in both languages. */
export type NoSlotReason = {
  readonly code: NoSlotCode;
  readonly message: { readonly en: string; readonly fr: string };
  readonly details: Readonly<Record<string, string | number>>;
};

export type SlotSearchResult =
  | { readonly kind: 'found'; readonly proposals: readonly SlotProposal[] }
  | { readonly kind: 'none'; readonly reason: NoSlotReason };

const MINUTE = 60_000;
const DAY = 86_400_000;

type Span = readonly [number, number];

type Prepared = {
  readonly person: SchedulingPerson;
  readonly hours: ReadonlyMap<Weekday, readonly Span[]>;
  readonly preferred: ReadonlyMap<Weekday, readonly Span[]> | undefined;
  /** Merged, sorted busy spans (ms). */
  readonly busy: readonly Span[];
};

/**
 * Proposes the best recurring slots for a pair: same weekday and wall-clock time every period in
 * the organiser's zone, inside both people's working hours and free in both calendars for every
 * occurrence up to the horizon, DST included. Ranked by preferred hours, then time of day
 * (mid-morning first, late afternoon last), then the earliest start.
 */
export function findRecurringSlots(search: SlotSearch): SlotSearchResult {
  const fromMs = instant(search.from, 'from');
  const horizonMs = instant(search.horizon, 'horizon');
  const { frame } = search;
  assertFrame(frame);
  if (horizonMs <= fromMs) {
    throw new DomainError('validation_failed', 'The search horizon must be after its start', {
      from: new Date(fromMs).toISOString(),
      horizon: new Date(horizonMs).toISOString(),
    });
  }
  const step = search.stepMinutes ?? 30;
  const limit = search.limit ?? 5;
  const searchDays = search.searchDays ?? 21;
  const organiser = prepare(search.organiser);
  const partner = prepare(search.partner);
  const names = { a: search.organiser.displayName, b: search.partner.displayName };

  for (const side of [organiser, partner]) {
    if (side.hours.size === 0) {
      return none('missing_working_hours', { person: side.person.displayName, ...names });
    }
  }

  const searchEnd = Math.min(fromMs + searchDays * DAY, horizonMs);
  const longestShared = longestSharedSpan(organiser, partner, fromMs, searchEnd);
  if (longestShared === 0) return none('no_shared_working_hours', names);
  if (longestShared < frame.durationMinutes) {
    return none('frame_too_long', {
      ...names,
      durationMinutes: frame.durationMinutes,
      longestSharedMinutes: longestShared,
    });
  }

  const zone = search.organiser.timeZone;
  const duration = frame.durationMinutes * MINUTE;
  const found = new Map<string, SlotProposal>();
  let withinHours = 0;
  const firstDate = toLocal(fromMs, zone).date;
  for (let date = firstDate; toUtc(date, 0, zone) < searchEnd; date = addDays(date, 1)) {
    const day = weekdayOf(date);
    for (const [open, close] of organiser.hours.get(day) ?? []) {
      for (
        let minutes = Math.ceil(open / step) * step;
        minutes + frame.durationMinutes <= close;
        minutes += step
      ) {
        const key = `${day}@${minutes}`;
        if (found.has(key)) continue;
        const start = toUtc(date, minutes, zone);
        if (start < fromMs || start >= searchEnd) continue;
        const rule: RecurrenceRule = {
          frequency: frame.frequency,
          timeZone: zone,
          firstDate: date,
          localStart: formatLocalTime(minutes),
          durationMinutes: frame.durationMinutes,
          count: frame.sessions,
        };
        const occurrences: { start: number; end: number; checked: boolean }[] = [];
        let fits = true;
        let busy = false;
        for (let n = 0; n < frame.sessions && fits; n++) {
          const s = n === 0 ? start : toUtc(occurrenceDate(rule, n), minutes, zone);
          const e = s + duration;
          if (!insideHours(organiser, s, e) || !insideHours(partner, s, e)) {
            fits = false;
            break;
          }
          const checked = s < horizonMs;
          if (checked && (overlapsBusy(organiser.busy, s, e) || overlapsBusy(partner.busy, s, e))) {
            busy = true;
          }
          occurrences.push({ start: s, end: e, checked });
        }
        if (!fits) continue;
        withinHours++;
        if (busy) continue;
        found.set(key, {
          rank: 0,
          rule,
          organiserLocal: localSlot(start, duration, zone),
          partnerLocal: localSlot(start, duration, search.partner.timeZone),
          occurrences: occurrences.map((o) => ({
            start: new Date(o.start).toISOString(),
            end: new Date(o.end).toISOString(),
            checkedAgainstCalendars: o.checked,
          })),
          score: score(organiser, partner, start, duration),
        });
      }
    }
  }

  if (found.size === 0) {
    if (withinHours === 0) {
      return none('no_stable_shared_hours', { ...names, sessions: frame.sessions });
    }
    return none('calendars_full', { ...names, weeks: Math.max(1, Math.round(searchDays / 7)) });
  }
  return { kind: 'found', proposals: pick([...found.values()], limit) };
}

/** Best first, at most two per weekday until every weekday has had its turn. */
function pick(candidates: SlotProposal[], limit: number): SlotProposal[] {
  const ranked = candidates.sort(
    (x, y) =>
      y.score - x.score ||
      Date.parse(x.occurrences[0]?.start ?? '') - Date.parse(y.occurrences[0]?.start ?? ''),
  );
  const chosen: SlotProposal[] = [];
  const perDay = new Map<Weekday, number>();
  for (const candidate of ranked) {
    if (chosen.length === limit) break;
    const day = candidate.organiserLocal.weekday;
    if ((perDay.get(day) ?? 0) >= 2) continue;
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    chosen.push(candidate);
  }
  for (const candidate of ranked) {
    if (chosen.length === limit) break;
    if (!chosen.includes(candidate)) chosen.push(candidate);
  }
  return chosen
    .sort(
      (x, y) =>
        y.score - x.score ||
        Date.parse(x.occurrences[0]?.start ?? '') - Date.parse(y.occurrences[0]?.start ?? ''),
    )
    .map((proposal, index) => ({ ...proposal, rank: index + 1 }));
}

function score(organiser: Prepared, partner: Prepared, start: number, duration: number): number {
  let total = 0;
  let quality = 0;
  for (const side of [organiser, partner]) {
    if (
      side.preferred &&
      insideSpans(side.preferred, side.person.timeZone, start, start + duration)
    ) {
      total += 1;
    }
    quality += timeOfDay(toLocal(start, side.person.timeZone).minutes);
  }
  return Math.round((total + quality / 2) * 100) / 100;
}

/** Mid-morning is best for a conversation; lunch and late afternoon are the least liked. */
function timeOfDay(minutes: number): number {
  if (minutes >= 570 && minutes < 690) return 1; // 09:30–11:30
  if (minutes >= 510 && minutes < 570) return 0.8; // 08:30–09:30
  if (minutes >= 690 && minutes < 720) return 0.7; // 11:30–12:00
  if (minutes >= 810 && minutes < 930) return 0.7; // 13:30–15:30
  if (minutes >= 930 && minutes < 1020) return 0.5; // 15:30–17:00
  if (minutes >= 720 && minutes < 810) return 0.3; // lunch
  return 0.2;
}

function localSlot(start: number, duration: number, timeZone: string): LocalSlot {
  const local = toLocal(start, timeZone);
  const end = toLocal(start + duration, timeZone);
  return {
    weekday: local.weekday,
    start: formatLocalTime(local.minutes),
    end: formatLocalTime(end.minutes),
  };
}

function insideHours(side: Prepared, start: number, end: number): boolean {
  return insideSpans(side.hours, side.person.timeZone, start, end);
}

function insideSpans(
  spans: ReadonlyMap<Weekday, readonly Span[]>,
  timeZone: string,
  start: number,
  end: number,
): boolean {
  const s = toLocal(start, timeZone);
  const e = toLocal(end, timeZone);
  // Wall-clock length can differ from real length across a DST change: compare both ends.
  const endMinutes = e.date === s.date ? e.minutes : e.minutes === 0 ? 24 * 60 : -1;
  if (endMinutes < 0) return false;
  return (spans.get(s.weekday) ?? []).some(
    ([open, close]) => s.minutes >= open && endMinutes <= close && endMinutes > s.minutes,
  );
}

function overlapsBusy(busy: readonly Span[], start: number, end: number): boolean {
  // Binary search for the first busy span ending after `start`.
  let lo = 0;
  let hi = busy.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((busy[mid] as Span)[1] <= start) lo = mid + 1;
    else hi = mid;
  }
  const candidate = busy[lo];
  return candidate !== undefined && candidate[0] < end;
}

/** Longest stretch (minutes) inside both people's working hours over the search window. */
function longestSharedSpan(a: Prepared, b: Prepared, from: number, to: number): number {
  const spansA = utcSpans(a, from, to);
  const spansB = utcSpans(b, from, to);
  let i = 0;
  let j = 0;
  let longest = 0;
  while (i < spansA.length && j < spansB.length) {
    const [s1, e1] = spansA[i] as Span;
    const [s2, e2] = spansB[j] as Span;
    const overlap = Math.min(e1, e2) - Math.max(s1, s2);
    if (overlap > 0) longest = Math.max(longest, overlap);
    if (e1 < e2) i++;
    else j++;
  }
  return Math.floor(longest / MINUTE);
}

function utcSpans(side: Prepared, from: number, to: number): Span[] {
  const zone = side.person.timeZone;
  const spans: Span[] = [];
  const last = toLocal(to, zone).date;
  for (let date = toLocal(from, zone).date; date <= last; date = addDays(date, 1)) {
    const day = weekdayOf(date);
    for (const [open, close] of side.hours.get(day) ?? []) {
      const s = Math.max(toUtc(date, open, zone), from);
      const e = Math.min(toUtc(date, close, zone), to);
      if (e > s) spans.push([s, e]);
    }
  }
  return spans.sort((x, y) => x[0] - y[0]);
}

function prepare(person: SchedulingPerson): Prepared {
  toLocal(0, person.timeZone); // validates the zone
  return {
    person,
    hours: weekly(person.workingHours, `${person.displayName}'s working hours`),
    preferred: person.preferredHours
      ? weekly(person.preferredHours, `${person.displayName}'s preferred hours`)
      : undefined,
    busy: mergeBusy(person.busy, person.displayName),
  };
}

function weekly(hours: readonly WeeklyHours[], what: string): Map<Weekday, Span[]> {
  const byDay = new Map<Weekday, Span[]>();
  for (const slot of hours) {
    if (!weekdays.includes(slot.day)) {
      throw new DomainError('validation_failed', `${what}: "${slot.day}" is not a weekday`, {
        day: slot.day,
      });
    }
    const open = parseLocalTime(slot.start);
    const close = parseLocalTime(slot.end);
    if (close <= open) {
      throw new DomainError(
        'validation_failed',
        `${what}: ${slot.day} ends (${slot.end}) before it starts (${slot.start})`,
        { day: slot.day, start: slot.start, end: slot.end },
      );
    }
    byDay.set(slot.day, [...(byDay.get(slot.day) ?? []), [open, close]]);
  }
  return byDay;
}

function mergeBusy(intervals: readonly Interval[], name: string): Span[] {
  const spans = intervals
    .map((interval): Span => {
      const start = Date.parse(interval.start);
      const end = Date.parse(interval.end);
      if (Number.isNaN(start) || Number.isNaN(end) || end < start) {
        throw new DomainError('validation_failed', `${name}'s calendar has an invalid interval`, {
          interval: `${interval.start}/${interval.end}`,
        });
      }
      return [start, end];
    })
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of spans) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function assertFrame(frame: SessionFrame): void {
  const problems: string[] = [];
  if (!Number.isInteger(frame.durationMinutes) || frame.durationMinutes < 15) {
    problems.push('durationMinutes');
  }
  if (!frequencies.includes(frame.frequency)) problems.push('frequency');
  if (!Number.isInteger(frame.sessions) || frame.sessions < 1 || frame.sessions > 52) {
    problems.push('sessions');
  }
  if (problems.length > 0) {
    throw new DomainError('validation_failed', `Invalid session frame: ${problems.join(', ')}`, {
      fields: problems,
    });
  }
}

function instant(value: Date | string, field: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) {
    throw new DomainError('validation_failed', `${field} is not a valid instant`, { field });
  }
  return ms;
}

function none(code: NoSlotCode, details: Record<string, string | number>): SlotSearchResult {
  return { kind: 'none', reason: { code, message: noSlotMessage(code, details), details } };
}

/** The plain-language explanation of a NoSlotCode, in English and French. */
export function noSlotMessage(
  code: NoSlotCode,
  details: Readonly<Record<string, string | number>>,
): { en: string; fr: string } {
  const a = String(details.a ?? '');
  const b = String(details.b ?? '');
  switch (code) {
    case 'missing_working_hours':
      return {
        en: `${details.person} has no working hours in their profile yet, so no time can be proposed.`,
        fr: `${details.person} n’a pas encore indiqué ses heures de travail : aucun créneau ne peut être proposé.`,
      };
    case 'no_shared_working_hours':
      return {
        en: `${a} and ${b} have no working hours in common, once both time zones are taken into account.`,
        fr: `${a} et ${b} n’ont aucune heure de travail en commun, fuseaux horaires compris.`,
      };
    case 'frame_too_long':
      return {
        en: `Sessions of ${details.durationMinutes} minutes are longer than the ${details.longestSharedMinutes} minutes ${a} and ${b} share at most in a working day: shorten the sessions or widen the hours.`,
        fr: `Des séances de ${details.durationMinutes} minutes dépassent les ${details.longestSharedMinutes} minutes de travail ${queFr(a)} et ${b} ont au plus en commun dans une journée : raccourcissez les séances ou élargissez les horaires.`,
      };
    case 'no_stable_shared_hours':
      return {
        en: `${a} and ${b} share some working hours, but no weekday and time stays inside them for all ${details.sessions} sessions (a time-zone change moves them).`,
        fr: `${a} et ${b} ont des heures de travail en commun, mais aucun jour ni horaire n’y reste pour les ${details.sessions} séances (un changement d’heure les décale).`,
      };
    case 'calendars_full':
      return {
        en: `${a}’s and ${b}’s calendars are full at every shared working time in the next ${details.weeks} weeks.`,
        fr: `Les agendas ${deFr(a)} et ${deFr(b)} sont pleins sur tous leurs horaires communs des ${details.weeks} prochaines semaines.`,
      };
  }
}
