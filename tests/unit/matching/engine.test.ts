import { generateCohort } from '../../../bench/support/matching-cohort';
import { seededRandom } from '../../../bench/support/matching-prng';
import { isDomainError } from '../../../src/domain/errors';
import { prepareCohort } from '../../../src/domain/matching/cohort';
import {
  matchingInputSchema,
  type MatchingInput,
  type MatchingInputRaw,
} from '../../../src/domain/matching/input';
import { evaluatePair } from '../../../src/domain/matching/pair-evaluation';
import { runMatching, type MatchingResult } from '../../../src/matching/engine';
import { aCohort, aMentee, aMentor } from '../../fixtures/matching/builders';

const parse = (raw: MatchingInputRaw): MatchingInput => matchingInputSchema.parse(raw);

/** Every rule the engine must keep, checked with the readable domain code, not the engine's. */
function expectSound(input: MatchingInput, result: MatchingResult) {
  const cohort = prepareCohort(input);
  const load = new Map<string, number>();
  const mentored = new Set<string>();
  const pairKeys = new Set<string>();
  for (const pair of result.pairs) {
    const mentor = cohort.byId.get(pair.mentorId)!;
    const mentee = cohort.byId.get(pair.menteeId)!;
    const evaluation = evaluatePair(cohort, mentor, mentee);
    expect(evaluation.violations, `${pair.mentorId} → ${pair.menteeId}`).toEqual([]);
    expect(pair.score).toBe(evaluation.score / 100);
    expect(mentored.has(mentee.id), `${mentee.id} mentored twice`).toBe(false);
    mentored.add(mentee.id);
    load.set(mentor.id, (load.get(mentor.id) ?? 0) + 1);
    const key = [mentor.id, mentee.id].sort().join('|');
    expect(pairKeys.has(key), `${key} paired twice`).toBe(false);
    pairKeys.add(key);
    expect(pair.reasons.length).toBeGreaterThan(0);
    for (const reason of pair.reasons) {
      expect(reason.en.length).toBeGreaterThan(0);
      expect(reason.fr.length).toBeGreaterThan(0);
    }
  }
  for (const [id, n] of load)
    expect(n).toBeLessThanOrEqual(cohort.byId.get(id)!.participant.capacity);
  const paired = new Set(result.pairs.flatMap((p) => [p.mentorId, p.menteeId]));
  for (const person of result.unmatched) {
    expect(paired.has(person.id)).toBe(false);
    expect(person.reasons.length, `${person.id} has no reason`).toBeGreaterThan(0);
    for (const reason of person.reasons) {
      expect(reason.en.length).toBeGreaterThan(0);
      expect(reason.fr.length).toBeGreaterThan(0);
    }
  }
  expect(paired.size + result.unmatched.length).toBe(cohort.people.length);
  const total = result.pairs.reduce((s, p) => s + Math.round(p.score * 100), 0);
  expect(Math.round(result.totalScore * 100)).toBe(total);
  expect(result.upperBound).toBeGreaterThanOrEqual(result.totalScore);
}

function randomCohort(seed: number, perSide: number): MatchingInputRaw {
  const raw = generateCohort({ perSide, seed, bothShare: 0.15 });
  const random = seededRandom(seed * 7919);
  const ids = raw.participants.map((p) => p.id);
  const pick = () => ids[Math.floor(random() * ids.length)]!;
  const blocks: [string, string][] = [];
  for (let k = 0; k < perSide / 4; k++) {
    const a = pick();
    const b = pick();
    if (a !== b) blocks.push([a, b]);
  }
  return { ...raw, blocks };
}

