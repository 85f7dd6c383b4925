import type { ScheduleInformation } from '@microsoft/microsoft-graph-types';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../../src/domain/errors';
import { findRecurringSlots } from '../../../src/domain/calendar/slot-finder';
import { GRAPH, chloe, graphCalendar, marc, server } from '../../support/graph-kit';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const window = { start: '2026-03-16T00:00:00.000Z', end: '2026-05-11T00:00:00.000Z' };

const scheduleOf = (
  email: string,
  items: ScheduleInformation['scheduleItems'] = [],
): ScheduleInformation => ({
  scheduleId: email,
  availabilityView: '0000',
  scheduleItems: items,
  workingHours: {
    daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    startTime: '08:00:00.0000000',
    endTime: '17:00:00.0000000',
    timeZone: { name: 'Romance Standard Time' },
  },
});

const utc = (dateTime: string) => ({ dateTime, timeZone: 'UTC' });

describe('Graph getSchedule', () => {
  it('asks once for both people over the window, in UTC, and keeps busy, tentative and away time', async () => {
    const seen: { body: unknown; prefer: string | null; auth: string | null; url: string }[] = [];
    server.use(
      http.post(`${GRAPH}/users/:mailbox/calendar/getSchedule`, async ({ request }) => {
        seen.push({
          body: await request.json(),
          prefer: request.headers.get('prefer'),
          auth: request.headers.get('authorization'),
          url: new URL(request.url).pathname,
        });
        return HttpResponse.json({
          value: [
            scheduleOf('marc@contoso.com', [
              {
                status: 'busy',
                start: utc('2026-03-17T09:00:00.0000000'),
                end: utc('2026-03-17T10:00:00.0000000'),
              },
              {
                status: 'free',
                start: utc('2026-03-17T12:00:00.0000000'),
                end: utc('2026-03-17T13:00:00.0000000'),
              },
              {
                status: 'workingElsewhere',
                start: utc('2026-03-18T12:00:00.0000000'),
                end: utc('2026-03-18T13:00:00.0000000'),
              },
            ]),
            scheduleOf('Chloe@Contoso.com', [
              {
                status: 'tentative',
                start: utc('2026-03-17T14:00:00.0000000'),
                end: utc('2026-03-17T15:00:00.0000000'),
              },
              {
                status: 'oof',
                start: utc('2026-03-20T00:00:00.0000000'),
                end: utc('2026-03-21T00:00:00.0000000'),
              },
            ]),
          ] satisfies ScheduleInformation[],
        });
      }),
    );
    const { calendar } = graphCalendar();
    const schedules = await calendar.getSchedules(marc, [marc, chloe], window);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual({
      url: '/v1.0/users/marc%40contoso.com/calendar/getSchedule',
      prefer: 'outlook.timezone="UTC"',
      auth: 'Bearer test-token',
      body: {
        schedules: ['marc@contoso.com', 'chloe@contoso.com'],
        startTime: { dateTime: '2026-03-16T00:00:00', timeZone: 'UTC' },
        endTime: { dateTime: '2026-05-11T00:00:00', timeZone: 'UTC' },
        availabilityViewInterval: 30,
      },
    });
    expect(schedules).toEqual([
      {
        personId: 'marc-id',
        email: 'marc@contoso.com',
        busy: [{ start: '2026-03-17T09:00:00.000Z', end: '2026-03-17T10:00:00.000Z' }],
      },
      {
        personId: 'chloe-id',
        email: 'chloe@contoso.com',
        busy: [
          { start: '2026-03-17T14:00:00.000Z', end: '2026-03-17T15:00:00.000Z' },
          { start: '2026-03-20T00:00:00.000Z', end: '2026-03-21T00:00:00.000Z' },
        ],
      },
    ]);
  });

  it('finds slots for Paris and Montréal and books one pair in two Graph calls', async () => {
    let calls = 0;
    server.use(
      http.post(`${GRAPH}/users/:mailbox/calendar/getSchedule`, () => {
        calls++;
        return HttpResponse.json({
          value: [scheduleOf('marc@contoso.com'), scheduleOf('chloe@contoso.com')],
        });
      }),
      http.post(`${GRAPH}/users/:mailbox/events`, () => {
        calls++;
        return HttpResponse.json({ id: 'AAMkSeries', type: 'seriesMaster' }, { status: 201 });
      }),
    );
    const { calendar } = graphCalendar();
    const [mine, theirs] = await calendar.getSchedules(marc, [marc, chloe], window);
    const result = findRecurringSlots({
      organiser: { ...marc, busy: mine?.busy ?? [] },
      partner: { ...chloe, busy: theirs?.busy ?? [] },
      frame: { durationMinutes: 60, frequency: 'weekly', sessions: 6 },
      from: window.start,
      horizon: window.end,
    });
    if (result.kind !== 'found') throw new Error(result.reason.message.en);
    const chosen = result.proposals[0];
    if (!chosen) throw new Error('no proposal');
    const booked = await calendar.bookSeries({
      pairId: 'pair-1',
      organiser: marc,
      attendees: [chloe],
      rule: chosen.rule,
      locale: 'fr',
      topic: 'Power BI',
      tabUrl: 'https://example.test/tab',
    });
    expect(calls).toBe(2);
    expect(booked.seriesId).toBe('AAMkSeries');
    expect(booked.occurrences).toHaveLength(6);
  });

  it('names the person whose calendar Graph could not read', async () => {
    server.use(
      http.post(`${GRAPH}/users/:mailbox/calendar/getSchedule`, () =>
        HttpResponse.json({
          value: [
            scheduleOf('marc@contoso.com'),
            {
              scheduleId: 'chloe@contoso.com',
              error: { message: 'Access is denied', responseCode: 'ErrorAccessDenied' },
            },
          ],
        }),
      ),
    );
    const { calendar } = graphCalendar();
    await expect(calendar.getSchedules(marc, [marc, chloe], window)).rejects.toMatchObject({
      code: 'calendar_unavailable',
      message: "Chloé's calendar could not be read: permission missing",
      details: { personId: 'chloe-id', reason: 'permission_missing' },
    });
  });

  it('turns a 403 into a message naming the organiser', async () => {
    server.use(
      http.post(`${GRAPH}/users/:mailbox/calendar/getSchedule`, () =>
        HttpResponse.json(
          {
            error: {
              code: 'ErrorAccessDenied',
              message:
                'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
            },
          },
          { status: 403 },
        ),
      ),
    );
    const { calendar, waits } = graphCalendar();
    const error = await calendar.getSchedules(marc, [marc, chloe], window).catch((e) => e);
    expect(isDomainError(error, 'calendar_unavailable')).toBe(true);
    expect(error.message).toBe("Marc's calendar could not be read: permission missing");
    expect(error.details).toMatchObject({ status: 403, graphCode: 'ErrorAccessDenied' });
    expect(waits).toEqual([]);
  });

  it('waits for Retry-After on 429, 503 and 504, then succeeds', async () => {
    const answers = [
      HttpResponse.json(
        { error: { code: 'ApplicationThrottled', message: 'Too many requests' } },
        { status: 429, headers: { 'Retry-After': '2' } },
      ),
      HttpResponse.json(
        { error: { code: 'ServiceUnavailable', message: 'busy' } },
        { status: 503, headers: { 'Retry-After': '1' } },
      ),
      HttpResponse.json({ error: { code: 'GatewayTimeout', message: 'slow' } }, { status: 504 }),
    ];
    let calls = 0;
    server.use(
      http.post(`${GRAPH}/users/:mailbox/calendar/getSchedule`, () => {
        calls++;
        return (
          answers.shift() ??
          HttpResponse.json({
            value: [scheduleOf('marc@contoso.com'), scheduleOf('chloe@contoso.com')],
          })
        );
      }),
    );
    const { calendar, waits } = graphCalendar();
    const schedules = await calendar.getSchedules(marc, [marc, chloe], window);
    expect(schedules).toHaveLength(2);
    expect(calls).toBe(4);
    // Retry-After in seconds; without one, exponential back-off (third attempt: 4 s).
    expect(waits).toEqual([2000, 1000, 4000]);
  });

  it('reports throttling that never ends instead of dropping the request', async () => {
    let calls = 0;
    server.use(
      http.post(`${GRAPH}/users/:mailbox/calendar/getSchedule`, () => {
        calls++;
        return new HttpResponse(null, { status: 429, headers: { 'Retry-After': '1' } });
      }),
    );
    const { calendar } = graphCalendar({ maxAttempts: 3 });
    await expect(calendar.getSchedules(marc, [marc, chloe], window)).rejects.toMatchObject({
      code: 'calendar_unavailable',
      details: { reason: 'throttled' },
    });
    expect(calls).toBe(3);
  });

  it('rejects an answer that is not JSON', async () => {
    server.use(
      http.post(`${GRAPH}/users/:mailbox/calendar/getSchedule`, () =>
        HttpResponse.text('<html>gateway</html>'),
      ),
    );
    const { calendar } = graphCalendar();
    await expect(calendar.getSchedules(marc, [marc, chloe], window)).rejects.toMatchObject({
      message: "Marc's calendar could not be read: Microsoft 365 sent an unexpected answer",
    });
  });

  it.each([
    ['a value that is not a list', { value: 'nothing' }],
    [
      'an item without a start',
      {
        value: [
          { scheduleId: 'marc@contoso.com', scheduleItems: [{ status: 'busy', end: utc('x') }] },
          scheduleOf('chloe@contoso.com'),
        ],
      },
    ],
    [
      'a date that is not one',
      {
        value: [
          scheduleOf('marc@contoso.com', [
            { status: 'busy', start: utc('yesterday'), end: utc('today') },
          ]),
          scheduleOf('chloe@contoso.com'),
        ],
      },
    ],
    ['a person missing from the answer', { value: [scheduleOf('marc@contoso.com')] }],
  ])('rejects a malformed answer (%s) with a clear message', async (_, body) => {
    server.use(
      http.post(`${GRAPH}/users/:mailbox/calendar/getSchedule`, () => HttpResponse.json(body)),
    );
    const { calendar } = graphCalendar();
    await expect(calendar.getSchedules(marc, [marc, chloe], window)).rejects.toMatchObject({
      code: 'calendar_unavailable',
      message: expect.stringMatching(
        /calendar could not be read: Microsoft 365 sent an unexpected answer$/,
      ),
      details: { reason: 'malformed_response' },
    });
  });

  it('reads free/busy for a cohort through $batch, one outcome per pair, failures named', async () => {
    type Sub = {
      id: string;
      url: string;
      body: { schedules: string[] };
      headers?: Record<string, string>;
    };
    const seen: Sub[] = [];
    server.use(
      http.post(`${GRAPH}/$batch`, async ({ request }) => {
        const { requests } = (await request.json()) as { requests: Sub[] };
        seen.push(...requests);
        return HttpResponse.json({
          responses: requests.map((r) =>
            r.body.schedules.includes('blocked@contoso.com')
              ? {
                  id: r.id,
                  status: 403,
                  body: { error: { code: 'ErrorAccessDenied', message: 'Access is denied.' } },
                }
              : {
                  id: r.id,
                  status: 200,
                  body: { value: r.body.schedules.map((email) => scheduleOf(email)) },
                },
          ),
        });
      }),
    );
    const blocked = { ...marc, id: 'blocked', email: 'blocked@contoso.com', displayName: 'Bruno' };
    const { calendar } = graphCalendar();
    const outcomes = await calendar.getCohortSchedules([
      { organiser: marc, people: [marc, chloe], window },
      { organiser: blocked, people: [blocked, chloe], window },
    ]);
    expect(outcomes[0]).toMatchObject({
      ok: true,
      schedules: [{ personId: 'marc-id' }, { personId: 'chloe-id' }],
    });
    expect(outcomes[1]).toMatchObject({
      ok: false,
      error: {
        code: 'calendar_unavailable',
        message: "Bruno's calendar could not be read: permission missing",
      },
    });
    expect(seen.map((r) => r.url)).toEqual([
      '/users/marc%40contoso.com/calendar/getSchedule',
      '/users/blocked%40contoso.com/calendar/getSchedule',
    ]);
    expect(seen[0]?.headers).toEqual({
      Prefer: 'outlook.timezone="UTC"',
      'Content-Type': 'application/json',
    });
  });
});
