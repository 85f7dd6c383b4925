import {
  availabilityTerm,
  diversityTerm,
  languageTerm,
  scoreOf,
  scoreScale,
  seniorityTerm,
  skillTerm,
  skillValueNumerator,
} from '../domain/matching/scoring';
import type { CompiledCohort } from './compiled-cohort';

// Local bindings: calling through an imported binding costs a property read per call in the
// transpiled module, which shows up when it runs hundreds of millions of times.
const valueOf = skillValueNumerator;
const termOf = skillTerm;
const availabilityOf = availabilityTerm;
const languageOf = languageTerm;
const diversityOf = diversityTerm;
const seniorityOf = seniorityTerm;
const combine = scoreOf;

/**
 * The sparse graph the solver works on: for each mentee (row) the best compatible mentors
 * (columns), found through inverted lists by (skill, language) so that the scan only touches
 * pairs that share a skill and a language, never all n² pairs.
 */
export type CandidateGraph = {
  /** Person index of each row (mentee) and column (mentor). */
  rowPerson: Int32Array;
  colPerson: Int32Array;
  capacity: Int32Array;
  rowStart: Int32Array;
  edgeCol: Int32Array;
  edgeScore: Int32Array;
  /**
   * For each row, an upper bound on the score of every compatible mentor left out of its list
   * (-1 when none was left out): the exact score of a dropped candidate, or the optimistic score
   * of one skipped because even full marks on availability and reciprocity could not make the list.
   */
  droppedBest: Int32Array;
  /** Best known compatible score of the row (-1 when none), or an upper bound of it. */
  rowBest: Int32Array;
  /** Pairs whose full score was computed, and pairs looked at (sharing a skill and a language). */
  scoredPairs: number;
  scannedPairs: number;
};

export type CandidateOptions = {
  /** Mentors kept per mentee; Infinity keeps every compatible mentor (exact graph). */
  perRow: number;
  /** Per-row limits that replace perRow (rows widened by repair). */
  perRowOverride?: ReadonlyMap<number, number>;
  /** Rebuild only these rows and copy the others from `previous`. */
  onlyRows?: ReadonlySet<number>;
  previous?: CandidateGraph;
};

