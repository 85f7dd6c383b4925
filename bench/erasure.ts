/**
 * npm run bench:erasure [-- --sizes 0,5000,20000]
 * What an erasure costs as the tenant grows: the demo company plus filler documents spread over
 * four containers, then one person erased (`ErasureService.eraseSelf`: proposals withdrawn, pair
 * ended, a sweep of every container). The sweep reads every document of the tenant, so its time
 * grows with the tenant; this says how fast.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { OperationInput } from '@azure/cosmos';
import { createServices } from '../src/app/services';
import { startServer } from '../src/app/start-server';
import { loadConfig } from '../src/config';
import { systemClock } from '../src/domain/clock';
import { DevTokenIssuer } from '../src/local/dev-sign-in';
import { demoPersonId } from '../src/local/seed/demo-data';
import { createLogger } from '../src/logger';
import type { Principal } from '../src/services/auth/principal';
import { createRepositories } from '../src/store/repositories';

const arg = process.argv.indexOf('--sizes');
const sizes = (arg > 0 ? process.argv[arg + 1]! : '0,5000,20000').split(',').map(Number);
// Each size erases someone else of the demo: a mentor in a pair, members of two other pairs.
const people = [28, 33, 39, 34, 16, 37].map(demoPersonId);

const dataDir = await mkdtemp(join(tmpdir(), 'mentoring-bench-'));
const config = loadConfig({
  HOST: '127.0.0.1',
  PORT: '0',
  LOCAL_DATA_DIR: dataDir,
  LOCAL_SNAPSHOT: 'false',
  SCHEDULER: 'false',
  LOG_LEVEL: 'warn',
});
const log = createLogger('warn');
const server = await startServer(config, { log });
const tenantId = config.demoTenantId;
const repos = createRepositories(server.store);
const services = createServices({
  config,
  repos,
  clock: systemClock,
  log,
  devTokens: new DevTokenIssuer({ clock: systemClock }),
});

const results: Array<Record<string, number>> = [];
let filled = 0;
try {
  for (const [index, size] of sizes.entries()) {
    // Filler: documents of no aggregate's shape, so only the sweep reads them.
    const containers = ['pairs', 'profiles', 'notifications', 'calendar'] as const;
    while (filled < size) {
      const name = containers[Math.floor(filled / 100) % containers.length]!;
      const batch: OperationInput[] = [];
      for (let i = 0; i < 100 && filled < size; i++, filled++) {
        batch.push({
          operationType: 'Create',
          partitionKey: tenantId,
          resourceBody: { id: `bench-${filled}`, tenantId, kind: 'bench', text: 'x'.repeat(600) },
        });
      }
      await server.store.container(name).items.bulk(batch);
    }
    const personId = people[index % people.length]!;
    const person = (await repos.people.get(tenantId, personId)).value;
    const principal: Principal = {
      tenantId,
      personId,
      name: person.displayName,
      email: person.email,
      appRoles: [],
      isTenantLead: false,
      signIn: 'dev',
    };
    const t0 = performance.now();
    const erased = await services.erasure.eraseSelf(principal);
    const ms = performance.now() - t0;
    const t1 = performance.now();
    const again = await services.erasure.eraseSelf(principal);
    const againMs = performance.now() - t1;
    if (!erased.erased || again.erased) throw new Error('erasure did not behave');
    const row = {
      fillerDocuments: size,
      eraseMs: Math.round(ms),
      repeatMs: Math.round(againMs),
      documentsDeleted: erased.documentsDeleted,
      documentsRewritten: erased.documentsRewritten,
    };
    results.push(row);
    console.log(
      `${size} filler documents: erasing ${person.displayName} took ${row.eraseMs} ms (${row.documentsDeleted} deleted, ${row.documentsRewritten} rewritten); asking again ${row.repeatMs} ms`,
    );
  }
} finally {
  await services.matching.drain();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}
console.log(JSON.stringify({ erasure: results }));
