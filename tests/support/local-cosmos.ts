import { randomUUID } from 'node:crypto';
import { createCosmosClient } from '../../src/store/cosmos-client';
import { openStore, type Store } from '../../src/store/database';
import { createRepositories, type Repositories } from '../../src/store/repositories';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../src/local/embedded-cosmos';

/** A real Cosmos protocol server on a random loopback port, with a fresh database. */
export type LocalCosmos = {
  readonly server: EmbeddedCosmos;
  readonly store: Store;
  /** Every repository over `store`, built as the app builds them (`createRepositories`). */
  readonly repos: Repositories;
  stop(): Promise<void>;
};

/** Start the local Cosmos server and open a database named for the test. */
export async function startLocalCosmos(): Promise<LocalCosmos> {
  const server = await startEmbeddedCosmos(0);
  const client = createCosmosClient({ endpoint: server.endpoint, key: server.key });
  const store = await openStore(client, `test-${randomUUID().slice(0, 8)}`);
  return {
    server,
    store,
    repos: createRepositories(store),
    async stop() {
      client.dispose();
      await server.close();
    },
  };
}
