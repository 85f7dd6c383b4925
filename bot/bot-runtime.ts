import type { CloudAdapter } from 'botbuilder';
import type { Clock } from '../src/domain/clock';
import type { Logger } from '../src/logger';
import type { NotificationDelivery } from '../src/notifications/notification-dispatcher';
import type { ConversationRepository } from '../src/store/conversation-repository';
import { createBotAdapter, createBotEndpoint, type BotCredentials } from './bot-endpoint';
import type { BotServices } from './bot-services';
import { MentoringBot } from './mentoring-bot';
import { ProactiveNotifier } from './proactive-notifier';

export type BotRuntimeDeps = {
  credentials: BotCredentials;
  clock: Clock;
  /** The services the tab uses too (src/app builds them), and the conversation references. */
  services: Omit<BotServices, 'clock' | 'conversations'>;
  conversations: ConversationRepository;
  /** Teams deep link to the tab, for nudge buttons. */
  tabUrl?: string;
  log: Logger;
};

/** The bot: its endpoint, and how a queued notification becomes a Teams message. */
export type BotRuntime = {
  /** Mount with hono: `app.post('/api/messages', (c) => runtime.endpoint(c.req.raw))`. */
  readonly endpoint: (request: Request) => Promise<Response>;
  readonly adapter: CloudAdapter;
  /** What the notification dispatcher (src/notifications) sends through. */
  readonly delivery: NotificationDelivery;
};

/** Wires the bot over the given services: Teams translation only. */
export function createBotRuntime(deps: BotRuntimeDeps): BotRuntime {
  const { conversations, log } = deps;
  const adapter = createBotAdapter(deps.credentials, (message, error) => log.error(message, error));
  const services: BotServices = { ...deps.services, conversations, clock: deps.clock };
  const endpoint = createBotEndpoint({
    adapter,
    bot: new MentoringBot({ services, ...(deps.tabUrl ? { tabUrl: deps.tabUrl } : {}) }),
  });
  const delivery = new ProactiveNotifier({
    adapter,
    botAppId: deps.credentials.appId ?? '',
    conversations,
    approvals: services.approvals,
    buddy: services.buddy,
    ...(deps.tabUrl ? { tabUrl: deps.tabUrl } : {}),
  });
  return { endpoint, adapter, delivery };
}
