import type { MeResponse, PersonasResponse } from '../../../src/contracts/identity';
import { demoPersonId } from '../../../src/local/seed/demo-data';
import { startTestApp, type TestApp } from '../../support/app-server';
import { apiClient, errorCode } from './api-client';

describe('development sign-in (embedded mode, loopback)', () => {
  let app: TestApp;
  let other: TestApp;

  beforeAll(async () => {
    [app, other] = await Promise.all([
      startTestApp({ env: { LOCAL_SNAPSHOT: 'false' } }),
      startTestApp({ env: { LOCAL_SNAPSHOT: 'false' } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([app?.stop(), other?.stop()]);
  });

  it('lists the demo people with role hints, leads and managers first', async () => {
    const api = apiClient(app.baseUrl);
    const config = await api.call('GET', '/api/auth/config');
    expect(config.body).toEqual({ devSignIn: true });
    const reply = await api.call<PersonasResponse>('GET', '/api/dev/personas');
    expect(reply.status).toBe(200);
    const { personas } = reply.body;
    expect(personas.length).toBeGreaterThanOrEqual(40);
    expect(personas[0]).toMatchObject({ displayName: 'Claire Dubois', roleHint: 'lead' });
    const hint = (n: number) => personas.find((p) => p.personId === demoPersonId(n))?.roleHint;
    expect(hint(27)).toBe('manager'); // Marc Dupont has reports
    expect(hint(28)).toBe('employee');
    const firstEmployee = personas.findIndex((p) => p.roleHint === 'employee');
    expect(personas.slice(firstEmployee).every((p) => p.roleHint === 'employee')).toBe(true);
  });

  it('signs in as a persona; the roles follow the org data', async () => {
    const api = apiClient(app.baseUrl);
    const marc = await api.call<MeResponse>('GET', '/api/me', {
      token: await api.signIn(demoPersonId(27)),
    });
    expect(marc.body).toMatchObject({
      signIn: 'dev',
      roles: ['participant', 'manager'],
      canCreateProgrammes: false,
      person: { displayName: 'Marc Dupont', managerName: 'Olivier Fontaine' },
    });
    const ethan = await api.call<MeResponse>('GET', '/api/me', {
      token: await api.signIn(demoPersonId(39)),
    });
    expect(ethan.body).toMatchObject({ roles: ['participant'], locale: 'en' });
    const claire = await api.call<MeResponse>('GET', '/api/me', {
      token: await api.signIn(demoPersonId(5)),
    });
    expect(claire.body).toMatchObject({ canCreateProgrammes: true });
    expect(claire.body.roles).toContain('lead');
  });

  it('refuses an unknown persona and a bad body', async () => {
    const api = apiClient(app.baseUrl);
    const unknown = await api.call('POST', '/api/dev/sign-in', { json: { personId: 'nobody' } });
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown)).toBe('person_not_found');
    const bad = await api.call('POST', '/api/dev/sign-in', { json: { person: 'x' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/personId/);
  });

  it('accepts a development token only in the process that issued it', async () => {
    const token = await apiClient(app.baseUrl).signIn(demoPersonId(10));
    const elsewhere = await apiClient(other.baseUrl).call('GET', '/api/me', { token });
    expect(elsewhere.status).toBe(401);
    expect(JSON.stringify(elsewhere.body)).toMatch(/not issued by this server/);
    const tampered = `${token.slice(0, -4)}AAAA`;
    expect((await apiClient(app.baseUrl).call('GET', '/api/me', { token: tampered })).status).toBe(
      401,
    );
  });
});
