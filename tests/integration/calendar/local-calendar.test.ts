import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarPerson, SeriesRequest } from '../../../src/calendar/calendar-port';
import { LocalCalendar } from '../../../src/calendar/local-calendar';
import { fixedClock } from '../../../src/domain/clock';
import { reconcileOccurrences } from '../../../src/domain/calendar/occurrences';
import { findRecurringSlots } from '../../../src/domain/calendar/slot-finder';
import { startLocalCosmos, type LocalCosmos } from '../../support/local-cosmos';

const hours = (start: string, end: string) =>
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start, end }));

const marc: CalendarPerson = {
  id: 'marc',
  email: 'marc@contoso.com',
  displayName: 'Marc',
  timeZone: 'Europe/Paris',
  workingHours: hours('09:00', '18:00'),
};
const chloe: CalendarPerson = {
  id: 'chloe',
  email: 'chloe@contoso.com',
  displayName: 'Chloé',
  timeZone: 'America/Toronto',
  workingHours: hours('09:00', '17:00'),
};

const request = (overrides: Partial<SeriesRequest> = {}): SeriesRequest => ({
  pairId: 'pair-1',
  organiser: marc,
  attendees: [chloe],
  rule: {
    frequency: 'weekly',
    timeZone: 'Europe/Paris',
    firstDate: '2026-03-17',
    localStart: '15:00',
    durationMinutes: 60,
    count: 6,
  },
  locale: 'fr',
  topic: 'Power BI',
  tabUrl: 'https://teams.example/tab/pairs/pair-1',
  ...overrides,
});

let cosmos: LocalCosmos;
let calendar: LocalCalendar;
const clock = fixedClock('2026-03-02T09:00:00Z');

beforeAll(async () => {
  cosmos = await startLocalCosmos();
  calendar = new LocalCalendar({
    repository: cosmos.repos.calendar,
    tenantId: 'tenant-a',
    clock,
  });
});
afterAll(async () => {
  await cosmos?.stop();
});

const window = { start: '2026-03-16T00:00:00.000Z', end: '2026-04-27T00:00:00.000Z' };

