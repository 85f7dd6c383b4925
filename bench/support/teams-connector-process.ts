import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { TeamsConnectorOptions } from './teams-connector';

/** What the connector saw, fetched from the child process. */
export type ConnectorStats = {
  throttled: number;
  throttledByTenant: number;
  received: Array<{ conversationId: string; tenantId: string; at: number; key: string }>;
};

/** The loopback connector in its own process, as the real one is: its clock is not ours. */
export type ConnectorProcess = {
  readonly url: string;
  stats(): Promise<ConnectorStats>;
  /** How many activities it accepted so far (cheap). */
  count(): Promise<number>;
  close(): Promise<void>;
};

/** Starts bench/support/teams-connector-main.ts with tsx and waits for its URL. */
export async function startConnectorProcess(
  options: TeamsConnectorOptions = {},
): Promise<ConnectorProcess> {
  const main = fileURLToPath(new URL('./teams-connector-main.ts', import.meta.url));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', main, JSON.stringify(options)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const { url, stats } = await new Promise<{ url: string; stats: string }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(JSON.parse(line) as { url: string; stats: string }));
    child.once('exit', (code) => reject(new Error(`connector exited with ${code}`)));
  });
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(new URL(path, stats));
    return (await response.json()) as T;
  };
  return {
    url,
    stats: () => get<ConnectorStats>('_stats'),
    count: async () => (await get<{ count: number }>('_count')).count,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
