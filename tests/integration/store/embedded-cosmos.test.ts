import { request as httpsRequest } from 'node:https';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startEmbeddedCosmos,
  type StoreWrite,
  type WriteSink,
} from '../../../src/local/embedded-cosmos';
import { createCosmosClient } from '../../../src/store/cosmos-client';
import { openStore } from '../../../src/store/database';
import { LocalDataError } from '../../../src/local/local-data-error';
import { LocalJournal, readJournal } from '../../../src/local/local-journal';
import {
  applyWrites,
  emptyDocuments,
  loadDocuments,
  readAllDocuments,
  readSnapshot,
  saveSnapshot,
} from '../../../src/local/local-snapshot';
import { checkStoredDocuments, schemaChecks } from '../../../src/local/stored-documents-check';
import { startLocalCosmos, type LocalCosmos } from '../../support/local-cosmos';

/** A sink that keeps the writes and lets the test decide when each becomes durable. */
function heldSink() {
  const writes: StoreWrite[] = [];
  const held: Array<() => void> = [];
  let asked: () => void = () => {};
  const sink: WriteSink & { writes: StoreWrite[] } = {
    writes,
    record: (write) => writes.push(write),
    durable: () =>
      new Promise<void>((resolve) => {
        held.push(resolve);
        asked();
      }),
  };
  return {
    sink,
    /** Resolves when the server asks whether a write is durable. */
    nextAsk: () => new Promise<void>((resolve) => (asked = resolve)),
    releaseAll: () => held.splice(0).forEach((r) => r()),
  };
}

