import type { Logger } from '../logger';

/** A loop with its own cadence (the notification dispatcher pipelines its sends). */
export type OwnLoop = { start(): void; stop(): Promise<void> };

type Periodic = {
  kind: 'every';
  name: string;
  everyMs: number;
  run: (signal: AbortSignal) => Promise<unknown>;
};
type Owned = { kind: 'own'; name: string; loop: OwnLoop };

/**
 * Every background loop of an instance, started and stopped in one place (src/app): the reminder
 * planner and dispatcher, the proposal expiry sweep, the calendar sweep, and whatever comes next.
 * A periodic task runs at once, then `everyMs` after each run ends (runs never overlap); a failure
 * is logged and the next run comes as usual. stop() cancels the waits, aborts the runs' signal and
 * lets the runs in flight finish, so shutdown never waits for a next turn. Work shared by several instances is claimed
 * with leases in the store (src/domain/lease.ts), not here.
 */
export class BackgroundLoops {
  private readonly tasks: Array<Periodic | Owned> = [];
  private running: Promise<void>[] = [];
  private stopping = false;
  private abort = new AbortController();
  private readonly wakers = new Set<() => void>();

  constructor(private readonly log: Logger) {}

  /** Registers `run` every `everyMs` (started by start()); `signal` aborts when stopping. */
  every(name: string, everyMs: number, run: (signal: AbortSignal) => Promise<unknown>): this {
    this.tasks.push({ kind: 'every', name, everyMs, run });
    return this;
  }

  /** Registers a loop that keeps its own cadence; start()/stop() drive it. */
  own(name: string, loop: OwnLoop): this {
    this.tasks.push({ kind: 'own', name, loop });
    return this;
  }

  /** The names of the registered loops, in order (for the start-up log and tests). */
  names(): string[] {
    return this.tasks.map((t) => t.name);
  }

  start(): void {
    if (this.running.length > 0) return;
    this.stopping = false;
    this.abort = new AbortController();
    this.running = this.tasks.map((task) => {
      if (task.kind === 'own') {
        task.loop.start();
        return Promise.resolve();
      }
      return this.repeat(task);
    });
  }

  /** Stops every loop: waits are cancelled, runs in flight finish. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    for (const wake of this.wakers) wake();
    await Promise.all([
      ...this.running,
      ...this.tasks.map((t) => (t.kind === 'own' ? t.loop.stop() : undefined)),
    ]);
    this.running = [];
  }

  private async repeat(task: Periodic): Promise<void> {
    while (!this.stopping) {
      try {
        await task.run(this.abort.signal);
      } catch (error) {
        this.log.error(`${task.name} failed`, error);
      }
      if (!this.stopping) await this.pause(task.everyMs);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }
}
