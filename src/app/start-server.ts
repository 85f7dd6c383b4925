import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApiRoutes } from '../api/api-routes';
import { approvalRoutes } from '../api/approval-routes';
import { buddyRoutes } from '../api/buddy-routes';
import { calendarRoutes } from '../api/calendar-routes';
import { createHttpApp } from '../api/http-app';
import { matchingRoutes } from '../api/matching-routes';
import { pairRoutes } from '../api/pair-routes';
import { programmeHealthRoutes } from '../api/programme-health-routes';
import { privacyRoutes } from '../api/privacy-routes';
import type { Config } from '../config';
import { systemClock, type Clock } from '../domain/clock';
import { createLogger, type Logger } from '../logger';
import type { Store } from '../store/database';
import { createRepositories } from '../store/repositories';
import { shippedToolkit } from '../toolkit/toolkit';
import { appRoot, appVersion } from './app-root';
import { createBackgroundLoops } from './background';
import { lazyBot } from './lazy-bot';
import { WakeSignal } from '../notifications/wake-signal';
import type { EmbeddedCosmos } from '../local/embedded-cosmos';
import { openAppStore } from './open-store';
import { createServices, instanceId } from './services';
import type { CalendarProviderOptions } from './calendar-provider';

/** A started application, for `npm start` and the tests. */
export type RunningServer = {
  readonly url: string;
  readonly config: Config;
  readonly store: Store;
  /** The routes mounted (method, path), for the test that each is declared (src/contracts/route-table.ts). */
  readonly routes: readonly { readonly method: string; readonly path: string }[];
  /** The embedded Cosmos server in local mode (tests stop it to see the store go down). */
  readonly embeddedCosmos?: EmbeddedCosmos;
  stop(): Promise<void>;
};

export type StartOptions = {
  log?: Logger;
  /** The app's one source of time (demo data, services, bot, background loops). */
  clock?: Clock;
  tabDir?: string;
  /** Test seams for the Graph adapter. */
  calendar?: CalendarProviderOptions;
};

/**
 * The composition root: opens the store, builds the repositories and services once, mounts the
 * tab's API and the bot on one HTTP server, and starts the background loops.
 */
export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const log = options.log ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const startedAt = clock.now();

  const { store, embedded, close } = await openAppStore(config, clock, log);
  const repos = createRepositories(store);
  // Development sign-in is local mode's: loaded only when on (loopback, embedded store).
  const devTokens = config.auth.devSignIn
    ? new (await import('../local/dev-sign-in')).DevTokenIssuer({ clock })
    : undefined;
  // Services queue event-caused messages and ring it; this instance's dispatcher answers.
  const dispatchWake = new WakeSignal();
  const services = createServices({
    config,
    repos,
    clock,
    log,
    dispatchWake,
    ...(devTokens ? { devTokens } : {}),
    ...(options.calendar ? { calendar: options.calendar } : {}),
  });
  const { authenticator } = services;

  // The tab's API (each route declared in src/contracts/*.ts, gathered in route-table.ts).
  const api = createApiRoutes({
    authenticator,
    authConfig: {
      devSignIn: config.auth.devSignIn,
      ...(config.auth.clientId ? { clientId: config.auth.clientId } : {}),
      ...(config.auth.appIdUri ? { appIdUri: config.auth.appIdUri } : {}),
    },
    publicUrl: config.publicUrl,
    identity: services.identity,
    programmes: services.programmes,
    profiles: services.profiles,
    imports: services.imports,
  });
  api.route('/', approvalRoutes({ authenticator, approvals: services.approvals }));
  api.route('/', pairRoutes({ authenticator, pairs: services.pairs, toolkit: shippedToolkit }));
  api.route('/', matchingRoutes({ authenticator, matching: services.matching }));
  api.route('/', calendarRoutes({ authenticator, calendar: services.calendar }));
  api.route('/', programmeHealthRoutes({ authenticator, health: services.health }));
  api.route(
    '/',
    privacyRoutes({
      authenticator,
      exporter: services.exporter,
      erasure: services.erasure,
      retention: services.retention,
      audit: services.audit,
    }),
  );
  api.route('/', buddyRoutes({ authenticator, buddy: services.buddy }));

  // The bot, over the same services as the tab, and the sender of what the planner queues.
  const bot = lazyBot({
    // No app id: local and tests only, refused beyond loopback by src/config.ts.
    credentials: config.bot.appId ? config.bot : {},
    clock,
    services: {
      pairs: services.pairs,
      approvals: services.approvals,
      directory: services.directory,
      buddy: services.buddy,
    },
    conversations: repos.conversations,
    tabUrl: `${config.publicUrl}/pair`,
    log,
  });

  const background = createBackgroundLoops({
    log,
    planner: services.planner,
    notifications: {
      queue: repos.notifications,
      delivery: bot.delivery,
      instanceId,
      clock,
      wake: dispatchWake,
      leaseMs: config.workLeaseMs,
    },
    matching: services.matching,
    calendarSweep: services.calendarSweep,
    health: services.health,
    retention: services.retention,
    notificationPurge: services.notificationPurge,
    buddy: services.buddy,
  });
  if (config.scheduler) background.start();

  const app = createHttpApp({
    health: {
      pingStore: () => store.ping(),
      mode: config.cosmos.mode,
      version: appVersion(),
      startedAt,
      now: () => clock.now(),
      devSignIn: config.auth.devSignIn,
    },
    bot: bot.endpoint,
    api,
    tabDir: options.tabDir ?? join(appRoot(), 'tab', 'dist'),
    allowLoopbackFraming: config.cosmos.mode === 'embedded',
    edge: {
      publicUrl: config.publicUrl,
      ...(config.bot.appId ? { botAppId: config.bot.appId } : {}),
      bodyBytes: config.limits.bodyBytes,
      perUserPerMinute: config.limits.perUserPerMinute,
      perAddressPerMinute: config.limits.perAddressPerMinute,
      trustProxy: config.trustProxy,
    },
    log,
  });

  const server: ServerType = await new Promise((resolveServer, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolveServer(s),
    );
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  let stopping: Promise<void> | undefined;
  return {
    url,
    config,
    store,
    routes: app.routes.map(({ method, path }) => ({ method, path })),
    ...(embedded ? { embeddedCosmos: embedded } : {}),
    stop() {
      stopping ??= (async () => {
        await new Promise<void>((done) => {
          server.close(() => done());
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
        await background.stop();
        await services.imports.drain();
        await services.matching.drain();
        await close();
      })();
      return stopping;
    },
  };
}
