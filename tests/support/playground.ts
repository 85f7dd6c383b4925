import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

/** What the Playground streams to its clients over its WebSocket. */
export type PlaygroundEvent = { type: string; body?: unknown; [key: string]: unknown };

/** A running Microsoft 365 Agents Playground, driven through its HTTP and WebSocket API. */
export type Playground = {
  readonly url: string;
  readonly config: PlaygroundConfig;
  /** Everything the Playground streamed so far (bot output). */
  readonly events: PlaygroundEvent[];
  /** Waits for a streamed event that matches. */
  waitFor(match: (event: PlaygroundEvent) => boolean, timeoutMs?: number): Promise<PlaygroundEvent>;
  post<T = unknown>(path: string, body: unknown): Promise<{ status: number; body: T }>;
  get<T = unknown>(path: string): Promise<T>;
  stop(): Promise<void>;
};

export type PlaygroundConfig = Record<string, unknown>;

const cli = fileURLToPath(
  new URL('../../node_modules/@microsoft/m365agentsplayground/cli.js', import.meta.url),
);
const loopback = fileURLToPath(new URL('./playground-loopback.mjs', import.meta.url));
const fixtureDir = fileURLToPath(new URL('../fixtures/playground/', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts the Playground (TESTBED.md flags) against `botEndpoint`, offline, loopback only, with the
 * mock tenant of tests/fixtures/playground/.m365agentsplayground.yml; resolves when it sees the bot.
 */
export async function startPlayground(botEndpoint: string): Promise<Playground> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      loopback,
      cli,
      '-e',
      botEndpoint,
      '-c',
      'msteams',
      '-p',
      String(port),
      '--service-url',
      `${url}/_connector`,
      '--disable-telemetry',
    ],
    {
      cwd: fixtureDir,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`Playground exited (${code}):\n${output}`))),
  );

  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${url}${path}`);
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const post = async <T>(path: string, body: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };

  // Ready when its config answers: that call waits for the bot endpoint (TESTBED.md).
  const deadline = Date.now() + 90_000;
  let config: PlaygroundConfig | undefined;
  while (!config) {
    if (Date.now() > deadline) throw new Error(`Playground not ready in 90 s:\n${output}`);
    try {
      config = await Promise.race([get<PlaygroundConfig>('/_internal/v1/config'), exited]);
    } catch (error) {
      if (child.exitCode !== null) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  const events: PlaygroundEvent[] = [];
  const waiters: Array<{
    match: (e: PlaygroundEvent) => boolean;
    resolve: (e: PlaygroundEvent) => void;
  }> = [];
  const socket = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  await new Promise<void>((resolve, reject) => {
    socket.on('open', () => resolve());
    socket.on('error', reject);
  });
  socket.on('message', (data) => {
    const event = JSON.parse(data.toString()) as PlaygroundEvent;
    events.push(event);
    for (const waiter of [...waiters]) {
      if (waiter.match(event)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    }
  });

  return {
    url,
    config,
    events,
    waitFor(match, timeoutMs = 15_000) {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          const at = waiters.indexOf(waiter);
          if (at >= 0) {
            waiters.splice(at, 1);
            reject(
              new Error(
                `No matching Playground event in ${timeoutMs} ms; saw:\n${JSON.stringify(events, null, 1).slice(0, 4000)}`,
              ),
            );
          }
        }, timeoutMs);
      });
    },
    post,
    get,
    async stop() {
      socket.close();
      if (child.exitCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
