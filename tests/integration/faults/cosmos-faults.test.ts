import type { ImportJob } from '../../../src/contracts/imports';
import type { PairDashboardResponse } from '../../../src/contracts/pairs';
import { personIdFor } from '../../../src/services/import/import-service';
import { demoPersonId, demoProgrammeId } from '../../../src/local/seed/demo-data';
import type { Pair } from '../../../src/domain/pair/schema';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../../src/local/embedded-cosmos';
import { demoPairIds } from '../../../src/local/seed/demo-pairs';
import {
  cosmosRequestTimeoutMs,
  createCosmosClient,
  maxCosmosConnections,
} from '../../../src/store/cosmos-client';
import { storeFor } from '../../../src/store/database';
import { createRepositories, type Repositories } from '../../../src/store/repositories';
import {
  entraClaims,
  startTestIdentityProvider,
  type TestIdentityProvider,
} from '../../fixtures/jwks/test-identity-provider';
import { startTestApp, type TestApp } from '../../support/app-server';
import { reads, startFaultProxy, writes, type FaultProxy } from '../../support/fault-proxy';
import { apiClient, errorCode } from '../api/api-client';

/**
 * Issue #18 item 6: the app in its Azure configuration (COSMOS_ENDPOINT, Entra ID tokens) talking
 * to a Cosmos DB protocol server through a proxy that throttles, fails, slows and resets requests.
 * What is stored is read straight from the server, around the proxy.
 */

const tenantId = '11111111-2222-4333-8444-555555555555';
const clientId = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

let upstream: EmbeddedCosmos;
let proxy: FaultProxy;
let idp: TestIdentityProvider;
let app: TestApp;
let stored: Repositories;
let closeDirect: () => void;
let api: ReturnType<typeof apiClient>;
let token: string;
let pair: Pair;

beforeAll(async () => {
  upstream = await startEmbeddedCosmos(0);
  proxy = await startFaultProxy(upstream.endpoint);
  idp = await startTestIdentityProvider();
  app = await startTestApp({
    env: {
      COSMOS_ENDPOINT: proxy.endpoint,
      COSMOS_KEY: 'any-key-the-local-server-accepts',
      SEED_DEMO_DATA: 'true',
      DEV_SIGN_IN: 'false',
      AUTH_CLIENT_ID: clientId,
      AUTH_APP_ID_URI: `api://mentoring.contoso.com/${clientId}`,
      AUTH_TENANT_IDS: tenantId,
      AUTH_JWKS_URI: idp.jwksUri,
    },
  });
  api = apiClient(app.baseUrl);
  const client = createCosmosClient({ endpoint: upstream.endpoint, key: upstream.key });
  closeDirect = () => client.dispose();
  stored = createRepositories(storeFor(client, client.database(app.server.config.cosmos.database)));
  pair = (await stored.pairs.get(tenantId, demoPairIds.powerBi)).value;
  token = await tokenFor(pair.mentorId);
}, 60_000);

/** An Entra ID token for a person of the demo directory. */
async function tokenFor(personId: string): Promise<string> {
  const person = (await stored.people.get(tenantId, personId)).value;
  return idp.sign(
    entraClaims({
      tenantId,
      audience: clientId,
      oid: person.id,
      email: person.email,
      name: person.displayName,
    }),
  );
}

afterAll(async () => {
  await app?.stop();
  closeDirect?.();
  await proxy?.close();
  await upstream?.close();
  await idp?.stop();
});

beforeEach(() => proxy.reset());

const dashboard = () =>
  api.call<PairDashboardResponse>('GET', `/api/pairs/${pair.id}/dashboard`, { token });

/** The pair's current version, as the tab holds it before an edit (read before any fault). */
const currentVersion = async () => {
  const reply = await dashboard();
  expect(reply.status).toBe(200);
  return reply.body.version;
};

/** Writes the shared notes of the pair's first session (one document replaced). */
const writeNotes = (sharedNotes: string, version: string) =>
  api.call('PUT', `/api/pairs/${pair.id}/sessions/${pair.sessions[0]!.id}/notes`, {
    token,
    json: { sharedNotes, version },
  });

const storedPair = async () => stored.pairs.get(tenantId, pair.id);
const notesOf = (p: Pair) => p.sessions[0]!.sharedNotes;

