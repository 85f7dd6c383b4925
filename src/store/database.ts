import type { Container, CosmosClient, Database } from '@azure/cosmos';
import { DomainError } from '../domain/errors';
import { containerList, type ContainerName } from './containers';

/** The opened database with one handle per container. */
export type Store = {
  readonly client: CosmosClient;
  readonly database: Database;
  container(name: ContainerName): Container;
  /** Reads the database resource: cheap, and fails when the store is unreachable. */
  ping(timeoutMs?: number): Promise<boolean>;
};

/**
 * Open the database, creating it and every container when missing. With Entra ID on Azure the
 * data-plane role cannot create containers: infra/ does, and `createIfNotExists` only reads.
 */
export async function openStore(client: CosmosClient, databaseId: string): Promise<Store> {
  try {
    const { database } = await client.databases.createIfNotExists({ id: databaseId });
    for (const def of containerList) {
      await database.containers.createIfNotExists({
        id: def.id,
        partitionKey: def.partitionKey,
        indexingPolicy: def.indexingPolicy,
      });
    }
    return storeFor(client, database);
  } catch (error) {
    throw new DomainError(
      'store_unavailable',
      `Cosmos DB could not be opened: ${describe(error)}`,
      undefined,
      {
        cause: error,
      },
    );
  }
}

/** A Store over an existing database, without creating anything. */
export function storeFor(client: CosmosClient, database: Database): Store {
  const handles = new Map<ContainerName, Container>();
  return {
    client,
    database,
    container(name) {
      let handle = handles.get(name);
      if (!handle) {
        handle = database.container(name);
        handles.set(name, handle);
      }
      return handle;
    },
    async ping(timeoutMs = 2000) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        await database.read({ abortSignal: controller.signal });
        return true;
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
