/**
 * npm run bench:load [-- --rate 100 --seconds 60 --url http://127.0.0.1:3978]
 * Drives the production build (`node dist/main.js`, local mode, demo data, development sign-in)
 * at a fixed offered rate, as an open loop: request i leaves at start + i/rate whether or not the
 * earlier ones have answered, and its latency counts from that planned instant, so a slow server
 * cannot slow the load down and hide its queue (no coordinated omission). The mix, per ten
 * requests: four `/api/me`, four pair dashboards, one feedback write and one programme health
 * (only when the route exists, else a fifth dashboard), spread over the demo pairs' members. Then steps the rate up until the reads' p95 passes 250 ms or
 * requests fail: `saturationRps` is the last rate that held.
 *
 * autocannon is not installed here (not a dependency, and `npm install` is not ours to run), so the
 * load is driven with Node's fetch (undici, keep-alive) and a fixed-rate scheduler.
 * With `--url`, an app already running there is driven instead (it needs DEV_SIGN_IN and rate
 * limits above the offered rate: RATE_LIMIT_PER_MINUTE).
 * The last line is the JSON summary: { requests, errors, p50Ms, p95Ms, p99Ms, saturationRps, ... }.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { demoPersonId, demoProgrammeId } from '../src/local/seed/demo-data';
import { demoPairIds } from '../src/local/seed/demo-pairs';

const root = fileURLToPath(new URL('..', import.meta.url));
const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const rate = Number(option('rate') ?? 100);
const seconds = Number(option('seconds') ?? 60);
const stepSeconds = Number(option('step-seconds') ?? 10);
const readTargetMs = 250;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the production build on a free loopback port with a fresh demo store. */
async function startApp(): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  execFileSync(process.execPath, ['esbuild.config.mjs', '--if-stale'], {
    cwd: root,
    stdio: 'inherit',
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'mentoring-load-'));
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      LOCAL_DATA_DIR: dataDir,
      LOCAL_SNAPSHOT: 'false',
      SCHEDULER: 'false',
      LOG_LEVEL: 'info',
      // The bench is a handful of people at hundreds of requests a second.
      RATE_LIMIT_PER_MINUTE: '10000000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '10000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  let url: string | undefined;
  child.stdout!.on('data', (d: Buffer) => {
    // Keep only what start-up needs; the access log is read and dropped.
    if (!url) output += d.toString();
  });
  while (!url) {
    if (child.exitCode !== null) throw new Error(`the app exited early:\n${output}`);
    url = /running on (http:\/\/[^\s"]+) /.exec(output)?.[1];
    if (!url) await sleep(20);
  }
  return { url, child, dataDir };
}

type Call = { kind: 'me' | 'dashboard' | 'health' | 'feedback'; run: () => Promise<number> };

async function signIn(url: string, personId: string): Promise<string> {
  const response = await fetch(`${url}/api/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${personId}: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** The mix, built from the demo: pair members read /me and their dashboard and give feedback. */
async function buildMix(url: string): Promise<{ calls: Call[]; healthRoute: boolean }> {
  const members: [string, number][] = [
    [demoPairIds.powerBi, 28],
    [demoPairIds.powerBi, 16],
    [demoPairIds.data, 39],
    [demoPairIds.teams, 33],
  ];
  const tokens = new Map<number, string>();
  for (const [, n] of members) tokens.set(n, await signIn(url, demoPersonId(n)));
  const lead = await signIn(url, demoPersonId(5));
  const get = (path: string, token: string) => async () => {
    const response = await fetch(`${url}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await response.arrayBuffer();
    return response.status;
  };
  const healthPath = `/api/programmes/${demoProgrammeId}/health`;
  const healthRoute = (await get(healthPath, lead)()) !== 404;
  // Feedback on held sessions, alternating between two pairs so writes spread as they would.
  const writers = [
    { token: () => tokens.get(28)!, pairId: demoPairIds.powerBi, sessions: 3 },
    { token: () => tokens.get(39)!, pairId: demoPairIds.data, sessions: 1 },
  ];
  let written = 0;
  const feedback = async () => {
    written += 1;
    const writer = writers[written % writers.length]!;
    const session = `${writer.pairId}-s${(written % writer.sessions) + 1}`;
    const response = await fetch(`${url}/api/pairs/${writer.pairId}/sessions/${session}/feedback`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${writer.token()}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        rating: 3 + (written % 2),
        worked: `Load run, write ${written}`,
        suggestion: 'More examples from the sales dashboards.',
      }),
    });
    await response.arrayBuffer();
    return response.status;
  };
  // Per ten requests: four /me, four dashboards, one feedback write, one programme health (a
  // lead's page) when the route exists, else a fifth dashboard.
  const calls: Call[] = [];
  for (const [pairId, n] of members) {
    const token = tokens.get(n)!;
    calls.push({ kind: 'me', run: get('/api/me', token) });
    calls.push({ kind: 'dashboard', run: get(`/api/pairs/${pairId}/dashboard`, token) });
  }
  calls.push({ kind: 'feedback', run: feedback });
  calls.push(
    healthRoute
      ? { kind: 'health', run: get(healthPath, lead) }
      : {
          kind: 'dashboard',
          run: get(`/api/pairs/${demoPairIds.powerBi}/dashboard`, tokens.get(16)!),
        },
  );
  return { calls, healthRoute };
}

