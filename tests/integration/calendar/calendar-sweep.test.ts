import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import { http, HttpResponse, delay } from 'msw';
import { SetupServerApi } from 'msw/node';
import type { Event, ScheduleInformation } from '@microsoft/microsoft-graph-types';
import type { TurnContext } from 'botbuilder';
import { ProactiveNotifier } from '../../../bot/proactive-notifier';
import { loadConfig, type Config } from '../../../src/config';
import { LocalCalendar } from '../../../src/calendar/local-calendar';
import { fixedClock } from '../../../src/domain/clock';
import type { Notification } from '../../../src/domain/notification';
import { demoPersonId } from '../../../src/local/seed/demo-data';
import { demoPairIds } from '../../../src/local/seed/demo-pairs';
import { seedDemoData } from '../../../src/local/seed/seed-demo';
import { startLocalCosmos, type LocalCosmos } from '../../support/local-cosmos';
import { calendarInstance } from '../../../bench/support/calendar-instance';
import { GRAPH, GRAPH_ORIGIN, testCredential } from '../../support/graph-kit';
import { aPrincipal } from '../../fixtures/builders';

const tenantId = '11111111-2222-4333-8444-555555555555';
const ethan = demoPersonId(39); // mentor, organiser, Toronto
const michel = demoPersonId(35); // mentee, Paris
const HOUR = 3_600_000;
// Graph goes through fetch: only fetch is intercepted, so the Cosmos SDK's requests reach the local
// server untouched (msw's ClientRequest interceptor slows each, by tens of ms when several run at
// once).
const server = new SetupServerApi([], [new FetchInterceptor()]);
const michelPrincipal = aPrincipal({
  tenantId,
  personId: michel,
  name: 'Michel Brun',
  email: 'michel.brun@maison-lumiere.example',
});

/** One scheduler instance: its own service (own claim owner) and sweep over the shared store. */
function anInstance(
  cosmos: LocalCosmos,
  config: Config,
  clock: ReturnType<typeof fixedClock>,
  name: string,
) {
  return calendarInstance({
    repos: cosmos.repos,
    config,
    clock,
    instanceId: name,
    calendar: { credential: testCredential, graphBaseUrl: GRAPH_ORIGIN, sleep: async () => {} },
    intervalMs: 6 * HOUR,
    pageSize: 2, // several pages even with the demo's few pairs
  });
}

async function queued(cosmos: LocalCosmos): Promise<Notification[]> {
  const all = await cosmos.repos.notifications.query(tenantId, {
    where: "STARTSWITH(c.kind, 'session_')",
  });
  return all.map((n) => n.value).sort((a, b) => a.id.localeCompare(b.id));
}

const graphTime = (iso: string) => ({
  dateTime: new Date(iso).toISOString().replace('Z', '').replace('.000', '.0000000'),
  timeZone: 'UTC',
});

