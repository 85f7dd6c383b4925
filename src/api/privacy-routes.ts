import { Hono } from 'hono';
import { privacyApi } from '../contracts/privacy';
import type { Authenticator } from '../services/auth/principal';
import type { AuditService } from '../services/privacy/audit-service';
import type { ErasureService } from '../services/privacy/erasure-service';
import type { PersonalDataExporter } from '../services/privacy/personal-data-export';
import type { RetentionService } from '../services/privacy/retention-service';
import type { AuthEnv } from './auth-middleware';
import { declaredRoutes } from './declared-routes';
import { expectedVersion, withEtag } from './versioning';

export type PrivacyRoutesDeps = {
  authenticator: Authenticator;
  exporter: PersonalDataExporter;
  erasure: ErasureService;
  retention: RetentionService;
  audit: AuditService;
};

/**
 * Personal data (declared in src/contracts/privacy.ts: `privacyApi`): export, erasure, retention and the audit
 * log. The audit log is read-only here: no route writes, changes or deletes an entry.
 */
export function privacyRoutes(deps: PrivacyRoutesDeps) {
  const app = new Hono<AuthEnv>();
  const on = declaredRoutes(app, deps.authenticator);

  on(privacyApi.exportMine, async (c) => {
    const exported = await deps.exporter.export(c.var.principal);
    c.header('Cache-Control', 'no-store');
    c.header(
      'Content-Disposition',
      `attachment; filename="mentoring-data-${exported.exportedAt.slice(0, 10)}.json"`,
    );
    return c.json(exported);
  });

  // The body is only the confirmation, checked by the declaration.
  on(privacyApi.eraseMine, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await deps.erasure.eraseSelf(c.var.principal));
  });

  on(privacyApi.erasePerson, async (c, { params }) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await deps.erasure.eraseByLead(c.var.principal, params.personId));
  });

  on(privacyApi.retention, async (c, { params }) => {
    const view = await deps.retention.get(c.var.principal, params.id);
    withEtag(c, view.version);
    return c.json(view);
  });

  on(privacyApi.setRetention, async (c, { params, body }) => {
    const version = expectedVersion(c, body.version);
    const view = await deps.retention.set(c.var.principal, params.id, {
      ...body,
      ...(version ? { version } : {}),
    });
    withEtag(c, view.version);
    return c.json(view);
  });

  on(privacyApi.audit, async (c, { query }) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await deps.audit.list(c.var.principal, query));
  });

  return app;
}
