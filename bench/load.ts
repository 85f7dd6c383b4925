/**
 * npm run bench:load [-- --rate 100 --seconds 60 --step-seconds 10 --steps 50,100 --url http://… --app-pid N]
 * Drives the production build (`node dist/main.js`, local mode, demo data, development sign-in)
 * with autocannon. First each route alone, one request at a time: the app's CPU per request and
 * the median (what a route costs, without a queue). Then a fixed offered rate; the mix, per ten
 * requests: four `/api/me`, four pair dashboards, one programme health (the lead's page; a fifth
 * dashboard when the route is absent) and one feedback write. Then steps the rate up (50, 100,
 * 150, 200, 300…) for short steps: `saturationRps` is the highest rate whose reads' p95 stays
 * within 250 ms with no error and the offered rate delivered.
 *
 * Virtual users: every connection is one signed-in person asking for one route once a second
 * (autocannon's `overallRate` split over as many connections as requests a second). /api/me is
 * asked by all 41 people of the demo company, the dashboards by the members of the demo pairs,
 * the health by the programme's lead. At 100 requests/s the busiest person (the lead) asks 11 a
 * second, under the shipped per-person limit (RATE_LIMIT_PER_MINUTE, 1,200); the saturation
 * steps would pass it from 300 requests/s, so the app started here gets 12,000 a minute (the
 * figures print each step's busiest person; a 429 counts as an error).
 *
 * autocannon paces each connection by whole seconds from its creation, so connections created
 * together send together: 100 requests/s would arrive as one burst of 100 each second. The read
 * connections are therefore split over fifty autocannon instances started 20 ms apart (about two
 * reads every 20 ms at 100 requests/s). Latency counts from the request's send; a connection sends once
 * a second, so a late answer delays the next send only past one second, far beyond the target.
 * autocannon's coordinated-omission correction is off: it takes `1 / rate` (seconds) as a
 * number of milliseconds and adds a sample per millisecond of every latency.
 *
 * Feedback writes: one connection per demo pair with held sessions writes, in turn, each member's
 * feedback on each held session, with a new text each time (a real change). One writer per pair
 * means writes on a pair never overlap, so none loses a race (409); they are paced per second
 * like the reads, but back to back within the second.
 *
 * With `--url`, an app already running there is driven instead (it needs DEV_SIGN_IN, and
 * RATE_LIMIT_PER_MINUTE raised for the steps past 200 requests/s; `--app-pid` for its CPU).
 * The last line is the JSON summary: { requests, errors, p50Ms, p95Ms, p99Ms, saturationRps,
 * readP95Ms, byRoute, … }.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon, { type Client, type Request } from 'autocannon';
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
/** `--steps none` skips the search (a profile of the fixed rate alone). */
const steps =
  option('steps') === 'none'
    ? []
    : (option('steps') ?? '50,100,150,200,300,400,600,800,1000').split(',').map(Number);
/** Read instances started this far apart (see the header): 50 slots of 20 ms. */
const slots = 50;
const demoPeople = 41;
const leadNumber = 5;

/**
 * CPU time (user + system) the app's process has used, in ms, from /proc (Linux): what a request
 * costs the app, which moves far less than latency when the machine is shared.
 */
function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, fields 14 and 15 of stat (11 and 12 after the command), in 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** The per-person limit the bench starts the app with (see startApp). */
const benchRateLimitPerMinute = 12_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const loadAverage = () => Math.round(loadavg()[0]! * 10) / 10;

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
      // The demo has one programme lead, who asks for every health page: at 300 requests/s a
      // tenth of them is 30/s, past the shipped 1,200 a minute (and the eight pair members'
      // dashboards pass it at 400). Raised so the saturation search measures the app, not the
      // limit; the fixed-rate run stays under the shipped limit either way (11/s at most).
      RATE_LIMIT_PER_MINUTE: String(benchRateLimitPerMinute),
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

type Route = 'me' | 'dashboard' | 'health' | 'feedback';
const readRoutes: Route[] = ['me', 'dashboard', 'health'];

/** A virtual user of one route: who asks (for the per-person rate) and the request(s) it sends. */
type VirtualUser = { route: Route; person: string; requests: Request[] };

