import { Hono } from 'hono';
import type { ApprovalService } from '../services/approval-service';
import type { Authenticator } from '../services/auth/principal';
import { approvalDecisionBodySchema } from '../contracts/approvals';
import { requireAuth, type AuthEnv } from './auth-middleware';
import { parseJson } from './http-errors';
import { expectedVersion, withEtag } from './versioning';

export type ApprovalRoutesDeps = {
  authenticator: Authenticator;
  approvals: ApprovalService;
};

/** A manager's approvals (route table: src/contracts/approvals.ts); every route is authenticated. */
export function approvalRoutes(deps: ApprovalRoutesDeps) {
  const app = new Hono<AuthEnv>();
  const auth = requireAuth(deps.authenticator);
  for (const path of ['/approvals', '/approvals/*']) app.use(path, auth);

  app.get('/approvals', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await deps.approvals.ofManager(c.var.principal));
  });

  app.post('/approvals/:id/decision', async (c) => {
    const body = await parseJson(c, approvalDecisionBodySchema);
    const answer = await deps.approvals.decideForTab(
      c.var.principal,
      c.req.param('id'),
      body.decision,
      body.comment,
      expectedVersion(c, body.version),
    );
    withEtag(c, answer.approval.version);
    return c.json(answer);
  });

  return app;
}
