import { systemClock, type Clock } from '../domain/clock';

/** Milliseconds and waiting, injected so that pacing and retries are tested without real time. */
export interface Timer {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * The app's timer: "now" is the app's clock (one source of time from the composition root down,
 * so what is due is decided on the same date as everything else), waiting is real.
 */
export function clockTimer(clock: Clock): Timer {
  return {
    now: () => clock.now().getTime(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
  };
}

/** The wall clock's timer. */
export const systemTimer: Timer = clockTimer(systemClock);

/** A timer that moves only when a test advances it; sleepers wake in time order. */
export type ManualTimer = Timer & {
  advance(ms: number): Promise<void>;
  /** Advance to the next sleeper's wake time, if any; false when nobody sleeps. */
  runNext(): Promise<boolean>;
  pending(): number;
};

/** A manual timer starting at `start` ms. */
export function manualTimer(start = 0): ManualTimer {
  let current = start;
  let sequence = 0;
  const sleepers: Array<{ at: number; seq: number; wake: () => void }> = [];
  const flush = async () => {
    // Let woken promises run their continuations before time moves again.
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  const wakeDue = async () => {
    sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    while (sleepers.length > 0 && (sleepers[0]?.at ?? Infinity) <= current) {
      sleepers.shift()?.wake();
      await flush();
      sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    }
  };
  return {
    now: () => current,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        sleepers.push({ at: current + Math.max(0, ms), seq: sequence++, wake: resolve });
      }),
    async advance(ms) {
      const target = current + ms;
      for (;;) {
        await flush();
        sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = sleepers[0];
        if (!next || next.at > target) break;
        current = Math.max(current, next.at);
        await wakeDue();
      }
      current = target;
      await flush();
    },
    async runNext() {
      await flush();
      sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = sleepers[0];
      if (!next) return false;
      current = Math.max(current, next.at);
      await wakeDue();
      return true;
    },
    pending: () => sleepers.length,
  };
}
