import { Hono, type MiddlewareHandler } from 'hono';
import { matchingApi, type ReviewQuery } from '../contracts/matching';
import type { Authenticator } from '../services/auth/principal';
import type { MatchingService, ReviewView } from '../services/matching/matching-service';
import type { AuthEnv } from './auth-middleware';
import { declaredRoutes } from './declared-routes';

export type MatchingRoutesDeps = { matching: MatchingService; authenticator: Authenticator };

/** The pages of the review the lead asked for (`?page=&unmatchedPage=&pageSize=`). */
function view({ page, unmatchedPage, pageSize }: ReviewQuery): ReviewView {
  return {
    ...(page !== undefined ? { page } : {}),
    ...(unmatchedPage !== undefined ? { unmatchedPage } : {}),
    ...(pageSize !== undefined ? { pageSize } : {}),
  };
}

/** The matching flow (declared in src/contracts/matching.ts: `matchingApi`). */
export function matchingRoutes(deps: MatchingRoutesDeps) {
  const { matching } = deps;
  const app = new Hono<AuthEnv>();
  // Every answer of the flow, refusals included, is about one person or one review: never cached.
  const noStore: MiddlewareHandler = async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  };
  for (const path of ['/programmes/:id/matching', '/programmes/:id/matching/*', '/proposals/*']) {
    app.use(path, noStore);
  }
  const on = declaredRoutes(app, deps.authenticator);

  on(matchingApi.startRun, async (c, { params }) =>
    c.json(await matching.startRun(c.var.principal, params.id), 202),
  );
  on(matchingApi.run, async (c, { params }) =>
    c.json(await matching.getRun(c.var.principal, params.id, params.runId)),
  );
  on(matchingApi.review, async (c, { params, query }) =>
    c.json(await matching.review(c.var.principal, params.id, view(query))),
  );
  on(matchingApi.volunteers, async (c, { params }) =>
    c.json(await matching.volunteers(c.var.principal, params.id)),
  );
  on(matchingApi.acceptAll, async (c, { params, query }) =>
    c.json(await matching.acceptAll(c.var.principal, params.id, view(query))),
  );
  on(matchingApi.swap, async (c, { params, query, body }) =>
    c.json(await matching.swap(c.var.principal, params.id, body.proposalIds, view(query))),
  );
  on(matchingApi.pin, async (c, { params, query, body }) =>
    c.json(await matching.pin(c.var.principal, params.id, body, view(query))),
  );
  on(matchingApi.block, async (c, { params, query, body }) =>
    c.json(await matching.block(c.var.principal, params.id, body, view(query))),
  );
  on(matchingApi.unpin, async (c, { params: { id, ...pair }, query }) =>
    c.json(await matching.unpin(c.var.principal, id, pair, view(query))),
  );
  on(matchingApi.unblock, async (c, { params: { id, ...pair }, query }) =>
    c.json(await matching.unblock(c.var.principal, id, pair, view(query))),
  );
  on(matchingApi.publish, async (c, { params }) =>
    c.json(await matching.publish(c.var.principal, params.id)),
  );

  on(matchingApi.mine, async (c, { query }) =>
    c.json(await matching.mine(c.var.principal, query.locale)),
  );
  on(matchingApi.answer, async (c, { params, query, body }) =>
    c.json(await matching.answer(c.var.principal, params.proposalId, body.answer, query.locale)),
  );
  return app;
}
