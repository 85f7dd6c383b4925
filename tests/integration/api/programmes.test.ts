import type { ProgrammeResponse, ReadinessResponse } from '../../../src/contracts/programmes';
import { demoPersonId, demoProgrammeId } from '../../../src/local/seed/demo-data';
import { startTestApp, type TestApp } from '../../support/app-server';
import { apiClient, errorCode, issuePaths } from './api-client';

const claire = demoPersonId(5); // leads the demo programme
const emma = demoPersonId(10); // a participant
const lucas = demoPersonId(9); // another participant

type Managed = Extract<ProgrammeResponse, { canManage: true }>;

describe('programmes for leads, summaries for everyone', () => {
  let app: TestApp;
  let api: ReturnType<typeof apiClient>;
  let lead: string;
  let participant: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' } });
    api = apiClient(app.baseUrl);
    lead = await api.signIn(claire);
    participant = await api.signIn(emma);
  });
  afterAll(async () => {
    await app?.stop();
  });

  const create = (token: string, json: unknown) =>
    api.call<Managed>('POST', '/api/programmes', { token, json });
  const pilot = {
    name: 'Pilote Lyon',
    description: 'Un pilote sur le site de Lyon',
    startDate: '2027-03-01',
    endDate: '2027-06-30',
    skills: [
      { id: 'power-bi', label: { fr: 'Power BI', en: 'Power BI' }, kind: 'digital' },
      { id: 'negotiation', label: { fr: 'Négociation', en: 'Negotiation' }, kind: 'know_how' },
    ],
    frame: { sessions: 4, durationMinutes: 45, frequency: 'weekly', place: 'on_site' },
  };

  it('lets a lead create a draft that only leads can see', async () => {
    const created = await create(lead, pilot);
    expect(created.status).toBe(201);
    expect(created.body.canManage).toBe(true);
    expect(created.body.programme).toMatchObject({
      name: 'Pilote Lyon',
      status: 'draft',
      leadIds: [claire],
      frame: { sessions: 4, durationMinutes: 45 },
      managerApprovalRequired: true,
    });
    // Compression may mark the header weak; If-Match accepts it either way.
    expect(created.etag?.replace(/^W\//, '')).toBe(created.body.version);
    const id = created.body.programme.id;

    const hidden = await api.call('GET', `/api/programmes/${id}`, { token: participant });
    expect(hidden.status).toBe(404);
    expect(errorCode(hidden)).toBe('programme_not_found');
    const list = await api.call<{ programmes: { id: string }[] }>('GET', '/api/programmes', {
      token: participant,
    });
    expect(list.body.programmes.map((p) => p.id)).not.toContain(id);
  });

  it('refuses programme creation and edits to participants', async () => {
    const refused = await create(participant, pilot);
    expect(refused.status).toBe(403);
    expect(errorCode(refused)).toBe('forbidden');

    const current = await api.call<Managed>('GET', `/api/programmes/${demoProgrammeId}`, {
      token: lead,
    });
    const {
      id: _id,
      tenantId: _t,
      status: _s,
      createdAt: _c,
      updatedAt: _u,
      constraints: _k,
      ...editable
    } = current.body.programme;
    const edit = await api.call('PUT', `/api/programmes/${demoProgrammeId}`, {
      token: participant,
      json: { ...editable, name: 'Pris en main', version: current.body.version },
    });
    expect(edit.status).toBe(403);
    const status = await api.call('POST', `/api/programmes/${demoProgrammeId}/status`, {
      token: participant,
      json: { to: 'closed' },
    });
    expect(status.status).toBe(403);
    expect(
      (
        await api.call('GET', `/api/programmes/${demoProgrammeId}/readiness`, {
          token: participant,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api.call('GET', `/api/programmes/${demoProgrammeId}/participants`, {
          token: participant,
        })
      ).status,
    ).toBe(403);
  });

  it('shows participants a summary without the lead-only settings', async () => {
    const reply = await api.call<ProgrammeResponse>('GET', `/api/programmes/${demoProgrammeId}`, {
      token: participant,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.canManage).toBe(false);
    expect(reply.body.programme).not.toHaveProperty('weights');
    expect(reply.body.programme).not.toHaveProperty('leadIds');
    expect(reply.body.programme.skills.length).toBeGreaterThan(5);
  });

  it('edits with the version it was loaded at; a stale or missing version is a conflict', async () => {
    const created = await create(lead, pilot);
    const p = created.body.programme;
    const form = {
      name: 'Pilote Lyon 2027',
      description: p.description,
      startDate: p.startDate,
      endDate: '2027-07-15',
      skills: p.skills,
      frame: { ...p.frame, sessions: 6 },
      managerApprovalRequired: false,
      weights: { ...p.weights, diversity: 0.2 },
      leadIds: [claire, lucas],
    };
    const saved = await api.call<Managed>('PUT', `/api/programmes/${p.id}`, {
      token: lead,
      json: form,
      headers: { 'if-match': created.body.version },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.programme).toMatchObject({
      name: 'Pilote Lyon 2027',
      endDate: '2027-07-15',
      frame: { sessions: 6 },
      managerApprovalRequired: false,
      leadIds: [claire, lucas],
    });
    expect(saved.body.version).not.toBe(created.body.version);

    const stale = await api.call('PUT', `/api/programmes/${p.id}`, {
      token: lead,
      json: { ...form, name: 'Écrasé', version: created.body.version },
    });
    expect(stale.status).toBe(409);
    expect(errorCode(stale)).toBe('version_conflict');
    const blind = await api.call('PUT', `/api/programmes/${p.id}`, { token: lead, json: form });
    expect(blind.status).toBe(409);
    const after = await api.call<Managed>('GET', `/api/programmes/${p.id}`, { token: lead });
    expect(after.body.programme.name).toBe('Pilote Lyon 2027');
  });

  it('moves draft → enrolling → matching → running → closed, refusing skipped steps', async () => {
    const { body } = await create(lead, pilot);
    const id = body.programme.id;
    const move = (to: string) =>
      api.call<Managed>('POST', `/api/programmes/${id}/status`, { token: lead, json: { to } });
    const skip = await move('running');
    expect(skip.status).toBe(409);
    expect(errorCode(skip)).toBe('invalid_transition');
    for (const to of ['enrolling', 'matching', 'running', 'closed']) {
      const reply = await move(to);
      expect(reply.status).toBe(200);
      expect(reply.body.programme.status).toBe(to);
    }
    expect((await move('closed')).status).toBe(200); // repeating a move changes nothing
    expect((await move('enrolling')).status).toBe(409);
    const stale = await api.call('POST', `/api/programmes/${id}/status`, {
      token: lead,
      json: { to: 'closed', version: body.version },
    });
    expect(stale.status).toBe(200); // already closed: idempotent before any version check
  });

  it('answers bad JSON and bad fields with 400 naming each field', async () => {
    const badJson = await api.call('POST', '/api/programmes', {
      token: lead,
      raw: '{"name": "Pilote",',
    });
    expect(badJson.status).toBe(400);
    expect(errorCode(badJson)).toBe('validation_failed');
    expect(JSON.stringify(badJson.body)).toMatch(/not valid JSON/);

    const badFields = await create(lead, {
      ...pilot,
      name: '',
      endDate: '2027-01-01',
      frame: { ...pilot.frame, sessions: 0, frequency: 'daily' },
      skills: [{ id: 'Power BI', label: { fr: 'Power BI' }, kind: 'digital' }],
    });
    expect(badFields.status).toBe(400);
    expect(issuePaths(badFields)).toEqual(
      expect.arrayContaining([
        'name',
        'frame.sessions',
        'frame.frequency',
        'skills.0.id',
        'skills.0.label.en',
      ]),
    );
    const dates = await create(lead, { ...pilot, endDate: '2027-01-01' });
    expect(issuePaths(dates)).toEqual(['endDate']);
    expect(JSON.stringify(dates.body)).toMatch(/endDate must be on or after startDate/);
  });

  it('shows readiness: participants by role, supply against demand, and warnings', async () => {
    const demo = await api.call<ReadinessResponse>(
      'GET',
      `/api/programmes/${demoProgrammeId}/readiness`,
      { token: lead },
    );
    expect(demo.status).toBe(200);
    expect(demo.body.participants.active).toBeGreaterThanOrEqual(20);
    const powerBi = demo.body.skills.find((s) => s.skillId === 'power-bi');
    expect(powerBi?.teachers).toBeGreaterThan(0);
    expect(powerBi?.learners).toBeGreaterThan(0);
    expect(demo.body.warnings.map((w) => w.code)).not.toContain('too_few_participants');

    // A fresh programme with one volunteer who only wants to learn Power BI.
    const { body } = await create(lead, pilot);
    const id = body.programme.id;
    await api.call('POST', `/api/programmes/${id}/status`, {
      token: lead,
      json: { to: 'enrolling' },
    });
    const mentee = await api.signIn(demoPersonId(40));
    const optIn = await api.call<{ version: string }>(
      'POST',
      `/api/programmes/${id}/profile/me/opt-in`,
      {
        token: mentee,
        json: { consentTextVersion: '2026-11' },
      },
    );
    expect(optIn.status).toBe(200);
    const edited = await api.call('PUT', `/api/programmes/${id}/profile/me`, {
      token: mentee,
      json: {
        roleWish: 'mentee',
        teaches: [{ skillId: 'negotiation', level: 5 }],
        learns: [{ skillId: 'power-bi', level: 1, goal: 'Construire un tableau de bord' }],
        languages: ['fr'],
        timeZone: 'Europe/Paris',
        availability: [{ day: 'tue', start: '09:00', end: '11:00' }],
        workMode: 'on_site',
        bio: 'Juriste senior',
        version: optIn.body.version,
      },
    });
    expect(edited.status).toBe(200);
    const fresh = await api.call<ReadinessResponse>('GET', `/api/programmes/${id}/readiness`, {
      token: lead,
    });
    expect(fresh.body.participants).toMatchObject({
      active: 1,
      byRole: { mentor: 0, mentee: 1, both: 0 },
      byStatus: { opted_in: 1 },
    });
    expect(fresh.body.skills.find((s) => s.skillId === 'power-bi')).toMatchObject({
      teachers: 0,
      learners: 1,
    });
    expect(fresh.body.warnings).toEqual(
      expect.arrayContaining([
        { code: 'too_few_participants', params: { count: 1, minimum: 10 } },
        { code: 'skill_without_teacher', params: { skillId: 'power-bi', learners: 1 } },
        { code: 'one_sided_cohort', params: { mentors: 0, mentees: 1, missing: 'mentor' } },
      ]),
    );
    expect(fresh.body.ready).toBe(false);
    const participants = await api.call<{ participants: { personId: string; status: string }[] }>(
      'GET',
      `/api/programmes/${id}/participants`,
      { token: lead },
    );
    expect(participants.body.participants).toEqual([
      expect.objectContaining({ personId: demoPersonId(40), status: 'opted_in' }),
    ]);
  });
});