describe('the calendar sweep with Microsoft Graph', () => {
  // A Wednesday in winter: Paris is UTC+1, Toronto UTC−5.
  const clock = fixedClock('2027-01-13T08:00:00Z');
  let cosmos: LocalCosmos;
  let config: Config;
  let sessions: { id: string; key: string; start: string; end: string }[] = [];

  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'bypass' });
    cosmos = await startLocalCosmos();
    await seedDemoData(cosmos.store, tenantId, clock);
    config = loadConfig({
      HOST: '127.0.0.1',
      PORT: '0',
      PUBLIC_URL: 'https://mentoring.maison-lumiere.example',
      GRAPH_TENANT_ID: tenantId,
      GRAPH_CLIENT_ID: '22222222-3333-4444-8555-666666666666',
      GRAPH_CLIENT_SECRET: 'not-used: the test credential hands out tokens',
    });
    // Book the pair's series through Graph (getSchedule, then one recurring event).
    server.use(
      http.post(`${GRAPH}/users/:mailbox/calendar/getSchedule`, () => {
        const free = (scheduleId: string): ScheduleInformation => ({
          scheduleId,
          availabilityView: '',
          scheduleItems: [],
        });
        return HttpResponse.json({
          value: [
            free('ethan.walker@maison-lumiere.example'),
            free('michel.brun@maison-lumiere.example'),
          ],
        });
      }),
      http.post(`${GRAPH}/users/:mailbox/events`, () => {
        const created: Event = { id: 'AAMkSweepSeries=' };
        return HttpResponse.json(created, { status: 201 });
      }),
    );
    const { service } = anInstance(cosmos, config, clock, 'booking');
    const slots = await service.slots(michelPrincipal, demoPairIds.data, 'en');
    const { response } = await service.book(
      michelPrincipal,
      demoPairIds.data,
      slots.proposals[0]!.slot,
    );
    sessions = response.sessions
      .filter((s) => s.calendarEventId !== null && s.status === 'planned')
      .map((s) => ({ id: s.id, key: s.calendarEventId!, start: s.start, end: s.end }));
    server.resetHandlers();
  }, 60_000);

  afterEach(() => server.resetHandlers());
  afterAll(async () => {
    server.close();
    await cosmos?.stop();
  });

  /** The series' instances as Graph lists them: the first moved a day later, Michel declined the second. */
  function instancesHandler(calls: string[], options: { wait?: number } = {}) {
    const [first, second] = sessions;
    const moved = {
      start: new Date(Date.parse(first!.start) + 24 * HOUR).toISOString(),
      end: new Date(Date.parse(first!.end) + 24 * HOUR).toISOString(),
    };
    return {
      moved,
      handler: http.get(`${GRAPH}/users/:mailbox/events/:id/instances`, async ({ request }) => {
        calls.push(new URL(request.url).pathname);
        if (options.wait) await delay(options.wait);
        const value: Event[] = sessions.map((s) => {
          const at = s.id === first!.id ? moved : { start: s.start, end: s.end };
          return {
            id: `AAMkInstance-${s.key}`,
            type: s.id === first!.id ? 'exception' : 'occurrence',
            originalStart: s.key,
            start: graphTime(at.start),
            end: graphTime(at.end),
            attendees: [
              {
                type: 'required',
                emailAddress: {
                  address: 'michel.brun@maison-lumiere.example',
                  name: 'Michel Brun',
                },
                status: { response: s.id === second!.id ? 'declined' : 'accepted', time: null },
              },
            ],
          };
        });
        return HttpResponse.json({ value });
      }),
    };
  }

  it('picks up a moved occurrence and a declined one, and tells the pair through the bot', async () => {
    clock.set('2027-01-13T09:00:00Z');
    const calls: string[] = [];
    const { handler, moved } = instancesHandler(calls);
    server.use(handler);
    const { sweep } = anInstance(cosmos, config, clock, 'instance-a');

    const result = await sweep.sweep();

    expect(calls).toEqual([
      '/v1.0/users/ethan.walker%40maison-lumiere.example/events/AAMkSweepSeries%3D/instances',
    ]);
    expect(result).toMatchObject({ due: 1, refreshed: 1, changes: 2, failed: 0 });
    const pair = await cosmos.repos.pairs.get(tenantId, demoPairIds.data);
    const [first, second] = sessions;
    expect(pair.value.sessions.find((s) => s.id === first!.id)?.start).toBe(moved.start);
    expect(pair.value.sessions.find((s) => s.id === second!.id)?.status).toBe('planned');

    const notices = await queued(cosmos);
    expect(notices.map((n) => [n.kind, n.recipientId])).toEqual(
      expect.arrayContaining([
        ['session_moved', ethan],
        ['session_moved', michel],
        // Michel declined: his partner is told, not him.
        ['session_declined', ethan],
      ]),
    );
    expect(notices).toHaveLength(3);
    const declined = notices.find((n) => n.kind === 'session_declined')!;
    expect(declined).toMatchObject({
      pairId: demoPairIds.data,
      status: 'pending',
      dueAt: '2027-01-13T09:00:00.000Z',
      payload: { partnerName: 'Michel Brun', start: second!.start, timeZone: 'America/Toronto' },
    });
    const movedForMichel = notices.find(
      (n) => n.kind === 'session_moved' && n.recipientId === michel,
    )!;
    expect(movedForMichel.payload).toMatchObject({
      partnerName: 'Ethan Walker',
      from: first!.start,
      to: moved.start,
      timeZone: 'Europe/Paris',
    });
  });

  it('makes no Graph call within the interval, and reports a decline only once after it', async () => {
    const calls: string[] = [];
    server.use(instancesHandler(calls).handler);
    const { sweep, service } = anInstance(cosmos, config, clock, 'instance-a');

    clock.set('2027-01-13T14:00:00Z'); // 5 h after the last read
    expect(await sweep.sweep()).toMatchObject({ due: 0, refreshed: 0 });
    // A member opening the dashboard 3 minutes after a read gets the stored answer, no call.
    clock.set('2027-01-13T09:03:00Z');
    const view = await service.refresh(michelPrincipal, demoPairIds.data, 'en');
    expect(view.changes).toEqual([]);
    expect(view.refreshedAt).toBe('2027-01-13T09:00:00.000Z');
    expect(view.sessions.find((s) => s.id === sessions[1]!.id)?.declinedBy).toEqual([michel]);
    expect(calls).toEqual([]);

    clock.set('2027-01-13T15:30:00Z'); // 6.5 h after it
    const before = await queued(cosmos);
    const again = await sweep.sweep();
    expect(again).toMatchObject({ due: 1, refreshed: 1, changes: 0 });
    expect(calls).toHaveLength(1);
    // The same decline and the move already applied are not news: nothing new for the bot.
    expect(await queued(cosmos)).toEqual(before);
  });

  it('two instances sweeping at once read the series once', async () => {
    clock.set('2027-01-14T06:00:00Z'); // past the interval again
    const calls: string[] = [];
    server.use(instancesHandler(calls, { wait: 150 }).handler);
    const a = anInstance(cosmos, config, clock, 'instance-a');
    const b = anInstance(cosmos, config, clock, 'instance-b');

    const [ra, rb] = await Promise.all([a.sweep.sweep(), b.sweep.sweep()]);

    expect(calls).toHaveLength(1);
    expect(ra.refreshed + rb.refreshed).toBe(1);
    expect(ra.failed + rb.failed).toBe(0);
    const sync = await cosmos.repos.calendarSyncs.ofPair(tenantId, demoPairIds.data);
    expect(sync?.value).toMatchObject({ refreshedAt: '2027-01-14T06:00:00.000Z' });
    expect(sync?.value.claim).toBeUndefined();
  });

  it('a failed read hands its claim back: the next sweep reads again', async () => {
    clock.set('2027-01-15T06:00:00Z');
    let served = 0;
    server.use(
      http.get(`${GRAPH}/users/:mailbox/events/:id/instances`, () => {
        served += 1;
        return HttpResponse.json(
          { error: { code: 'ErrorAccessDenied', message: 'Access is denied.' } },
          { status: 403 },
        );
      }),
    );
    const { sweep } = anInstance(cosmos, config, clock, 'instance-a');
    expect(await sweep.sweep()).toMatchObject({ due: 1, refreshed: 0, failed: 1 });
    const sync = await cosmos.repos.calendarSyncs.ofPair(tenantId, demoPairIds.data);
    expect(sync?.value.claim).toBeUndefined();
    expect(sync?.value.lastError).toMatch(/Ethan Walker/);
    expect(await sweep.sweep()).toMatchObject({ due: 1, failed: 1 });
    expect(served).toBe(2);
  });
});

