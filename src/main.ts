import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RunningServer } from './app/start-server';
import { startTelemetry } from './app/telemetry';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './logger';

/**
 * The process: reads the configuration, starts telemetry when configured, then the app
 * (src/app/start-server.ts, imported after telemetry so its instrumentations see every module),
 * and stops both on SIGINT/SIGTERM. Everything else is built in src/app.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      console.error('See "Configuration" in README.md.');
      process.exit(2);
    }
    throw error;
  }
  // JSON lines for App Service and Log Analytics; readable lines in a terminal in local mode.
  const log = createLogger(config.logLevel, {
    format: config.cosmos.mode === 'embedded' && process.stdout.isTTY ? 'text' : 'json',
  });
  const telemetry = await startTelemetry(config.telemetryConnectionString, log);
  // Listen for signals before starting, so a Ctrl-C during start-up still stops cleanly.
  const state: { running?: RunningServer; stopRequested: boolean } = { stopRequested: false };
  const shutdown = (signal: string) => {
    if (state.stopRequested) return;
    state.stopRequested = true;
    log.info(`${signal} received, stopping…`);
    if (!state.running) return; // stops as soon as start-up finishes
    state.running
      .stop()
      .then(() => telemetry?.shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error('shutdown failed', error);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  const { startServer } = await import('./app/start-server');
  const running = await startServer(config, { log });
  state.running = running;
  const where =
    config.cosmos.mode === 'embedded' ? 'embedded local Cosmos DB' : config.cosmos.endpoint;
  log.info(`Mentoring is running on ${running.url} (store: ${where}).`);
  if (config.auth.devSignIn)
    log.info('Development sign-in is on: open the URL and pick a demo persona.');
  if (state.stopRequested) {
    state.stopRequested = false;
    shutdown('stop requested during start-up');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error('Mentoring failed to start:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
