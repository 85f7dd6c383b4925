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
import { rec, type CompiledCohort } from './compiled-cohort';

// Local bindings: calling through an imported binding costs a property read per call in the
// transpiled module, which shows up when it runs hundreds of millions of times.
const valueOf = skillValueNumerator;
const termOf = skillTerm;
const availabilityOf = availabilityTerm;
const languageOf = languageTerm;
const diversityOf = diversityTerm;
const seniorityOf = seniorityTerm;
const combine = scoreOf;
const scale = scoreScale;

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
};

type Scanner = {
  /** Scan one mentee; fills heapCol/heapScore with up to `limit` kept mentors, best keys kept. */
  scan(
    row: number,
    mentee: number,
    limit: number,
    threshold: number,
    price: Float64Array | null,
    inList: Int32Array | null,
  ): { size: number; dropped: number };
  heapCol: () => Int32Array;
  heapScore: () => Int32Array;
  counts: { scored: number; scanned: number };
};

/**
 * The hot loop shared by candidate building and pricing. A candidate's key is its score minus the
 * mentor's price (0 when building); the scan keeps the `limit` best keys above `threshold` and
 * returns the best key it let go (an exact key, or an optimistic one for a candidate skipped
 * because even full marks on availability and reciprocity could not make the cut).
 */
