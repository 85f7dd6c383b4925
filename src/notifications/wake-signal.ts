/**
 * An in-process wake-up for the notification dispatcher: the outbox (src/services/outbox) calls
 * wake() once it has written a notification that is due now, and the dispatcher, subscribed by
 * src/app/background.ts, claims at once instead of finishing its idle pause. Built before either
 * (the services are wired before the background loops), so it relays to whoever subscribes.
 */
export class WakeSignal {
  private readonly listeners = new Set<() => void>();

  /** Wakes every subscriber (none yet: nothing happens, the next poll finds the work). */
  wake(): void {
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` on every wake-up; returns how to stop. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
