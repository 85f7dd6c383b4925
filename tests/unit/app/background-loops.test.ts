import type { Logger } from '../../../src/logger';
import { BackgroundLoops } from '../../../src/app/background-loops';

const quiet = (errors: unknown[]): Logger => ({
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message, error) => errors.push([message, error]),
});

describe('the background loops of an instance', () => {
  it('runs a periodic task at once and again after each pause, keeps going after a failure, and stops without waiting for the next turn', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const loops = new BackgroundLoops(quiet(errors)).every('flaky sweep', 5, async () => {
      runs += 1;
      if (runs === 2) throw new Error('store down');
    });
    loops.start();
    await vi.waitFor(() => expect(runs).toBeGreaterThanOrEqual(4));
    expect(errors).toEqual([['flaky sweep failed', new Error('store down')]]);
    await loops.stop();
    const stoppedAt = runs;
    await new Promise((r) => setTimeout(r, 30));
    expect(runs).toBe(stoppedAt);
  });

  it('a long pause does not delay stop()', async () => {
    let runs = 0;
    const loops = new BackgroundLoops(quiet([])).every('hourly', 3_600_000, async () => {
      runs += 1;
    });
    loops.start();
    await vi.waitFor(() => expect(runs).toBe(1));
    // Waiting for the next turn would time the test out.
    await loops.stop();
    expect(runs).toBe(1);
  });

  it('starts and stops loops that keep their own cadence, and lists every loop by name', async () => {
    const calls: string[] = [];
    const loops = new BackgroundLoops(quiet([]))
      .own('dispatcher', {
        start: () => calls.push('start'),
        stop: async () => {
          calls.push('stop');
        },
      })
      .every('expiry', 60_000, async () => undefined);
    expect(loops.names()).toEqual(['dispatcher', 'expiry']);
    loops.start();
    await loops.stop();
    expect(calls).toEqual(['start', 'stop']);
  });
});
