import { Hono } from 'hono';
import type { ApprovalService } from '../services/approval-service';
import type { Authenticator } from '../services/auth/principal';
import { approvalApi } from '../contracts/approvals';
import type { AuthEnv } from './auth-middleware';
import { declaredRoutes } from './declared-routes';
import { expectedVersion, withEtag } from './versioning';

export type ApprovalRoutesDeps = {
  authenticator: Authenticator;
  approvals: ApprovalService;
};

/** A manager's approvals (declared in src/contracts/approvals.ts: `approvalApi`). */
export function approvalRoutes(deps: ApprovalRoutesDeps) {
  const app = new Hono<AuthEnv>();
  const on = declaredRoutes(app, deps.authenticator);

  on(approvalApi.list, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await deps.approvals.ofManager(c.var.principal));
  });

  on(approvalApi.decide, async (c, { params, body }) => {
    const answer = await deps.approvals.decideForTab(
      c.var.principal,
      params.id,
      body.decision,
      body.comment,
      expectedVersion(c, body.version),
    );
    withEtag(c, answer.approval.version);
    return c.json(answer);
  });

  return app;
}
