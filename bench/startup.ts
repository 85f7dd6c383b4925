/**
 * npm run bench:startup [-- --runs 5]
 * The production build's cold start in local mode: from spawning `node dist/main.js` (embedded
 * Cosmos server, demo data loaded into a fresh data folder) to the first 200 from /api/health,
 * and the process's resident memory once idle. Builds what is stale first. Targets on these
 * machines: coldStartMs ≤ 1,500, idleRssMb ≤ 150. The last line is the JSON summary (medians).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = process.argv.indexOf('--runs');
const runs = arg > 0 ? Number(process.argv[arg + 1]) : 5;

execFileSync(process.execPath, ['esbuild.config.mjs', '--if-stale'], {
  cwd: root,
  stdio: 'inherit',
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rssMb = (pid: number) => {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round((Number(kb) / 1024) * 10) / 10;
};

async function once(): Promise<{ coldStartMs: number; idleRssMb: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mentoring-startup-'));
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: root,
    env: { ...process.env, PORT: '0', LOCAL_DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  try {
    let url: string | undefined;
    while (!url) {
      if (child.exitCode !== null) throw new Error(`exited early:\n${output}`);
      url = /running on (http:\/\/[^\s]+) /.exec(output)?.[1];
      if (!url) await sleep(5);
    }
    for (;;) {
      const health = await fetch(`${url}/api/health`).catch(() => undefined);
      if (health?.status === 200) break;
      await sleep(5);
    }
    const coldStartMs = Math.round(performance.now() - started);
    await sleep(3_000); // idle: start-up garbage collected, snapshot written
    const idleRssMb = rssMb(child.pid!);
    return { coldStartMs, idleRssMb };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const results: Array<{ coldStartMs: number; idleRssMb: number }> = [];
for (let i = 0; i < runs; i++) {
  const r = await once();
  results.push(r);
  console.log(`run ${i + 1}: cold start ${r.coldStartMs} ms, idle RSS ${r.idleRssMb} MB`);
}
console.log(
  JSON.stringify({
    runs,
    coldStartMs: median(results.map((r) => r.coldStartMs)),
    idleRssMb: median(results.map((r) => r.idleRssMb)),
  }),
);
