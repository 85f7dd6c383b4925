import { DomainError } from '../domain/errors';
import { prepareCohort, type PreparedCohort } from '../domain/matching/cohort';
import type { MatchingInput } from '../domain/matching/input';
import { evaluatePair } from '../domain/matching/pair-evaluation';
import {
  pairReasons,
  unmatchedReasons,
  type Reason,
  type UnmatchedFacts,
} from '../domain/matching/reasons';
import { displayScore } from '../domain/matching/scoring';
import { dualObjective, solveAssignment, type AssignmentSolution } from './assignment-solver';
import {
  buildCandidateGraph,
  priceRows,
  withExtraEdges,
  type CandidateGraph,
  type RowPricing,
} from './candidate-graph';
import { compileCohort, pairRule, shareArrays, type CompiledCohort } from './compiled-cohort';

export type MatchingOptions = {
  /** 'exact' keeps every compatible pair; 'sparse' keeps the best `candidatesPerMentee`. */
  mode?: 'auto' | 'exact' | 'sparse';
  /** In 'auto', cohorts with at most this many mentee × mentor pairs are solved exactly. */
  exactPairLimit?: number;
  /** Mentors kept per mentee in sparse mode (default 48, or 96 above 20,000 mentees). */
  candidatesPerMentee?: number;
  /** Rounds of "widen the rows whose bound is loose, solve again" in sparse mode. */
  repairRounds?: number;
  /**
   * Sparse mode stops repairing once the gap to the upper bound is at most this (percent). Default
   * 0.25, or 0.75 above 20,000 mentees, where each pricing round costs a scan of the cohort.
   */
  targetGapPct?: number;
  /**
   * Threads scanning for candidates in sparse mode: 1 (default) scans on the calling thread; 2 adds
   * a worker thread taking chunks of rows beside it. The result is the same either way. The worker
   * loads TypeScript again (about 0.4 s of CPU and 90 MB at 50,000 per side, measured) and gains
   * only on an idle core: about half of the scan's 9 s at 50,000 per side.
   */
  scanThreads?: number;
  /** Skip the fr/en texts (the benchmark only needs figures). */
  withReasons?: boolean;
  /** Called after each pricing round of sparse mode (progress for long runs, benchmark lines). */
  onRound?: (info: RoundInfo) => void;
  /** Monotonic milliseconds, for elapsedMs (performance.now by default). */
  now?: () => number;
};

export type RoundInfo = {
  round: number;
  pricedRows: number;
  gapPct: number;
  pairsProven: boolean;
  edges: number;
  elapsedMs: number;
};

export type MatchedPair = {
  mentorId: string;
  menteeId: string;
  score: number;
  pinned: boolean;
  reasons: Reason[];
};

export type UnmatchedPerson = { id: string; reasons: Reason[] };

export type MatchingResult = {
  pairs: MatchedPair[];
  unmatched: UnmatchedPerson[];
  /** Sum of pair scores (0–100 each). */
  totalScore: number;
  /** No assignment with as many pairs scores more than this; equal to totalScore when proven optimal. */
  upperBound: number;
  /** No assignment has more pairs than this. */
  pairsUpperBound: number;
  exact: boolean;
  gapPct: number;
  elapsedMs: number;
  stats: {
    mode: 'exact' | 'sparse';
    mentees: number;
    mentors: number;
    edges: number;
    scoredPairs: number;
    scannedPairs: number;
    repairRounds: number;
    solveMs: number;
    candidatesMs: number;
    /** Validation across records, time zones, typed arrays and indexes. */
    prepareMs: number;
    /** Reasons for every pair and every unmatched person. */
    reasonsMs: number;
    totalScoreHundredths: number;
    upperBoundHundredths: number;
  };
};

const defaults = {
  mode: 'auto' as const,
  exactPairLimit: 25_000_000,
  repairRounds: 2,
  withReasons: true,
};

type Pinned = { mentor: number; mentee: number; score: number };

