import { parse } from 'csv-parse/sync';
import type {
  HealthResponse,
  ManagerReportsResponse,
  NudgeResponse,
  RemindResponse,
  ReportResponse,
} from '../../../src/contracts/health';
import { ProactiveNotifier } from '../../../bot/proactive-notifier';
import { fixedClock } from '../../../src/domain/clock';
import type { Notification } from '../../../src/domain/notification';
import { ProactiveTestAdapter } from '../../support/proactive-test-adapter';
import { startTestApp, type TestApp } from '../../support/app-server';
import {
  draftProgrammeId,
  formulaComment,
  healthNow,
  ids,
  programmeId,
  secrets,
  seedHealthProgramme,
  sharedComment,
} from './health-kit';

let app: TestApp;
const clock = fixedClock(healthNow);
const tokens = new Map<string, string>();

async function token(personId: string): Promise<string> {
  const known = tokens.get(personId);
  if (known) return known;
  const res = await fetch(`${app.baseUrl}/api/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId }),
  });
  expect(res.status).toBe(200);
  const { token: issued } = (await res.json()) as { token: string };
  tokens.set(personId, issued);
  return issued;
}

async function call(
  personId: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<Response> {
  return fetch(`${app.baseUrl}/api${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${await token(personId)}`,
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
}

async function health(query = ''): Promise<HealthResponse> {
  const res = await call(ids.lead, `/programmes/${programmeId}/health${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as HealthResponse;
}

beforeAll(async () => {
  app = await startTestApp({ clock });
  await seedHealthProgramme(app.repos, app.server.config.demoTenantId);
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

describe('GET /api/programmes/:id/health, against figures computed by hand', () => {
  it('counts pairs by state, sessions held against planned, and each week', async () => {
    const h = await health();
    expect(h.generatedAt).toBe(healthNow);
    expect(h.pairs.total).toBe(7);
    expect(h.pairs.byState).toEqual({
      proposed: 0,
      accepted: 1,
      awaiting_approval: 1,
      active: 4,
      paused: 0,
      completed: 0,
      ended: 1,
    });
    expect(h.pairs.endedEarly).toBe(1);
    expect(h.sessions).toMatchObject({
      planned: 10,
      held: 6,
      missed: 2,
      cancelled: 0,
      upcoming: 2,
      unrecorded: 0,
      minutesHeld: 360,
    });
    expect(h.sessions.byWeek).toHaveLength(12);
    const week = (start: string) => h.sessions.byWeek.find((w) => w.weekStart === start);
    expect(week('2026-05-04')).toEqual({ weekStart: '2026-05-04', planned: 0, held: 0, missed: 0 });
    expect(week('2026-05-11')).toEqual({ weekStart: '2026-05-11', planned: 1, held: 1, missed: 0 });
    expect(week('2026-06-01')).toEqual({ weekStart: '2026-06-01', planned: 3, held: 2, missed: 1 });
    expect(week('2026-06-08')).toEqual({ weekStart: '2026-06-08', planned: 2, held: 2, missed: 0 });
    expect(week('2026-06-22')).toEqual({ weekStart: '2026-06-22', planned: 1, held: 0, missed: 0 });
  });

  it('lists at-risk pairs, most reasons first, with the reason codes and their days', async () => {
    const h = await health();
    expect(h.atRiskTotal).toBe(4);
    expect(h.atRisk.map((p) => [p.id, p.reasons])).toEqual([
      [
        ids.p(2),
        [
          { code: 'sessions_missed', days: null },
          { code: 'low_rating', days: null },
          { code: 'not_a_good_fit', days: null },
        ],
      ],
      [ids.p(3), [{ code: 'approval_pending_7_days', days: 14 }]],
      [ids.p(4), [{ code: 'agreement_unsigned_14_days', days: 42 }]],
      [ids.p(1), [{ code: 'no_session_14_days', days: 21 }]],
    ]);
    const p1 = h.pairs.list.find((p) => p.id === ids.p(1));
    expect(p1).toMatchObject({
      lastSessionAt: '2026-05-25T09:00:00.000Z',
      nextSessionAt: '2026-06-22T09:00:00.000Z',
      sessionsHeld: 2,
      risks: ['no_session_14_days'],
    });
    expect(h.atRisk.every((p) => p.nudge.available)).toBe(true);
  });

  it('computes time to first session, satisfaction both ways, skills progress and approvals', async () => {
    const h = await health();
    // Days from pairing to first session: 7, 35, 2, 4, 9.
    expect(h.timeToFirstSession).toEqual({
      pairs: 5,
      withoutSession: 2,
      medianDays: 7,
      averageDays: 11.4,
    });
    // Five mentees rated: 4, 4, 2, 3, 3, 4 → 3.3; latest fits good (e1, e7), poor (e2).
    expect(h.satisfaction.menteesAboutMentors).toEqual({
      suppressed: false,
      raters: 5,
      feedbackCount: 6,
      averageRating: 3.3,
      // 0, 1, 2 and 3 feedback per rating: each non-zero one is about fewer than 5.
      distribution: {
        '1': 0,
        '2': { suppressed: true },
        '3': { suppressed: true },
        '4': { suppressed: true },
      },
      // Latest fits: 2 good, 1 poor (people): hidden, 0 unsure shown.
      fit: { good: { suppressed: true }, unsure: 0, poor: { suppressed: true } },
    });
    // Two mentors rated: fewer than 5 people.
    expect(h.satisfaction.mentorsAboutMentees).toEqual({ suppressed: true });
    // 8 feedback on 6 sessions held (12 expected).
    expect(h.satisfaction.responseRate).toBe(0.67);

    const skill = (id: string) => h.skills.bySkill.find((s) => s.skillId === id)?.progress;
    // Copilot: e2 1→3, e5 2→3, m5 3→4, e6 1→2, e7 3→5.
    expect(skill('copilot')).toEqual({
      suppressed: false,
      people: 5,
      averageStart: 2,
      averageEnd: 3.4,
      averageGain: 1.4,
    });
    expect(skill('power-bi')).toEqual({ suppressed: true });
    expect(skill('teams')).toMatchObject({ suppressed: false, people: 0 });
    expect(h.skills.unmappedGoals).toBe(1);

    // Decided in 1, 3, 2, 5, 1 days; the superseded request does not count.
    expect(h.approvals).toEqual({
      pending: 1,
      pendingOver7Days: 1,
      approved: 5,
      declined: 0,
      medianDaysToDecide: 2,
    });
    // Nobody asked for quick help yet (its own test below).
    expect(h.informalHelp).toMatchObject({
      requests: 0,
      answered: 0,
      medianMinutesToBuddy: null,
      topTopics: [],
    });
  });

  it('shows a breakdown of fewer than 5 people as suppressed, and names the invitee to remind', async () => {
    const h = await health();
    expect(h.participants.total).toBe(15);
    // One "both" and one invitee: each hidden with the next-smallest count of its breakdown, or
    // 15 − 7 − 7 and 15 − 14 would give them back (tests/integration/health/small-groups.test.ts).
    expect(h.participants.byRole).toEqual({
      mentor: { suppressed: true },
      mentee: 7,
      both: { suppressed: true },
    });
    expect(h.participants.byState).toEqual({
      not_joined: { suppressed: true },
      opted_in: { suppressed: true },
      paused: 0,
      left: 0,
    });
    // 12 of 15 in a pair would leave 3 not in one.
    expect(h.participants.inPairs).toEqual({ suppressed: true });
    expect(h.participants.invitedNotJoined.map((i) => i.personId)).toEqual([ids.invitee]);
    expect(h.participants.unmatched).toBeNull();
    expect(h.filters).toEqual({
      departments: ['Informatique', 'Ventes'],
      startMonths: ['2026-05', '2026-06'],
    });
  });

  it('filters by department and by start month', async () => {
    const ventes = await health('?department=Ventes');
    expect(ventes.filter).toEqual({ department: 'Ventes', startMonth: null });
    expect(ventes.pairs.total).toBe(3);
    expect(ventes.participants.total).toBe(7);
    expect(ventes.participants.byRole).toEqual({
      mentor: { suppressed: true },
      mentee: { suppressed: true },
      both: { suppressed: true },
    });
    expect(ventes.satisfaction.menteesAboutMentors).toEqual({ suppressed: true });

    const june = await health('?startMonth=2026-06');
    expect(june.pairs.list.map((p) => p.id).sort()).toEqual([ids.p(5), ids.p(6), ids.p(7)]);
    // June's 6 and May's 8 members of 15 participants would leave 1 in no pair: June is hidden.
    expect(june.participants.total).toEqual({ suppressed: true });
    expect(june.sessions.held).toBe(3);

    const both = await health('?department=Informatique&startMonth=2026-05');
    expect(both.pairs.list.map((p) => p.id)).toEqual([ids.p(4)]);
    // No manager decided for that pair: no median, rather than "0 days".
    expect(both.approvals).toMatchObject({ approved: 0, declined: 0, medianDaysToDecide: null });
  });

  it('answers 400 for a department or month nobody matches, and for a malformed month', async () => {
    const unknown = await call(ids.lead, `/programmes/${programmeId}/health?department=Marketing`);
    expect(unknown.status).toBe(400);
    const body = (await unknown.json()) as {
      error: { code: string; details: { issues: unknown[] } };
    };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.issues).toEqual([
      { path: 'department', message: 'No participant of this programme is in "Marketing"' },
    ]);
    const malformed = await call(ids.lead, `/programmes/${programmeId}/health?startMonth=June`);
    expect(malformed.status).toBe(400);
  });
});

describe('figures stay at most 15 minutes old', () => {
  it('reads the stored figures, recomputes after 15 minutes, and on refresh', async () => {
    const first = await health();
    // A change to a pair is not seen while the figures are fresh...
    await app.repos.pairs.update(app.server.config.demoTenantId, ids.p(7), (p) => ({
      ...p,
      sessions: [
        ...p.sessions,
        { ...p.sessions[0]!, id: 'h-s7-2', index: 2, start: '2026-06-12T09:00:00.000Z' },
      ],
    }));
    clock.advance(14 * 60_000);
    expect((await health()).sessions.held).toBe(first.sessions.held);
    // ... and is once they are more than 15 minutes old.
    clock.advance(2 * 60_000);
    const later = await health();
    expect(later.sessions.held).toBe(first.sessions.held + 1);
    expect(later.generatedAt).toBe(clock.now().toISOString());
    // Refresh recomputes at once.
    await app.repos.pairs.update(app.server.config.demoTenantId, ids.p(7), (p) => ({
      ...p,
      sessions: p.sessions.filter((s) => s.id !== 'h-s7-2'),
    }));
    const res = await call(ids.lead, `/programmes/${programmeId}/health/refresh`, {
      method: 'POST',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as HealthResponse).sessions.held).toBe(first.sessions.held);
    clock.set(healthNow);
  });
});

describe('the lead acts: nudges and reminders', () => {
  it('nudges an at-risk pair once per 7 days, through the bot, to both members', async () => {
    const res = await call(ids.lead, `/programmes/${programmeId}/pairs/${ids.p(2)}/nudge`, {
      method: 'POST',
      body: {},
    });
    expect(res.status).toBe(200);
    const nudge = (await res.json()) as NudgeResponse;
    expect(nudge.reason).toBe('sessions_missed');
    expect(nudge.sentTo.map((s) => s.personId)).toEqual([ids.m(2), ids.e(2)]);
    expect(nudge.nudge).toEqual({
      available: false,
      lastSentAt: healthNow,
      nextAvailableAt: '2026-06-22T09:00:00.000Z',
    });
    const queued = await app.repos.notifications.query(app.server.config.demoTenantId, {
      where: "c.kind = 'lead_nudge' AND c.pairId = @pairId",
      parameters: [{ name: '@pairId', value: ids.p(2) }],
    });
    expect(queued.map((n) => n.value.recipientId).sort()).toEqual([ids.e(2), ids.m(2)].sort());
    expect(queued.every((n) => n.value.status === 'pending' && n.value.dueAt === healthNow)).toBe(
      true,
    );

    const again = await call(ids.lead, `/programmes/${programmeId}/pairs/${ids.p(2)}/nudge`, {
      method: 'POST',
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('nudge_too_soon');

    const h = await health();
    expect(h.atRisk.find((p) => p.id === ids.p(2))?.nudge).toEqual(nudge.nudge);
    expect(h.atRisk.find((p) => p.id === ids.p(1))?.nudge.available).toBe(true);

    clock.advance(7 * 24 * 60 * 60_000);
    tokens.clear(); // sign-ins last 8 hours
    const week = await call(ids.lead, `/programmes/${programmeId}/pairs/${ids.p(2)}/nudge`, {
      method: 'POST',
      body: { reason: 'low_rating' },
    });
    expect(week.status).toBe(200);
    clock.set(healthNow);
    tokens.clear();
  });

  it('refuses to nudge an ended pair or a pair of another programme', async () => {
    const ended = await call(ids.lead, `/programmes/${programmeId}/pairs/${ids.p(6)}/nudge`, {
      method: 'POST',
    });
    expect(ended.status).toBe(409);
    const elsewhere = await call(
      ids.lead,
      `/programmes/${draftProgrammeId}/pairs/${ids.p(1)}/nudge`,
      {
        method: 'POST',
      },
    );
    expect(elsewhere.status).toBe(404);
  });

  it('reminds an invitee who has not joined, once per 7 days; not someone not invited', async () => {
    const res = await call(
      ids.lead,
      `/programmes/${programmeId}/participants/${ids.invitee}/remind`,
      {
        method: 'POST',
      },
    );
    expect(res.status).toBe(200);
    const remind = (await res.json()) as RemindResponse;
    expect(remind.sentTo).toEqual([{ personId: ids.invitee, reachable: false }]);
    const queued = await app.repos.notifications.query(app.server.config.demoTenantId, {
      where: "c.kind = 'join_reminder' AND c.recipientId = @id",
      parameters: [{ name: '@id', value: ids.invitee }],
    });
    expect(queued).toHaveLength(1);
    expect(queued[0]!.value.payload).toMatchObject({ programmeName: 'Programme santé' });
    const again = await call(
      ids.lead,
      `/programmes/${programmeId}/participants/${ids.invitee}/remind`,
      {
        method: 'POST',
      },
    );
    expect(again.status).toBe(409);
    expect((await health()).participants.invitedNotJoined[0]?.reminder.available).toBe(false);
    const notInvited = await call(
      ids.lead,
      `/programmes/${programmeId}/participants/${ids.e(1)}/remind`,
      {
        method: 'POST',
      },
    );
    expect(notInvited.status).toBe(404);
  });
  it('the bot delivers the nudge and the reminder in each person’s language', async () => {
    const tenantId = app.server.config.demoTenantId;
    const adapter = new ProactiveTestAdapter();
    const notifier = new ProactiveNotifier({
      adapter,
      botAppId: '',
      conversations: app.repos.conversations,
      approvals: { view: () => Promise.reject(new Error('no approval here')) },
      tabUrl: 'https://mentoring.example/pair',
    });
    const talks = async (personId: string, locale: 'fr' | 'en') =>
      app.repos.conversations.remember(
        {
          tenantId,
          personId,
          locale,
          reference: {
            channelId: 'msteams',
            serviceUrl: 'https://smba.example/',
            conversation: { id: `a:${personId}`, conversationType: 'personal' },
            user: { id: `29:${personId}` },
            bot: { id: '28:bot' },
          },
        },
        clock.now(),
      );
    const cardText = async (n: Notification) => {
      const prepared = await notifier.prepare(n);
      if (!('send' in prepared)) throw new Error(`skipped: ${prepared.skip}`);
      await prepared.send();
      return JSON.stringify(adapter.getNextReply()?.attachments?.[0]?.content);
    };
    await talks(ids.m(2), 'fr');
    await talks(ids.e(2), 'en');
    await talks(ids.invitee, 'en');
    const queued = await app.repos.notifications.query(tenantId, {
      where: "c.kind = 'lead_nudge' AND c.pairId = @pairId",
      parameters: [{ name: '@pairId', value: ids.p(2) }],
    });
    const toMentor = queued.find((n) => n.value.recipientId === ids.m(2))!.value;
    const toMentee = queued.find((n) => n.value.recipientId === ids.e(2))!.value;
    const fr = await cardText(toMentor);
    expect(fr).toContain('Des nouvelles de votre binôme ?');
    expect(fr).toContain(
      'Hélène Lead, responsable du programme Programme santé, prend des nouvelles',
    );
    expect(fr).toContain('Mentee 2');
    const en = await cardText(toMentee);
    expect(en).toContain('How is your pair going?');
    expect(en).toContain('with Mentor 2');
    expect(en).toContain('Hélène Lead, who leads the Programme santé programme, is checking in');
    const reminder = await app.repos.notifications.query(tenantId, {
      where: "c.kind = 'join_reminder' AND c.recipientId = @id",
      parameters: [{ name: '@id', value: ids.invitee }],
    });
    expect(await cardText(reminder[0]!.value)).toContain('Programme santé is waiting for you');
  });
});

describe('authorisation', () => {
  const paths = [
    `/programmes/${programmeId}/health`,
    `/programmes/${programmeId}/report`,
    `/programmes/${programmeId}/report.csv`,
  ];

  it.each([
    ['a manager', ids.manager],
    ['a pair member', ids.e(1)],
    ['an outsider', ids.outsider],
  ])('%s gets 403 for health, the report and the CSV, and cannot nudge', async (_who, personId) => {
    for (const path of paths) {
      const res = await call(personId, path);
      expect(res.status, path).toBe(403);
      expect(await res.text()).not.toContain('Mentor 1');
    }
    const nudge = await call(personId, `/programmes/${programmeId}/pairs/${ids.p(1)}/nudge`, {
      method: 'POST',
    });
    expect(nudge.status).toBe(403);
  });

  it('an outsider gets 404 for a draft programme they do not lead', async () => {
    const res = await call(ids.outsider, `/programmes/${draftProgrammeId}/health`);
    expect(res.status).toBe(404);
  });

  it('a request without a token is 401', async () => {
    const res = await fetch(`${app.baseUrl}/api/programmes/${programmeId}/health`);
    expect(res.status).toBe(401);
  });

  it('a manager sees their reports’ participation and the approvals they were asked, nothing more', async () => {
    const res = await call(ids.manager, '/manager/reports');
    expect(res.status).toBe(200);
    const body = (await res.json()) as ManagerReportsResponse;
    expect(body.reports).toEqual([
      {
        personId: ids.e(1),
        displayName: 'Mentee 1',
        programmeId,
        programmeName: 'Programme santé',
        pairState: 'active',
        sessionsHeld: 2,
        sessionsPlanned: 3,
        sessionsInFrame: 6,
      },
      {
        personId: ids.e(4),
        displayName: 'Mentee 4',
        programmeId,
        programmeName: 'Programme santé',
        pairState: 'accepted',
        sessionsHeld: 0,
        sessionsPlanned: 0,
        sessionsInFrame: 6,
      },
    ]);
    expect(body.approvals).toEqual([
      expect.objectContaining({ personId: ids.e(1), status: 'approved', totalMinutes: 360 }),
    ]);
    const text = JSON.stringify(body);
    expect(text).not.toContain(sharedComment);
    expect(text).not.toContain('Mentor 1');
  });
});

describe('privacy and the bilan', () => {
  it('never lets a private note or an unshared comment reach the health JSON, the report or the CSV', async () => {
    const bodies = await Promise.all(
      [
        `/programmes/${programmeId}/health`,
        `/programmes/${programmeId}/report`,
        `/programmes/${programmeId}/report.csv?locale=fr`,
        `/programmes/${programmeId}/report.csv?locale=en`,
      ].map(async (path) => (await call(ids.lead, path)).text()),
    );
    for (const body of bodies) {
      expect(body).not.toContain(secrets.privateNote);
      expect(body).not.toContain(secrets.unsharedComment);
      expect(body).not.toContain(secrets.unsharedSuggestion);
    }
    // The health page carries no comment at all; the report only shared ones, without names.
    expect(bodies[0]).not.toContain(sharedComment);
    const report = JSON.parse(bodies[1]!) as ReportResponse;
    expect(report.sharedComments).toEqual([
      {
        direction: 'mentee_to_mentor',
        month: '2026-05',
        rating: 4,
        worked: sharedComment,
        suggestion: 'Plus d’exercices',
      },
      {
        direction: 'mentee_to_mentor',
        month: '2026-06',
        rating: 3,
        worked: formulaComment,
        suggestion: '',
      },
    ]);
    expect(JSON.stringify(report.sharedComments)).not.toContain('Mentee');
    expect(report.guide).toEqual({
      realNeed: { skillsRequested: 1, skillsInCatalogue: 8, pairsFormed: 7 },
      volunteers: {
        // The total minus the one invitee: hidden with the invitee.
        volunteered: { suppressed: true },
        invitedNotJoined: { suppressed: true },
        left: 0,
        pairsEndedEarly: 1,
      },
      // Six hours held by pairs are twelve hours of people's time, against 30 approved.
      timeFreed: { minutesApproved: 1800, memberMinutesHeld: 720 },
      evaluation: { feedbackCount: 8, responseRate: 0.67, assessedStartAndEnd: 6 },
    });
  });

  it('writes the CSV for Excel: BOM, ; in French and , in English, CRLF, formulas neutralised', async () => {
    const fr = await call(ids.lead, `/programmes/${programmeId}/report.csv?locale=fr`);
    expect(fr.status).toBe(200);
    expect(fr.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(fr.headers.get('content-disposition')).toBe(
      `attachment; filename="bilan-${programmeId}.csv"`,
    );
    const bytes = new Uint8Array(await fr.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = parse(text, { delimiter: ';', bom: true, record_delimiter: '\r\n' }) as string[][];
    expect(rows[0]).toEqual(['Rubrique', 'Indicateur', 'Valeur']);
    // A date and time Excel reads, not an ISO instant with milliseconds.
    expect(rows.find((r) => r[1] === 'Chiffres calculés le')?.[2]).toMatch(
      /^2026-06-15 \d{2}:\d{2} UTC$/,
    );
    expect(rows.every((r) => r.length === 3)).toBe(true);
    expect(rows).toContainEqual(['Séances', 'Tenues', '6']);
    expect(rows).toContainEqual(['Participation', 'État : invité, pas encore inscrit', 'masqué']);
    expect(rows).toContainEqual([
      'Satisfaction',
      'Avis des personnes mentorées sur leur mentor : note moyenne (sur 4)',
      '3,3',
    ]);
    // As on the printable page: the time approved, and the time both members spent in sessions.
    expect(rows).toContainEqual([
      'Questions clés',
      'Du temps libéré ? Heures accordées par les managers',
      '30',
    ]);
    expect(rows).toContainEqual([
      'Questions clés',
      'Du temps libéré ? Heures passées en séance par les deux membres',
      '12',
    ]);
    const comments = rows.filter((r) => r[0] === 'Commentaires partagés').map((r) => r[2]);
    expect(comments).toEqual([`${sharedComment} — Plus d’exercices`, `'${formulaComment}`]);
    expect(rows.flat().some((cell) => /^[=+\-@]/.test(cell))).toBe(false);

    const en = await call(ids.lead, `/programmes/${programmeId}/report.csv?locale=en`);
    const enRows = parse(await en.text(), { delimiter: ',', bom: true }) as string[][];
    expect(enRows[0]).toEqual(['Section', 'Indicator', 'Value']);
    expect(enRows).toContainEqual([
      'Satisfaction',
      'Mentees about their mentor: average rating (out of 4)',
      '3.3',
    ]);
    const bad = await call(ids.lead, `/programmes/${programmeId}/report.csv?locale=de`);
    expect(bad.status).toBe(400);
  });

  it('a comment shared from the feedback form reaches the report; unticked, it does not', async () => {
    const shared = await call(ids.e(5), `/pairs/${ids.p(5)}/sessions/h-s5-1/feedback`, {
      method: 'PUT',
      body: {
        rating: 3,
        worked: 'Partagé depuis le formulaire',
        suggestion: '',
        shareWithLead: true,
      },
    });
    expect(shared.status).toBe(200);
    const unshared = await call(ids.m(5), `/pairs/${ids.p(5)}/sessions/h-s5-1/feedback`, {
      method: 'PUT',
      body: { rating: 4, worked: 'Gardé pour mon binôme', suggestion: '' },
    });
    expect(unshared.status).toBe(200);
    await call(ids.lead, `/programmes/${programmeId}/health/refresh`, { method: 'POST' });
    const report = (await (
      await call(ids.lead, `/programmes/${programmeId}/report`)
    ).json()) as ReportResponse;
    const texts = report.sharedComments.map((c) => c.worked);
    expect(texts).toContain('Partagé depuis le formulaire');
    expect(texts).not.toContain('Gardé pour mon binôme');
  });

  it('records the lead’s nudges, reminders and CSV downloads in the audit log', async () => {
    const tenantId = app.server.config.demoTenantId;
    const page = await app.repos.audit.list(tenantId, { programmeId }, 100);
    const mine = page.items.map((v) => v.value).filter((e) => e.actorId === ids.lead);
    const nudges = mine.filter((e) => e.action === 'nudge.sent');
    expect(nudges.map((e) => e.targetId)).toContain(ids.p(2));
    expect(nudges.find((e) => e.targetId === ids.p(2))).toMatchObject({
      actorRole: 'lead',
      targetType: 'pair',
      subjectIds: [ids.m(2), ids.e(2)],
    });
    expect(mine.filter((e) => e.action === 'reminder.sent').map((e) => e.targetId)).toEqual([
      ids.invitee,
    ]);
    expect(mine.some((e) => e.action === 'report.exported' && e.targetId === programmeId)).toBe(
      true,
    );
    // A refused nudge (too soon) or a report read on screen is not an action on anyone.
    expect(nudges.filter((e) => e.targetId === ids.p(2))).toHaveLength(2);
  });

  it('counts quick help asked in the organisation, with the topics most asked', async () => {
    for (const [person, topic] of [
      [ids.e(1), 'xls'],
      [ids.e(3), 'Excel'],
      [ids.m(4), 'tricot numérique'],
    ] as const) {
      const asked = await call(person, '/buddy/requests', {
        method: 'POST',
        body: { topic, when: 'this_week', minutes: 15 },
      });
      expect(asked.status).toBe(201);
    }
    const refreshed = await call(ids.lead, `/programmes/${programmeId}/health/refresh`, {
      method: 'POST',
    });
    expect(refreshed.status).toBe(200);
    const help = ((await refreshed.json()) as HealthResponse).informalHelp;
    expect(help).toMatchObject({ requests: 3, answered: 0, medianMinutesToBuddy: null });
    expect(help?.weeks.reduce((n, w) => n + w.asked, 0)).toBe(3);
    // « xls » and « Excel » are one catalogue skill; the unknown topic is demand, unlabelled.
    expect(help?.topTopics[0]).toMatchObject({ count: 2, label: { en: 'Advanced Excel' } });
    expect(help?.topTopics[1]).toMatchObject({ count: 1, label: null });
  });
});
