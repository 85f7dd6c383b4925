import type {
  ApprovalDecisionResponse,
  ApprovalItem,
  ApprovalListResponse,
} from '../../../src/contracts/approvals';
import type { PairDashboardResponse, PairResponse } from '../../../src/contracts/pairs';
import { approvalIdFor } from '../../../src/domain/approval';
import { demoPersonId, demoProgrammeId } from '../../../src/local/seed/demo-data';
import { demoPairIds } from '../../../src/local/seed/demo-pairs';
import { startTestApp, type TestApp } from '../../support/app-server';
import { apiClient, errorCode, issuePaths } from '../api/api-client';
import { pairKit, people } from '../pairs/pair-kit';

let app: TestApp;
let api: ReturnType<typeof apiClient>;
let kit: ReturnType<typeof pairKit>;

const who = {
  /** Sylvie Garnier: manager of Romain Leroy (demo LinkedIn pair) and Philippe Moreau (kit mentee). */
  sylvie: demoPersonId(3),
  /** Alain Mercier: manager of Lucas Martin (kit mentor). */
  alain: demoPersonId(8),
  /** Romain Leroy, mentee of the demo LinkedIn pair. */
  romain: demoPersonId(41),
  lucas: people.mentor,
  philippe: people.mentee,
  /** Emma Petit: manages nobody. */
  emma: people.outsider,
} as const;
const tokens = {} as Record<keyof typeof who, string>;

