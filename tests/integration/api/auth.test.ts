import type { MeResponse } from '../../../src/contracts/identity';
import type { ProfileResponse } from '../../../src/contracts/profiles';
import { personIdFor } from '../../../src/services/import/import-service';
import { demoPersonId } from '../../../src/local/seed/demo-data';
import { startTestApp, type TestApp } from '../../support/app-server';
import {
  entraClaims,
  startTestIdentityProvider,
  type TestIdentityProvider,
} from '../../fixtures/jwks/test-identity-provider';
import { apiClient, errorCode } from './api-client';

const tenantId = '11111111-2222-4333-8444-555555555555';
const otherTenantId = '99999999-2222-4333-8444-555555555555';
const clientId = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const appIdUri = `api://mentoring.contoso.com/${clientId}`;
const claire = demoPersonId(5);

describe('the tab API signs in Entra ID v2 tokens', () => {
  let idp: TestIdentityProvider;
  let app: TestApp;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    idp = await startTestIdentityProvider();
    app = await startTestApp({
      env: {
        DEV_SIGN_IN: 'false',
        AUTH_CLIENT_ID: clientId,
        AUTH_APP_ID_URI: appIdUri,
        AUTH_TENANT_IDS: tenantId,
        AUTH_JWKS_URI: idp.jwksUri,
        LOCAL_SNAPSHOT: 'false',
      },
    });
    api = apiClient(app.baseUrl);
  });
  afterAll(async () => {
    await app?.stop();
    await idp?.stop();
  });

  const claims = (overrides: Record<string, unknown> = {}) => ({
    ...entraClaims({
      tenantId,
      audience: clientId,
      oid: claire,
      email: 'Claire.Dubois@maison-lumiere.example',
      name: 'Claire Dubois',
    }),
    ...overrides,
  });
  const me = (token: string) =>
    api.call<{ person: { displayName: string } }>('GET', '/api/me', { token });

  it('accepts a valid token and prefills the person from the org data', async () => {
    const reply = await me(await idp.sign(claims()));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      tenantId,
      signIn: 'sso',
      person: {
        id: claire,
        displayName: 'Claire Dubois',
        department: 'Ressources humaines',
        managerName: 'Hélène Marchand',
        inDirectory: true,
      },
      roles: ['participant', 'manager', 'lead'],
      // This year's programme, and last year's closed one (its bilan).
      leadOf: ['prog-mentorat-inverse-2027', 'prog-mentorat-inverse-2026'],
      locale: 'fr',
    });
  });

  it('accepts the api:// application id URI as audience', async () => {
    expect((await me(await idp.sign(claims({ aud: appIdUri })))).status).toBe(200);
  });

  it('refuses an expired token', async () => {
    const past = Math.floor(Date.now() / 1000) - 7200;
    const reply = await me(await idp.sign(claims({ iat: past, nbf: past, exp: past + 3600 })));
    expect(reply.status).toBe(401);
    expect(errorCode(reply)).toBe('unauthenticated');
    expect(JSON.stringify(reply.body)).toMatch(/expired/);
  });

  it('refuses a token for another application (audience)', async () => {
    const reply = await me(await idp.sign(claims({ aud: '00000003-0000-0000-c000-000000000000' })));
    expect(reply.status).toBe(401);
    expect(JSON.stringify(reply.body)).toMatch(/audience/);
  });

  it('refuses a token from another issuer', async () => {
    const reply = await me(await idp.sign(claims({ iss: `https://sts.windows.net/${tenantId}/` })));
    expect(reply.status).toBe(401);
    expect(JSON.stringify(reply.body)).toMatch(/not issued/);
  });

  it('refuses a token of a tenant outside the allow-list, even with a matching issuer', async () => {
    const reply = await me(
      await idp.sign(
        claims({
          tid: otherTenantId,
          iss: `https://login.microsoftonline.com/${otherTenantId}/v2.0`,
        }),
      ),
    );
    expect(reply.status).toBe(401);
    expect(JSON.stringify(reply.body)).toMatch(/tenant/);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const reply = await me(idp.unsigned(claims()));
    expect(reply.status).toBe(401);
    expect(errorCode(reply)).toBe('unauthenticated');
  });

  it('refuses a token signed by a key that is not in the published set', async () => {
    const sameKid = await me(await idp.sign(claims(), { key: 'unpublished' }));
    expect(sameKid.status).toBe(401);
    const unknownKid = await me(await idp.sign(claims(), { key: 'unpublished', kid: 'rogue' }));
    expect(unknownKid.status).toBe(401);
  });

  it('refuses a token without an object id', async () => {
    const { oid: _oid, ...withoutOid } = claims();
    expect((await me(await idp.sign(withoutOid))).status).toBe(401);
  });

  it('refuses a missing or malformed Authorization header', async () => {
    expect((await api.call('GET', '/api/me')).status).toBe(401);
    expect(
      (await api.call('GET', '/api/programmes', { headers: { authorization: 'Basic abc' } }))
        .status,
    ).toBe(401);
    expect((await me('not-a-jwt')).status).toBe(401);
  });

  it('grants programme creation through the Programme.Lead app role only', async () => {
    const emma = demoPersonId(10);
    const base = claims({ oid: emma, preferred_username: 'emma.petit@maison-lumiere.example' });
    const body = { name: 'Pilote', startDate: '2027-02-01', endDate: '2027-05-31' };
    const without = await api.call('POST', '/api/programmes', {
      token: await idp.sign(base),
      json: body,
    });
    expect(without.status).toBe(403);
    expect(errorCode(without)).toBe('forbidden');
    const withRole = await api.call('POST', '/api/programmes', {
      token: await idp.sign({ ...base, roles: ['Programme.Lead'] }),
      json: body,
    });
    expect(withRole.status).toBe(201);
  });

  it('links a person imported by e-mail to their object id at their first sign-in', async () => {
    const lead = await idp.sign(claims());
    const csv = [
      'email,display name,department,manager email,role wish,languages',
      'zoe.nouvelle@maison-lumiere.example,Zoé Nouvelle,Innovation,,mentor,fr',
      'tom.recrue@maison-lumiere.example,Tom Recrue,Innovation,zoe.nouvelle@maison-lumiere.example,mentee,fr',
    ].join('\n');
    const started = await api.call<{ job: { id: string } }>(
      'POST',
      '/api/programmes/prog-mentorat-inverse-2027/imports',
      { token: lead, raw: csv, type: 'text/csv' },
    );
    expect(started.status).toBe(202);
    let status = 'queued';
    for (let i = 0; i < 200 && status !== 'succeeded'; i++) {
      const job = await api.call<{ job: { status: string } }>(
        'GET',
        `/api/jobs/${started.body.job.id}`,
        { token: lead },
      );
      status = job.body.job.status;
      if (status !== 'succeeded') await new Promise((r) => setTimeout(r, 25));
    }
    expect(status).toBe('succeeded');
    const derived = personIdFor(tenantId, 'zoe.nouvelle@maison-lumiere.example');
    const people = app.repos.people;
    expect((await people.get(tenantId, derived)).value.displayName).toBe('Zoé Nouvelle');

    const oid = 'a1b2c3d4-0000-4000-8000-00000000abcd';
    const zoe = await idp.sign(
      claims({ oid, preferred_username: 'Zoe.Nouvelle@maison-lumiere.example', name: 'Zoé N.' }),
    );
    const mine = await api.call<MeResponse>('GET', '/api/me', { token: zoe });
    expect(mine.body.person).toMatchObject({
      id: oid,
      displayName: 'Zoé Nouvelle',
      department: 'Innovation',
      inDirectory: true,
    });
    expect(mine.body.roles).toContain('manager');
    const profile = await api.call<ProfileResponse>(
      'GET',
      '/api/programmes/prog-mentorat-inverse-2027/profile/me',
      { token: zoe },
    );
    expect(profile.body.version).not.toBeNull();
    expect(profile.body.profile).toMatchObject({ id: oid, roleWish: 'mentor' });
    expect(await people.find(tenantId, derived)).toBeUndefined();
    const tom = await people.get(
      tenantId,
      personIdFor(tenantId, 'tom.recrue@maison-lumiere.example'),
    );
    expect(tom.value.managerId).toBe(oid);
    // Signing in again changes nothing more.
    expect((await api.call('GET', '/api/me', { token: zoe })).status).toBe(200);
  });

  it('has no development sign-in when it is off', async () => {
    expect((await api.call('GET', '/api/dev/personas')).status).toBe(404);
    const signIn = await api.call('POST', '/api/dev/sign-in', { json: { personId: claire } });
    expect(signIn.status).toBe(404);
    const config = await api.call('GET', '/api/auth/config');
    expect(config.body).toEqual({ devSignIn: false, clientId, appIdUri });
  });
});
