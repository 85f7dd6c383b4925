import type {
  FlaggedPairsResponse,
  MyPairsResponse,
  PairDashboardResponse,
  PairResponse,
  PrivateNoteResponse,
  ToolkitResponse,
} from '../../../src/contracts/pairs';
import { demoProgrammeId } from '../../../src/local/seed/demo-data';
import { startTestApp, type TestApp } from '../../support/app-server';
import { apiClient, errorCode, issuePaths, type ApiReply } from '../api/api-client';
import { pairKit, people } from './pair-kit';

let app: TestApp;
let api: ReturnType<typeof apiClient>;
let kit: ReturnType<typeof pairKit>;
const tokens: Record<keyof typeof people, string> = {} as Record<keyof typeof people, string>;

beforeAll(async () => {
  app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' } });
  api = apiClient(app.baseUrl);
  kit = pairKit(app);
  await kit.openProgramme();
  for (const key of Object.keys(people) as (keyof typeof people)[]) {
    tokens[key] = await api.signIn(people[key]);
  }
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

type Who = keyof typeof people;

/** The ETag header without the weak marker compression adds. */
const weakless = (etag: string | null) => etag?.replace(/^W\//, '') ?? null;

function as<T = PairResponse>(who: Who, method: string, path: string, json?: unknown) {
  return api.call<T>(method, path, { token: tokens[who], ...(json !== undefined ? { json } : {}) });
}

async function dashboard(who: Who, pairId: string): Promise<ApiReply<PairDashboardResponse>> {
  return as<PairDashboardResponse>(who, 'GET', `/api/pairs/${pairId}/dashboard`);
}

/** An accepted pair brought to active through the API: goals written, both sign. */
async function activePair(): Promise<{ id: string; version: string }> {
  const id = await kit.acceptedPair();
  const first = await dashboard('mentor', id);
  const edited = await as('mentor', 'PUT', `/api/pairs/${id}/agreement`, {
    menteeGoals: ['Build my sales dashboard', 'Share it in Teams'],
    mentorGoals: ['Understand how a region is steered'],
    version: first.body.version,
  });
  expect(edited.status).toBe(200);
  const revision = edited.body.pair.agreement.revision;
  expect((await as('mentor', 'POST', `/api/pairs/${id}/agreement/sign`, { revision })).status).toBe(
    200,
  );
  const signed = await as('mentee', 'POST', `/api/pairs/${id}/agreement/sign`, { revision });
  expect(signed.status).toBe(200);
  expect(signed.body.pair.state).toBe('active');
  return { id, version: signed.body.version };
}

/** Plans a session that started an hour ago; returns its id and the new version. */
async function pastSession(pairId: string, minutesAgo = 60) {
  const start = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const planned = await as('mentor', 'POST', `/api/pairs/${pairId}/sessions`, { start });
  expect(planned.status).toBe(201);
  const session = planned.body.pair.sessions.find((s) => s.start === start.replace(/Z$/, 'Z'));
  expect(session).toBeDefined();
  return { sessionId: session!.id, version: planned.body.version };
}

describe('the pair dashboard', () => {
  it('shows each member their partner, the agreement prefilled from the programme, and their role', async () => {
    const id = await kit.acceptedPair();
    const mentor = await dashboard('mentor', id);
    expect(mentor.status).toBe(200);
    expect(weakless(mentor.etag)).toBe(mentor.body.version);
    expect(mentor.body.pair.myRole).toBe('mentor');
    expect(mentor.body.pair.partner).toMatchObject({
      personId: people.mentee,
      role: 'mentee',
      displayName: 'Philippe Moreau',
      department: 'Ventes',
      timeZone: 'Europe/Paris',
      offsetFromMeMinutes: 0,
    });
    expect(mentor.body.pair.partner.languages.length).toBeGreaterThan(0);
    expect(mentor.body.pair.agreement).toMatchObject({
      subject: 'Power BI',
      revision: 1,
      frame: { sessions: 6, durationMinutes: 60, frequency: 'biweekly', place: 'online' },
      fullySigned: false,
    });
    expect(mentor.body.pair.can).toEqual(
      expect.arrayContaining(['edit_agreement', 'sign', 'plan_session', 'end']),
    );
    const mentee = await dashboard('mentee', id);
    expect(mentee.body.pair.myRole).toBe('mentee');
    expect(mentee.body.pair.partner.displayName).toBe('Lucas Martin');
    expect(mentee.body.privateNotes).toEqual([]);
  });

  it('lists the pair among the caller’s pairs, and not among anyone else’s', async () => {
    const id = await kit.acceptedPair();
    const mine = await as<MyPairsResponse>('mentee', 'GET', '/api/pairs/mine');
    expect(mine.status).toBe(200);
    expect(mine.body.pairs.find((p) => p.id === id)).toMatchObject({
      state: 'accepted',
      myRole: 'mentee',
      partner: { personId: people.mentor, displayName: 'Lucas Martin' },
      subject: 'Power BI',
      agreementFullySigned: false,
    });
    const theirs = await as<MyPairsResponse>('outsider', 'GET', '/api/pairs/mine');
    expect(theirs.body.pairs.map((p) => p.id)).not.toContain(id);
  });
});

describe('the agreement', () => {
  it('needs both signatures; a change after signing asks both again; an accepted pair becomes active when both sign', async () => {
    const id = await kit.acceptedPair();
    const loaded = await dashboard('mentor', id);
    const mentorSigned = await as('mentor', 'POST', `/api/pairs/${id}/agreement/sign`, {
      revision: 1,
    });
    expect(mentorSigned.body.pair.agreement).toMatchObject({
      signedByMe: true,
      fullySigned: false,
    });
    expect(mentorSigned.body.pair.state).toBe('accepted');

    // The mentee changes a ground rule: the mentor's signature no longer counts.
    const edited = await as('mentee', 'PUT', `/api/pairs/${id}/agreement`, {
      groundRules: ['Cameras on', 'Reschedule 24 h ahead'],
      version: mentorSigned.body.version,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.pair.agreement).toMatchObject({
      revision: 2,
      signedByPartner: false,
      signedByMe: false,
    });
    expect(loaded.body.version).not.toBe(edited.body.version);

    // The mentor signs what they read (revision 1): refused, with the current agreement.
    const stale = await as('mentor', 'POST', `/api/pairs/${id}/agreement/sign`, { revision: 1 });
    expect(stale.status).toBe(409);
    expect(errorCode(stale)).toBe('version_conflict');
    const current = (stale.body as unknown as { error: { details: { current: PairResponse } } })
      .error.details.current;
    expect(current.pair.agreement.groundRules).toEqual(['Cameras on', 'Reschedule 24 h ahead']);

    await as('mentor', 'POST', `/api/pairs/${id}/agreement/sign`, { revision: 2 });
    const both = await as('mentee', 'POST', `/api/pairs/${id}/agreement/sign`, { revision: 2 });
    expect(both.body.pair.agreement.fullySigned).toBe(true);
    expect(both.body.pair.state).toBe('active');
    // Signing again is a no-op.
    const again = await as('mentee', 'POST', `/api/pairs/${id}/agreement/sign`, { revision: 2 });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(both.body.version);
  });

  it('waits for the managers after both sign when the programme needs manager approval', async () => {
    const id = await kit.acceptedPair({ programmeId: demoProgrammeId });
    await as('mentor', 'POST', `/api/pairs/${id}/agreement/sign`, { revision: 1 });
    const both = await as('mentee', 'POST', `/api/pairs/${id}/agreement/sign`, { revision: 1 });
    expect(both.body.pair.agreement.fullySigned).toBe(true);
    // The requests themselves: tests/integration/approval-*.test.ts.
    expect(both.body.pair.state).toBe('awaiting_approval');
  });
});

describe('concurrent edits', () => {
  it('when both members save the agreement at once, one wins and the other gets 409 with the current pair', async () => {
    const id = await kit.acceptedPair();
    const [a, b] = await Promise.all([dashboard('mentor', id), dashboard('mentee', id)]);
    expect(a.body.version).toBe(b.body.version);
    const replies = await Promise.all([
      as('mentor', 'PUT', `/api/pairs/${id}/agreement`, {
        subject: 'Power BI for sales',
        version: a.body.version,
      }),
      as('mentee', 'PUT', `/api/pairs/${id}/agreement`, {
        confidentiality: 'What we say stays between us.',
        version: b.body.version,
      }),
    ]);
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const lost = replies.find((r) => r.status === 409)!;
    const won = replies.find((r) => r.status === 200)!;
    expect(errorCode(lost)).toBe('version_conflict');
    const current = (lost.body as unknown as { error: { details: { current: PairResponse } } })
      .error.details.current;
    // The conflict carries what was saved, so the tab can re-apply the person's text on top.
    expect(current.version).toBe(won.body.version);
    expect(current.pair.agreement).toEqual(won.body.pair.agreement);
    const after = await dashboard('mentor', id);
    expect(after.body.version).toBe(won.body.version);
  });

  it('refuses an edit of shared text without a version, and a stale If-Match, with 409', async () => {
    const { id, version } = await activePair();
    const { sessionId } = await pastSession(id);
    const unversioned = await as('mentee', 'PUT', `/api/pairs/${id}/sessions/${sessionId}/notes`, {
      sharedNotes: 'We built the first chart.',
    });
    expect(unversioned.status).toBe(409);
    expect(errorCode(unversioned)).toBe('version_conflict');
    const stale = await api.call<PairResponse>(
      'PUT',
      `/api/pairs/${id}/sessions/${sessionId}/notes`,
      {
        token: tokens.mentee,
        json: { sharedNotes: 'We built the first chart.' },
        headers: { 'if-match': version },
      },
    );
    expect(stale.status).toBe(409);
    const latest = await dashboard('mentee', id);
    const saved = await api.call<PairResponse>(
      'PUT',
      `/api/pairs/${id}/sessions/${sessionId}/notes`,
      {
        token: tokens.mentee,
        json: { sharedNotes: 'We built the first chart.', agenda: 'DAX basics' },
        // The ETag header as the browser got it (weak once compressed) works as If-Match.
        headers: { 'if-match': latest.etag! },
      },
    );
    expect(saved.status).toBe(200);
    expect(weakless(saved.etag)).toBe(saved.body.version);
    const shared = (await dashboard('mentor', id)).body.pair.sessions.find(
      (s) => s.id === sessionId,
    );
    expect(shared).toMatchObject({
      sharedNotes: 'We built the first chart.',
      agenda: 'DAX basics',
    });
  });
});

describe('private notes', () => {
  it('are read by their author only: the partner, a manager and the lead never see them', async () => {
    const { id } = await activePair();
    const { sessionId } = await pastSession(id);
    const secret = `Ask about the regional budget ${Date.now()}`;
    const saved = await as<PrivateNoteResponse>(
      'mentee',
      'PUT',
      `/api/pairs/${id}/sessions/${sessionId}/private-note`,
      { text: secret },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.note).toMatchObject({ sessionId, text: secret });

    const own = await dashboard('mentee', id);
    expect(own.body.privateNotes).toEqual([expect.objectContaining({ sessionId, text: secret })]);

    // The partner's own note on the same session is a different note; it does not reveal the other.
    const partnerNote = await as<PrivateNoteResponse>(
      'mentor',
      'PUT',
      `/api/pairs/${id}/sessions/${sessionId}/private-note`,
      { text: 'My own reminder' },
    );
    expect(partnerNote.status).toBe(200);
    expect(JSON.stringify(partnerNote.body)).not.toContain(secret);
    const partner = await dashboard('mentor', id);
    expect(partner.status).toBe(200);
    expect(partner.body.privateNotes.map((n) => n.text)).toEqual(['My own reminder']);
    expect(JSON.stringify(partner.body)).not.toContain(secret);
    expect(JSON.stringify((await as('mentor', 'GET', '/api/pairs/mine')).body)).not.toContain(
      secret,
    );
    // The mentee's note is intact.
    expect((await dashboard('mentee', id)).body.privateNotes[0]?.text).toBe(secret);

    for (const who of ['menteeManager', 'mentorManager', 'lead', 'outsider'] as const) {
      const reply = await dashboard(who, id);
      expect(reply.status).toBe(404);
      expect(errorCode(reply)).toBe('pair_not_found');
      expect(JSON.stringify(reply.body)).not.toContain(secret);
      const write = await as(who, 'PUT', `/api/pairs/${id}/sessions/${sessionId}/private-note`, {
        text: 'overwrite',
      });
      expect(write.status).toBe(404);
    }
    const flagged = await as('lead', 'GET', `/api/programmes/prog-pair-tests/pairs/flagged`);
    expect(flagged.status).toBe(200);
    expect(JSON.stringify(flagged.body)).not.toContain(secret);
    // Every write on the pair answers the pair without anyone's private notes.
    const write = await as('mentee', 'POST', `/api/pairs/${id}/sessions/${sessionId}/status`, {
      status: 'held',
    });
    expect(JSON.stringify(write.body)).not.toContain(secret);
  });

  it('a stale note version is a 409 with the current note', async () => {
    const { id } = await activePair();
    const { sessionId } = await pastSession(id);
    const path = `/api/pairs/${id}/sessions/${sessionId}/private-note`;
    const first = await as<PrivateNoteResponse>('mentor', 'PUT', path, { text: 'one' });
    const second = await as<PrivateNoteResponse>('mentor', 'PUT', path, {
      text: 'two',
      version: first.body.note.version,
    });
    expect(second.status).toBe(200);
    const stale = await as<PrivateNoteResponse>('mentor', 'PUT', path, {
      text: 'three',
      version: first.body.note.version,
    });
    expect(stale.status).toBe(409);
    expect(errorCode(stale)).toBe('version_conflict');
    expect(JSON.stringify(stale.body)).toContain('"text":"two"');
    // A note on another session, saved meanwhile from another window, does not conflict.
    const { sessionId: other } = await pastSession(id, 30);
    const otherNote = await as<PrivateNoteResponse>(
      'mentor',
      'PUT',
      `/api/pairs/${id}/sessions/${other}/private-note`,
      { text: 'elsewhere', version: '0' },
    );
    expect(otherNote.status).toBe(200);
    const third = await as<PrivateNoteResponse>('mentor', 'PUT', path, {
      text: 'three',
      version: second.body.note.version,
    });
    expect(third.status).toBe(200);
    expect((await dashboard('mentor', id)).body.privateNotes.map((n) => n.text)).toEqual(
      [
        { sessionId, text: 'three' },
        { sessionId: other, text: 'elsewhere' },
      ]
        .sort((a, b) => a.sessionId.localeCompare(b.sessionId))
        .map((n) => n.text),
    );
  });
});

describe('sessions, action items, feedback and progress', () => {
  it('a held session takes action items, feedback both ways, and self-assessments that feed the progress', async () => {
    const { id } = await activePair();
    const { sessionId } = await pastSession(id);
    const held = await as('mentee', 'POST', `/api/pairs/${id}/sessions/${sessionId}/status`, {
      status: 'held',
    });
    expect(held.status).toBe(200);
    const session = held.body.pair.sessions.find((s) => s.id === sessionId)!;
    expect(session).toMatchObject({
      status: 'held',
      awaitingMyFeedback: true,
      asksPairingFit: true,
    });

    const item = await as('mentor', 'POST', `/api/pairs/${id}/sessions/${sessionId}/action-items`, {
      id: 'try-dax',
      text: 'Write a first DAX measure',
      ownerId: people.mentee,
      dueDate: '2030-01-15',
    });
    expect(item.status).toBe(201);
    expect(item.body.pair.openActionItems).toEqual([
      expect.objectContaining({ id: 'try-dax', ownerRole: 'mentee', done: false, sessionId }),
    ]);
    const done = await as(
      'mentee',
      'POST',
      `/api/pairs/${id}/sessions/${sessionId}/action-items/try-dax/done`,
      { done: true },
    );
    expect(done.body.pair.openActionItems).toEqual([]);

    const fromMentee = await as(
      'mentee',
      'PUT',
      `/api/pairs/${id}/sessions/${sessionId}/feedback`,
      {
        rating: 4,
        worked: 'Letting me drive',
        suggestion: 'Start from my own file',
        pairingFit: 'good',
      },
    );
    expect(fromMentee.status).toBe(200);
    const fromMentor = await as(
      'mentor',
      'PUT',
      `/api/pairs/${id}/sessions/${sessionId}/feedback`,
      {
        rating: 3,
        worked: 'Clear questions',
        suggestion: 'Bring a real report',
        pairingFit: 'unsure',
      },
    );
    const view = fromMentor.body.pair;
    expect(view.feedback.received).toEqual([
      expect.objectContaining({ fromId: people.mentee, rating: 4, pairingFit: null }),
    ]);
    expect(view.feedback.given).toEqual([
      expect.objectContaining({ fromId: people.mentor, rating: 3, pairingFit: 'unsure' }),
    ]);
    expect(view.flaggedForLead).toBe(false);

    const start = await as('mentee', 'PUT', `/api/pairs/${id}/assessments`, {
      phase: 'start',
      goal: 'Build my sales dashboard',
      level: 1,
    });
    expect(start.status).toBe(200);
    const middle = await as('mentee', 'PUT', `/api/pairs/${id}/assessments`, {
      phase: 'middle',
      goal: 'Build my sales dashboard',
      level: 3,
    });
    expect(middle.body.pair.progress.goals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          goal: 'Build my sales dashboard',
          side: 'mentee',
          start: 1,
          middle: 3,
          end: null,
          change: 2,
        }),
      ]),
    );
    // A goal that is not the caller's is refused, naming the field.
    const notMine = await as('mentor', 'PUT', `/api/pairs/${id}/assessments`, {
      phase: 'start',
      goal: 'Build my sales dashboard',
      level: 2,
    });
    expect(notMine.status).toBe(400);
    expect(issuePaths(notMine)).toEqual(['goal']);
  });

  it('a poor fit on both sides after the first session flags the pair in the lead’s list only', async () => {
    const { id } = await activePair();
    const { sessionId } = await pastSession(id);
    const feedback = { rating: 2, worked: 'Punctual', suggestion: 'Different subject' };
    await as('mentor', 'PUT', `/api/pairs/${id}/sessions/${sessionId}/feedback`, {
      ...feedback,
      pairingFit: 'poor',
    });
    const both = await as('mentee', 'PUT', `/api/pairs/${id}/sessions/${sessionId}/feedback`, {
      ...feedback,
      pairingFit: 'poor',
    });
    expect(both.body.pair.flaggedForLead).toBe(true);

    const list = await as<FlaggedPairsResponse>(
      'lead',
      'GET',
      '/api/programmes/prog-pair-tests/pairs/flagged',
    );
    expect(list.status).toBe(200);
    expect(list.body.pairs.find((p) => p.id === id)).toMatchObject({
      reason: 'poor_fit_both_sides',
      mentor: { displayName: 'Lucas Martin' },
      mentee: { displayName: 'Philippe Moreau' },
    });
    expect(JSON.stringify(list.body)).not.toContain('Different subject');
    for (const who of ['mentor', 'mentee', 'menteeManager'] as const) {
      const refused = await as(who, 'GET', '/api/programmes/prog-pair-tests/pairs/flagged');
      expect(refused.status).toBe(403);
      expect(errorCode(refused)).toBe('forbidden');
    }
  });
});

