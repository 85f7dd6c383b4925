import { leaseLeftMs } from '../domain/lease';
import type { Notification } from '../domain/notification';
import type { Versioned } from '../domain/versioned';
import type { ClaimedNotification, ClaimOptions } from '../store/notification-repository';
import type { PacedSender, SendTarget } from './paced-sender';
import type { Timer } from './timer';
import type { Logger } from '../logger';

/** The notification store as the dispatcher uses it (src/store/notification-repository.ts). */
export interface NotificationQueue {
  claimDue(options: ClaimOptions): Promise<ClaimedNotification[]>;
  /** Claims these as read or written (ETag-conditional), without a query. */
  claim(
    candidates: readonly Versioned<Notification>[],
    options: Omit<ClaimOptions, 'limit'>,
  ): Promise<ClaimedNotification[]>;
  markSent(claimed: ClaimedNotification, now: Date): Promise<unknown>;
  release(claimed: ClaimedNotification, retryAt: Date, reason: string): Promise<unknown>;
  markFailed(claimed: ClaimedNotification, reason: string): Promise<unknown>;
}

/** A message ready to go, or why there is nothing to send. */
export type PreparedDelivery = { target: SendTarget; send(): Promise<void> } | { skip: string };

/** Turns a notification into a message (bot/proactive-notifier.ts). */
export interface NotificationDelivery {
  prepare(notification: Notification): Promise<PreparedDelivery>;
}

export type NotificationDispatcherDeps = {
  queue: NotificationQueue;
  delivery: NotificationDelivery;
  sender: PacedSender;
  timer: Timer;
  /** Unique per instance: whose claim it is. */
  owner: string;
  /** How long a claim holds; another instance recovers the notification after it. */
  leaseMs?: number;
  /** Never start a send with less than this left on the lease (10 s, at most a quarter of it). */
  leaseSafetyMs?: number;
  /** Notifications claimed per sweep. */
  batchSize?: number;
  /** Pause between sweeps that found nothing to do. */
  idleMs?: number;
  log?: Logger;
};

export type SweepResult = {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
};

class LeaseExpired extends Error {
  constructor() {
    super('The claim ran out before sending; another instance will send it.');
  }
}

/**
 * The scheduler loop: claims due notifications (ETag-conditional, leased), sends them through the
 * pacer, marks them sent. A crash between claim and send leaves a claim that expires and is taken
 * over; a send that keeps failing goes back to pending with a later due time: nothing is dropped.
 */
export class NotificationDispatcher {
  private running: Promise<void> | undefined;
  private stopping = false;
  private readonly leaseMs: number;
  private readonly leaseSafetyMs: number;
  private readonly batchSize: number;
  private readonly idleMs: number;
  /** Set by wake(): something became due since the last claim, so do not pause. */
  private woken = false;
  private wakeUp: (() => void) | undefined;
  /** Notifications an event just queued here, claimed by their ETag before any query. */
  private handed: Versioned<Notification>[] = [];
  /** More was handed than kept: the next claim is a query, which finds the rest. */
  private queryNext = false;

  constructor(private readonly deps: NotificationDispatcherDeps) {
    this.leaseMs = deps.leaseMs ?? 120_000;
    // A short lease (a test's, WORK_LEASE_SECONDS=5) still leaves most of it for sending.
    this.leaseSafetyMs = deps.leaseSafetyMs ?? Math.min(10_000, this.leaseMs / 4);
    this.batchSize = deps.batchSize ?? 100;
    this.idleMs = deps.idleMs ?? 2_000;
  }

  /** One pass: claim what is due and send it. */
  async sweep(): Promise<SweepResult> {
    const result: SweepResult = { claimed: 0, sent: 0, retried: 0, failed: 0, skipped: 0 };
    const claimed = await this.deps.queue.claimDue({
      now: new Date(this.deps.timer.now()),
      owner: this.deps.owner,
      leaseMs: this.leaseMs,
      limit: this.batchSize,
    });
    result.claimed = claimed.length;
    await Promise.all(
      claimed.map(async (item) => {
        const outcome = await this.dispatch(item).catch((error: unknown) => {
          this.deps.log?.error(`notification ${item.value.id} could not be processed`, error);
          return 'retried' as const;
        });
        result[outcome] += 1;
      }),
    );
    return result;
  }

