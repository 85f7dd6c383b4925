import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startServer, type RunningServer } from '../../src/main';

export type TestApp = {
  readonly baseUrl: string;
  readonly server: RunningServer;
  /** The local data folder (snapshot), kept across `restart()`. */
  readonly dataDir: string;
  stop(): Promise<void>;
};

/**
 * The real application, in this process, on a random loopback port, with the embedded Cosmos
 * server and demo data, and its own temporary data folder. `env` overrides the environment.
 */
export async function startTestApp(
  options: { env?: Record<string, string>; dataDir?: string } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'mentoring-test-')));
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    LOCAL_DATA_DIR: dataDir,
    SCHEDULER: 'false',
    LOG_LEVEL: 'warn',
    ...options.env,
  });
  const server = await startServer(config, { log: createLogger(config.logLevel) });
  return {
    baseUrl: server.url,
    server,
    dataDir,
    async stop() {
      await server.stop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