/** Build the candidate graph for the given rows and columns (person indexes, ascending). */
export function buildCandidateGraph(
  c: CompiledCohort,
  rowPerson: Int32Array,
  colPerson: Int32Array,
  capacity: Int32Array,
  options: CandidateOptions,
): CandidateGraph {
  const R = rowPerson.length;
  const colOfPerson = new Int32Array(c.n).fill(-1);
  colPerson.forEach((p, k) => (colOfPerson[p] = k));
  const L = c.languages.length;
  const stamp = new Int32Array(c.n).fill(-1);
  const session = c.sessionMinutes;
  const w = c.weights;
  // Full marks on the two terms that cost the most to compute, for skipping hopeless candidates.
  const optimisticRest = w.availability + w.reciprocity;
  const { learnStart, learnSkill, learnLevel, teachStart, teachSkill, teachLevel } = c;
  const { langStart, lang, teachersStart, teachers, ivStart, iv, tin, tout } = c;
  const { prevStart, prev, blockStart, block, department, seniority } = c;
  const previous = options.onlyRows ? options.previous : undefined;

  const rowStart = new Int32Array(R + 1);
  let edgeCol = new Int32Array(Math.max(16, R * Math.min(16, colPerson.length)));
  let edgeScore = new Int32Array(edgeCol.length);
  let edges = 0;
  const droppedBest = new Int32Array(R).fill(-1);
  const rowBest = new Int32Array(R).fill(-1);
  let heapScore = new Int32Array(64);
  let heapCol = new Int32Array(64);
  let keys = new Float64Array(64);
  let scoredPairs = 0;
  let scannedPairs = 0;

  for (let r = 0; r < R; r++) {
    if (previous && !options.onlyRows!.has(r)) {
      const from = previous.rowStart[r]!;
      const to = previous.rowStart[r + 1]!;
      if (edges + to - from > edgeCol.length) {
        edgeCol = grow(edgeCol, Math.max(edgeCol.length * 2, edges + to - from));
        edgeScore = grow(edgeScore, edgeCol.length);
      }
      edgeCol.set(previous.edgeCol.subarray(from, to), edges);
      edgeScore.set(previous.edgeScore.subarray(from, to), edges);
      edges += to - from;
      rowStart[r + 1] = edges;
      droppedBest[r] = previous.droppedBest[r]!;
      rowBest[r] = previous.rowBest[r]!;
      continue;
    }
    const j = rowPerson[r]!;
    const limit = options.perRowOverride?.get(r) ?? options.perRow;
    let size = 0;
    let dropped = -1;
    const jTin = tin[j]!;
    const jTout = tout[j]!;
    const jFirst = lang[langStart[j]!]!;
    const jDept = department[j]!;
    const jSen = seniority[j]!;
    for (let a = learnStart[j]!; a < learnStart[j + 1]!; a++) {
      const skill = learnSkill[a]!;
      for (let b = langStart[j]!; b < langStart[j + 1]!; b++) {
        const key = skill * L + lang[b]!;
        for (let t = teachersStart[key]!; t < teachersStart[key + 1]!; t++) {
          const i = teachers[t]!;
          if (stamp[i] === r) continue;
          stamp[i] = r;
          const col = colOfPerson[i]!;
          if (col < 0 || i === j) continue;
          scannedPairs++;
          // Same reporting line: one is inside the other's subtree of the org forest.
          const iTin = tin[i]!;
          const iTout = tout[i]!;
          if ((iTin < jTin && jTout < iTout) || (jTin < iTin && iTout < jTout)) continue;
          if (prevStart[i + 1]! > prevStart[i]! && has(prevStart, prev, i, j)) continue;
          if (blockStart[i + 1]! > blockStart[i]! && has(blockStart, block, i, j)) continue;

          // Teach term (both skill lists are sorted by skill id).
          let x = teachStart[i]!;
          const xe = teachStart[i + 1]!;
          let y = learnStart[j]!;
          const ye = learnStart[j + 1]!;
          let best = 0;
          let sum = 0;
          while (x < xe && y < ye) {
            const sx = teachSkill[x]!;
            const sy = learnSkill[y]!;
            if (sx === sy) {
              const v = valueOf(teachLevel[x]!, learnLevel[y]!);
              sum += v;
              if (v > best) best = v;
              x++;
              y++;
            } else if (sx < sy) x++;
            else y++;
          }
          const teach = termOf(best, sum);
          let firstShared = false;
          for (let k = langStart[i]!; k < langStart[i + 1]!; k++)
            if (lang[k] === jFirst) firstShared = true;
          if (!firstShared) {
            const iFirst = lang[langStart[i]!]!;
            for (let k = langStart[j]!; k < langStart[j + 1]!; k++)
              if (lang[k] === iFirst) firstShared = true;
          }
          const languageTermValue = languageOf(firstShared);
          const diversity = diversityOf(department[i]!, jDept);
          const senior = seniorityOf(seniority[i]!, jSen);
          if (size >= limit) {
            // Skip when even full marks on availability and reciprocity cannot beat the list's worst.
            // +1 absorbs floating rounding between this sum and scoreOf's.
            const optimistic =
              1 +
              Math.ceil(
                (w.teach * teach +
                  w.language * languageTermValue +
                  w.diversity * diversity +
                  w.seniority * senior +
                  optimisticRest) *
                  scoreScale,
              );
            if (optimistic < heapScore[0]!) {
              if (optimistic > dropped) dropped = optimistic;
              continue;
            }
          }

          // Weekly overlap of the two interval lists.
          let p = ivStart[i]!;
          const pe = ivStart[i + 1]!;
          let q = ivStart[j]!;
          const qe = ivStart[j + 1]!;
          let overlap = 0;
          while (p < pe && q < qe) {
            const s = iv[p]! > iv[q]! ? iv[p]! : iv[q]!;
            const e = iv[p + 1]! < iv[q + 1]! ? iv[p + 1]! : iv[q + 1]!;
            if (e > s) overlap += e - s;
            if (iv[p + 1]! < iv[q + 1]!) p += 2;
            else q += 2;
          }
          if (overlap < session) continue;

          // Reciprocity: what the mentee teaches against what the mentor wants to learn.
          x = teachStart[j]!;
          const xe2 = teachStart[j + 1]!;
          y = learnStart[i]!;
          const ye2 = learnStart[i + 1]!;
          best = 0;
          sum = 0;
          while (x < xe2 && y < ye2) {
            const sx = teachSkill[x]!;
            const sy = learnSkill[y]!;
            if (sx === sy) {
              const v = valueOf(teachLevel[x]!, learnLevel[y]!);
              sum += v;
              if (v > best) best = v;
              x++;
              y++;
            } else if (sx < sy) x++;
            else y++;
          }
          scoredPairs++;
          const score = combine(
            w,
            teach,
            termOf(best, sum),
            availabilityOf(overlap, session),
            languageTermValue,
            diversity,
            senior,
          );
          if (size < limit) {
            if (size === heapScore.length) {
              heapScore = grow(heapScore);
              heapCol = grow(heapCol);
            }
            let k = size++;
            while (k > 0) {
              const parent = (k - 1) >> 1;
              const ps = heapScore[parent]!;
              if (!(score < ps || (score === ps && col > heapCol[parent]!))) break;
              heapScore[k] = ps;
              heapCol[k] = heapCol[parent]!;
              k = parent;
            }
            heapScore[k] = score;
            heapCol[k] = col;
          } else if (heapScore[0]! < score || (heapScore[0] === score && heapCol[0]! > col)) {
            if (heapScore[0]! > dropped) dropped = heapScore[0]!;
            let k = 0;
            for (;;) {
              let child = 2 * k + 1;
              if (child >= size) break;
              const cs = heapScore[child + 1]!;
              if (
                child + 1 < size &&
                (cs < heapScore[child]! ||
                  (cs === heapScore[child] && heapCol[child + 1]! > heapCol[child]!))
              ) {
                child++;
              }
              const ws = heapScore[child]!;
              if (!(ws < score || (ws === score && heapCol[child]! > col))) break;
              heapScore[k] = ws;
              heapCol[k] = heapCol[child]!;
              k = child;
            }
            heapScore[k] = score;
            heapCol[k] = col;
          } else if (score > dropped) dropped = score;
        }
      }
    }
    droppedBest[r] = dropped;
    if (edges + size > edgeCol.length) {
      edgeCol = grow(edgeCol, Math.max(edgeCol.length * 2, edges + size));
      edgeScore = grow(edgeScore, edgeCol.length);
    }
    // Store the row's edges by column order (deterministic, cache friendly): columns are unique and
    // scores below 2^14, so one numeric sort of col·2^14 + score carries both.
    if (keys.length < size) keys = new Float64Array(Math.max(size, keys.length * 2));
    for (let k = 0; k < size; k++) keys[k] = heapCol[k]! * 16384 + heapScore[k]!;
    const sorted = keys.subarray(0, size).sort();
    let best = dropped;
    for (let k = 0; k < size; k++) {
      const key = sorted[k]!;
      const score = key % 16384;
      edgeCol[edges] = (key - score) / 16384;
      edgeScore[edges] = score;
      if (score > best) best = score;
      edges++;
    }
    rowBest[r] = best;
    rowStart[r + 1] = edges;
  }
  return {
    rowPerson,
    colPerson,
    capacity,
    rowStart,
    edgeCol: edgeCol.slice(0, edges),
    edgeScore: edgeScore.slice(0, edges),
    droppedBest,
    rowBest,
    scoredPairs,
    scannedPairs,
  };
}

function has(start: Int32Array, items: Int32Array, i: number, value: number): boolean {
  for (let k = start[i]!; k < start[i + 1]!; k++) if (items[k] === value) return true;
  return false;
}

function grow(a: Int32Array<ArrayBuffer>, size = a.length * 2): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
