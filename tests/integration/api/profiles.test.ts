import type { ProfileResponse } from '../../../src/contracts/profiles';
import { demoPersonId, demoProgrammeId } from '../../../src/local/seed/demo-data';
import { startTestApp, type TestApp } from '../../support/app-server';
import { apiClient, errorCode, issuePaths } from './api-client';

const claire = demoPersonId(5); // leads the demo programme
const christine = demoPersonId(40); // not joined yet
const julie = demoPersonId(38); // not joined yet
const lucas = demoPersonId(9); // an opted-in volunteer of the demo data
const me = `/api/programmes/${demoProgrammeId}/profile/me`;

const form = {
  roleWish: 'mentee',
  teaches: [{ skillId: 'negotiation', level: 5, goal: 'Préparer une négociation difficile' }],
  learns: [
    { skillId: 'copilot', level: 1, goal: 'Résumer mes contrats avec Copilot' },
    { skillId: 'teams', level: 2 },
  ],
  languages: ['fr', 'en'],
  timeZone: 'Europe/Paris',
  availability: [
    { day: 'mon', start: '09:00', end: '10:30' },
    { day: 'thu', start: '14:00', end: '16:00' },
  ],
  workMode: 'hybrid',
  location: 'Paris',
  bio: 'Juriste depuis 25 ans, curieuse des outils numériques.',
};

