import {
  intervalsOf,
  pairKey,
  sameReportingLine,
  type PreparedCohort,
  type PreparedPerson,
} from './cohort';
import {
  availabilityTerm,
  diversityTerm,
  languageTerm,
  scoreOf,
  seniorityTerm,
  skillTerm,
  skillValueNumerator,
  type ScoreTerms,
} from './scoring';
import { overlapIntervals, overlapMinutes } from './week-time';

/** Why a (mentor, mentee) pair is not allowed, in the order they are checked. */
export const violationCodes = [
  'same_person',
  'cannot_mentor',
  'cannot_be_mentored',
  'inactive',
  'no_common_skill',
  'no_common_language',
  'no_overlap',
  'same_reporting_line',
  'previous_partners',
  'blocked',
] as const;
export type ViolationCode = (typeof violationCodes)[number];

/** One skill the first person offers and the other wants, with both levels. */
export type SkillMatch = {
  skill: string;
  teachLevel: number;
  learnLevel: number;
  numerator: number;
};

export type PairDetail = {
  teachMatches: SkillMatch[];
  reciprocalMatches: SkillMatch[];
  overlapMinutes: number;
  overlap: number[];
  commonLanguages: string[];
  sharesFirstLanguage: boolean;
};

export type PairEvaluation = {
  violations: ViolationCode[];
  score: number;
  terms: ScoreTerms;
  detail: PairDetail;
};

/** The skills `teacher` teaches and `learner` learns (both lists ascend by skill id: a merge). */
function skillMatches(
  cohort: PreparedCohort,
  teacher: PreparedPerson,
  learner: PreparedPerson,
): SkillMatch[] {
  const { teaches, learns } = cohort;
  const out: SkillMatch[] = [];
  let t = teaches.start[teacher.index]!;
  const tEnd = teaches.start[teacher.index + 1]!;
  let l = learns.start[learner.index]!;
  const lEnd = learns.start[learner.index + 1]!;
  while (t < tEnd && l < lEnd) {
    const ts = teaches.skill[t]!;
    const ls = learns.skill[l]!;
    if (ts < ls) t++;
    else if (ls < ts) l++;
    else {
      const teachLevel = teaches.level[t++]!;
      const learnLevel = learns.level[l++]!;
      out.push({
        skill: cohort.skills[ts]!,
        teachLevel,
        learnLevel,
        numerator: skillValueNumerator(teachLevel, learnLevel),
      });
    }
  }
  // Best first; ties by skill name so explanations are stable.
  return out.sort((a, b) => b.numerator - a.numerator || (a.skill < b.skill ? -1 : 1));
}

function termFromMatches(matches: SkillMatch[]): number {
  if (matches.length === 0) return 0;
  const sum = matches.reduce((s, m) => s + m.numerator, 0);
  return skillTerm(matches[0]!.numerator, sum);
}

/** Every rule a (mentor, mentee) pair breaks, its score and what the score is made of. */
export function evaluatePair(
  cohort: PreparedCohort,
  mentor: PreparedPerson,
  mentee: PreparedPerson,
): PairEvaluation {
  const violations: ViolationCode[] = [];
  const teachMatches = skillMatches(cohort, mentor, mentee);
  const reciprocalMatches = skillMatches(cohort, mentee, mentor);
  const commonLanguages = mentor.languages.filter((l) => mentee.languages.includes(l));
  const sharesFirstLanguage =
    mentor.languages.includes(mentee.languages[0]!) ||
    mentee.languages.includes(mentor.languages[0]!);
  const mentorIntervals = intervalsOf(cohort, mentor);
  const menteeIntervals = intervalsOf(cohort, mentee);
  const overlap = overlapIntervals(mentorIntervals, menteeIntervals);
  const minutes = overlapMinutes(mentorIntervals, menteeIntervals);

  if (mentor.index === mentee.index) violations.push('same_person');
  if (!mentor.canMentor) violations.push('cannot_mentor');
  if (!mentee.canBeMentored) violations.push('cannot_be_mentored');
  if (!mentor.active || !mentee.active) violations.push('inactive');
  if (teachMatches.length === 0) violations.push('no_common_skill');
  if (commonLanguages.length === 0) violations.push('no_common_language');
  if (minutes < cohort.sessionMinutes) violations.push('no_overlap');
  if (sameReportingLine(cohort, mentor.index, mentee.index)) violations.push('same_reporting_line');
  if (mentor.previous.has(mentee.id) || mentee.previous.has(mentor.id)) {
    violations.push('previous_partners');
  }
  if (cohort.blocked.has(pairKey(mentor.id, mentee.id))) violations.push('blocked');

  const terms: ScoreTerms = {
    teach: termFromMatches(teachMatches),
    reciprocity: termFromMatches(reciprocalMatches),
    availability: availabilityTerm(minutes, cohort.sessionMinutes),
    language: languageTerm(sharesFirstLanguage),
    diversity: diversityTerm(mentor.departmentId, mentee.departmentId),
    seniority: seniorityTerm(mentor.seniority, mentee.seniority),
  };
  const w = cohort.weights;
  const score = scoreOf(
    w,
    terms.teach,
    terms.reciprocity,
    terms.availability,
    terms.language,
    terms.diversity,
    terms.seniority,
  );
  return {
    violations,
    score,
    terms,
    detail: {
      teachMatches,
      reciprocalMatches,
      overlapMinutes: minutes,
      overlap,
      commonLanguages,
      sharesFirstLanguage,
    },
  };
}