describe('the embedded Cosmos server journals document writes', () => {
  let cosmos: LocalCosmos;
  let dir: string;
  beforeAll(async () => {
    cosmos = await startLocalCosmos();
    dir = await mkdtemp(join(tmpdir(), 'journal-'));
  });
  afterEach(() => cosmos.server.journalTo(undefined));
  afterAll(async () => {
    await cosmos.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers a write only once its journal says it is durable', async () => {
    const { sink, nextAsk, releaseAll } = heldSink();
    cosmos.server.journalTo(sink);
    const asked = nextAsk();
    let answered = false;
    const write = cosmos.store
      .container('people')
      .items.create({ id: 'held', tenantId: 't', displayName: 'Léa' })
      .then((r) => {
        answered = true;
        return r;
      });
    await asked;
    expect(sink.writes).toHaveLength(1);
    expect(answered).toBe(false);
    releaseAll();
    expect((await write).statusCode).toBe(201);
  });

  it('answers 503, never an acknowledgement, when the journal cannot be written', async () => {
    const errors: unknown[] = [];
    const server = await startEmbeddedCosmos(0, { onJournalError: (e) => errors.push(e) });
    const client = createCosmosClient({ endpoint: server.endpoint, key: server.key });
    try {
      const store = await openStore(client, 'failing-journal');
      server.journalTo({
        record: () => 1,
        durable: () => Promise.reject(new Error('ENOSPC: no space left on device')),
      });
      const error = (await store
        .container('people')
        .items.create({ id: 'lost', tenantId: 't' })
        .catch((e: unknown) => e)) as { code?: number; message?: string };
      expect(error.code).toBe(503);
      expect(error.message).toContain('The local journal could not be written: ENOSPC');
      expect(errors.length).toBeGreaterThanOrEqual(1);
    } finally {
      client.dispose();
      await server.close();
    }
  });

  it('records create, upsert, replace, patch and delete with the resulting document, and no read or query', async () => {
    const { sink, releaseAll } = heldSink();
    const releasing = setInterval(releaseAll, 1);
    cosmos.server.journalTo(sink);
    try {
      const people = cosmos.store.container('people');
      await people.items.create({ id: 'p1', tenantId: 't', displayName: 'Léa' });
      await people.items.upsert({ id: 'p1', tenantId: 't', displayName: 'Léa B.' });
      const { resource } = await people.item('p1', 't').read();
      await people
        .item('p1', 't')
        .replace(
          { id: 'p1', tenantId: 't', displayName: 'Léa Bernard' },
          { accessCondition: { type: 'IfMatch', condition: String(resource!._etag) } },
        );
      await people.item('p1', 't').patch([{ op: 'add', path: '/department', value: 'Sales' }]);
      await people.items.query('SELECT * FROM c').fetchAll();
      await people.item('p1', 't').delete();
      // A refused write (conflict) is not recorded.
      await people.items.create({ id: 'p2', tenantId: 't' });
      await expect(people.items.create({ id: 'p2', tenantId: 't' })).rejects.toThrow();
    } finally {
      clearInterval(releasing);
    }
    expect(sink.writes).toEqual([
      { op: 'create', container: 'people', doc: { id: 'p1', tenantId: 't', displayName: 'Léa' } },
      {
        op: 'upsert',
        container: 'people',
        doc: { id: 'p1', tenantId: 't', displayName: 'Léa B.' },
      },
      {
        op: 'replace',
        container: 'people',
        doc: { id: 'p1', tenantId: 't', displayName: 'Léa Bernard' },
      },
      {
        op: 'replace',
        container: 'people',
        doc: { id: 'p1', tenantId: 't', displayName: 'Léa Bernard', department: 'Sales' },
      },
      { op: 'delete', container: 'people', id: 'p1', partitionKey: 't' },
      { op: 'create', container: 'people', doc: { id: 'p2', tenantId: 't' } },
    ]);
  });

  it('keeps concurrent writes in the order the server applied them', async () => {
    const file = join(dir, 'concurrent.ndjson');
    const journal = LocalJournal.open(file);
    cosmos.server.journalTo(journal);
    const people = cosmos.store.container('people');
    await Promise.all(
      Array.from({ length: 60 }, (_, n) =>
        people.items.upsert({ id: `same-${n % 3}`, tenantId: 'race', n }),
      ),
    );
    await journal.close();
    const read = await readJournal(file, 'test');
    expect(read?.writes).toHaveLength(60);
    const replayed = applyWrites(emptyDocuments(), read!.writes, { file, recovery: 'test' });
    const stored = await people.items
      .query({
        query: 'SELECT c.id, c.n FROM c WHERE c.tenantId = @t',
        parameters: [{ name: '@t', value: 'race' }],
      })
      .fetchAll();
    expect(
      replayed.people
        .map((d) => ({ id: String(d.id), n: (d as { n?: number }).n }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual(stored.resources.sort((a, b) => String(a.id).localeCompare(String(b.id))));
  });
});

describe('the local snapshot', () => {
  let cosmos: LocalCosmos;
  let dir: string;
  beforeAll(async () => {
    cosmos = await startLocalCosmos();
    dir = await mkdtemp(join(tmpdir(), 'snapshot-'));
  });
  afterAll(async () => {
    await cosmos.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('holds every document (more than a query page), without Cosmos metadata, and loads into another server', async () => {
    const people = cosmos.store.container('people');
    for (let i = 0; i < 250; i += 25) {
      await Promise.all(
        Array.from({ length: 25 }, (_, k) =>
          people.items.create({ id: `p${i + k}`, tenantId: 't', displayName: `P${i + k}` }),
        ),
      );
    }
    const file = join(dir, 'b.json');
    expect(await saveSnapshot(cosmos.store, file, new Date('2027-01-01T00:00:00Z'))).toBe(250);
    const saved = await readSnapshot(file, 'test');
    expect(saved?.savedAt).toBe('2027-01-01T00:00:00.000Z');
    expect(saved?.documents.people).toHaveLength(250);
    expect(saved?.documents.people.find((d) => d.id === 'p7')).toEqual({
      id: 'p7',
      tenantId: 't',
      displayName: 'P7',
    });

    const other = await startLocalCosmos();
    try {
      expect(await loadDocuments(other.store, saved!.documents)).toBe(250);
      expect((await readAllDocuments(other.store)).people).toHaveLength(250);
    } finally {
      await other.stop();
    }
  });

  it('is absent when there is none, and a damaged one names the file and the way out', async () => {
    expect(await readSnapshot(join(dir, 'missing.json'), 'x')).toBeUndefined();
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{ not json');
    const error: unknown = await readSnapshot(bad, 'Run npm run reset.').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalDataError);
    expect((error as Error).message).toBe(
      `The local data file ${bad} is not valid JSON (cut short or damaged).\nRun npm run reset.`,
    );
    await writeFile(bad, JSON.stringify({ format: 'other', version: 1, containers: {} }));
    await expect(readSnapshot(bad, 'x')).rejects.toThrow(/is not a Mentoring local snapshot/);
    await writeFile(
      bad,
      JSON.stringify({
        format: 'mentoring-local-snapshot',
        version: 1,
        containers: { people: [{}] },
      }),
    );
    await expect(readSnapshot(bad, 'x')).rejects.toThrow(
      /"people" container that is not a list of documents/,
    );
  });
});

describe('reading the journal', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'journal-read-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));
  const line = (seq: number, id: string) =>
    JSON.stringify({ seq, op: 'upsert', container: 'people', doc: { id, tenantId: 't' } });

  it('skips a last line cut short and keeps the writes before it', async () => {
    const file = join(dir, 'torn.ndjson');
    await writeFile(file, `${line(1, 'a')}\n${line(2, 'b')}\n{"seq":3,"op":"ups`);
    const read = await readJournal(file, 'x');
    expect(read?.tornTail).toBe(true);
    expect(read?.writes.map((w) => (w.op === 'delete' ? w.id : w.doc.id))).toEqual(['a', 'b']);
  });

  it('stops at a damaged line that is not the last, naming the file and the line', async () => {
    const file = join(dir, 'bad.ndjson');
    await writeFile(
      file,
      `${line(1, 'a')}\n{"seq":2,"op":"upsert","container":"people"}\n${line(3, 'c')}\n`,
    );
    await expect(readJournal(file, 'Move it away.')).rejects.toThrow(
      `The local data file ${file} line 2 is not a journal entry (doc: `,
    );
  });

  it('replays deletes and later writes over the snapshot, and refuses an unknown container', async () => {
    const docs = emptyDocuments();
    docs.people = [
      { id: 'a', tenantId: 't', v: 0 },
      { id: 'b', tenantId: 't' },
    ];
    const merged = applyWrites(
      docs,
      [
        { op: 'upsert', container: 'people', doc: { id: 'a', tenantId: 't', v: 1 } },
        { op: 'delete', container: 'people', id: 'b', partitionKey: 't' },
        { op: 'create', container: 'people', doc: { id: 'b', tenantId: 'other' } },
      ],
      { file: 'j', recovery: 'x' },
    );
    expect(merged.people).toEqual([
      { id: 'a', tenantId: 't', v: 1 },
      { id: 'b', tenantId: 'other' },
    ]);
    expect(() =>
      applyWrites(docs, [{ op: 'create', container: 'nope', doc: { id: 'x' } }], {
        file: 'j',
        recovery: 'x',
      }),
    ).toThrow('The local data file j has a write to a container "nope"');
  });
});

describe('the start-up check of stored documents', () => {
  it('names, per container, how many documents no repository of that container accepts, and the first ids', async () => {
    const cosmos = await startLocalCosmos();
    try {
      const docs = emptyDocuments();
      docs.programmes = Array.from({ length: 5 }, (_, n) => ({ id: `old-${n}`, tenantId: 't' }));
      // jobs holds four kinds of document: one that matches any of them is fine.
      docs.jobs = [
        {
          id: 'lock',
          tenantId: 't',
          kind: 'matching_lock',
          programmeId: 'p',
          runId: 'r',
          leaseUntil: null,
          repairPending: false,
          updatedAt: '2027-01-01T00:00:00.000Z',
        },
        {
          id: 'background-lease:notification-purge',
          tenantId: '_system',
          kind: 'background_lease',
          task: 'notification-purge',
          lease: null,
          lastRunAt: '2027-01-01T00:00:00.000Z',
        },
      ];
      const checks = schemaChecks(cosmos.repos);
      expect(checks.get('jobs')).toHaveLength(4);
      const lines = checkStoredDocuments(docs, checks);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^programmes: 5 of 5 documents do not match their schema, first old-0 \(.+\); old-1 \(.+\); old-2 \(.+\)$/,
      );
    } finally {
      await cosmos.stop();
    }
  });
});

describe("the SDK's query-plan requests", () => {
  let cosmos: LocalCosmos;
  beforeAll(async () => {
    cosmos = await startLocalCosmos();
  });
  afterAll(async () => cosmos?.stop());

  it('are refused at once rather than run as a second query, and queries still answer in full', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(
        `dbs/${cosmos.store.database.id}/colls/people/docs`,
        cosmos.server.endpoint,
      );
      const request = httpsRequest(
        url,
        {
          method: 'POST',
          rejectUnauthorized: false,
          headers: {
            'content-type': 'application/query+json',
            'x-ms-cosmos-is-query-plan-request': 'True',
          },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify({ query: 'SELECT * FROM c', parameters: [] }));
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('makes no query plans');

    const people = cosmos.store.database.container('people');
    for (const n of [3, 1, 2]) {
      await people.items.create({ id: `p${n}`, tenantId: 't', rank: n });
    }
    const { resources } = await people.items
      .query<{ id: string }>(
        { query: "SELECT TOP 2 c.id FROM c WHERE c.tenantId = 't' ORDER BY c.rank DESC" },
        { partitionKey: 't' },
      )
      .fetchAll();
    expect(resources.map((r) => r.id)).toEqual(['p3', 'p2']);
  });
});