/** Pair a cohort: most pairs first, then the highest total score; explain every pair and every person left out. */
export function runMatching(input: MatchingInput, options: MatchingOptions = {}): MatchingResult {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const opts = { ...defaults, targetGapPct: 0.25, candidatesPerMentee: 48, ...options };
  const cohort = prepareCohort(input);
  const pinned = checkPins(cohort);
  // The compiled cohort, the graph and the solver's arrays live only in this call: they are dropped
  // before the pairs' reasons are written (the largest allocation of a run), so they do not add to
  // its peak memory.
  const solved = pairCohort(cohort, pinned, opts, options, now, started);
  const { assigned, unmatched } = solved;
  const { pairsUpperBound, scoreBound, totalHundredths } = assigned;

  const explainStart = now();
  const pairs: MatchedPair[] = [];
  const emit = (mentor: number, mentee: number, score: number, isPinned: boolean) => {
    const m = cohort.people[mentor]!;
    const e = cohort.people[mentee]!;
    let reasons: Reason[] = [];
    if (opts.withReasons) {
      const evaluation = evaluatePair(cohort, m, e);
      if (evaluation.score !== score) {
        throw new DomainError('internal', `score mismatch for ${m.id} → ${e.id}`, {
          engine: score,
          domain: evaluation.score,
        });
      }
      reasons = pairReasons(cohort, m, e, evaluation, isPinned);
    }
    pairs.push({
      mentorId: m.id,
      menteeId: e.id,
      score: displayScore(score),
      pinned: isPinned,
      reasons,
    });
  };
  for (const pin of pinned) emit(pin.mentor, pin.mentee, pin.score, true);
  for (let k = 0; k < assigned.mentors.length; k++)
    emit(assigned.mentors[k]!, assigned.mentees[k]!, assigned.scores[k]!, false);
  pairs.sort((a, b) => cmp(a.mentorId, b.mentorId) || cmp(a.menteeId, b.menteeId));

  const finished = now();
  // Proven optimal when the bound meets the result (also in exact mode: a refused mutual pair may cost).
  const exact = scoreBound === totalHundredths;
  return {
    pairs,
    unmatched,
    totalScore: displayScore(totalHundredths),
    upperBound: displayScore(scoreBound),
    pairsUpperBound,
    exact: exact && pairsUpperBound === pairs.length,
    gapPct: gapPct(scoreBound, totalHundredths),
    elapsedMs: finished - started,
    stats: {
      mode: solved.mode,
      mentees: solved.mentees,
      mentors: solved.mentors,
      edges: assigned.edges,
      scoredPairs: assigned.scoredPairs,
      scannedPairs: assigned.scannedPairs,
      repairRounds: assigned.rounds,
      solveMs: assigned.solveMs,
      candidatesMs: assigned.candidatesMs,
      prepareMs: solved.preparedAt - started,
      reasonsMs: finished - explainStart + solved.unmatchedMs,
      totalScoreHundredths: totalHundredths,
      upperBoundHundredths: scoreBound,
    },
  };
}

