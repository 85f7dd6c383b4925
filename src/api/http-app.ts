import type { Logger } from '../logger';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { DomainError } from '../domain/errors';
import { errorHandler, type ApiErrorBody } from './http-errors';
import { platformApi } from '../contracts/platform';
import { declaredRoutes } from './declared-routes';
import { healthRoutes, type HealthDeps } from './health-routes';
import { legalPages } from './legal-pages';
import { botGate } from './bot-gate';
import { routeTable } from '../contracts/route-table';
import { compression } from './compression';
import { bodyGuard, bodyRulesOf } from './limits';
import { pathIdGuard } from './path-ids';
import { rateLimit } from './rate-limit';
import { requestLog } from './request-log';
import { securityHeaders } from './security-headers';

/** The edge's limits and what it trusts (src/config.ts). */
export type EdgeOptions = {
  /** The app's public address: its origin is the one a browser request may come from. */
  publicUrl: string;
  /** The bot's app id; absent, /api/messages is the local, unauthenticated endpoint. */
  botAppId?: string;
  bodyBytes: number;
  perUserPerMinute: number;
  perAddressPerMinute: number;
  /** Believe X-Forwarded-For / X-Forwarded-Proto (behind App Service). */
  trustProxy: boolean;
};

export type HttpAppDeps = {
  health: HealthDeps;
  /** The Bot Framework endpoint (WHATWG handler). */
  bot: (request: Request) => Promise<Response>;
  /** Extra API routes mounted under /api (profiles, programmes, ...). */
  api?: Hono;
  /** The built tab (tab/dist); absent when not built. */
  tabDir: string;
  /** Local mode also lets loopback pages frame the tab (the e2e Teams-like host). */
  allowLoopbackFraming: boolean;
  edge: EdgeOptions;
  log: Logger;
};

/** The one HTTP application: the tab, the API under /api and the bot at /api/messages. */
export function createHttpApp(deps: HttpAppDeps) {
  const { edge } = deps;
  const app = new Hono();
  app.onError(errorHandler(deps.log));
  app.use('*', requestLog(deps.log));
  app.use(
    '*',
    securityHeaders({
      allowLoopbackFraming: deps.allowLoopbackFraming,
      trustProxy: edge.trustProxy,
    }),
  );
  // Before any body is read, in this order: the path's ids, the bot's caller, the rate, the body.
  app.use('*', pathIdGuard());
  app.use(
    '/api/messages',
    botGate({ publicUrl: edge.publicUrl, ...(edge.botAppId ? { appId: edge.botAppId } : {}) }),
  );
  app.use(
    '*',
    rateLimit({
      perUserPerMinute: edge.perUserPerMinute,
      perAddressPerMinute: edge.perAddressPerMinute,
      trustProxy: edge.trustProxy,
    }),
  );
  // Larger bodies, or other types than JSON, are the routes' declarations (`maxBodyBytes`).
  const rules = bodyRulesOf(routeTable, '/api', edge.bodyBytes);
  app.use('*', bodyGuard({ defaultMaxBytes: edge.bodyBytes, rules, maxJsonDepth: 32 }));
  app.use('*', compression());

  const platform = healthRoutes(deps.health);
  declaredRoutes(platform)(platformApi.botMessages, (c) => deps.bot(c.req.raw));
  app.route('/api', platform);
  if (deps.api) app.route('/api', deps.api);
  app.all('/api/*', (c) => {
    const body: ApiErrorBody = {
      error: { code: 'not_found', message: `No API route ${c.req.method} ${c.req.path}` },
    };
    return c.json(body, 404);
  });

  app.route('/', legalPages());

  const index = join(deps.tabDir, 'index.html');
  if (existsSync(deps.tabDir)) {
    app.use(
      '/assets/*',
      async (c, next) => {
        await next();
        if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
      serveStatic({ root: deps.tabDir }),
      // A hashed file that is not there (an old chunk after a redeploy) is not the index: the
      // page that asked for it reloads, and nothing caches the miss.
      async (c) => {
        c.header('Cache-Control', 'no-store');
        return c.text('Not found: this file is not part of the current version of the tab.', 404);
      },
    );
    app.use('*', serveStatic({ root: deps.tabDir }));
  }
  // Single-page app: any other GET is the tab's index, which routes on the client.
  app.get('*', async (c) => {
    if (!existsSync(index)) {
      throw new DomainError(
        'not_found',
        'The tab is not built: run `npm run build:tab` (npm start does it).',
      );
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(await readFile(index, 'utf8'));
  });
  return app;
}
