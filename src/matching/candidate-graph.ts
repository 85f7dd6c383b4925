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
import { Worker } from 'node:worker_threads';
import { rec, type CompiledCohort } from './compiled-cohort';
import { startSourceThread } from './source-thread';

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
  /** Scores are 0–10 000 hundredths: 16 bits each. */
  edgeScore: Uint16Array;
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
  /** Chunks of rows scanned by the worker thread (0 when scanned on the calling thread only). */
  threadChunks: number;
};

export type CandidateOptions = {
  /** Mentors kept per mentee; Infinity keeps every compatible mentor (exact graph). */
  perRow: number;
  /**
   * Threads scanning the rows (1 = this thread only). Above 1, a worker thread takes chunks of rows
   * beside this one (finite `perRow` only); the graph is the same whichever thread scans a row.
   */
  threads?: number;
  /**
   * With threads: this thread waits until the worker has taken a chunk before taking any (tests: the
   * worker then surely scans part of a small cohort). Off by default: no thread ever waits for the
   * worker to start.
   */
  waitForWorker?: boolean;
};

/** The parts of the compiled cohort the scan reads: numbers and typed arrays a worker can share. */
export type ScanCohort = Pick<
  CompiledCohort,
  | 'n'
  | 'languages'
  | 'weights'
  | 'sessionMinutes'
  | 'learnStart'
  | 'learnSkill'
  | 'learnLevel'
  | 'teachStart'
  | 'teachSkill'
  | 'teachLevel'
  | 'langStart'
  | 'lang'
  | 'teachersStart'
  | 'ivStart'
  | 'iv'
  | 'hourMask'
  | 'prevStart'
  | 'prev'
  | 'blockStart'
  | 'block'
  | 'teacherRecords'
  | 'teacherSeniority'
  | 'teacherMask'
  | 'teacherIvStart'
  | 'teacherIv'
  | 'teacherBound'
  | 'tin'
  | 'tout'
  | 'department'
  | 'seniority'
