import type { ScoreWeights } from './input';

/**
 * Pair scoring, shared by the readable domain code and the engine's typed-array hot path: both call
 * these functions with the same numbers, so a score is the same integer wherever it is computed.
 *
 * A score is an integer number of hundredths in 0–10 000 (shown as 0–100.00). Integers keep totals
 * exact at any cohort size and make ties, hence the output, deterministic.
 */
export const scoreScale = 10_000;

/** Numerator over 45 of how well a teacher at level `teach` (1–5) serves a learner at `learn`. */
export function skillValueNumerator(teach: number, learn: number): number {
  // (teach/5) × ((teach − learn + 5)/9): an expert for a beginner is 45/45; the same level still
  // helps a little, a weaker teacher hardly at all.
  return teach * (teach - learn + 5);
}
export const skillValueDenominator = 45;

/** Skill term from the best matching skill plus 15 % of the others (exact in integers). */
export function skillTerm(bestNumerator: number, sumNumerators: number): number {
  if (bestNumerator <= 0) return 0;
  return Math.min(
    1,
    (bestNumerator + 0.15 * (sumNumerators - bestNumerator)) / skillValueDenominator,
  );
}

/** More weekly overlap than one session gives room to reschedule; three sessions' worth is full. */
export function availabilityTerm(overlap: number, sessionMinutes: number): number {
  return Math.min(1, overlap / (3 * sessionMinutes));
}

/** 1 when one's first language is spoken by the other, 0.5 for another common language. */
export function languageTerm(sharesFirstLanguage: boolean): number {
  return sharesFirstLanguage ? 1 : 0.5;
}

/** Department diversity: different departments 1, same 0, unknown 0.5. */
export function diversityTerm(mentorDepartment: number, menteeDepartment: number): number {
  if (mentorDepartment < 0 || menteeDepartment < 0) return 0.5;
  return mentorDepartment === menteeDepartment ? 0 : 1;
}

/** Reverse mentoring puts a junior before a senior: 15 more years for the mentee is full marks. */
export function seniorityTerm(mentorYears: number, menteeYears: number): number {
  if (Number.isNaN(mentorYears) || Number.isNaN(menteeYears)) return 0.5;
  return Math.min(1, Math.max(0, (menteeYears - mentorYears) / 15));
}

export type ScoreTerms = {
  teach: number;
  reciprocity: number;
  availability: number;
  language: number;
  diversity: number;
  seniority: number;
};

/** Integer score (hundredths, 0–10 000) from the six terms and normalised weights. */
export function scoreOf(
  w: ScoreWeights,
  teach: number,
  reciprocity: number,
  availability: number,
  language: number,
  diversity: number,
  seniority: number,
): number {
  const value =
    w.teach * teach +
    w.reciprocity * reciprocity +
    w.availability * availability +
    w.language * language +
    w.diversity * diversity +
    w.seniority * seniority;
  return Math.round(value * scoreScale);
}

/** A score in hundredths as the 0–100 number shown to people. */
export function displayScore(score: number): number {
  return score / 100;
}
