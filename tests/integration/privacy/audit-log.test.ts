import type { ApprovalListResponse } from '../../../src/contracts/approvals';
import type { MatchingReviewResponse, MatchingRunResponse } from '../../../src/contracts/matching';
import type { AuditListItem, AuditListResponse } from '../../../src/contracts/privacy';
import type { ProgrammeResponse } from '../../../src/contracts/programmes';
import { fixedClock } from '../../../src/domain/clock';
import type { AuditAction } from '../../../src/domain/privacy/audit';
import { demoPersonId, demoProgrammeId } from '../../../src/local/seed/demo-data';
import { AuditRepository } from '../../../src/store/audit-repository';
import { startTestApp, type TestApp } from '../../support/app-server';
import { apiClient, errorCode, issuePaths } from '../api/api-client';
import { claire, tenantId } from './privacy-kit';

const sylvie = demoPersonId(3); // Romain's manager: his request is pending in the demo
const romain = demoPersonId(41);
const clock = fixedClock('2027-01-13T09:00:00Z');
const step = () => clock.advance(60_000);

let app: TestApp;
let api: ReturnType<typeof apiClient>;
let lead: string;
let draftId: string;
let afterProgrammeSteps: string;

const csv = [
  'email,display name,department,manager email,role wish,languages',
  'nadia.kaci@maison-lumiere.example,Nadia Kaci,Informatique,marc.dupont@maison-lumiere.example,mentor,fr;en',
].join('\n');

async function all(query = ''): Promise<AuditListItem[]> {
  const reply = await api.call<AuditListResponse>('GET', `/api/audit${query}`, { token: lead });
  expect(reply.status).toBe(200);
  return reply.body.entries;
}

