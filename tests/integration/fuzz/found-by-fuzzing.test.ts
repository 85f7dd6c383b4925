import { demoPersonId, demoProgrammeId } from '../../../src/local/seed/demo-data';
import { demoPairIds } from '../../../src/local/seed/demo-pairs';
import { startTestApp, type TestApp } from '../../support/app-server';
import { apiClient, errorCode, issuePaths } from '../api/api-client';

/** The cases the fuzzers found (tests/integration/fuzz/*), kept as plain regression tests. */

const tenantId = '11111111-2222-4333-8444-555555555555';
let app: TestApp;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' } });
  api = apiClient(app.baseUrl);
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

describe('found by fuzzing', () => {
  it('a version that is not printable ASCII is a 400 naming the field, not a 503 from Cosmos', async () => {
    const pair = (await app.repos.pairs.get(tenantId, demoPairIds.powerBi)).value;
    const token = await api.signIn(pair.mentorId);
    const before = await app.repos.profiles.query(tenantId);
    for (const version of ['𝌲ק', 'a b', 'é', '"x"\r\n']) {
      const reply = await api.call('POST', `/api/programmes/${demoProgrammeId}/profile/me/pause`, {
        token,
        json: { until: '2099-12-31', version },
      });
      expect(reply.status, version).toBe(400);
      expect(errorCode(reply)).toBe('validation_failed');
      expect(issuePaths(reply)).toContain('version');
    }
    const lead = await api.signIn(demoPersonId(5));
    const reply = await api.call('PUT', `/api/programmes/${demoProgrammeId}`, {
      token: lead,
      json: { name: 'Renamed', version: 'ünïcode' },
    });
    expect(reply.status).toBe(400);
    expect(issuePaths(reply)).toContain('version');
    const after = await app.repos.profiles.query(tenantId);
    expect(after.map((p) => p.etag)).toEqual(before.map((p) => p.etag));
  });

  it('an e-mail the directory would refuse is an invalid row in the import preview, not a 500', async () => {
    const lead = await api.signIn(demoPersonId(5));
    const csv = 'Courriel,Nom affiché\n!@maison-lumiere.fr,Ana\nana@maison..example,Ana B\n';
    const reply = await api.call<{ acceptable: boolean; rows: { issues: { code: string }[] }[] }>(
      'POST',
      `/api/programmes/${demoProgrammeId}/imports/preview`,
      { token: lead, raw: csv, type: 'text/csv' },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.acceptable).toBe(false);
    expect(reply.body.rows.map((r) => r.issues.map((i) => i.code))).toEqual([
      ['email_invalid'],
      ['email_invalid'],
    ]);
  });
});
