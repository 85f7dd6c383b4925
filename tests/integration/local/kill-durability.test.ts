import { execFileSync } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoPersonId } from '../../../src/local/seed/demo-data';
import { localDataFiles } from '../../../src/local/local-snapshot';
import { interrupt, startAppProcess, type AppProcess } from '../../support/app-process';
import { apiClient } from '../api/api-client';

const claire = demoPersonId(5); // leads the demo programme: may create programmes
const tenantId = '11111111-2222-4333-8444-555555555555'; // DEMO_TENANT_ID's default

const programme = (n: number) => ({
  name: `Durable ${n}`,
  description: `Written ${n}`,
  startDate: '2027-03-01',
  endDate: '2027-06-30',
  skills: [{ id: 'power-bi', label: { fr: 'Power BI', en: 'Power BI' }, kind: 'digital' }],
  frame: { sessions: 4, durationMinutes: 45, frequency: 'weekly', place: 'on_site' },
});

/**
 * Creates a programme every 100 ms through the HTTP API, without waiting for the previous answer,
 * and SIGKILLs the app right as the `killAfter`-th creation is acknowledged (201). Resolves with
 * every id the app acknowledged, including answers already on their way when it died.
 */
async function writeThenKill(app: AppProcess, first: number, killAfter: number) {
  const api = apiClient(await app.url);
  const token = await api.signIn(claire);
  const acknowledged: string[] = [];
  const inFlight: Promise<void>[] = [];
  await new Promise<void>((resolve, reject) => {
    let n = first;
    const timer = setInterval(() => {
      const write = api
        .call<{ programme: { id: string } }>('POST', '/api/programmes', {
          token,
          json: programme(n++),
        })
        .then(
          (reply) => {
            if (reply.status !== 201) {
              clearInterval(timer);
              reject(new Error(`write answered ${reply.status}: ${JSON.stringify(reply.body)}`));
              return;
            }
            acknowledged.push(reply.body.programme.id);
            if (acknowledged.length === killAfter) {
              app.child.kill('SIGKILL');
              clearInterval(timer);
              resolve();
            }
          },
          () => undefined, // cut by the kill: never acknowledged
        );
      inFlight.push(write);
    }, 100);
  });
  await Promise.all(inFlight);
  expect(await app.exited).toBeNull(); // killed, not exited
  return acknowledged;
}

async function programmeIds(app: AppProcess): Promise<string[]> {
  const api = apiClient(await app.url);
  const reply = await api.call<{ programmes: { id: string }[] }>('GET', '/api/programmes', {
    token: await api.signIn(claire),
  });
  expect(reply.status).toBe(200);
  return reply.body.programmes.map((p) => p.id);
}

// Each test starts the app once or twice (a few seconds each, more on a busy machine).
describe('local mode keeps every acknowledged write through kill -9', { timeout: 60_000 }, () => {
  let dataDir: string;
  let running: AppProcess | undefined;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mentoring-durable-'));
  });
  afterEach(async () => {
    if (running) await interrupt(running);
    running = undefined;
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('finds, after SIGKILL right after an acknowledgement and a restart, every write that was acknowledged', async () => {
    const first = startAppProcess({ LOCAL_DATA_DIR: dataDir });
    running = first;
    const acknowledged = await writeThenKill(first, 1, 15);
    expect(acknowledged.length).toBeGreaterThanOrEqual(15);

    const second = startAppProcess({ LOCAL_DATA_DIR: dataDir });
    running = second;
    const ids = await programmeIds(second);
    expect(ids).toEqual(expect.arrayContaining(acknowledged));
    expect(second.output()).toMatch(/Local data restored from .* journaled writes replayed/);
    expect(await interrupt(second)).toBe(0);
    // A clean stop folds the journal into the snapshot.
    expect(await readFile(localDataFiles(dataDir).journal, 'utf8')).toBe('');
  });

  it('ignores a journal line cut short by a crash, and keeps the writes before it', async () => {
    const first = startAppProcess({ LOCAL_DATA_DIR: dataDir });
    running = first;
    const acknowledged = await writeThenKill(first, 100, 5);
    const { journal } = localDataFiles(dataDir);
    // What an append interrupted by the crash leaves: a line without its end (never acknowledged).
    await appendFile(
      journal,
      '{"seq":99999,"op":"upsert","container":"programmes","doc":{"id":"to',
    );

    const second = startAppProcess({ LOCAL_DATA_DIR: dataDir });
    running = second;
    expect(await programmeIds(second)).toEqual(expect.arrayContaining(acknowledged));
    expect(second.output()).toContain('an interrupted last journal line was ignored');
    // Folded into a fresh snapshot at start: the journal starts empty again.
    expect(await readFile(journal, 'utf8')).toBe('');
  });
});

