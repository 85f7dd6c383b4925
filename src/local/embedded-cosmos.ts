import type { AddressInfo } from 'node:net';
import type { Server } from 'node:https';
import { createHttpsServer } from '@vercel/cosmosdb-server';

/** A Cosmos DB protocol server running inside this process, on loopback. */
export type EmbeddedCosmos = {
  readonly endpoint: string;
  /** The local server accepts any key; this one only documents intent. */
  readonly key: string;
  /** Calls `listener` after every request that may have changed data (not reads or queries). */
  onWrite(listener: () => void): void;
  close(): Promise<void>;
};

/** Start `@vercel/cosmosdb-server` on 127.0.0.1 (port 0 = any free port). */
export async function startEmbeddedCosmos(port = 0): Promise<EmbeddedCosmos> {
  const server: Server = createHttpsServer({ keepAlive: true });
  // Idle keep-alive connections stay open until the client or close() ends them. Node's default
  // closes one after 5 s (+1 s grace) without telling the client (no Keep-Alive hint: the server sets
  // its own Connection header), so a request sent on it at that moment fails with "socket hang up"
  // (ECONNRESET); @azure/cosmos retries reads and queries, not writes. Loopback only, few sockets.
  server.keepAliveTimeout = 0;
  const listeners: Array<() => void> = [];
  server.on('request', (req) => {
    const isRead = req.method === 'GET' || req.method === 'HEAD';
    // Queries and query plans are POSTs too; they carry a query content type.
    const isQuery =
      String(req.headers['content-type'] ?? '').startsWith('application/query+json') ||
      req.headers['x-ms-documentdb-isquery'] !== undefined ||
      req.headers['x-ms-cosmos-is-query-plan-request'] !== undefined;
    if (!isRead && !isQuery) {
      req.once('end', () => listeners.forEach((l) => l()));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${address.port}/`,
    key: 'local-embedded-cosmos',
    onWrite: (listener) => void listeners.push(listener),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
