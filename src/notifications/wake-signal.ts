import type { Notification } from '../domain/notification';
import type { Versioned } from '../domain/versioned';

/**
 * An in-process wake-up for the notification dispatcher: the outbox (src/services/outbox) calls
 * wake() once it has written a notification that is due now, and the dispatcher, subscribed by
 * src/app/background.ts, claims at once instead of finishing its idle pause. Built before either
 * (the services are wired before the background loops), so it relays to whoever subscribes.
 */
export class WakeSignal {
  private readonly listeners = new Set<(queued?: Versioned<Notification>) => void>();

  /**
   * Wakes every subscriber with the notification just written, if given (none subscribed:
   * nothing happens, the next poll finds the work).
   */
  wake(queued?: Versioned<Notification>): void {
    for (const listener of this.listeners) listener(queued);
  }

  /** Calls `listener` on every wake-up; returns how to stop. */
  subscribe(listener: (queued?: Versioned<Notification>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