describe('the lifecycle through the API', () => {
  it('pauses until a date, resumes, completes; repeats are no-ops; a completed pair cannot end', async () => {
    const { id } = await activePair();
    const until = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const paused = await as('mentor', 'POST', `/api/pairs/${id}/pause`, { until });
    expect(paused.status).toBe(200);
    expect(paused.body.pair).toMatchObject({
      state: 'paused',
      pausedUntil: `${until}T00:00:00.000Z`,
    });
    expect(paused.body.pair.can).toEqual(expect.arrayContaining(['resume', 'complete', 'end']));
    const again = await as('mentee', 'POST', `/api/pairs/${id}/pause`, { until });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(paused.body.version);

    const resumed = await as('mentee', 'POST', `/api/pairs/${id}/resume`);
    expect(resumed.body.pair).toMatchObject({ state: 'active', pausedUntil: null });
    // A double click with the old version still answers the current pair.
    const twice = await as('mentee', 'POST', `/api/pairs/${id}/resume`, {
      version: paused.body.version,
    });
    expect(twice.status).toBe(200);
    expect(twice.body.version).toBe(resumed.body.version);
    // A move that would change something, on a stale version, is a conflict.
    const stalePause = await as('mentor', 'POST', `/api/pairs/${id}/pause`, {
      until,
      version: paused.body.version,
    });
    expect(stalePause.status).toBe(409);
    expect(errorCode(stalePause)).toBe('version_conflict');

    const completed = await as('mentor', 'POST', `/api/pairs/${id}/complete`, {});
    expect(completed.body.pair.state).toBe('completed');
    expect(completed.body.pair.can).toEqual([]);
    expect(completed.body.pair.history.map((h) => `${h.from}>${h.to}`)).toEqual([
      'proposed>accepted',
      'accepted>active',
      'active>paused',
      'paused>active',
      'active>completed',
    ]);
    const end = await as('mentee', 'POST', `/api/pairs/${id}/end`, { reason: 'Too late' });
    expect(end.status).toBe(409);
    expect(errorCode(end)).toBe('invalid_transition');
    const edit = await as('mentee', 'PUT', `/api/pairs/${id}/agreement`, {
      subject: 'Other',
      version: completed.body.version,
    });
    expect(edit.status).toBe(409);
    expect(errorCode(edit)).toBe('invalid_transition');
  });

  it('ends early with a reason; an ended pair takes no more sessions', async () => {
    const id = await kit.acceptedPair();
    const ended = await as('mentee', 'POST', `/api/pairs/${id}/end`, {
      reason: 'I changed jobs',
    });
    expect(ended.body.pair).toMatchObject({ state: 'ended', endReason: 'I changed jobs' });
    const plan = await as('mentor', 'POST', `/api/pairs/${id}/sessions`, {
      start: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(plan.status).toBe(409);
    expect(errorCode(plan)).toBe('invalid_transition');
  });
});

describe('bad input', () => {
  it('answers 400 naming the field', async () => {
    const { id } = await activePair();
    const { sessionId } = await pastSession(id);
    const cases: [string, string, unknown, string][] = [
      [
        'PUT',
        `/api/pairs/${id}/sessions/${sessionId}/feedback`,
        { rating: 7, worked: '', suggestion: '' },
        'rating',
      ],
      [
        'PUT',
        `/api/pairs/${id}/sessions/${sessionId}/feedback`,
        { rating: 3, suggestion: '' },
        'worked',
      ],
      ['POST', `/api/pairs/${id}/pause`, { until: 'tomorrow' }, 'until'],
      ['POST', `/api/pairs/${id}/pause`, { until: '2001-01-01' }, 'until'],
      ['POST', `/api/pairs/${id}/end`, { reason: '  ' }, 'reason'],
      ['PUT', `/api/pairs/${id}/agreement`, { menteeGoals: 'learn', version: 'x' }, 'menteeGoals'],
      [
        'PUT',
        `/api/pairs/${id}/agreement`,
        { frame: { sessions: 0 }, version: 'x' },
        'frame.sessions',
      ],
      ['POST', `/api/pairs/${id}/sessions`, { start: 'next monday' }, 'start'],
      ['POST', `/api/pairs/${id}/sessions/${sessionId}/status`, { status: 'done' }, 'status'],
      [
        'POST',
        `/api/pairs/${id}/sessions/${sessionId}/action-items`,
        { text: 'x', ownerId: people.outsider },
        'ownerId',
      ],
      ['PUT', `/api/pairs/${id}/assessments`, { phase: 'later', goal: 'x', level: 3 }, 'phase'],
      [
        'PUT',
        `/api/pairs/${id}/assessments`,
        { phase: 'start', goal: 'Build my sales dashboard', level: 9 },
        'level',
      ],
    ];
    for (const [method, path, json, field] of cases) {
      const reply = await as(method === 'PUT' ? 'mentee' : 'mentor', method, path, json);
      expect(reply.status, `${method} ${path} ${JSON.stringify(json)}`).toBe(400);
      expect(errorCode(reply)).toBe('validation_failed');
      expect(issuePaths(reply)[0], JSON.stringify(reply.body)).toBe(field);
    }
    const notJson = await api.call('POST', `/api/pairs/${id}/resume`, {
      token: tokens.mentor,
      raw: '{oops',
    });
    expect(notJson.status).toBe(400);
  });

  it('an unknown session or action item is 404 not_found', async () => {
    const { id } = await activePair();
    const reply = await as('mentor', 'POST', `/api/pairs/${id}/sessions/nope/status`, {
      status: 'held',
    });
    expect(reply.status).toBe(404);
    expect(errorCode(reply)).toBe('not_found');
  });
});

describe('authorisation', () => {
  it('refuses the unauthenticated with 401 and anyone outside the pair with 404 on every route', async () => {
    const { id } = await activePair();
    const { sessionId } = await pastSession(id);
    expect((await api.call('GET', `/api/pairs/${id}/dashboard`)).status).toBe(401);
    expect((await api.call('GET', '/api/pairs/mine')).status).toBe(401);
    expect((await api.call('GET', '/api/toolkit')).status).toBe(401);
    expect((await api.call('GET', '/api/programmes/prog-pair-tests/pairs/flagged')).status).toBe(
      401,
    );
    const writes: [string, string, unknown][] = [
      ['PUT', `/api/pairs/${id}/agreement`, { subject: 'Hijack', version: 'x' }],
      ['POST', `/api/pairs/${id}/agreement/sign`, { revision: 2 }],
      ['POST', `/api/pairs/${id}/sessions`, { start: new Date().toISOString() }],
      ['POST', `/api/pairs/${id}/sessions/${sessionId}/status`, { status: 'missed' }],
      [
        'PUT',
        `/api/pairs/${id}/sessions/${sessionId}/feedback`,
        { rating: 1, worked: 'x', suggestion: 'y' },
      ],
      ['POST', `/api/pairs/${id}/pause`, { until: '2099-01-01' }],
      ['POST', `/api/pairs/${id}/end`, { reason: 'Because' }],
    ];
    const before = await dashboard('mentor', id);
    for (const who of ['outsider', 'lead', 'menteeManager'] as const) {
      for (const [method, path, json] of writes) {
        const reply = await as(who, method, path, json);
        expect(reply.status, `${who} ${method} ${path}`).toBe(404);
        expect(errorCode(reply)).toBe('pair_not_found');
      }
    }
    const after = await dashboard('mentor', id);
    expect(after.body.version).toBe(before.body.version);
    expect((await dashboard('outsider', 'no-such-pair')).status).toBe(404);
  });
});

describe('the mentor toolkit', () => {
  it('is served in French and English with the same sections', async () => {
    const fr = await as<ToolkitResponse>('mentor', 'GET', '/api/toolkit?locale=fr');
    const en = await as<ToolkitResponse>('mentor', 'GET', '/api/toolkit?locale=en');
    expect(fr.status).toBe(200);
    expect(fr.body.locale).toBe('fr');
    expect(en.body.locale).toBe('en');
    expect(fr.body.sections.map((s) => s.id)).toEqual([
      'first-session',
      'setting-goals',
      'explaining-a-tool',
      'feedback',
      'session-templates',
    ]);
    expect(en.body.sections.map((s) => s.id)).toEqual(fr.body.sections.map((s) => s.id));
    expect(fr.body.sections[0]?.title).toBe('Animer une première séance');
    expect(en.body.sections[0]?.title).toBe('Running a first session');
    const bad = await as('mentor', 'GET', '/api/toolkit?locale=de');
    expect(bad.status).toBe(400);
    expect(issuePaths(bad)).toEqual(['locale']);
  });
});
