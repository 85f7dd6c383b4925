import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Start `node --import tsx src/main.ts` (what `npm start` runs after building the tab). */
function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
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

function listeningAddresses(pid: number): string[] {
  const lines = execFileSync('ss', ['-ltnpH'], { encoding: 'utf8' }).split('\n');
  return lines.filter((l) => l.includes(`pid=${pid},`)).map((l) => l.trim().split(/\s+/)[3] ?? '');
}

async function stop(child: ChildProcess, exited: Promise<number | null>) {
  child.kill('SIGINT');
  return exited;
}

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
      expect(await health.json()).toMatchObject({ status: 'ok', store: 'up' });
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
