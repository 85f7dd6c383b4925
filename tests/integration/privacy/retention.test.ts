import type { RetentionResponse } from '../../../src/contracts/privacy';
import { fixedClock } from '../../../src/domain/clock';
import { aProgramme } from '../../fixtures/builders';
import { demoProgrammeId } from '../../../src/local/seed/demo-data';
import { demoPairIds } from '../../../src/local/seed/demo-pairs';
import { startTestApp, type TestApp } from '../../support/app-server';
import { apiClient, errorCode, issuePaths } from '../api/api-client';
import { claire, everyDocument, martine, tenantId, yanis } from './privacy-kit';

const clock = fixedClock('2027-01-13T09:00:00Z');
const retention = `/api/programmes/${demoProgrammeId}/retention`;

let app: TestApp;
let api: ReturnType<typeof apiClient>;
let lead: string;

beforeAll(async () => {
  app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' }, clock });
  api = apiClient(app.baseUrl);
  lead = await api.signIn(claire);
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

/** The programme's documents in every container but its own and the audit log. */
async function programmeData(pairIds: string[]) {
  const all = await everyDocument(app.server.store);
  const ofProgramme = (d: Record<string, unknown>) =>
    d.programmeId === demoProgrammeId || pairIds.includes(String(d.pairId));
  return Object.fromEntries(
    Object.entries(all)
      .filter(([name]) => name !== 'programmes' && name !== 'audit')
      .map(([name, docs]) => [name, docs.filter(ofProgramme).map((d) => String(d.id))]),
  );
}

describe('retention of a programme’s personal data', () => {
  it('an open programme keeps data 12 months after it closes, by default', async () => {
    const reply = await api.call<RetentionResponse>('GET', retention, { token: lead });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      retentionMonths: 12,
      isDefault: true,
      closedAt: null,
      purgeAt: null,
      purgedAt: null,
    });
  });

  it('only a lead sees or changes it; a bad period is a 400 naming the field', async () => {
    const member = await api.signIn(martine);
    expect((await api.call('GET', retention, { token: member })).status).toBe(403);
    for (const retentionMonths of [0, 121, 'six', 1.5]) {
      const reply = await api.call('PUT', retention, { token: lead, json: { retentionMonths } });
      expect(reply.status, String(retentionMonths)).toBe(400);
      expect(issuePaths(reply)).toEqual(['retentionMonths']);
    }
  });

  it('closing sets the purge date; the lead shortens it to 6 months', async () => {
    expect(
      (
        await api.call('POST', `/api/programmes/${demoProgrammeId}/status`, {
          token: lead,
          json: { to: 'closed' },
        })
      ).status,
    ).toBe(200);
    const closed = await api.call<RetentionResponse>('GET', retention, { token: lead });
    expect(closed.body).toMatchObject({
      closedAt: '2027-01-13T09:00:00.000Z',
      purgeAt: '2028-01-13T09:00:00.000Z',
    });
    const changed = await api.call<RetentionResponse>('PUT', retention, {
      token: lead,
      json: { retentionMonths: 6 },
      headers: { 'if-match': closed.body.version },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      retentionMonths: 6,
      isDefault: false,
      purgeAt: '2027-07-13T09:00:00.000Z',
    });
    const stale = await api.call('PUT', retention, {
      token: lead,
      json: { retentionMonths: 3, version: closed.body.version },
    });
    expect(stale.status).toBe(409);
    expect(errorCode(stale)).toBe('version_conflict');
  });

  it('nothing is purged before the date', async () => {
    const before = fixedClock('2027-07-13T08:59:00Z');
    // Last year's closed demo programme (its bilan) may fall due earlier; this one may not.
    await app.servicesAt(before).retention.purgeDue();
    expect((await app.repos.programmes.get(tenantId, demoProgrammeId)).value.purgedAt).toBe(
      undefined,
    );
    expect(await app.repos.pairs.find(tenantId, demoPairIds.powerBi)).toBeDefined();
  });

  it('once due, one instance purges it and keeps only anonymous figures', async () => {
    const pairIds = (await app.repos.pairs.ofProgramme(tenantId, demoProgrammeId)).map(
      (p) => p.value.id,
    );
    const held = (await app.repos.pairs.ofProgramme(tenantId, demoProgrammeId))
      .flatMap((p) => p.value.sessions)
      .filter((s) => s.status === 'held').length;
    const before = await programmeData(pairIds);
    for (const name of ['pairs', 'profiles', 'notes', 'approvals']) {
      expect(before[name]!.length, name).toBeGreaterThan(0);
    }
    const due = fixedClock('2027-07-13T09:00:00Z');
    // Two instances at once: the purge claim lets one do it.
    const results = await Promise.all([
      app.servicesAt(due).retention.purgeDue(),
      app.servicesAt(due).retention.purgeDue(),
    ]);
    expect(results.reduce((n, r) => n + r.purged, 0)).toBe(1);
    const after = await programmeData(pairIds);
    for (const [name, ids] of Object.entries(after)) expect(ids, name).toEqual([]);
    const programme = (await app.repos.programmes.get(tenantId, demoProgrammeId)).value;
    expect(programme.purgedAt).toBe('2027-07-13T09:00:00.000Z');
    expect(programme.purgeClaim).toBeUndefined();
    expect(programme.anonymousSummary).toMatchObject({
      pairs: pairIds.length,
      sessionsHeld: held,
      satisfaction: { ratings: expect.any(Number) },
    });
    // Nobody is named in what is kept.
    const kept = JSON.stringify(programme.anonymousSummary);
    for (const id of [yanis, martine]) expect(kept).not.toContain(id);
    const view = await api.call<RetentionResponse>('GET', retention, { token: lead });
    expect(view.body).toMatchObject({
      purgedAt: '2027-07-13T09:00:00.000Z',
      anonymousSummary: { pairs: pairIds.length },
    });
    const [entry] = (await app.repos.audit.list(tenantId, { action: 'programme.purged' }, 10))
      .items;
    expect(entry?.value).toMatchObject({
      actorId: 'system',
      actorRole: 'system',
      targetId: demoProgrammeId,
    });
  });

  it('a purged programme is not purged again, and its period no longer changes', async () => {
    expect(await app.servicesAt(fixedClock('2028-01-01T00:00:00Z')).retention.purgeDue()).toEqual({
      purged: 0,
    });
    const reply = await api.call('PUT', retention, { token: lead, json: { retentionMonths: 24 } });
    expect(reply.status).toBe(409);
    expect(errorCode(reply)).toBe('invalid_transition');
  });
});

describe('a programme closed before its closing date was recorded', () => {
  it('counts from its last change, and changing the period does not move that date', async () => {
    const old = aProgramme({
      id: 'prog-closed-2025',
      tenantId,
      status: 'closed',
      leadIds: [claire],
      updatedAt: '2026-03-01T00:00:00.000Z',
    });
    await app.repos.programmes.create(old);
    const path = `/api/programmes/${old.id}/retention`;
    const before = await api.call<RetentionResponse>('GET', path, { token: lead });
    expect(before.body).toMatchObject({
      closedAt: '2026-03-01T00:00:00.000Z',
      purgeAt: '2027-03-01T00:00:00.000Z',
    });
    const after = await api.call<RetentionResponse>('PUT', path, {
      token: lead,
      json: { retentionMonths: 24 },
    });
    expect(after.body).toMatchObject({
      closedAt: '2026-03-01T00:00:00.000Z',
      purgeAt: '2028-03-01T00:00:00.000Z',
    });
  });
});
