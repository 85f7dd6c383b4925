import { Hono } from 'hono';
import { programmeHealthApi } from '../contracts/health';
import type { Authenticator } from '../services/auth/principal';
import type { HealthService } from '../services/health/health-service';
import type { AuthEnv } from './auth-middleware';
import { declaredRoutes } from './declared-routes';

export type ProgrammeHealthRoutesDeps = {
  authenticator: Authenticator;
  health: HealthService;
};

/** Programme health, the bilan and the manager's reports (declared: `programmeHealthApi`). */
export function programmeHealthRoutes(deps: ProgrammeHealthRoutesDeps) {
  const { health } = deps;
  const app = new Hono<AuthEnv>();
  const on = declaredRoutes(app, deps.authenticator);

  on(programmeHealthApi.health, async (c, { params, query }) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await health.health(c.var.principal, params.id, query));
  });
  on(programmeHealthApi.refresh, async (c, { params, query }) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await health.refresh(c.var.principal, params.id, query));
  });
  on(programmeHealthApi.nudge, async (c, { params, body }) =>
    c.json(await health.nudge(c.var.principal, params.id, params.pairId, body ?? {})),
  );
  on(programmeHealthApi.remind, async (c, { params }) =>
    c.json(await health.remind(c.var.principal, params.id, params.personId)),
  );
  on(programmeHealthApi.report, async (c, { params }) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await health.report(c.var.principal, params.id));
  });
  on(programmeHealthApi.reportCsv, async (c, { params, query: { locale } }) => {
    const csv = await health.reportCsv(c.var.principal, params.id, locale);
    const id = params.id.replace(/[^A-Za-z0-9_-]/g, '');
    c.header('Cache-Control', 'no-store');
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header(
      'Content-Disposition',
      `attachment; filename="${locale === 'fr' ? 'bilan' : 'report'}-${id}.csv"`,
    );
    return c.body(csv);
  });
  on(programmeHealthApi.managerReports, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await health.managerReports(c.var.principal));
  });
  return app;
}
