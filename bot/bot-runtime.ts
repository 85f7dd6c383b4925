import type { CloudAdapter } from 'botbuilder';
import type { Clock } from '../src/domain/clock';
import {
  NotificationDispatcher,
  type NotificationDispatcherDeps,
} from '../src/scheduler/notification-dispatcher';
import type { NotificationPlanner } from '../src/scheduler/notification-planner';
import { PacedSender } from '../src/scheduler/paced-sender';
import { SendPacer, teamsLimits } from '../src/scheduler/pacer';
import { clockTimer, type Timer } from '../src/scheduler/timer';
import type { ConversationRepository } from '../src/store/conversation-repository';
import { createBotAdapter, createBotEndpoint, type BotCredentials } from './bot-endpoint';
import type { BotServices } from './bot-services';
import { MentoringBot } from './mentoring-bot';
import { ProactiveNotifier } from './proactive-notifier';

export type BotRuntimeDeps = {
  credentials: BotCredentials;
  clock: Clock;
  timer?: Timer;
  /** The services the tab uses too (src/main.ts builds them), and the conversation references. */
  services: Omit<BotServices, 'clock' | 'conversations'>;
  conversations: ConversationRepository;
  /**
   * The scheduler's two ends (src/scheduler, built in src/main.ts): the planner turns pairs into
   * queued notifications, the dispatcher here claims them from the queue and sends them.
   */
  scheduler: {
    queue: NotificationDispatcherDeps['queue'];
    planner: Pick<NotificationPlanner, 'planAll'>;
  };
  /** Unique per process: whose notification claims these are. */
  instanceId: string;
  /**
   * How many instances run the scheduler: each paces at its share of the tenant's 50 messages
   * per second so that together they stay under it.
   */
  schedulerInstances?: number;
  /** Teams deep link to the tab, for nudge buttons. */
  tabUrl?: string;
  /** How often the planner turns pairs into notifications (default 1 minute). */
  planEveryMs?: number;
  log: {
    info(message: string): void;
    warn(message: string, error?: unknown): void;
    error(message: string, error?: unknown): void;
  };
};

/** The bot endpoint and, when started, the scheduler (planner + dispatcher) of one instance. */
export type BotRuntime = {
  /** Mount with hono: `app.post('/api/messages', (c) => runtime.endpoint(c.req.raw))`. */
  readonly endpoint: (request: Request) => Promise<Response>;
  readonly adapter: CloudAdapter;
  /** Starts the reminder and nudge loops (safe on many instances at once). */
  startScheduler(): void;
  stop(): Promise<void>;
};

/** Wires the bot over the given services, and the scheduler (planner + dispatcher). */
export function createBotRuntime(deps: BotRuntimeDeps): BotRuntime {
  const timer = deps.timer ?? clockTimer(deps.clock);
  const { conversations, log } = deps;
  const adapter = createBotAdapter(deps.credentials, (message, error) => log.error(message, error));
  const services: BotServices = { ...deps.services, conversations, clock: deps.clock };
  const endpoint = createBotEndpoint({ adapter, bot: new MentoringBot({ services }) });

  const share = Math.max(1, Math.floor(50 / Math.max(1, deps.schedulerInstances ?? 1)));
  const pacer = new SendPacer({
    timer,
    limits: { ...teamsLimits, perTenant: [{ count: share, windowMs: 1000 }] },
  });
  const dispatcher = new NotificationDispatcher({
    queue: deps.scheduler.queue,
    delivery: new ProactiveNotifier({
      adapter,
      botAppId: deps.credentials.appId ?? '',
      conversations,
      approvals: services.approvals,
      ...(deps.tabUrl ? { tabUrl: deps.tabUrl } : {}),
    }),
    sender: new PacedSender({ pacer, timer }),
    timer,
    owner: deps.instanceId,
    log,
  });
  const { planner } = deps.scheduler;

  let planning: Promise<void> | undefined;
  let stopped = false;
  let nextPlan: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  // Wall-clock cadence, cancellable on stop so that shutdown does not wait for the next turn.
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      nextPlan = setTimeout(resolve, ms);
    });
  return {
    endpoint,
    adapter,
    startScheduler() {
      if (planning) return;
      stopped = false;
      dispatcher.start();
      planning = (async () => {
        while (!stopped) {
          try {
            const { created } = await planner.planAll();
            if (created > 0) log.info(`scheduler: ${created} notifications planned`);
          } catch (error) {
            log.error('scheduler: planning failed', error);
          }
          if (!stopped) await pause(deps.planEveryMs ?? 60_000);
        }
      })();
    },
    async stop() {
      stopped = true;
      if (nextPlan) clearTimeout(nextPlan);
      wake?.();
      await Promise.all([dispatcher.stop(), planning]);
      planning = undefined;
    },
  };
}