beforeAll(async () => {
  app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' }, clock });
  api = apiClient(app.baseUrl);
  lead = await api.signIn(claire);

  // Programme: create, edit, move, retention.
  const created = await api.call<ProgrammeResponse>('POST', '/api/programmes', {
    token: lead,
    json: { name: 'Audit pilote', startDate: '2027-02-01', endDate: '2027-06-30' },
  });
  expect(created.status).toBe(201);
  if (!created.body.canManage) throw new Error('the creator manages the programme');
  const p = created.body.programme;
  draftId = p.id;
  step();
  const edited = await api.call<ProgrammeResponse>('PUT', `/api/programmes/${p.id}`, {
    token: lead,
    json: {
      name: 'Audit pilote 2027',
      description: p.description,
      startDate: p.startDate,
      endDate: p.endDate,
      skills: p.skills,
      frame: p.frame,
      managerApprovalRequired: p.managerApprovalRequired,
      weights: p.weights,
      leadIds: p.leadIds,
      version: created.body.version,
    },
  });
  expect(edited.status).toBe(200);
  step();
  const moved = await api.call('POST', `/api/programmes/${p.id}/status`, {
    token: lead,
    json: { to: 'enrolling' },
  });
  expect(moved.status).toBe(200);
  step();
  const retention = await api.call('PUT', `/api/programmes/${p.id}/retention`, {
    token: lead,
    json: { retentionMonths: 6 },
  });
  expect(retention.status).toBe(200);
  afterProgrammeSteps = clock.now().toISOString();
  step();

  // Import, matching run, pin, block, unpin, publish on the demo programme.
  const imported = await api.call('POST', `/api/programmes/${demoProgrammeId}/imports`, {
    token: lead,
    json: { csv, fileName: 'volontaires.csv' },
  });
  expect(imported.status).toBe(202);
  step();
  const base = `/api/programmes/${demoProgrammeId}/matching`;
  const started = await api.call<MatchingRunResponse>('POST', `${base}/runs`, { token: lead });
  expect(started.status).toBe(202);
  for (let i = 0; ; i++) {
    const run = await api.call<MatchingRunResponse>('GET', `${base}/runs/${started.body.id}`, {
      token: lead,
    });
    if (run.body.status === 'succeeded') break;
    expect(run.body.status).not.toBe('failed');
    expect(i).toBeLessThan(300);
    await new Promise((r) => setTimeout(r, 50));
  }
  step();
  expect((await api.call('POST', `${base}/accept-all`, { token: lead })).status).toBe(200);
  step();
  const review = await api.call<MatchingReviewResponse>('GET', base, { token: lead });
  const [first, second] = review.body.proposals;
  const pinned = { mentorId: first!.mentor.personId, menteeId: first!.mentee.personId };
  expect((await api.call('POST', `${base}/pins`, { token: lead, json: pinned })).status).toBe(200);
  step();
  const blocked = { mentorId: second!.mentor.personId, menteeId: second!.mentee.personId };
  expect((await api.call('POST', `${base}/blocks`, { token: lead, json: blocked })).status).toBe(
    200,
  );
  step();
  const unpinned = await api.call('DELETE', `${base}/pins/${pinned.mentorId}/${pinned.menteeId}`, {
    token: lead,
  });
  expect(unpinned.status).toBe(200);
  step();
  expect((await api.call('POST', `${base}/publish`, { token: lead })).status).toBe(200);
  step();

  // A manager's decision, and an export.
  const manager = await api.signIn(sylvie);
  const list = await api.call<ApprovalListResponse>('GET', '/api/approvals', { token: manager });
  const pending = list.body.approvals.find((a) => a.status === 'pending' && a.person.id === romain);
  const decided = await api.call('POST', `/api/approvals/${pending!.id}/decision`, {
    token: manager,
    json: { decision: 'approved', version: pending!.version },
  });
  expect(decided.status).toBe(200);
  step();
  expect((await api.call('GET', '/api/me/export', { token: manager })).status).toBe(200);
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

describe('the audit log', () => {
  it('records every lead and manager action, with who and on what', async () => {
    const entries = await all('?pageSize=200');
    const byAction = (a: AuditAction) => entries.filter((e) => e.action === a);
    const expected: AuditAction[] = [
      'programme.created',
      'programme.edited',
      'programme.status_changed',
      'programme.retention_changed',
      'participants.imported',
      'matching.run_started',
      'matching.accepted_all',
      'matching.pinned',
      'matching.blocked',
      'matching.constraint_removed',
      'matching.published',
      'approval.decided',
      'personal_data.exported',
    ];
    for (const action of expected) expect(byAction(action), action).toHaveLength(1);
    expect(byAction('programme.status_changed')[0]).toMatchObject({
      actorId: claire,
      actorName: 'Claire Dubois',
      actorRole: 'lead',
      targetType: 'programme',
      targetId: draftId,
      details: { from: 'draft', to: 'enrolling' },
    });
    expect(byAction('programme.retention_changed')[0]).toMatchObject({
      details: { from: 12, to: 6 },
    });
    expect(byAction('approval.decided')[0]).toMatchObject({
      actorId: sylvie,
      actorName: 'Sylvie Garnier',
      actorRole: 'manager',
      subjectIds: [romain],
      details: { decision: 'approved' },
    });
    expect(byAction('personal_data.exported')[0]).toMatchObject({
      actorRole: 'self',
      targetType: 'person',
      targetName: 'Sylvie Garnier',
    });
    // Newest first.
    const times = entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('filters by actor, action, target (or person concerned), programme and time, page by page', async () => {
    expect((await all(`?actorId=${sylvie}`)).map((e) => e.action).sort()).toEqual([
      'approval.decided',
      'personal_data.exported',
    ]);
    expect((await all('?action=matching.blocked')).map((e) => e.action)).toEqual([
      'matching.blocked',
    ]);
    expect((await all(`?targetId=${romain}`)).map((e) => e.action)).toEqual(['approval.decided']);
    expect((await all(`?programmeId=${draftId}`)).length).toBe(4);
    const early = await all(`?to=${encodeURIComponent(afterProgrammeSteps)}`);
    expect(early.map((e) => e.action).sort()).toEqual([
      'programme.created',
      'programme.edited',
      'programme.status_changed',
    ]);
    const seen: string[] = [];
    let continuation: string | undefined;
    do {
      const query = `?pageSize=5${continuation ? `&continuation=${encodeURIComponent(continuation)}` : ''}`;
      const reply = await api.call<AuditListResponse>('GET', `/api/audit${query}`, { token: lead });
      expect(reply.status).toBe(200);
      expect(reply.body.entries.length).toBeLessThanOrEqual(5);
      seen.push(...reply.body.entries.map((e) => e.id));
      continuation = reply.body.continuation;
    } while (continuation);
    expect(seen).toEqual((await all('?pageSize=200')).map((e) => e.id));
  });

  it('is for tenant leads only', async () => {
    const reply = await api.call('GET', '/api/audit', { token: await api.signIn(sylvie) });
    expect(reply.status).toBe(403);
    expect(errorCode(reply)).toBe('forbidden');
    expect((await api.call('GET', '/api/audit')).status).toBe(401);
  });

  it('says which filter is wrong, in a 400', async () => {
    for (const [query, path] of [
      ['?pageSize=abc', 'pageSize'],
      ['?pageSize=0', 'pageSize'],
      ['?action=programme.deleted', 'action'],
      ['?from=yesterday', 'from'],
      [
        `?from=${encodeURIComponent('2027-02-01T00:00:00Z')}&to=${encodeURIComponent('2027-01-01T00:00:00Z')}`,
        'to',
      ],
      ['?continuation=not-a-token', 'continuation'],
    ] as const) {
      const reply = await api.call('GET', `/api/audit${query}`, { token: lead });
      expect(reply.status, query).toBe(400);
      expect(issuePaths(reply), query).toEqual([path]);
    }
  });

  it('has no route that changes or removes an entry', async () => {
    const before = await all('?pageSize=200');
    const id = before[0]!.id;
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const path of ['/api/audit', `/api/audit/${encodeURIComponent(id)}`]) {
        const reply = await api.call(method, path, {
          token: lead,
          json: { action: 'programme.created', actorId: claire },
        });
        expect(reply.status, `${method} ${path}`).toBe(404);
      }
    }
    expect(await all('?pageSize=200')).toEqual(before);
  });

  it('its repository can only append and list', () => {
    expect(Object.getOwnPropertyNames(AuditRepository.prototype).sort()).toEqual([
      'about',
      'append',
      'constructor',
      'list',
    ]);
  });

  it('an entry cannot be written twice under one id', async () => {
    const [entry] = await app.repos.audit.about(tenantId, sylvie);
    await expect(app.repos.audit.append(entry!)).rejects.toMatchObject({ code: 'already_exists' });
  });
});