function makeScanner(c: CompiledCohort, colOfPerson: Int32Array): Scanner & { mark: number } {
  const L = c.languages.length;
  const stamp = new Int32Array(c.n).fill(-1);
  const session = c.sessionMinutes;
  const w = c.weights;
  const optimisticRest = w.availability + w.reciprocity;
  const { learnStart, learnSkill, learnLevel, teachStart, teachSkill, teachLevel } = c;
  const { langStart, lang, teachersStart, ivStart, iv } = c;
  const { prevStart, prev, blockStart, block } = c;
  const records = c.teacherRecords;
  const recSeniority = c.teacherSeniority;
  const entryBound = c.teacherBound;
  const S = rec.stride;
  let heapKey = new Float64Array(64);
  let heapScore = new Int32Array(64);
  let heapCol = new Int32Array(64);
  let maxLearn = 0;
  for (let j = 0; j < c.n; j++) maxLearn = Math.max(maxLearn, learnStart[j + 1]! - learnStart[j]!);
  const jSkill = new Int32Array(maxLearn);
  const jLevel = new Int32Array(maxLearn);
  const counts = { scored: 0, scanned: 0 };
  let stampValue = 0;

  const scan = (
    _row: number,
    j: number,
    limit: number,
    threshold: number,
    price: Float64Array | null,
    inList: Int32Array | null,
  ) => {
    const mark = ++stampValue;
    let size = 0;
    let dropped = -Infinity;
    const jTin = c.tin[j]!;
    const jTout = c.tout[j]!;
    const jFirst = lang[langStart[j]!]!;
    const jDept = c.department[j]!;
    const jSen = c.seniority[j]!;
    const jLangFrom = langStart[j]!;
    const jLangTo = langStart[j + 1]!;
    // The mentee's learning list, copied out once (packed skill << 3 sorts like skill).
    let jCount = 0;
    for (let a = learnStart[j]!; a < learnStart[j + 1]!; a++) {
      jSkill[jCount] = learnSkill[a]!;
      jLevel[jCount++] = learnLevel[a]!;
    }
    for (let a = learnStart[j]!; a < learnStart[j + 1]!; a++) {
      const skill = learnSkill[a]!;
      for (let b = jLangFrom; b < jLangTo; b++) {
        const key = skill * L + lang[b]!;
        const tEnd = teachersStart[key + 1]!;
        for (let t = teachersStart[key]!; t < tEnd; t++) {
          // Lists are sorted by this bound: once it cannot make the cut, nothing after it can.
          const entryMax = entryBound[t]!;
          if (entryMax <= threshold || (size >= limit && entryMax < heapKey[0]!)) {
            if (entryMax > dropped) dropped = entryMax;
            break;
          }
          const base = t * S;
          const i = records[base]!;
          if (stamp[i] === mark) continue;
          stamp[i] = mark;
          const col = colOfPerson[i]!;
          if (col < 0 || i === j) continue;
          if (inList !== null && inList[col] === mark) continue;
          counts.scanned++;
          // Same reporting line: one is inside the other's subtree of the org forest.
          const iTin = records[base + 1]!;
          const iTout = records[base + 2]!;
          if ((iTin < jTin && jTout < iTout) || (jTin < iTin && iTout < jTout)) continue;
          if (records[base + 9] !== 0) {
            if (has(prevStart, prev, i, j) || has(blockStart, block, i, j)) continue;
          }
          const offset = price === null ? 0 : price[col]!;

          // Teach term: the mentor's packed skills against the mentee's learning list.
          let best = 0;
          let sum = 0;
          const teachCount = records[base + 10]!;
          if (teachCount <= 4) {
            let x = 0;
            let y = 0;
            while (x < teachCount && y < jCount) {
              const packed = records[base + 11 + x]!;
              const sx = packed >> 3;
              const sy = jSkill[y]!;
              if (sx === sy) {
                const v = valueOf(packed & 7, jLevel[y]!);
                sum += v;
                if (v > best) best = v;
                x++;
                y++;
              } else if (sx < sy) x++;
              else y++;
            }
          } else {
            let x = teachStart[i]!;
            const xe = teachStart[i + 1]!;
            let y = 0;
            while (x < xe && y < jCount) {
              const sx = teachSkill[x]!;
              const sy = jSkill[y]!;
              if (sx === sy) {
                const v = valueOf(teachLevel[x]!, jLevel[y]!);
                sum += v;
                if (v > best) best = v;
                x++;
                y++;
              } else if (sx < sy) x++;
              else y++;
            }
          }
          const teach = termOf(best, sum);
          // First language of one spoken by the other.
          let firstShared = false;
          if (records[base + 8] === 0) {
            firstShared =
              records[base + 4] === jFirst ||
              records[base + 5] === jFirst ||
              records[base + 6] === jFirst ||
              records[base + 7] === jFirst;
          } else {
            for (let k = langStart[i]!; k < langStart[i + 1]!; k++)
              if (lang[k] === jFirst) firstShared = true;
          }
          if (!firstShared) {
            const iFirst = records[base + 4]!;
            for (let k = jLangFrom; k < jLangTo; k++) if (lang[k] === iFirst) firstShared = true;
          }
          const languageValue = languageOf(firstShared);
          const diversity = diversityOf(records[base + 3]!, jDept);
          const senior = seniorityOf(recSeniority[t]!, jSen);
          const cut = size >= limit ? Math.max(threshold, heapKey[0]!) : threshold;
          if (cut > -Infinity) {
            // +1 absorbs floating rounding between this sum and scoreOf's.
            const optimistic =
              1 +
              Math.ceil(
                (w.teach * teach +
                  w.language * languageValue +
                  w.diversity * diversity +
                  w.seniority * senior +
                  optimisticRest) *
                  scale,
              ) -
              offset;
            if (optimistic < cut || optimistic <= threshold) {
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
          let x = teachStart[j]!;
          const xe2 = teachStart[j + 1]!;
          let y = learnStart[i]!;
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
          counts.scored++;
          const score = combine(
            w,
            teach,
            termOf(best, sum),
            availabilityOf(overlap, session),
            languageValue,
            diversity,
            senior,
          );
          const keyValue = score - offset;
          if (keyValue <= threshold) {
            if (keyValue > dropped) dropped = keyValue;
            continue;
          }
          if (size < limit) {
            if (size === heapKey.length) {
              heapKey = growFloat(heapKey);
              heapScore = grow(heapScore);
              heapCol = grow(heapCol);
            }
            let k = size++;
            while (k > 0) {
              const parent = (k - 1) >> 1;
              const pk = heapKey[parent]!;
              if (!(keyValue < pk || (keyValue === pk && col > heapCol[parent]!))) break;
              heapKey[k] = pk;
              heapScore[k] = heapScore[parent]!;
              heapCol[k] = heapCol[parent]!;
              k = parent;
            }
            heapKey[k] = keyValue;
            heapScore[k] = score;
            heapCol[k] = col;
          } else if (heapKey[0]! < keyValue || (heapKey[0] === keyValue && heapCol[0]! > col)) {
            if (heapKey[0]! > dropped) dropped = heapKey[0]!;
            let k = 0;
            for (;;) {
              let child = 2 * k + 1;
              if (child >= size) break;
              if (
                child + 1 < size &&
                (heapKey[child + 1]! < heapKey[child]! ||
                  (heapKey[child + 1] === heapKey[child] && heapCol[child + 1]! > heapCol[child]!))
              ) {
                child++;
              }
              const wk = heapKey[child]!;
              if (!(wk < keyValue || (wk === keyValue && heapCol[child]! > col))) break;
              heapKey[k] = wk;
              heapScore[k] = heapScore[child]!;
              heapCol[k] = heapCol[child]!;
              k = child;
            }
            heapKey[k] = keyValue;
            heapScore[k] = score;
            heapCol[k] = col;
          } else if (keyValue > dropped) dropped = keyValue;
        }
      }
    }
    return { size, dropped };
  };
  return {
    scan,
    heapCol: () => heapCol,
    heapScore: () => heapScore,
    counts,
    // The stamp doubles as the "in this row's list" marker for pricing.
    get mark() {
      return stampValue + 1;
    },
  };
}

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
  const scanner = makeScanner(c, colOfPerson);
  const rowStart = new Int32Array(R + 1);
  // Sized for the usual case (a full list per row) so large cohorts do not pay for doubling.
  const perRowGuess = Number.isFinite(options.perRow)
    ? Math.min(options.perRow, colPerson.length)
    : 16;
  let edgeCol = new Int32Array(Math.max(16, R * Math.min(perRowGuess, colPerson.length)));
  let edgeScore = new Int32Array(edgeCol.length);
  let edges = 0;
  const droppedBest = new Int32Array(R).fill(-1);
  const rowBest = new Int32Array(R).fill(-1);
  let keys = new Float64Array(64);

  for (let r = 0; r < R; r++) {
    const { size, dropped } = scanner.scan(r, rowPerson[r]!, options.perRow, -Infinity, null, null);
    const heapCol = scanner.heapCol();
    const heapScore = scanner.heapScore();
    droppedBest[r] = dropped === -Infinity ? -1 : dropped;
    if (edges + size > edgeCol.length) {
      edgeCol = grow(edgeCol, Math.max(edgeCol.length * 2, edges + size));
      edgeScore = grow(edgeScore, edgeCol.length);
    }
    // Store the row's edges by column order (deterministic, cache friendly): columns are unique and
    // scores below 2^14, so one numeric sort of col·2^14 + score carries both.
    if (keys.length < size) keys = new Float64Array(Math.max(size, keys.length * 2));
    for (let k = 0; k < size; k++) keys[k] = heapCol[k]! * 16384 + heapScore[k]!;
    const sorted = keys.subarray(0, size).sort();
    let best = droppedBest[r]!;
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
    scoredPairs: scanner.counts.scored,
    scannedPairs: scanner.counts.scanned,
  };
}

function has(start: Int32Array, items: Int32Array, i: number, value: number): boolean {
  for (let k = start[i]!; k < start[i + 1]!; k++) if (items[k] === value) return true;
  return false;
}

function growFloat(a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}

function grow(a: Int32Array<ArrayBuffer>, size = a.length * 2): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** Edges to add to one row, and what its left-out mentors could still be worth. */
export type RowPricing = {
  row: number;
  addCol: number[];
  addScore: number[];
  /** max over left-out compatible mentors of (BIG + score − v[col]), or -Infinity. */
  bestLeftOut: number;
};

/**
 * Pricing step of column generation: for each given row, find the compatible mentors outside its
 * list whose edge has a positive reduced gain (BIG + score − v[col] − u[row]) against the current
 * dual, keep the `add` best of them, and report the best value among the rest so the upper bound
 * stays exact for every pair of the full graph.
 */
export function priceRows(
  c: CompiledCohort,
  graph: CandidateGraph,
  rows: readonly number[],
  u: Float64Array,
  v: Float64Array,
  big: number,
  add: number,
): RowPricing[] {
  const colOfPerson = new Int32Array(c.n).fill(-1);
  graph.colPerson.forEach((p, k) => (colOfPerson[p] = k));
  const scanner = makeScanner(c, colOfPerson);
  const inList = new Int32Array(graph.colPerson.length).fill(-1);
  const out: RowPricing[] = [];
  for (const r of rows) {
    const mark = scanner.mark;
    for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++)
      inList[graph.edgeCol[e]!] = mark;
    const { size, dropped } = scanner.scan(r, graph.rowPerson[r]!, add, u[r]! - big, v, inList);
    const heapCol = scanner.heapCol();
    const heapScore = scanner.heapScore();
    const order = Array.from({ length: size }, (_, k) => k).sort(
      (x, y) => heapCol[x]! - heapCol[y]!,
    );
    out.push({
      row: r,
      addCol: order.map((k) => heapCol[k]!),
      addScore: order.map((k) => heapScore[k]!),
      bestLeftOut: dropped === -Infinity ? -Infinity : big + dropped,
    });
  }
  return out;
}

