/**
 * npm run bench:buddy [-- --buddies 10000 --requests 100 --rate 2]
 * Quick help at scale: one tenant with `buddies` digital buddies (Cosmos on loopback in its own
 * process), askers asking `rate` times a second through the real BuddyService, the first offered
 * buddy accepting each. Measured: the ask call, from request to its first offers queued
 * (firstOffers), and from the ask to each offer card handed to a loopback Bot Connector that
 * answers 429 beyond the Teams limits (through the outbox wake-up, leased claim and pacer).
 * Last line: JSON with firstOffersP95Ms (target <= 200), eventToChatP95Ms (target <= 5,000),
 * offersSentPerSec.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createBackgroundLoops } from '../src/app/background';
import { lazyBot } from '../src/app/lazy-bot';
import { createServices } from '../src/app/services';
import { loadConfig } from '../src/config';
import { isoWeek, type BuddySettings } from '../src/domain/buddy/buddy-settings';
import { defaultDigitalSkills } from '../src/domain/buddy/topics';
import { systemClock } from '../src/domain/clock';
import { createLogger } from '../src/logger';
import { DevTokenIssuer } from '../src/local/dev-sign-in';
import { WakeSignal } from '../src/notifications/wake-signal';
import { createCosmosClient } from '../src/store/cosmos-client';
import { openStore } from '../src/store/database';
import { createRepositories } from '../src/store/repositories';
import { aPerson } from '../tests/fixtures/builders';
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

const buddyCount = option('buddies', 10_000);
const requestCount = option('requests', 100);
const rate = option('rate', 2);
// Four requests per asker, each on another topic: no limit refuses or merges one.
const askers = Math.max(1, Math.ceil(requestCount / 4));

const cosmos = await startCosmosProcess();
const client = createCosmosClient({ endpoint: cosmos.endpoint, key: 'local-bench' });
const store = await openStore(client, `bench-${randomUUID().slice(0, 8)}`);
const connector = await startConnectorProcess();
process.once('exit', () => {
  cosmos.child.kill('SIGTERM');
  void connector.close();
});
const repos = createRepositories(store);
const log = createLogger('warn', { format: 'text' });
const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', SCHEDULER: 'true', LOG_LEVEL: 'warn' });
const wake = new WakeSignal();
const services = createServices({
  config,
  repos,
  clock: systemClock,
  log,
  devTokens: new DevTokenIssuer({ clock: systemClock }),
  dispatchWake: wake,
});

// Setup: buddies with two digital skills each, in Paris and Toronto, fr/en; askers; all installed.
const tenantId = 'tenant-bench';
const now = systemClock.now();
const t0 = performance.now();
const install = (personId: string, n: number) =>
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
    now,
  );
const skills = defaultDigitalSkills.map((s) => s.id);
const buddy = (n: number): BuddySettings => {
  const mine = [skills[n % skills.length]!, skills[(n * 3 + 1) % skills.length]!];
  const unique = [...new Set(mine)];
  return {
    id: `buddy-${n}`,
    tenantId,
    active: true,
    skills: unique.map((skillId, i) => ({ skillId, level: 1 + ((n + i) % 5) })),
    skillIds: unique,
    anythingDigital: n % 10 === 0,
    languages: n % 4 === 0 ? ['en'] : ['fr', 'en'],
    timeZone: n % 5 === 0 ? 'America/Toronto' : 'Europe/Paris',
    // Available around the clock, so the figures do not depend on when the bench runs.
    workingHours: { start: '00:00', end: '23:59' },
    workingDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
    quietHours: null,
    weeklyCap: 3,
    pausedUntil: null,
    week: { id: isoWeek(now), helps: 0 },
    helpsTotal: 0,
    updatedAt: now.toISOString(),
  };
};
const work = Array.from({ length: buddyCount + askers }, (_, n) => n);
await Promise.all(
  Array.from({ length: 16 }, async () => {
    for (let n = work.shift(); n !== undefined; n = work.shift()) {
      if (n < buddyCount) {
        const settings = buddy(n);
        await repos.people.create(
          aPerson({
            tenantId,
            id: settings.id,
            displayName: `Buddy ${n}`,
            timeZone: settings.timeZone,
          }),
        );
        await repos.buddies.create(settings);
        await install(settings.id, n);
      } else {
        const id = `asker-${n - buddyCount}`;
        await repos.people.create(aPerson({ tenantId, id, displayName: `Asker ${n}` }));
        await install(id, n);
      }
    }
  }),
);
console.log(
  `setup: ${buddyCount} buddies and ${askers} askers in one tenant, in ${Math.round(performance.now() - t0)} ms`,
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
const loops = createBackgroundLoops({
  log,
  planner: { planAll: async () => ({ pairs: 0, created: 0 }) },
  notifications: {
    queue: repos.notifications,
    delivery: bot.delivery,
    instanceId: 'bench-buddy',
    clock: systemClock,
    wake,
  },
});
loops.start();

// Each offer card expected in a buddy's chat: when its ask started (in order, per chat).
const expected = new Map<string, number[]>();
const expect = (personId: string, at: number) =>
  expected.set(`a:${personId}`, [...(expected.get(`a:${personId}`) ?? []), at]);
const askMs: number[] = [];
let offers = 0;
let accepted = 0;
// Eight topics, each a different skill (or none): "Excel" and "xls" would be merged as one request.
const topics = [
  'Excel',
  'teams',
  'Instagram',
  'Power BI',
  'Copilot',
  'LinkedIn',
  'cyber',
  'Photoshop',
];
const started = Date.now();
await Promise.all(
  Array.from({ length: requestCount }, async (_, i) => {
    const due = started + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const at = Date.now();
    const asker = { tenantId, personId: `asker-${i % askers}`, locale: 'fr' as const };
    const { request } = await services.buddy.ask(asker, {
      topic: topics[Math.floor(i / askers) % topics.length]!,
      when: 'now',
      minutes: 15,
    });
    askMs.push(Date.now() - at);
    // Who was offered it (the bench reads the request; the asker's view never says).
    const offered = (await repos.helpRequests.get(tenantId, request.id)).value.offeredTo;
    for (const id of offered) expect(id, at);
    offers += offered.length;
    // The best offered buddy accepts a few seconds later (once the offers are out): helps
    // count, and the ranking moves on as weekly caps fill.
    const first = offered[0];
    if (first) {
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      await services.buddy.accept({ tenantId, personId: first }, request.id).catch(() => undefined);
      accepted += 1;
    }
  }),
);
const asking = Date.now() - started;
const waitFor = async (count: number, seconds: number) => {
  const deadline = Date.now() + seconds * 1000;
  let delivered = await connector.count();
  while (delivered < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    delivered = await connector.count();
  }
  return delivered;
};
// Offers, plus two connect cards per accept.
const delivered = await waitFor(offers + accepted * 2, 60);
console.log(
  `asked: ${requestCount} requests at ${rate}/s in ${asking} ms; ${offers} offers queued, ${delivered} cards sent`,
);
await new Promise((resolve) => setTimeout(resolve, 500));
await loops.stop();

// Where every queued card ended: sent, skipped (failed with a reason), still pending.
const outcomes = new Map<string, number>();
for (const { value } of await repos.notifications.query(tenantId)) {
  const key = `${value.kind} ${value.status}${value.lastError ? ` (${value.lastError.split(':')[0]})` : ''}`;
  outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
}
console.log(`queued cards: ${[...outcomes].map(([k, n]) => `${k}: ${n}`).join(', ')}`);
const { received, throttled } = await connector.stats();
const latencies: number[] = [];
const offerTimes: number[] = [];
const seen = new Map<string, number>();
for (const r of [...received].sort((a, b) => a.at - b.at)) {
  if (!r.conversationId.startsWith('a:buddy-')) continue;
  const times = expected.get(r.conversationId) ?? [];
  const index = seen.get(r.conversationId) ?? 0;
  seen.set(r.conversationId, index + 1);
  // Connect cards reach buddies too: count a receipt as an offer only while offers are expected.
  if (index < times.length) {
    latencies.push(r.at - times[index]!);
    offerTimes.push(r.at);
  }
}
const percentile = (values: number[], p: number) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const window = offerTimes.length > 1 ? (Math.max(...offerTimes) - started) / 1000 : null;
const result = {
  bench: 'buddy',
  buddies: buddyCount,
  requests: requestCount,
  requestsPerSec: rate,
  offersQueued: offers,
  offersDelivered: latencies.length,
  accepted,
  throttled,
  firstOffersP50Ms: percentile(askMs, 50),
  firstOffersP95Ms: percentile(askMs, 95),
  firstOffersMaxMs: percentile(askMs, 100),
  eventToChatP50Ms: percentile(latencies, 50),
  eventToChatP95Ms: percentile(latencies, 95),
  offersSentPerSec: window ? Math.round((latencies.length / window) * 10) / 10 : null,
  loadAverage1m: Math.round(((await import('node:os')).loadavg()[0] ?? 0) * 10) / 10,
};
console.log(
  `request → first offers queued: p50 ${result.firstOffersP50Ms} ms, p95 ${result.firstOffersP95Ms} ms; ` +
    `ask → offer card handed to the Bot Connector: p95 ${result.eventToChatP95Ms} ms; ` +
    `${result.offersSentPerSec} offers/s; ${throttled} throttled`,
);
await connector.close();
client.dispose();
cosmos.child.kill('SIGTERM');
console.log(JSON.stringify(result));
