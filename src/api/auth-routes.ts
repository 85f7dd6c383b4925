import { Hono } from 'hono';
import type { AuthConfigResponse } from '../contracts/identity';
import { devSignInBodySchema } from '../contracts/identity';
import type { IdentityService } from '../services/people/identity-service';
import type { Authenticator } from '../services/auth/principal';
import { requireAuth, type AuthEnv } from './auth-middleware';
import { requireDirectlyLocal } from './local-only';
import { parseJson } from './http-errors';

export type AuthRoutesDeps = {
  identity: IdentityService;
  authenticator: Authenticator;
  config: AuthConfigResponse;
  /** The app's public address: a page there may call the development sign-in. */
  publicUrl: string;
};

/** `/auth/config`, `/dev/personas`, `/dev/sign-in` (when enabled) and `/me`. */
export function authRoutes(deps: AuthRoutesDeps) {
  const app = new Hono<AuthEnv>();
  app.get('/auth/config', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(deps.config);
  });
  if (deps.config.devSignIn) {
    app.use('/dev/*', requireDirectlyLocal('Development sign-in', deps.publicUrl));
    app.get('/dev/personas', async (c) => c.json(await deps.identity.personas()));
    app.post('/dev/sign-in', async (c) => {
      const body = await parseJson(c, devSignInBodySchema);
      c.header('Cache-Control', 'no-store');
      return c.json(await deps.identity.devSignIn(body.personId));
    });
  }
  app.get('/me', requireAuth(deps.authenticator), async (c) =>
    c.json(await deps.identity.me(c.var.principal)),
  );
  return app;
}
