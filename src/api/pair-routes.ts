import { Hono, type Context } from 'hono';
import { DomainError } from '../domain/errors';
import type { Authenticator } from '../services/auth/principal';
import type { PairService } from '../services/pairs/pair-service';
import type { ToolkitProvider } from '../toolkit/toolkit';
import { requireAuth, type AuthEnv } from './auth-middleware';
import { versionBodySchema } from '../contracts/common';
import { parseJson, parseWith } from './http-errors';
import {
  actionItemCreateBodySchema,
  actionItemDoneBodySchema,
  agreementEditBodySchema,
  assessmentBodySchema,
  feedbackBodySchema,
  pairEndBodySchema,
  pairPauseBodySchema,
  privateNoteBodySchema,
  sessionCreateBodySchema,
  sessionNotesBodySchema,
  sessionStatusBodySchema,
  signBodySchema,
  toolkitQuerySchema,
  type PairResponse,
} from '../contracts/pairs';
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

/** The pair's journey (route table: src/contracts/pairs.ts); every route is authenticated. */
export function pairRoutes(deps: PairRoutesDeps) {
  const { pairs } = deps;
  const app = new Hono<AuthEnv>();
  const auth = requireAuth(deps.authenticator);
  for (const path of ['/pairs/*', '/toolkit', '/programmes/:id/pairs/*']) app.use(path, auth);

  const send = (c: Context<AuthEnv>, view: PairResponse, status: 200 | 201 = 200) => {
    withEtag(c, view.version);
    return c.json(view, status);
  };
  /** Resume and complete take an optional body (`{ version }`); an empty body is fine. */
  const optionalVersion = async (c: Context<AuthEnv>) => {
    const raw = await c.req.text();
    if (raw.trim() === '') return expectedVersion(c);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new DomainError('validation_failed', 'The request body is not valid JSON.');
    }
    return expectedVersion(c, parseWith(versionBodySchema, json, 'body').version);
  };
  const id = (c: Context<AuthEnv>) => c.req.param('id') ?? '';
  const session = (c: Context<AuthEnv>) => c.req.param('sessionId') ?? '';

  app.get('/pairs/mine', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await pairs.mine(c.var.principal));
  });

  app.get('/pairs/:id/dashboard', async (c) => {
    const view = await pairs.dashboard(c.var.principal, id(c));
    withEtag(c, view.version);
    return c.json(view);
  });

  app.put('/pairs/:id/agreement', async (c) => {
    const body = await parseJson(c, agreementEditBodySchema);
    return send(
      c,
      await pairs.editAgreement(c.var.principal, id(c), body, expectedVersion(c, body.version)),
    );
  });

  app.post('/pairs/:id/agreement/sign', async (c) => {
    const body = await parseJson(c, signBodySchema);
    return send(
      c,
      await pairs.sign(c.var.principal, id(c), body.revision, expectedVersion(c, body.version)),
    );
  });

  app.post('/pairs/:id/sessions', async (c) => {
    const body = await parseJson(c, sessionCreateBodySchema);
    const version = expectedVersion(c, body.version);
    return send(
      c,
      await pairs.planSession(c.var.principal, id(c), {
        ...body,
        ...(version !== undefined ? { version } : {}),
      }),
      201,
    );
  });

  app.post('/pairs/:id/sessions/:sessionId/status', async (c) => {
    const body = await parseJson(c, sessionStatusBodySchema);
    return send(
      c,
      await pairs.setSessionStatus(
        c.var.principal,
        id(c),
        session(c),
        body.status,
        expectedVersion(c, body.version),
      ),
    );
  });

  app.put('/pairs/:id/sessions/:sessionId/notes', async (c) => {
    const body = await parseJson(c, sessionNotesBodySchema);
    const changes = {
      ...(body.agenda !== undefined ? { agenda: body.agenda } : {}),
      ...(body.sharedNotes !== undefined ? { sharedNotes: body.sharedNotes } : {}),
    };
    return send(
      c,
      await pairs.editSessionNotes(
        c.var.principal,
        id(c),
        session(c),
        changes,
        expectedVersion(c, body.version),
      ),
    );
  });

  app.put('/pairs/:id/sessions/:sessionId/private-note', async (c) => {
    const body = await parseJson(c, privateNoteBodySchema);
    const response = await pairs.savePrivateNote(
      c.var.principal,
      id(c),
      session(c),
      body.text,
      expectedVersion(c, body.version),
    );
    withEtag(c, response.note.version);
    return c.json(response);
  });

  app.post('/pairs/:id/sessions/:sessionId/action-items', async (c) => {
    const body = await parseJson(c, actionItemCreateBodySchema);
    const version = expectedVersion(c, body.version);
    return send(
      c,
      await pairs.addActionItem(c.var.principal, id(c), session(c), {
        ...body,
        ...(version !== undefined ? { version } : {}),
      }),
      201,
    );
  });

  app.post('/pairs/:id/sessions/:sessionId/action-items/:itemId/done', async (c) => {
    const body = await parseJson(c, actionItemDoneBodySchema);
    return send(
      c,
      await pairs.setActionItemDone(
        c.var.principal,
        id(c),
        session(c),
        c.req.param('itemId'),
        body.done,
        expectedVersion(c, body.version),
      ),
    );
  });

  app.put('/pairs/:id/sessions/:sessionId/feedback', async (c) => {
    const body = await parseJson(c, feedbackBodySchema);
    const version = expectedVersion(c, body.version);
    return send(
      c,
      await pairs.giveFeedback(c.var.principal, id(c), session(c), {
        ...body,
        ...(version !== undefined ? { version } : {}),
      }),
    );
  });

  app.put('/pairs/:id/assessments', async (c) => {
    const body = await parseJson(c, assessmentBodySchema);
    const version = expectedVersion(c, body.version);
    return send(
      c,
      await pairs.recordAssessment(c.var.principal, id(c), {
        ...body,
        ...(version !== undefined ? { version } : {}),
      }),
    );
  });

  app.post('/pairs/:id/pause', async (c) => {
    const body = await parseJson(c, pairPauseBodySchema);
    return send(
      c,
      await pairs.transition(
        c.var.principal,
        id(c),
        { type: 'pause', until: body.until },
        expectedVersion(c, body.version),
      ),
    );
  });
  app.post('/pairs/:id/resume', async (c) => {
    const version = await optionalVersion(c);
    return send(c, await pairs.transition(c.var.principal, id(c), { type: 'resume' }, version));
  });
  app.post('/pairs/:id/complete', async (c) => {
    const version = await optionalVersion(c);
    return send(c, await pairs.transition(c.var.principal, id(c), { type: 'complete' }, version));
  });
  app.post('/pairs/:id/end', async (c) => {
    const body = await parseJson(c, pairEndBodySchema);
    return send(
      c,
      await pairs.transition(
        c.var.principal,
        id(c),
        { type: 'end', reason: body.reason },
        expectedVersion(c, body.version),
      ),
    );
  });

  app.get('/programmes/:id/pairs/flagged', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await pairs.flagged(c.var.principal, id(c)));
  });

  app.get('/toolkit', (c) => {
    const { locale } = parseWith(toolkitQuerySchema, { locale: c.req.query('locale') }, 'query');
    c.header('Cache-Control', 'private, max-age=3600');
    return c.json(deps.toolkit(locale));
  });

  return app;
}
