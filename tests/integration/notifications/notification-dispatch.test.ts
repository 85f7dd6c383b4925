import { randomUUID } from 'node:crypto';
import type { Notification } from '../../../src/domain/notification';
import { notificationKey } from '../../../src/domain/notification';
import { createBotAdapter } from '../../../bot/bot-endpoint';
import { ProactiveNotifier } from '../../../bot/proactive-notifier';
import type { ApprovalService } from '../../../src/services/approval-service';
import { NotificationDispatcher } from '../../../src/notifications/notification-dispatcher';
import { PacedSender } from '../../../src/notifications/paced-sender';
import { SendPacer, teamsLimits, type PacerLimits } from '../../../src/notifications/pacer';
import { systemTimer, type Timer } from '../../../src/notifications/timer';
import type { ConversationRepository } from '../../../src/store/conversation-repository';
import type { NotificationRepository } from '../../../src/store/notification-repository';
import { startTeamsConnector, type TeamsConnector } from '../../../bench/support/teams-connector';
import { startLocalCosmos, type LocalCosmos } from '../../support/local-cosmos';

let cosmos: LocalCosmos;
let connector: TeamsConnector;
let notifications: NotificationRepository;
let conversations: ConversationRepository;

const noApprovals: Pick<ApprovalService, 'view'> = {
  view: () => Promise.reject(new Error('no approvals in this test')),
};

beforeAll(async () => {
  cosmos = await startLocalCosmos();
  ({ notifications, conversations } = cosmos.repos);
});
afterAll(async () => cosmos?.stop());

beforeEach(async () => {
  connector = await startTeamsConnector();
});
afterEach(async () => connector.close());

/** A reminder for `personId`, due a minute ago, with a payload the notifier can render. */
function aReminder(tenantId: string, personId: string, n: number, now = Date.now()): Notification {
  const dueAt = new Date(now - 60_000 + n).toISOString();
  return {
    id: notificationKey('reminder_before_session', `session-${personId}-${n}`, dueAt),
    tenantId,
    kind: 'reminder_before_session',
    recipientId: personId,
    pairId: `pair-${personId}`,
    dueAt,
    status: 'pending',
    attempts: 0,
    payload: {
      partnerName: 'Léa Dubois',
      startsAt: new Date(now + 15 * 60_000).toISOString(),
      durationMinutes: 60,
      leadMinutes: 15,
      timeZone: 'Europe/Paris',
    },
  };
}

async function installed(tenantId: string, personId: string, locale: 'fr' | 'en' = 'fr') {
  await conversations.remember(
    {
      tenantId,
      personId,
      locale,
      reference: {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: {
          id: `a:chat-${tenantId}-${personId}`,
          conversationType: 'personal',
          tenantId,
        },
        user: { id: `29:${personId}`, aadObjectId: personId },
        bot: { id: '28:mentoring-bot', name: 'Mentoring' },
      },
    },
    new Date(),
  );
}

function aDispatcher(
  owner: string,
  timer: Timer = systemTimer,
  maxAttempts = 6,
  limits?: PacerLimits,
) {
  const adapter = createBotAdapter({}, () => undefined);
  const notifier = new ProactiveNotifier({
    adapter,
    botAppId: '',
    conversations,
    approvals: noApprovals,
  });
  const sender = new PacedSender({
    pacer: new SendPacer({ timer, ...(limits ? { limits } : {}) }),
    timer,
    maxAttempts,
    random: () => 0,
  });
  return new NotificationDispatcher({
    queue: notifications,
    delivery: notifier,
    sender,
    timer,
    owner,
    batchSize: 40,
    idleMs: 10,
  });
}

async function sweepUntilIdle(...dispatchers: NotificationDispatcher[]) {
  for (;;) {
    const results = await Promise.all(dispatchers.map((d) => d.sweep()));
    if (results.every((r) => r.claimed === 0)) return;
  }
}