/** Compile, assign, and explain who is left out (that needs the compiled cohort's lists). */
function pairCohort(
  cohort: PreparedCohort,
  pinned: Pinned[],
  opts: EngineOptions & { mode: 'auto' | 'exact' | 'sparse' },
  /** The caller's options as given: the defaults below depend on the cohort's size. */
  given: MatchingOptions,
  now: () => number,
  started: number,
): {
  assigned: Assigned;
  unmatched: UnmatchedPerson[];
  mode: 'exact' | 'sparse';
  mentees: number;
  mentors: number;
  preparedAt: number;
  unmatchedMs: number;
} {
  const c = compileCohort(cohort);
  const preparedAt = now();

  const remaining = Int32Array.from(c.capacity);
  const pinnedMentee = new Uint8Array(c.n);
  for (const pin of pinned) {
    remaining[pin.mentor]!--;
    pinnedMentee[pin.mentee] = 1;
  }
  const rowList: number[] = [];
  const colList: number[] = [];
  for (let i = 0; i < c.n; i++) {
    if (c.active[i] && c.canBeMentored[i] && !pinnedMentee[i]) rowList.push(i);
    if (c.active[i] && c.canMentor[i] && remaining[i]! > 0) colList.push(i);
  }
  const rowPerson = Int32Array.from(rowList);
  const colPerson = Int32Array.from(colList);
  const capacity = Int32Array.from(colList, (i) => remaining[i]!);
  const mode =
    opts.mode === 'auto'
      ? rowList.length * colList.length <= opts.exactPairLimit
        ? 'exact'
        : 'sparse'
      : opts.mode;
  // Large cohorts compete harder for the same best mentors: a longer list per mentee spares a round
  // of pricing and solving, and each round costs a scan of the cohort.
  if (rowList.length > 20_000) {
    if (given.targetGapPct === undefined) opts.targetGapPct = 0.75;
    if (given.candidatesPerMentee === undefined) opts.candidatesPerMentee = 96;
  }
  const assigned = assign(c, pinned, rowPerson, colPerson, capacity, mode, opts, now, started);

  const unmatchedStart = now();
  const hasPair = new Uint8Array(c.n);
  const load = new Int32Array(c.n);
  const mark = (mentor: number, mentee: number) => {
    hasPair[mentor] = 1;
    hasPair[mentee] = 1;
    load[mentor]!++;
  };
  for (const pin of pinned) mark(pin.mentor, pin.mentee);
  for (let k = 0; k < assigned.mentors.length; k++)
    mark(assigned.mentors[k]!, assigned.mentees[k]!);
  const unmatched: UnmatchedPerson[] = [];
  for (let p = 0; p < c.n; p++) {
    if (hasPair[p]) continue;
    const person = cohort.people[p]!;
    const facts = opts.withReasons && c.active[p] ? gatherFacts(c, p, load) : [];
    unmatched.push({
      id: person.id,
      reasons: opts.withReasons ? unmatchedReasons(cohort, person, facts) : [],
    });
  }
  return {
    assigned,
    unmatched,
    mode,
    mentees: rowList.length,
    mentors: colList.length,
    preparedAt,
    unmatchedMs: now() - unmatchedStart,
  };
}

type Assigned = {
  /** The pairs made by the solver (pins aside), as person indexes, and their scores. */
  mentors: Int32Array;
  mentees: Int32Array;
  scores: Int32Array;
  pairsUpperBound: number;
  scoreBound: number;
  totalHundredths: number;
  edges: number;
  scoredPairs: number;
  scannedPairs: number;
  rounds: number;
  solveMs: number;
  candidatesMs: number;
};

type EngineOptions = Required<
  Pick<
    MatchingOptions,
    'candidatesPerMentee' | 'repairRounds' | 'targetGapPct' | 'exactPairLimit' | 'withReasons'
  >
> &
  MatchingOptions;