async function signIn(url: string, personId: string): Promise<string> {
  const response = await fetch(`${url}/api/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${personId}: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
/** What the tab's browser sends: answers are compressed as they would be in Teams. */
const browser = { 'accept-encoding': 'gzip, deflate, br' };

async function status(url: string, path: string, init: RequestInit): Promise<number> {
  const response = await fetch(`${url}${path}`, init);
  await response.arrayBuffer();
  return response.status;
}

/** Every demo person signs in; the routes each may use are found by asking once. */
async function buildUsers(url: string) {
  const tokens = new Map<string, string>();
  for (let n = 1; n <= demoPeople; n++) {
    tokens.set(demoPersonId(n), await signIn(url, demoPersonId(n)));
  }
  const get = (path: string, person: string): VirtualUser['requests'][number] => ({
    method: 'GET',
    path,
    headers: { ...bearer(tokens.get(person)!), ...browser },
  });
  const me: VirtualUser[] = [...tokens.keys()].map((person) => ({
    route: 'me',
    person,
    requests: [get('/api/me', person)],
  }));

  // Members of the demo pairs who can open their dashboard, and the feedback each can write.
  const members: Record<string, number[]> = {
    [demoPairIds.powerBi]: [28, 16],
    [demoPairIds.teams]: [33, 37],
    [demoPairIds.data]: [39, 35],
    [demoPairIds.linkedIn]: [34, 41],
  };
  const dashboard: VirtualUser[] = [];
  const feedback: VirtualUser[] = [];
  let written = 0;
  for (const [pairId, numbers] of Object.entries(members)) {
    const writes: Request[] = [];
    for (const n of numbers) {
      const person = demoPersonId(n);
      const token = tokens.get(person)!;
      const path = `/api/pairs/${pairId}/dashboard`;
      if ((await status(url, path, { headers: bearer(token) })) === 200) {
        dashboard.push({ route: 'dashboard', person, requests: [get(path, person)] });
      }
      for (let s = 1; s <= 6; s++) {
        const feedbackPath = `/api/pairs/${pairId}/sessions/${pairId}-s${s}/feedback`;
        const headers = { ...bearer(token), ...browser, 'content-type': 'application/json' };
        const body = (k: number) =>
          JSON.stringify({
            rating: 3 + (k % 2),
            worked: `Load run, write ${k}`,
            suggestion: 'More examples from the sales dashboards.',
          });
        if ((await status(url, feedbackPath, { method: 'PUT', headers, body: body(0) })) !== 200)
          continue;
        writes.push({
          method: 'PUT',
          path: feedbackPath,
          headers,
          // A new text each time, so every write changes the pair (no no-op shortcut).
          setupRequest: (request) => ({ ...request, body: body(++written) }),
        });
      }
    }
    if (writes.length > 0) {
      feedback.push({ route: 'feedback', person: `writer of ${pairId}`, requests: writes });
    }
  }

  const lead = demoPersonId(leadNumber);
  const healthPath = `/api/programmes/${demoProgrammeId}/health`;
  const healthRoute =
    (await status(url, healthPath, { headers: bearer(tokens.get(lead)!) })) === 200;
  const health: VirtualUser[] = healthRoute
    ? [{ route: 'health', person: lead, requests: [get(healthPath, lead)] }]
    : [];
  return { me, dashboard, health, feedback, healthRoute };
}

type Users = Awaited<ReturnType<typeof buildUsers>>;
type Sample = { route: Route; ms: number; ok: boolean; status: number };

/**
 * The read connections for `rps` requests a second, one request a second each: per nine, four
 * /api/me, four dashboards, one health (a fifth dashboard without the health route), each kind
 * going round its virtual users.
 */
function readConnections(users: Users, rps: number): VirtualUser[] {
  const pattern: Route[] = users.healthRoute
    ? ['me', 'dashboard', 'me', 'dashboard', 'health', 'me', 'dashboard', 'me', 'dashboard']
    : ['me', 'dashboard', 'me', 'dashboard', 'dashboard', 'me', 'dashboard', 'me', 'dashboard'];
  const next: Record<string, number> = { me: 0, dashboard: 0, health: 0 };
  const of = { me: users.me, dashboard: users.dashboard, health: users.health };
  const reads = rps - Math.round(rps / 10);
  return Array.from({ length: reads }, (_, i) => {
    const route = pattern[i % pattern.length] as 'me' | 'dashboard' | 'health';
    const list = of[route];
    return list[next[route]!++ % list.length]!;
  });
}

/**
 * Offers `rps` requests a second for `durationS` seconds: the reads from `slots` autocannon
 * instances started 1000/slots ms apart, the writes from one connection per pair.
 */
async function drive(url: string, users: Users, rps: number, durationS: number) {
  const samples: Sample[] = [];
  const startedAt = performance.now();
  let lastAnswerAt = startedAt;
  const perPerson = new Map<string, number>();
  const started: Promise<unknown>[] = [];
  /** One autocannon instance: `connections` virtual users sending `perSecond` in all. */
  const run = (connections: VirtualUser[], perSecond: number, offsetMs: number) => {
    if (connections.length === 0 || perSecond === 0) return;
    for (const c of connections) perPerson.set(c.person, (perPerson.get(c.person) ?? 0) + 1);
    const routeOf = new WeakMap<Client, Route>();
    let made = 0;
    started.push(
      sleep(offsetMs).then(async () => {
        const instance = autocannon({
          url,
          connections: connections.length,
          overallRate: perSecond,
          // A count rather than a duration, so that each second of the run offers exactly `rps`.
          amount: perSecond * durationS,
          timeout: 10,
          ignoreCoordinatedOmission: true,
          setupClient: (client) => {
            const user = connections[made++ % connections.length]!;
            routeOf.set(client, user.route);
            client.setRequests(user.requests.map((r) => ({ ...r })));
            const failed = () => samples.push({ route: user.route, ms: 0, ok: false, status: 0 });
            client.on('timeout', failed);
            client.on('connError', failed);
          },
        });
        instance.on('response', (client: Client, statusCode: number, _b: number, ms: number) => {
          const route = routeOf.get(client) ?? 'me';
          samples.push({ route, ms, ok: statusCode < 400, status: statusCode });
          lastAnswerAt = performance.now();
        });
        await instance;
      }),
    );
  };
  const reads = readConnections(users, rps);
  for (let s = 0; s < slots; s++) {
    const slot = reads.filter((_, i) => i % slots === s);
    run(slot, slot.length, (s * 1000) / slots);
  }
  // A writer sends its share of the writes back to back once a second, on its own instance.
  const writes = Math.round(rps / 10);
  users.feedback.forEach((writer, k) => {
    const share =
      Math.floor(writes / users.feedback.length) + (k < writes % users.feedback.length ? 1 : 0);
    run([writer], share, 1000 / slots / 2);
  });
  await Promise.all(started);
  // The last read slot starts (slots - 1)/slots s in and sends for `durationS` s: an app keeping
  // up answers its last request about durationS s after the start.
  const elapsedS = (lastAnswerAt - startedAt) / 1000 + 1 / slots;
  // The busiest person's requests a second (each read connection asks once a second).
  const busiest = Math.max(
    ...[...perPerson.entries()].filter(([p]) => !p.startsWith('writer')).map(([, n]) => n),
  );
  // Requests answered a second: below the offered rate when the app fell behind.
  const delivered = samples.length / Math.max(durationS, elapsedS);
  return { samples, busiest, delivered };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
const round = (x: number) => Math.round(x * 10) / 10;

function summarise(samples: Sample[]) {
  const ms = samples
    .filter((s) => s.status > 0)
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  return {
    requests: samples.length,
    errors: samples.filter((s) => !s.ok).length,
    p50Ms: round(percentile(ms, 0.5)),
    p95Ms: round(percentile(ms, 0.95)),
    p99Ms: round(percentile(ms, 0.99)),
  };
}

/** Failed requests counted by route and status, as JSON; empty when none failed. */
function failures(samples: Sample[]): string {
  const statuses = new Map<string, number>();
  for (const s of samples.filter((x) => !x.ok)) {
    const key = `${s.route} ${s.status || 'timeout or connection error'}`;
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
  }
  return statuses.size > 0 ? JSON.stringify(Object.fromEntries(statuses)) : '';
}

const readsOf = (samples: Sample[]) => samples.filter((s) => readRoutes.includes(s.route));

const external = option('url');
const app = external ? undefined : await startApp();
/** The app's process id: the one started here, or `--app-pid` with `--url`. */
const appPid = app?.child.pid ?? (option('app-pid') ? Number(option('app-pid')) : undefined);
const url = external ?? app!.url;
try {
  const users = await buildUsers(url);
  console.log(`app: ${url}${external ? '' : ' (dist/main.js, local mode)'}`);
  console.log(
    `machine load average at the start: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `virtual users: /api/me ${users.me.length} people, dashboards ${users.dashboard.length} pair members, ` +
      `health ${users.health.length ? 'the lead' : 'none (no route: a fifth dashboard instead)'}, ` +
      `feedback ${users.feedback.length} writers (one per pair with held sessions)`,
  );
  await drive(url, users, Math.min(rate, 50), 5); // warm-up, not counted

  // What each route costs alone: one request at a time, so no queue; the app's CPU per request.
  console.log('\nEach route alone, one request at a time (300 each):');
  const cost: Record<string, { cpuMs?: number; p50Ms: number }> = {};
  for (const route of ['me', 'dashboard', 'health', 'feedback'] as const) {
    // /api/me as a pair member asks it (the roles questions find something), not the first person.
    const member = users.dashboard[0]?.person;
    const user =
      route === 'feedback'
        ? users.feedback[0]
        : route === 'me'
          ? (users.me.find((u) => u.person === member) ?? users.me[0])
          : users[route][0];
    if (!user) continue;
    const answers: number[] = [];
    const before = cpuMsOf(appPid);
    await autocannon({
      url,
      connections: 1,
      amount: 300,
      requests: user.requests.map((r) => ({ ...r })),
    }).on('response', (_c: Client, _s: number, _b: number, ms: number) => answers.push(ms));
    const after = cpuMsOf(appPid);
    answers.sort((a, b) => a - b);
    cost[route] = {
      ...(before !== undefined && after !== undefined
        ? { cpuMs: round((after - before) / answers.length) }
        : {}),
      p50Ms: round(percentile(answers, 0.5)),
    };
    console.log(`  ${route.padEnd(10)}${JSON.stringify(cost[route])}`);
  }

  const cpuBefore = cpuMsOf(appPid);
  const { samples, busiest } = await drive(url, users, rate, seconds);
  const cpuAfter = cpuMsOf(appPid);
  const appCpuMsPerRequest =
    cpuBefore !== undefined && cpuAfter !== undefined
      ? round((cpuAfter - cpuBefore) / samples.length)
      : undefined;
  const overall = summarise(samples);
  console.log(
    `\n${rate} requests/s offered for ${seconds} s (busiest person ${busiest} requests/s):`,
  );
  console.log(`  all       ${JSON.stringify(overall)}`);
  if (appCpuMsPerRequest !== undefined) {
    console.log(`  app CPU   ${appCpuMsPerRequest} ms a request (user + system)`);
  }
  const byRoute: Record<string, ReturnType<typeof summarise>> = {};
  for (const route of ['me', 'dashboard', 'health', 'feedback'] as const) {
    const of = samples.filter((s) => s.route === route);
    if (of.length === 0) continue;
    byRoute[route] = summarise(of);
    console.log(`  ${route.padEnd(10)}${JSON.stringify(byRoute[route])}`);
  }
  const readSummary = summarise(readsOf(samples));
  console.log(`  reads     ${JSON.stringify(readSummary)}`);
  const failed = failures(samples);
  if (failed) console.log(`  failures  ${failed}`);
  const loadAfterRun = loadAverage();

  // Saturation: the highest step whose reads' p95 holds, with no error and the rate delivered.
  console.log(
    `\nStepping the rate up, ${stepSeconds} s a step, until the reads' p95 passes ${readTargetMs} ms:`,
  );
  let saturationRps = 0;
  for (const step of steps) {
    await sleep(2000); // let the previous step's queue drain
    const {
      samples: stepSamples,
      busiest: stepBusiest,
      delivered,
    } = await drive(url, users, step, stepSeconds);
    const s = summarise(readsOf(stepSamples));
    const errors = stepSamples.filter((x) => !x.ok).length;
    const held = s.p95Ms <= readTargetMs && errors === 0 && delivered >= 0.9 * step;
    console.log(
      `  ${String(step).padStart(5)} rps: delivered ${delivered.toFixed(0)}/s, reads p95 ${s.p95Ms} ms, ` +
        `feedback p95 ${summarise(stepSamples.filter((x) => x.route === 'feedback')).p95Ms} ms, ` +
        `errors ${errors}, busiest person ${stepBusiest}/s, load ${loadAverage()}` +
        `${held ? '' : '  <- past the target'}`,
    );
    if (errors > 0) console.log(`         failures ${failures(stepSamples)}`);
    if (!held) break;
    saturationRps = step;
  }
  console.log(
    JSON.stringify({
      ...overall,
      saturationRps,
      readP95Ms: readSummary.p95Ms,
      offeredRps: rate,
      seconds,
      byRoute,
      healthRoute: users.healthRoute,
      // The machine is shared: its load average (1 min) after the fixed-rate run, to read it by.
      loadAverage: loadAfterRun,
      appCpuMsPerRequest,
      aloneByRoute: cost,
      driver: `autocannon, ${slots} read instances ${1000 / slots} ms apart, one request/s a connection`,
    }),
  );
} finally {
  if (app) {
    app.child.kill('SIGTERM');
    await new Promise((r) => app.child.once('exit', r));
    rmSync(app.dataDir, { recursive: true, force: true });
  }
}
