import { http, HttpResponse } from 'msw';
import type { Event, ScheduleInformation } from '@microsoft/microsoft-graph-types';
import { fixedClock } from '../../../src/domain/clock';
import type { PairCalendarService } from '../../../src/services/calendar/pair-calendar-service';
import { demoPersonId } from '../../../src/local/seed/demo-data';
import { demoPairIds } from '../../../src/local/seed/demo-pairs';
import { seedDemoData } from '../../../src/local/seed/seed-demo';
import { startWorld, type World } from '../../support/world';
import { GRAPH, GRAPH_ORIGIN, server, testCredential } from '../../support/graph-kit';
import { aPrincipal } from '../../fixtures/builders';

const tenantId = '11111111-2222-4333-8444-555555555555';
// A Wednesday in winter: Paris is UTC+1, Toronto UTC−5.
const clock = fixedClock('2027-01-13T08:00:00Z');
const michel = aPrincipal({
  tenantId,
  personId: demoPersonId(35),
  name: 'Michel Brun',
  email: 'michel.brun@maison-lumiere.example',
});

let world: World;
let service: PairCalendarService;

beforeAll(async () => {
  // The local Cosmos server is on loopback too: let msw pass everything it has no handler for.
  server.listen({ onUnhandledRequest: 'bypass' });
  world = await startWorld({
    clock,
    env: {
      PUBLIC_URL: 'https://mentoring.maison-lumiere.example',
      GRAPH_TENANT_ID: tenantId,
      GRAPH_CLIENT_ID: '22222222-3333-4444-8555-666666666666',
      GRAPH_CLIENT_SECRET: 'not-used: the test credential hands out tokens',
    },
    calendar: { credential: testCredential, graphBaseUrl: GRAPH_ORIGIN, sleep: async () => {} },
  });
  await seedDemoData(world.store, tenantId, clock);
  service = world.services.calendar;
}, 60_000);

afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
  await world?.stop();
});

