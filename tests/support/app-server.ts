import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import type { CalendarProviderOptions } from '../../src/app/calendar-provider';
import type { Clock } from '../../src/domain/clock';
import { createLogger, type Logger } from '../../src/logger';
import { createServices, type Services } from '../../src/app/services';
import { startServer, type RunningServer } from '../../src/app/start-server';
import { createRepositories, type Repositories } from '../../src/store/repositories';
import { DevTokenIssuer } from '../../src/local/dev-sign-in';

export type TestApp = {
  readonly baseUrl: string;
  readonly server: RunningServer;
  /** The local data folder (snapshot), kept across `restart()`. */
  readonly dataDir: string;
  /** Repositories over the app's store, built as the app builds them (`createRepositories`). */
  readonly repos: Repositories;
  /** The app's services over `repos` (`createServices`), living on `clock`: for a test's setup. */
  servicesAt(clock: Clock): Services;
  stop(): Promise<void>;
};

/**
 * The real application, in this process, on a random loopback port, with the embedded Cosmos
 * server and demo data, and its own temporary data folder. `env` overrides the environment.
 * `clock` is the app's only source of time (demo data, services, bot, scheduler): a test that
 * fixes the time for its own services passes the same clock here, so both live on one date.
 */
export async function startTestApp(
  options: {
    env?: Record<string, string>;
    dataDir?: string;
    clock?: Clock;
    /** The built tab to serve (default: tab/dist of the repository). */
    tabDir?: string;
    /** The app's logger (default: JSON lines on stdout at LOG_LEVEL). */
    log?: Logger;
    /** The Graph adapter's seams (credential, base URL, sleep, timeout), with GRAPH_* in `env`. */
    calendar?: CalendarProviderOptions;
  } = {},
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
  const server = await startServer(config, {
    log: options.log ?? createLogger(config.logLevel),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.tabDir ? { tabDir: options.tabDir } : {}),
    ...(options.calendar ? { calendar: options.calendar } : {}),
  });
  const log = createLogger(config.logLevel);
  const repos = createRepositories(server.store);
  return {
    baseUrl: server.url,
    server,
    dataDir,
    repos,
    servicesAt: (clock) =>
      createServices({
        config: server.config,
        repos,
        clock,
        log,
        devTokens: new DevTokenIssuer({ clock }),
      }),
    async stop() {
      await server.stop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
