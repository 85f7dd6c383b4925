import { SendPacer, teamsLimits, type RateWindow } from '../../../src/notifications/pacer';
import { manualTimer } from '../../../src/notifications/timer';

/** The largest number of sends inside any window of `windowMs` (sliding, half-open). */
function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

async function drain(timer: ReturnType<typeof manualTimer>, done: () => boolean) {
  for (let i = 0; i < 1_000_000 && !done(); i++) {
    if (!(await timer.runNext())) await Promise.resolve();
  }
}

describe('SendPacer', () => {
  it('never lets more than 50 sends per second through for one tenant, across conversations', async () => {
    const timer = manualTimer(0);
    const pacer = new SendPacer({ timer, marginMs: 0, spread: false });
    const times: number[] = [];
    const all = Array.from({ length: 500 }, (_, i) =>
      pacer.acquire('tenant-a', `conversation-${i % 100}`).then(() => times.push(timer.now())),
    );
    let finished = false;
    void Promise.all(all).then(() => (finished = true));
    await drain(timer, () => finished);

    expect(times).toHaveLength(500);
    expect(maxInWindow(times, 1000)).toBe(50);
    // Paced, not starved: 500 sends at 50/s take 9 s after the first burst.
    expect(Math.max(...times)).toBe(9000);
  });

  it('spreads sends evenly by default: one every 20 ms per tenant, never a burst of more than 4', async () => {
    const timer = manualTimer(0);
    const pacer = new SendPacer({ timer, marginMs: 0, catchUpSlots: 3 });
    const times: number[] = [];
    const all = Array.from({ length: 200 }, (_, i) =>
      pacer.acquire('tenant-a', `conversation-${i}`).then(() => times.push(timer.now())),
    );
    let finished = false;
    void Promise.all(all).then(() => (finished = true));
    await drain(timer, () => finished);

    // Up to 3 slots of catch-up at once, otherwise one every 20 ms; never above 50 a second.
    expect(times.slice(0, 5)).toEqual([0, 0, 0, 0, 20]);
    expect(maxInWindow(times, 20)).toBeLessThanOrEqual(4);
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(50);
    expect(Math.max(...times)).toBeLessThanOrEqual(200 * 20);
  });

  it('never lets more than 7 per second (nor 8 per 2 s) into one conversation', async () => {
    const timer = manualTimer(0);
    const pacer = new SendPacer({ timer, marginMs: 0 });
    const times: number[] = [];
    const all = Array.from({ length: 40 }, () =>
      pacer.acquire('tenant-a', 'conversation-1').then(() => times.push(timer.now())),
    );
    let finished = false;
    void Promise.all(all).then(() => (finished = true));
    await drain(timer, () => finished);

    expect(times).toHaveLength(40);
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(7);
    expect(maxInWindow(times, 2000)).toBeLessThanOrEqual(8);
    expect(maxInWindow(times, 30_000)).toBeLessThanOrEqual(60);
  });

  it('keeps tenants apart: one busy tenant does not slow another', async () => {
    const timer = manualTimer(0);
    const pacer = new SendPacer({ timer, marginMs: 0, spread: false });
    for (let i = 0; i < 50; i++) await pacer.acquire('busy', `c-${i}`);
    const start = timer.now();
    await pacer.acquire('quiet', 'c-0');
    expect(timer.now()).toBe(start);
  });

  it('holds a conversation for the Retry-After of a 429, then lets it go', async () => {
    const timer = manualTimer(1_000);
    const pacer = new SendPacer({ timer, marginMs: 0, spread: false });
    pacer.penalise('tenant-a', 'conversation-1', 3_000);
    let sentAt: number | undefined;
    void pacer.acquire('tenant-a', 'conversation-1').then(() => (sentAt = timer.now()));
    await timer.advance(2_999);
    expect(sentAt).toBeUndefined();
    // Another conversation of the same tenant is not held.
    await pacer.acquire('tenant-a', 'conversation-2');
    await timer.advance(1);
    expect(sentAt).toBe(4_000);
  });

  it('makes up for a late timer with a short catch-up, within the windows', async () => {
    const timer = manualTimer(0);
    const pacer = new SendPacer({ timer, marginMs: 0, catchUpSlots: 3 });
    for (let i = 0; i < 4; i++) await pacer.acquire('t', `c-${i}`);
    // The event loop was busy for 100 ms: five slots were missed.
    await timer.advance(100);
    const times: number[] = [];
    const all = Array.from({ length: 6 }, (_, i) =>
      pacer.acquire('t', `d-${i}`).then(() => times.push(timer.now())),
    );
    let finished = false;
    void Promise.all(all).then(() => (finished = true));
    await drain(timer, () => finished);
    // At most 3 slots early (60 ms of the 20 ms spacing), then the even schedule again.
    expect(times).toEqual([100, 100, 100, 100, 120, 140]);
  });

  it('adds the safety margin to every window', async () => {
    const timer = manualTimer(0);
    const limits = {
      perTenant: [{ count: 2, windowMs: 1000 }] as RateWindow[],
      perConversation: [],
    };
    const pacer = new SendPacer({ timer, limits, marginMs: 50, spread: false });
    const times: number[] = [];
    const all = [1, 2, 3].map(() => pacer.acquire('t', 'c').then(() => times.push(timer.now())));
    let finished = false;
    void Promise.all(all).then(() => (finished = true));
    await drain(timer, () => finished);
    expect(times).toEqual([0, 0, 1050]);
  });

  it('forgets conversations that have been idle for longer than the longest window', async () => {
    const timer = manualTimer(0);
    const pacer = new SendPacer({ timer });
    await pacer.acquire('t', 'c-1');
    expect(pacer.trackedKeys()).toBe(2);
    await timer.advance(3_600_000 + 1_000);
    expect(pacer.trackedKeys()).toBe(0);
  });

  it('defaults to the limits Microsoft documents for Teams', () => {
    expect(teamsLimits.perTenant).toEqual([{ count: 50, windowMs: 1000 }]);
    expect(teamsLimits.perConversation[0]).toEqual({ count: 7, windowMs: 1000 });
  });
});
