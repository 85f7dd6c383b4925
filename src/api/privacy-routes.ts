import { Hono } from 'hono';
import { auditQuerySchema, eraseBodySchema, retentionBodySchema } from '../contracts/privacy';
import type { Authenticator } from '../services/auth/principal';
import type { AuditService } from '../services/privacy/audit-service';
import type { ErasureService } from '../services/privacy/erasure-service';
import type { PersonalDataExporter } from '../services/privacy/personal-data-export';
import type { RetentionService } from '../services/privacy/retention-service';
import { requireAuth, type AuthEnv } from './auth-middleware';
import { parseJson, parseWith } from './http-errors';
import { expectedVersion, withEtag } from './versioning';

export type PrivacyRoutesDeps = {
  authenticator: Authenticator;
  exporter: PersonalDataExporter;
  erasure: ErasureService;
  retention: RetentionService;
  audit: AuditService;
};

/**
 * Personal data (route table: src/contracts/privacy.ts): export, erasure, retention and the audit
 * log. The audit log is read-only here: no route writes, changes or deletes an entry.
 */
export function privacyRoutes(deps: PrivacyRoutesDeps) {
  const app = new Hono<AuthEnv>();
  const auth = requireAuth(deps.authenticator);
  // /programmes/* is authenticated where the programme routes are mounted (api-routes.ts).
  for (const path of ['/me/export', '/me/erase', '/people/*', '/audit']) app.use(path, auth);

  app.get('/me/export', async (c) => {
    const exported = await deps.exporter.export(c.var.principal);
    c.header('Cache-Control', 'no-store');
    c.header(
      'Content-Disposition',
      `attachment; filename="mentoring-data-${exported.exportedAt.slice(0, 10)}.json"`,
    );
    return c.json(exported);
  });

  app.post('/me/erase', async (c) => {
    await parseJson(c, eraseBodySchema);
    c.header('Cache-Control', 'no-store');
    return c.json(await deps.erasure.eraseSelf(c.var.principal));
  });

  app.post('/people/:personId/erase', async (c) => {
    await parseJson(c, eraseBodySchema);
    c.header('Cache-Control', 'no-store');
    return c.json(await deps.erasure.eraseByLead(c.var.principal, c.req.param('personId')));
  });

  app.get('/programmes/:id/retention', async (c) => {
    const view = await deps.retention.get(c.var.principal, c.req.param('id'));
    withEtag(c, view.version);
    return c.json(view);
  });

  app.put('/programmes/:id/retention', async (c) => {
    const body = await parseJson(c, retentionBodySchema);
    const version = expectedVersion(c, body.version);
    const view = await deps.retention.set(c.var.principal, c.req.param('id'), {
      ...body,
      ...(version ? { version } : {}),
    });
    withEtag(c, view.version);
    return c.json(view);
  });

  app.get('/audit', async (c) => {
    const query = parseWith(auditQuerySchema, c.req.query(), 'query');
    c.header('Cache-Control', 'no-store');
    return c.json(await deps.audit.list(c.var.principal, query));
  });

  return app;
}
