/**
 * npm run bench:notify [-- --count 10000 --people 2000 --tenants 1 --instances 2]
 * Sends due reminders from the local Cosmos server through the real pipeline (leased ETag claims,
 * pacer, CloudAdapter.continueConversationAsync) to a loopback Bot Connector that enforces the
 * Teams limits (50/s per tenant, 7/s per conversation) and answers 429 + Retry-After beyond them.
 * Last line: JSON with sustainedPerSec, throttled, lost, duplicates.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { OperationInput } from '@azure/cosmos';
import { createBotAdapter } from '../bot/bot-endpoint';
import type { ApprovalService } from '../src/services/approval-service';
import { ProactiveNotifier } from '../bot/proactive-notifier';
import { notificationKey, type Notification } from '../src/domain/notification';
import { NotificationDispatcher } from '../src/notifications/notification-dispatcher';
import { PacedSender } from '../src/notifications/paced-sender';
import { SendPacer, teamsLimits } from '../src/notifications/pacer';
import { systemTimer } from '../src/notifications/timer';
import { createCosmosClient } from '../src/store/cosmos-client';
import type { ConversationRecord } from '../src/store/conversation-repository';
import { openStore } from '../src/store/database';
import { createRepositories } from '../src/store/repositories';
import { startConnectorProcess } from './support/teams-connector-process';
import { startCosmosProcess } from './support/cosmos-process';
import { createLogger } from '../src/logger';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer`);
  return value;
}

const count = option('count', 10_000);
const people = option('people', 2_000);
const tenants = option('tenants', 1);
const instances = option('instances', 2);

// Cosmos and the connector each run in their own process, as they do in production: a server
// sharing our event loop would delay our sends and make them arrive in bursts.
const cosmos = await startCosmosProcess();
const client = createCosmosClient({ endpoint: cosmos.endpoint, key: 'local-bench' });
const store = await openStore(client, `bench-${randomUUID().slice(0, 8)}`);
const connector = await startConnectorProcess();
const { conversations, notifications } = createRepositories(store);

async function bulk(container: ReturnType<typeof store.container>, docs: object[]) {
  for (let i = 0; i < docs.length; i += 100) {
    const ops = docs.slice(i, i + 100).map(
      (doc) =>
        ({
          operationType: 'Create',
          partitionKey: (doc as { tenantId: string }).tenantId,
          resourceBody: doc,
        }) as OperationInput,
    );
    const results = await container.items.bulk(ops);
    const bad = results.find((r) => r.statusCode >= 300);
    if (bad) throw new Error(`bulk insert failed with ${bad.statusCode}`);
  }
}

// Setup: people who installed the bot, and their due reminders (spread evenly).
const t0 = performance.now();
const now = Date.now();
const at = new Date(now).toISOString();
const records: ConversationRecord[] = [];
for (let p = 0; p < people; p++) {
  const tenantId = `tenant-${p % tenants}`;
  records.push({
    id: `person-${p}`,
    tenantId,
    personId: `person-${p}`,
    locale: p % 3 === 0 ? 'en' : 'fr',
    installedAt: at,
    updatedAt: at,
    reference: {
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: `a:chat-${p}`, conversationType: 'personal', tenantId },
      user: { id: `29:person-${p}`, aadObjectId: `person-${p}` },
      bot: { id: '28:mentoring', name: 'Mentoring' },
    },
  });
}
await bulk(store.container('conversations'), records);

const reminders: Notification[] = [];
for (let n = 0; n < count; n++) {
  const person = records[n % people]!;
  const startsAt = new Date(now + (n + 1) * 60_000).toISOString();
  const dueAt = new Date(now - 60_000 + (n % 1000)).toISOString();
  reminders.push({
    id: notificationKey('reminder_before_session', `session-${n}`, dueAt),
    tenantId: person.tenantId,
    kind: 'reminder_before_session',
    recipientId: person.personId,
    pairId: `pair-${n % people}`,
    dueAt,
    status: 'pending',
    attempts: 0,
    payload: {
      partnerName: `Partner ${n}`,
      startsAt,
      durationMinutes: 60,
      leadMinutes: 15,
      timeZone: 'Europe/Paris',
    },
  });
}
await bulk(store.container('notifications'), reminders);
console.log(
  `setup: ${people} people in ${tenants} tenant(s), ${count} due reminders in ${Math.round(performance.now() - t0)} ms`,
);

// Each instance takes its share of the tenant limit: together they stay at 50/s.
const limits = {
  ...teamsLimits,
  perTenant: [{ count: Math.floor(50 / instances), windowMs: 1000 }],
};
const noApprovals: Pick<ApprovalService, 'view'> = {
  view: () => Promise.reject(new Error('no approvals in this bench')),
};
const dispatchers = Array.from({ length: instances }, (_, i) => {
  const adapter = createBotAdapter({}, (message, error) => console.error(message, error));
  return new NotificationDispatcher({
    queue: notifications,
    delivery: new ProactiveNotifier({
      adapter,
      botAppId: '',
      conversations,
      approvals: noApprovals,
    }),
    sender: new PacedSender({
      pacer: new SendPacer({ timer: systemTimer, limits }),
      timer: systemTimer,
    }),
    timer: systemTimer,
    owner: `bench-instance-${i}`,
    batchSize: 100,
    idleMs: 200,
    log: createLogger('warn', { format: 'text' }),
  });
});

const started = performance.now();
const cpuAtStart = process.cpuUsage();
dispatchers.forEach((d) => d.start());
let lastReport = started;
const deadline = started + Math.max(120_000, (count / 40) * 1000 * 2);
let delivered = 0;
while (delivered < count && performance.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  delivered = await connector.count();
  if (performance.now() - lastReport >= 10_000) {
    lastReport = performance.now();
    const elapsed = (lastReport - started) / 1000;
    console.log(`${elapsed.toFixed(0)} s: ${delivered} delivered`);
  }
}
// Let in-flight work settle so a late duplicate would show up.
await new Promise((resolve) => setTimeout(resolve, 1500));
await Promise.all(dispatchers.map((d) => d.stop()));
const cpu = process.cpuUsage(cpuAtStart);
const load = (await import('node:os')).loadavg()[0] ?? 0;

const { received, throttled, throttledByTenant } = await connector.stats();
const keys = received.map((r) => `${r.conversationId}|${r.key}`);
const unique = new Set(keys);
const firstAt = Math.min(...received.map((r) => r.at));
const lastAt = Math.max(...received.map((r) => r.at));
const sustainedPerSec =
  received.length > 1 ? (received.length - 1) / ((lastAt - firstAt) / 1000) : 0;

// Worst second per tenant as the connector saw it.
const perSecond = new Map<string, number>();
for (const r of received) {
  const key = `${r.tenantId}|${Math.floor(r.at / 1000)}`;
  perSecond.set(key, (perSecond.get(key) ?? 0) + 1);
}
const statuses: Record<string, number> = {};
for (let t = 0; t < tenants; t++) {
  for (const status of ['pending', 'claimed', 'sent', 'failed']) {
    statuses[status] =
      (statuses[status] ?? 0) +
      (await notifications.count(`tenant-${t}`, {
        where: 'c.status = @status',
        parameters: [{ name: '@status', value: status }],
      }));
  }
}
const stillPending = count - (statuses.sent ?? 0);

const result = {
  bench: 'notify',
  reminders: count,
  people,
  tenants,
  instances,
  delivered: received.length,
  sustainedPerSec: Math.round(sustainedPerSec * 10) / 10,
  perTenantPerSec: Math.round((sustainedPerSec / tenants) * 10) / 10,
  maxInOneSecondPerTenant: Math.max(...perSecond.values()),
  throttled,
  throttledByTenant,
  lost: count - unique.size,
  duplicates: received.length - unique.size,
  notSentInStore: stillPending,
  storeStatuses: statuses,
  seconds: Math.round((lastAt - firstAt) / 100) / 10,
  /** CPU of the sending process per message (claim, read, render, send, mark): load-independent. */
  cpuMsPerMessage:
    Math.round(((cpu.user + cpu.system) / 1000 / Math.max(1, received.length)) * 100) / 100,
  loadAverage1m: Math.round(load * 10) / 10,
};
console.log(
  `${result.delivered} of ${count} delivered in ${result.seconds} s: ${result.sustainedPerSec} msg/s sustained, ` +
    `${result.throttled} throttled, ${result.lost} lost, ${result.duplicates} duplicates`,
);
await connector.close();
client.dispose();
cosmos.child.kill('SIGTERM');
console.log(JSON.stringify(result));
