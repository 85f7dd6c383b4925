import { describe, expect, it } from 'vitest';
import {
  findRecurringSlots,
  type SchedulingPerson,
  type SlotSearch,
  type WeeklyHours,
} from '../../../src/domain/calendar/slot-finder';
import { toLocal } from '../../../src/domain/calendar/local-time';

const weekdaysHours = (start: string, end: string): WeeklyHours[] =>
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
    day,
    start,
    end,
  }));

const aPerson = (overrides: Partial<SchedulingPerson> = {}): SchedulingPerson => ({
  id: 'p',
  displayName: 'Marc',
  timeZone: 'Europe/Paris',
  workingHours: weekdaysHours('09:00', '18:00'),
  busy: [],
  ...overrides,
});

const aSearch = (overrides: Partial<SlotSearch> = {}): SlotSearch => ({
  organiser: aPerson({ id: 'marc', displayName: 'Marc' }),
  partner: aPerson({ id: 'lea', displayName: 'Léa' }),
  frame: { durationMinutes: 60, frequency: 'weekly', sessions: 4 },
  from: '2026-03-16T00:00:00Z',
  horizon: '2026-05-15T00:00:00Z',
  ...overrides,
});

const found = (search: SlotSearch) => {
  const result = findRecurringSlots(search);
  if (result.kind !== 'found') throw new Error(`expected proposals, got ${result.reason.code}`);
  return result.proposals;
};

