import type { MeResponse } from '../../../src/contracts/identity';
import type { MyPairsResponse, PairDashboardResponse } from '../../../src/contracts/pairs';
import { offsetMinutes } from '../../../src/domain/calendar/local-time';
import { demoPersonId } from '../../../src/local/seed/demo-data';
import { demoPairIds } from '../../../src/local/seed/demo-pairs';
import { startTestApp, type TestApp } from '../../support/app-server';
import { apiClient } from '../api/api-client';

let app: TestApp;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' } });
  api = apiClient(app.baseUrl);
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

describe('the demo pairs after start', () => {
  it('/api/me says which side of a current pair each person takes (the nav shows the toolkit to mentors)', async () => {
    const roles = async (n: number) =>
      (await api.call<MeResponse>('GET', '/api/me', { token: await api.signIn(demoPersonId(n)) }))
        .body.pairRoles;
    expect(await roles(16)).toEqual(['mentee']); // Martine
    expect(await roles(28)).toEqual(['mentor']); // Yanis
    expect(await roles(27)).toEqual([]); // Marc: no pair
  });

  it('Martine sees her active Power BI pair mid-way: held sessions, the next one, progress, her own note', async () => {
    const token = await api.signIn(demoPersonId(16));
    const mine = await api.call<MyPairsResponse>('GET', '/api/pairs/mine', { token });
    expect(mine.body.pairs.map((p) => p.id)).toEqual([demoPairIds.powerBi]);
    const reply = await api.call<PairDashboardResponse>(
      'GET',
      `/api/pairs/${demoPairIds.powerBi}/dashboard`,
      { token },
    );
    expect(reply.status).toBe(200);
    const { pair, privateNotes } = reply.body;
    expect(pair).toMatchObject({ state: 'active', myRole: 'mentee' });
    expect(pair.partner.displayName).toBe('Yanis Benali');
    expect(pair.agreement.fullySigned).toBe(true);
    expect(pair.sessions.map((s) => s.status)).toEqual([
      'held',
      'held',
      'held',
      'planned',
      'planned',
      'planned',
    ]);
    expect(pair.nextSession?.index).toBe(4);
    expect(new Date(pair.nextSession!.start).getTime()).toBeGreaterThan(Date.now());
    expect(pair.feedback.given).toHaveLength(3);
    expect(pair.feedback.received).toHaveLength(2);
    expect(pair.progress.goals.find((g) => g.side === 'mentee')).toMatchObject({
      start: 1,
      middle: 3,
      change: 2,
    });
    expect(pair.openActionItems.map((i) => i.id)).toEqual(['demo-item-3', 'demo-item-2']);
    expect(privateNotes.map((n) => n.text)).toEqual([
      'Ne pas oublier de demander l’accès au jeu de données national.',
    ]);
  });

  it('Pierre finds an agreement signed by Louise and waiting for him; Ethan sees how far ahead Michel is', async () => {
    const pierre = await api.signIn(demoPersonId(37));
    const teams = await api.call<PairDashboardResponse>(
      'GET',
      `/api/pairs/${demoPairIds.teams}/dashboard`,
      { token: pierre },
    );
    expect(teams.body.pair).toMatchObject({ state: 'accepted' });
    expect(teams.body.pair.agreement).toMatchObject({ signedByPartner: true, signedByMe: false });
    expect(teams.body.pair.can).toContain('sign');

    const ethan = await api.signIn(demoPersonId(39));
    const data = await api.call<PairDashboardResponse>(
      'GET',
      `/api/pairs/${demoPairIds.data}/dashboard`,
      { token: ethan },
    );
    expect(data.body.pair.partner.displayName).toBe('Michel Brun');
    // Paris is 6 hours ahead of Toronto, except in the weeks when only one has changed clocks.
    const now = Date.now();
    expect(data.body.pair.partner.offsetFromMeMinutes).toBe(
      offsetMinutes(now, 'Europe/Paris') - offsetMinutes(now, 'America/Toronto'),
    );
    expect(data.body.pair.partner.timeZone).toBe('Europe/Paris');
    expect(data.body.privateNotes).toEqual([]);
    // Their agreement is in English throughout, its confidentiality line too.
    expect(data.body.pair.agreement.confidentiality).toBe(
      'What is said in the pair stays in the pair.',
    );
  });
});
