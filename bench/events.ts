/**
 * npm run bench:events [-- --pairs 100 --rate 5 --tenants 1 --wake 1]
 * Messages caused by an event, end to end: for each pair (signed by its mentor), the mentee's
 * signature goes through the real PairService (Cosmos on loopback in its own process); the two
 * approval cards it queues go through the app's background loops (outbox wake-up, leased claim,
 * pacer, CloudAdapter.continueConversationAsync) to a loopback Bot Connector that answers 429
 * beyond the Teams limits. Then each mentee's manager decides, and both members are told.
 * Measured: from the call that causes the event to each message handed to the connector
 * (eventToChat, including the call's own work: eventP95Ms), and for the cards from the signature's
 * return, when they were just queued (queuedToChat: the pipeline alone).
 * `--wake 0` leaves the dispatcher to its 2-second poll, as on an instance that did not see the
 * event. Last line: JSON with eventToChatP95Ms (target <= 5,000), per kind, duplicates, throttled.
 * The default rate (5 events/s, 10 messages/s) is what one local Cosmos server on a shared 2-core
 * machine keeps up with; beyond it the calls themselves queue up and dominate the figure.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createBackgroundLoops } from '../src/app/background';
import { lazyBot } from '../src/app/lazy-bot';
import { createServices } from '../src/app/services';
import { loadConfig } from '../src/config';
import { approvalIdFor } from '../src/domain/approval';
import { systemClock } from '../src/domain/clock';
import { createLogger } from '../src/logger';
import { DevTokenIssuer } from '../src/local/dev-sign-in';
import { WakeSignal } from '../src/notifications/wake-signal';
import { createCosmosClient } from '../src/store/cosmos-client';
import { openStore } from '../src/store/database';
import { createRepositories } from '../src/store/repositories';
import {
  aPair,
  aPerson,
  aPrincipal,
  aProgramme,
  somePairMembers,
} from '../tests/fixtures/builders';
import { startCosmosProcess } from './support/cosmos-process';
import { startConnectorProcess } from './support/teams-connector-process';

function option(name: string, fallback: number, min = 1): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`--${name} must be an integer of at least ${min}`);
  }
  return value;
}

const pairCount = option('pairs', 100);
const rate = option('rate', 5);
const tenants = option('tenants', 1);
const wakeUp = option('wake', 1, 0) === 1;

const cosmos = await startCosmosProcess();
const client = createCosmosClient({ endpoint: cosmos.endpoint, key: 'local-bench' });
const store = await openStore(client, `bench-${randomUUID().slice(0, 8)}`);
const connector = await startConnectorProcess();
// The child processes go with us, whatever ends the bench.
process.once('exit', () => {
  cosmos.child.kill('SIGTERM');
  void connector.close();
});
const repos = createRepositories(store);
const log = createLogger('warn', { format: 'text' });
const config = loadConfig({
  HOST: '127.0.0.1',
  PORT: '0',
  SCHEDULER: 'true',
  LOG_LEVEL: 'warn',
});
// As src/app/start-server.ts wires it: the services' outbox rings this instance's dispatcher.
const wake = new WakeSignal();
const services = createServices({
  config,
  repos,
  clock: systemClock,
  log,
  // Local mode's configuration wants the development sign-in; nobody signs in here.
  devTokens: new DevTokenIssuer({ clock: systemClock }),
  ...(wakeUp ? { dispatchWake: wake } : {}),
});

// Setup: per pair a mentor, a mentee and their two managers, all with the bot installed.
const t0 = performance.now();
const at = systemClock.now();
type BenchPair = { tenantId: string; pairId: string; n: number };
const pairs: BenchPair[] = [];
const programmes = new Map<string, string>();
for (let t = 0; t < tenants; t++) {
  const tenantId = `tenant-${t}`;
  const programme = aProgramme({
    tenantId,
    managerApprovalRequired: true,
    startDate: at.toISOString().slice(0, 10),
    endDate: new Date(at.getTime() + 365 * 86_400_000).toISOString().slice(0, 10),
  });
  await repos.programmes.create(programme);
  programmes.set(tenantId, programme.id);
}
const install = (tenantId: string, personId: string, n: number) =>
  repos.conversations.remember(
    {
      tenantId,
      personId,
      locale: n % 3 === 0 ? 'en' : 'fr',
      reference: {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: `a:${personId}`, conversationType: 'personal', tenantId },
        user: { id: `29:${personId}`, aadObjectId: personId },
        bot: { id: '28:mentoring', name: 'Mentoring' },
      },
    },
    at,
  );
const queue = Array.from({ length: pairCount }, (_, n) => n);
await Promise.all(
  Array.from({ length: 8 }, async () => {
    for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
      const tenantId = `tenant-${n % tenants}`;
      const id = (role: string) => `${role}-${n}`;
      const people = [
        aPerson({ tenantId, id: id('mgr-mentor'), displayName: `Manager A${n}` }),
        aPerson({ tenantId, id: id('mgr-mentee'), displayName: `Manager B${n}` }),
        aPerson({
          tenantId,
          id: id('mentor'),
          displayName: `Mentor ${n}`,
          managerId: id('mgr-mentor'),
        }),
        aPerson({
          tenantId,
          id: id('mentee'),
          displayName: `Mentee ${n}`,
          managerId: id('mgr-mentee'),
        }),
      ];
      for (const person of people) {
        await repos.people.create(person);
        await install(tenantId, person.id, n);
      }
      const pair = aPair({
        id: `pair-${n}`,
        tenantId,
        programmeId: programmes.get(tenantId)!,
        mentorId: id('mentor'),
        menteeId: id('mentee'),
        state: 'accepted',
        members: somePairMembers(),
      });
      await repos.pairs.create(pair);
      await services.pairs.sign(
        aPrincipal({ tenantId, personId: id('mentor') }),
        pair.id,
        1,
        undefined,
      );
      pairs.push({ tenantId, pairId: pair.id, n });
    }
  }),
);
pairs.sort((a, b) => a.n - b.n);
console.log(
  `setup: ${pairCount} pairs signed by their mentor, ${pairCount * 4} people in ${tenants} tenant(s), ` +
    `in ${Math.round(performance.now() - t0)} ms`,
);

const bot = lazyBot({
  credentials: {},
  clock: systemClock,
  services: {
    pairs: services.pairs,
    approvals: services.approvals,
    directory: services.directory,
    buddy: services.buddy,
  },
  conversations: repos.conversations,
  log,
});
await bot.load();
let planningPasses = 0;
const loops = createBackgroundLoops({
  log,
  planner: {
    planAll: async () => {
      planningPasses += 1;
      return services.planner.planAll();
    },
  },
  notifications: {
    queue: repos.notifications,
    delivery: bot.delivery,
    instanceId: 'bench-events',
    clock: systemClock,
    wake,
  },
});
loops.start();

/** When each expected message's event started (wall clock), by conversation. */
const expected = new Map<
  string,
  { kind: 'approval_request' | 'pair_told_outcome'; at: number; queuedAt?: number }