>;

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
function makeScanner(c: ScanCohort, colOfPerson: Int32Array): Scanner & { mark: number } {
  const L = c.languages.length;
  const stamp = new Int32Array(c.n).fill(-1);
  const session = c.sessionMinutes;
  const w = c.weights;
  const optimisticRest = w.availability + w.reciprocity;
  const { learnStart, learnSkill, learnLevel, teachStart, teachSkill, teachLevel } = c;
  const { langStart, lang, teachersStart, ivStart, iv, hourMask } = c;
  const { prevStart, prev, blockStart, block } = c;
  const records = c.teacherRecords;
  const recSeniority = c.teacherSeniority;
  const teacherMask = c.teacherMask;
  const { teacherIvStart, teacherIv } = c;
  const entryBound = c.teacherBound;
  const S = rec.stride;
  let heapKey = new Float64Array(64);
  let heapScore = new Int32Array(64);
  let heapCol = new Int32Array(64);
  let maxLearn = 0;
  for (let j = 0; j < c.n; j++) maxLearn = Math.max(maxLearn, learnStart[j + 1]! - learnStart[j]!);
  const jSkill = new Int32Array(maxLearn);
  let maxIv = 0;
  for (let j = 0; j < c.n; j++) maxIv = Math.max(maxIv, ivStart[j + 1]! - ivStart[j]!);
  const jIv = new Int32Array(maxIv);
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
    const jm = j * 6;
    const jMask0 = hourMask[jm]!;
    const jMask1 = hourMask[jm + 1]!;
    const jMask2 = hourMask[jm + 2]!;
    const jMask3 = hourMask[jm + 3]!;
    const jMask4 = hourMask[jm + 4]!;
    const jMask5 = hourMask[jm + 5]!;
    // The mentee's intervals and learning list, copied out once.
    let jIvCount = 0;
    for (let k = ivStart[j]!; k < ivStart[j + 1]!; k++) jIv[jIvCount++] = iv[k]!;
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
          // No hour of the week in common: no overlap, the pair is not compatible (most pairs).
          const tm = t * 6;
          if (
            ((teacherMask[tm]! & jMask0) |
              (teacherMask[tm + 1]! & jMask1) |
              (teacherMask[tm + 2]! & jMask2) |
              (teacherMask[tm + 3]! & jMask3) |
              (teacherMask[tm + 4]! & jMask4) |
              (teacherMask[tm + 5]! & jMask5)) ===
            0
          )
            continue;
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

          // Weekly overlap of the two interval lists (the mentor's copied beside the list entry).
          let p = teacherIvStart[t]!;
          const pe = teacherIvStart[t + 1]!;
          let q = 0;
          let overlap = 0;
          while (p < pe && q < jIvCount) {
            const ps = teacherIv[p]!;
            const pEnd = teacherIv[p + 1]!;
            const qs = jIv[q]!;
            const qEnd = jIv[q + 1]!;
            const e = pEnd < qEnd ? pEnd : qEnd;
            const s = ps > qs ? ps : qs;
            if (e > s) overlap += e - s;
            if (pEnd < qEnd) p += 2;
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
  if (colPerson.length > colSpan) throw new RangeError(`more than ${colSpan} mentors`);
  if (!Number.isFinite(options.perRow))
    return buildFullGraph(c, rowPerson, colPerson, capacity, options.perRow);
  const R = rowPerson.length;
  const stride = Math.max(1, Math.min(options.perRow, colPerson.length));
  const threads = Math.max(1, Math.floor(options.threads ?? 1));
  const chunks = Math.ceil(R / scanChunkRows);
  const shared = threads > 1 && chunks > 1;
  const alloc = (length: number) =>
    shared ? new Int32Array(new SharedArrayBuffer(4 * length)) : new Int32Array(length);
  const alloc16 = (length: number) =>
    shared ? new Uint16Array(new SharedArrayBuffer(2 * length)) : new Uint16Array(length);
  // Each row owns `stride` slots, so rows can be scanned in any order, by any thread; the slots are
  // then packed in row order, in place.
  const slots: RowSlots = {
    col: alloc(R * stride),
    score: alloc16(R * stride),
    count: alloc(R),
    dropped: alloc(R),
    chunkScanned: shared
      ? new Float64Array(new SharedArrayBuffer(8 * chunks))
      : new Float64Array(chunks),
    chunkScored: shared
      ? new Float64Array(new SharedArrayBuffer(8 * chunks))
      : new Float64Array(chunks),
  };
  const job: ScanJob = {
    cohort: pickScanCohort(c),
    rowPerson,
    colPerson,
    stride,
    chunks,
    slots,
    control: alloc(controlSize),
    chunkState: alloc(chunks),
  };
  const packInPlace = shared
    ? scanWithThread(job, options.waitForWorker ?? false)
    : (scanChunks(job, byCaller), true);

  const rowStart = new Int32Array(R + 1);
  const droppedBest = new Int32Array(R);
  const rowBest = new Int32Array(R);
  let edgeCol = slots.col;
  let edgeScore = slots.score;
  if (!packInPlace) {
    // A worker that stopped answering may still write its (identical) rows into the slots: pack into
    // arrays of our own rather than over slots it could write.
    let total = 0;
    for (let r = 0; r < R; r++) total += slots.count[r]!;
    edgeCol = new Int32Array(total);
    edgeScore = new Uint16Array(total);
  }
  let edges = 0;
  for (let r = 0; r < R; r++) {
    const size = slots.count[r]!;
    const from = r * stride;
    if (edgeCol === slots.col) {
      edgeCol.copyWithin(edges, from, from + size);
      edgeScore.copyWithin(edges, from, from + size);
    } else {
      edgeCol.set(slots.col.subarray(from, from + size), edges);
      edgeScore.set(slots.score.subarray(from, from + size), edges);
    }
    let best = slots.dropped[r]!;
    for (let e = edges; e < edges + size; e++) if (edgeScore[e]! > best) best = edgeScore[e]!;
    droppedBest[r] = slots.dropped[r]!;
    rowBest[r] = best;
    edges += size;
    rowStart[r + 1] = edges;
  }
  let scannedPairs = 0;
  let scoredPairs = 0;
  let threadChunks = 0;
  for (let k = 0; k < chunks; k++) {
    scannedPairs += slots.chunkScanned[k]!;
    scoredPairs += slots.chunkScored[k]!;
    if (job.chunkState[k] === byWorker) threadChunks++;
  }
  return {
    rowPerson,
    colPerson,
    capacity,
    rowStart,
    edgeCol: edgeCol.subarray(0, edges),
    edgeScore: edgeScore.subarray(0, edges),
    droppedBest,
    rowBest,
    scoredPairs,
    scannedPairs,
    threadChunks,
  };
}

/**
 * Write a row's kept edges by descending score, then ascending column (deterministic; the solver
 * cuts its scan of a row short on this order). Scores are below 2^14 and columns below 2^22, so
 * one numeric sort of (2^14 − 1 − score)·2^22 + column carries both.
 */
function sortEdges(
  heapCol: Int32Array,
  heapScore: Int32Array,
  size: number,
  keys: Float64Array,
  outCol: Int32Array,
  outScore: Uint16Array,
  at: number,
): void {
  for (let k = 0; k < size; k++) keys[k] = (16383 - heapScore[k]!) * colSpan + heapCol[k]!;
  const sorted = keys.subarray(0, size).sort();
  for (let k = 0; k < size; k++) {
    const key = sorted[k]!;
    const col = key % colSpan;
    outCol[at + k] = col;
    outScore[at + k] = 16383 - (key - col) / colSpan;
  }
}
const colSpan = 4_194_304;

/** Rows per unit of work handed out to the scanning threads. */
const scanChunkRows = 128;

/** Per-row results of the scan: `stride` slots per row, by descending score then column. */
export type RowSlots = {
  col: Int32Array;
  score: Uint16Array;
  count: Int32Array;
  /** Upper bound on the score of every compatible mentor left out of the row (-1: none). */
  dropped: Int32Array;
  chunkScanned: Float64Array;
  chunkScored: Float64Array;
};

/** Everything a scanning thread needs; typed arrays on SharedArrayBuffers when threads share it. */
export type ScanJob = {
  cohort: ScanCohort;
  rowPerson: Int32Array;
  colPerson: Int32Array;
  stride: number;
  chunks: number;
  slots: RowSlots;
  /** [next chunk to hand out, worker failed, worker has taken a chunk]. */
  control: Int32Array;
  /** Per chunk: 0 not finished, else finished by the calling thread (1) or the worker (2). */
  chunkState: Int32Array;
};
const controlSize = 3;
const nextChunk = 0;
const workerFailed = 1;
const workerTook = 2;
const byCaller = 1;
const byWorker = 2;

function pickScanCohort(c: CompiledCohort): ScanCohort {
  return {
    n: c.n,
    languages: c.languages,
    weights: c.weights,
    sessionMinutes: c.sessionMinutes,
    learnStart: c.learnStart,
    learnSkill: c.learnSkill,
    learnLevel: c.learnLevel,
    teachStart: c.teachStart,
    teachSkill: c.teachSkill,
    teachLevel: c.teachLevel,
    langStart: c.langStart,
    lang: c.lang,
    teachersStart: c.teachersStart,
    ivStart: c.ivStart,
    iv: c.iv,
    hourMask: c.hourMask,
    prevStart: c.prevStart,
    prev: c.prev,
    blockStart: c.blockStart,
    block: c.block,
    teacherRecords: c.teacherRecords,
    teacherSeniority: c.teacherSeniority,
    teacherMask: c.teacherMask,
    teacherIvStart: c.teacherIvStart,
    teacherIv: c.teacherIv,
    teacherBound: c.teacherBound,
    tin: c.tin,
    tout: c.tout,
    department: c.department,
    seniority: c.seniority,
  };
}

type ChunkScanner = (chunk: number) => void;

/** A scanner that fills the slots of one chunk of rows; each slot is written once, final value. */
function chunkScanner(job: ScanJob): ChunkScanner {
  const { cohort, rowPerson, colPerson, stride, slots } = job;
  const colOfPerson = new Int32Array(cohort.n).fill(-1);
  colPerson.forEach((p, k) => (colOfPerson[p] = k));
  const scanner = makeScanner(cohort, colOfPerson);
  let keys = new Float64Array(64);
  return (chunk) => {
    const scanned0 = scanner.counts.scanned;
    const scored0 = scanner.counts.scored;
    const to = Math.min(rowPerson.length, (chunk + 1) * scanChunkRows);
    for (let r = chunk * scanChunkRows; r < to; r++) {
      const { size, dropped } = scanner.scan(r, rowPerson[r]!, stride, -Infinity, null, null);
      const heapCol = scanner.heapCol();
      const heapScore = scanner.heapScore();
      if (keys.length < size) keys = new Float64Array(Math.max(size, keys.length * 2));
      sortEdges(heapCol, heapScore, size, keys, slots.col, slots.score, r * stride);
      slots.count[r] = size;
      slots.dropped[r] = dropped === -Infinity ? -1 : dropped;
    }
    slots.chunkScanned[chunk] = scanner.counts.scanned - scanned0;
    slots.chunkScored[chunk] = scanner.counts.scored - scored0;
  };
}

/**
 * Take chunks from the shared counter until none is left (this thread, or the worker thread: see
 * scan-thread.ts). Marks each finished chunk and wakes a thread waiting for it.
 */
export function scanChunks(job: ScanJob, by: typeof byCaller | typeof byWorker): void {
  const scan = chunkScanner(job);
  for (;;) {
    const chunk = Atomics.add(job.control, nextChunk, 1);
    if (chunk >= job.chunks) break;
    if (by === byWorker && Atomics.load(job.control, workerTook) === 0) {
      Atomics.store(job.control, workerTook, 1);
      Atomics.notify(job.control, workerTook);
    }
    scan(chunk);
    Atomics.store(job.chunkState, chunk, by);
    Atomics.notify(job.chunkState, chunk);
  }
}

/** The body of the worker thread (scan-thread.ts). */
export function scanChunksInWorker(job: ScanJob): void {
  try {
    scanChunks(job, byWorker);
  } catch {
    reportScanFailure(job);
  }
}

/** Called when the worker fails: the other thread scans what the worker had taken. */
function reportScanFailure(job: ScanJob): void {
  Atomics.store(job.control, workerFailed, 1);
  Atomics.notify(job.control, workerTook);
  for (let k = 0; k < job.chunks; k++) Atomics.notify(job.chunkState, k);
}

/** A worker that finishes no chunk for this long is taken to have stopped. */
const workerStallMs = 30_000;

/**
 * Scan with a worker thread beside this one. The caller blocks until every chunk is done (the
 * engine is synchronous), but never on the worker's start: if the worker is slow to start, this
 * thread simply takes every chunk. Returns false when chunks had to be taken back from a worker
 * that failed or stalled (its late writes are the same values, but the slots must not be reused).
 */
function scanWithThread(job: ScanJob, waitForWorker: boolean): boolean {
  const worker = startScanThread(job);
  if (!worker) {
    scanChunks(job, byCaller);
    return true;
  }
  let takenBack = false;
  const scan = chunkScanner(job);
  try {
    if (waitForWorker && Atomics.load(job.control, workerFailed) === 0)
      Atomics.wait(job.control, workerTook, 0, workerStallMs);
    scanChunks(job, byCaller);
    for (let k = 0; k < job.chunks; k++) {
      while (Atomics.load(job.chunkState, k) === 0) {
        const failed = Atomics.load(job.control, workerFailed) !== 0;
        if (failed || Atomics.wait(job.chunkState, k, 0, workerStallMs) === 'timed-out') {
          if (Atomics.load(job.chunkState, k) !== 0) break;
          takenBack = true;
          scan(k);
          Atomics.store(job.chunkState, k, byCaller);
        }
      }
    }
  } finally {
    void worker.terminate();
  }
  return !takenBack;
}

function startScanThread(job: ScanJob): Worker | null {
  try {
    // The compiled server has the thread as its own entry beside main.js; from the TypeScript
    // sources it needs the TypeScript loader (source-thread.ts).
    const worker =
      process.env.MENTORING_BUILD === 'compiled'
        ? new Worker(new URL('./scan-thread.js', import.meta.url), { workerData: job })
        : startSourceThread(new URL('./scan-thread.ts', import.meta.url), { workerData: job });
    worker.unref();
    // An error before the worker took any chunk costs nothing: this thread scans them all.
    worker.on('error', () => reportScanFailure(job));
    return worker;
  } catch {
    return null;
  }
}

/** Every compatible mentor of every row (exact mode): lists grow as needed. */
function buildFullGraph(
  c: CompiledCohort,
  rowPerson: Int32Array,
  colPerson: Int32Array,
  capacity: Int32Array,
  perRow: number,
): CandidateGraph {
  const R = rowPerson.length;
  const colOfPerson = new Int32Array(c.n).fill(-1);
  colPerson.forEach((p, k) => (colOfPerson[p] = k));
  const scanner = makeScanner(c, colOfPerson);
  const rowStart = new Int32Array(R + 1);
  let edgeCol = new Int32Array(Math.max(16, R * Math.min(16, colPerson.length)));
  let edgeScore = new Uint16Array(edgeCol.length);
  let edges = 0;
  const droppedBest = new Int32Array(R).fill(-1);
  const rowBest = new Int32Array(R).fill(-1);
  let keys = new Float64Array(64);

  for (let r = 0; r < R; r++) {
    const { size, dropped } = scanner.scan(r, rowPerson[r]!, perRow, -Infinity, null, null);
    const heapCol = scanner.heapCol();
    const heapScore = scanner.heapScore();
    droppedBest[r] = dropped === -Infinity ? -1 : dropped;
    if (edges + size > edgeCol.length) {
      edgeCol = grow(edgeCol, Math.max(edgeCol.length * 2, edges + size));
      edgeScore = grow16(edgeScore, edgeCol.length);
    }
    if (keys.length < size) keys = new Float64Array(Math.max(size, keys.length * 2));
    sortEdges(heapCol, heapScore, size, keys, edgeCol, edgeScore, edges);
    rowBest[r] = size > 0 ? Math.max(droppedBest[r]!, edgeScore[edges]!) : droppedBest[r]!;
    edges += size;
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
    threadChunks: 0,
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

function grow16(a: Uint16Array<ArrayBuffer>, size: number): Uint16Array<ArrayBuffer> {
  const b = new Uint16Array(size);
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
      (x, y) => heapScore[y]! - heapScore[x]! || heapCol[x]! - heapCol[y]!,
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

/** The graph with extra edges added to some rows (rows stay by descending score, then column). */
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
  const edgeScore = new Uint16Array(edgeCol.length);
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
      list.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
      for (const [col, score] of list) {
        edgeCol[edges] = col;
        edgeScore[edges++] = score;
      }
    }
    rowStart[r + 1] = edges;
  }
  return { ...graph, rowStart, edgeCol, edgeScore };
}