describe('matching engine', () => {
  it(
    'keeps every hard rule and explains everyone, over 20 seeded random cohorts (exact and sparse)',
    { timeout: 30_000 },
    () => {
      for (let seed = 1; seed <= 20; seed++) {
        const input = parse(randomCohort(seed, 20 + (seed % 5) * 10));
        for (const mode of ['exact', 'sparse'] as const) {
          const result = runMatching(input, { mode, candidatesPerMentee: 3 });
          expectSound(input, result);
        }
      }
    },
  );

  it('finds the same lexicographic optimum as brute force on small cohorts', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const raw = generateCohort({ perSide: 5, seed: 100 + seed });
      // Same time zone and language for everyone so that most pairs are possible and choices matter.
      for (const p of raw.participants) {
        p.timeZone = 'Europe/Paris';
        p.languages = ['fr'];
        p.availability = [{ day: 'tue', start: '09:00', end: random() < 0.8 ? '12:00' : '09:30' }];
        p.optedIn = true;
        p.paused = false;
      }
      const input = parse(raw);
      const cohort = prepareCohort(input);
      const mentors = cohort.people.filter((p) => p.canMentor);
      const mentees = cohort.people.filter((p) => p.canBeMentored);
      const score = new Map<string, number>();
      for (const m of mentors) {
        for (const e of mentees) {
          const ev = evaluatePair(cohort, m, e);
          if (ev.violations.length === 0) score.set(`${m.id}|${e.id}`, ev.score);
        }
      }
      let best: [number, number] = [0, 0];
      const load = new Map<string, number>();
      const visit = (k: number, pairs: number, total: number) => {
        if (k === mentees.length) {
          if (pairs > best[0] || (pairs === best[0] && total > best[1])) best = [pairs, total];
          return;
        }
        visit(k + 1, pairs, total);
        for (const m of mentors) {
          const s = score.get(`${m.id}|${mentees[k]!.id}`);
          if (s === undefined || (load.get(m.id) ?? 0) >= m.participant.capacity) continue;
          load.set(m.id, (load.get(m.id) ?? 0) + 1);
          visit(k + 1, pairs + 1, total + s);
          load.set(m.id, load.get(m.id)! - 1);
        }
      };
      visit(0, 0, 0);
      const result = runMatching(input);
      expect(result.exact).toBe(true);
      expect([result.pairs.length, result.stats.totalScoreHundredths], `seed ${seed}`).toEqual(
        best,
      );
    }
  });

  it('in sparse mode stays within its bound of the exact optimum', { timeout: 30_000 }, () => {
    for (let seed = 1; seed <= 10; seed++) {
      const input = parse(generateCohort({ perSide: 120, seed }));
      const exact = runMatching(input, { mode: 'exact', withReasons: false });
      const sparse = runMatching(input, {
        mode: 'sparse',
        candidatesPerMentee: 2,
        withReasons: false,
      });
      expect(sparse.pairsUpperBound).toBeGreaterThanOrEqual(exact.pairs.length);
      if (sparse.pairs.length === exact.pairs.length) {
        expect(sparse.totalScore).toBeLessThanOrEqual(exact.totalScore);
        expect(sparse.upperBound).toBeGreaterThanOrEqual(exact.totalScore);
      }
    }
  });

  it('gives the same output for the same input, whatever the order of the records', () => {
    const raw = randomCohort(3, 60);
    const shuffled = { ...raw, participants: [...raw.participants].reverse() };
    const a = runMatching(parse(raw));
    const b = runMatching(parse(shuffled));
    const strip = (r: MatchingResult) => ({
      pairs: r.pairs,
      unmatched: r.unmatched,
      total: r.totalScore,
    });
    expect(strip(b)).toEqual(strip(a));
    expect(strip(runMatching(parse(raw)))).toEqual(strip(a));
  });

  it('pairs more people rather than fewer better pairs', () => {
    // Léa is the best mentor for both; Marc can only learn from Léa; Zoé could take Jean instead.
    const input = parse(
      aCohort([
        aMentor({
          id: 'lea',
          teaches: [
            { skill: 'power-bi', level: 5 },
            { skill: 'excel', level: 5 },
          ],
        }),
        aMentor({ id: 'zoe', teaches: [{ skill: 'excel', level: 2 }] }),
        aMentee({ id: 'jean', learns: [{ skill: 'excel', level: 1 }] }),
        aMentee({ id: 'marc', learns: [{ skill: 'power-bi', level: 4 }] }),
      ]),
    );
    const result = runMatching(input);
    expect(result.pairs.map((p) => [p.mentorId, p.menteeId])).toEqual([
      ['lea', 'marc'],
      ['zoe', 'jean'],
    ]);
  });

  it('respects capacity: a mentor with capacity 2 takes two of three mentees', () => {
    const input = parse(
      aCohort([
        aMentor({ id: 'lea', capacity: 2 }),
        aMentee({ id: 'a' }),
        aMentee({ id: 'b' }),
        aMentee({ id: 'c' }),
      ]),
    );
    const result = runMatching(input);
    expect(result.pairs).toHaveLength(2);
    expect(result.unmatched.map((u) => u.id)).toEqual(['c']);
    expect(result.unmatched[0]!.reasons.map((r) => r.code)).toEqual(['capacity_exhausted']);
  });

  it('honours pins and blocks', () => {
    const cohort = [
      aMentor({ id: 'lea', teaches: [{ skill: 'power-bi', level: 5 }] }),
      aMentor({ id: 'paul', teaches: [{ skill: 'power-bi', level: 2 }] }),
      aMentee({ id: 'marc' }),
      aMentee({ id: 'anne' }),
    ];
    const pinned = runMatching(
      parse(aCohort(cohort, { pins: [{ mentorId: 'paul', menteeId: 'marc' }] })),
    );
    expect(pinned.pairs.find((p) => p.menteeId === 'marc')).toMatchObject({
      mentorId: 'paul',
      pinned: true,
    });
    expect(pinned.pairs.find((p) => p.menteeId === 'marc')!.reasons[0]!.code).toBe('pinned');
    const blocked = runMatching(
      parse(aCohort(cohort, { blocks: [{ mentorId: 'lea', menteeId: 'marc' }, ['anne', 'paul']] })),
    );
    expect(blocked.pairs.map((p) => `${p.mentorId}>${p.menteeId}`).sort()).toEqual([
      'lea>anne',
      'paul>marc',
    ]);
  });

  it('refuses a pin that breaks a hard rule, naming the pin', () => {
    const input = parse(
      aCohort([aMentor({ id: 'lea', languages: ['en'] }), aMentee({ id: 'marc' })], {
        pins: [{ mentorId: 'lea', menteeId: 'marc' }],
      }),
    );
    expect(() => runMatching(input)).toThrow(/pins\[0\] \(lea → marc\).*no_common_language/);
  });

  it('never pairs people in the same reporting line or previous partners', () => {
    const input = parse(
      aCohort([
        aMentor({ id: 'lea', managerId: 'paul' }),
        aMentee({ id: 'paul', managerId: 'anne' }),
        aMentee({ id: 'anne' }),
        aMentee({ id: 'marc', previousPartners: ['lea'] }),
      ]),
    );
    const result = runMatching(input);
    expect(result.pairs).toEqual([]);
    const reasons = Object.fromEntries(
      result.unmatched.map((u) => [u.id, u.reasons.map((r) => r.code)]),
    );
    // Anne manages Paul who manages Léa: both are in Léa's chain.
    expect(reasons.anne).toEqual(['same_reporting_line']);
    expect(reasons.paul).toEqual(['same_reporting_line']);
    expect(reasons.marc).toEqual(['previous_partners']);
  });

  it('lets a `both` person mentor one person and be mentored by another, never both ways with one person', () => {
    const input = parse(
      aCohort([
        aMentor({
          id: 'a',
          role: 'both',
          teaches: [{ skill: 'x', level: 5 }],
          learns: [{ skill: 'y', level: 1 }],
        }),
        aMentor({
          id: 'b',
          role: 'both',
          teaches: [{ skill: 'y', level: 5 }],
          learns: [{ skill: 'x', level: 1 }],
        }),
        aMentee({ id: 'c', learns: [{ skill: 'x', level: 1 }] }),
      ]),
    );
    const result = runMatching(input);
    expectSound(input, result);
    // a ↔ b both ways is refused; a mentors c and b mentors a instead.
    expect(result.pairs.map((p) => `${p.mentorId}>${p.menteeId}`).sort()).toEqual(['a>c', 'b>a']);
  });

  it('rejects duplicate ids and unknown pin ids with the record named', () => {
    const dup = parse(aCohort([aMentor({ id: 'lea' }), aMentee({ id: 'lea' })]));
    expect(() => runMatching(dup)).toThrow(
      /participants\[1\] \(id "lea"\), field id: duplicate id/,
    );
    const unknown = parse(
      aCohort([aMentor({ id: 'lea' })], { pins: [{ mentorId: 'lea', menteeId: 'ghost' }] }),
    );
    try {
      runMatching(unknown);
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, 'validation_failed')).toBe(true);
      expect((error as Error).message).toBe('pins[0], field menteeId: unknown participant "ghost"');
    }
  });
});
