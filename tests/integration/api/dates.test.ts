import { demoPersonId, demoProgrammeId } from '../../../src/local/seed/demo-data';
import { demoPairIds } from '../../../src/local/seed/demo-pairs';
import { startTestApp, type TestApp } from '../../support/app-server';
import { apiClient, errorCode, issuePaths, type ApiReply } from './api-client';

/** Dates typed by people are strict ISO days or instants within sane years, or a specific 400. */
describe('dates people type: pauses and sessions', () => {
  let app: TestApp;
  let yanis: string;
  let adam: string;
  const pair = `/api/pairs/${demoPairIds.powerBi}`;

  beforeAll(async () => {
    app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' } });
    const api = apiClient(app.baseUrl);
    yanis = await api.signIn(demoPersonId(28));
    adam = await api.signIn(demoPersonId(29));
  });
  afterAll(async () => {
    await app?.stop();
  });

  const message = (reply: ApiReply) => (reply.body as { error: { message: string } }).error.message;

  it('refuses a pair pause until a date that is not a real ISO day, naming the field', async () => {
    const api = apiClient(app.baseUrl);
    for (const until of ['2027-02-30', '2027', 'March 1, 2027', '99999-01-01', '01/03/2027', '']) {
      const reply = await api.call('POST', `${pair}/pause`, { token: yanis, json: { until } });
      expect({ until, status: reply.status }).toEqual({ until, status: 400 });
      expect(errorCode(reply)).toBe('validation_failed');
      expect(issuePaths(reply)).toEqual(['until']);
      expect(message(reply)).toBe(
        'Invalid body: until: until must be a real date like 2027-03-01 or an ISO date-time in UTC like 2027-03-01T09:00:00Z',
      );
    }
    for (const until of ['9999-12-31', '1970-01-01T00:00:00Z']) {
      const reply = await api.call('POST', `${pair}/pause`, { token: yanis, json: { until } });
      expect(reply.status).toBe(400);
      expect(message(reply)).toBe(
        'Invalid body: until: until must fall between the years 2000 and 2099',
      );
    }
    const dashboard = await api.call<{ pair: { state: string } }>('GET', `${pair}/dashboard`, {
      token: yanis,
    });
    expect(dashboard.body.pair.state).toBe('active');
  });

  it('refuses a profile pause until an impossible date the same way', async () => {
    const api = apiClient(app.baseUrl);
    const path = `/api/programmes/${demoProgrammeId}/profile/me/pause`;
    for (const until of ['2027-02-30', 'March 1, 2027', '9999-12-31']) {
      const reply = await api.call('POST', path, { token: adam, json: { until } });
      expect({ until, status: reply.status }).toEqual({ until, status: 400 });
      expect(issuePaths(reply)).toEqual(['until']);
    }
  });

  it('refuses a session planned or moved to 1970 or 9999', async () => {
    const api = apiClient(app.baseUrl);
    for (const start of ['1970-01-01T00:00:00Z', '9999-12-31T10:00:00Z', '2027-02-30T10:00:00Z']) {
      const planned = await api.call('POST', `${pair}/sessions`, { token: yanis, json: { start } });
      expect({ start, status: planned.status }).toEqual({ start, status: 400 });
      expect(issuePaths(planned)).toEqual(['start']);
      const moved = await api.call('POST', `${pair}/sessions/any/reschedule`, {
        token: yanis,
        json: { start },
      });
      expect({ start, status: moved.status }).toEqual({ start, status: 400 });
    }
    const far = await api.call('POST', `${pair}/sessions`, {
      token: yanis,
      json: { start: '9999-12-31T10:00:00Z' },
    });
    expect(message(far)).toBe(
      'Invalid body: start: start must fall between the years 2000 and 2099',
    );
  });
});
