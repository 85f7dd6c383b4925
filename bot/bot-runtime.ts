import type { CloudAdapter } from 'botbuilder';
import type { Clock } from '../src/domain/clock';
import {
  NotificationDispatcher,
  type NotificationDispatcherDeps,
} from '../src/notifications/notification-dispatcher';
import type { Logger } from '../src/logger';
import { PacedSender } from '../src/notifications/paced-sender';
import { SendPacer, teamsLimits } from '../src/notifications/pacer';
import { clockTimer, type Timer } from '../src/notifications/timer';
import type { ConversationRepository } from '../src/store/conversation-repository';
import { createBotAdapter, createBotEndpoint, type BotCredentials } from './bot-endpoint';
import type { BotServices } from './bot-services';
import { MentoringBot } from './mentoring-bot';
import { ProactiveNotifier } from './proactive-notifier';

export type BotRuntimeDeps = {
  credentials: BotCredentials;
  clock: Clock;
  timer?: Timer;
  /** The services the tab uses too (src/app builds them), and the conversation references. */
  services: Omit<BotServices, 'clock' | 'conversations'>;
  conversations: ConversationRepository;
  /** The queue the dispatcher claims notifications from (src/scheduler, built in src/app). */
  queue: NotificationDispatcherDeps['queue'];
  /** Unique per process: whose notification claims these are. */
  instanceId: string;
  /**
   * How many instances run the scheduler: each paces at its share of the tenant's 50 messages
   * per second so that together they stay under it.
   */
  schedulerInstances?: number;
  /** Teams deep link to the tab, for nudge buttons. */
  tabUrl?: string;
  log: Logger;
};

/** The bot endpoint and its sender of queued notifications (a loop started with the others). */
export type BotRuntime = {
  /** Mount with hono: `app.post('/api/messages', (c) => runtime.endpoint(c.req.raw))`. */
  readonly endpoint: (request: Request) => Promise<Response>;
  readonly adapter: CloudAdapter;
  /** Claims due notifications and sends them, paced (safe on many instances at once). */
  readonly dispatcher: NotificationDispatcher;
};

/** Wires the bot over the given services, and the dispatcher that sends what the planner queued. */
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
    queue: deps.queue,
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
  return { endpoint, adapter, dispatcher };
}
