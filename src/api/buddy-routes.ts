import { Hono, type Context } from 'hono';
import { buddyApi, type BuddyQuery } from '../contracts/buddy';
import type { Authenticator } from '../services/auth/principal';
import type { BuddyCaller, BuddyService } from '../services/buddy/buddy-service';
import type { AuthEnv } from './auth-middleware';
import { declaredRoutes } from './declared-routes';
import { expectedVersion } from './versioning';

export type BuddyRoutesDeps = {
  authenticator: Authenticator;
  buddy: BuddyService;
};

/** The caller, with the tab's language when it says (`?locale=fr|en`). */
function callerOf(c: Context<AuthEnv>, { locale }: BuddyQuery): BuddyCaller {
  const { tenantId, personId } = c.var.principal;
  return { tenantId, personId, ...(locale ? { locale } : {}) };
}

/** Quick help from a digital buddy (declared in src/contracts/buddy.ts: `buddyApi`). */
export function buddyRoutes(deps: BuddyRoutesDeps) {
  const app = new Hono<AuthEnv>();
  const on = declaredRoutes(app, deps.authenticator);
  const { buddy } = deps;

  on(buddyApi.me, async (c, { query }) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await buddy.me(callerOf(c, query)));
  });

  on(buddyApi.saveMe, async (c, { query, body }) => {
    const version = expectedVersion(c, body.version);
    return c.json(
      await buddy.saveMe(callerOf(c, query), { ...body, ...(version ? { version } : {}) }),
    );
  });

  on(buddyApi.ask, async (c, { query, body }) => {
    const answer = await buddy.ask(callerOf(c, query), body);
    return c.json(answer, answer.merged ? 200 : 201);
  });

  on(buddyApi.myRequests, async (c, { query }) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ requests: await buddy.myRequests(callerOf(c, query)) });
  });

  on(buddyApi.myOffers, async (c, { query }) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ offers: await buddy.myOffers(callerOf(c, query)) });
  });

  on(buddyApi.accept, async (c, { params, query }) =>
    c.json({ offer: await buddy.accept(callerOf(c, query), params.requestId) }),
  );

  on(buddyApi.pass, async (c, { params, query }) =>
    c.json({ offer: await buddy.pass(callerOf(c, query), params.requestId) }),
  );

  on(buddyApi.close, async (c, { params, query, body }) =>
    c.json(await buddy.close(callerOf(c, query), params.id, body?.helped)),
  );

  on(buddyApi.thanks, async (c, { params, query, body }) =>
    c.json(await buddy.thanks(callerOf(c, query), params.id, body.note)),
  );

  on(buddyApi.widen, async (c, { params, query }) =>
    c.json(await buddy.widen(callerOf(c, query), params.id)),
  );

  on(buddyApi.book, async (c, { params, query }) =>
    c.json(await buddy.book(callerOf(c, query), params.id)),
  );

  return app;
}