/** Candidate graph, solve, pricing rounds and the upper bound: the pairs and what is proven. */
function assign(
  c: CompiledCohort,
  pinned: Pinned[],
  rowPerson: Int32Array,
  colPerson: Int32Array,
  capacity: Int32Array,
  mode: 'exact' | 'sparse',
  opts: EngineOptions,
  now: () => number,
  started: number,
): Assigned {
  const perRow = mode === 'exact' ? Infinity : opts.candidatesPerMentee;
  let candidatesMs = 0;
  let solveMs = 0;
  let rounds = 0;
  let t0 = now();
  const threads = mode === 'sparse' ? (opts.scanThreads ?? 1) : 1;
  if (threads > 1) shareArrays(c);
  let graph = buildCandidateGraph(c, rowPerson, colPerson, capacity, { perRow, threads });
  let t1 = now();
  let { solution, banned } = solveWithoutMutualPairs(graph, pinned, c.n);
  candidatesMs += t1 - t0;
  solveMs += now() - t1;
  let bound = upperBound(graph, solution, banned, new Map());
  while (mode === 'sparse' && bound.loose.length > 0) {
    // Column generation: price the rows whose left-out mentors might be worth more than their dual,
    // which makes the bound exact for them, and add the edges that could improve the assignment.
    // Pricing costs a scan per row: price the rows with the largest cheap raises, enough to bring
    // what the others still add to the bound under half the target gap (unmatched rows always).
    const allowance = (opts.targetGapPct / 100) * solution.totalScore * 0.5;
    const byRaise = bound.loose
      .map((row, k) => [row, bound.looseRaise[k]!] as const)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    let rest = byRaise.reduce((sum, [, raise]) => sum + raise, 0);
    const toPrice: number[] = [];
    for (const [row, raise] of byRaise) {
      if (rest <= allowance && raise < solution.big) break;
      toPrice.push(row);
      rest -= raise;
    }
    toPrice.sort((a, b) => a - b);
    t0 = now();
    const pricing = priceRows(
      c,
      graph,
      toPrice,
      solution.u,
      solution.v,
      solution.big,
      opts.candidatesPerMentee,
    );
    candidatesMs += now() - t0;
    bound = upperBound(graph, solution, banned, new Map(pricing.map((p) => [p.row, p])));
    const pairsProven = Math.floor(bound.total / solution.big) <= solution.pairs;
    const gap = gapPct(bound.total - solution.big * solution.pairs, solution.totalScore);
    const additions = pricing.some((p) => p.addCol.length > 0);
    opts.onRound?.({
      round: rounds,
      pricedRows: pricing.length,
      gapPct: gap,
      pairsProven,
      edges: graph.edgeCol.length,
      elapsedMs: now() - started,
    });
    if (!additions || rounds >= opts.repairRounds || (pairsProven && gap <= opts.targetGapPct))
      break;
    rounds++;
    graph = withExtraEdges(graph, pricing);
    t1 = now();
    ({ solution, banned } = solveWithoutMutualPairs(graph, pinned, c.n));
    solveMs += now() - t1;
    bound = upperBound(graph, solution, banned, new Map());
  }

  const pinnedScore = pinned.reduce((sum, p) => sum + p.score, 0);
  const BIG = solution.big;
  const pairsUpperBound =
    pinned.length + Math.min(graph.rowPerson.length, Math.floor(bound.total / BIG));
  const totalHundredths = solution.totalScore + pinnedScore;
  let scoreBound: number;
  if (pairsUpperBound === pinned.length + solution.pairs) {
    scoreBound = bound.total - BIG * solution.pairs + pinnedScore;
  } else {
    // The pair count is not proven maximal: fall back to every mentee's best compatible score.
    scoreBound = pinnedScore;
    for (let r = 0; r < graph.rowBest.length; r++) scoreBound += Math.max(0, graph.rowBest[r]!);
  }
  scoreBound = Math.max(scoreBound, totalHundredths);

  const made: number[] = [];
  for (let r = 0; r < graph.rowPerson.length; r++) if (solution.rowEdge[r]! >= 0) made.push(r);
  const edgeOf = (k: number) => solution.rowEdge[made[k]!]!;
  return {
    mentors: Int32Array.from(made, (_, k) => graph.colPerson[graph.edgeCol[edgeOf(k)]!]!),
    mentees: Int32Array.from(made, (r) => graph.rowPerson[r]!),
    scores: Int32Array.from(made, (_, k) => graph.edgeScore[edgeOf(k)]!),
    pairsUpperBound,
    scoreBound,
    totalHundredths,
    edges: graph.edgeCol.length,
    scoredPairs: graph.scoredPairs,
    scannedPairs: graph.scannedPairs,
    rounds,
    solveMs,
    candidatesMs,
  };
}

