/**
 * npm run bench:programme [-- --pairs 10000 --loads 200]
 * Seeds a running programme of `--pairs` pairs (sessions, feedback, assessments, approvals) in the
 * embedded Cosmos server, then loads the lead's `GET /api/programmes/:id/health` over HTTP and
 * counts the requests the Cosmos server receives during each load (server side, through Node's
 * `http.server.request.start` diagnostics channel, so SDK metadata calls would be counted too).
 * The first load computes and stores the figures (the background loop's work); the timed loads
 * read them, unfiltered and filtered by department and start month.
 */
import { performance } from 'node:perf_hooks';
import {
  cosmosRequestKind,
  startLocalApp,
  watchCosmosRequests,
  type CosmosRequest,
} from './support/local-app';
import type { OperationInput } from '@azure/cosmos';
import type { HealthResponse } from '../src/contracts/health';
import { approvalRequestFor } from '../src/domain/approval';
import { defaultFrame } from '../src/domain/programme';
import { demoPersonId, demoProgramme } from '../src/local/seed/demo-data';

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const pairCount = option('pairs', 10_000);
const loads = option('loads', 200);

const cosmos = watchCosmosRequests();
const app = await startLocalApp();
const { server, tenantId } = app;
const programmeId = 'bench-programme';
const departments = [
  'Ventes',
  'Finance',
  'Informatique',
  'Marketing',
  'Juridique',
  'RH',
  'Production',
];
const day = 86_400_000;
const now = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

