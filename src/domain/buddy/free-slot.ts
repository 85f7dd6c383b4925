import type { Interval } from '../calendar/slot-finder';

const QUARTER = 15 * 60_000;

/** True when nobody's busy time overlaps [start, end). */
export function freeDuring(
  busy: readonly (readonly Interval[])[],
  start: number,
  end: number,
): boolean {
  return busy.every((intervals) =>
    intervals.every((i) => Date.parse(i.end) <= start || Date.parse(i.start) >= end),
  );
}

/**
 * The first quarter hour from `fromMs` on (rounded up) when everyone is free for `minutes`, within
 * `horizonMs`; undefined when none. Busy time includes hours outside each person's working hours
 * (the calendar port reports them so).
 */
export function firstCommonFreeStart(
  busy: readonly (readonly Interval[])[],
  fromMs: number,
  minutes: number,
  horizonMs: number,
): number | undefined {
  const length = minutes * 60_000;
  for (
    let start = Math.ceil(fromMs / QUARTER) * QUARTER;
    start + length <= fromMs + horizonMs;
    start += QUARTER
  ) {
    if (freeDuring(busy, start, start + length)) return start;
  }
  return undefined;
}
