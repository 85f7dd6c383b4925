import { minutesOfDay, weekDays, type AvailabilitySlot, type WeekDay } from './input';

/**
 * Weekly availability in UTC minutes of a reference week.
 *
 * Each person writes slots in their own local time. To compare people in different time zones we
 * place every slot on the actual dates of one reference week (a Monday given by the programme; the
 * default is in January, when no country changes its clocks, so the overlap is the one of the
 * northern winter) and convert with the person's IANA rules for those dates. Minute 0 is Monday
 * 00:00 UTC of that week; a slot that crosses the week's UTC edge wraps around, because the week
 * repeats.
 */
export const minutesPerWeek = 7 * 24 * 60;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset (local − UTC, minutes) of `timeZone` at the instant `utcMs`. */
export function utcOffsetMinutes(timeZone: string, utcMs: number): number {
  const key = `${timeZone}|${Math.floor(utcMs / 60_000)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const parts = formatter(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  const offset = Math.round((local - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
  if (offsetCache.size > 200_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

function weekStartMs(referenceWeek: string): number {
  return Date.parse(`${referenceWeek}T00:00:00Z`);
}

/**
 * UTC instant of a local wall-clock time. A time skipped by a spring-forward change is moved
 * forward by the gap (as calendars do); an ambiguous autumn time takes its first occurrence.
 */
export function localToUtcMs(timeZone: string, localMs: number): number {
  // Real zones change offset at most once within a day: the offsets 14 h either side bracket it.
  const before = utcOffsetMinutes(timeZone, localMs - 14 * 3_600_000);
  const after = utcOffsetMinutes(timeZone, localMs + 14 * 3_600_000);
  const early = localMs - before * 60_000;
  const late = localMs - after * 60_000;
  const earlyValid = utcOffsetMinutes(timeZone, early) === before;
  const lateValid = utcOffsetMinutes(timeZone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  return early;
}

const slotCache = new Map<string, readonly number[]>();

/** One local weekly slot as UTC minutes of the week: [start, end], two pairs if it wraps, or none. */
function slotToUtc(slot: AvailabilitySlot, timeZone: string, referenceWeek: string): number[] {
  const base = weekStartMs(referenceWeek);
  const dayMs = base + weekDays.indexOf(slot.day) * 86_400_000;
  const start = localToUtcMs(timeZone, dayMs + minutesOfDay(slot.start) * 60_000);
  const end = localToUtcMs(timeZone, dayMs + minutesOfDay(slot.end) * 60_000);
  if (end <= start) return [];
  let s = Math.round((start - base) / 60_000);
  let e = Math.round((end - base) / 60_000);
  const shift = Math.floor(s / minutesPerWeek) * minutesPerWeek;
  s -= shift;
  e -= shift;
  return e <= minutesPerWeek ? [s, e] : [s, minutesPerWeek, 0, e - minutesPerWeek];
}

/** Sorted, merged [start, end) UTC minute-of-week intervals, flattened as start0, end0, start1, … */
export function weeklyUtcIntervals(
  slots: readonly AvailabilitySlot[],
  timeZone: string,
  referenceWeek: string,
): number[] {
  const raw: [number, number][] = [];
  for (const slot of slots) {
    // A cohort repeats the same few slots in the same few zones: each is converted once.
    const key = `${timeZone}\u0000${referenceWeek}\u0000${slot.day}\u0000${slot.start}\u0000${slot.end}`;
    let utc = slotCache.get(key);
    if (utc === undefined) {
      utc = slotToUtc(slot, timeZone, referenceWeek);
      if (slotCache.size > 50_000) slotCache.clear();
      slotCache.set(key, utc);
    }
    for (let k = 0; k < utc.length; k += 2) raw.push([utc[k]!, utc[k + 1]!]);
  }
  raw.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: number[] = [];
  for (const [s, e] of raw) {
    const last = merged.length - 1;
    if (last > 0 && s <= merged[last]!) merged[last] = Math.max(merged[last]!, e);
    else merged.push(s, e);
  }
  return merged;
}

/** Total minutes shared by two flattened interval lists. */
export function overlapMinutes(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let total = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i]!, b[j]!);
    const e = Math.min(a[i + 1]!, b[j + 1]!);
    if (e > s) total += e - s;
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return total;
}

/** The shared intervals themselves (flattened), for explaining an overlap. */
export function overlapIntervals(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i]!, b[j]!);
    const e = Math.min(a[i + 1]!, b[j + 1]!);
    if (e > s) out.push(s, e);
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}

/** Local week days (in `timeZone`) on which the given UTC intervals fall, in week order. */
export function localDaysOf(
  intervals: readonly number[],
  timeZone: string,
  referenceWeek: string,
): WeekDay[] {
  const base = weekStartMs(referenceWeek);
  const days = new Set<number>();
  for (let k = 0; k < intervals.length; k += 2) {
    for (const minute of [intervals[k]!, intervals[k + 1]! - 1]) {
      const utc = base + minute * 60_000;
      const local = utc + utcOffsetMinutes(timeZone, utc) * 60_000;
      days.add((new Date(local).getUTCDay() + 6) % 7);
    }
  }
  return [...days].sort((x, y) => x - y).map((d) => weekDays[d]!);
}