describe('notifications in Cosmos', () => {
  it('stores a planned notification once, however often it is planned', async () => {
    const tenantId = `t-${randomUUID()}`;
    const reminder = aReminder(tenantId, 'p1', 0);
    const first = await notifications.schedule(reminder);
    const again = await notifications.schedule({ ...reminder, payload: { changed: true } });
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.notification.value.payload).toEqual(reminder.payload);
  });

  it(
    'two scheduler instances send every due notification exactly once',
    { timeout: 90_000 },
    async () => {
      const tenants = [`t-${randomUUID()}`, `t-${randomUUID()}`];
      const expected = new Set<string>();
      for (const tenantId of tenants) {
        for (let p = 0; p < 10; p++) {
          const personId = `person-${p}`;
          await installed(tenantId, personId, p % 2 === 0 ? 'fr' : 'en');
          for (let n = 0; n < 4; n++) {
            const reminder = aReminder(tenantId, personId, n);
            await notifications.schedule(reminder);
            expected.add(reminder.id);
          }
        }
      }

      // Two instances share the tenant's 50 messages per second.
      const half: PacerLimits = { ...teamsLimits, perTenant: [{ count: 25, windowMs: 1000 }] };
      await sweepUntilIdle(
        aDispatcher('instance-a', systemTimer, 6, half),
        aDispatcher('instance-b', systemTimer, 6, half),
      );

      expect(connector.received).toHaveLength(expected.size);
      const perConversation = new Map<string, number>();
      for (const r of connector.received) {
        perConversation.set(r.conversationId, (perConversation.get(r.conversationId) ?? 0) + 1);
      }
      expect([...perConversation.values()].every((count) => count === 4)).toBe(true);
      for (const tenantId of tenants) {
        const stored = await notifications.query(tenantId);
        expect(stored.every((n) => n.value.status === 'sent' && n.value.sentAt)).toBe(true);
        expect(stored.every((n) => n.value.attempts === 1)).toBe(true);
      }
      const card = connector.received[0]?.activity.attachments as Array<{ contentType: string }>;
      expect(card[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    },
  );

  it('a claim left by a crashed instance is taken over once its lease runs out', async () => {
    const tenantId = `t-${randomUUID()}`;
    await installed(tenantId, 'p1');
    const reminder = aReminder(tenantId, 'p1', 0);
    await notifications.schedule(reminder);

    // Instance A claims, then "crashes" before sending.
    const [lost] = await notifications.claimDue({
      now: new Date(),
      owner: 'instance-a',
      leaseMs: 60_000,
      limit: 10,
    });
    expect(lost?.value.id).toBe(reminder.id);

    // Within the lease nobody else takes it.
    const early = await aDispatcher('instance-b').sweep();
    expect(early.claimed).toBe(0);

    // After the lease, instance B recovers and sends it.
    const later: Timer = { now: () => Date.now() + 61_000, sleep: systemTimer.sleep };
    const recovered = await aDispatcher('instance-b', later).sweep();
    expect(recovered).toMatchObject({ claimed: 1, sent: 1 });
    expect(connector.received).toHaveLength(1);
    const stored = await notifications.get(tenantId, reminder.id);
    expect(stored.value).toMatchObject({ status: 'sent', attempts: 2 });

    // A's late write loses: it can never mark over B's.
    await expect(notifications.markSent(lost!, new Date())).rejects.toMatchObject({
      code: 'version_conflict',
    });
  });

  it('a send that keeps failing goes back to pending for later, with the reason: nothing dropped', async () => {
    await connector.close();
    connector = await startTeamsConnector({ throttleFirst: 1, retryAfterSeconds: 0 });
    const tenantId = `t-${randomUUID()}`;
    await installed(tenantId, 'p1');
    const reminder = aReminder(tenantId, 'p1', 0);
    await notifications.schedule(reminder);

    const first = await aDispatcher('instance-a', systemTimer, 1).sweep();
    expect(first).toMatchObject({ claimed: 1, retried: 1 });
    const released = await notifications.get(tenantId, reminder.id);
    expect(released.value).toMatchObject({ status: 'pending', attempts: 1 });
    expect(released.value.lastError).toContain('429');
    expect(connector.throttled()).toBe(1);

    const second = await aDispatcher('instance-a').sweep();
    expect(second).toMatchObject({ claimed: 1, sent: 1 });
    expect(connector.received).toHaveLength(1);
  });

  it('marks a notification with a payload it cannot render failed, with why, instead of retrying it forever', async () => {
    const tenantId = `t-${randomUUID()}`;
    await installed(tenantId, 'p1');
    const broken = { ...aReminder(tenantId, 'p1', 0), payload: { partnerName: 'Léa' } };
    await notifications.schedule(broken);
    const result = await aDispatcher('instance-a').sweep();
    expect(result).toMatchObject({ claimed: 1, skipped: 1 });
    const stored = await notifications.get(tenantId, broken.id);
    expect(stored.value.status).toBe('failed');
    expect(stored.value.lastError).toContain('invalid_payload');
    expect(stored.value.lastError).toContain('startsAt');
    expect(connector.received).toHaveLength(0);
  });

  it('marks a notification failed, with why, when the person never installed the bot', async () => {
    const tenantId = `t-${randomUUID()}`;
    const reminder = aReminder(tenantId, 'nobody', 0);
    await notifications.schedule(reminder);
    const result = await aDispatcher('instance-a').sweep();
    expect(result).toMatchObject({ claimed: 1, skipped: 1 });
    const stored = await notifications.get(tenantId, reminder.id);
    expect(stored.value.status).toBe('failed');
    expect(stored.value.lastError).toContain('no_conversation');
    expect(connector.received).toHaveLength(0);
  });
});
