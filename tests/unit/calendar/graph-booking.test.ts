import type { Event } from '@microsoft/microsoft-graph-types';
import { delay, http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarPerson } from '../../../src/calendar/calendar-port';
import {
  GRAPH,
  aRule,
  aSeriesRequest,
  chloe,
  graphCalendar,
  marc,
  server,
  weekdayHours,
} from '../../support/graph-kit';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function captureCreate(id = 'AAMkSeries1') {
  const bodies: Event[] = [];
  const headers: Headers[] = [];
  server.use(
    http.post(`${GRAPH}/users/:mailbox/events`, async ({ request }) => {
      bodies.push((await request.json()) as Event);
      headers.push(request.headers);
      return HttpResponse.json(
        {
          id,
          type: 'seriesMaster',
          onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc' },
        } satisfies Event,
        { status: 201 },
      );
    }),
  );
  return { bodies, headers };
}

describe('Graph booking of a recurring series', () => {
  it('creates one weekly Teams meeting in the organiser’s calendar with the partner invited', async () => {
    const { bodies, headers } = captureCreate();
    const { calendar } = graphCalendar();
    const booked = await calendar.bookSeries(aSeriesRequest());
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toEqual({
      subject: 'Reverse mentoring: Power BI (Marc & Chloé)',
      body: {
        contentType: 'html',
        content:
          '<p>Your reverse-mentoring sessions on “Power BI”: 6 sessions of 60 minutes, every week.</p>' +
          '<p>The agenda, shared notes and feedback are on the pair’s page in Teams.</p>' +
          '<p><a href="https://teams.microsoft.com/l/entity/app/pairs?context=pair-1">Open the pair’s page in Teams</a></p>',
      },
      start: { dateTime: '2026-03-17T15:00:00', timeZone: 'Europe/Paris' },
      end: { dateTime: '2026-03-17T16:00:00', timeZone: 'Europe/Paris' },
      recurrence: {
        pattern: {
          type: 'weekly',
          interval: 1,
          daysOfWeek: ['tuesday'],
          firstDayOfWeek: 'monday',
        },
        range: {
          type: 'numbered',
          startDate: '2026-03-17',
          numberOfOccurrences: 6,
          recurrenceTimeZone: 'Europe/Paris',
        },
      },
      attendees: [
        { emailAddress: { address: 'chloe@contoso.com', name: 'Chloé' }, type: 'required' },
      ],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      allowNewTimeProposals: true,
      showAs: 'busy',
      isReminderOn: true,
      reminderMinutesBeforeStart: 15,
      transactionId: 'mentoring-pair-1-2026-03-17',
    } satisfies Event);
    expect(headers[0]?.get('prefer')).toBe('outlook.timezone="UTC"');
    expect(booked.seriesId).toBe('AAMkSeries1');
    expect(booked.joinUrl).toBe('https://teams.microsoft.com/l/meetup-join/abc');
    // 15:00 Paris is 14:00Z until 29 March, then 13:00Z: the occurrence keys follow the wall clock.
    expect(booked.occurrences.map((o) => o.occurrenceKey)).toEqual([
      '2026-03-17T14:00:00.000Z',
      '2026-03-24T14:00:00.000Z',
      '2026-03-31T13:00:00.000Z',
      '2026-04-07T13:00:00.000Z',
      '2026-04-14T13:00:00.000Z',
      '2026-04-21T13:00:00.000Z',
    ]);
  });

  it('books every two weeks from Montréal under Outlook’s Windows zone name, in French', async () => {
    const { bodies } = captureCreate();
    const montreal: CalendarPerson = { ...chloe, workingHours: weekdayHours() };
    const { calendar } = graphCalendar();
    const booked = await calendar.bookSeries(
      aSeriesRequest({
        organiser: montreal,
        attendees: [marc],
        locale: 'fr',
        rule: aRule({
          frequency: 'biweekly',
          timeZone: 'America/Toronto',
          firstDate: '2026-10-26',
          localStart: '09:30',
          durationMinutes: 45,
          count: 3,
        }),
      }),
    );
    const body = bodies[0];
    expect(body?.subject).toBe('Mentorat inversé : Power BI (Chloé et Marc)');
    expect(body?.body?.content).toContain('3 séances de 45 minutes, toutes les deux semaines.');
    expect(body?.start).toEqual({
      dateTime: '2026-10-26T09:30:00',
      timeZone: 'Eastern Standard Time',
    });
    expect(body?.end).toEqual({
      dateTime: '2026-10-26T10:15:00',
      timeZone: 'Eastern Standard Time',
    });
    expect(body?.recurrence).toEqual({
      pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' },
      range: {
        type: 'numbered',
        startDate: '2026-10-26',
        numberOfOccurrences: 3,
        recurrenceTimeZone: 'Eastern Standard Time',
      },
    });
    expect(body?.attendees).toEqual([
      { emailAddress: { address: 'marc@contoso.com', name: 'Marc' }, type: 'required' },
    ]);
    // Montréal changes clocks on 1 November: 09:30 is 13:30Z, then 14:30Z.
    expect(booked.occurrences.map((o) => o.start)).toEqual([
      '2026-10-26T13:30:00.000Z',
      '2026-11-09T14:30:00.000Z',
      '2026-11-23T14:30:00.000Z',
    ]);
  });

  it('books monthly on the same weekday of the same week', async () => {
    const { bodies } = captureCreate();
    const { calendar } = graphCalendar();
    await calendar.bookSeries(
      aSeriesRequest({ rule: aRule({ frequency: 'monthly', firstDate: '2026-03-10', count: 4 }) }),
    );
    expect(bodies[0]?.recurrence).toEqual({
      pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['tuesday'], index: 'second' },
      range: {
        type: 'numbered',
        startDate: '2026-03-10',
        numberOfOccurrences: 4,
        recurrenceTimeZone: 'Europe/Paris',
      },
    });
  });

  it('refuses a zone Outlook does not know before calling Graph', async () => {
    const { bodies } = captureCreate();
    const { calendar } = graphCalendar();
    await expect(
      calendar.bookSeries(aSeriesRequest({ rule: aRule({ timeZone: 'Antarctica/Troll' }) })),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: { timeZone: 'Antarctica/Troll' },
    });
    expect(bodies).toHaveLength(0);
  });

  it('says whose calendar refused the booking', async () => {
    server.use(
      http.post(`${GRAPH}/users/:mailbox/events`, () =>
        HttpResponse.json(
          { error: { code: 'ErrorAccessDenied', message: 'Access is denied.' } },
          { status: 403 },
        ),
      ),
    );
    const { calendar } = graphCalendar();
    await expect(calendar.bookSeries(aSeriesRequest())).rejects.toMatchObject({
      code: 'calendar_unavailable',
      message: "Marc's calendar could not be updated: permission missing",
    });
  });

  it('rejects a created event without an id as malformed', async () => {
    server.use(
      http.post(`${GRAPH}/users/:mailbox/events`, () => HttpResponse.json({ subject: 'x' })),
    );
    const { calendar } = graphCalendar();
    await expect(calendar.bookSeries(aSeriesRequest())).rejects.toMatchObject({
      details: { reason: 'malformed_response' },
    });
  });
});

