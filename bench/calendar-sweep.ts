/**
 * npx tsx bench/calendar-sweep.ts [-- --pairs 1000 --tenants 4 --declines 50]
 * The scheduler's calendar sweep over many booked pairs across tenants, on the embedded Cosmos
 * server, with Microsoft Graph answered by msw handlers in Graph's documented shapes (each series'
 * instances; `--declines` of them carry a decline). Sweep 1 finds every series due and reads each
 * once; sweep 2, within the interval, reads none. Counts Graph calls, the most concurrent calls per
 * mailbox, Cosmos requests (server side, as bench/dashboard.ts does) and the notifications queued.
 */
import diagnostics from 'node:diagnostics_channel';
import { Server as HttpsServer } from 'node:https';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import type { OperationInput } from '@azure/cosmos';
import type { Event } from '@microsoft/microsoft-graph-types';
import { http, HttpResponse } from 'msw';
import { SetupServerApi } from 'msw/node';
import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import { loadConfig } from '../src/config';
import { fixedClock } from '../src/domain/clock';
import { pairSchema, type Pair } from '../src/domain/pair/schema';
import { personSchema } from '../src/domain/person';
import { createRepositories } from '../src/store/repositories';
import { createCosmosClient } from '../src/store/cosmos-client';
import { openStore } from '../src/store/database';
import { calendarInstance } from './support/calendar-instance';
import { startEmbeddedCosmos } from '../src/local/embedded-cosmos';

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const pairCount = option('pairs', 1000);
const tenantCount = option('tenants', 4);
const declines = option('declines', 50);

let cosmosRequests = 0;
diagnostics.subscribe('http.server.request.start', (message) => {
  if ((message as { server: unknown }).server instanceof HttpsServer) cosmosRequests += 1;
});

const GRAPH_ORIGIN = 'https://127.0.0.1:9';
const clock = fixedClock('2027-01-13T08:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const tenants = Array.from({ length: tenantCount }, (_, i) => `tenant-${i + 1}`);
const pairsOf = new Map<string, { pair: Pair; menteeEmail: string }>();

// Graph: the instances of each series, as booked (a few declined by the mentee).
let graphCalls = 0;
let inFlight = new Map<string, number>();
let maxPerMailbox = 0;
// Only fetch (the Graph client's) is intercepted: @azure/cosmos's https requests go straight to the
// embedded server, as in production (msw's ClientRequest interceptor slows each, by tens of ms when
// several run at once: the first version of this bench measured 40 ms a Cosmos request).
const graph = new SetupServerApi(
  [
    http.get(`${GRAPH_ORIGIN}/v1.0/users/:mailbox/events/:id/instances`, async ({ params }) => {
      graphCalls += 1;
      const mailbox = String(params.mailbox);
      inFlight.set(mailbox, (inFlight.get(mailbox) ?? 0) + 1);
      maxPerMailbox = Math.max(maxPerMailbox, inFlight.get(mailbox) ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 5)); // Graph's latency, roughly
      inFlight.set(mailbox, (inFlight.get(mailbox) ?? 1) - 1);
      const booked = pairsOf.get(String(params.id));
      if (!booked)
        return HttpResponse.json({ error: { code: 'ErrorItemNotFound' } }, { status: 404 });
      const declined = Number(booked.pair.id.split('-').pop()) < declines;
      const utc = (iso: string) => ({
        dateTime: iso.replace('Z', '').replace('.000', '.0000000'),
        timeZone: 'UTC',
      });
      const value: Event[] = booked.pair.sessions.map((s, i) => ({
        id: `inst-${s.id}`,
        type: 'occurrence',
        originalStart: s.calendarEventId!,
        start: utc(s.start),
        end: utc(new Date(Date.parse(s.start) + s.durationMinutes * 60_000).toISOString()),
        attendees: [
          {
            type: 'required',
            emailAddress: { address: booked.menteeEmail },
            status: { response: declined && i === 1 ? 'declined' : 'accepted', time: null },
          },
        ],
      }));
      return HttpResponse.json({ value });
    }),
  ],
  [new FetchInterceptor()],
);
graph.listen({ onUnhandledRequest: 'bypass' });

