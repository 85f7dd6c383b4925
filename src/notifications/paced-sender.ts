import type { SendPacer } from './pacer';
import { backoffMs, isTransient, retryAfterMs, statusOf } from './retry';
import type { Timer } from './timer';

/** Where a message goes: the pacing keys. */
export type SendTarget = { tenantId: string; conversationId: string };

export type SendOutcome =
  | { status: 'sent'; attempts: number; throttled: number }
  /** Transient failures outlasted this attempt budget: try again at `retryAt` (nothing dropped). */
  | { status: 'retry_later'; attempts: number; throttled: number; retryAt: number; error: unknown }
  /** A failure no retry will fix (403 bot blocked, 404 conversation gone, a bug). */
  | { status: 'failed'; attempts: number; throttled: number; error: unknown };

export type PacedSenderDeps = {
  pacer: SendPacer;
  timer: Timer;
  /** Attempts before handing the send back to the scheduler; 6 ≈ a minute of backoff. */
  maxAttempts?: number;
  random?: () => number;
  /** Told of every 429, for metrics. */
  onThrottled?: (target: SendTarget, waitMs: number) => void;
};

/**
 * Sends one message within the Teams limits: waits for the pacer, and on a 429 waits Retry-After
 * (or backs off with jitter) before trying again.
 */
export class PacedSender {
  private readonly maxAttempts: number;

  constructor(private readonly deps: PacedSenderDeps) {
    this.maxAttempts = deps.maxAttempts ?? 6;
  }

  /** Runs `send` under the pacer until it succeeds, fails for good, or the budget runs out. */
  async send(target: SendTarget, send: () => Promise<void>): Promise<SendOutcome> {
    let throttled = 0;
    for (let attempt = 1; ; attempt++) {
      await this.deps.pacer.acquire(target.tenantId, target.conversationId);
      try {
        await send();
        return { status: 'sent', attempts: attempt, throttled };
      } catch (error) {
        if (!isTransient(error)) return { status: 'failed', attempts: attempt, throttled, error };
        const now = this.deps.timer.now();
        const wait = retryAfterMs(error, now) ?? backoffMs(attempt, { random: this.deps.random });
        if (statusOf(error) === 429) {
          throttled += 1;
          this.deps.pacer.penalise(target.tenantId, target.conversationId, wait);
          this.deps.onThrottled?.(target, wait);
        }
        if (attempt >= this.maxAttempts) {
          return {
            status: 'retry_later',
            attempts: attempt,
            throttled,
            retryAt: now + wait,
            error,
          };
        }
        // A 429 already holds the pacer's key for `wait`; other failures sleep here.
        if (statusOf(error) !== 429) await this.deps.timer.sleep(wait);
      }
    }
  }
}
