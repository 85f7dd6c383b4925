import { parse } from 'csv-parse/sync';
import type { GuardedNumber, HealthResponse, ReportResponse } from '../../../src/contracts/health';
import { fixedClock } from '../../../src/domain/clock';
import { startTestApp, type TestApp } from '../../support/app-server';
import { healthNow, ids, programmeId, seedHealthProgramme } from './health-kit';

/**
 * A hidden count must not come back by subtraction: the total minus the counts shown, in any
 * breakdown the lead can read (within a view, across departments, across start months, in the
 * CSV), is never 1 to 4 people. Seed: 15 participants (Informatique 8, Ventes 7), 7 mentors,
 * 7 mentees and 1 "both", 14 joined and 1 invitee, 12 in a pair (tests/integration/health/health-kit.ts).
 */

let app: TestApp;

async function get(path: string): Promise<Response> {
  const signIn = await fetch(`${app.baseUrl}/api/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId: ids.lead }),
  });
  const { token } = (await signIn.json()) as { token: string };
  return fetch(`${app.baseUrl}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
}

async function health(query = ''): Promise<HealthResponse | null> {
  const res = await get(`/programmes/${programmeId}/health${query}`);
  if (res.status === 400) return null; // a department and month no pair matches
  expect(res.status).toBe(200);
  return (await res.json()) as HealthResponse;
}

/** What subtraction gives: the total minus the cells shown (null when the total is hidden). */
function leftOver(total: GuardedNumber, cells: readonly GuardedNumber[]): number | null {
  if (typeof total !== 'number') return null;
  return cells.reduce<number>((rest, c) => (typeof c === 'number' ? rest - c : rest), total);
}

const isSmall = (n: number | null) => n !== null && n >= 1 && n <= 4;

type Participants = HealthResponse['participants'];
const measures: [string, (p: Participants) => GuardedNumber][] = [
  ['total', (p) => p.total],
  ['inPairs', (p) => p.inPairs],
  ...(['mentor', 'mentee', 'both'] as const).map(
    (r) =>
      [`role ${r}`, (p: Participants) => p.byRole[r]] as [
        string,
        (p: Participants) => GuardedNumber,
      ],
  ),
  ...(['not_joined', 'opted_in', 'paused', 'left'] as const).map(
    (s) =>
      [`state ${s}`, (p: Participants) => p.byState[s]] as [
        string,
        (p: Participants) => GuardedNumber,
      ],
  ),
];

beforeAll(async () => {
  app = await startTestApp({ clock: fixedClock(healthNow) });
  await seedHealthProgramme(app.repos, app.server.config.demoTenantId);
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

describe('small groups hidden so that subtraction cannot bring them back', () => {
  it('no longer gives away the one participant who wished for both roles as 15 − 7 − 7', async () => {
    const h = (await health())!;
    expect(h.participants.total).toBe(15);
    const { mentor, mentee, both } = h.participants.byRole;
    expect(both).toEqual({ suppressed: true });
    // The next-smallest role is hidden with it: subtraction now gives two roles together.
    expect(mentor).toEqual({ suppressed: true });
    expect(mentee).toBe(7);
    expect(leftOver(h.participants.total, [mentor, mentee, both])).toBe(8);
    // Likewise the one invitee among the 14 who joined.
    expect(h.participants.byState).toEqual({
      not_joined: { suppressed: true },
      opted_in: { suppressed: true },
      paused: 0,
      left: 0,
    });
  });

  it('leaves 0 or at least 5 to subtraction in every breakdown of every view', async () => {
    const all = (await health())!;
    const { departments, startMonths } = all.filters;
    const views = new Map<string, Participants>();
    const key = (d: string | null, m: string | null) => `${d ?? '*'}|${m ?? '*'}`;
    for (const d of [null, ...departments]) {
      for (const m of [null, ...startMonths]) {
        const query = new URLSearchParams({
          ...(d ? { department: d } : {}),
          ...(m ? { startMonth: m } : {}),
        }).toString();
        const h = await health(query ? `?${query}` : '');
        if (h) views.set(key(d, m), h.participants);
      }
    }
    const found: string[] = [];
    const check = (what: string, rest: number | null) => {
      if (isSmall(rest)) found.push(`${what}: ${rest}`);
    };
    for (const [view, p] of views) {
      const roles = [p.byRole.mentor, p.byRole.mentee, p.byRole.both];
      const states = [p.byState.not_joined, p.byState.opted_in, p.byState.paused, p.byState.left];
      check(`${view} by role`, leftOver(p.total, roles));
      check(`${view} by state`, leftOver(p.total, states));
      check(`${view} not in a pair`, leftOver(p.total, [p.inPairs]));
    }
    for (const [name, of] of measures) {
      for (const m of [null, ...startMonths]) {
        const whole = views.get(key(null, m));
        if (!whole) continue;
        const cells = departments.flatMap((d) => {
          const p = views.get(key(d, m));
          return p ? [of(p)] : [];
        });
        check(`${name} by department, month ${m ?? '*'}`, leftOver(of(whole), cells));
      }
      for (const d of [null, ...departments]) {
        const whole = views.get(key(d, null))!;
        const cells = startMonths.flatMap((m) => {
          const p = views.get(key(d, m));
          return p ? [of(p)] : [];
        });
        check(`${name} by start month, department ${d ?? '*'}`, leftOver(of(whole), cells));
      }
    }
    expect(views.size).toBeGreaterThan(4);
    expect(found).toEqual([]);
  });

  it('leaves no month’s satisfaction, skill progress or time to first session to subtraction', async () => {
    const all = (await health())!;
    const { departments, startMonths } = all.filters;
    const found: string[] = [];
    for (const d of [null, ...departments]) {
      const q = (m: string | null) => {
        const params = new URLSearchParams({
          ...(d ? { department: d } : {}),
          ...(m ? { startMonth: m } : {}),
        }).toString();
        return health(params ? `?${params}` : '');
      };
      const whole = (await q(null))!;
      const months = (await Promise.all(startMonths.map(q))).filter(
        (h): h is HealthResponse => h !== null,
      );
      // A sum over the hidden months: the whole's minus the shown months' (0 or at least 5).
      const rest = (of: (h: HealthResponse) => number | null) => {
        const w = of(whole);
        if (w === null) return null;
        return months.reduce((n, h) => n - (of(h) ?? 0), w);
      };
      for (const dir of ['menteesAboutMentors', 'mentorsAboutMentees'] as const) {
        const raters = rest((h) => {
          const s = h.satisfaction[dir];
          return s.suppressed ? null : s.raters;
        });
        if (isSmall(raters)) found.push(`${d ?? '*'} ${dir}: ${raters} raters`);
      }
      for (const skill of whole.skills.bySkill) {
        const people = rest((h) => {
          const p = h.skills.bySkill.find((s) => s.skillId === skill.skillId)!.progress;
          return p.suppressed ? null : p.people;
        });
        if (isSmall(people)) found.push(`${d ?? '*'} ${skill.skillId}: ${people} people`);
      }
      if (typeof whole.timeToFirstSession.averageDays === 'number') {
        const hiddenPairs = months
          .filter((h) => typeof h.timeToFirstSession.averageDays !== 'number')
          .reduce((n, h) => n + h.timeToFirstSession.pairs, 0);
        if (isSmall(hiddenPairs * 2)) found.push(`${d ?? '*'} first session: ${hiddenPairs} pairs`);
      }
    }
    expect(found).toEqual([]);
  });

  it('hides the same cells in the bilan and its CSV, and reads hidden counts as « masqué »', async () => {
    const res = await get(`/programmes/${programmeId}/report`);
    expect(res.status).toBe(200);
    const report = (await res.json()) as ReportResponse;
    const all = (await health())!;
    expect(report.participants).toEqual({
      total: all.participants.total,
      byRole: all.participants.byRole,
      byState: all.participants.byState,
      inPairs: all.participants.inPairs,
    });
    // Volunteers are the total minus the invitees: hidden with them.
    expect(report.guide.volunteers).toMatchObject({
      volunteered: { suppressed: true },
      invitedNotJoined: { suppressed: true },
      left: 0,
    });

    const csv = await get(`/programmes/${programmeId}/report.csv?locale=fr`);
    const rows = parse(await csv.text(), {
      delimiter: ';',
      bom: true,
      record_delimiter: '\r\n',
    }) as string[][];
    const value = (indicator: string) => rows.find((r) => r[1] === indicator)?.[2];
    const counted = (indicators: string[]) =>
      indicators.map((i) => {
        const v = value(i);
        expect(v, i).toBeDefined();
        return v === 'masqué' ? ({ suppressed: true } as const) : Number(v);
      });
    const total = Number(value('Participants'));
    expect(total).toBe(15);
    const roles = counted([
      'Rôle souhaité : mentor',
      'Rôle souhaité : personne mentorée',
      'Rôle souhaité : les deux',
    ]);
    const states = counted([
      'État : invité, pas encore inscrit',
      'État : inscrit',
      'État : en pause',
      'État : parti',
    ]);
    expect(isSmall(leftOver(total, roles))).toBe(false);
    expect(isSmall(leftOver(total, states))).toBe(false);
    expect(value('Rôle souhaité : les deux')).toBe('masqué');
    expect(value('Des volontaires ? Personnes inscrites')).toBe('masqué');
  });
});