type BatchRequest = {
  id: string;
  method: string;
  url: string;
  body?: Event;
  headers?: Record<string, string>;
  dependsOn?: string[];
};

describe('Graph cohort booking through $batch', () => {
  it('sends fully parallel batches of at most 20 with at most 4 per mailbox, retries throttled ones, drops none', async () => {
    const batches: BatchRequest[][] = [];
    const throttledOnce = new Set<string>();
    server.use(
      http.post(`${GRAPH}/$batch`, async ({ request }) => {
        const { requests } = (await request.json()) as { requests: BatchRequest[] };
        batches.push(requests);
        const failed = new Set<string>();
        const responses = requests.map((r) => {
          const pairId = r.body?.transactionId ?? '';
          if (r.dependsOn?.some((d) => failed.has(d))) {
            failed.add(r.id);
            return { id: r.id, status: 424, body: { error: { code: 'FailedDependency' } } };
          }
          if (pairId.includes('pair-forbidden')) {
            return {
              id: r.id,
              status: 403,
              body: { error: { code: 'ErrorAccessDenied', message: 'Access is denied.' } },
            };
          }
          // Every seventh pair is throttled on its first attempt.
          if (/pair-\d*[07]-/.test(pairId) && !throttledOnce.has(pairId)) {
            throttledOnce.add(pairId);
            failed.add(r.id);
            return {
              id: r.id,
              status: 429,
              headers: { 'Retry-After': '3' },
              body: { error: { code: 'ApplicationThrottled', message: 'slow down' } },
            };
          }
          return { id: r.id, status: 201, body: { id: `series-${pairId}` } };
        });
        return HttpResponse.json({ responses });
      }),
    );
    const others = Array.from({ length: 8 }, (_, k) => ({
      ...marc,
      id: `m${k}`,
      email: `m${k}@contoso.com`,
      displayName: 'Léa',
    }));
    const requests = Array.from({ length: 45 }, (_, i) =>
      aSeriesRequest({
        pairId: i === 42 ? 'pair-forbidden' : `pair-${i}`,
        // One in three goes to Marc's mailbox: more than 4, so some must wait for a later batch.
        organiser: i % 3 === 0 ? marc : others[i % 8],
      }),
    );
    const { calendar, waits } = graphCalendar();
    const outcomes = await calendar.bookCohort(requests);

    expect(outcomes).toHaveLength(45);
    expect(outcomes.map((o) => o.pairId)).toEqual(requests.map((r) => r.pairId));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(44);
    const forbidden = outcomes[42];
    expect(forbidden).toMatchObject({
      ok: false,
      error: {
        code: 'calendar_unavailable',
        message: "Marc's calendar could not be updated: permission missing",
      },
    });
    expect(outcomes[7]).toMatchObject({
      ok: true,
      series: { seriesId: 'series-mentoring-pair-7-2026-03-17' },
    });
    expect(waits.every((w) => w === 3000)).toBe(true);
    expect(waits.length).toBeGreaterThan(0);

    for (const batch of batches) {
      expect(batch.length).toBeLessThanOrEqual(20);
      const perMailbox = new Map<string, number>();
      for (const r of batch) {
        expect(r.method).toBe('POST');
        expect(r.url).toMatch(/^\/users\/[^/]+\/events$/);
        expect(r.headers?.['Content-Type']).toBe('application/json');
        expect(r.body?.isOnlineMeeting).toBe(true);
        // Graph: a batch is fully parallel or fully sequential; ours are parallel.
        expect(r.dependsOn).toBeUndefined();
        const mailbox = r.url.split('/')[2] ?? '';
        perMailbox.set(mailbox, (perMailbox.get(mailbox) ?? 0) + 1);
      }
      for (const count of perMailbox.values()) expect(count).toBeLessThanOrEqual(4);
    }
    expect(Math.max(...batches.map((b) => b.length))).toBe(20);
  });

  it('reports a request that cannot be sent at its own place and books the others', async () => {
    server.use(
      http.post(`${GRAPH}/$batch`, async ({ request }) => {
        const { requests } = (await request.json()) as { requests: BatchRequest[] };
        return HttpResponse.json({
          responses: requests.map((r) => ({
            id: r.id,
            status: 201,
            body: { id: `series-${r.body?.transactionId}` },
          })),
        });
      }),
    );
    const { calendar } = graphCalendar();
    const outcomes = await calendar.bookCohort([
      aSeriesRequest({ pairId: 'a' }),
      aSeriesRequest({ pairId: 'b', rule: aRule({ timeZone: 'Antarctica/Troll' }) }),
      aSeriesRequest({ pairId: 'c' }),
    ]);
    expect(outcomes).toEqual([
      expect.objectContaining({
        pairId: 'a',
        ok: true,
        series: expect.objectContaining({ seriesId: 'series-mentoring-a-2026-03-17' }),
      }),
      expect.objectContaining({
        pairId: 'b',
        ok: false,
        error: expect.objectContaining({ code: 'validation_failed' }),
      }),
      expect.objectContaining({
        pairId: 'c',
        ok: true,
        series: expect.objectContaining({ seriesId: 'series-mentoring-c-2026-03-17' }),
      }),
    ]);
  });

  it('waits out a throttled $batch call as a whole and sends it again', async () => {
    let calls = 0;
    server.use(
      http.post(`${GRAPH}/$batch`, async ({ request }) => {
        calls++;
        if (calls === 1)
          return new HttpResponse(null, { status: 503, headers: { 'Retry-After': '5' } });
        const { requests } = (await request.json()) as { requests: BatchRequest[] };
        return HttpResponse.json({
          responses: requests.map((r) => ({ id: r.id, status: 201, body: { id: `s-${r.id}` } })),
        });
      }),
    );
    const { calendar, waits } = graphCalendar();
    const outcomes = await calendar.bookCohort([
      aSeriesRequest(),
      aSeriesRequest({ pairId: 'p2' }),
    ]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(waits).toEqual([5000]);
    expect(calls).toBe(2);
  });

  it('gives up on a Graph that never answers: calendar_unavailable, timed out, not retried', async () => {
    let calls = 0;
    server.use(
      http.post(`${GRAPH}/users/:mailbox/events`, async () => {
        calls += 1;
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const { calendar } = graphCalendar({ requestTimeoutMs: 50 });
    await expect(calendar.bookSeries(aSeriesRequest())).rejects.toMatchObject({
      code: 'calendar_unavailable',
      message:
        "Marc's calendar could not be updated: Microsoft 365 did not answer in time; try again in a few minutes",
      details: { reason: 'timed_out' },
    });
    // A POST that may have been applied is not sent again: two meetings would be worse.
    expect(calls).toBe(1);
  });
});
