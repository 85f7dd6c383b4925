import { takeLease } from '../domain/lease';
import type { Container, ItemDefinition } from '@azure/cosmos';
import { isDomainError } from '../domain/errors';
import { notificationSchema, type Notification } from '../domain/notification';
import { finalNotificationStatuses, type PurgeCandidate } from '../domain/notification-retention';
import { CosmosRepository, type Versioned } from './cosmos-repository';

/** A notification this instance holds the lease on; write it back with the ETag. */
export type ClaimedNotification = Versioned<Notification>;

export type ClaimOptions = {
  now: Date;
  /** Who claims: an id unique per scheduler instance. */
  owner: string;
  /** How long the claim holds; a crashed sender's claim is taken over after it. */
  leaseMs: number;
  /** At most this many per sweep. */
  limit: number;
};

/**
 * Due reminders and nudges (notifications container). The id is the idempotency key, so the same
 * reminder is stored once however many schedulers plan it; claiming is an ETag-conditional write,
 * so one instance wins each notification; a lease lets another instance recover it after a crash.
 * No change feed and no TTL: the local server lacks both (TESTBED.md); final notifications are
 * purged by a background task instead (src/services/privacy/notification-purge.ts).
 */
export class NotificationRepository extends CosmosRepository<Notification> {
  constructor(container: Container) {
    super(container, notificationSchema, { code: 'not_found', entity: 'Notification' });
  }

  /** What was queued or sent to the person (export). */
  async ofRecipient(tenantId: string, recipientId: string): Promise<Versioned<Notification>[]> {
    return this.query(tenantId, {
      where: 'c.recipientId = @recipientId',
      parameters: [{ name: '@recipientId', value: recipientId }],
    });
  }

  /** Stores a planned notification once; planning the same key again returns the stored one. */
  async schedule(
    notification: Notification,
  ): Promise<{ notification: Versioned<Notification>; created: boolean }> {
    try {
      return { notification: await this.create(notification), created: true };
    } catch (error) {
      if (!isDomainError(error, 'already_exists')) throw error;
      return {
        notification: await this.get(notification.tenantId, notification.id),
        created: false,
      };
    }
  }

  /**
   * Due work across tenants, oldest first: pending and due, or claimed by someone whose lease ran
   * out. A background sweep, so this one query fans out over partitions on purpose.
   */
  async due(now: Date, limit: number): Promise<Versioned<Notification>[]> {
    const top = Math.max(1, Math.min(1000, Math.floor(limit)));
    const { resources } = await this.container.items
      .query<ItemDefinition>({
        query:
          `SELECT TOP ${top} * FROM c WHERE (c.status = 'pending' AND c.dueAt <= @now) ` +
          `OR (c.status = 'claimed' AND c.claim.until <= @now) ORDER BY c.dueAt`,
        parameters: [{ name: '@now', value: now.toISOString() }],
      })
      .fetchAll()
      .catch((error: unknown) => {
        throw this.translate(error);
      });
    return resources.map((resource) => this.versioned(resource));
  }

  /**
   * Final notifications whose due time, send time and key time are all before `cutoff`, oldest
   * due first, at most `limit` (the purge's one query per run). Across tenants on purpose, like
   * `due`: a background task, bounded by TOP, served by the status and dueAt indexes; only the
   * fields the purge checks are read, not the payloads. `RIGHT(c.id, 24)` is the time at the end
   * of the idempotency key (`notificationKeyTime`); an id that is not a key is kept.
   */
  async expired(cutoff: Date, limit: number): Promise<Versioned<PurgeCandidate>[]> {
    // A few hundred bytes a row: 5,000 stay well under Cosmos DB's 4 MB page.
    const top = Math.max(1, Math.min(5000, Math.floor(limit)));
    const statuses = finalNotificationStatuses.map((s) => `'${s}'`).join(', ');
    const { resources } = await this.container.items
      .query<PurgeCandidate & { _etag: string }>({
        query:
          `SELECT TOP ${top} c.id, c.tenantId, c.status, c.dueAt, c.sentAt, c._etag FROM c ` +
          `WHERE c.status IN (${statuses}) AND c.dueAt < @cutoff ` +
          `AND (NOT IS_DEFINED(c.sentAt) OR c.sentAt < @cutoff) ` +
          `AND RIGHT(c.id, 24) < @cutoff ORDER BY c.dueAt`,
        parameters: [{ name: '@cutoff', value: cutoff.toISOString() }],
      })
      .fetchAll()
      .catch((error: unknown) => {
        throw this.translate(error);
      });
    return resources.map(({ _etag, id, tenantId, status, dueAt, sentAt }) => ({
      value: { id, tenantId, status, dueAt, ...(sentAt !== undefined ? { sentAt } : {}) },
      etag: _etag,
    }));
  }

