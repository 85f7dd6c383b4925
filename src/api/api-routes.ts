import { Hono } from 'hono';
import type { Authenticator } from '../services/auth/principal';
import type { IdentityService } from '../services/people/identity-service';
import type { ImportService } from '../services/import/import-service';
import type { ProfileService } from '../services/programmes/profile-service';
import type { ProgrammeService } from '../services/programmes/programme-service';
import type { AuthEnv } from './auth-middleware';
import { authRoutes } from './auth-routes';
import type { AuthConfigResponse } from '../contracts/identity';
import { importRoutes } from './import-routes';
import { profileRoutes } from './profile-routes';
import { programmeRoutes } from './programme-routes';

export type ApiRoutesDeps = {
  authenticator: Authenticator;
  authConfig: AuthConfigResponse;
  /** The app's public address (development sign-in accepts pages from there). */
  publicUrl: string;
  identity: IdentityService;
  programmes: ProgrammeService;
  profiles: ProfileService;
  imports: ImportService;
};

/** The tab's API, mounted under /api by createHttpApp (routes declared in src/contracts/*.ts). */
export function createApiRoutes(deps: ApiRoutesDeps) {
  const api = new Hono<AuthEnv>();
  api.route(
    '/',
    authRoutes({
      identity: deps.identity,
      authenticator: deps.authenticator,
      config: deps.authConfig,
      publicUrl: deps.publicUrl,
    }),
  );
  const { authenticator } = deps;
  api.route('/', programmeRoutes({ authenticator, programmes: deps.programmes }));
  api.route('/', profileRoutes({ authenticator, profiles: deps.profiles }));
  api.route('/', importRoutes({ authenticator, imports: deps.imports }));
  return new Hono().route('/', api);
}