describe('finding recurring slots', () => {
  it('proposes five mid-morning slots first, earliest first among equals', () => {
    const proposals = found(aSearch());
    expect(proposals).toHaveLength(5);
    expect(proposals.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(proposals[0]?.rule).toMatchObject({
      firstDate: '2026-03-16',
      localStart: '09:30',
      timeZone: 'Europe/Paris',
    });
    for (const p of proposals) {
      expect(p.score).toBe(1);
      const minutes =
        Number(p.rule.localStart.slice(0, 2)) * 60 + Number(p.rule.localStart.slice(3));
      expect(minutes).toBeGreaterThanOrEqual(570);
      expect(minutes).toBeLessThan(690);
    }
    // At most two per weekday while other weekdays are as good.
    const days = proposals.map((p) => p.organiserLocal.weekday);
    for (const day of new Set(days)) expect(days.filter((d) => d === day).length).toBeLessThan(3);
  });

  it('ranks slots inside both people’s preferred hours above plain mid-morning', () => {
    const preferredHours: WeeklyHours[] = [{ day: 'thu', start: '14:00', end: '16:00' }];
    const proposals = found(
      aSearch({
        organiser: aPerson({ displayName: 'Marc', preferredHours }),
        partner: aPerson({ displayName: 'Léa', preferredHours }),
      }),
    );
    expect(proposals[0]?.organiserLocal).toEqual({
      weekday: 'thu',
      start: '14:00',
      end: '15:00',
    });
    expect(proposals[0]?.score).toBeGreaterThan(2);
  });

  it('never proposes a slot where any occurrence collides with either calendar', () => {
    // Léa is busy every Monday to Friday morning for the first three weeks, and on 7 April.
    const busy = [16, 17, 18, 19, 20, 23, 24, 25, 26, 27, 30, 31]
      .map((d) => `2026-03-${d}`)
      .map((date) => ({ start: `${date}T07:00:00Z`, end: `${date}T11:00:00Z` }));
    busy.push({ start: '2026-04-01T07:00:00Z', end: '2026-04-03T11:00:00Z' });
    busy.push({ start: '2026-04-07T12:00:00Z', end: '2026-04-07T13:00:00Z' });
    const proposals = found(aSearch({ partner: aPerson({ displayName: 'Léa', busy }) }));
    for (const proposal of proposals) {
      for (const occurrence of proposal.occurrences) {
        for (const b of busy) {
          const overlaps =
            Date.parse(occurrence.start) < Date.parse(b.end) &&
            Date.parse(b.start) < Date.parse(occurrence.end);
          expect(overlaps, `${occurrence.start} overlaps ${b.start}`).toBe(false);
        }
      }
    }
  });

  it('keeps the organiser’s wall-clock time across the October change and checks busy time there', () => {
    // Léa is busy at 10:00 Paris on 27 October, which is 09:00Z after the change (08:00Z before).
    const search = aSearch({
      from: '2026-10-20T00:00:00Z',
      horizon: '2026-11-20T00:00:00Z',
      frame: { durationMinutes: 60, frequency: 'weekly', sessions: 2 },
      searchDays: 1,
      partner: aPerson({
        displayName: 'Léa',
        busy: [{ start: '2026-10-27T09:00:00Z', end: '2026-10-27T10:00:00Z' }],
      }),
      limit: 20,
    });
    const proposals = found(search);
    const starts = proposals.map((p) => p.rule.localStart);
    expect(starts).not.toContain('10:00');
    expect(starts).not.toContain('09:30');
    expect(starts).not.toContain('10:30');
    expect(starts).toContain('09:00');
    const eleven = proposals.find((p) => p.rule.localStart === '11:00');
    expect(eleven?.occurrences.map((o) => o.start)).toEqual([
      '2026-10-20T09:00:00.000Z',
      '2026-10-27T10:00:00.000Z',
    ]);
  });

  it('pairs Paris and Montréal only at times inside both days for every session, DST included', () => {
    const search = aSearch({
      organiser: aPerson({ displayName: 'Marc', timeZone: 'Europe/Paris' }),
      partner: aPerson({
        displayName: 'Chloé',
        timeZone: 'America/Toronto',
        workingHours: weekdaysHours('09:00', '17:00'),
      }),
      frame: { durationMinutes: 60, frequency: 'weekly', sessions: 6 },
      limit: 50,
    });
    const proposals = found(search);
    expect(proposals.length).toBeGreaterThan(5);
    for (const proposal of proposals) {
      // Between 8 and 29 March Montréal is only 5 hours behind: 14:00 Paris would be 09:00 there
      // at first, then 08:00 once Paris changes its clocks. It must not be proposed.
      expect(proposal.rule.localStart >= '15:00').toBe(true);
      for (const occurrence of proposal.occurrences) {
        const there = toLocal(Date.parse(occurrence.start), 'America/Toronto');
        expect(there.minutes).toBeGreaterThanOrEqual(9 * 60);
        expect(there.minutes + 60).toBeLessThanOrEqual(17 * 60);
      }
    }
    // The partner's own time is reported for display.
    const first = proposals.find((p) => p.rule.localStart === '15:00');
    expect(first?.partnerLocal.start).toBe('10:00');
  });

  it('books monthly on the same weekday of the same week and checks each month', () => {
    const proposals = found(
      aSearch({ frame: { durationMinutes: 45, frequency: 'monthly', sessions: 3 } }),
    );
    const first = proposals[0];
    expect(first?.occurrences).toHaveLength(3);
    expect(first?.occurrences[0]?.checkedAgainstCalendars).toBe(true);
    // The horizon ends on 15 May: the third (mid-May or later) is checked against hours only.
    expect(first?.occurrences.filter((o) => o.checkedAgainstCalendars).length).toBeGreaterThan(1);
  });

  it('says plainly when the two people share no working hours', () => {
    const result = findRecurringSlots(
      aSearch({
        organiser: aPerson({ displayName: 'Marc', workingHours: weekdaysHours('09:00', '12:00') }),
        partner: aPerson({
          displayName: 'Chloé',
          timeZone: 'America/Toronto',
          workingHours: weekdaysHours('09:00', '12:00'),
        }),
      }),
    );
    expect(result).toMatchObject({ kind: 'none', reason: { code: 'no_shared_working_hours' } });
    if (result.kind === 'none') {
      expect(result.reason.message.en).toBe(
        'Marc and Chloé have no working hours in common, once both time zones are taken into account.',
      );
      expect(result.reason.message.fr).toContain('Marc et Chloé');
    }
  });

  it('says the frame is too long when sessions exceed the shared hours', () => {
    const result = findRecurringSlots(
      aSearch({
        frame: { durationMinutes: 240, frequency: 'weekly', sessions: 4 },
        partner: aPerson({
          displayName: 'Chloé',
          timeZone: 'America/Toronto',
          workingHours: weekdaysHours('09:00', '12:00'),
        }),
      }),
    );
    expect(result).toMatchObject({
      kind: 'none',
      reason: {
        code: 'frame_too_long',
        details: { durationMinutes: 240, longestSharedMinutes: 180 },
      },
    });
  });

  it('says so when shared hours exist but move out of reach with a clock change', () => {
    const result = findRecurringSlots(
      aSearch({
        organiser: aPerson({ displayName: 'Marc', workingHours: weekdaysHours('09:00', '15:00') }),
        partner: aPerson({
          displayName: 'Chloé',
          timeZone: 'America/Toronto',
          workingHours: weekdaysHours('09:00', '12:00'),
        }),
        searchDays: 7,
      }),
    );
    expect(result).toMatchObject({ kind: 'none', reason: { code: 'no_stable_shared_hours' } });
  });

  it('says both calendars are full when every shared time is taken', () => {
    const result = findRecurringSlots(
      aSearch({
        partner: aPerson({
          displayName: 'Léa',
          busy: [{ start: '2026-03-01T00:00:00Z', end: '2026-06-01T00:00:00Z' }],
        }),
      }),
    );
    expect(result).toMatchObject({ kind: 'none', reason: { code: 'calendars_full' } });
    if (result.kind === 'none') expect(result.reason.message.fr).toContain('pleins');
  });

  it('asks for working hours when a person has none', () => {
    const result = findRecurringSlots(
      aSearch({ partner: aPerson({ displayName: 'Léa', workingHours: [] }) }),
    );
    expect(result).toMatchObject({
      kind: 'none',
      reason: { code: 'missing_working_hours', details: { person: 'Léa' } },
    });
  });

  it('rejects working hours that end before they start, naming the person', () => {
    expect(() =>
      findRecurringSlots(
        aSearch({
          partner: aPerson({
            displayName: 'Léa',
            workingHours: [{ day: 'mon', start: '17:00', end: '09:00' }],
          }),
        }),
      ),
    ).toThrow(/Léa's working hours: mon ends/);
  });

  it('never starts before `from`', () => {
    const proposals = found(aSearch({ from: '2026-03-18T10:15:00Z' }));
    for (const p of proposals) {
      expect(Date.parse(p.occurrences[0]?.start ?? '')).toBeGreaterThanOrEqual(
        Date.parse('2026-03-18T10:15:00Z'),
      );
    }
  });
});
