import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { Server as HttpsServer } from 'node:https';
import { demoPersonId } from '../../../src/local/seed/demo-data';
import { startTestApp, type TestApp } from '../../support/app-server';
import { apiClient } from './api-client';

/**
 * /api/me is the first call of every tab load. What it asks the store is counted on the embedded
 * Cosmos server's side (every request it receives), so a read added or repeated shows here.
 */
describe('what GET /api/me reads', () => {
  let app: TestApp;
  let seen: string[] = [];
  const listener = (message: unknown) => {
    const { request, server } = message as { request: IncomingMessage; server: unknown };
    if (!(server instanceof HttpsServer)) return;
    const plan = request.headers['x-ms-cosmos-is-query-plan-request'] !== undefined;
    seen.push(`${plan ? 'PLAN' : request.method} ${request.url?.split('?')[0]}`);
  };

  beforeAll(async () => {
    app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' } });
    diagnostics.subscribe('http.server.request.start', listener);
  });
  afterAll(async () => {
    diagnostics.unsubscribe('http.server.request.start', listener);
    await app?.stop();
  });

  it('reads the person once and their manager once, and asks three queries run once each', async () => {
    const api = apiClient(app.baseUrl);
    const yanis = demoPersonId(28);
    const token = await api.signIn(yanis);
    seen = [];
    const reply = await api.call<{ person: { managerName: string }; roles: string[] }>(
      'GET',
      '/api/me',
      { token },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.person.managerName).toBe('Marc Dupont');
    const reads = seen.filter((r) => r.startsWith('GET '));
    expect(reads.filter((r) => r.endsWith(`/people/docs/${yanis}`))).toHaveLength(1);
    expect(reads).toHaveLength(2); // the person, then the manager
    // Three queries (reports, programmes led, pairs), the last two asking for ids and states only.
    const queries = seen.filter((r) => r.startsWith('POST ') && r.endsWith('/docs'));
    expect(queries).toHaveLength(3);
    // Each with the SDK's query-plan request, which the embedded server refuses without running
    // the query (src/local/embedded-cosmos.ts).
    expect(seen.filter((r) => r.startsWith('PLAN '))).toHaveLength(3);
    expect(seen).toHaveLength(8);
  });
});