  /**
   * Deletes a notification the purge read, if unchanged since (its ETag): true when deleted, false
   * when it is gone already (another instance, a programme's purge) or changed meanwhile.
   */
  async purge(candidate: Versioned<PurgeCandidate>): Promise<boolean> {
    try {
      await this.delete(candidate.value.tenantId, candidate.value.id, candidate.etag);
      return true;
    } catch (error) {
      if (isDomainError(error, 'not_found') || isDomainError(error, 'version_conflict')) {
        return false;
      }
      throw error;
    }
  }

  /** Claims up to `limit` due notifications; those another instance claimed first are skipped. */
  async claimDue(options: ClaimOptions): Promise<ClaimedNotification[]> {
    return this.claim(await this.due(options.now, options.limit), options);
  }

  /**
   * Claims these notifications as they were read or written (their ETag): no query, so the
   * dispatcher can take one an event just queued at once. One that changed since (claimed by
   * another instance, cancelled) or is not claimable now is skipped.
   */
  async claim(
    candidates: readonly Versioned<Notification>[],
    options: Omit<ClaimOptions, 'limit'>,
  ): Promise<ClaimedNotification[]> {
    const now = options.now.toISOString();
    const claimable = candidates.filter(({ value }) =>
      value.status === 'pending'
        ? value.dueAt <= now
        : value.status === 'claimed' && (value.claim?.until ?? '') <= now,
    );
    const lease = takeLease(options.owner, options.now, options.leaseMs);
    const claimed: ClaimedNotification[] = [];
    let storeFailures = 0;
    const claimOne = async (candidate: Versioned<Notification>) => {
      const next: Notification = {
        ...candidate.value,
        status: 'claimed',
        claim: lease,
        attempts: candidate.value.attempts + 1,
      };
      try {
        claimed.push(await this.replace(next, candidate.etag));
      } catch (error) {
        // Another instance claimed it (412) or it was cancelled meanwhile: not ours. A store
        // failure leaves it unknown: if the write landed, the lease runs out and it is recovered.
        if (isDomainError(error, 'version_conflict') || isDomainError(error, 'not_found')) return;
        if (isDomainError(error, 'store_unavailable')) {
          storeFailures += 1;
          // Nothing claimed because the store is down: say so rather than look idle.
          if (storeFailures === claimable.length) throw error;
          return;
        }
        throw error;
      }
    };
    // A few conditional writes at a time: fast, without flooding the store.
    for (let i = 0; i < claimable.length; i += 10) {
      await Promise.all(claimable.slice(i, i + 10).map(claimOne));
    }
    claimed.sort((a, b) => a.value.dueAt.localeCompare(b.value.dueAt));
    return claimed;
  }

  /**
   * Sent: close it. Retries a store failure (a lost write here would send it again once the lease
   * runs out). `version_conflict` if the lease was lost, unless the document already says sent
   * (our own earlier attempt landed before its answer was lost).
   */
  async markSent(
    claimed: ClaimedNotification,
    now: Date,
    attempts = 5,
  ): Promise<Versioned<Notification>> {
    const { claim: _claim, lastError: _lastError, ...rest } = claimed.value;
    const sent: Notification = { ...rest, status: 'sent', sentAt: now.toISOString() };
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.replace(sent, claimed.etag);
      } catch (error) {
        if (isDomainError(error, 'version_conflict')) {
          const current = await this.get(claimed.value.tenantId, claimed.value.id);
          if (current.value.status === 'sent' && current.value.sentAt === sent.sentAt)
            return current;
          throw error;
        }
        if (!isDomainError(error, 'store_unavailable') || attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  }

  /** Not sent this time: back to pending, due again at `retryAt`, with the reason kept. */
  async release(
    claimed: ClaimedNotification,
    retryAt: Date,
    reason: string,
  ): Promise<Versioned<Notification>> {
    const { claim: _claim, ...rest } = claimed.value;
    return this.replace(
      {
        ...rest,
        status: 'pending',
        dueAt: retryAt.toISOString(),
        lastError: reason.slice(0, 2000),
      },
      claimed.etag,
    );
  }

  /** A failure no retry will fix (the person removed the bot): kept, visible, not retried. */
  async markFailed(claimed: ClaimedNotification, reason: string): Promise<Versioned<Notification>> {
    const { claim: _claim, ...rest } = claimed.value;
    return this.replace(
      { ...rest, status: 'failed', lastError: reason.slice(0, 2000) },
      claimed.etag,
    );
  }

  /** Cancels what is still pending for a subject (a pair paused or ended). */
  async cancelPending(tenantId: string, pairId: string): Promise<number> {
    const pending = await this.query(tenantId, {
      where: "c.pairId = @pairId AND c.status = 'pending'",
      parameters: [{ name: '@pairId', value: pairId }],
    });
    let cancelled = 0;
    for (const item of pending) {
      try {
        await this.replace({ ...item.value, status: 'cancelled' }, item.etag);
        cancelled += 1;
      } catch (error) {
        if (!isDomainError(error, 'version_conflict')) throw error;
      }
    }
    return cancelled;
  }
}
