import type { PairCalendarResponse, SlotsResponse } from '../../../src/contracts/calendar';
import type { MyPairsResponse, PairDashboardResponse } from '../../../src/contracts/pairs';
import type { BuddyMeResponse } from '../../../src/contracts/buddy';
import type { EraseResponse, PersonalDataExport } from '../../../src/contracts/privacy';
import { fixedClock } from '../../../src/domain/clock';
import { demoPairIds } from '../../../src/local/seed/demo-pairs';
import { startTestApp, type TestApp } from '../../support/app-server';
import { apiClient, errorCode, issuePaths } from '../api/api-client';
import {
  adam,
  claire,
  ethan,
  everyDocument,
  giveYanisDataEverywhere,
  holding,
  martine,
  tenantId,
  yanis,
  yanisTraces,
} from './privacy-kit';

const clock = fixedClock('2027-01-13T09:00:00Z');

let app: TestApp;
let api: ReturnType<typeof apiClient>;
let yanisToken: string;
let martineToken: string;

beforeAll(async () => {
  app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' }, clock });
  api = apiClient(app.baseUrl);
  yanisToken = await api.signIn(yanis);
  martineToken = await api.signIn(martine);
  // The pair's remaining sessions become a series in both calendars (calendar container).
  const slots = await api.call<SlotsResponse>('GET', `/api/pairs/${demoPairIds.powerBi}/slots`, {
    token: yanisToken,
  });
  expect(slots.status).toBe(200);
  const booked = await api.call<PairCalendarResponse>(
    'POST',
    `/api/pairs/${demoPairIds.powerBi}/booking`,
    { token: yanisToken, json: { slot: slots.body.proposals[0]!.slot } },
  );
  expect(booked.status).toBe(201);
  await giveYanisDataEverywhere(app.repos, clock);
  // Quick help: Yanis offers help and asks for some (buddies and helpRequests containers; a
  // request lives in a tenant|month partition).
  const me = await api.call<BuddyMeResponse>('GET', '/api/buddy/me', { token: yanisToken });
  const offered = await api.call('PUT', '/api/buddy/me', {
    token: yanisToken,
    json: {
      ...me.body.settings,
      ...(me.body.version ? { version: me.body.version } : {}),
      active: true,
      skills: [{ skillId: 'teams', level: 3 }],
    },
  });
  expect(offered.status, JSON.stringify(offered.body)).toBe(200);
  const asked = await api.call('POST', '/api/buddy/requests', {
    token: yanisToken,
    json: {
      topic: 'excel',
      question: 'Un tableau croisé pour Yanis ?',
      when: 'today',
      minutes: 15,
    },
  });
  expect(asked.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

describe('GET /api/me/export', () => {
  let exported: PersonalDataExport;

  it('is one JSON file to download', async () => {
    const response = await fetch(`${app.baseUrl}/api/me/export`, {
      headers: { authorization: `Bearer ${yanisToken}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="mentoring-data-2027-01-13.json"',
    );
    exported = (await response.json()) as PersonalDataExport;
    expect(exported).toMatchObject({
      format: 'mentoring-personal-data',
      personId: yanis,
      exportedAt: '2027-01-13T09:00:00.000Z',
    });
  });

  it('holds what the app keeps about the caller in every container', () => {
    expect(exported.directory).toMatchObject({
      displayName: 'Yanis Benali',
      email: yanisTraces.email,
    });
    expect(exported.profiles).toHaveLength(1);
    expect(exported.profiles[0]).toMatchObject({ id: yanis, programmeName: expect.any(String) });
    expect(exported.consent[0]).toMatchObject({
      status: 'opted_in',
      consentedAt: expect.any(String),
    });
    expect(exported.proposals).toEqual([
      expect.objectContaining({
        id: 'prop-privacy-yanis-adam',
        role: 'mentor',
        yourAnswer: expect.objectContaining({ answer: 'accepted' }),
        partnerAnswered: false,
      }),
    ]);
    const pair = exported.pairs.find((p) => p.id === demoPairIds.powerBi) as Record<
      string,
      unknown
    >;
    expect(pair).toMatchObject({
      role: 'mentor',
      partnerName: 'Martine Chevalier',
      state: 'active',
    });
    const sessions = pair.sessions as { status: string; sharedNotes: string | null }[];
    expect(sessions.filter((s) => s.status === 'held').length).toBeGreaterThan(0);
    expect(sessions.some((s) => s.sharedNotes)).toBe(true);
    expect((pair.feedbackGiven as unknown[]).length).toBeGreaterThan(0);
    expect((pair.feedbackReceived as unknown[]).length).toBeGreaterThan(0);
    expect((pair.assessments as unknown[]).length).toBeGreaterThan(0);
    expect(exported.privateNotes.length).toBeGreaterThan(0);
    expect(exported.approvals.asEmployee).toEqual([
      expect.objectContaining({ id: 'approval-privacy-yanis', status: 'approved' }),
    ]);
    expect(exported.approvals.asManager).toEqual([
      expect.objectContaining({
        id: 'approval-privacy-by-yanis',
        employeeName: 'Ethan Walker',
        comment: 'Bonne idée, allez-y',
      }),
    ]);
    expect(exported.notifications).toEqual([
      expect.objectContaining({ kind: 'welcome', status: 'sent' }),
    ]);
    expect(exported.conversation).toMatchObject({ channelId: 'msteams', locale: 'fr' });
    expect(exported.quickHelp.settings).toMatchObject({ id: yanis, active: true });
    expect(exported.quickHelp.asked).toEqual([
      expect.objectContaining({
        topic: 'Advanced Excel',
        question: 'Un tableau croisé pour Yanis ?',
        status: 'offered',
      }),
    ]);
    expect(exported.quickHelp.asked[0]).not.toHaveProperty('offers');
    expect(exported.audit).toEqual([
      expect.objectContaining({
        action: 'participants.imported',
        actor: 'lead',
        target: 'import-privacy',
      }),
    ]);
  });

  it('names other people only as the caller sees them: no partner id, e-mail or private note', async () => {
    const json = JSON.stringify(exported);
    for (const other of [martine, adam, ethan, claire]) expect(json).not.toContain(other);
    expect(json).not.toContain('martine.chevalier@');
    // Martine's own private notes on the pair are hers alone.
    const hers = await app.repos.notes.notebookOf(tenantId, demoPairIds.powerBi, martine);
    for (const note of hers?.value.notes ?? []) expect(json).not.toContain(note.text);
  });

  it('is recorded in the audit log', async () => {
    const about = await app.repos.audit.about(tenantId, yanis);
    expect(about.map((e) => e.action)).toContain('personal_data.exported');
  });
});

describe('POST /api/me/erase', () => {
  it('refuses without an explicit confirmation, and changes nothing', async () => {
    for (const json of [{}, { confirm: 'yes' }, { confirm: false }]) {
      const reply = await api.call('POST', '/api/me/erase', { token: yanisToken, json });
      expect(reply.status).toBe(400);
      expect(issuePaths(reply)).toEqual(['confirm']);
    }
    expect(await app.repos.profiles.find(tenantId, yanis)).toBeDefined();
  });

  it('a person who is not a tenant lead cannot erase someone else', async () => {
    const reply = await api.call('POST', `/api/people/${yanis}/erase`, {
      token: martineToken,
      json: { confirm: true },
    });
    expect(reply.status).toBe(403);
    expect(errorCode(reply)).toBe('forbidden');
  });

  let erased: EraseResponse;

  it('ends the open pair, withdraws the open proposal and says what it did', async () => {
    const reply = await api.call<EraseResponse>('POST', '/api/me/erase', {
      token: yanisToken,
      json: { confirm: true },
    });
    expect(reply.status).toBe(200);
    erased = reply.body;
    expect(erased).toMatchObject({ erased: true, pairsEnded: 1, proposalsWithdrawn: 1 });
    expect(erased.documentsDeleted).toBeGreaterThan(0);
    expect(erased.documentsRewritten).toBeGreaterThan(0);
  });

  it('leaves no id, e-mail or name of the person in any container (the audit log keeps ids only)', async () => {
    const all = await everyDocument(app.server.store);
    for (const [name, docs] of Object.entries(all)) {
      expect(holding(docs, yanisTraces.email), name).toEqual([]);
      expect(holding(docs, yanisTraces.name), name).toEqual([]);
      if (name !== 'audit') expect(holding(docs, yanis), name).toEqual([]);
    }
    // His own documents are gone, not merely renamed.
    expect(await app.repos.profiles.find(tenantId, yanis)).toBeUndefined();
    expect(await app.repos.people.find(tenantId, yanis)).toBeUndefined();
    expect(await app.repos.conversations.ofPerson(tenantId, yanis)).toBeUndefined();
    expect(await app.repos.notes.notebookOf(tenantId, demoPairIds.powerBi, yanis)).toBeUndefined();
    // The audit log names him by id only, in the entries about him.
    for (const entry of all.audit) {
      const json = JSON.stringify(entry);
      if (json.includes(yanis)) {
        expect([
          entry.actorId,
          entry.targetId,
          ...((entry.subjectIds as string[]) ?? []),
        ]).toContain(yanis);
      }
    }
  });

  it('cancels the rest of the series in the calendar', async () => {
    const [series] = await app.repos.calendar.query(tenantId, {
      where: "c.kind = 'series' AND c.pairId = @p",
      parameters: [{ name: '@p', value: demoPairIds.powerBi }],
    });
    const now = clock.now().toISOString();
    const future = series!.value.occurrences.filter((o) => o.start > now);
    expect(future.length).toBeGreaterThan(0);
    expect(future.every((o) => o.cancelled)).toBe(true);
  });

  it('the partner still sees the pair, ended, with a former participant, and is told in Teams', async () => {
    const mine = await api.call<MyPairsResponse>('GET', '/api/pairs/mine', { token: martineToken });
    expect(mine.status).toBe(200);
    const item = mine.body.pairs.find((p) => p.id === demoPairIds.powerBi);
    expect(item).toMatchObject({ state: 'ended', partner: { displayName: 'Ancien participant' } });
    const dashboard = await api.call<PairDashboardResponse>(
      'GET',
      `/api/pairs/${demoPairIds.powerBi}/dashboard`,
      { token: martineToken },
    );
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.pair.partner.displayName).toBe('Ancien participant');
    // Her own private notes are untouched; his feedback to her lost its text, not its rating.
    expect(dashboard.body.privateNotes.length).toBeGreaterThan(0);
    const notices = await app.repos.notifications.ofRecipient(tenantId, martine);
    expect(notices.map((n) => n.value.kind)).toContain('partner_left');
    const pair = (await app.repos.pairs.get(tenantId, demoPairIds.powerBi)).value;
    const fromHim = pair.feedback.filter((f) => f.fromId === pair.mentorId);
    expect(fromHim.length).toBeGreaterThan(0);
    expect(fromHim.every((f) => f.worked === '' && f.suggestion === '')).toBe(true);
    expect(pair.assessments.every((a) => a.personId === martine)).toBe(true);
  });

  it('is idempotent: asking again erases nothing more and is not audited twice', async () => {
    const again = await api.call<EraseResponse>('POST', '/api/me/erase', {
      token: yanisToken,
      json: { confirm: true },
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({
      erased: false,
      pairsEnded: 0,
      proposalsWithdrawn: 0,
      documentsDeleted: 0,
      documentsRewritten: 0,
    });
    const lead = await api.signIn(claire);
    const byLead = await api.call<EraseResponse>('POST', `/api/people/${yanis}/erase`, {
      token: lead,
      json: { confirm: true },
    });
    expect(byLead.status).toBe(200);
    expect(byLead.body.erased).toBe(false);
    const erasures = (await app.repos.audit.about(tenantId, yanis)).filter(
      (e) => e.action === 'personal_data.erased',
    );
    expect(erasures).toHaveLength(1);
    expect(erasures[0]).toMatchObject({ actorId: yanis, actorRole: 'self', targetId: yanis });
  });
});

describe('POST /api/people/:personId/erase', () => {
  it('a tenant lead erases someone on their request; the audit log says who did', async () => {
    const louise = '00000000-0000-4000-8000-000000000033';
    const lead = await api.signIn(claire);
    const reply = await api.call<EraseResponse>('POST', `/api/people/${louise}/erase`, {
      token: lead,
      json: { confirm: true },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ erased: true, pairsEnded: 1 });
    const all = await everyDocument(app.server.store);
    for (const [name, docs] of Object.entries(all)) {
      expect(holding(docs, 'Louise Nicolas'), name).toEqual([]);
      if (name !== 'audit') expect(holding(docs, louise), name).toEqual([]);
    }
    const [entry] = (await app.repos.audit.about(tenantId, louise)).filter(
      (e) => e.action === 'personal_data.erased',
    );
    expect(entry).toMatchObject({ actorId: claire, actorRole: 'lead', targetId: louise });
  });
});

describe('erasing a manager', () => {
  it('leaves their reports without a manager rather than with a pseudonymous one', async () => {
    const marc = '00000000-0000-4000-8000-000000000027';
    const lead = await api.signIn(claire);
    const reply = await api.call<EraseResponse>('POST', `/api/people/${marc}/erase`, {
      token: lead,
      json: { confirm: true },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ erased: true, pairsEnded: 0 });
    expect((await app.repos.people.get(tenantId, ethan)).value.managerId).toBeNull();
    const all = await everyDocument(app.server.store);
    for (const [name, docs] of Object.entries(all)) {
      expect(holding(docs, 'Marc Dupont'), name).toEqual([]);
      if (name !== 'audit') expect(holding(docs, marc), name).toEqual([]);
    }
  });
});

describe('the /privacy page', () => {
  it('says how to use these rights and how long data is kept, in French and English', async () => {
    const html = await (await fetch(`${app.baseUrl}/privacy`)).text();
    for (const text of [
      '« Télécharger mes données »',
      '« Effacer mes données »',
      '12 mois par',
      '“Download my data”',
      '“Erase my data”',
      '12 months by default',
      'Audit log',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).not.toContain('Ask the HR team running the programme to export or erase');
  });
});