/** The graph with extra edges appended to some rows (rows stay sorted by column). */
export function withExtraEdges(
  graph: CandidateGraph,
  pricing: readonly RowPricing[],
): CandidateGraph {
  const extra = new Map(pricing.filter((p) => p.addCol.length > 0).map((p) => [p.row, p]));
  const R = graph.rowPerson.length;
  let added = 0;
  for (const p of extra.values()) added += p.addCol.length;
  const rowStart = new Int32Array(R + 1);
  const edgeCol = new Int32Array(graph.edgeCol.length + added);
  const edgeScore = new Int32Array(edgeCol.length);
  let edges = 0;
  for (let r = 0; r < R; r++) {
    const from = graph.rowStart[r]!;
    const to = graph.rowStart[r + 1]!;
    const more = extra.get(r);
    if (!more) {
      edgeCol.set(graph.edgeCol.subarray(from, to), edges);
      edgeScore.set(graph.edgeScore.subarray(from, to), edges);
      edges += to - from;
    } else {
      const list: [number, number][] = [];
      for (let e = from; e < to; e++) list.push([graph.edgeCol[e]!, graph.edgeScore[e]!]);
      more.addCol.forEach((col, k) => list.push([col, more.addScore[k]!]));
      list.sort((x, y) => x[0] - y[0]);
      for (const [col, score] of list) {
        edgeCol[edges] = col;
        edgeScore[edges++] = score;
      }
    }
    rowStart[r + 1] = edges;
  }
  return { ...graph, rowStart, edgeCol, edgeScore };
}