  /**
   * Something due now was just queued (src/services/outbox): claim at once rather than at the end
   * of the idle pause. A wake-up during a claim is kept, so the next pause is skipped. With the
   * notification as written, it is claimed by its ETag (no query over the container); beyond a
   * few batches of those, the next query finds the rest.
   */
  wake(queued?: Versioned<Notification>): void {
    // Not running (SCHEDULER=false here): nothing to keep, another instance's poll sends it.
    if (!this.running) return;
    if (queued && this.handed.length < this.batchSize * 10) this.handed.push(queued);
    else this.queryNext = true;
    this.woken = true;
    this.wakeUp?.();
  }

  /**
   * Runs until stop(): keeps up to two batches in flight and claims more as they drain, so the
   * pacer never waits on Cosmos between batches; idles when nothing is due, until `idleMs` pass
   * or wake() is called.
   */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    const inFlight = new Set<Promise<void>>();
    const maxInFlight = this.batchSize * 2;
    this.running = (async () => {
      while (!this.stopping) {
        if (inFlight.size > maxInFlight - this.batchSize) {
          await Promise.race(inFlight);
          continue;
        }
        let claimed: ClaimedNotification[] = [];
        // What is woken for from here on is after this claim's query: it gets a claim of its own.
        this.woken = false;
        const handed = this.handed.splice(0, this.batchSize);
        if (handed.length === 0) this.queryNext = false;
        const options = {
          now: new Date(this.deps.timer.now()),
          owner: this.deps.owner,
          leaseMs: this.leaseMs,
        };
        try {
          claimed =
            handed.length > 0
              ? await this.deps.queue.claim(handed, options)
              : await this.deps.queue.claimDue({ ...options, limit: this.batchSize });
        } catch (error) {
          this.deps.log?.error('scheduler could not claim due notifications', error);
        }
        for (const item of claimed) {
          const task: Promise<void> = this.dispatch(item)
            .then(() => undefined)
            .catch((error: unknown) => {
              this.deps.log?.error(`notification ${item.value.id} could not be processed`, error);
            })
            .finally(() => inFlight.delete(task));
          inFlight.add(task);
        }
        const more = this.woken || this.queryNext || this.handed.length > 0;
        if (claimed.length < this.batchSize && !more && !this.stopping) {
          // A query that found work: look again as sends finish (more may be due by then). Not
          // after an event's hand-over: that query would scan the container to find nothing.
          const drained = handed.length === 0 && claimed.length > 0 ? [...inFlight] : [];
          await Promise.race([this.deps.timer.sleep(this.idleMs), this.nextWake(), ...drained]);
          this.wakeUp = undefined;
        }
      }
      await Promise.all(inFlight);
    })();
  }

  /** Finishes what is in flight, then stops (without waiting for the idle pause to end). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.running;
    this.running = undefined;
    // Still pending in the store: another instance, or this one started again, finds them.
    this.handed = [];
  }

  /** Resolves at the next wake(). */
  private nextWake(): Promise<void> {
    return new Promise((resolve) => {
      this.wakeUp = resolve;
    });
  }

  private async dispatch(
    item: ClaimedNotification,
  ): Promise<'sent' | 'retried' | 'failed' | 'skipped'> {
    const { queue, timer } = this.deps;
    let prepared: PreparedDelivery;
    try {
      prepared = await this.deps.delivery.prepare(item.value);
    } catch (error) {
      await queue.release(
        item,
        new Date(timer.now() + 60_000),
        `prepare failed: ${describe(error)}`,
      );
      return 'retried';
    }
    if ('skip' in prepared) {
      await queue.markFailed(item, prepared.skip);
      return 'skipped';
    }
    const outcome = await this.deps.sender.send(prepared.target, async () => {
      // Waiting in the pacer may outlast the lease: then another instance owns it now.
      if (leaseLeftMs(item.value.claim, new Date(timer.now())) < this.leaseSafetyMs) {
        throw new LeaseExpired();
      }
      await prepared.send();
    });
    switch (outcome.status) {
      case 'sent':
        try {
          await queue.markSent(item, new Date(timer.now()));
        } catch (error) {
          this.deps.log?.warn(
            `notification ${item.value.id} was sent but its claim was lost`,
            error,
          );
        }
        return 'sent';
      case 'retry_later':
        await queue.release(item, new Date(outcome.retryAt), describe(outcome.error));
        return 'retried';
      case 'failed':
        if (outcome.error instanceof LeaseExpired) {
          await queue.release(item, new Date(timer.now()), outcome.error.message).catch(() => {
            // Someone else took it over already: nothing to hand back.
          });
          return 'retried';
        }
        await queue.markFailed(item, describe(outcome.error));
        return 'failed';
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    return typeof status === 'number' ? `${status} ${error.message}` : error.message;
  }
  return String(error);
}
