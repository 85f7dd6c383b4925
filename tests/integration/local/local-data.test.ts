import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreWrite } from '../../../src/local/embedded-cosmos';
import { LocalJournal, readJournal } from '../../../src/local/local-journal';
import {
  emptyDocuments,
  localDataFiles,
  writeSnapshot,
  type LocalDataFiles,
} from '../../../src/local/local-snapshot';
import { readLocalData } from '../../../src/local/local-store';

const put = (id: string, v: number): StoreWrite => ({
  op: 'upsert',
  container: 'people',
  doc: { id, tenantId: 't', v },
});
const lines = (...writes: StoreWrite[]) =>
  writes.map((w, i) => `${JSON.stringify({ seq: i + 1, ...w })}\n`).join('');

describe('the local data folder after a crash', () => {
  let files: LocalDataFiles;
  beforeEach(async () => {
    files = localDataFiles(await mkdtemp(join(tmpdir(), 'local-data-')));
  });
  afterEach(async () => rm(files.dir, { recursive: true, force: true }));

  it('is empty when nothing was ever saved', async () => {
    expect(await readLocalData(files)).toBeUndefined();
  });

  it('replays, over the snapshot, the journal an interrupted compaction set aside, then the journal', async () => {
    const docs = emptyDocuments();
    docs.people = [
      { id: 'a', tenantId: 't', v: 0 },
      { id: 'b', tenantId: 't', v: 0 },
    ];
    await writeSnapshot(files.snapshot, docs, new Date('2027-01-01T00:00:00Z'));
    await writeFile(
      files.compacting,
      lines(put('a', 1), { op: 'delete', container: 'people', id: 'b', partitionKey: 't' }),
    );
    await writeFile(files.journal, lines(put('c', 1), put('a', 2)));
    const data = await readLocalData(files);
    expect(data).toMatchObject({ replayed: 4, journaled: true, tornTail: false });
    expect(data?.documents.people).toEqual([
      { id: 'a', tenantId: 't', v: 2 },
      { id: 'c', tenantId: 't', v: 1 },
    ]);
  });

  it('gives the newest values when the compaction crashed after writing its snapshot', async () => {
    // The new snapshot holds a later value than the set-aside journal: the journal after it wins.
    const docs = emptyDocuments();
    docs.people = [{ id: 'a', tenantId: 't', v: 2 }];
    await writeSnapshot(files.snapshot, docs, new Date('2027-01-01T00:00:00Z'));
    await writeFile(files.compacting, lines(put('a', 1)));
    await writeFile(files.journal, lines(put('a', 2)));
    expect((await readLocalData(files))?.documents.people).toEqual([
      { id: 'a', tenantId: 't', v: 2 },
    ]);
  });
});

describe('the journal file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'journal-file-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('appends one line per write, and after a rotation starts afresh while the old lines are set aside', async () => {
    const file = join(dir, 'j.ndjson');
    const archive = join(dir, 'old.ndjson');
    const journal = LocalJournal.open(file);
    await journal.durable(journal.record(put('a', 1)));
    await Promise.all(
      [journal.record(put('b', 1)), journal.record(put('c', 1))].map((t) => journal.durable(t)),
    );
    expect(journal.size.lines).toBe(3);
    await journal.rotate(archive);
    expect(journal.size).toEqual({ lines: 0, bytes: 0 });
    await journal.durable(journal.record(put('d', 1)));
    await journal.close();
    const ids = async (f: string) =>
      (await readJournal(f, 'x'))?.writes.map((w) => (w.op === 'delete' ? w.id : w.doc.id));
    expect(await ids(archive)).toEqual(['a', 'b', 'c']);
    expect(await ids(file)).toEqual(['d']);
    expect((await readFile(file, 'utf8')).endsWith('\n')).toBe(true);
  });
});
