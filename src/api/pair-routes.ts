import { Hono, type Context } from 'hono';
import type { Authenticator } from '../services/auth/principal';
import type { PairService } from '../services/pairs/pair-service';
import type { ToolkitProvider } from '../toolkit/toolkit';
import { pairApi, type PairResponse } from '../contracts/pairs';
import type { AuthEnv } from './auth-middleware';
import { declaredRoutes } from './declared-routes';
import { expectedVersion as headerOrBodyVersion, withEtag } from './versioning';

/**
 * The version a write was made on. Compression makes the `ETag` header weak (`W/…`); a tab that
 * echoes the header back in `If-Match` means the same version.
 */
function expectedVersion(c: Context<AuthEnv>, bodyVersion?: string): string | undefined {
  return headerOrBodyVersion(c, bodyVersion)?.replace(/^W\//, '');
}

export type PairRoutesDeps = {
  authenticator: Authenticator;
  pairs: PairService;
  toolkit: ToolkitProvider;
};

/** The pair's journey (declared in src/contracts/pairs.ts: `pairApi`). */
export function pairRoutes(deps: PairRoutesDeps) {
  const { pairs } = deps;
  const app = new Hono<AuthEnv>();
  const on = declaredRoutes(app, deps.authenticator);

  const send = (c: Context<AuthEnv>, view: PairResponse, status: 200 | 201 = 200) => {
    withEtag(c, view.version);
    return c.json(view, status);
  };

  on(pairApi.mine, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await pairs.mine(c.var.principal));
  });

  on(pairApi.dashboard, async (c, { params }) => {
    const view = await pairs.dashboard(c.var.principal, params.id);
    withEtag(c, view.version);
    return c.json(view);
  });

  on(pairApi.editAgreement, async (c, { params, body }) => {
    return send(
      c,
      await pairs.editAgreement(c.var.principal, params.id, body, expectedVersion(c, body.version)),
    );
  });

  on(pairApi.sign, async (c, { params, body }) => {
    return send(
      c,
      await pairs.sign(c.var.principal, params.id, body.revision, expectedVersion(c, body.version)),
    );
  });

  on(pairApi.planSession, async (c, { params, body }) => {
    const version = expectedVersion(c, body.version);
    return send(
      c,
      await pairs.planSession(c.var.principal, params.id, {
        ...body,
        ...(version !== undefined ? { version } : {}),
      }),
      201,
    );
  });

  on(pairApi.setSessionStatus, async (c, { params, body }) => {
    return send(
      c,
      await pairs.setSessionStatus(
        c.var.principal,
        params.id,
        params.sessionId,
        body.status,
        expectedVersion(c, body.version),
      ),
    );
  });

  on(pairApi.editSessionNotes, async (c, { params, body }) => {
    const changes = {
      ...(body.agenda !== undefined ? { agenda: body.agenda } : {}),
      ...(body.sharedNotes !== undefined ? { sharedNotes: body.sharedNotes } : {}),
    };
    return send(
      c,
      await pairs.editSessionNotes(
        c.var.principal,
        params.id,
        params.sessionId,
        changes,
        expectedVersion(c, body.version),
      ),
    );
  });

  on(pairApi.savePrivateNote, async (c, { params, body }) => {
    const response = await pairs.savePrivateNote(
      c.var.principal,
      params.id,
      params.sessionId,
      body.text,
      expectedVersion(c, body.version),
    );
    withEtag(c, response.note.version);
    return c.json(response);
  });

  on(pairApi.addActionItem, async (c, { params, body }) => {
    const version = expectedVersion(c, body.version);
    return send(
      c,
      await pairs.addActionItem(c.var.principal, params.id, params.sessionId, {
        ...body,
        ...(version !== undefined ? { version } : {}),
      }),
      201,
    );
  });

  on(pairApi.setActionItemDone, async (c, { params, body }) => {
    return send(
      c,
      await pairs.setActionItemDone(
        c.var.principal,
        params.id,
        params.sessionId,
        params.itemId,
        body.done,
        expectedVersion(c, body.version),
      ),
    );
  });

  on(pairApi.giveFeedback, async (c, { params, body }) => {
    const version = expectedVersion(c, body.version);
    return send(
      c,
      await pairs.giveFeedback(c.var.principal, params.id, params.sessionId, {
        ...body,
        ...(version !== undefined ? { version } : {}),
      }),
    );
  });

  on(pairApi.recordAssessment, async (c, { params, body }) => {
    const version = expectedVersion(c, body.version);
    return send(
      c,
      await pairs.recordAssessment(c.var.principal, params.id, {
        ...body,
        ...(version !== undefined ? { version } : {}),
      }),
    );
  });

  on(pairApi.pause, async (c, { params, body }) => {
    return send(
      c,
      await pairs.transition(
        c.var.principal,
        params.id,
        { type: 'pause', until: body.until },
        expectedVersion(c, body.version),
      ),
    );
  });
  on(pairApi.resume, async (c, { params, body }) => {
    const version = expectedVersion(c, body?.version);
    return send(c, await pairs.transition(c.var.principal, params.id, { type: 'resume' }, version));
  });
  on(pairApi.complete, async (c, { params, body }) => {
    const version = expectedVersion(c, body?.version);
    return send(
      c,
      await pairs.transition(c.var.principal, params.id, { type: 'complete' }, version),
    );
  });
  on(pairApi.end, async (c, { params, body }) => {
    return send(
      c,
      await pairs.transition(
        c.var.principal,
        params.id,
        { type: 'end', reason: body.reason },
        expectedVersion(c, body.version),
      ),
    );
  });

  on(pairApi.flagged, async (c, { params }) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await pairs.flagged(c.var.principal, params.id));
  });

  on(pairApi.toolkit, (c, { query }) => {
    c.header('Cache-Control', 'private, max-age=3600');
    return c.json(deps.toolkit(query.locale));
  });

  return app;
}
