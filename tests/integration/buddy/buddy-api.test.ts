import { fixedClock } from '../../../src/domain/clock';
import { demoPersonId } from '../../../src/local/seed/demo-data';
import type {
  BuddyMeResponse,
  HelpRequestResponse,
  MyOffersResponse,
} from '../../../src/contracts/buddy';
import { startTestApp, type TestApp } from '../../support/app-server';
import { apiClient, errorCode, issuePaths } from '../api/api-client';

// A Tuesday at 10:00 in Paris: the demo buddies are at work.
const clock = fixedClock('2026-12-08T09:00:00.000Z');
let app: TestApp;
let api: ReturnType<typeof apiClient>;
const who = {
  adam: demoPersonId(31), // IT support technician, new: asks
  francois: demoPersonId(30), // Adam's manager, no buddy
  ethan: demoPersonId(39), // Toronto, English buddy
  helene: demoPersonId(1),
};
const tokens: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' }, clock });
  api = apiClient(app.baseUrl);
  for (const key of Object.keys(who) as (keyof typeof who)[]) {
    tokens[key] = await api.signIn(who[key]);
  }
});
afterAll(async () => app?.stop());

describe('/api/buddy on the demo company', () => {
  it('a newcomer asks about Excel on a fresh start and three demo buddies are offered it', async () => {
    const reply = await api.call<HelpRequestResponse>('POST', '/api/buddy/requests', {
      token: tokens.adam,
      json: { topic: 'excel', question: 'Comment figer une ligne ?', when: 'now', minutes: 15 },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.request).toMatchObject({
      status: 'offered',
      topic: { skillId: 'excel-advanced', label: { fr: 'Excel avancé', en: 'Advanced Excel' } },
      buddy: null,
    });
    const offers = await app.repos.notifications.query(app.server.config.demoTenantId, {
      where: "c.kind = 'buddy_offer'",
    });
    expect(offers).toHaveLength(3);
    // The asker's manager is never among them; Ethan is in Toronto at 04:00.
    expect(offers.map((o) => o.value.recipientId)).not.toContain(who.francois);
    expect(offers.map((o) => o.value.recipientId)).not.toContain(who.ethan);

    const buddyId = offers[0]!.value.recipientId;
    const buddyToken = await api.signIn(buddyId);
    const mine = await api.call<MyOffersResponse>('GET', '/api/buddy/offers/mine', {
      token: buddyToken,
    });
    expect(mine.body.offers[0]).toMatchObject({ state: 'open', asker: { name: 'Adam Henry' } });
    const accepted = await api.call('POST', `/api/buddy/offers/${reply.body.request.id}/accept`, {
      token: buddyToken,
    });
    expect(accepted.status).toBe(200);
    const other = await api.signIn(offers[1]!.value.recipientId);
    const late = await api.call('POST', `/api/buddy/offers/${reply.body.request.id}/accept`, {
      token: other,
    });
    expect(late.status).toBe(409);
    expect(errorCode(late)).toBe('offer_taken');
    const stranger = await api.call('POST', `/api/buddy/offers/${reply.body.request.id}/accept`, {
      token: tokens.helene,
    });
    expect(stranger.status).toBe(404);
    expect(errorCode(stranger)).toBe('request_not_found');

    const asked = await api.call<{ requests: HelpRequestResponse['request'][] }>(
      'GET',
      '/api/buddy/requests/mine',
      {
        token: tokens.adam,
      },
    );
    expect(asked.body.requests[0]).toMatchObject({ status: 'matched', buddy: { id: buddyId } });
    const closed = await api.call('POST', `/api/buddy/requests/${reply.body.request.id}/close`, {
      token: tokens.adam,
      json: { helped: true },
    });
    expect(closed.status).toBe(200);
    const thanks = await api.call('POST', `/api/buddy/requests/${reply.body.request.id}/thanks`, {
      token: tokens.adam,
      json: { note: 'Merci !' },
    });
    expect(thanks.status).toBe(200);
  });

  it('settings: prefilled before the first save, then saved with their version', async () => {
    const first = await api.call<BuddyMeResponse>('GET', '/api/buddy/me', { token: tokens.helene });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      version: null,
      helpsTotal: 0,
      settings: { active: false, weeklyCap: 3 },
    });
    expect(first.body.catalogue.map((s) => s.id)).toContain('excel-advanced');
    const body = { ...first.body.settings, active: true, skills: [{ skillId: 'teams', level: 3 }] };
    const saved = await api.call<BuddyMeResponse>('PUT', '/api/buddy/me', {
      token: tokens.helene,
      json: body,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toEqual(expect.any(String));
    const stale = await api.call('PUT', '/api/buddy/me', { token: tokens.helene, json: body });
    expect(stale.status).toBe(409);
    expect(errorCode(stale)).toBe('version_conflict');
    const again = await api.call('PUT', '/api/buddy/me', {
      token: tokens.helene,
      json: { ...body, version: saved.body.version },
    });
    expect(again.status).toBe(200);
  });

  it('bad input is a 400 naming the field, never a 5xx', async () => {
    const bad = await api.call('POST', '/api/buddy/requests', {
      token: tokens.adam,
      json: { topic: '', when: 'tomorrow', minutes: 45, question: 'x'.repeat(501) },
    });
    expect(bad.status).toBe(400);
    expect(issuePaths(bad).sort()).toEqual(['minutes', 'question', 'topic', 'when']);
    const settings = await api.call('PUT', '/api/buddy/me', {
      token: tokens.adam,
      json: { active: true },
    });
    expect(settings.status).toBe(400);
    const notJson = await api.call('POST', '/api/buddy/requests', { token: tokens.adam, raw: '{' });
    expect(notJson.status).toBe(400);
    const unauthenticated = await api.call('GET', '/api/buddy/me');
    expect(unauthenticated.status).toBe(401);
  });
});
