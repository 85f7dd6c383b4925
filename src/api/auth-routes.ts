import { Hono } from 'hono';
import { identityApi, type AuthConfigResponse } from '../contracts/identity';
import type { IdentityService } from '../services/people/identity-service';
import type { Authenticator } from '../services/auth/principal';
import type { AuthEnv } from './auth-middleware';
import { declaredRoutes } from './declared-routes';
import { requireDirectlyLocal } from './local-only';

export type AuthRoutesDeps = {
  identity: IdentityService;
  authenticator: Authenticator;
  config: AuthConfigResponse;
  /** The app's public address: a page there may call the development sign-in. */
  publicUrl: string;
};

/** `/auth/config`, `/dev/personas`, `/dev/sign-in` (when enabled) and `/me` (`identityApi`). */
export function authRoutes(deps: AuthRoutesDeps) {
  const app = new Hono<AuthEnv>();
  const on = declaredRoutes(app, deps.authenticator);
  on(identityApi.authConfig, (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(deps.config);
  });
  if (deps.config.devSignIn) {
    // `local_dev`: the declaration takes no token; this middleware refuses what is not local.
    app.use('/dev/*', requireDirectlyLocal('Development sign-in', deps.publicUrl));
    on(identityApi.personas, async (c) => c.json(await deps.identity.personas()));
    on(identityApi.devSignIn, async (c, { body }) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await deps.identity.devSignIn(body.personId));
    });
  }
  on(identityApi.me, async (c) => c.json(await deps.identity.me(c.var.principal)));
  return app;
}