>();
const pace = async (i: number, started: number) => {
  const due = started + (i * 1000) / rate;
  const wait = due - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
};

// Phase 1: the mentees sign, `rate` a second; each signature asks both managers.
const signingStarted = Date.now();
const eventMs: number[] = [];
await Promise.all(
  pairs.map(async (p, i) => {
    await pace(i, signingStarted);
    const startedAt = Date.now();
    await services.pairs.sign(
      aPrincipal({ tenantId: p.tenantId, personId: `mentee-${p.n}` }),
      p.pairId,
      1,
      undefined,
    );
    // Queuing the cards is the last thing a signature does: from here on it is the pipeline's.
    const queuedAt = Date.now();
    for (const manager of [`a:mgr-mentor-${p.n}`, `a:mgr-mentee-${p.n}`]) {
      expected.set(manager, { kind: 'approval_request', at: startedAt, queuedAt });
    }
    eventMs.push(queuedAt - startedAt);
  }),
);
const waitFor = async (count: number, seconds: number) => {
  const deadline = Date.now() + seconds * 1000;
  let delivered = await connector.count();
  while (delivered < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    delivered = await connector.count();
  }
  return delivered;
};
console.log(
  `signatures: ${pairCount} at ${rate}/s; ${await waitFor(pairCount * 2, 60)} cards sent`,
);

// Phase 2: each mentee's manager approves; both members are told.
const decidingStarted = Date.now();
await Promise.all(
  pairs.map(async (p, i) => {
    await pace(i, decidingStarted);
    const startedAt = Date.now();
    expected.set(`a:mentor-${p.n}`, { kind: 'pair_told_outcome', at: startedAt });
    expected.set(`a:mentee-${p.n}`, { kind: 'pair_told_outcome', at: startedAt });
    await services.approvals.decide(
      { tenantId: p.tenantId, personId: `mgr-mentee-${p.n}` },
      approvalIdFor(p.pairId, `mentee-${p.n}`, 1),
      'approved',
      undefined,
    );
    eventMs.push(Date.now() - startedAt);
  }),
);
const delivered = await waitFor(pairCount * 4, 60);
console.log(`decisions: ${pairCount} at ${rate}/s; ${delivered} messages sent in all`);
await new Promise((resolve) => setTimeout(resolve, 1000));
await loops.stop();

const { received, throttled } = await connector.stats();
const latencies: Record<string, number[]> = { approval_request: [], pair_told_outcome: [] };
const queuedToChat: number[] = [];
const seen = new Map<string, number>();
for (const r of received) {
  seen.set(r.conversationId, (seen.get(r.conversationId) ?? 0) + 1);
  const cause = expected.get(r.conversationId);
  if (cause && seen.get(r.conversationId) === 1) {
    latencies[cause.kind]!.push(r.at - cause.at);
    if (cause.queuedAt !== undefined) queuedToChat.push(r.at - cause.queuedAt);
  }
}
const all = Object.values(latencies).flat();
const percentile = (values: number[], p: number) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const result = {
  bench: 'events',
  wake: wakeUp,
  pairs: pairCount,
  tenants,
  eventsPerSec: rate,
  expected: expected.size,
  delivered: received.length,
  lost: [...expected.keys()].filter((c) => !seen.has(c)).length,
  duplicates: [...seen.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0),
  throttled,
  planningPasses,
  eventP95Ms: percentile(eventMs, 95),
  eventToChatP50Ms: percentile(all, 50),
  eventToChatP95Ms: percentile(all, 95),
  eventToChatMaxMs: percentile(all, 100),
  approvalCardP95Ms: percentile(latencies.approval_request!, 95),
  /** From the signature's return (its cards just queued) to the card handed over. */
  queuedToChatP95Ms: percentile(queuedToChat, 95),
  decisionToldP95Ms: percentile(latencies.pair_told_outcome!, 95),
  loadAverage1m: Math.round(((await import('node:os')).loadavg()[0] ?? 0) * 10) / 10,
};
console.log(
  `event → handed to the Bot Connector: p50 ${result.eventToChatP50Ms} ms, p95 ${result.eventToChatP95Ms} ms, ` +
    `max ${result.eventToChatMaxMs} ms over ${all.length} messages; ${result.lost} lost, ` +
    `${result.duplicates} duplicates, ${result.throttled} throttled`,
);
await connector.close();
client.dispose();
cosmos.child.kill('SIGTERM');
console.log(JSON.stringify(result));
