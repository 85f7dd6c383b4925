import type { Logger } from '../logger';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { serveStatic } from '@hono/node-server/serve-static';
import { DomainError } from '../domain/errors';
import { errorHandler, type ApiErrorBody } from './http-errors';
import { healthRoutes, type HealthDeps } from './health-routes';
import { legalPages } from './legal-pages';
import { requestLog } from './request-log';

/** Hosts that may frame the tab: Teams on the web, desktop and mobile, Outlook and Microsoft 365. */
const teamsFrameAncestors = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.microsoft365.com',
];

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
  log: Logger;
};

/** The one HTTP application: the tab, the API under /api and the bot at /api/messages. */
export function createHttpApp(deps: HttpAppDeps) {
  const ancestors = ["'self'", ...teamsFrameAncestors];
  if (deps.allowLoopbackFraming) ancestors.push('http://127.0.0.1:*', 'http://localhost:*');
  const csp = [
    "default-src 'self'",
    "script-src 'self' https://res.cdn.office.net",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    `frame-ancestors ${ancestors.join(' ')}`,
  ].join('; ');

  const app = new Hono();
  app.onError(errorHandler(deps.log));
  app.use('*', requestLog(deps.log));
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    if (!c.req.path.startsWith('/api/')) c.header('Content-Security-Policy', csp);
  });
  app.use('*', compress());

  app.post('/api/messages', (c) => deps.bot(c.req.raw));
  app.route('/api', healthRoutes(deps.health));
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