describe('the calendar sweep with the local calendar', () => {
  const clock = fixedClock('2027-01-13T08:00:00Z');
  let cosmos: LocalCosmos;
  let config: Config;

  beforeAll(async () => {
    cosmos = await startLocalCosmos();
    await seedDemoData(cosmos.store, tenantId, clock);
    config = loadConfig({ HOST: '127.0.0.1', PORT: '0' });
  }, 60_000);

  afterAll(async () => {
    await cosmos?.stop();
  });

  it('picks up a session moved and one declined in the local calendar', async () => {
    const { service, sweep } = anInstance(cosmos, config, clock, 'local-a');
    const slots = await service.slots(michelPrincipal, demoPairIds.data, 'fr');
    const { response } = await service.book(
      michelPrincipal,
      demoPairIds.data,
      slots.proposals[0]!.slot,
    );
    expect(response.series?.provider).toBe('local');
    const planned = response.sessions.filter((s) => s.calendarEventId !== null);
    const [first, second] = planned;
    const repository = cosmos.repos.calendar;
    const series = await repository.get(tenantId, response.series!.seriesId);
    const local = new LocalCalendar({ repository, tenantId, clock });
    const ref = {
      seriesId: series.value.id,
      organiser: { ...series.value.organiser, timeZone: 'America/Toronto', workingHours: [] },
    };
    const later = new Date(Date.parse(first!.start) + 2 * HOUR).toISOString();
    await local.rescheduleOccurrence({
      series: ref,
      occurrenceKey: first!.calendarEventId!,
      start: later,
    });
    const michelEmail = series.value.attendees[0]!.email;
    await local.respond(ref, second!.calendarEventId!, michelEmail, 'declined');

    clock.set('2027-01-13T09:00:00Z');
    expect(await sweep.sweep()).toMatchObject({ due: 1, refreshed: 1, changes: 2 });
    const pair = await cosmos.repos.pairs.get(tenantId, demoPairIds.data);
    expect(pair.value.sessions.find((s) => s.id === first!.id)?.start).toBe(later);
    expect((await queued(cosmos)).map((n) => `${n.kind}:${n.recipientId}`).sort()).toEqual(
      [`session_declined:${ethan}`, `session_moved:${ethan}`, `session_moved:${michel}`].sort(),
    );
    // Within the interval: nothing is read again.
    clock.set('2027-01-13T12:00:00Z');
    expect(await sweep.sweep()).toMatchObject({ due: 0, refreshed: 0 });
  });

  it('the bot says each change in the recipient’s language and time zone', async () => {
    const conversations = cosmos.repos.conversations;
    for (const [personId, locale] of [
      [ethan, 'en'],
      [michel, 'fr'],
    ] as const) {
      await conversations.remember(
        {
          tenantId,
          personId,
          locale,
          reference: {
            channelId: 'msteams',
            serviceUrl: 'http://127.0.0.1:9/connector',
            conversation: { id: `a:chat-${personId}`, conversationType: 'personal', tenantId },
            user: { id: `29:${personId}` },
            bot: { id: '28:bot' },
          },
        },
        clock.now(),
      );
    }
    const said = new Map<string, string>();
    const notifier = new ProactiveNotifier({
      adapter: {
        continueConversationAsync: async (_appId, reference, logic) => {
          const context = {
            sendActivity: async (activity: { text?: string }) => {
              said.set(reference.conversation?.id ?? '', activity.text ?? '');
              return { id: '1' };
            },
          };
          await logic(context as unknown as TurnContext);
        },
      },
      botAppId: '',
      conversations,
      approvals: {
        view: () => Promise.reject(new Error('no approval card is expected here')),
      },
    });
    const texts: string[] = [];
    for (const notice of await queued(cosmos)) {
      const prepared = await notifier.prepare(notice);
      if ('skip' in prepared) throw new Error(prepared.skip);
      said.clear();
      await prepared.send();
      texts.push([...said.values()].join(''));
    }
    // Ethan (Toronto, English) is told of Michel's decline and the move; Michel (Paris, French) of the move.
    expect(texts.sort()).toEqual([
      'Michel Brun declined the session on **Thursday, 28 January 2027 at 09:00** in their calendar.',
      'Votre séance avec Ethan Walker du jeudi 14 janvier 2027 à 15:00 a été déplacée au **jeudi 14 janvier 2027 à 17:00** dans l’agenda.',
      'Your session with Michel Brun on Thursday, 14 January 2027 at 09:00 was moved to **Thursday, 14 January 2027 at 11:00** in the calendar.',
    ]);
    expect(texts).toHaveLength(3);
  });
});
