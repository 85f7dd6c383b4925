import type { Config } from '../config';
import type { Clock } from '../domain/clock';
import type { Logger } from '../logger';
import { createCosmosClient } from '../store/cosmos-client';
import { openStore, type Store } from '../store/database';
import type { EmbeddedCosmos } from '../local/embedded-cosmos';

/** The app's store, and how to close it. */
export type AppStore = {
  readonly store: Store;
  /** The embedded Cosmos server in local mode (tests stop it to see the store go down). */
  readonly embedded?: EmbeddedCosmos;
  close(): Promise<void>;
};

/**
 * Azure Cosmos DB when COSMOS_ENDPOINT is set (key, or the app's managed identity), else local
 * mode. Local mode (embedded server, snapshot, demo seed) is imported only when used.
 */
export async function openAppStore(config: Config, clock: Clock, log: Logger): Promise<AppStore> {
  if (config.cosmos.mode === 'embedded') {
    const { openLocalStore } = await import('../local/local-store');
    return openLocalStore(config, clock, log);
  }
  // @azure/identity is loaded only when used (the managed identity in Azure, no key).
  const target = config.cosmos.key
    ? { endpoint: config.cosmos.endpoint, key: config.cosmos.key }
    : {
        endpoint: config.cosmos.endpoint,
        credential: new (await import('@azure/identity')).DefaultAzureCredential(),
      };
  const store = await openStore(createCosmosClient(target), config.cosmos.database);
  if (config.seedDemoData) {
    const { seedDemoData } = await import('../local/local-store');
    await seedDemoData(store, config.demoTenantId, clock);
  }
  return {
    store,
    async close() {
      store.client.dispose();
    },
  };
}
