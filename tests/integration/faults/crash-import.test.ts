import type { ImportJob } from '../../../src/contracts/imports';
import { demoPersonId, demoProgrammeId } from '../../../src/local/seed/demo-data';
import { personIdFor } from '../../../src/services/import/import-service';
import {
  crash,
  holdNext,
  startCrashWorld,
  tenantId,
  testLeaseSeconds,
  until,
  type CrashWorld,
} from '../../support/crash-kit';
import { apiClient } from '../api/api-client';

/**
 * Issue #18 item 6: the process killed (SIGKILL) while a bulk import runs, then started again.
 * The job must not stay `running`: the lead sees it failed, interrupted, with how far it got;
 * what it wrote is kept; importing the same file again completes it without a person twice.
 */

const rows = Array.from({ length: 300 }, (_, i) => {
  const n = String(i + 1).padStart(3, '0');
  return { email: `crash.import${n}@maison-lumiere.example`, name: `Crash Import ${n}` };
});
const csv = ['email,display name', ...rows.map((r) => `${r.email},${r.name}`)].join('\n');
/** The process dies right before writing this row's person. */
const killAtRow = 200;

let world: CrashWorld;

beforeAll(async () => {
  world = await startCrashWorld();
}, 60_000);

afterAll(async () => world?.close());

/** The imported people stored, by e-mail (every copy, to catch a person stored twice). */
async function importedPeople(): Promise<Map<string, string[]>> {
  const { resources } = await world.store
    .container('people')
    .items.query<{ id: string; email: string }>({
      query: 'SELECT c.id, c.email FROM c WHERE c.tenantId = @tenantId',
      parameters: [{ name: '@tenantId', value: tenantId }],
    })
    .fetchAll();
  const byEmail = new Map<string, string[]>();
  for (const p of resources.filter((r) => r.email.startsWith('crash.import'))) {
    byEmail.set(p.email, [...(byEmail.get(p.email) ?? []), p.id]);
  }
  return byEmail;
}

describe('a bulk import cut by kill -9', { timeout: 60_000 }, () => {
  it('shows the lead it was interrupted, keeps what it wrote, and importing again completes it once', async () => {
    const first = world.startApp();
    const api = apiClient(await first.url);
    const lead = await world.tokenFor(demoPersonId(5));
    const imports = `/api/programmes/${demoProgrammeId}/imports`;

    let peopleWrites = 0;
    const held = holdNext(
      world.proxy,
      (r) =>
        r.write &&
        r.path.includes('/colls/people/') &&
        r.body.includes('crash.import') &&
        ++peopleWrites === killAtRow,
    );
    const started = await api.call<{ job: ImportJob }>('POST', imports, {
      token: lead,
      raw: csv,
      type: 'text/csv',
    });
    expect(started.status).toBe(202);
    const jobId = started.body.job.id;
    await held;
    await crash(first);
    // What the crash left: a job the store still says is running.
    const stored = (await world.stored.importJobs.get(tenantId, jobId)).value;
    expect(stored.status).toBe('running');
    const recordedApplied = stored.applied.map((a) => a.email);
    expect((await importedPeople()).size).toBeGreaterThanOrEqual(killAtRow - 10);

    const second = world.startApp();
    const again = apiClient(await second.url);
    const jobNow = async () => {
      const reply = await again.call<{ job: ImportJob }>('GET', `/api/jobs/${jobId}`, {
        token: lead,
      });
      expect(reply.status).toBe(200);
      return reply.body.job;
    };
    // Within its lease (WORK_LEASE_SECONDS) of its last progress, the lead sees it failed.
    await until(async () => (await jobNow()).status === 'failed', 2 * testLeaseSeconds * 1000);
    const job = await jobNow();
    expect(job.status).toBe('failed');
    expect(job.errors).toContainEqual({
      line: 0,
      email: '',
      code: 'interrupted',
      message: `The import stopped after ${stored.processed} of ${rows.length} rows (the server restarted). Import the same file again: rows already applied are left unchanged.`,
    });
    // The import screen lists it the same way.
    const list = await again.call<{ jobs: ImportJob[] }>('GET', imports, { token: lead });
    expect(list.body.jobs.find((j) => j.id === jobId)?.status).toBe('failed');

    // Nothing the job recorded as applied was lost: person and invitation both there.
    for (const email of recordedApplied) {
      const id = personIdFor(tenantId, email);
      expect(await world.stored.people.find(tenantId, id), email).toBeDefined();
      expect(await world.stored.profiles.find(tenantId, id), email).toBeDefined();
    }

    // Importing the same file again completes it.
    const rerun = await again.call<{ job: ImportJob }>('POST', imports, {
      token: lead,
      raw: csv,
      type: 'text/csv',
    });
    expect(rerun.status).toBe(202);
    let done: ImportJob | undefined;
    await until(async () => {
      const reply = await again.call<{ job: ImportJob }>('GET', `/api/jobs/${rerun.body.job.id}`, {
        token: lead,
      });
      done = reply.body.job;
      return done.status === 'succeeded' || done.status === 'failed';
    });
    expect(done).toMatchObject({ status: 'succeeded', errors: [], processed: rows.length });
    expect(done!.created + done!.updated + done!.unchanged).toBe(rows.length);
    // Every person once, each with their one invitation to the programme.
    const people = await importedPeople();
    expect(people.size).toBe(rows.length);
    for (const row of rows) {
      expect(people.get(row.email), row.email).toEqual([personIdFor(tenantId, row.email)]);
      const profile = await world.stored.profiles.find(tenantId, personIdFor(tenantId, row.email));
      expect(profile?.value.programmeId, row.email).toBe(demoProgrammeId);
    }
  });
});
