import type { Clock } from '../../domain/clock';
import { eventNotification, type EventNotice, type Notification } from '../../domain/notification';
import { isTooLateToQueue } from '../../domain/notification-retention';
import type { Versioned } from '../../domain/versioned';

export type { EventNotice } from '../../domain/notification';

/** Tells this instance's notification dispatcher that something is due now (src/app wires it). */
export interface DispatchWake {
  /**
   * `queued` is the notification as written (with its ETag): the dispatcher claims it with that
   * ETag, without looking for it.
   */
  wake(queued?: Versioned<Notification>): void;
}

/** Where notifications are stored (src/store/notification-repository.ts). */
export interface NotificationStore {
  schedule(
    notification: Notification,
  ): Promise<{ notification: Versioned<Notification>; created: boolean }>;
}

/** What was queued: the idempotency key, and false when the same event was queued before. */
export type Enqueued = { id: string; created: boolean };

/**
 * The way a service sends a Teams message because something just happened. The message is
 * written to the notifications container (id = idempotency key, due now), then this instance's
 * dispatcher is woken: it claims, paces and sends it at once instead of at its next poll. Other
 * instances see it on their own poll (every 2 s), so nothing depends on the wake-up arriving.
 * Time-based reminders and nudges stay with the planner (src/notifications/notification-planner.ts);
 * one it plans with the same key as an event's is stored once.
 */
export interface NotificationOutbox {
  /**
   * Queues the message of an event, due at `notice.at`, and wakes the dispatcher. Idempotent:
   * the same kind, subject and time queue one message however often they are enqueued. An event
   * older than the replay horizon (30 days) queues nothing: `created` is false.
   */
  enqueue(notice: EventNotice): Promise<Enqueued>;
  /** Queues a notification built elsewhere (its id is its key); wakes the dispatcher when due. */
  schedule(notification: Notification): Promise<{ created: boolean }>;
}

/** The outbox over the notification store and this instance's dispatcher (none: no wake). */
export function createNotificationOutbox(deps: {
  store: NotificationStore;
  clock: Clock;
  wake?: DispatchWake;
}): NotificationOutbox {
  const schedule = async (notification: Notification) => {
    // An event replayed after the replay horizon may have been sent and purged since: its key no
    // longer finds it, so it is refused here rather than sent twice (domain/notification-retention).
    if (isTooLateToQueue(notification, deps.clock.now())) return { created: false };
    const { notification: queued, created } = await deps.store.schedule(notification);
    // Only once written: a woken dispatcher must find it. A reminder due later waits its turn.
    if (created && notification.dueAt <= deps.clock.now().toISOString()) deps.wake?.wake(queued);
    return { created };
  };
  return {
    schedule,
    async enqueue(notice) {
      const notification = eventNotification(notice);
      const { created } = await schedule(notification);
      return { id: notification.id, created };
    },
  };
}
