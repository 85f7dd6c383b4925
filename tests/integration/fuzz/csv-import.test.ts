import { fc } from '@fast-check/vitest';
import type { ImportJob } from '../../../src/contracts/imports';
import { demoPersonId, demoProgrammeId } from '../../../src/local/seed/demo-data';
import type { ContainerName } from '../../../src/store/containers';
import { startTestApp, type TestApp } from '../../support/app-server';
import { anyCsvText } from '../../support/csv-fuzz';
import { expectSpecificRefusal } from '../../support/fuzz';
import { apiClient, type ApiReply } from '../api/api-client';

/**
 * Issue #18 item 5: the import route on arbitrary files, as text/csv and as JSON `{ csv }`:
 * a preview or a specific 4xx, never a 5xx; a refused import writes nothing, an accepted one
 * applies every row.
 */

const tenantId = '11111111-2222-4333-8444-555555555555';
const imports = `/api/programmes/${demoProgrammeId}/imports`;
const watched: ContainerName[] = ['people', 'profiles', 'jobs'];

let app: TestApp;
let api: ReturnType<typeof apiClient>;
let lead: string;

beforeAll(async () => {
  app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' } });
  api = apiClient(app.baseUrl);
  lead = await api.signIn(demoPersonId(5));
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

async function storedVersions(): Promise<Map<string, string>> {
  const versions = new Map<string, string>();
  for (const name of watched) {
    const { resources } = await app.server.store
      .container(name)
      .items.query<{ id: string; _etag: string }>({
        query: 'SELECT c.id, c._etag FROM c WHERE c.tenantId = @t',
        parameters: [{ name: '@t', value: tenantId }],
      })
      .fetchAll();
    for (const r of resources) versions.set(`${name}/${r.id}`, r._etag);
  }
  return versions;
}

const post = (path: string, csv: string, asJson: boolean) =>
  api.call('POST', path, {
    token: lead,
    ...(asJson ? { json: { csv } } : { raw: csv, type: 'text/csv; charset=utf-8' }),
  });

async function finished(id: string): Promise<ImportJob> {
  for (;;) {
    const reply = await api.call<{ job: ImportJob }>('GET', `/api/jobs/${id}`, { token: lead });
    expect(reply.status).toBe(200);
    if (reply.body.job.status === 'succeeded' || reply.body.job.status === 'failed') {
      return reply.body.job;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

const describeReply = (reply: ApiReply, csv: string) =>
  `${JSON.stringify(csv).slice(0, 400)} → ${reply.status} ${JSON.stringify(reply.body)?.slice(0, 400)}`;

describe('participant import under fuzzed files', () => {
  it('a preview answers 200 with a verdict, or a specific 4xx; it writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(anyCsvText, fc.boolean(), async (csv, asJson) => {
        const before = await storedVersions();
        const reply = await post(`${imports}/preview`, csv, asJson);
        if (reply.status !== 200) expectSpecificRefusal(reply, describeReply(reply, csv));
        else expect(typeof (reply.body as { acceptable: unknown }).acceptable).toBe('boolean');
        expect(await storedVersions()).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it('an import is refused whole (nothing written) or applies every row', async () => {
    await fc.assert(
      fc.asyncProperty(anyCsvText, fc.boolean(), async (csv, asJson) => {
        const before = await storedVersions();
        const reply = await post(imports, csv, asJson);
        const what = describeReply(reply, csv);
        if (reply.status !== 202) {
          expectSpecificRefusal(reply, what);
          expect(await storedVersions(), what).toEqual(before);
          return;
        }
        const job = await finished((reply.body as { job: ImportJob }).job.id);
        expect(job.errors, what).toEqual([]);
        expect(job.status, what).toBe('succeeded');
        expect(job.processed, what).toBe(job.total);
        expect(job.applied.length, what).toBe(job.total);
      }),
      { numRuns: 60 },
    );
  });
});
