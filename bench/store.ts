/**
 * npm run bench:store [-- --sizes 1000,10000,30000]
 * Point reads, single-partition queries and conditional replaces on the local Cosmos server as the
 * container grows: shows the patched query engine (patches/@zeit+cosmosdb-query) stays flat.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { OperationInput } from '@azure/cosmos';
import { createCosmosClient } from '../src/store/cosmos-client';
import { openStore } from '../src/store/database';
import { startEmbeddedCosmos } from '../src/local/embedded-cosmos';

const arg = process.argv.indexOf('--sizes');
const sizes = (arg > 0 ? process.argv[arg + 1]! : '1000,10000,30000').split(',').map(Number);

const server = await startEmbeddedCosmos(0);
const client = createCosmosClient({ endpoint: server.endpoint, key: server.key });
const store = await openStore(client, `bench-${randomUUID().slice(0, 8)}`);
const container = store.container('profiles');
const tenantId = 'bench-tenant';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

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
console.log(JSON.stringify({ store: results }));
