import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config';
import { fixedClock } from '../../../src/domain/clock';
import { localDataFiles, readSnapshot } from '../../../src/local/local-snapshot';
import { openLocalStore } from '../../../src/local/local-store';
import { recordingLogger } from '../../support/logger';

describe("local mode's data folder", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'compaction-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  const log = recordingLogger();
  const open = () =>
    openLocalStore(
      loadConfig({ LOCAL_DATA_DIR: dir, SEED_DEMO_DATA: 'false' }),
      fixedClock('2027-01-04T09:00:00Z'),
      log,
      { compactAfter: { lines: 10, bytes: 1_000_000 } },
    );
  const journalLines = async () =>
    (await readFile(localDataFiles(dir).journal, 'utf8')).split('\n').filter(Boolean).length;

  it('past its size limit and at shutdown, keeping every write', async () => {
    const files = localDataFiles(dir);
    const local = await open();
    const people = local.store.container('people');
    for (let n = 0; n < 25; n++) await people.items.create({ id: `p${n}`, tenantId: 't', n });
    // Past 10 lines a compaction starts: the snapshot catches up and the journal shrinks.
    await expect
      .poll(async () => (await readSnapshot(files.snapshot, 'x'))?.documents.people.length ?? 0)
      .toBeGreaterThanOrEqual(10);
    expect(await journalLines()).toBeLessThan(25);

    await people.item('p0', 't').delete();
    await local.close();
    expect(await journalLines()).toBe(0);
    const saved = await readSnapshot(files.snapshot, 'x');
    expect(saved?.documents.people.map((d) => d.id).sort()).toEqual(
      Array.from({ length: 24 }, (_, n) => `p${n + 1}`).sort(),
    );

    const again = await open();
    try {
      const { resources } = await again.store
        .container('people')
        .items.query('SELECT VALUE COUNT(1) FROM c')
        .fetchAll();
      expect(resources).toEqual([24]);
    } finally {
      await again.close();
    }
    expect(log.errors).toEqual([]);
  });

  it('stops the start, losing nothing, when the snapshot cannot be written', async () => {
    const files = localDataFiles(dir);
    const line = JSON.stringify({
      seq: 1,
      op: 'create',
      container: 'people',
      doc: { id: 'a', tenantId: 't' },
    });
    await writeFile(files.journal, `${line}\n`);
    // Where the new snapshot would be written first: a folder, so writing it fails.
    await mkdir(`${files.snapshot}.${process.pid}.tmp`);
    await expect(open()).rejects.toThrow(
      `The local data file ${files.snapshot} could not be written (`,
    );
    expect(await readFile(files.journal, 'utf8')).toBe(`${line}\n`);
  });

  it("refuses a second app on the same folder while the first runs, and takes over a dead one's lock", async () => {
    const files = localDataFiles(dir);
    const first = await open();
    try {
      await expect(open()).rejects.toThrow(
        `The local data file ${files.lock} says the folder is already in use by this process`,
      );
      // Another live process: here, this test's parent.
      await writeFile(files.lock, `${process.ppid}\n`);
      await expect(open()).rejects.toThrow(
        `The local data file ${files.lock} says the folder is in use by another running Mentoring process (pid ${process.ppid})`,
      );
      await writeFile(files.lock, `${process.pid}\n`);
    } finally {
      await first.close();
    }
    // What kill -9 leaves: the lock of a process that no longer exists, or of a previous run that
    // had the same pid (a restarted container).
    for (const stale of ['4194305', String(process.pid)]) {
      await writeFile(files.lock, `${stale}\n`);
      const next = await open();
      expect(await readFile(files.lock, 'utf8')).toBe(`${process.pid}\n`);
      await next.close();
    }
    expect(log.errors).toEqual([]);
  });
});
