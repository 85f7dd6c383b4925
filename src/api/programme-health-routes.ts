import { Hono, type Context } from 'hono';
import {
  healthQuerySchema,
  nudgeBodySchema,
  reportCsvQuerySchema,
  type HealthQuery,
} from '../contracts/health';
import { DomainError } from '../domain/errors';
import type { Authenticator } from '../services/auth/principal';
import type { HealthService } from '../services/health/health-service';
import { requireAuth, type AuthEnv } from './auth-middleware';
import { parseWith } from './http-errors';

export type ProgrammeHealthRoutesDeps = {
  authenticator: Authenticator;
  health: HealthService;
};

/** Programme health, the bilan and the manager's reports (route table: src/contracts/health.ts). */
export function programmeHealthRoutes(deps: ProgrammeHealthRoutesDeps) {
  const { health } = deps;
  const app = new Hono<AuthEnv>();
  const auth = requireAuth(deps.authenticator);
  for (const path of [
    '/programmes/:id/health',
    '/programmes/:id/health/*',
    '/programmes/:id/report',
    '/programmes/:id/report.csv',
    '/programmes/:id/pairs/:pairId/nudge',
    '/programmes/:id/participants/:personId/remind',
    '/manager/*',
  ]) {
    app.use(path, auth);
  }
  const filters = (c: Context<AuthEnv>): HealthQuery =>
    parseWith(
      healthQuerySchema,
      {
        ...(c.req.query('department') ? { department: c.req.query('department') } : {}),
        ...(c.req.query('startMonth') ? { startMonth: c.req.query('startMonth') } : {}),
      },
      'query',
    );

  app.get('/programmes/:id/health', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await health.health(c.var.principal, c.req.param('id'), filters(c)));
  });
  app.post('/programmes/:id/health/refresh', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await health.refresh(c.var.principal, c.req.param('id'), filters(c)));
  });
  app.post('/programmes/:id/pairs/:pairId/nudge', async (c) => {
    const raw = await c.req.text();
    let json: unknown = {};
    if (raw.trim() !== '') {
      try {
        json = JSON.parse(raw);
      } catch {
        throw new DomainError('validation_failed', 'The request body is not valid JSON.');
      }
    }
    const body = parseWith(nudgeBodySchema, json, 'body');
    return c.json(
      await health.nudge(c.var.principal, c.req.param('id'), c.req.param('pairId'), body),
    );
  });
  app.post('/programmes/:id/participants/:personId/remind', async (c) =>
    c.json(await health.remind(c.var.principal, c.req.param('id'), c.req.param('personId'))),
  );
  app.get('/programmes/:id/report', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await health.report(c.var.principal, c.req.param('id')));
  });
  app.get('/programmes/:id/report.csv', async (c) => {
    const { locale } = parseWith(
      reportCsvQuerySchema,
      c.req.query('locale') ? { locale: c.req.query('locale') } : {},
      'query',
    );
    const csv = await health.reportCsv(c.var.principal, c.req.param('id'), locale);
    const id = c.req.param('id').replace(/[^A-Za-z0-9_-]/g, '');
    c.header('Cache-Control', 'no-store');
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header(
      'Content-Disposition',
      `attachment; filename="${locale === 'fr' ? 'bilan' : 'report'}-${id}.csv"`,
    );
    return c.body(csv);
  });
  app.get('/manager/reports', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await health.managerReports(c.var.principal));
  });
  return app;
}