describe('the local calendar on the local Cosmos server', () => {
  it('books a series both people then see as busy, so it is not proposed again', async () => {
    const booked = await calendar.bookSeries(request());
    expect(booked.seriesId).toBe('series-pair-1-2026-03-17');
    expect(booked.occurrences.map((o) => o.occurrenceKey).slice(0, 3)).toEqual([
      '2026-03-17T14:00:00.000Z',
      '2026-03-24T14:00:00.000Z',
      '2026-03-31T13:00:00.000Z',
    ]);

    const [mine, theirs] = await calendar.getSchedules(marc, [marc, chloe], window);
    // Chloé's Tuesday 17 March: off until 13:00Z (09:00 in Montréal), busy 14:00–15:00Z, off from 21:00Z.
    const tuesday = (theirs?.busy ?? []).filter(
      (b) => b.end > '2026-03-17T00:00:00.000Z' && b.start < '2026-03-18T00:00:00.000Z',
    );
    expect(tuesday).toEqual([
      { start: '2026-03-16T21:00:00.000Z', end: '2026-03-17T13:00:00.000Z' },
      { start: '2026-03-17T14:00:00.000Z', end: '2026-03-17T15:00:00.000Z' },
      { start: '2026-03-17T21:00:00.000Z', end: '2026-03-18T13:00:00.000Z' },
    ]);
    expect(mine?.busy).toContainEqual({
      start: '2026-03-31T13:00:00.000Z',
      end: '2026-03-31T14:00:00.000Z',
    });

    const result = findRecurringSlots({
      organiser: { ...marc, busy: mine?.busy ?? [] },
      partner: { ...chloe, busy: theirs?.busy ?? [] },
      frame: { durationMinutes: 60, frequency: 'weekly', sessions: 6 },
      from: '2026-03-16T00:00:00Z',
      horizon: window.end,
      searchDays: 7,
      limit: 50,
    });
    expect(result.kind).toBe('found');
    if (result.kind === 'found') {
      const taken = result.proposals.filter(
        (p) => p.organiserLocal.weekday === 'tue' && p.rule.localStart === '15:00',
      );
      expect(taken).toEqual([]);
      expect(result.proposals.length).toBeGreaterThan(0);
    }
  });

  it('books the same pair and start only once', async () => {
    const again = await calendar.bookSeries(request());
    expect(again.seriesId).toBe('series-pair-1-2026-03-17');
    const [mine] = await calendar.getSchedules(marc, [marc], window);
    const sessions = (mine?.busy ?? []).filter((b) => b.start === '2026-03-17T14:00:00.000Z');
    expect(sessions).toHaveLength(1);
  });

  it('moves one occurrence, records a decline, and both show up when reading the series back', async () => {
    const series = { organiser: marc, seriesId: 'series-pair-1-2026-03-17' };
    const moved = await calendar.rescheduleOccurrence({
      series,
      occurrenceKey: '2026-03-24T14:00:00.000Z',
      start: '2026-03-25T14:30:00.000Z',
    });
    expect(moved).toMatchObject({
      start: '2026-03-25T14:30:00.000Z',
      end: '2026-03-25T15:30:00.000Z',
    });
    await calendar.respond(series, '2026-04-07T13:00:00.000Z', chloe.email, 'declined');

    const listed = await calendar.listOccurrences(series, window);
    expect(listed).toHaveLength(6);
    const planned = (await calendar.bookSeries(request())).occurrences.map((o) => ({
      occurrenceKey: o.occurrenceKey,
      start: o.occurrenceKey,
    }));
    expect(reconcileOccurrences(planned, listed, window)).toEqual([
      {
        kind: 'moved',
        occurrenceKey: '2026-03-24T14:00:00.000Z',
        start: '2026-03-25T14:30:00.000Z',
        end: '2026-03-25T15:30:00.000Z',
      },
      { kind: 'declined', occurrenceKey: '2026-04-07T13:00:00.000Z', email: 'chloe@contoso.com' },
    ]);
    // Chloé declined 7 April: she is free then, Marc is still busy.
    const [mine, theirs] = await calendar.getSchedules(marc, [marc, chloe], window);
    const at = (busy: readonly { start: string }[] | undefined) =>
      (busy ?? []).some((b) => b.start === '2026-04-07T13:00:00.000Z');
    expect(at(mine?.busy)).toBe(true);
    expect(at(theirs?.busy)).toBe(false);
  });

  it('cancels the remaining sessions and exports the series as .ics', async () => {
    const series = { organiser: marc, seriesId: 'series-pair-1-2026-03-17' };
    expect(await calendar.cancelRemaining(series, '2026-04-10T00:00:00.000Z')).toEqual({
      cancelled: 2,
    });
    expect(await calendar.cancelRemaining(series, '2026-04-10T00:00:00.000Z')).toEqual({
      cancelled: 0,
    });
    const listed = await calendar.listOccurrences(series, window);
    expect(listed.map((o) => o.occurrenceKey)).toEqual([
      '2026-03-17T14:00:00.000Z',
      '2026-03-24T14:00:00.000Z',
      '2026-03-31T13:00:00.000Z',
      '2026-04-07T13:00:00.000Z',
    ]);
    const ics = await calendar.exportIcs(series);
    expect(ics).toContain('RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;COUNT=6');
    expect(ics).toContain('EXDATE;TZID=Europe/Paris:20260414T150000');
    expect(ics).toContain('RECURRENCE-ID;TZID=Europe/Paris:20260324T150000');
    expect(ics).toContain('SUMMARY:Mentorat inversé : Power BI (Marc et Chloé)');
  });

  it('refuses a series that is not in the organiser’s calendar', async () => {
    await expect(
      calendar.listOccurrences({ organiser: chloe, seriesId: 'series-pair-1-2026-03-17' }, window),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining("Chloé's calendar"),
    });
    await expect(
      calendar.cancelRemaining({ organiser: marc, seriesId: 'series-nope' }, window.start),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps tenants apart', async () => {
    const other = new LocalCalendar({
      repository: cosmos.repos.calendar,
      tenantId: 'tenant-b',
      clock,
    });
    const [mine] = await other.getSchedules(marc, [marc], window);
    expect((mine?.busy ?? []).some((b) => b.start === '2026-03-17T14:00:00.000Z')).toBe(false);
  });

  it('books a cohort, one outcome per pair, and reports a bad request without losing the others', async () => {
    const requests = Array.from({ length: 30 }, (_, i) =>
      request({
        pairId: `cohort-${i}`,
        organiser: { ...marc, id: `mentor-${i}`, email: `mentor${i}@contoso.com` },
        attendees: [{ ...chloe, id: `mentee-${i}`, email: `mentee${i}@contoso.com` }],
        ...(i === 7 ? { rule: { ...request().rule, count: 0 } } : {}),
      }),
    );
    const outcomes = await calendar.bookCohort(requests);
    expect(outcomes).toHaveLength(30);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(29);
    expect(outcomes[7]).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const schedules = await calendar.getCohortSchedules(
      requests.slice(0, 3).map((r) => ({
        organiser: r.organiser,
        people: [r.organiser, ...r.attendees],
        window,
      })),
    );
    expect(schedules.every((s) => s.ok)).toBe(true);
  });
});
