import { randomUUID } from 'node:crypto';
import { fixedClock } from '../../../src/domain/clock';
import {
  notificationKey,
  type Notification,
  type NotificationKind,
  type NotificationStatus,
} from '../../../src/domain/notification';
import { takeLease } from '../../../src/domain/lease';
import { NotificationPlanner } from '../../../src/notifications/notification-planner';
import { clockTimer } from '../../../src/notifications/timer';
import { createNotificationOutbox } from '../../../src/services/outbox/notification-outbox';
import { NotificationPurge } from '../../../src/services/privacy/notification-purge';
import { aPair, aPerson, aProgramme } from '../../fixtures/builders';
import { startLocalCosmos, type LocalCosmos } from '../../support/local-cosmos';

const day = 86_400_000;
const now = new Date('2026-09-01T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * day).toISOString();

let cosmos: LocalCosmos;
beforeAll(async () => {
  cosmos = await startLocalCosmos();
});
afterAll(async () => {
  await cosmos?.stop();
});

/** A notification as the app stores them: keyed by kind, subject and time. */
function stored(
  tenantId: string,
  subject: string,
  status: NotificationStatus,
  dueAt: string,
  options: { kind?: NotificationKind; keyAt?: string; sentAt?: string } = {},
): Notification {
  const kind = options.kind ?? 'reminder_before_session';
  return {
    id: notificationKey(kind, subject, options.keyAt ?? dueAt),
    tenantId,
    kind,
    recipientId: 'mentee-1',
    pairId: 'pair-1',
    dueAt,
    status,
    attempts: status === 'pending' ? 0 : 1,
    ...(status === 'claimed' ? { claim: takeLease('instance-9', new Date(dueAt), 60_000) } : {}),
    ...(status === 'sent' ? { sentAt: options.sentAt ?? dueAt } : {}),
    payload: { partnerName: 'Léa Dubois', topic: 'Power BI' },
  };
}

async function store(...notifications: Notification[]): Promise<void> {
  for (const n of notifications) await cosmos.repos.notifications.create(n);
}

async function remaining(tenantId: string): Promise<string[]> {
  const all = await cosmos.repos.notifications.query(tenantId);
  return all.map((n) => n.value.id).sort();
}

function aPurge(
  clock = fixedClock(now),
  options: { limit?: number; batchSize?: number; instanceId?: string } = {},
) {
  return new NotificationPurge({
    notifications: cosmos.repos.notifications,
    leases: cosmos.repos.backgroundLeases,
    clock,
    instanceId: options.instanceId ?? 'instance-1',
    retentionDays: 90,
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
  });
}

/** Purges everything expired in every tenant the tests wrote (runs one after another). */
async function purgeAll(clock = fixedClock(now)): Promise<number> {
  let total = 0;
  for (;;) {
    const { purged } = await aPurge(clock, { limit: 1000 }).purgeExpired();
    total += purged;
    if (purged === 0) return total;
  }
}

describe('purging old notifications from Cosmos', () => {
  it('deletes sent, failed and cancelled ones past the retention, in every tenant, and keeps the rest', async () => {
    const [a, b] = [`tenant-${randomUUID()}`, `tenant-${randomUUID()}`];
    const old = daysAgo(100);
    const gone = [
      stored(a, 'sent-old', 'sent', old),
      stored(a, 'failed-old', 'failed', old),
      stored(a, 'cancelled-old', 'cancelled', old),
      stored(b, 'sent-old-b', 'sent', old),
    ];
    const kept = [
      stored(a, 'sent-recent', 'sent', daysAgo(10)),
      stored(a, 'failed-recent', 'failed', daysAgo(89)),
      stored(a, 'pending-old', 'pending', old),
      stored(a, 'claimed-old', 'claimed', old),
      // Due long ago, retried and sent recently.
      stored(a, 'sent-late', 'sent', old, { sentAt: daysAgo(20) }),
      // Cancelled ahead of a session still to come.
      stored(a, 'cancelled-ahead', 'cancelled', daysAgo(-20)),
      // Told at once (due 100 days ago) about a session whose time, the key's, is 10 days ago.
      stored(a, 'declined', 'sent', old, { kind: 'session_declined', keyAt: daysAgo(10) }),
      stored(b, 'pending-old-b', 'pending', old),
    ];
    await store(...gone, ...kept);

    // The store's one query picks exactly what the domain rule allows (nothing it would skip).
    const expired = await cosmos.repos.notifications.expired(
      new Date(now.getTime() - 90 * day),
      1000,
    );
    expect(
      expired
        .filter((n) => n.value.tenantId === a || n.value.tenantId === b)
        .map((n) => n.value.id)
        .sort(),
    ).toEqual(gone.map((n) => n.id).sort());

    const { purged } = await aPurge().purgeExpired();

    expect(purged).toBe(gone.length);
    expect(await remaining(a)).toEqual(
      kept
        .filter((n) => n.tenantId === a)
        .map((n) => n.id)
        .sort(),
    );
    expect(await remaining(b)).toEqual([kept.at(-1)!.id]);
    // A second run finds nothing more.
    expect((await aPurge().purgeExpired()).purged).toBe(0);
  });

  it('deletes at most its limit a run, oldest first, in small batches', async () => {
    await purgeAll();
    const tenantId = `tenant-${randomUUID()}`;
    const seven = Array.from({ length: 7 }, (_, i) =>
      stored(tenantId, `sent-${i}`, 'sent', daysAgo(200 - i)),
    );
    await store(...seven);

    const purge = aPurge(fixedClock(now), { limit: 3, batchSize: 2 });
    expect((await purge.purgeExpired()).purged).toBe(3);
    expect(await remaining(tenantId)).toEqual(
      seven
        .slice(3)
        .map((n) => n.id)
        .sort(),
    );
    expect((await purge.purgeExpired()).purged).toBe(3);
    expect((await purge.purgeExpired()).purged).toBe(1);
    expect(await remaining(tenantId)).toEqual([]);
  });

  it('waits while another instance holds the purge lease, then takes over when it runs out', async () => {
    await purgeAll();
    const tenantId = `tenant-${randomUUID()}`;
    await store(stored(tenantId, 'sent-old', 'sent', daysAgo(100)));
    const leases = cosmos.repos.backgroundLeases;
    const held = await leases.claim(
      'notification-purge',
      await leases.of('notification-purge'),
      takeLease('instance-2', now, 10 * 60_000),
    );
    expect(held?.value.lease?.by).toBe('instance-2');

    const clock = fixedClock(now);
    expect((await aPurge(clock).purgeExpired()).purged).toBe(0);
    expect(await remaining(tenantId)).toHaveLength(1);

    clock.advance(11 * 60_000);
    expect((await aPurge(clock).purgeExpired()).purged).toBe(1);
    expect((await leases.of('notification-purge'))?.value).toMatchObject({
      lease: null,
      lastRunAt: clock.now().toISOString(),
    });
  });
});

describe('a purged notification is not sent again', () => {
  it('an event replayed after its message was purged queues nothing', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    const clock = fixedClock(daysAgo(100));
    const outbox = createNotificationOutbox({ store: cosmos.repos.notifications, clock });
    const notice = {
      tenantId,
      kind: 'pair_told_outcome' as const,
      recipientId: 'mentee-1',
      subjectId: 'approval-1.mentee-1',
      at: daysAgo(100),
      pairId: 'pair-1',
      payload: { approvalId: 'approval-1', audience: 'person' },
    };
    const { id, created } = await outbox.enqueue(notice);
    expect(created).toBe(true);
    const queued = await cosmos.repos.notifications.get(tenantId, id);
    await cosmos.repos.notifications.replace(
      { ...queued.value, status: 'sent', sentAt: daysAgo(100) },
      queued.etag,
    );

    clock.set(now);
    await purgeAll(clock);
    expect(await remaining(tenantId)).toEqual([]);

    // The decision's request is retried today: the same key, which nothing stored holds now.
    expect(await outbox.enqueue(notice)).toEqual({ id, created: false });
    expect(await remaining(tenantId)).toEqual([]);
  });

  it('the planner does not plan a quiet pair’s nudge again once it was sent and purged', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    for (const id of ['mentor-1', 'mentee-1']) {
      await cosmos.repos.people.create(aPerson({ tenantId, id }));
    }
    const programme = aProgramme({ tenantId });
    await cosmos.repos.programmes.create(programme);
    // Active for 120 days and no session booked: the nudge was due on day 7 and went out then.
    const activated = daysAgo(120);
    const pair = aPair({
      tenantId,
      programmeId: programme.id,
      state: 'active',
      createdAt: activated,
      history: [{ from: 'accepted', to: 'active', at: activated, by: 'mentee-1' }],
    });
    await cosmos.repos.pairs.create(pair);
    const nudgeDue = daysAgo(113);
    await store(
      ...['mentor-1', 'mentee-1'].map((member) => ({
        ...stored(tenantId, `${pair.id}.${member}`, 'sent', nudgeDue, {
          kind: 'no_session_booked',
        }),
        recipientId: member,
        pairId: pair.id,
      })),
    );
    const planner = new NotificationPlanner({
      tenants: async () => [tenantId],
      ...cosmos.repos,
      timer: clockTimer(fixedClock(now)),
    });
    expect((await planner.planAll()).created).toBe(0);

    await purgeAll();
    expect(await remaining(tenantId)).toEqual([]);

    // The pair is still quiet: the planner derives the same two keys on every pass.
    expect((await planner.planAll()).created).toBe(0);
    expect(await remaining(tenantId)).toEqual([]);
  });
});