beforeAll(async () => {
  app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' } });
  api = apiClient(app.baseUrl);
  kit = pairKit(app);
  for (const key of Object.keys(who) as (keyof typeof who)[]) {
    tokens[key] = await api.signIn(who[key]);
  }
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

const list = (as: keyof typeof who) =>
  api.call<ApprovalListResponse>('GET', '/api/approvals', { token: tokens[as] });

const decide = (
  as: keyof typeof who,
  id: string,
  json: unknown,
  headers: Record<string, string> = {},
) =>
  api.call<ApprovalDecisionResponse>('POST', `/api/approvals/${encodeURIComponent(id)}/decision`, {
    token: tokens[as],
    json,
    headers,
  });

/** A pair of Lucas (mentor) and Philippe (mentee) in the demo programme, signed by both. */
async function signedPair(): Promise<string> {
  const id = await kit.acceptedPair({ programmeId: demoProgrammeId });
  const sign = (as: 'lucas' | 'philippe') =>
    api.call<PairResponse>('POST', `/api/pairs/${id}/agreement/sign`, {
      token: tokens[as],
      json: { revision: 1 },
    });
  await sign('lucas');
  const both = await sign('philippe');
  expect(both.body.pair.state).toBe('awaiting_approval');
  return id;
}

describe('GET /api/approvals', () => {
  it('a manager sees the requests of their reports with names, the time asked and a version', async () => {
    const reply = await list('sylvie');
    expect(reply.status).toBe(200);
    const demo = reply.body.approvals.find((a) => a.pairId === demoPairIds.linkedIn);
    expect(demo).toMatchObject({
      // Revision 2: the pair wrote its goals (revision 1 is the blank agreement) and signed.
      id: approvalIdFor(demoPairIds.linkedIn, who.romain, 2),
      status: 'pending',
      person: { id: who.romain, displayName: 'Romain Leroy' },
      partner: { displayName: 'Gabriel Da Silva' },
      role: 'mentee',
      programmeName: 'Mentorat inversé 2027',
      subject: 'LinkedIn pour la prospection commerciale',
      request: { sessions: 6, durationMinutes: 60, frequency: 'biweekly', totalMinutes: 360 },
      canDecide: true,
    });
    expect(demo?.version).toEqual(expect.any(String));
  });

  it('someone who manages nobody gets an empty list; without a token, 401', async () => {
    const reply = await list('emma');
    expect(reply.status).toBe(200);
    expect(reply.body.approvals).toEqual([]);
    const anonymous = await api.call('GET', '/api/approvals');
    expect(anonymous.status).toBe(401);
    expect(errorCode(anonymous)).toBe('unauthenticated');
  });
});

describe('POST /api/approvals/:id/decision', () => {
  it('Sylvie approves Romain’s time in the tab: the pair becomes active; a second click changes nothing', async () => {
    const item = (await list('sylvie')).body.approvals.find(
      (a) => a.pairId === demoPairIds.linkedIn,
    ) as ApprovalItem;
    const reply = await decide(
      'sylvie',
      item.id,
      { decision: 'approved' },
      { 'If-Match': item.version },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.changed).toBe(true);
    expect(reply.body.approval).toMatchObject({
      status: 'approved',
      pairState: 'active',
      canDecide: false,
    });
    expect(reply.etag?.replace(/^W\//, '')).toBe(reply.body.approval.version);

    const dashboard = await api.call<PairDashboardResponse>(
      'GET',
      `/api/pairs/${demoPairIds.linkedIn}/dashboard`,
      { token: tokens.romain },
    );
    expect(dashboard.body.pair.state).toBe('active');

    // The same decision again (another window, or with the version it had): 200, unchanged.
    const again = await decide(
      'sylvie',
      item.id,
      { decision: 'approved' },
      { 'If-Match': item.version },
    );
    expect(again.status).toBe(200);
    expect(again.body.changed).toBe(false);
    expect(again.body.approval.version).toBe(reply.body.approval.version);
  });

  it('only the manager asked decides: the mentee, another manager and a colleague get the 404 of an unknown id', async () => {
    const pairId = await signedPair();
    const id = approvalIdFor(pairId, who.lucas, 1);
    const unknown = await decide('sylvie', 'approval-nope', { decision: 'approved' });
    expect(unknown.status).toBe(404);
    for (const as of ['lucas', 'sylvie', 'emma'] as const) {
      const reply = await decide(as, id, { decision: 'approved' });
      expect(reply.status, as).toBe(404);
      expect(reply.body, as).toEqual({
        error: {
          code: 'not_found',
          message: `Approval ${id} was not found`,
          details: { id },
        },
      });
      expect(JSON.stringify(reply.body)).not.toContain('Alain');
    }
    const mine = (await list('alain')).body.approvals.find((a) => a.id === id);
    expect(mine?.status).toBe('pending');
  });

  it('a decline needs a comment; the decline keeps the pair waiting; the opposite decision then is 409 with the current approval', async () => {
    const pairId = await signedPair();
    const id = approvalIdFor(pairId, who.lucas, 1);
    const bare = await decide('alain', id, { decision: 'declined' });
    expect(bare.status).toBe(400);
    expect(issuePaths(bare)).toEqual(['comment']);

    const declined = await decide('alain', id, {
      decision: 'declined',
      comment: 'Pas pendant la clôture annuelle',
    });
    expect(declined.status).toBe(200);
    expect(declined.body.approval).toMatchObject({
      status: 'declined',
      comment: 'Pas pendant la clôture annuelle',
      pairState: 'awaiting_approval',
    });

    const late = await decide('alain', id, { decision: 'approved' });
    expect(late.status).toBe(409);
    expect(errorCode(late)).toBe('invalid_transition');
    expect(
      (late.body as unknown as { error: { details: { current: ApprovalItem } } }).error.details
        .current,
    ).toMatchObject({ id, status: 'declined', comment: 'Pas pendant la clôture annuelle' });
  });

  it('a stale If-Match is 409 version_conflict with the current approval', async () => {
    const pairId = await signedPair();
    const id = approvalIdFor(pairId, who.philippe, 1);
    const reply = await decide('sylvie', id, { decision: 'approved' }, { 'If-Match': '"stale"' });
    expect(reply.status).toBe(409);
    expect(errorCode(reply)).toBe('version_conflict');
    expect(
      (reply.body as unknown as { error: { details: { current: ApprovalItem } } }).error.details
        .current,
    ).toMatchObject({ id, status: 'pending' });
  });

  it('bad input gets a specific message; an unknown request is 404', async () => {
    const pairId = await signedPair();
    const id = approvalIdFor(pairId, who.philippe, 1);
    const maybe = await decide('sylvie', id, { decision: 'maybe' });
    expect(maybe.status).toBe(400);
    expect(issuePaths(maybe)).toEqual(['decision']);
    expect((maybe.body as unknown as { error: { message: string } }).error.message).toContain(
      'decision must be "approved" or "declined"',
    );
    const long = await decide('sylvie', id, { decision: 'declined', comment: 'x'.repeat(1001) });
    expect(long.status).toBe(400);
    expect(issuePaths(long)).toEqual(['comment']);
    const unknown = await decide('sylvie', 'approval.nothing.here.r1', { decision: 'approved' });
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown)).toBe('not_found');
  });
});

describe('a request replaced by a newer one', () => {
  it('the pair changed the time and both signed again: deciding the old request is 409 "replaced by a newer one"; the list shows it replaced and the new one to decide', async () => {
    const pairId = await signedPair();
    const dashboard = await api.call<PairDashboardResponse>(
      'GET',
      `/api/pairs/${pairId}/dashboard`,
      {
        token: tokens.lucas,
      },
    );
    const edited = await api.call<PairResponse>('PUT', `/api/pairs/${pairId}/agreement`, {
      token: tokens.lucas,
      json: { frame: { ...dashboard.body.pair.agreement.frame, sessions: 4 } },
      headers: { 'If-Match': dashboard.body.version },
    });
    expect(edited.status).toBe(200);
    const revision = edited.body.pair.agreement.revision;
    for (const as of ['lucas', 'philippe'] as const) {
      const signed = await api.call<PairResponse>('POST', `/api/pairs/${pairId}/agreement/sign`, {
        token: tokens[as],
        json: { revision },
      });
      expect(signed.status).toBe(200);
    }

    const old = approvalIdFor(pairId, who.philippe, 1);
    const fresh = approvalIdFor(pairId, who.philippe, revision);
    const late = await decide('sylvie', old, { decision: 'approved' });
    expect(late.status).toBe(409);
    expect(errorCode(late)).toBe('invalid_transition');
    const error = (
      late.body as unknown as {
        error: { message: string; details: { current: ApprovalItem; supersededBy: string } };
      }
    ).error;
    expect(error.message).toBe('This request was replaced by a newer one: decide the new request');
    expect(error.details.supersededBy).toBe(fresh);
    expect(error.details.current).toMatchObject({
      id: old,
      status: 'superseded',
      canDecide: false,
      supersededAt: expect.any(String),
    });

    const mine = (await list('sylvie')).body.approvals.filter((a) => a.pairId === pairId);
    expect(mine.map((a) => [a.id, a.status, a.canDecide, a.request.sessions])).toEqual([
      [fresh, 'pending', true, 4],
      [old, 'superseded', false, 6],
    ]);
    const approved = await decide('sylvie', fresh, { decision: 'approved' });
    expect(approved.status).toBe(200);
    expect(approved.body.approval).toMatchObject({ id: fresh, status: 'approved' });
  });
});
