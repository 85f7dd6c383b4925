import type { Clock } from '../../domain/clock';
import { holdsLease, isLeaseLive, takeLease, type Lease } from '../../domain/lease';
import {
  isPurgeable,
  notificationPurgeCutoff,
  type PurgeCandidate,
} from '../../domain/notification-retention';
import type { Versioned } from '../../domain/versioned';

/** The notifications the purge reads and deletes (src/store/notification-repository.ts). */
export interface PurgeableNotifications {
  /** Final notifications all of whose times are before `cutoff`, oldest first, at most `limit`. */
  expired(cutoff: Date, limit: number): Promise<Versioned<PurgeCandidate>[]>;
  /** Deletes one if unchanged since read; false when gone or changed meanwhile. */
  purge(candidate: Versioned<PurgeCandidate>): Promise<boolean>;
}

/** What the purge keeps of its lease document. */
export type TaskLease = { lease: Lease | null; lastRunAt: string | null };

/** One lease per task spanning tenants (src/store/background-lease-repository.ts). */
export interface TaskLeases {
  of(task: string): Promise<Versioned<TaskLease> | undefined>;
  /** Takes the lease if the document is still as read; undefined when another instance won. */
  claim(
    task: string,
    current: Versioned<TaskLease> | undefined,
    lease: Lease,
  ): Promise<Versioned<TaskLease> | undefined>;
  release(held: Versioned<TaskLease>, lastRunAt: string): Promise<void>;
}

export type NotificationPurgeDeps = {
  notifications: PurgeableNotifications;
  leases: TaskLeases;
  clock: Clock;
  /** Whose lease this is (one instance purges at a time). */
  instanceId: string;
  /** NOTIFICATION_RETENTION_DAYS. */
  retentionDays: number;
  /** Deleted at most per run: what one query reads. */
  limit?: number;
  /** Deletes in flight at once. */
  batchSize?: number;
  leaseMs?: number;
};

const task = 'notification-purge';

/**
 * At most this many a run: 2,000 every 15 minutes is 192,000 a day, about twice what 300,000
 * employees in weekly pairs produce (4 reminders a pair a week and the nudges); a backlog (the
 * first run over a year of messages) is worked through at that pace.
 */
export const notificationPurgeLimit = 2_000;

/**
 * Deletes sent, failed and cancelled notifications once past NOTIFICATION_RETENTION_DAYS, so no
 * tenant's partition of the notifications container grows without bound (Cosmos DB caps a logical
 * partition at 20 GB) and the dispatcher's queries stay fast. Messages hold personal data
 * (names, topics, days), so keeping them no longer than needed is also the privacy rule
 * (docs/privacy.md). One instance at a time (a lease in the jobs container), one query a run, the
 * deletes a few at a time, each conditional on the ETag read. Pending and claimed notifications
 * are never touched; why a purged key cannot be sent again: src/domain/notification-retention.ts.
 */
export class NotificationPurge {
  constructor(private readonly deps: NotificationPurgeDeps) {}

  /** One run: how many were deleted (0 when another instance holds the lease). */
  async purgeExpired(signal?: AbortSignal): Promise<{ purged: number }> {
    const { clock, instanceId, leases } = this.deps;
    const now = clock.now();
    const current = await leases.of(task);
    if (current && isLeaseLive(current.value.lease, now)) return { purged: 0 };
    const lease = takeLease(instanceId, now, this.deps.leaseMs ?? 10 * 60_000);
    const held = await leases.claim(task, current, lease);
    if (!held) return { purged: 0 };
    let purged = 0;
    try {
      const { retentionDays } = this.deps;
      const cutoff = notificationPurgeCutoff(now, retentionDays);
      const candidates = (
        await this.deps.notifications.expired(cutoff, this.deps.limit ?? notificationPurgeLimit)
      ).filter((c) => isPurgeable(c.value, now, retentionDays));
      const batchSize = Math.max(1, this.deps.batchSize ?? 10);
      for (let i = 0; i < candidates.length; i += batchSize) {
        // Stopping, or the lease lost (a run slower than its lease): the next run goes on.
        if (signal?.aborted || !holdsLease(held.value.lease, instanceId, clock.now())) break;
        const batch = candidates.slice(i, i + batchSize);
        const done = await Promise.all(batch.map((c) => this.deps.notifications.purge(c)));
        purged += done.filter(Boolean).length;
      }
    } finally {
      // A failed release must not hide why the run failed: the lease runs out anyway.
      await leases.release(held, clock.now().toISOString()).catch(() => undefined);
    }
    return { purged };
  }
}
