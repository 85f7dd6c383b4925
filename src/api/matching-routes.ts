import { Hono, type MiddlewareHandler } from 'hono';
import type { Authenticator } from '../services/auth/principal';
import type { MatchingService, ReviewView } from '../services/matching/matching-service';
import { requireAuth, type AuthEnv } from './auth-middleware';
import { parseJson, parseWith } from './http-errors';
import {
  answerBodySchema,
  localeQuerySchema,
  pairBodySchema,
  reviewQuerySchema,
  swapBodySchema,
} from '../contracts/matching';

export type MatchingRoutesDeps = { matching: MatchingService; authenticator: Authenticator };

/** Authenticates unless an earlier middleware already did (this router is mounted beside others). */
function authenticated(authenticator: Authenticator): MiddlewareHandler<AuthEnv> {
  const auth = requireAuth(authenticator);
  return async (c, next) => {
    if (c.get('principal')) return next();
    return auth(c, next);
  };
}

/** The pages of the review the lead asked for (`?page=&unmatchedPage=&pageSize=`). */
function view(query: Record<string, string>): ReviewView {
  const { page, unmatchedPage, pageSize } = parseWith(reviewQuerySchema, query, 'query');
  return {
    ...(page !== undefined ? { page } : {}),
    ...(unmatchedPage !== undefined ? { unmatchedPage } : {}),
    ...(pageSize !== undefined ? { pageSize } : {}),
  };
}

/** The matching flow (route table: src/contracts/matching.ts). */
export function matchingRoutes(deps: MatchingRoutesDeps) {
  const { matching } = deps;
  const app = new Hono<AuthEnv>();
  const auth = authenticated(deps.authenticator);
  const noStore: MiddlewareHandler = async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  };
  for (const path of ['/programmes/:id/matching', '/programmes/:id/matching/*', '/proposals/*']) {
    app.use(path, auth, noStore);
  }

  app.post('/programmes/:id/matching/runs', async (c) =>
    c.json(await matching.startRun(c.var.principal, c.req.param('id')), 202),
  );
  app.get('/programmes/:id/matching/runs/:runId', async (c) =>
    c.json(await matching.getRun(c.var.principal, c.req.param('id'), c.req.param('runId'))),
  );
  app.get('/programmes/:id/matching', async (c) =>
    c.json(await matching.review(c.var.principal, c.req.param('id'), view(c.req.query()))),
  );
  app.get('/programmes/:id/matching/volunteers', async (c) =>
    c.json(await matching.volunteers(c.var.principal, c.req.param('id'))),
  );
  app.post('/programmes/:id/matching/accept-all', async (c) =>
    c.json(await matching.acceptAll(c.var.principal, c.req.param('id'), view(c.req.query()))),
  );
  app.post('/programmes/:id/matching/swap', async (c) => {
    const body = await parseJson(c, swapBodySchema);
    return c.json(
      await matching.swap(
        c.var.principal,
        c.req.param('id'),
        body.proposalIds,
        view(c.req.query()),
      ),
    );
  });
  app.post('/programmes/:id/matching/pins', async (c) => {
    const body = await parseJson(c, pairBodySchema);
    return c.json(
      await matching.pin(c.var.principal, c.req.param('id'), body, view(c.req.query())),
    );
  });
  app.post('/programmes/:id/matching/blocks', async (c) => {
    const body = await parseJson(c, pairBodySchema);
    return c.json(
      await matching.block(c.var.principal, c.req.param('id'), body, view(c.req.query())),
    );
  });
  app.delete('/programmes/:id/matching/pins/:mentorId/:menteeId', async (c) => {
    const pair = parseWith(pairBodySchema, c.req.param(), 'path');
    return c.json(
      await matching.unpin(c.var.principal, c.req.param('id'), pair, view(c.req.query())),
    );
  });
  app.delete('/programmes/:id/matching/blocks/:mentorId/:menteeId', async (c) => {
    const pair = parseWith(pairBodySchema, c.req.param(), 'path');
    return c.json(
      await matching.unblock(c.var.principal, c.req.param('id'), pair, view(c.req.query())),
    );
  });
  app.post('/programmes/:id/matching/publish', async (c) =>
    c.json(await matching.publish(c.var.principal, c.req.param('id'))),
  );

  app.get('/proposals/mine', async (c) => {
    const query = parseWith(localeQuerySchema, c.req.query(), 'query');
    return c.json(await matching.mine(c.var.principal, query.locale));
  });
  app.post('/proposals/:proposalId/answer', async (c) => {
    const body = await parseJson(c, answerBodySchema);
    const query = parseWith(localeQuerySchema, c.req.query(), 'query');
    return c.json(
      await matching.answer(c.var.principal, c.req.param('proposalId'), body.answer, query.locale),
    );
  });
  return app;
}