type Sample = { kind: Call['kind']; ms: number; ok: boolean; status: number; at: number };

/** Offers `rps` requests a second for `durationS` seconds, open loop; resolves once all answered. */
async function drive(calls: Call[], rps: number, durationS: number): Promise<Sample[]> {
  const total = Math.round(rps * durationS);
  const samples: Sample[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now() + 20;
  for (let i = 0; i < total; i++) {
    const planned = start + (i * 1000) / rps;
    const wait = planned - performance.now();
    if (wait > 1) await sleep(wait);
    const call = calls[i % calls.length]!;
    pending.push(
      call.run().then(
        (status) => {
          samples.push({
            kind: call.kind,
            ms: performance.now() - planned,
            ok: status < 400,
            status,
            at: planned - start,
          });
        },
        () => {
          samples.push({
            kind: call.kind,
            ms: performance.now() - planned,
            ok: false,
            status: 0,
            at: planned - start,
          });
        },
      ),
    );
  }
  await Promise.all(pending);
  return samples;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
const round = (x: number) => Math.round(x * 10) / 10;

function summarise(samples: Sample[]) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    requests: samples.length,
    errors: samples.filter((s) => !s.ok).length,
    p50Ms: round(percentile(ms, 0.5)),
    p95Ms: round(percentile(ms, 0.95)),
    p99Ms: round(percentile(ms, 0.99)),
  };
}

const reads = (samples: Sample[]) => samples.filter((s) => s.kind !== 'feedback');

const external = option('url');
const app = external ? undefined : await startApp();
const url = external ?? app!.url;
try {
  const { calls, healthRoute } = await buildMix(url);
  console.log(`app: ${url}${external ? '' : ' (dist/main.js, local mode)'}`);
  console.log(
    `machine load average: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `mix: /api/me, pair dashboard, feedback write${healthRoute ? ', programme health' : ' (no programme health route yet: skipped)'}`,
  );
  await drive(calls, Math.min(rate, 50), 5); // warm-up, not counted

  const samples = await drive(calls, rate, seconds);
  const overall = summarise(samples);
  console.log(`\n${rate} requests/s offered for ${seconds} s:`);
  console.log(`  all      ${JSON.stringify(overall)}`);
  const byKind: Record<string, ReturnType<typeof summarise>> = {};
  for (const kind of ['me', 'dashboard', 'health', 'feedback'] as const) {
    const of = samples.filter((s) => s.kind === kind);
    if (of.length === 0) continue;
    byKind[kind] = summarise(of);
    console.log(`  ${kind.padEnd(9)}${JSON.stringify(byKind[kind])}`);
  }
  const readSummary = summarise(reads(samples));
  const statuses = new Map<string, number>();
  for (const s of samples.filter((x) => !x.ok)) {
    const key = `${s.kind} ${s.status || 'network error'}`;
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
  }
  if (statuses.size > 0) console.log(`  failures ${JSON.stringify(Object.fromEntries(statuses))}`);
  if (process.argv.includes('--timeline')) {
    for (let second = 0; second < seconds; second++) {
      const of = samples.filter((x) => x.at >= second * 1000 && x.at < (second + 1) * 1000);
      console.log(`  t=${second}s ${JSON.stringify(summarise(of))}`);
    }
  }
  console.log(`  reads    ${JSON.stringify(readSummary)}`);

  // Saturation: step the offered rate up until the reads' p95 passes the target or errors appear.
  console.log(
    `\nStepping the rate up, ${stepSeconds} s a step, until the reads' p95 passes ${readTargetMs} ms:`,
  );
  let saturationRps = 0;
  for (const step of [10, 25, 50, 75, 100, 150, 200, 300, 400, 600, 800, 1000, 1500, 2000]) {
    const stepSamples = await drive(calls, step, stepSeconds);
    const s = summarise(reads(stepSamples));
    const errors = stepSamples.filter((x) => !x.ok).length;
    const held = s.p95Ms <= readTargetMs && errors === 0;
    console.log(
      `  ${String(step).padStart(5)} rps: reads p95 ${s.p95Ms} ms, errors ${errors}${held ? '' : '  <- past the target'}`,
    );
    if (!held) break;
    saturationRps = step;
  }
  console.log(
    JSON.stringify({
      ...overall,
      saturationRps,
      offeredRps: rate,
      seconds,
      readP95Ms: readSummary.p95Ms,
      byKind,
      healthRoute,
      // The machine is shared: its load average (1 min) when the run ended, to read the figures by.
      loadAverage: Math.round(loadavg()[0]! * 10) / 10,
      driver: 'fetch (undici keep-alive), open-loop fixed rate',
    }),
  );
} finally {
  if (app) {
    app.child.kill('SIGTERM');
    await new Promise((r) => app.child.once('exit', r));
    rmSync(app.dataDir, { recursive: true, force: true });
  }
}
