import { Hono } from 'hono';
import type { Authenticator } from '../services/auth/principal';
import type { ProgrammeService } from '../services/programmes/programme-service';
import { programmeApi } from '../contracts/programmes';
import type { AuthEnv } from './auth-middleware';
import { declaredRoutes } from './declared-routes';
import { expectedVersion, withEtag } from './versioning';

export type ProgrammeRoutesDeps = {
  authenticator: Authenticator;
  programmes: ProgrammeService;
};

/** Programmes (declared in src/contracts/programmes.ts: `programmeApi`). */
export function programmeRoutes(deps: ProgrammeRoutesDeps) {
  const { programmes } = deps;
  const app = new Hono<AuthEnv>();
  const on = declaredRoutes(app, deps.authenticator);

  on(programmeApi.list, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await programmes.list(c.var.principal));
  });
  on(programmeApi.create, async (c, { body }) => {
    const view = await programmes.create(c.var.principal, body);
    withEtag(c, view.canManage ? view.version : null);
    return c.json(view, 201);
  });
  on(programmeApi.get, async (c, { params }) => {
    const view = await programmes.get(c.var.principal, params.id);
    withEtag(c, view.canManage ? view.version : null);
    return c.json(view);
  });
  on(programmeApi.edit, async (c, { params, body }) => {
    const view = await programmes.edit(
      c.var.principal,
      params.id,
      body,
      expectedVersion(c, body.version),
    );
    withEtag(c, view.canManage ? view.version : null);
    return c.json(view);
  });
  on(programmeApi.move, async (c, { params, body }) => {
    const view = await programmes.transition(
      c.var.principal,
      params.id,
      body.to,
      expectedVersion(c, body.version),
    );
    withEtag(c, view.canManage ? view.version : null);
    return c.json(view);
  });
  on(programmeApi.readiness, async (c, { params }) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await programmes.readiness(c.var.principal, params.id));
  });
  on(programmeApi.participants, async (c, { params }) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await programmes.participants(c.var.principal, params.id));
  });
  return app;
}
