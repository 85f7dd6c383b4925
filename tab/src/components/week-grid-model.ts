import type { WeeklySlot, Weekday } from '../../../src/domain/common';

/** Monday first, as in French and ISO calendars. */
export const weekdayOrder: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The grid works in half-hours: 48 per day. An hour cell is two of them. */
export const HALF_HOURS_PER_DAY = 48;

/** Minutes since midnight of `HH:MM` ('24:00' is the end of the day). */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** `HH:MM` of minutes since midnight; 1440 is '24:00'. */
export function timeOf(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Half-hours chosen per day: `cells.get('mon')` holds indexes 0–47 (18 = 09:00–09:30). */
export type WeekCells = ReadonlyMap<Weekday, ReadonlySet<number>>;

/**
 * The half-hours covered by availability slots. A slot that does not start or end on a half-hour
 * covers every half-hour it touches, so the grid never hides a minute someone said they were free.
 */
export function slotsToCells(slots: readonly WeeklySlot[]): WeekCells {
  const cells = new Map<Weekday, Set<number>>(weekdayOrder.map((day) => [day, new Set()]));
  for (const slot of slots) {
    const first = Math.floor(minutesOf(slot.start) / 30);
    const last = Math.ceil(minutesOf(slot.end) / 30);
    for (let index = first; index < last && index < HALF_HOURS_PER_DAY; index++) {
      cells.get(slot.day)?.add(index);
    }
  }
  return cells;
}

/** Merges adjacent half-hours into slots, day by day in week order. */
export function cellsToSlots(cells: WeekCells): WeeklySlot[] {
  const slots: WeeklySlot[] = [];
  for (const day of weekdayOrder) {
    const chosen = [...(cells.get(day) ?? [])].sort((a, b) => a - b);
    let start: number | undefined;
    let previous = -2;
    for (const index of chosen) {
      if (index !== previous + 1) {
        if (start !== undefined) slots.push(slotOf(day, start, previous));
        start = index;
      }
      previous = index;
    }
    if (start !== undefined) slots.push(slotOf(day, start, previous));
  }
  return slots;
}

function slotOf(day: Weekday, first: number, last: number): WeeklySlot {
  return { day, start: timeOf(first * 30), end: timeOf((last + 1) * 30) };
}

/** Sets or clears `halfHours` on `day`, returning a new value. */
export function setCells(
  cells: WeekCells,
  day: Weekday,
  halfHours: readonly number[],
  on: boolean,
): WeekCells {
  const next = new Map(cells);
  const dayCells = new Set(cells.get(day) ?? []);
  for (const index of halfHours) {
    if (on) dayCells.add(index);
    else dayCells.delete(index);
  }
  next.set(day, dayCells);
  return next;
}

/**
 * The rows the grid shows, in half-hours: 07:00–21:00 by default, widened to include every chosen
 * half-hour so nothing someone saved is out of sight.
 */
export function visibleRange(cells: WeekCells, step: 1 | 2): { from: number; to: number } {
  let from = 14;
  let to = 42;
  for (const day of weekdayOrder) {
    for (const index of cells.get(day) ?? []) {
      from = Math.min(from, index);
      to = Math.max(to, index + 1);
    }
  }
  // Hour rows start on the hour.
  if (step === 2) {
    from -= from % 2;
    to += to % 2;
  }
  return { from, to };
}

/** Total minutes of availability per week. */
export function weeklyMinutes(cells: WeekCells): number {
  let count = 0;
  for (const day of weekdayOrder) count += cells.get(day)?.size ?? 0;
  return count * 30;
}