function gapPct(bound: number, value: number): number {
  return bound > 0 ? (100 * (bound - value)) / bound : 0;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Pins must respect every hard rule; a pin that breaks one is an input error naming the pin. */
function checkPins(cohort: PreparedCohort): Pinned[] {
  return cohort.pins.map((pin, k) => {
    const mentor = cohort.byId.get(pin.mentorId)!;
    const mentee = cohort.byId.get(pin.menteeId)!;
    const evaluation = evaluatePair(cohort, mentor, mentee);
    if (evaluation.violations.length > 0) {
      throw new DomainError(
        'validation_failed',
        `pins[${k}] (${mentor.id} → ${mentee.id}): the pair breaks a hard rule: ${evaluation.violations.join(', ')}`,
        { record: k, field: 'pins', violations: evaluation.violations },
      );
    }
    return { mentor: mentor.index, mentee: mentee.index, score: evaluation.score };
  });
}

/**
 * A `both` person may mentor someone and be mentored by someone else in the same run, but two people
 * are never paired twice (A mentors B and B mentors A): ban the weaker direction and solve again.
 */
function solveWithoutMutualPairs(
  graph: CandidateGraph,
  pinned: Pinned[],
  n: number,
): { solution: AssignmentSolution; banned: Uint8Array | null } {
  const rowOfPerson = new Int32Array(n).fill(-1);
  graph.rowPerson.forEach((p, r) => (rowOfPerson[p] = r));
  // Only people who can take both roles can be paired both ways (or pinned the other way round).
  if (!graph.colPerson.some((p) => rowOfPerson[p]! >= 0)) {
    const solution = solveAssignment({
      rows: graph.rowPerson.length,
      cols: graph.colPerson.length,
      capacity: graph.capacity,
      rowStart: graph.rowStart,
      edgeCol: graph.edgeCol,
      edgeScore: graph.edgeScore,
    });
    return { solution, banned: null };
  }
  const banned = new Uint8Array(graph.edgeCol.length);
  const pinnedKey = new Set(pinned.map((p) => p.mentor * n + p.mentee));
  const edgeMentorMentee = (e: number, r: number) =>
    [graph.colPerson[graph.edgeCol[e]!]!, graph.rowPerson[r]!] as const;
  for (let r = 0; r < graph.rowPerson.length; r++) {
    for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++) {
      const [mentor, mentee] = edgeMentorMentee(e, r);
      if (pinnedKey.has(mentee * n + mentor)) banned[e] = 1;
    }
  }
  const problem = {
    rows: graph.rowPerson.length,
    cols: graph.colPerson.length,
    capacity: graph.capacity,
    rowStart: graph.rowStart,
    edgeCol: graph.edgeCol,
    edgeScore: graph.edgeScore,
    edgeBanned: banned,
  };
  const better = (x: AssignmentSolution, y: AssignmentSolution) =>
    x.pairs > y.pairs || (x.pairs === y.pairs && x.totalScore > y.totalScore);
  let solution = solveAssignment(problem);
  for (let round = 0; round < 50; round++) {
    const mutual = mutualPairs(solution);
    if (mutual.length === 0) break;
    if (mutual.length <= 8) {
      // Few of them: settle the first one exactly, by trying both directions.
      const [e1, e2] = mutual[0]!;
      banned[e1] = 1;
      const keepSecond = solveAssignment(problem);
      banned[e1] = 0;
      banned[e2] = 1;
      const keepFirst = solveAssignment(problem);
      if (
        better(keepSecond, keepFirst) ||
        (!better(keepFirst, keepSecond) && graph.edgeScore[e2]! > graph.edgeScore[e1]!)
      ) {
        banned[e2] = 0;
        banned[e1] = 1;
        solution = keepSecond;
      } else solution = keepFirst;
    } else {
      // Many: keep the better direction of each and solve again.
      for (const [e1, e2] of mutual)
        banned[graph.edgeScore[e1]! >= graph.edgeScore[e2]! ? e2 : e1] = 1;
      solution = solveAssignment(problem);
    }
  }
  return { solution, banned };

  /** Edge pairs (mentee's edge, the reverse edge) of people who mentor each other. */
  function mutualPairs(current: AssignmentSolution): [number, number][] {
    const mentorOf = new Int32Array(n).fill(-1);
    const edgeOfMentee = new Int32Array(n).fill(-1);
    for (let r = 0; r < problem.rows; r++) {
      const e = current.rowEdge[r]!;
      if (e < 0) continue;
      const [mentor, mentee] = edgeMentorMentee(e, r);
      mentorOf[mentee] = mentor;
      edgeOfMentee[mentee] = e;
    }
    const out: [number, number][] = [];
    for (let mentee = 0; mentee < n; mentee++) {
      const mentor = mentorOf[mentee]!;
      if (mentor < 0 || mentor > mentee || mentorOf[mentor] !== mentee) continue;
      out.push([edgeOfMentee[mentee]!, edgeOfMentee[mentor]!]);
    }
    return out;
  }
}

