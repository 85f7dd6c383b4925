import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateCohort } from '../../../bench/support/matching-cohort';
import { matchingInputSchema } from '../../../src/domain/matching/input';
import { runMatching } from '../../../src/matching/engine';

/**
 * The engine's memory work changes how the cohort and the reasons are held, never what comes out.
 * These digests are of the output of commit a38e2ce (before that work) on seeded generated cohorts:
 * pairs, scores, fr/en reasons, the unmatched and their reasons, the total, the bounds and the gap,
 * serialised as the CLI writes them (timings left out). Any change to a pair, a score or a word of a
 * reason changes the digest.
 */
const cases = [
  {
    n: 400,
    mode: 'exact',
    perMentee: 48,
    pairs: 307,
    totalScore: 18857.73,
    upperBound: 18857.73,
    digest: '4a954f07ab0151d6482590bde573c36315d6d6fc0d6b5f1d3e538cd7bfaf0768',
  },
  {
    n: 1500,
    mode: 'exact',
    perMentee: 48,
    pairs: 1355,
    totalScore: 91812.86,
    upperBound: 91812.86,
    digest: 'a05dc20e12b9a368313f848fdee6527a073ab344d5277ebf79ef47b5db3280f5',
  },
  {
    // Few candidates per mentee: pricing rounds and the extended dual are exercised.
    n: 1500,
    mode: 'sparse',
    perMentee: 8,
    pairs: 1355,
    totalScore: 91802.85,
    upperBound: 91942.86,
    digest: '1b5cf17a69579042c93f0271e6ca2f1b5a40b588d46d155a2bed9b98e3b4ada0',
  },
] as const;

describe('matching output across representation changes', () => {
  for (const c of cases) {
    it(`is unchanged at ${c.n} per side (${c.mode}, ${c.perMentee} candidates per mentee)`, () => {
      const input = matchingInputSchema.parse(generateCohort({ perSide: c.n, seed: 7 }));
      const result = runMatching(input, {
        mode: c.mode,
        candidatesPerMentee: c.perMentee,
        now: () => 0,
      });
      const { stats: _stats, elapsedMs: _elapsed, ...output } = result;
      expect(result.pairs.length).toBe(c.pairs);
      expect(result.totalScore).toBe(c.totalScore);
      expect(result.upperBound).toBe(c.upperBound);
      expect(result.pairs.every((p) => p.reasons.length > 0)).toBe(true);
      expect(result.unmatched.every((u) => u.reasons.length > 0)).toBe(true);
      const digest = createHash('sha256').update(JSON.stringify(output)).digest('hex');
      expect(digest).toBe(c.digest);
    });
  }
});