describe(
  'local data that cannot be used stops the start with a way out',
  { timeout: 60_000 },
  () => {
    let dataDir: string;
    beforeEach(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'mentoring-corrupt-'));
    });
    afterEach(async () => rm(dataDir, { recursive: true, force: true }));

    it('names a corrupt snapshot and how to recover, and exits non-zero', async () => {
      const { snapshot } = localDataFiles(dataDir);
      await writeFile(
        snapshot,
        '{"format":"mentoring-local-snapshot","version":1,"containers":{"peo',
      );
      const app = startAppProcess({ LOCAL_DATA_DIR: dataDir });
      const code = await app.exited;
      expect(code).not.toBe(0);
      expect(app.output()).toContain(`The local data file ${snapshot} is not valid JSON`);
      expect(app.output()).toContain('To start afresh with the demo data: npm run reset');
      expect(app.output()).toContain(
        `To keep the writes since the last snapshot: move ${snapshot} out of`,
      );
      expect(app.output()).not.toMatch(/SyntaxError|at JSON\.parse/);
      // Nothing was changed: the file is still there to inspect.
      expect(await readFile(snapshot, 'utf8')).toContain('mentoring-local-snapshot');

      // The way out it names: npm run reset, then the app starts on the demo data.
      const reset = execFileSync(
        process.execPath,
        ['--import', 'tsx', 'src/local/reset-local-data.ts'],
        {
          env: { ...process.env, LOCAL_DATA_DIR: dataDir },
          encoding: 'utf8',
        },
      );
      expect(reset).toContain(`deleted the snapshot and journal in ${dataDir}`);
      const fresh = startAppProcess({ LOCAL_DATA_DIR: dataDir });
      try {
        await fresh.url;
        expect(fresh.output()).toContain('Demo data loaded');
      } finally {
        expect(await interrupt(fresh)).toBe(0);
      }
    });

    it('names a damaged journal line (not the last one) and how to recover, and exits non-zero', async () => {
      const { journal } = localDataFiles(dataDir);
      const good = JSON.stringify({
        seq: 1,
        op: 'delete',
        container: 'programmes',
        id: 'x',
        partitionKey: tenantId,
      });
      await writeFile(journal, `${good}\n{"seq":2,"op":"ups\u0000\u0000\n${good}\n`);
      const app = startAppProcess({ LOCAL_DATA_DIR: dataDir });
      expect(await app.exited).not.toBe(0);
      expect(app.output()).toContain(`The local data file ${journal} line 2 is not valid JSON`);
      expect(app.output()).toContain(`move ${journal} out of`);
    });

    it('reports stored documents that no longer match their schema at start, one line per container', async () => {
      const { journal } = localDataFiles(dataDir);
      const broken = (id: string) =>
        JSON.stringify({
          seq: 1,
          op: 'upsert',
          container: 'programmes',
          doc: { id, tenantId, name: 42 },
        });
      await writeFile(journal, `${broken('old-shape-1')}\n${broken('old-shape-2')}\n`);
      const app = startAppProcess({ LOCAL_DATA_DIR: dataDir });
      try {
        await app.url;
        const lines = app
          .output()
          .split('\n')
          .filter((l) => l.includes('Local data check'));
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(
          /programmes: 2 of 2 documents do not match their schema, first old-shape-1 \(.+\); old-shape-2/,
        );
      } finally {
        expect(await interrupt(app)).toBe(0);
      }
    });
  },
);