const embedded = await startEmbeddedCosmos(0);
const client = createCosmosClient({ endpoint: embedded.endpoint, key: embedded.key });
const store = await openStore(client, `bench-${randomUUID().slice(0, 8)}`);
try {
  // Booked pairs: mentor (organiser) and mentee in the directory, five sessions every two weeks.
  const t0 = performance.now();
  for (const [t, tenantId] of tenants.entries()) {
    const pairOps: OperationInput[] = [];
    const peopleOps: OperationInput[] = [];
    for (let n = t; n < pairCount; n += tenantCount) {
      const mentor = personSchema.parse({
        id: `mentor-${n}`,
        tenantId,
        displayName: `Mentor ${n}`,
        email: `mentor-${n}@contoso.example`,
        department: 'IT',
        jobTitle: 'Developer',
        managerId: null,
        seniorityYears: 2,
        preferredLocale: 'fr',
        timeZone: 'Europe/Paris',
      });
      const mentee = { ...mentor, id: `mentee-${n}`, email: `mentee-${n}@contoso.example` };
      const first = Date.parse('2027-01-19T09:00:00.000Z');
      const sessions = [0, 1, 2, 3, 4].map((k) => {
        const start = new Date(first + k * 14 * DAY).toISOString();
        return {
          id: `pair-${n}-s${k}`,
          index: k + 1,
          start,
          durationMinutes: 60,
          status: 'planned' as const,
          actionItems: [],
          calendarEventId: start,
        };
      });
      const pair = pairSchema.parse({
        id: `pair-${n}`,
        tenantId,
        programmeId: 'programme-1',
        proposalId: `proposal-${n}`,
        mentorId: mentor.id,
        menteeId: mentee.id,
        state: 'active',
        agreement: {
          subject: 'Power BI',
          menteeGoals: [],
          mentorGoals: [],
          frame: { sessions: 5, durationMinutes: 60, frequency: 'biweekly', place: 'online' },
          groundRules: [],
          confidentiality: '',
          revision: 1,
          signatures: {},
        },
        calendar: { seriesId: `series-${n}`, organiserId: mentor.id, provider: 'graph' },
        sessions,
        feedback: [],
        assessments: [],
        history: [],
        createdAt: '2027-01-01T00:00:00.000Z',
        updatedAt: '2027-01-01T00:00:00.000Z',
      });
      pairsOf.set(`series-${n}`, { pair, menteeEmail: mentee.email });
      pairOps.push({ operationType: 'Create', partitionKey: tenantId, resourceBody: pair });
      for (const p of [mentor, mentee]) {
        peopleOps.push({ operationType: 'Create', partitionKey: tenantId, resourceBody: p });
      }
    }
    for (let i = 0; i < pairOps.length; i += 100) {
      await store.container('pairs').items.bulk(pairOps.slice(i, i + 100));
    }
    for (let i = 0; i < peopleOps.length; i += 100) {
      await store.container('people').items.bulk(peopleOps.slice(i, i + 100));
    }
  }
  console.log(
    `${pairCount} booked pairs in ${tenantCount} tenants created in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    GRAPH_TENANT_ID: '11111111-2222-4333-8444-555555555555',
    GRAPH_CLIENT_ID: '22222222-3333-4444-8555-666666666666',
    GRAPH_CLIENT_SECRET: 'bench',
  });
  const repos = createRepositories(store);
  const { sweep } = calendarInstance({
    repos,
    config,
    clock,
    instanceId: 'bench',
    calendar: {
      credential: { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + HOUR }) },
      graphBaseUrl: GRAPH_ORIGIN,
      sleep: async () => {},
    },
    intervalMs: 6 * HOUR,
  });

  const run = async (label: string) => {
    graphCalls = 0;
    cosmosRequests = 0;
    inFlight = new Map();
    const start = performance.now();
    const result = await sweep.sweep();
    const ms = performance.now() - start;
    console.log(
      `${label}: ${result.pairs} pairs watched, ${result.due} due, ${result.refreshed} read, ` +
        `${result.changes} changes, ${result.failed} failed; ${graphCalls} Graph calls, ` +
        `${cosmosRequests} Cosmos requests, ${ms.toFixed(0)} ms`,
    );
    return { result, ms, graph: graphCalls, cosmos: cosmosRequests };
  };
  clock.set('2027-01-13T09:00:00Z');
  const first = await run('sweep 1 (every series due)');
  clock.set('2027-01-13T12:00:00Z');
  const second = await run('sweep 2 (3 h later, within the interval)');
  const queued = await repos.notifications.count(tenants[0]!, {
    where: "c.kind = 'session_declined'",
  });
  console.log(`notifications queued for declines in ${tenants[0]}: ${queued}`);
  console.log(`most concurrent Graph calls for one mailbox: ${maxPerMailbox}`);
  console.log(
    JSON.stringify({
      pairs: pairCount,
      tenants: tenantCount,
      graphCallsPerDuePair: first.result.due ? first.graph / first.result.due : 0,
      sweepAllDueMs: Math.round(first.ms),
      cosmosRequestsPerReadPair: first.result.refreshed ? first.cosmos / first.result.refreshed : 0,
      changesFound: first.result.changes,
      failed: first.result.failed + second.result.failed,
      sweepNoneDueMs: Math.round(second.ms),
      sweepNoneDueGraphCalls: second.graph,
      sweepNoneDueCosmosRequests: second.cosmos,
      maxConcurrentPerMailbox: maxPerMailbox,
    }),
  );
} finally {
  graph.close();
  client.dispose();
  await embedded.close();
}