describe('Cosmos DB faults, through a proxy', () => {
  it('reads throttled with 429 are retried after x-ms-retry-after-ms and succeed', async () => {
    proxy.inject({ kind: 'throttle', retryAfterMs: 20 }, { times: 3, match: reads });
    const reply = await dashboard();
    expect(reply.status).toBe(200);
    expect(reply.body.pair.id).toBe(pair.id);
    expect(proxy.seen.filter((r) => r.fault === 'throttle')).toHaveLength(3);
  });

  it('a write throttled with 429 is retried and stored once', async () => {
    const version = await currentVersion();
    proxy.inject({ kind: 'throttle', retryAfterMs: 20 }, { times: 2, match: writes });
    const reply = await writeNotes('Retried after a 429', version);
    expect(reply.status).toBe(200);
    expect(proxy.seen.filter((r) => r.write && r.fault === 'throttle')).toHaveLength(2);
    expect(notesOf((await storedPair()).value)).toBe('Retried after a 429');
  });

  it('a 503 on a write answers 503 store_unavailable, stores nothing, and the next write works', async () => {
    const before = await storedPair();
    const version = await currentVersion();
    proxy.inject({ kind: 'unavailable' }, { match: writes });
    const reply = await writeNotes('Lost to a 503', version);
    expect(reply.status).toBe(503);
    expect(errorCode(reply)).toBe('store_unavailable');
    expect((await storedPair()).etag).toBe(before.etag);

    proxy.reset();
    const next = await writeNotes('After the 503', version);
    expect(next.status).toBe(200);
    expect(notesOf((await storedPair()).value)).toBe('After the 503');
  });

  it('a connection reset before a write reaches Cosmos answers 503, stores nothing, and the next write works', async () => {
    const before = await storedPair();
    const version = await currentVersion();
    proxy.inject({ kind: 'reset', when: 'before' }, { match: writes });
    const reply = await writeNotes('Lost to a reset', version);
    expect(reply.status).toBe(503);
    expect(errorCode(reply)).toBe('store_unavailable');
    expect((await storedPair()).etag).toBe(before.etag);

    proxy.reset();
    const next = await writeNotes('After the reset', version);
    expect(next.status).toBe(200);
    expect(notesOf((await storedPair()).value)).toBe('After the reset');
  });

  it('a reset after Cosmos applied a write: a clear answer, the whole document or none, the next write works', async () => {
    const before = await storedPair();
    const version = await currentVersion();
    proxy.inject({ kind: 'reset', when: 'after' }, { times: 1, match: writes });
    const reply = await writeNotes('Applied, answer lost', version);
    expect([503, 409]).toContain(reply.status);
    expect(['store_unavailable', 'version_conflict']).toContain(errorCode(reply));
    // Either untouched or the whole new document (read back through its schema), never half.
    const after = await storedPair();
    if (after.etag !== before.etag) expect(notesOf(after.value)).toBe('Applied, answer lost');
    else expect(after.value).toEqual(before.value);
    expect(proxy.seen.filter((r) => r.fault === 'reset')).toHaveLength(1);

    // The tab reloads after an error, then edits the version it now sees.
    const next = await writeNotes('After the lost answer', await currentVersion());
    expect(next.status).toBe(200);
    expect(notesOf((await storedPair()).value)).toBe('After the lost answer');
  });
});

describe('a write of several documents, cut half-way', () => {
  it('signing that asks the managers, with the pair write failing: nothing a manager sees, signing again asks once', async () => {
    // The demo pair on Teams and OneNote: accepted, signed by one member only.
    const teams = (await stored.pairs.get(tenantId, demoPairIds.teams)).value;
    const last = teams.agreement.signatures.mentor ? teams.menteeId : teams.mentorId;
    const signer = await tokenFor(last);
    const view = await api.call<PairDashboardResponse>('GET', `/api/pairs/${teams.id}/dashboard`, {
      token: signer,
    });
    expect(view.status).toBe(200);
    const before = await stored.pairs.get(tenantId, teams.id);
    const approvalsBefore = await stored.approvals.ofPair(tenantId, teams.id);

    // The approval requests are written, then the pair's own write fails.
    proxy.inject(
      { kind: 'unavailable' },
      { match: (r) => r.write && r.path.includes('/colls/pairs/') },
    );
    const sign = () =>
      api.call('POST', `/api/pairs/${teams.id}/agreement/sign`, {
        token: signer,
        json: { revision: teams.agreement.revision, version: view.body.version },
      });
    const failed = await sign();
    expect(failed.status).toBe(503);
    expect(errorCode(failed)).toBe('store_unavailable');
    expect((await stored.pairs.get(tenantId, teams.id)).etag).toBe(before.etag);
    const orphans = await stored.approvals.ofPair(tenantId, teams.id);
    expect(orphans.length).toBeGreaterThan(approvalsBefore.length);
    const managers = [...new Set(orphans.map((a) => a.value.managerId))];
    for (const manager of managers) {
      const list = await api.call<{ approvals: { pairId: string }[] }>('GET', '/api/approvals', {
        token: await tokenFor(manager),
      });
      expect(list.status).toBe(200);
      expect(list.body.approvals.filter((a) => a.pairId === teams.id)).toEqual([]);
    }

    proxy.reset();
    const again = await sign();
    expect(again.status).toBe(200);
    expect((await stored.pairs.get(tenantId, teams.id)).value.state).toBe('awaiting_approval');
    const requests = await stored.approvals.ofPair(tenantId, teams.id);
    expect(requests.length - approvalsBefore.length).toBe(orphans.length - approvalsBefore.length);
    expect(new Set(requests.map((a) => a.value.id)).size).toBe(requests.length);
    for (const manager of managers) {
      const list = await api.call<{ approvals: { pairId: string }[] }>('GET', '/api/approvals', {
        token: await tokenFor(manager),
      });
      expect(list.body.approvals.filter((a) => a.pairId === teams.id)).toHaveLength(1);
    }
  });
});

