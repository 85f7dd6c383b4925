import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listeningAddresses } from '../support/listening';

/** Start `node dist/main.js`: the compiled server, what `npm start` runs once it is built. */
function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    child.stdout.on('data', () => {
      const m = /running on (http:\/\/[^\s]+) /.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    void exited.then((code) =>
      reject(new Error(`exited with ${code} before starting:\n${output}`)),
    );
  });
  return { child, url, exited, output: () => output };
}

async function stop(child: ChildProcess, exited: Promise<number | null>) {
  child.kill('SIGINT');
  return exited;
}

const packageVersion = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/** Every file under `dir`, relative. */
const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));

describe('the compiled server (npm run build, then node dist/main.js)', () => {
  it('needs no TypeScript tooling: no tsx and no eval in the build', () => {
    const files = filesUnder('dist').filter((f) => f.endsWith('.js'));
    expect(files.map((f) => f.replace(/^dist\//, ''))).toEqual(
      expect.arrayContaining(['main.js', 'matching-thread.js', 'scan-thread.js']),
    );
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toContain('tsx');
      expect(code, file).not.toMatch(/eval: true/);
    }
  });
});

describe('npm start on a clean data folder', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mentoring-start-'));
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('serves health with the store up, listens on loopback only, and restores its data after a restart', async () => {
    const first = startProcess({ LOCAL_DATA_DIR: dataDir });
    try {
      const url = await first.url;
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        status: 'ok',
        store: 'up',
        version: packageVersion,
      });
      // The request id of a caller is echoed, and the server's log line for it carries it.
      const traced = await fetch(`${url}/api/health`, { headers: { 'x-request-id': 'abc' } });
      expect(traced.headers.get('x-request-id')).toBe('abc');
      await expect
        .poll(() =>
          first
            .output()
            .split('\n')
            .filter((l) => l.startsWith('{'))
            .map((l) => JSON.parse(l) as Record<string, unknown>)
            .find((l) => l.requestId === 'abc'),
        )
        .toMatchObject({ level: 'info', msg: 'request', route: '/api/health', status: 200 });
      const addresses = listeningAddresses(first.child.pid!);
      expect(addresses.length).toBeGreaterThanOrEqual(2); // the app and the embedded Cosmos server
      for (const a of addresses) expect(a.startsWith('127.0.0.1:')).toBe(true);
      expect(first.output()).toContain('Demo data loaded');
    } finally {
      expect(await stop(first.child, first.exited)).toBe(0);
    }

    const second = startProcess({ LOCAL_DATA_DIR: dataDir });
    try {
      await second.url;
      expect(second.output()).toMatch(/Local data restored from .* \(\d+ documents/);
      expect(second.output()).not.toContain('Demo data loaded');
    } finally {
      expect(await stop(second.child, second.exited)).toBe(0);
    }
  });

  it('stops with a clear configuration error and a non-zero exit code on a malformed value', async () => {
    const bad = startProcess({ COSMOS_ENDPOINT: 'not-a-url', LOCAL_DATA_DIR: dataDir });
    bad.url.catch(() => undefined);
    const code = await bad.exited;
    expect(code).not.toBe(0);
    expect(bad.output()).toContain('Invalid configuration');
    expect(bad.output()).toContain('COSMOS_ENDPOINT: must be a URL');
  });
});
