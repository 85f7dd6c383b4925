import { Hono, type Context } from 'hono';
import { DomainError } from '../domain/errors';
import type { Authenticator } from '../services/auth/principal';
import type { ProfileService } from '../services/programmes/profile-service';
import { profileApi, type ProfileResponse } from '../contracts/profiles';
import type { AuthEnv } from './auth-middleware';
import { declaredRoutes } from './declared-routes';
import { expectedVersion, withEtag } from './versioning';

export type ProfileRoutesDeps = {
  authenticator: Authenticator;
  profiles: ProfileService;
};

/** Each person's profile in a programme (declared in src/contracts/profiles.ts: `profileApi`). */
export function profileRoutes(deps: ProfileRoutesDeps) {
  const { profiles } = deps;
  const app = new Hono<AuthEnv>();
  const on = declaredRoutes(app, deps.authenticator);
  const send = (c: Context<AuthEnv>, view: ProfileResponse) => {
    withEtag(c, view.version);
    return c.json(view);
  };

  on(profileApi.mine, async (c, { params }) =>
    send(c, await profiles.mine(c.var.principal, params.id)),
  );
  on(profileApi.editMine, async (c, { params, body }) => {
    const principal = c.var.principal;
    return send(
      c,
      await profiles.edit(
        principal,
        params.id,
        principal.personId,
        body,
        expectedVersion(c, body.version),
      ),
    );
  });
  on(profileApi.optIn, async (c, { params, body }) =>
    send(
      c,
      await profiles.optIn(
        c.var.principal,
        params.id,
        body.consentTextVersion,
        expectedVersion(c, body.version),
      ),
    ),
  );
  on(profileApi.pause, async (c, { params, body }) =>
    send(
      c,
      await profiles.pause(
        c.var.principal,
        params.id,
        body.until,
        expectedVersion(c, body.version),
      ),
    ),
  );
  // The moves take an optional body (`{ version }`); an empty body is fine.
  on(profileApi.resume, async (c, { params, body }) =>
    send(c, await profiles.resume(c.var.principal, params.id, expectedVersion(c, body?.version))),
  );
  on(profileApi.leave, async (c, { params, body }) =>
    send(c, await profiles.leave(c.var.principal, params.id, expectedVersion(c, body?.version))),
  );

  on(profileApi.of, async (c, { params }) =>
    send(c, await profiles.of(c.var.principal, params.id, params.personId)),
  );
  on(profileApi.edit, async (c, { params, body }) => {
    // Nobody edits someone else's profile, leads included (the service checks it too).
    if (params.personId !== c.var.principal.personId) {
      throw new DomainError('forbidden', 'You can only change your own profile.');
    }
    return send(
      c,
      await profiles.edit(
        c.var.principal,
        params.id,
        params.personId,
        body,
        expectedVersion(c, body.version),
      ),
    );
  });
  return app;
}
