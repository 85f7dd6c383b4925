import { delay, http, HttpResponse } from 'msw';
import type { Event, ScheduleInformation } from '@microsoft/microsoft-graph-types';
import type { SlotsResponse } from '../../../src/contracts/calendar';
import { fixedClock } from '../../../src/domain/clock';
import { demoPersonId } from '../../../src/local/seed/demo-data';
import { demoPairIds } from '../../../src/local/seed/demo-pairs';
import { startTestApp, type TestApp } from '../../support/app-server';
import { GRAPH, GRAPH_ORIGIN, server, testCredential } from '../../support/graph-kit';
import { apiClient, errorCode } from '../api/api-client';

/**
 * Issue #18 item 6: Microsoft Graph failing under the running app, through its HTTP API: a
 * booking that meets 429/503 is retried and made once; one that meets a Graph that keeps failing
 * or never answers is a clear 503 `calendar_unavailable`, with nothing booked, and can be made
 * again once Graph is back.
 */

const tenantId = '11111111-2222-4333-8444-555555555555';
// A Wednesday in winter, as in tests/integration/calendar/graph-wiring.test.ts.
const clock = fixedClock('2027-01-13T08:00:00Z');
const pairId = demoPairIds.data;

let app: TestApp;
let api: ReturnType<typeof apiClient>;
let michel: string;

beforeAll(async () => {
  // The app and its Cosmos server are on loopback too: msw lets through what it has no handler for.
  server.listen({ onUnhandledRequest: 'bypass' });
  app = await startTestApp({
    clock,
    env: {
      LOCAL_SNAPSHOT: 'false',
      PUBLIC_URL: 'https://mentoring.maison-lumiere.example',
      GRAPH_TENANT_ID: tenantId,
      GRAPH_CLIENT_ID: '22222222-3333-4444-8555-666666666666',
      GRAPH_CLIENT_SECRET: 'not-used: the test credential hands out tokens',
    },
    calendar: {
      credential: testCredential,
      graphBaseUrl: GRAPH_ORIGIN,
      sleep: async () => {},
      requestTimeoutMs: 300,
    },
  });
  api = apiClient(app.baseUrl);
  michel = await api.signIn(demoPersonId(35));
}, 60_000);

afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
  await app?.stop();
});

const free = (id: string): ScheduleInformation => ({
  scheduleId: id,
  availabilityView: '',
  scheduleItems: [],
});

/** getSchedule answers `failures` first (statuses), then everyone free. */
function schedule(failures: number[] = []) {
  let calls = 0;
  server.use(
    http.post(`${GRAPH}/users/:mailbox/calendar/getSchedule`, () => {
      const status = failures[calls++];
      if (status !== undefined) {
        return HttpResponse.json(
          { error: { code: 'TooManyRequests', message: 'Throttled' } },
          { status, headers: { 'Retry-After': '1' } },
        );
      }
      return HttpResponse.json({
        value: [
          free('ethan.walker@maison-lumiere.example'),
          free('michel.brun@maison-lumiere.example'),
        ],
      });
    }),
  );
  return { calls: () => calls };
}

/** events answers with `answer` for each call (a status, or `hang`), then creates the series. */
function events(answers: (number | 'hang')[] = []) {
  let calls = 0;
  server.use(
    http.post(`${GRAPH}/users/:mailbox/events`, async () => {
      const answer = answers[calls++];
      if (answer === 'hang') {
        await delay('infinite');
      } else if (answer !== undefined) {
        return HttpResponse.json(
          { error: { code: 'ServiceUnavailable', message: 'Try later' } },
          { status: answer, headers: { 'Retry-After': '1' } },
        );
      }
      const created: Event = {
        id: 'AAMkSeriesAfterFaults=',
        onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3afaults' },
      };
      return HttpResponse.json(created, { status: 201 });
    }),
  );
  return { calls: () => calls };
}

async function firstSlot(): Promise<unknown> {
  const reply = await api.call<SlotsResponse>('GET', `/api/pairs/${pairId}/slots?locale=en`, {
    token: michel,
  });
  expect(reply.status).toBe(200);
  return reply.body.proposals[0]!.slot;
}

const book = (slot: unknown) =>
  api.call('POST', `/api/pairs/${pairId}/booking?locale=en`, { token: michel, json: { slot } });

const storedPair = () => app.repos.pairs.get(tenantId, pairId);

describe('Microsoft Graph faults, through the API', () => {
  it('a booking Graph keeps refusing with 503 is a 503 calendar_unavailable; nothing is booked', async () => {
    schedule();
    const slot = await firstSlot();
    const before = await storedPair();
    const graph = events(Array.from({ length: 20 }, () => 503));
    const reply = await book(slot);
    expect(reply.status).toBe(503);
    expect(errorCode(reply)).toBe('calendar_unavailable');
    expect(graph.calls()).toBeGreaterThan(1); // retried before giving up
    expect((await storedPair()).etag).toBe(before.etag);
  });

  it('a booking Graph never answers is a 503 calendar_unavailable (timed out), sent once; nothing is booked', async () => {
    schedule();
    const slot = await firstSlot();
    const before = await storedPair();
    const graph = events(['hang']);
    const reply = await book(slot);
    expect(reply.status).toBe(503);
    expect(errorCode(reply)).toBe('calendar_unavailable');
    expect((reply.body as { error: { details: { reason: string } } }).error.details.reason).toBe(
      'timed_out',
    );
    expect(graph.calls()).toBe(1);
    expect((await storedPair()).etag).toBe(before.etag);
  });

  it('slots and a booking that meet 429 and 503 are retried: booked once, and booking again calls Graph no more', async () => {
    const busy = schedule([429, 429]);
    const slot = await firstSlot();
    expect(busy.calls()).toBe(3);
    const graph = events([503, 429]);
    const reply = await book(slot);
    expect(reply.status).toBe(201);
    expect(graph.calls()).toBe(3);
    const stored = (await storedPair()).value;
    expect(stored.calendar.seriesId).toBe('AAMkSeriesAfterFaults=');

    const again = await book(slot);
    expect(again.status).toBe(200);
    expect(graph.calls()).toBe(3);
  });
});
