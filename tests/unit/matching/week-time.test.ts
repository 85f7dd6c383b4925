import {
  localDaysOf,
  localToUtcMs,
  minutesPerWeek,
  overlapMinutes,
  weeklyUtcIntervals,
} from '../../../src/domain/matching/week-time';

const january = '2026-01-05';
const hour = 60;

describe('weekly availability in UTC', () => {
  it('places a Paris Tuesday 09:00–11:00 slot at 08:00–10:00 UTC in the January reference week', () => {
    const iv = weeklyUtcIntervals(
      [{ day: 'tue', start: '09:00', end: '11:00' }],
      'Europe/Paris',
      january,
    );
    expect(iv).toEqual([24 * hour + 8 * hour, 24 * hour + 10 * hour]);
  });

  it('computes the overlap of people in their own time zones', () => {
    // Paris 15:00–18:00 is New York 09:00–12:00 in January: one hour shared with New York 11:00–13:00.
    const paris = weeklyUtcIntervals(
      [{ day: 'wed', start: '15:00', end: '18:00' }],
      'Europe/Paris',
      january,
    );
    const newYork = weeklyUtcIntervals(
      [{ day: 'wed', start: '11:00', end: '13:00' }],
      'America/New_York',
      january,
    );
    expect(overlapMinutes(paris, newYork)).toBe(60);
  });

  it('wraps a slot that falls before Monday 00:00 UTC to the end of the week', () => {
    // Tokyo Monday 01:00–03:00 is Sunday 16:00–18:00 UTC.
    const iv = weeklyUtcIntervals(
      [{ day: 'mon', start: '01:00', end: '03:00' }],
      'Asia/Tokyo',
      january,
    );
    expect(iv).toEqual([minutesPerWeek - 8 * hour, minutesPerWeek - 6 * hour]);
  });

  it('uses the offsets of the reference week: London and New York differ by 5 h in January, 4 h in late March', () => {
    const slot = [{ day: 'wed' as const, start: '10:00', end: '11:00' }];
    const winter =
      weeklyUtcIntervals(slot, 'America/New_York', january)[0]! -
      weeklyUtcIntervals(slot, 'Europe/London', january)[0]!;
    // Week of 2026-03-16: New York is on summer time (since 8 March), London not yet (29 March).
    const march =
      weeklyUtcIntervals(slot, 'America/New_York', '2026-03-16')[0]! -
      weeklyUtcIntervals(slot, 'Europe/London', '2026-03-16')[0]!;
    expect(winter).toBe(5 * hour);
    expect(march).toBe(4 * hour);
  });

  it('moves a time skipped by the spring change forward and takes the first of a repeated autumn time', () => {
    // Paris, 29 March 2026: 02:00 jumps to 03:00. 02:30 does not exist: it becomes 03:30 (01:30 UTC).
    expect(new Date(localToUtcMs('Europe/Paris', Date.UTC(2026, 2, 29, 2, 30))).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // Paris, 25 October 2026: 02:30 happens twice; the first is 00:30 UTC.
    expect(new Date(localToUtcMs('Europe/Paris', Date.UTC(2026, 9, 25, 2, 30))).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('merges overlapping slots of one person', () => {
    const iv = weeklyUtcIntervals(
      [
        { day: 'mon', start: '09:00', end: '11:00' },
        { day: 'mon', start: '10:00', end: '12:00' },
      ],
      'UTC',
      january,
    );
    expect(iv).toEqual([9 * hour, 12 * hour]);
  });

  it('names the shared days in a given time zone', () => {
    const iv = weeklyUtcIntervals(
      [
        { day: 'tue', start: '09:00', end: '10:00' },
        { day: 'thu', start: '14:00', end: '15:00' },
      ],
      'Europe/Paris',
      january,
    );
    expect(localDaysOf(iv, 'Europe/Paris', january)).toEqual(['tue', 'thu']);
    expect(localDaysOf(iv, 'Pacific/Kiritimati', january)).toEqual(['tue', 'fri']);
  });
});
