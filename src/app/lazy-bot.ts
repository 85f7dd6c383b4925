import type { BotRuntime, BotRuntimeDeps } from '../../bot/bot-runtime';
import type { NotificationDelivery } from '../notifications/notification-dispatcher';

/**
 * The bot, loaded on first use: its first activity, or the first notification due. botbuilder is
 * the heaviest module of the server (about 50 MB resident), and an instance that nobody writes to
 * and has nothing to send should not carry it (npm run bench:startup).
 */
export function lazyBot(deps: BotRuntimeDeps): {
  endpoint: (request: Request) => Promise<Response>;
  delivery: NotificationDelivery;
  load(): Promise<BotRuntime>;
} {
  let runtime: Promise<BotRuntime> | undefined;
  const load = () =>
    (runtime ??= import('../../bot/bot-runtime').then(({ createBotRuntime }) =>
      createBotRuntime(deps),
    ));
  return {
    load,
    endpoint: async (request) => (await load()).endpoint(request),
    delivery: { prepare: async (notification) => (await load()).delivery.prepare(notification) },
  };
}
