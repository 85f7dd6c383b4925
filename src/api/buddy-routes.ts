import { Hono, type Context } from 'hono';
import {
  buddySettingsBodySchema,
  closeBodySchema,
  helpRequestBodySchema,
  thanksBodySchema,
} from '../contracts/buddy';
import type { Authenticator } from '../services/auth/principal';
import type { BuddyCaller, BuddyService } from '../services/buddy/buddy-service';
import { requireAuth, type AuthEnv } from './auth-middleware';
import { parseJson } from './http-errors';
import { expectedVersion } from './versioning';

export type BuddyRoutesDeps = {
  authenticator: Authenticator;
  buddy: BuddyService;
};

/** The caller, with the tab's language when it says (`?locale=fr|en`). */
function callerOf(c: Context<AuthEnv>): BuddyCaller {
  const { tenantId, personId } = c.var.principal;
  const locale = c.req.query('locale');
  return { tenantId, personId, ...(locale === 'fr' || locale === 'en' ? { locale } : {}) };
}

/** Optional JSON body: none, or an empty one, reads as `{}`. */
async function optionalJson<T>(
  c: Context,
  parse: (c: Context) => Promise<T>,
  empty: T,
): Promise<T> {
  const length = c.req.header('content-length');
  if (length === '0' || (!length && !c.req.header('content-type'))) return empty;
  return parse(c);
}

/** Quick help from a digital buddy (route table: src/contracts/buddy.ts). */
export function buddyRoutes(deps: BuddyRoutesDeps) {
  const app = new Hono<AuthEnv>();
  app.use('/buddy/*', requireAuth(deps.authenticator));
  const { buddy } = deps;

  app.get('/buddy/me', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await buddy.me(callerOf(c)));
  });

  app.put('/buddy/me', async (c) => {
    const body = await parseJson(c, buddySettingsBodySchema);
    const version = expectedVersion(c, body.version);
    return c.json(await buddy.saveMe(callerOf(c), { ...body, ...(version ? { version } : {}) }));
  });

  app.post('/buddy/requests', async (c) => {
    const body = await parseJson(c, helpRequestBodySchema);
    const answer = await buddy.ask(callerOf(c), body);
    return c.json(answer, answer.merged ? 200 : 201);
  });

  app.get('/buddy/requests/mine', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ requests: await buddy.myRequests(callerOf(c)) });
  });

  app.get('/buddy/offers/mine', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ offers: await buddy.myOffers(callerOf(c)) });
  });

  app.post('/buddy/offers/:requestId/accept', async (c) =>
    c.json({ offer: await buddy.accept(callerOf(c), c.req.param('requestId')) }),
  );

  app.post('/buddy/offers/:requestId/pass', async (c) =>
    c.json({ offer: await buddy.pass(callerOf(c), c.req.param('requestId')) }),
  );

  app.post('/buddy/requests/:id/close', async (c) => {
    const body = await optionalJson(c, (ctx) => parseJson(ctx, closeBodySchema), {});
    return c.json(await buddy.close(callerOf(c), c.req.param('id'), body.helped));
  });

  app.post('/buddy/requests/:id/thanks', async (c) => {
    const body = await parseJson(c, thanksBodySchema);
    return c.json(await buddy.thanks(callerOf(c), c.req.param('id'), body.note));
  });

  app.post('/buddy/requests/:id/widen', async (c) =>
    c.json(await buddy.widen(callerOf(c), c.req.param('id'))),
  );

  app.post('/buddy/requests/:id/book', async (c) =>
    c.json(await buddy.book(callerOf(c), c.req.param('id'))),
  );

  return app;
}
