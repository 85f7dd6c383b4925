import type { HealthResponse, ReportResponse } from '../../../src/contracts/health';
import { fixedClock } from '../../../src/domain/clock';
import {
  demoPersonId,
  demoProgrammeDates,
  demoProgrammeId,
} from '../../../src/local/seed/demo-data';
import { demoClosedProgrammeId } from '../../../src/local/seed/demo-closed-programme';
import { startTestApp, type TestApp } from '../../support/app-server';

const clock = fixedClock('2026-12-07T10:00:00.000Z');
let app: TestApp;
let token = '';

beforeAll(async () => {
  app = await startTestApp({ clock });
  const res = await fetch(`${app.baseUrl}/api/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId: demoPersonId(5) }),
  });
  token = ((await res.json()) as { token: string }).token;
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

async function get<T>(path: string): Promise<T> {
  const res = await fetch(`${app.baseUrl}/api${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe('the demo’s closed programme, "Mentorat inversé 2026"', () => {
  it('gives Claire Dubois a bilan with real figures and only the comments their authors shared', async () => {
    const report = await get<ReportResponse>(`/programmes/${demoClosedProgrammeId}/report`);
    expect(report.programme).toMatchObject({ name: 'Mentorat inversé 2026', status: 'closed' });
    expect(report.pairs.byState).toMatchObject({ completed: 11, ended: 1 });
    expect(report.pairs.endedEarly).toBe(1);
    expect(report.sessions.held).toBeGreaterThan(60);
    expect(report.satisfaction.menteesAboutMentors).toMatchObject({
      suppressed: false,
      raters: 12,
    });
    expect(report.satisfaction.mentorsAboutMentees).toMatchObject({
      suppressed: false,
      raters: 12,
    });
    const copilot = report.skills.bySkill.find((s) => s.skillId === 'copilot')?.progress;
    expect(copilot).toMatchObject({ suppressed: false, people: 5 });
    expect(report.approvals).toMatchObject({ approved: 24, pending: 0 });
    expect(report.sharedComments.map((c) => c.worked)).toEqual(
      expect.arrayContaining([
        'Des exemples tirés de nos vrais courriels',
        'Arthur m’a ouvert son carnet de fournisseurs',
      ]),
    );
    expect(report.sharedComments).toHaveLength(5);
    const text = JSON.stringify(report);
    for (const kept of [
      'Bernard pose les bonnes questions',
      'Des conseils concrets',
      'Isabelle prépare chaque séance',
      'Note personnelle',
    ]) {
      expect(text).not.toContain(kept);
    }
  });

  it('lists the pairs by state and nobody at risk in a closed programme', async () => {
    const health = await get<HealthResponse>(`/programmes/${demoClosedProgrammeId}/health`);
    expect(health.pairs.total).toBe(12);
    expect(health.atRisk).toEqual([]);
    expect(health.filters.startMonths).toHaveLength(2);
  });
});

describe('the demo’s programme under way, "Mentorat inversé 2027"', () => {
  it('charts every session, those its pilot pairs held before the programme started included', async () => {
    const health = await get<HealthResponse>(`/programmes/${demoProgrammeId}/health`);
    const { sessions } = health;
    expect(sessions.held).toBeGreaterThan(0);
    const sum = (key: 'planned' | 'held' | 'missed') =>
      sessions.byWeek.reduce((total, week) => total + week[key], 0);
    expect(sum('planned')).toBe(sessions.planned);
    expect(sum('held')).toBe(sessions.held);
    expect(sum('missed')).toBe(sessions.missed);
    expect(sessions.byWeek[0]!.weekStart < demoProgrammeDates(clock).startDate).toBe(true);
  });
});