/**
 * Upper bound on BIG·pairs + score over *all* compatible pairs, not only the candidate graph. The
 * solver's dual (u, v) is feasible for the graph's edges. For the mentors a row left out, either
 * pricing computed the exact best BIG + score − v, or v ≥ 0 and their scores are at most
 * `droppedBest`, so raising u[row] to BIG + droppedBest covers them. Banned edges are covered the
 * same way. `loose` lists the rows whose cheap raise was needed and that pricing has not settled.
 */
function upperBound(
  graph: CandidateGraph,
  solution: AssignmentSolution,
  banned: Uint8Array | null,
  priced: ReadonlyMap<number, RowPricing>,
): { total: number; loose: number[]; looseRaise: number[] } {
  const problem = {
    rows: graph.rowPerson.length,
    cols: graph.colPerson.length,
    capacity: graph.capacity,
    rowStart: graph.rowStart,
    edgeCol: graph.edgeCol,
    edgeScore: graph.edgeScore,
  };
  let total = dualObjective(problem, solution);
  const loose: number[] = [];
  const looseRaise: number[] = [];
  const BIG = solution.big;
  for (let r = 0; r < problem.rows; r++) {
    const u = solution.u[r]!;
    let need = u;
    const pricing = priced.get(r);
    if (pricing) {
      need = Math.max(need, pricing.bestLeftOut);
      pricing.addCol.forEach((col, k) => {
        need = Math.max(need, BIG + pricing.addScore[k]! - solution.v[col]!);
      });
    } else if (graph.droppedBest[r]! >= 0 && BIG + graph.droppedBest[r]! > u) {
      need = BIG + graph.droppedBest[r]!;
      loose.push(r);
      looseRaise.push(need - u);
    }
    for (let e = graph.rowStart[r]!; banned !== null && e < graph.rowStart[r + 1]!; e++) {
      if (banned[e])
        need = Math.max(need, BIG + graph.edgeScore[e]! - solution.v[graph.edgeCol[e]!]!);
    }
    total += need - u;
  }
  return { total, loose, looseRaise };
}

const compatibleCountLimit = 20;

/** What stood between an unmatched person and each possible partner, per role they could take. */
function gatherFacts(c: CompiledCohort, p: number, load: Int32Array): UnmatchedFacts[] {
  const facts: UnmatchedFacts[] = [];
  const sides: ('mentee' | 'mentor')[] = [];
  if (c.canBeMentored[p]) sides.push('mentee');
  if (c.canMentor[p]) sides.push('mentor');
  for (const side of sides) {
    const ownStart = side === 'mentee' ? c.learnStart : c.teachStart;
    const ownSkill = side === 'mentee' ? c.learnSkill : c.teachSkill;
    const listStart = side === 'mentee' ? c.allTeachersStart : c.allLearnersStart;
    const list = side === 'mentee' ? c.allTeachers : c.allLearners;
    const unservedSkills: string[] = [];
    const blockedBy: UnmatchedFacts['blockedBy'] = {};
    const seen = new Set<number>();
    let compatible = 0;
    let withRoom = 0;
    let capped = false;
    for (let a = ownStart[p]!; a < ownStart[p + 1]!; a++) {
      const skill = ownSkill[a]!;
      let others = 0;
      for (let t = listStart[skill]!; t < listStart[skill + 1]!; t++) {
        const q = list[t]!;
        if (q === p) continue;
        others++;
        if (capped || seen.has(q)) continue;
        seen.add(q);
        const [mentor, mentee] = side === 'mentee' ? [q, p] : [p, q];
        const rule = pairRule(c, mentor, mentee);
        if (rule === null) {
          compatible++;
          if (side === 'mentee' && load[mentor]! < c.capacity[mentor]!) withRoom++;
          // Past a handful of compatible partners the verdict is clear: stop counting (large cohorts).
          if (compatible >= compatibleCountLimit) capped = true;
        } else if (rule !== 'same_person') {
          blockedBy[rule] = (blockedBy[rule] ?? 0) + 1;
        }
      }
      if (others === 0) unservedSkills.push(c.skills[skill]!);
    }
    facts.push({
      side,
      unservedSkills,
      blockedBy: capped ? {} : blockedBy,
      compatible: compatible - withRoom,
      compatibleAtLeast: capped,
      withRoom,
    });
  }
  return facts;
}