try {
  const base = demoProgramme(tenantId, { now: () => new Date(now) });
  const start = now - 120 * day;
  await server.store.container('programmes').items.upsert({
    ...base,
    id: programmeId,
    name: `Bench ${pairCount} pairs`,
    status: 'running',
    startDate: iso(start).slice(0, 10),
    endDate: iso(now + 60 * day).slice(0, 10),
    leadIds: [demoPersonId(5)],
  });

  const t0 = performance.now();
  const pairs = server.store.container('pairs');
  const approvals = server.store.container('approvals');
  const skills = base.skills.map((s) => s.label.fr);
  for (let i = 0; i < pairCount; i += 100) {
    const pairOps: OperationInput[] = [];
    const approvalOps: OperationInput[] = [];
    for (let j = i; j < Math.min(pairCount, i + 100); j++) {
      const mentorId = `bench-mentor-${j}`;
      const menteeId = `bench-mentee-${j}`;
      const createdAt = start + (j % 90) * day;
      const sessions = Array.from({ length: 6 }, (_, k) => {
        const at = createdAt + (7 + 14 * k) * day;
        const status = at > now ? 'planned' : j % 11 === 0 && k % 2 === 1 ? 'missed' : 'held';
        return {
          id: `s${k + 1}`,
          index: k + 1,
          start: iso(at),
          durationMinutes: 60,
          status,
          actionItems: [],
        };
      });
      const held = sessions.filter((s) => s.status === 'held');
      const feedback = held.flatMap((s) => [
        {
          sessionId: s.id,
          fromId: menteeId,
          toId: mentorId,
          rating: 1 + ((j + s.index) % 4),
          worked: 'Des exemples concrets',
          suggestion: 'Plus de pratique',
          ...(j % 3 === 0 ? { shareWithLead: true } : {}),
          at: s.start,
        },
        {
          sessionId: s.id,
          fromId: mentorId,
          toId: menteeId,
          rating: 1 + ((j * 7 + s.index) % 4),
          worked: 'Un échange franc',
          suggestion: '',
          at: s.start,
        },
      ]);
      const goal = `Progresser en ${skills[j % skills.length]}`;
      const members = (n: string, d: string) => ({
        displayName: n,
        jobTitle: 'Bench',
        department: d,
        languages: ['fr'],
        timeZone: 'Europe/Paris',
        photoUrl: null,
      });
      pairOps.push({
        operationType: 'Create',
        partitionKey: tenantId,
        resourceBody: {
          id: `bench-pair-${j}`,
          tenantId,
          programmeId,
          proposalId: `bench-proposal-${j}`,
          mentorId,
          menteeId,
          state: j % 20 === 0 ? 'ended' : j % 13 === 0 ? 'awaiting_approval' : 'active',
          agreement: {
            subject: 'Bench',
            menteeGoals: [goal],
            mentorGoals: ['Négocier un budget'],
            frame: defaultFrame,
            groundRules: [],
            confidentiality: '',
            revision: 1,
            signatures: {
              mentor: { at: iso(createdAt), revision: 1 },
              mentee: { at: iso(createdAt), revision: 1 },
            },
          },
          calendar: {},
          sessions,
          feedback,
          assessments: [
            { personId: menteeId, phase: 'start', goal, level: 1 + (j % 3), at: iso(createdAt) },
            { personId: menteeId, phase: 'end', goal, level: 3 + (j % 3), at: iso(now) },
          ],
          members: {
            mentor: members(`Mentor ${j}`, departments[j % departments.length]!),
            mentee: members(`Mentee ${j}`, departments[(j * 3) % departments.length]!),
          },
          history: [],
          createdAt: iso(createdAt),
          updatedAt: iso(now),
        },
      });
      approvalOps.push({
        operationType: 'Create',
        partitionKey: tenantId,
        resourceBody: {
          id: `bench-approval-${j}`,
          tenantId,
          pairId: `bench-pair-${j}`,
          personId: menteeId,
          managerId: 'bench-manager',
          requestedBy: menteeId,
          request: approvalRequestFor(defaultFrame, iso(createdAt).slice(0, 10)),
          status: j % 13 === 0 ? 'pending' : 'approved',
          createdAt: iso(createdAt),
          ...(j % 13 === 0
            ? {}
            : { decidedAt: iso(createdAt + (j % 5) * day), decidedBy: 'bench-manager' }),
        },
      });
    }
    await pairs.items.bulk(pairOps);
    await approvals.items.bulk(approvalOps);
  }
  const seedMs = performance.now() - t0;
  console.log(
    `programme: ${pairCount} pairs (6 sessions, feedback both ways, assessments, an approval each) seeded in ${(seedMs / 1000).toFixed(1)} s`,
  );

  const signIn = await fetch(`${server.url}/api/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId: demoPersonId(5) }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  const healthUrl = `${server.url}/api/programmes/${programmeId}/health`;

  async function load(
    url: string,
  ): Promise<{ ms: number; ops: CosmosRequest[]; bytes: number; body: string }> {
    cosmos.take();
    const begin = performance.now();
    const response = await fetch(url, { headers });
    const body = await response.text();
    const ms = performance.now() - begin;
    if (response.status !== 200) throw new Error(`${url}: ${response.status} ${body}`);
    return { ms, ops: cosmos.take(), bytes: body.length, body };
  }

  // The first load finds no figures: it computes and stores them (the background loop's work).
  const cold = await load(healthUrl);
  const first = JSON.parse(cold.body) as HealthResponse;
  const dept = first.filters.departments[0]!;
  const month = first.filters.startMonths[1] ?? first.filters.startMonths[0]!;
  const urls = [
    healthUrl,
    `${healthUrl}?department=${encodeURIComponent(dept)}`,
    `${healthUrl}?startMonth=${month}`,
    `${healthUrl}?department=${encodeURIComponent(dept)}&startMonth=${month}`,
  ];
  for (let i = 0; i < 20; i++) await load(urls[i % urls.length]!);

  const times: number[] = [];
  const opCounts: number[] = [];
  const kinds = new Map<string, number>();
  let bytes = 0;
  for (let i = 0; i < loads; i++) {
    const result = await load(urls[i % urls.length]!);
    times.push(result.ms);
    opCounts.push(result.ops.length);
    bytes = Math.max(bytes, result.bytes);
    for (const op of result.ops)
      kinds.set(cosmosRequestKind(op), (kinds.get(cosmosRequestKind(op)) ?? 0) + 1);
  }
  cosmos.take();
  const refreshStart = performance.now();
  const refreshed = await fetch(`${healthUrl}/refresh`, { method: 'POST', headers });
  await refreshed.text();
  const refreshMs = performance.now() - refreshStart;
  const refreshOps = cosmos.take().length;

  const sorted = [...times].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
  const maxOps = Math.max(...opCounts);
  const round = (x: number) => Math.round(x * 10) / 10;

  console.log(
    `figures: ${first.pairs.total} pairs, ${first.sessions.held} sessions held, ${first.atRiskTotal} at risk, ${first.filters.departments.length} departments × ${first.filters.startMonths.length} start months`,
  );
  console.log(
    `  first load (computes and stores every slice): ${cold.ops.length} Cosmos requests, ${(cold.ms / 1000).toFixed(1)} s`,
  );
  console.log(
    `  Cosmos requests per load: ${maxOps} (max over ${loads} loads, filtered and not; ${[...kinds].map(([k, n]) => `${k} ×${n / loads}`).join(', ')})`,
  );
  console.log(
    `  time per load over HTTP: median ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms (largest answer ${bytes} bytes)`,
  );
  console.log(`  refresh: ${refreshOps} Cosmos requests, ${(refreshMs / 1000).toFixed(1)} s`);
  console.log(
    JSON.stringify({
      programmeDashboardP95Ms: round(pct(0.95)),
      programmeDashboardP50Ms: round(pct(0.5)),
      cosmosOpsPerLoad: maxOps,
      loads,
      pairs: pairCount,
      firstLoadMs: Math.round(cold.ms),
      firstLoadCosmosOps: cold.ops.length,
      refreshMs: Math.round(refreshMs),
      refreshCosmosOps: refreshOps,
      largestResponseBytes: bytes,
    }),
  );
} finally {
  await app.stop();
}
