import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { Server as HttpsServer } from 'node:https';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../src/app/start-server';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';

/** One request the embedded Cosmos server received. */
export type CosmosRequest = { method: string; url: string };

/**
 * Every request the embedded Cosmos server (the only HTTPS server in a bench process) receives,
 * from now on: `take()` returns those since the last `take()`.
 */
export function watchCosmosRequests(): { take(): CosmosRequest[] } {
  let seen: CosmosRequest[] = [];
  diagnostics.subscribe('http.server.request.start', (message) => {
    const { request, server } = message as { request: IncomingMessage; server: unknown };
    if (server instanceof HttpsServer) {
      seen.push({ method: request.method ?? '?', url: request.url ?? '' });
    }
  });
  return {
    take() {
      const taken = seen;
      seen = [];
      return taken;
    },
  };
}

/** A short name for a Cosmos request: point read, query, replace, metadata... */
export function cosmosRequestKind(request: CosmosRequest): string {
  const path = request.url.split('?')[0] ?? '';
  if (/\/docs\/[^/]+$/.test(path)) return request.method === 'GET' ? 'point read' : 'doc write';
  if (/\/docs$/.test(path)) return request.method === 'POST' ? 'query or create' : 'docs';
  if (/\/pkranges/.test(path)) return 'partition key ranges';
  if (/\/colls\/[^/]+$/.test(path)) return 'container read';
  return `${request.method} ${path}`;
}

/**
 * The app in this process on a loopback port, with the embedded Cosmos server, demo data, no
 * background loops and a temporary data folder removed by `stop()`.
 */
export async function startLocalApp(): Promise<{
  server: RunningServer;
  tenantId: string;
  stop(): Promise<void>;
}> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mentoring-bench-'));
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    LOCAL_DATA_DIR: dataDir,
    LOCAL_SNAPSHOT: 'false',
    SCHEDULER: 'false',
    LOG_LEVEL: 'warn',
  });
  const server = await startServer(config, { log: createLogger('warn') });
  return {
    server,
    tenantId: config.demoTenantId,
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
