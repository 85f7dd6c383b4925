import { join, resolve } from 'node:path';
import type { Config } from '../config';
import type { Clock } from '../domain/clock';
import type { Logger } from '../logger';
import { createCosmosClient } from '../store/cosmos-client';
import { openStore, type Store } from '../store/database';
import { startEmbeddedCosmos, type EmbeddedCosmos } from './embedded-cosmos';
import { restoreSnapshot, SnapshotWriter } from './local-snapshot';
import { seedDemoData } from './seed/seed-demo';

/** The store in local mode, and what closing it takes (the last snapshot, the embedded server). */
export type LocalStore = {
  readonly store: Store;
  readonly embedded: EmbeddedCosmos;
  close(): Promise<void>;
};

/**
 * Local mode (no COSMOS_ENDPOINT): the Cosmos protocol server embedded on loopback, the data
 * restored from and saved to the local snapshot, the demo company loaded on a first start.
 * Loaded with a dynamic import by src/app/open-store.ts, so a production start never loads it.
 */
export async function openLocalStore(
  config: Config,
  clock: Clock,
  log: Logger,
): Promise<LocalStore> {
  const local = config.cosmos;
  if (local.mode !== 'embedded') throw new Error('Local mode needs no COSMOS_ENDPOINT.');
  const embedded = await startEmbeddedCosmos(0);
  const store = await openStore(
    createCosmosClient({ endpoint: embedded.endpoint, key: embedded.key }),
    local.database,
  );
  const file = resolve(join(local.dataDir, 'cosmos-snapshot.json'));
  const restored = local.snapshot ? await restoreSnapshot(store, file) : false;
  if (restored) {
    log.info(
      `Local data restored from ${file} (${restored.documents} documents saved ${restored.savedAt}).`,
    );
  } else if (config.seedDemoData) {
    const count = await seedDemoData(store, config.demoTenantId, clock);
    log.info(`Demo data loaded: Maison Lumière, ${count} documents.`);
  }
  let snapshots: SnapshotWriter | undefined;
  if (local.snapshot) {
    const writer = new SnapshotWriter({
      store,
      file,
      now: () => clock.now(),
      onError: (e) => log.error('snapshot failed', e),
    });
    snapshots = writer;
    embedded.onWrite(() => writer.markDirty());
    if (!restored) {
      writer.markDirty();
      await writer.flush();
    }
    log.info(`Local data is saved in ${file}; run "npm run reset" to start afresh.`);
  }
  return {
    store,
    embedded,
    async close() {
      await snapshots?.flush();
      store.client.dispose();
      await embedded.close();
    },
  };
}

/** The demo company in a remote store (SEED_DEMO_DATA=true with COSMOS_ENDPOINT). */
export { seedDemoData } from './seed/seed-demo';
