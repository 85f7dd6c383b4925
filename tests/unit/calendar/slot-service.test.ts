import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SlotService } from '../../../src/services/calendar/slot-service';
import { fixedClock } from '../../../src/domain/clock';
import { GRAPH, chloe, graphCalendar, marc, server } from '../../support/graph-kit';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type ScheduleBody = { startTime: { dateTime: string }; endTime: { dateTime: string } };

describe('proposing and booking a pair’s slot', () => {
  it('reads free/busy once, proposes five slots, and books the chosen one: two Graph calls', async () => {
    const calls: string[] = [];
    const windows: ScheduleBody[] = [];
    server.use(
      http.post(`${GRAPH}/users/:mailbox/calendar/getSchedule`, async ({ request }) => {
        calls.push('getSchedule');
        windows.push((await request.json()) as ScheduleBody);
        return HttpResponse.json({
          value: [
            {
              scheduleId: 'marc@contoso.com',
              scheduleItems: [
                {
                  status: 'busy',
                  start: { dateTime: '2026-03-16T14:00:00.0000000', timeZone: 'UTC' },
                  end: { dateTime: '2026-03-16T15:00:00.0000000', timeZone: 'UTC' },
                },
              ],
            },
            { scheduleId: 'chloe@contoso.com', scheduleItems: [] },
          ],
        });
      }),
      http.post(`${GRAPH}/users/:mailbox/events`, () => {
        calls.push('createEvent');
        return HttpResponse.json({ id: 'AAMkSeries' }, { status: 201 });
      }),
    );
    const { calendar } = graphCalendar();
    const service = new SlotService({ calendar, clock: fixedClock('2026-03-13T10:17:00Z') });
    const frame = { durationMinutes: 60, frequency: 'weekly' as const, sessions: 6 };
    const proposed = await service.propose({ organiser: marc, partner: chloe, frame });
    expect(proposed.window).toEqual({
      start: '2026-03-14T11:00:00.000Z',
      end: '2026-05-10T11:00:00.000Z',
    });
    expect(windows[0]?.startTime.dateTime).toBe('2026-03-14T11:00:00');
    if (proposed.kind !== 'found') throw new Error(proposed.reason.message.en);
    expect(proposed.proposals).toHaveLength(5);
    // Marc is busy Monday 16 March 15:00 Paris: no Monday 15:00 series starting that day.
    expect(
      proposed.proposals.some(
        (p) => p.rule.firstDate === '2026-03-16' && p.rule.localStart === '15:00',
      ),
    ).toBe(false);
    const chosen = proposed.proposals[0];
    if (!chosen) throw new Error('no proposal');
    const booked = await service.book({
      pairId: 'pair-1',
      organiser: marc,
      partner: chloe,
      rule: chosen.rule,
      locale: 'en',
      topic: 'Power BI',
      tabUrl: 'https://teams.example/tab',
    });
    expect(booked.seriesId).toBe('AAMkSeries');
    expect(calls).toEqual(['getSchedule', 'createEvent']);
  });

  it('caps the free/busy window at Graph’s 62 days for long series', () => {
    const { calendar } = graphCalendar();
    const service = new SlotService({ calendar, clock: fixedClock('2026-03-13T10:00:00Z') });
    const window = service.window({ durationMinutes: 60, frequency: 'biweekly', sessions: 6 });
    expect(Date.parse(window.end) - Date.parse(window.start)).toBe(62 * 86_400_000);
  });

  it('refuses a free/busy window Graph would refuse, before calling it', async () => {
    const { calendar } = graphCalendar();
    await expect(
      calendar.getSchedules(marc, [marc, chloe], {
        start: '2026-03-01T00:00:00Z',
        end: '2026-05-03T00:00:00Z',
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', details: { maxDays: 62 } });
  });
});