describe('the Graph wiring', () => {
  it('finds slots and books one pair in two Graph calls: getSchedule for both, one recurring Teams meeting', async () => {
    const calls: { method: string; path: string; body: unknown }[] = [];
    const record = async (request: Request) => {
      calls.push({
        method: request.method,
        path: new URL(request.url).pathname,
        body: await request.clone().json(),
      });
    };
    server.use(
      http.post(`${GRAPH}/users/:mailbox/calendar/getSchedule`, async ({ request }) => {
        await record(request);
        const busy: ScheduleInformation = {
          scheduleId: 'michel.brun@maison-lumiere.example',
          availabilityView: '',
          scheduleItems: [
            {
              status: 'busy',
              // Michel is busy every afternoon of the first week (Paris 15:00–18:00).
              start: { dateTime: '2027-01-14T14:00:00.0000000', timeZone: 'UTC' },
              end: { dateTime: '2027-01-14T17:00:00.0000000', timeZone: 'UTC' },
            },
          ],
        };
        const free: ScheduleInformation = {
          scheduleId: 'ethan.walker@maison-lumiere.example',
          availabilityView: '',
          scheduleItems: [],
        };
        return HttpResponse.json({ value: [free, busy] });
      }),
      http.post(`${GRAPH}/users/:mailbox/events`, async ({ request }) => {
        await record(request);
        const created: Event = {
          id: 'AAMkAGI2TSeries=',
          onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting' },
        };
        return HttpResponse.json(created, { status: 201 });
      }),
    );

    const slots = await service.slots(michel, demoPairIds.data, 'en');
    expect(slots.provider).toBe('graph');
    expect(slots.proposals).toHaveLength(5);
    const chosen = slots.proposals[0]!;
    // Not on Thursday 14 January, when Michel is busy.
    expect(chosen.firstStart.startsWith('2027-01-14')).toBe(false);
    const { response, created } = await service.book(michel, demoPairIds.data, chosen.slot, 'en');
    expect(created).toBe(true);
    expect(response.series).toMatchObject({
      seriesId: 'AAMkAGI2TSeries=',
      organiserId: demoPersonId(39),
      provider: 'graph',
      icsPath: null,
    });
    expect(response.sessions.filter((s) => s.calendarEventId !== null)).toHaveLength(5);

    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /v1.0/users/ethan.walker%40maison-lumiere.example/calendar/getSchedule',
      'POST /v1.0/users/ethan.walker%40maison-lumiere.example/events',
    ]);
    expect(calls[0]!.body).toMatchObject({
      schedules: ['ethan.walker@maison-lumiere.example', 'michel.brun@maison-lumiere.example'],
    });
    const event = calls[1]!.body as Event;
    expect(event).toMatchObject({
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      attendees: [
        {
          emailAddress: { address: 'michel.brun@maison-lumiere.example', name: 'Michel Brun' },
          type: 'required',
        },
      ],
      // Outlook does not list America/Toronto: its Windows name.
      start: { timeZone: 'Eastern Standard Time' },
      recurrence: {
        pattern: { type: 'weekly', interval: 2 },
        range: { type: 'numbered', numberOfOccurrences: 5 },
      },
    });
    // Ethan's language is English: subject and body in English, linking back to the tab.
    expect(event.subject).toBe(
      'Reverse mentoring: Python notebooks for market research (Ethan Walker & Michel Brun)',
    );
    expect(event.body?.content).toContain(
      `https://mentoring.maison-lumiere.example/plan?pair=${demoPairIds.data}`,
    );

    // Booking again (a double click) makes no Graph call.
    const again = await service.book(michel, demoPairIds.data, chosen.slot, 'en');
    expect(again.created).toBe(false);
    expect(calls).toHaveLength(2);
  });

  it('a refresh reads the series once and applies a move, a cancellation from Outlook and a decline; a pause cancels the rest', async () => {
    const before = await service.calendar(michel, demoPairIds.data, 'en');
    const planned = before.sessions.filter((s) => s.calendarEventId !== null);
    expect(planned).toHaveLength(5);
    const [first, second, third] = planned;
    const graphTime = (iso: string) => ({
      dateTime: iso.replace('Z', '').replace('.000', '.0000000'),
      timeZone: 'UTC',
    });
    const instance = (key: string, start: string, end: string, response: string): Event => ({
      id: `AAMkInstance-${key}`,
      type: key === start ? 'occurrence' : 'exception',
      originalStart: key,
      start: graphTime(start),
      end: graphTime(end),
      attendees: [
        {
          emailAddress: { address: 'Michel.Brun@maison-lumiere.example', name: 'Michel Brun' },
          status: { response: response as 'accepted' },
        },
      ],
    });
    const calls: string[] = [];
    const movedStart = new Date(Date.parse(first!.start) + 3_600_000).toISOString();
    const movedEnd = new Date(Date.parse(first!.end) + 3_600_000).toISOString();
    server.use(
      http.get(`${GRAPH}/users/:mailbox/events/:id/instances`, ({ request }) => {
        calls.push(`GET ${new URL(request.url).pathname}`);
        return HttpResponse.json({
          value: planned
            .filter((s) => s.id !== third!.id) // deleted in Outlook
            .map((s) =>
              s.id === first!.id
                ? instance(s.calendarEventId!, movedStart, movedEnd, 'accepted')
                : instance(
                    s.calendarEventId!,
                    s.start,
                    s.end,
                    s.id === second!.id ? 'declined' : 'accepted',
                  ),
            ),
        });
      }),
    );
    const { pair, changes } = await service.refreshPair(tenantId, demoPairIds.data);
    expect(calls).toEqual([
      'GET /v1.0/users/ethan.walker%40maison-lumiere.example/events/AAMkAGI2TSeries%3D/instances',
    ]);
    expect(changes).toEqual(
      expect.arrayContaining([
        { kind: 'moved', sessionId: first!.id, start: movedStart },
        { kind: 'declined', sessionId: second!.id, personId: demoPersonId(35) },
        { kind: 'cancelled', sessionId: third!.id },
      ]),
    );
    expect(changes).toHaveLength(3);
    const sessions = new Map(pair.value.sessions.map((s) => [s.id, s]));
    expect(sessions.get(first!.id)?.start).toBe(movedStart);
    expect(sessions.get(second!.id)?.status).toBe('planned');
    expect(sessions.get(third!.id)?.status).toBe('cancelled');

    // The pair pauses: the rest of the series is cancelled in Outlook (nothing of it was held yet).
    const pairs = world.repos.pairs;
    await pairs.update(tenantId, demoPairIds.data, (p) => ({
      ...p,
      state: 'paused',
      pausedUntil: '2027-03-01T00:00:00.000Z',
    }));
    const cancelCalls: string[] = [];
    server.use(
      http.get(`${GRAPH}/users/:mailbox/events/:id`, ({ request }) => {
        cancelCalls.push(`GET ${new URL(request.url).pathname}`);
        const master: Event = {
          id: 'AAMkAGI2TSeries=',
          type: 'seriesMaster',
          start: { dateTime: '2027-01-19T09:00:00.0000000', timeZone: 'UTC' },
          end: { dateTime: '2027-01-19T10:00:00.0000000', timeZone: 'UTC' },
          recurrence: {
            pattern: {
              type: 'weekly',
              interval: 2,
              daysOfWeek: ['tuesday'],
              firstDayOfWeek: 'monday',
            },
            range: {
              type: 'numbered',
              startDate: '2027-01-19',
              numberOfOccurrences: 5,
              recurrenceTimeZone: 'Eastern Standard Time',
            },
          },
        };
        return HttpResponse.json(master);
      }),
      http.post(`${GRAPH}/users/:mailbox/events/:id/cancel`, ({ request }) => {
        cancelCalls.push(`POST ${new URL(request.url).pathname}`);
        return new HttpResponse(null, { status: 202 });
      }),
    );
    expect(await service.afterPairClosed(tenantId, demoPairIds.data)).toBe(true);
    expect(cancelCalls).toEqual([
      'GET /v1.0/users/ethan.walker%40maison-lumiere.example/events/AAMkAGI2TSeries%3D',
      'POST /v1.0/users/ethan.walker%40maison-lumiere.example/events/AAMkAGI2TSeries%3D/cancel',
    ]);
    const after = await pairs.get(tenantId, demoPairIds.data);
    expect(after.value.sessions.filter((s) => s.status === 'planned')).toEqual([]);
    expect(after.value.calendar).toEqual({});
    // Said once: a second call finds nothing left and makes no Graph call.
    expect(await service.afterPairClosed(tenantId, demoPairIds.data)).toBe(false);
    expect(cancelCalls).toHaveLength(2);
  });
});
