import { DomainError } from '../errors';
import {
  addDays,
  daysInMonth,
  formatLocalTime,
  joinDate,
  parseLocalTime,
  splitDate,
  toUtc,
  weekdayOf,
  type Weekday,
} from './local-time';

import { frequencies, type Frequency } from '../programme';

export { frequencies, type Frequency };

/** Which week of the month a monthly series keeps (Graph's `weekIndex`). */
export type WeekIndex = 'first' | 'second' | 'third' | 'fourth' | 'last';

/**
 * A recurring series as the organiser sees it: the same weekday and wall-clock time in the
 * organiser's zone every period, `count` times. Both calendar adapters and the .ics export expand
 * it with {@link expandRecurrence}, so they agree with each other and with Outlook.
 */
export type RecurrenceRule = {
  readonly frequency: Frequency;
  /** IANA zone of the organiser: occurrences keep their wall-clock time across DST changes. */
  readonly timeZone: string;
  /** Local date of the first occurrence, 'YYYY-MM-DD'. */
  readonly firstDate: string;
  /** Local start time, 'HH:mm'. */
  readonly localStart: string;
  readonly durationMinutes: number;
  /** Number of occurrences (the agreement's sessions). */
  readonly count: number;
};

/** One occurrence of a series, in UTC. `originalStart` identifies it for ever, even once moved. */
export type PlannedOccurrence = {
  /** ISO UTC instant, e.g. '2026-03-31T08:00:00.000Z'. */
  readonly originalStart: string;
  readonly start: string;
  readonly end: string;
  /** Local date in the series' zone. */
  readonly localDate: string;
};

/** The weekday a rule repeats on. */
export function ruleWeekday(rule: Pick<RecurrenceRule, 'firstDate'>): Weekday {
  return weekdayOf(rule.firstDate);
}

/** The week of the month a monthly rule keeps: a 5th weekday becomes 'last'. */
export function ruleWeekIndex(rule: Pick<RecurrenceRule, 'firstDate'>): WeekIndex {
  const { day } = splitDate(rule.firstDate);
  const indexes: WeekIndex[] = ['first', 'second', 'third', 'fourth', 'last'];
  return indexes[Math.ceil(day / 7) - 1] as WeekIndex;
}

/** Throws validation_failed unless the rule can be booked. */
export function assertValidRule(rule: RecurrenceRule): void {
  const problems: string[] = [];
  if (!frequencies.includes(rule.frequency)) problems.push('frequency');
  if (!Number.isInteger(rule.count) || rule.count < 1 || rule.count > 52) problems.push('count');
  if (!Number.isInteger(rule.durationMinutes) || rule.durationMinutes < 5) {
    problems.push('durationMinutes');
  }
  if (rule.durationMinutes > 24 * 60) problems.push('durationMinutes');
  if (problems.length > 0) {
    throw new DomainError('validation_failed', `Invalid recurrence: ${problems.join(', ')}`, {
      fields: problems,
    });
  }
  splitDate(rule.firstDate);
  parseLocalTime(rule.localStart);
}

/** The local date of the n-th (0-based) occurrence of a rule. */
export function occurrenceDate(rule: RecurrenceRule, n: number): string {
  switch (rule.frequency) {
    case 'weekly':
      return addDays(rule.firstDate, 7 * n);
    case 'biweekly':
      return addDays(rule.firstDate, 14 * n);
    case 'monthly':
      return nthWeekdayOfMonth(rule, n);
  }
}

function nthWeekdayOfMonth(rule: RecurrenceRule, n: number): string {
  const first = splitDate(rule.firstDate);
  const monthIndex = first.year * 12 + (first.month - 1) + n;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const weekday = ruleWeekday(rule);
  const index = ruleWeekIndex(rule);
  const firstOfMonth = joinDate(year, month, 1);
  const shift = (weekdayNumber(weekday) - weekdayNumber(weekdayOf(firstOfMonth)) + 7) % 7;
  if (index === 'last') {
    const length = daysInMonth(year, month);
    let day = 1 + shift;
    while (day + 7 <= length) day += 7;
    return joinDate(year, month, day);
  }
  const weeks = ['first', 'second', 'third', 'fourth'].indexOf(index);
  return joinDate(year, month, 1 + shift + 7 * weeks);
}

function weekdayNumber(day: Weekday): number {
  return ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].indexOf(day);
}

/** Every occurrence of a rule: wall-clock time in the organiser's zone, converted to UTC. */
export function expandRecurrence(rule: RecurrenceRule): PlannedOccurrence[] {
  assertValidRule(rule);
  const startMinutes = parseLocalTime(rule.localStart);
  const occurrences: PlannedOccurrence[] = [];
  for (let n = 0; n < rule.count; n++) {
    const localDate = occurrenceDate(rule, n);
    const start = toUtc(localDate, startMinutes, rule.timeZone);
    const iso = new Date(start).toISOString();
    occurrences.push({
      originalStart: iso,
      start: iso,
      end: new Date(start + rule.durationMinutes * 60_000).toISOString(),
      localDate,
    });
  }
  return occurrences;
}

/** The local end time of an occurrence ('HH:mm'), for display and for Graph's `end`. */
export function ruleLocalEnd(rule: RecurrenceRule): string {
  return formatLocalTime((parseLocalTime(rule.localStart) + rule.durationMinutes) % (24 * 60));
}
