import { http, HttpResponse } from 'msw';
import type { Event, ScheduleInformation } from '@microsoft/microsoft-graph-types';
import { loadConfig } from '../../../src/config';
import { fixedClock } from '../../../src/domain/clock';
import { createCalendarProvider } from '../../../src/main';
import type { Principal } from '../../../src/services/auth/principal';
import { CosmosOrgDirectory } from '../../../src/services/org-directory';
import { PairCalendarService } from '../../../src/services/pair-calendar-service';
import { PairRepository } from '../../../src/store/pair-repository';
import { PeopleRepository } from '../../../src/store/people-repository';
import { ProfileRepository } from '../../../src/store/profile-repository';
import { demoPersonId } from '../../../src/store/seed/demo-data';
import { demoPairIds } from '../../../src/store/seed/demo-pairs';
import { seedDemoData } from '../../../src/store/seed/seed-demo';
import { startLocalCosmos, type LocalCosmos } from '../../support/local-cosmos';
import { GRAPH, GRAPH_ORIGIN, server, testCredential } from '../../unit/calendar/graph-kit';

const tenantId = '11111111-2222-4333-8444-555555555555';
// A Wednesday in winter: Paris is UTC+1, Toronto UTC−5.
const clock = fixedClock('2027-01-13T08:00:00Z');
const michel: Principal = {
  tenantId,
  personId: demoPersonId(35),
  name: 'Michel Brun',
  email: 'michel.brun@maison-lumiere.example',
  appRoles: [],
  isTenantLead: false,
  signIn: 'dev',
};

let cosmos: LocalCosmos;
let service: PairCalendarService;

beforeAll(async () => {
  // The local Cosmos server is on loopback too: let msw pass everything it has no handler for.
  server.listen({ onUnhandledRequest: 'bypass' });
  cosmos = await startLocalCosmos();
  await seedDemoData(cosmos.store, tenantId, clock);
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    PUBLIC_URL: 'https://mentoring.maison-lumiere.example',
    GRAPH_TENANT_ID: tenantId,
    GRAPH_CLIENT_ID: '22222222-3333-4444-8555-666666666666',
    GRAPH_CLIENT_SECRET: 'not-used: the test credential hands out tokens',
  });
  const people = new PeopleRepository(cosmos.store.container('people'));
  service = new PairCalendarService({
    pairs: new PairRepository(cosmos.store.container('pairs')),
    profiles: new ProfileRepository(cosmos.store.container('profiles')),
    directory: new CosmosOrgDirectory({ people }),
    calendars: createCalendarProvider(config, cosmos.store, clock, {
      credential: testCredential,
      graphBaseUrl: GRAPH_ORIGIN,
      sleep: async () => {},
    }),
    clock,
    publicUrl: config.publicUrl,
  });
}, 60_000);

afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
  await cosmos?.stop();
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
});
