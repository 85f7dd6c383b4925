import type { Weekday } from '../common';
import { DomainError } from '../errors';

/**
 * Wall-clock arithmetic in IANA time zones with nothing but `Intl`: local dates ('YYYY-MM-DD'),
 * local times ('HH:mm') and the UTC instants they name. Pure: no clock, no I/O.
 */

export type { Weekday };

/** Weekdays in JavaScript's order (`getUTCDay()`: 0 is Sunday), spelled as the domain spells them. */
const byJsDay: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A wall-clock reading in one zone. */
export type LocalDateTime = {
  /** 'YYYY-MM-DD' */
  readonly date: string;
  /** Minutes since local midnight, 0..1439. */
  readonly minutes: number;
  readonly weekday: Weekday;
};

const MINUTE = 60_000;
const DAY = 86_400_000;
// Offsets only change on the quarter hour in every zone in use: cache them per 15-minute bucket.
const BUCKET = 15 * MINUTE;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
    } catch (cause) {
      throw new DomainError(
        'validation_failed',
        `Unknown time zone "${timeZone}"`,
        { field: 'timeZone', timeZone },
        { cause },
      );
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC, in minutes (Paris in summer: 120), at the UTC instant `utcMs`. */
export function offsetMinutes(utcMs: number, timeZone: string): number {
  const bucket = Math.floor(utcMs / BUCKET);
  let cache = offsetCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(timeZone, cache);
  }
  const cached = cache.get(bucket);
  if (cached !== undefined) return cached;
  const at = bucket * BUCKET;
  const parts = formatterFor(timeZone).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const asUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
  );
  const offset = Math.round((asUtc - at) / MINUTE);
  // A long-running server would grow the cache for ever: a year of buckets is ~35,000 entries.
  if (cache.size > 200_000) cache.clear();
  cache.set(bucket, offset);
  return offset;
}

/** Parses 'HH:mm' into minutes since midnight; throws validation_failed on anything else. */
export function parseLocalTime(value: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!match || (match[1] === '24' && match[2] !== '00')) {
    throw new DomainError('validation_failed', `"${value}" is not a time of day (HH:mm)`, {
      value,
    });
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Formats minutes since midnight as 'HH:mm'. */
export function formatLocalTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function dateParts(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) {
    throw new DomainError('validation_failed', `"${date}" is not a date (YYYY-MM-DD)`, { date });
  }
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

const dayNumbers = new Map<string, number>();
const dayStrings = new Map<number, string>();

/** Midnight UTC of a local date, as a day number (used for pure date arithmetic). */
function dateToDays(date: string): number {
  let days = dayNumbers.get(date);
  if (days === undefined) {
    const [y, m, d] = dateParts(date);
    days = Math.floor(Date.UTC(y, m - 1, d) / DAY);
    if (dayNumbers.size > 100_000) dayNumbers.clear();
    dayNumbers.set(date, days);
  }
  return days;
}

function daysToDate(days: number): string {
  let date = dayStrings.get(days);
  if (date === undefined) {
    date = new Date(days * DAY).toISOString().slice(0, 10);
    if (dayStrings.size > 100_000) dayStrings.clear();
    dayStrings.set(days, date);
  }
  return date;
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return daysToDate(dateToDays(date) + days);
}

/** The weekday of a local date. */
export function weekdayOf(date: string): Weekday {
  const index = new Date(dateToDays(date) * DAY).getUTCDay();
  return byJsDay[index] as Weekday;
}

/** Number of days in the month of year `year`, month `month` (1..12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Splits a local date into numbers. */
export function splitDate(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = dateParts(date);
  return { year, month, day };
}

/** Joins numbers into a local date. */
export function joinDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** What a clock on the wall in `timeZone` shows at the UTC instant `utcMs`. */
export function toLocal(utcMs: number, timeZone: string): LocalDateTime {
  // The slot finder calls this hundreds of thousands of times a cohort: plain arithmetic, no Date.
  const shifted = utcMs + offsetMinutes(utcMs, timeZone) * MINUTE;
  const day = Math.floor(shifted / DAY);
  return {
    date: daysToDate(day),
    minutes: Math.floor((shifted - day * DAY) / MINUTE),
    // 1 January 1970 was a Thursday.
    weekday: byJsDay[(((day + 4) % 7) + 7) % 7] as Weekday,
  };
}

/**
 * The UTC instant (ms) a wall clock in `timeZone` names. Like Temporal's 'compatible' choice:
 * a time skipped by a spring-forward change moves later by the gap (02:30 → 03:30 in Paris), a
 * time repeated by a fall-back change takes its first occurrence.
 */
export function toUtc(date: string, minutes: number, timeZone: string): number {
  const [y, m, d] = dateParts(date);
  const wall = Date.UTC(y, m - 1, d) + minutes * MINUTE;
  const before = offsetMinutes(wall - DAY, timeZone);
  const after = offsetMinutes(wall + DAY, timeZone);
  const candidates = [wall - before * MINUTE, wall - after * MINUTE].filter(
    (t) => wall - offsetMinutes(t, timeZone) * MINUTE === t,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  // A gap: read the wall time with the offset in force before the change.
  return wall - before * MINUTE;
}
