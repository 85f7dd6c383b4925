import type { Timer } from './timer';

/** At most `count` sends in any `windowMs` milliseconds. */
export type RateWindow = { count: number; windowMs: number };

export type PacerLimits = {
  /** Teams: 50 requests per second per app per tenant. */
  perTenant: readonly RateWindow[];
  /** Teams, per bot per conversation: 7 per second, 8 per 2 s, 60 per 30 s, 1,800 per hour. */
  perConversation: readonly RateWindow[];
};

/** The limits Microsoft documents for Teams bots (learn.microsoft.com …/bots/how-to/rate-limit). */
export const teamsLimits: PacerLimits = {
  perTenant: [{ count: 50, windowMs: 1000 }],
  perConversation: [
    { count: 7, windowMs: 1000 },
    { count: 8, windowMs: 2000 },
    { count: 60, windowMs: 30_000 },
    { count: 1800, windowMs: 3_600_000 },
  ],
};

export type SendPacerDeps = {
  timer: Timer;
  limits?: PacerLimits;
  /**
   * Added to every window: our clock starts when we send, Teams counts when the request arrives,
   * so a little slack keeps network jitter from pushing two bursts into one of its windows.
   */
  marginMs?: number;
  /**
   * Space sends evenly (a window's length divided by its count) instead of letting a whole
   * window's worth out at once: a burst delayed on its way would otherwise land in the same
   * Teams window as the next one and be throttled.
   */
  spread?: boolean;
  /** How many slots a late sender may catch up at once (default 2). */
  catchUpSlots?: number;
};

type Key = { id: string; windows: readonly RateWindow[] };

/**
 * Paces proactive sends under the Teams limits with sliding windows per tenant and per
 * conversation; a 429 blocks its key until Retry-After has passed. Nothing is ever dropped: a
 * caller waits until it may send.
 */
export class SendPacer {
  private readonly sent = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();
  private readonly limits: PacerLimits;
  private readonly marginMs: number;

  constructor(private readonly deps: SendPacerDeps) {
    this.limits = deps.limits ?? teamsLimits;
    this.marginMs = deps.marginMs ?? 20;
    this.spread = deps.spread ?? true;
    this.catchUpSlots = deps.catchUpSlots ?? 2;
  }

  private readonly spread: boolean;
  private readonly catchUpSlots: number;
  /** Per key, when the next send is due on an even schedule (GCRA's theoretical arrival time). */
  private readonly theoretical = new Map<string, number>();

  /** Waits until one more send to this conversation of this tenant stays within every limit. */
  async acquire(tenantId: string, conversationId: string): Promise<void> {
    const keys = this.keys(tenantId, conversationId);
    for (;;) {
      const now = this.deps.timer.now();
      const wait = Math.max(...keys.map((key) => this.waitFor(key, now)));
      if (wait <= 0) {
        for (const key of keys) this.record(key, now);
        return;
      }
      await this.deps.timer.sleep(wait);
    }
  }

  /** A 429 answered for this conversation: hold the conversation (and the tenant) for `ms`. */
  penalise(
    tenantId: string,
    conversationId: string,
    ms: number,
    scope: 'conversation' | 'tenant' = 'conversation',
  ): void {
    const until = this.deps.timer.now() + ms;
    const ids = scope === 'tenant' ? [`t:${tenantId}`] : [`c:${tenantId}:${conversationId}`];
    for (const id of ids)
      this.blockedUntil.set(id, Math.max(until, this.blockedUntil.get(id) ?? 0));
  }

  /** How many keys are being tracked (to check that idle keys are forgotten). */
  trackedKeys(): number {
    this.forgetIdle(this.deps.timer.now());
    return this.sent.size;
  }

  private keys(tenantId: string, conversationId: string): Key[] {
    return [
      { id: `t:${tenantId}`, windows: this.limits.perTenant },
      { id: `c:${tenantId}:${conversationId}`, windows: this.limits.perConversation },
    ];
  }

  private waitFor(key: Key, now: number): number {
    let wait = (this.blockedUntil.get(key.id) ?? 0) - now;
    const times = this.sent.get(key.id);
    if (!times) return wait;
    const spacing = this.spacingOf(key);
    const due = this.theoretical.get(key.id);
    if (spacing > 0 && due !== undefined) {
      // GCRA: a send may run up to `catchUp` slots early, so a timer that fired late (a busy
      // event loop) is made up for instead of lost; the sliding windows stay the hard limit.
      wait = Math.max(wait, due - this.catchUpSlots * spacing - now);
    }
    for (const { count, windowMs } of key.windows) {
      const span = windowMs + this.marginMs;
      // times is sorted; the send that must leave the window is `count` places from the end.
      if (times.length < count) continue;
      const blocking = times[times.length - count];
      if (blocking !== undefined && now - blocking < span) {
        wait = Math.max(wait, blocking + span - now);
      }
    }
    return wait;
  }

  /** Even spacing of the key's shortest window, in whole milliseconds (0 when not spreading). */
  private spacingOf(key: Key): number {
    const shortest = key.windows[0];
    if (!this.spread || !shortest) return 0;
    // Whole milliseconds: fractions would let float error shave a window's edge.
    return Math.ceil((shortest.windowMs + this.marginMs) / shortest.count);
  }

  private record(key: Key, now: number): void {
    const spacing = this.spacingOf(key);
    if (spacing > 0) {
      this.theoretical.set(key.id, Math.max(this.theoretical.get(key.id) ?? now, now) + spacing);
    }
    const longest = Math.max(...key.windows.map((w) => w.windowMs)) + this.marginMs;
    const times = this.sent.get(key.id) ?? [];
    times.push(now);
    // Keep only what the longest window can still see.
    let drop = 0;
    while (drop < times.length && now - (times[drop] ?? now) >= longest) drop++;
    if (drop > 0) times.splice(0, drop);
    this.sent.set(key.id, times);
    if (this.sent.size > 10_000) this.forgetIdle(now);
  }

  private forgetIdle(now: number): void {
    for (const [id, times] of this.sent) {
      const last = times[times.length - 1] ?? 0;
      if (now - last > 3_600_000 + this.marginMs) {
        this.sent.delete(id);
        this.theoretical.delete(id);
      }
    }
    for (const [id, until] of this.blockedUntil) if (until <= now) this.blockedUntil.delete(id);
  }
}
