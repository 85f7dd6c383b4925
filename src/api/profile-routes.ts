import { Hono, type Context } from 'hono';
import { DomainError } from '../domain/errors';
import type { ProfileService } from '../services/programmes/profile-service';
import type { AuthEnv } from './auth-middleware';
import {
  optInBodySchema,
  pauseBodySchema,
  profileEditBodySchema,
  type ProfileResponse,
} from '../contracts/profiles';
import { versionBodySchema } from '../contracts/common';
import { parseJson } from './http-errors';
import { expectedVersion, withEtag } from './versioning';

/** `/programmes/:id/profile/me[...]` and `/programmes/:id/profiles/:personId` (authenticated). */
export function profileRoutes(profiles: ProfileService) {
  const app = new Hono<AuthEnv>();
  const me = '/programmes/:id/profile/me';
  const send = (c: Context<AuthEnv>, view: ProfileResponse) => {
    withEtag(c, view.version);
    return c.json(view);
  };
  /** The moves take an optional body (`{ version }`); an empty body is fine. */
  const optionalVersion = async (c: Context<AuthEnv>) => {
    const raw = await c.req.text();
    if (raw.trim() === '') return expectedVersion(c);
    const body = await parseJson(c, versionBodySchema);
    return expectedVersion(c, body.version);
  };

  app.get(me, async (c) => send(c, await profiles.mine(c.var.principal, c.req.param('id'))));
  app.put(me, async (c) => {
    const body = await parseJson(c, profileEditBodySchema);
    const principal = c.var.principal;
    return send(
      c,
      await profiles.edit(
        principal,
        c.req.param('id'),
        principal.personId,
        body,
        expectedVersion(c, body.version),
      ),
    );
  });
  app.post(`${me}/opt-in`, async (c) => {
    const body = await parseJson(c, optInBodySchema);
    return send(
      c,
      await profiles.optIn(
        c.var.principal,
        c.req.param('id'),
        body.consentTextVersion,
        expectedVersion(c, body.version),
      ),
    );
  });
  app.post(`${me}/pause`, async (c) => {
    const body = await parseJson(c, pauseBodySchema);
    return send(
      c,
      await profiles.pause(
        c.var.principal,
        c.req.param('id'),
        body.until,
        expectedVersion(c, body.version),
      ),
    );
  });
  app.post(`${me}/resume`, async (c) => {
    const version = await optionalVersion(c);
    return send(c, await profiles.resume(c.var.principal, c.req.param('id'), version));
  });
  app.post(`${me}/leave`, async (c) => {
    const version = await optionalVersion(c);
    return send(c, await profiles.leave(c.var.principal, c.req.param('id'), version));
  });

  app.get('/programmes/:id/profiles/:personId', async (c) =>
    send(c, await profiles.of(c.var.principal, c.req.param('id'), c.req.param('personId'))),
  );
  app.put('/programmes/:id/profiles/:personId', async (c) => {
    // Refused before the body is read: nobody edits someone else's profile, leads included.
    if (c.req.param('personId') !== c.var.principal.personId) {
      throw new DomainError('forbidden', 'You can only change your own profile.');
    }
    const body = await parseJson(c, profileEditBodySchema);
    return send(
      c,
      await profiles.edit(
        c.var.principal,
        c.req.param('id'),
        c.req.param('personId'),
        body,
        expectedVersion(c, body.version),
      ),
    );
  });
  return app;
}