describe('volunteer profiles', () => {
  let app: TestApp;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' } });
    api = apiClient(app.baseUrl);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('round-trips: a newcomer sees a prefilled default, opts in, saves, and reads it back', async () => {
    const token = await api.signIn(christine);
    const first = await api.call<ProfileResponse>('GET', me, { token });
    expect(first.status).toBe(200);
    expect(first.body.version).toBeNull();
    expect(first.body.profile.optIn.status).toBe('not_joined');
    expect(first.body.person).toMatchObject({
      displayName: 'Christine Arnaud',
      department: 'Juridique',
      managerName: 'Pierre Gaillard',
    });

    const joined = await api.call<ProfileResponse>('POST', `${me}/opt-in`, {
      token,
      json: { consentTextVersion: '2026-11' },
    });
    expect(joined.status).toBe(200);
    expect(joined.body.profile.optIn).toMatchObject({
      status: 'opted_in',
      consentTextVersion: '2026-11',
    });
    // Opted in with an empty profile: saved, but matching could not pair it yet, and it says why.
    expect(joined.body.missingForMatching).toEqual(expect.arrayContaining(['availability']));

    const saved = await api.call<ProfileResponse>('PUT', me, {
      token,
      json: { ...form, version: joined.body.version },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.missingForMatching).toEqual([]);
    const again = await api.call<ProfileResponse>('GET', me, { token });
    expect(again.body.version).toBe(saved.body.version);
    expect(again.body.profile).toMatchObject({ ...form, optIn: { status: 'opted_in' } });
  });

  it('refuses a stale version with 409 version_conflict and keeps the first save', async () => {
    const token = await api.signIn(julie);
    const joined = await api.call<ProfileResponse>('POST', `${me}/opt-in`, {
      token,
      json: { consentTextVersion: '2026-11' },
    });
    const loaded = joined.body.version!;
    const one = await api.call('PUT', me, {
      token,
      json: { ...form, bio: 'Premier onglet' },
      headers: { 'if-match': loaded },
    });
    expect(one.status).toBe(200);
    const two = await api.call('PUT', me, {
      token,
      json: { ...form, bio: 'Second onglet' },
      headers: { 'if-match': loaded },
    });
    expect(two.status).toBe(409);
    expect(errorCode(two)).toBe('version_conflict');
    const blind = await api.call('PUT', me, { token, json: { ...form, bio: 'Sans version' } });
    expect(blind.status).toBe(409);
    const stored = await api.call<ProfileResponse>('GET', me, { token });
    expect(stored.body.profile.bio).toBe('Premier onglet');

    // The ETag header, weak or not, works as If-Match.
    const three = await api.call('PUT', me, {
      token,
      json: { ...form, bio: 'Après rechargement' },
      headers: { 'if-match': stored.etag! },
    });
    expect(three.status).toBe(200);
  });

  it('keeps a participant out of another person’s profile; a lead may read it', async () => {
    const token = await api.signIn(christine);
    const path = `/api/programmes/${demoProgrammeId}/profiles/${lucas}`;
    const read = await api.call('GET', path, { token });
    expect(read.status).toBe(403);
    expect(errorCode(read)).toBe('forbidden');
    const write = await api.call('PUT', path, { token, json: { ...form, version: 'x' } });
    expect(write.status).toBe(403);

    const lead = await api.signIn(claire);
    const asLead = await api.call<ProfileResponse>('GET', path, { token: lead });
    expect(asLead.status).toBe(200);
    expect(asLead.body.profile.id).toBe(lucas);
    expect(asLead.body.person.displayName).toBe('Lucas Martin');
    const leadWrite = await api.call('PUT', path, { token: lead, json: form });
    expect(leadWrite.status).toBe(403);

    const lucasReads = await api.call<ProfileResponse>('GET', path, {
      token: await api.signIn(lucas),
    });
    expect(lucasReads.status).toBe(200);
  });

  it('pauses until a date, resumes, and leaves keeping the history', async () => {
    const token = await api.signIn(lucas);
    const paused = await api.call<ProfileResponse>('POST', `${me}/pause`, {
      token,
      json: { until: '2099-03-01' },
    });
    expect(paused.status).toBe(200);
    expect(paused.body.profile.optIn).toMatchObject({
      status: 'paused',
      pausedUntil: '2099-03-01T00:00:00.000Z',
    });
    const resumed = await api.call<ProfileResponse>('POST', `${me}/resume`, { token });
    expect(resumed.body.profile.optIn.status).toBe('opted_in');
    const left = await api.call<ProfileResponse>('POST', `${me}/leave`, {
      token,
      json: { version: resumed.body.version },
    });
    expect(left.status).toBe(200);
    expect(left.body.profile.optIn.status).toBe('left');
    expect(left.body.profile.optIn.history.map((h) => h.to)).toEqual([
      'opted_in',
      'paused',
      'opted_in',
      'left',
    ]);
    const again = await api.call<ProfileResponse>('POST', `${me}/leave`, { token });
    expect(again.body.version).toBe(left.body.version); // leaving twice changes nothing
    const pastPause = await api.call('POST', `${me}/pause`, {
      token,
      json: { until: '2099-03-01' },
    });
    expect(pastPause.status).toBe(409);
    expect(errorCode(pastPause)).toBe('invalid_transition');
  });

  it('answers bad input with 400 naming the field', async () => {
    const token = await api.signIn(christine);
    const noConsent = await api.call('POST', `${me}/opt-in`, { token, json: {} });
    expect(noConsent.status).toBe(400);
    expect(issuePaths(noConsent)).toEqual(['consentTextVersion']);

    const current = await api.call<ProfileResponse>('GET', me, { token });
    const bad = await api.call('PUT', me, {
      token,
      json: {
        ...form,
        roleWish: 'boss',
        learns: [{ skillId: 'copilot', level: 7 }],
        availability: [{ day: 'mon', start: '11:00', end: '10:00' }],
        timeZone: 'Mars/Olympus',
        version: current.body.version,
      },
    });
    expect(bad.status).toBe(400);
    expect(issuePaths(bad)).toEqual(
      expect.arrayContaining(['roleWish', 'learns.0.level', 'availability.0.end', 'timeZone']),
    );

    const unknownSkill = await api.call('PUT', me, {
      token,
      json: {
        ...form,
        teaches: [{ skillId: 'juggling', level: 3 }],
        version: current.body.version,
      },
    });
    expect(unknownSkill.status).toBe(400);
    expect(issuePaths(unknownSkill)).toEqual(['teaches.0.skillId']);

    const past = await api.call('POST', `${me}/pause`, { token, json: { until: '2001-01-01' } });
    expect(past.status).toBe(400);
    expect(issuePaths(past)).toEqual(['pausedUntil']);
    const notADate = await api.call('POST', `${me}/pause`, { token, json: { until: 'soon' } });
    expect(notADate.status).toBe(400);
    expect(issuePaths(notADate)).toEqual(['until']);
  });

  it('404s an unknown programme', async () => {
    const token = await api.signIn(christine);
    const reply = await api.call('GET', '/api/programmes/nope/profile/me', { token });
    expect(reply.status).toBe(404);
    expect(errorCode(reply)).toBe('programme_not_found');
  });
});