describe('a bulk import meeting Cosmos failures', () => {
  it('rows that could not be written are listed in the job for the lead, nothing half-written; importing again completes it', async () => {
    const lead = await tokenFor(demoPersonId(5));
    const rows = [1, 2, 3, 4].map((n) => ({
      email: `fault.import${n}@maison-lumiere.example`,
      name: `Import ${n}`,
    }));
    const csv = ['email,display name', ...rows.map((r) => `${r.email},${r.name}`)].join('\n');
    const start = () =>
      api.call<{ job: ImportJob }>('POST', `/api/programmes/${demoProgrammeId}/imports`, {
        token: lead,
        raw: csv,
        type: 'text/csv',
      });
    const finished = async (id: string): Promise<ImportJob> => {
      for (;;) {
        const reply = await api.call<{ job: ImportJob }>('GET', `/api/jobs/${id}`, { token: lead });
        expect(reply.status).toBe(200);
        if (['succeeded', 'failed'].includes(reply.body.job.status)) return reply.body.job;
        await new Promise((r) => setTimeout(r, 20));
      }
    };

    // The first two rows' people cannot be written (the SDK's own retries included).
    const failing = [rows[0]!.email, rows[1]!.email];
    proxy.inject(
      { kind: 'unavailable' },
      {
        match: (r) =>
          r.write && r.path.includes('/colls/people/') && failing.some((e) => r.body.includes(e)),
      },
    );
    const started = await start();
    expect(started.status).toBe(202);
    const job = await finished(started.body.job.id);
    expect(job.status).toBe('failed');
    expect(job.processed).toBe(rows.length);
    expect(job.errors).toHaveLength(2);
    for (const error of job.errors) {
      expect(error.code).toBe('store_unavailable');
      expect(error.message).toMatch(/^The row could not be saved: /);
    }
    // A failed row wrote neither its person nor its profile; the others wrote both.
    for (const row of rows) {
      const id = personIdFor(tenantId, row.email);
      const failed = job.errors.some((e) => e.email === row.email);
      expect(await stored.people.find(tenantId, id), row.email).toSatisfy(
        (p) => (p === undefined) === failed,
      );
      expect(await stored.profiles.find(tenantId, id), row.email).toSatisfy(
        (p) => (p === undefined) === failed,
      );
    }

    proxy.reset();
    const again = await start();
    expect(again.status).toBe(202);
    const second = await finished(again.body.job.id);
    expect(second.status).toBe('succeeded');
    expect(second.created).toBe(2);
    for (const row of rows) {
      expect(await stored.profiles.find(tenantId, personIdFor(tenantId, row.email))).toBeDefined();
    }
  });
});

describe('an import whose own job write fails', () => {
  it('is not left running: finished from what was saved, with the rows not recorded listed for the lead', async () => {
    const lead = await tokenFor(demoPersonId(5));
    const csv = [
      'email,display name',
      'fault.job1@maison-lumiere.example,Job One',
      'fault.job2@maison-lumiere.example,Job Two',
    ].join('\n');
    // Every save of the job that would say it is running fails: the first one included.
    proxy.inject(
      { kind: 'unavailable' },
      { match: (r) => r.write && r.path.includes('/colls/jobs/') && r.body.includes('"running"') },
    );
    const started = await api.call<{ job: ImportJob }>(
      'POST',
      `/api/programmes/${demoProgrammeId}/imports`,
      { token: lead, raw: csv, type: 'text/csv' },
    );
    expect(started.status).toBe(202);
    let job: ImportJob;
    for (;;) {
      const reply = await api.call<{ job: ImportJob }>('GET', `/api/jobs/${started.body.job.id}`, {
        token: lead,
      });
      job = reply.body.job;
      if (job.status === 'succeeded' || job.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(job.status).toBe('failed');
    expect(job.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'store_unavailable'],
      [3, 'store_unavailable'],
    ]);
    expect(job.finishedAt).not.toBeNull();
  });
});

describe('a slow Cosmos DB', () => {
  it('does not pile requests up without bound: at most maxCosmosConnections in flight, every read answered', async () => {
    proxy.inject({ kind: 'slow', delayMs: 300 }, { match: reads });
    const replies = await Promise.all(Array.from({ length: 120 }, () => dashboard()));
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200));
    expect(proxy.seen.filter((r) => r.fault === 'slow').length).toBeGreaterThanOrEqual(120);
    expect(proxy.maxInFlight).toBeLessThanOrEqual(maxCosmosConnections);
  });

  it('a write that takes longer than cosmosRequestTimeoutMs answers 503 store_unavailable instead of holding its caller', async () => {
    const version = await currentVersion();
    proxy.inject(
      { kind: 'slow', delayMs: cosmosRequestTimeoutMs + 1_000 },
      { times: 1, match: writes },
    );
    const reply = await writeNotes('Too slow', version);
    expect(reply.status).toBe(503);
    expect(errorCode(reply)).toBe('store_unavailable');
  }, 30_000);
});
