import { Hono } from 'hono';
import type { ProgrammeService } from '../services/programmes/programme-service';
import type { AuthEnv } from './auth-middleware';
import {
  programmeCreateBodySchema,
  programmeEditBodySchema,
  programmeStatusBodySchema,
} from '../contracts/programmes';
import { parseJson } from './http-errors';
import { expectedVersion, withEtag } from './versioning';

/** `/programmes[/:id]`, `/status`, `/readiness`, `/participants` (authenticated). */
export function programmeRoutes(programmes: ProgrammeService) {
  const app = new Hono<AuthEnv>();
  app.get('/programmes', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await programmes.list(c.var.principal));
  });
  app.post('/programmes', async (c) => {
    const body = await parseJson(c, programmeCreateBodySchema);
    const view = await programmes.create(c.var.principal, body);
    withEtag(c, view.canManage ? view.version : null);
    return c.json(view, 201);
  });
  app.get('/programmes/:id', async (c) => {
    const view = await programmes.get(c.var.principal, c.req.param('id'));
    withEtag(c, view.canManage ? view.version : null);
    return c.json(view);
  });
  app.put('/programmes/:id', async (c) => {
    const body = await parseJson(c, programmeEditBodySchema);
    const view = await programmes.edit(
      c.var.principal,
      c.req.param('id'),
      body,
      expectedVersion(c, body.version),
    );
    withEtag(c, view.canManage ? view.version : null);
    return c.json(view);
  });
  app.post('/programmes/:id/status', async (c) => {
    const body = await parseJson(c, programmeStatusBodySchema);
    const view = await programmes.transition(
      c.var.principal,
      c.req.param('id'),
      body.to,
      expectedVersion(c, body.version),
    );
    withEtag(c, view.canManage ? view.version : null);
    return c.json(view);
  });
  app.get('/programmes/:id/readiness', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await programmes.readiness(c.var.principal, c.req.param('id')));
  });
  app.get('/programmes/:id/participants', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await programmes.participants(c.var.principal, c.req.param('id')));
  });
  return app;
}
