/**
 * npm run bench:dashboard [-- --loads 300 --noise 2000]
 * Loads a pair dashboard through the real HTTP API on the local stack (the app on the embedded
 * Cosmos server, development sign-in) and counts the requests the Cosmos server receives during
 * each load. Requests are counted on the server side, through Node's `http.server.request.start`
 * diagnostics channel, so SDK metadata calls (query plans, partition key ranges, collection
 * reads) would be counted too. `--noise` adds other pairs and private notebooks to the tenant's
 * partition so the containers are not nearly empty.
 */
import { performance } from 'node:perf_hooks';
import {
  cosmosRequestKind,
  startLocalApp,
  watchCosmosRequests,
  type CosmosRequest,
} from './support/local-app';
import type { OperationInput } from '@azure/cosmos';
import type { PairDashboardResponse } from '../src/contracts/pairs';
import { demoPersonId } from '../src/local/seed/demo-data';
import { demoPairIds } from '../src/local/seed/demo-pairs';

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const loads = option('loads', 300);
const noise = option('noise', 2000);

const cosmos = watchCosmosRequests();
const app = await startLocalApp();
const { server, tenantId } = app;

try {
  // Other pairs and notes in the same tenant partition.
  const pairs = server.store.container('pairs');
  const notes = server.store.container('notes');
  const { resource: template } = await pairs.item(demoPairIds.powerBi, tenantId).read();
  if (!template) throw new Error('The demo pair is missing: is the demo seed on?');
  const t0 = performance.now();
  for (let i = 0; i < noise; i += 100) {
    const pairOps: OperationInput[] = [];
    const noteOps: OperationInput[] = [];
    for (let j = i; j < Math.min(noise, i + 100); j++) {
      const id = `bench-pair-${j}`;
      const { _rid, _self, _etag, _ts, _attachments, ...body } = template;
      void [_rid, _self, _etag, _ts, _attachments];
      pairOps.push({
        operationType: 'Create',
        partitionKey: tenantId,
        resourceBody: { ...body, id, mentorId: `bench-mentor-${j}`, menteeId: `bench-mentee-${j}` },
      });
      for (const author of [`bench-mentor-${j}`, `bench-mentee-${j}`]) {
        const notes = [1, 2, 3].map((k) => ({
          sessionId: `s${k}`,
          text: 'A private thought about the session. '.repeat(5),
          revision: 1,
          updatedAt: new Date().toISOString(),
        }));
        noteOps.push({
          operationType: 'Create',
          partitionKey: tenantId,
          resourceBody: {
            id: `${id}:${author}`,
            tenantId,
            pairId: id,
            authorId: author,
            notes,
            updatedAt: new Date().toISOString(),
          },
        });
      }
    }
    await pairs.items.bulk(pairOps);
    for (let k = 0; k < noteOps.length; k += 100) await notes.items.bulk(noteOps.slice(k, k + 100));
  }
  const noiseMs = performance.now() - t0;
  console.log(
    `tenant: ${noise} extra pairs and ${noise * 2} private notebooks (3 notes each) added in ${(noiseMs / 1000).toFixed(1)} s`,
  );

  const signIn = await fetch(`${server.url}/api/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId: demoPersonId(16) }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  const dashboardUrl = `${server.url}/api/pairs/${demoPairIds.powerBi}/dashboard`;

  async function load(url: string): Promise<{ ms: number; ops: CosmosRequest[]; bytes: number }> {
    cosmos.take();
    const start = performance.now();
    const response = await fetch(url, { headers });
    const text = await response.text();
    const ms = performance.now() - start;
    if (response.status !== 200) throw new Error(`${url}: ${response.status} ${text}`);
    return { ms, ops: cosmos.take(), bytes: text.length };
  }

  const cold = await load(dashboardUrl);
  const first = JSON.parse(
    (await fetch(dashboardUrl, { headers }).then((r) => r.text())) || '{}',
  ) as PairDashboardResponse;
  for (let i = 0; i < 20; i++) await load(dashboardUrl);

  const times: number[] = [];
  const opCounts: number[] = [];
  const kinds = new Map<string, number>();
  for (let i = 0; i < loads; i++) {
    const result = await load(dashboardUrl);
    times.push(result.ms);
    opCounts.push(result.ops.length);
    for (const op of result.ops)
      kinds.set(cosmosRequestKind(op), (kinds.get(cosmosRequestKind(op)) ?? 0) + 1);
  }
  const mine = await load(`${server.url}/api/pairs/mine`);

  const sorted = [...times].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
  const maxOps = Math.max(...opCounts);
  const round = (x: number) => Math.round(x * 100) / 100;

  console.log(
    `pair dashboard (${first.pair.sessions.length} sessions, ${first.pair.feedback.given.length + first.pair.feedback.received.length} feedback, ${first.privateNotes.length} own private notes, ${cold.bytes} bytes of JSON)`,
  );
  console.log(
    `  Cosmos requests per load: ${maxOps} (max over ${loads} loads; ${[...kinds].map(([k, n]) => `${k} ×${n / loads}`).join(', ')})`,
  );
  console.log(
    `  first load after start: ${cold.ops.length} Cosmos requests, ${cold.ms.toFixed(1)} ms`,
  );
  console.log(
    `  time per load over HTTP: median ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms`,
  );
  console.log(`GET /api/pairs/mine: ${mine.ops.length} Cosmos requests, ${mine.ms.toFixed(1)} ms`);
  console.log(
    JSON.stringify({
      pairDashboardCosmosOps: maxOps,
      pairDashboardColdCosmosOps: cold.ops.length,
      pairDashboardP50Ms: round(pct(0.5)),
      pairDashboardP95Ms: round(pct(0.95)),
      pairDashboardLoads: loads,
      tenantExtraPairs: noise,
      tenantExtraNotebooks: noise * 2,
      pairsMineCosmosOps: mine.ops.length,
    }),
  );
} finally {
  await app.stop();
}
