/**
 * npm run bench:store [-- --sizes 1000,10000,30000] [-- --writes 1000]
 * What local mode's journal costs per write (one client writing one at a time, then 16 writes in
 * flight), with and without it; then point reads and single-partition queries on the local Cosmos
 * server as the container grows: shows the patched query engine (patches/@zeit+cosmosdb-query)
 * stays flat. Readable lines, then one JSON line.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { OperationInput } from '@azure/cosmos';
import { createCosmosClient } from '../src/store/cosmos-client';
import { openStore } from '../src/store/database';
import { startEmbeddedCosmos } from '../src/local/embedded-cosmos';
import { LocalJournal } from '../src/local/local-journal';

const arg = process.argv.indexOf('--sizes');
const sizes = (arg > 0 ? process.argv[arg + 1]! : '1000,10000,30000').split(',').map(Number);
const writesArg = process.argv.indexOf('--writes');
const writeCount = writesArg > 0 ? Number(process.argv[writesArg + 1]) : 1000;

const server = await startEmbeddedCosmos(0);
const client = createCosmosClient({ endpoint: server.endpoint, key: server.key });
const store = await openStore(client, `bench-${randomUUID().slice(0, 8)}`);
const container = store.container('profiles');
const tenantId = 'bench-tenant';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

// About 1 KB, like a profile.
const aDocument = (id: string) => ({
  id,
  tenantId,
  programmeId: 'prog-writes',
  bio: 'x'.repeat(800),
  skills: [{ id: 'power-bi', level: 3 }],
});

/** `count` upserts with `inFlight` at a time: each write's latency, and the time they all took. */
async function timeWrites(label: string, count: number, inFlight: number) {
  const writes = store.container('people');
  const latencies: number[] = [];
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        const n = next++;
        const t = performance.now();
        await writes.items.upsert(aDocument(`${label}-${n % 200}`));
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, ms: performance.now() - t0 };
}

// The machine is shared: rounds alternate without and with the journal, so drift hits both alike.
const rounds = 4;
const journalDir = await mkdtemp(join(tmpdir(), 'mentoring-bench-journal-'));
const writeRows: Array<Record<string, number | boolean>> = [];
await timeWrites('warm-up', 200, 4);
for (const inFlight of [1, 16]) {
  const runs = {
    off: { latencies: [] as number[], ms: 0 },
    on: { latencies: [] as number[], ms: 0, syncs: 0 },
  };
  for (let round = 0; round < rounds; round++) {
    for (const journaled of [false, true]) {
      const journal = journaled
        ? LocalJournal.open(join(journalDir, `j-${inFlight}-${round}.ndjson`))
        : undefined;
      server.journalTo(journal);
      const run = await timeWrites(`w${inFlight}`, Math.ceil(writeCount / rounds), inFlight);
      server.journalTo(undefined);
      const into = journaled ? runs.on : runs.off;
      into.latencies.push(...run.latencies);
      into.ms += run.ms;
      if (journal) {
        runs.on.syncs += journal.syncCount;
        await journal.close();
      }
    }
  }
  for (const journaled of [false, true]) {
    const run = journaled ? runs.on : runs.off;
    const row = {
      journal: journaled,
      inFlight,
      writes: run.latencies.length,
      msPerWrite: Math.round(median(run.latencies) * 1000) / 1000,
      p95Ms: Math.round(p95(run.latencies) * 1000) / 1000,
      writesPerSec: Math.round(run.latencies.length / (run.ms / 1000)),
      ...(journaled
        ? {
            writesPerFsync:
              Math.round((run.latencies.length / Math.max(runs.on.syncs, 1)) * 10) / 10,
          }
        : {}),
    };
    writeRows.push(row);
    console.log(
      `${row.writes} writes of 1 KB, ${inFlight} in flight, ${journaled ? 'with' : 'without'} the journal: ${row.msPerWrite} ms/write median (p95 ${row.p95Ms} ms), ${row.writesPerSec} writes/s${journaled ? `, ${row.writesPerFsync} writes per fdatasync` : ''}`,
    );
  }
  const [off, on] = writeRows.slice(-2) as [Record<string, number>, Record<string, number>];
  console.log(
    `Journal cost, ${inFlight} in flight: ${(on.msPerWrite! - off.msPerWrite!).toFixed(3)} ms per write (median), ${off.writesPerSec} → ${on.writesPerSec} writes/s.`,
  );
}
await rm(journalDir, { recursive: true, force: true });

const results: Array<Record<string, number>> = [];
let inserted = 0;
for (const size of sizes) {
  const t0 = performance.now();
  while (inserted < size) {
    const batch: OperationInput[] = [];
    for (let i = 0; i < 100 && inserted < size; i++, inserted++) {
      batch.push({
        operationType: 'Create',
        partitionKey: tenantId,
        resourceBody: {
          id: `p${inserted}`,
          tenantId,
          programmeId: `prog${inserted % 50}`,
          n: inserted,
        },
      });
    }
    await container.items.bulk(batch);
  }
  const insertMs = performance.now() - t0;

  const query: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const { resources } = await container.items
      .query({
        query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.programmeId = @p AND c.n < @max',
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@p', value: `prog${i}` },
          { name: '@max', value: 500 },
        ],
      })
      .fetchAll();
    query.push(performance.now() - t);
    if (resources.length === 0) throw new Error('query found nothing');
  }
  const reads: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await container.item(`p${(i * 7919) % size}`, tenantId).read();
    reads.push(performance.now() - t);
  }
  const row = {
    documents: size,
    insertPerSec: Math.round((size - (results.at(-1)?.documents ?? 0)) / (insertMs / 1000)),
    queryMedianMs: Math.round(median(query) * 10) / 10,
    queryP95Ms: Math.round(p95(query) * 10) / 10,
    pointReadMedianMs: Math.round(median(reads) * 100) / 100,
  };
  results.push(row);
  console.log(
    `${size} documents: query median ${row.queryMedianMs} ms (p95 ${row.queryP95Ms} ms), point read ${row.pointReadMedianMs} ms, ${row.insertPerSec} inserts/s`,
  );
}
client.dispose();
await server.close();
console.log(JSON.stringify({ writes: writeRows, store: results }));
