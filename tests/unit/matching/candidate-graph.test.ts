import { generateCohort } from '../../../bench/support/matching-cohort';
import { prepareCohort } from '../../../src/domain/matching/cohort';
import { matchingInputSchema } from '../../../src/domain/matching/input';
import { buildCandidateGraph, type CandidateGraph } from '../../../src/matching/candidate-graph';
import { compileCohort, type CompiledCohort } from '../../../src/matching/compiled-cohort';
import { runMatching } from '../../../src/matching/engine';

function cohortOf(perSide: number, seed: number, bothShare = 0) {
  const input = matchingInputSchema.parse(generateCohort({ perSide, seed, bothShare }));
  const c = compileCohort(prepareCohort(input));
  const rows: number[] = [];
  const cols: number[] = [];
  for (let i = 0; i < c.n; i++) {
    if (c.active[i] && c.canBeMentored[i]) rows.push(i);
    if (c.active[i] && c.canMentor[i]) cols.push(i);
  }
  return {
    input,
    c,
    rows: Int32Array.from(rows),
    cols: Int32Array.from(cols),
    capacity: Int32Array.from(cols, (i) => c.capacity[i]!),
  };
}

function build(
  {
    c,
    rows,
    cols,
    capacity,
  }: { c: CompiledCohort; rows: Int32Array; cols: Int32Array; capacity: Int32Array },
  perRow: number,
  threads = 1,
): CandidateGraph {
  return buildCandidateGraph(c, rows, cols, capacity, { perRow, threads, waitForWorker: true });
}

/** The graph's lists as plain data, for comparisons with readable failure output. */
function lists(g: CandidateGraph) {
  return {
    rowStart: [...g.rowStart],
    edgeCol: [...g.edgeCol],
    edgeScore: [...g.edgeScore],
    droppedBest: [...g.droppedBest],
    rowBest: [...g.rowBest],
    scannedPairs: g.scannedPairs,
    scoredPairs: g.scoredPairs,
  };
}

describe('candidate graph', () => {
  it('keeps, per mentee, the best mentors of the full graph (score, then column) and bounds the rest', () => {
    for (const seed of [1, 2, 3]) {
      const cohort = cohortOf(300, seed, 0.1);
      const full = build(cohort, Infinity);
      for (const k of [1, 5, 24]) {
        const sparse = build(cohort, k);
        for (let r = 0; r < cohort.rows.length; r++) {
          const all: [number, number][] = [];
          for (let e = full.rowStart[r]!; e < full.rowStart[r + 1]!; e++)
            all.push([full.edgeCol[e]!, full.edgeScore[e]!]);
          all.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
          // Kept by descending score, then column: the order the solver relies on.
          const expected = all.slice(0, k);
          const kept: [number, number][] = [];
          for (let e = sparse.rowStart[r]!; e < sparse.rowStart[r + 1]!; e++)
            kept.push([sparse.edgeCol[e]!, sparse.edgeScore[e]!]);
          expect(kept, `row ${r}, k ${k}`).toEqual(expected);
          const bestLeftOut = all.length > k ? all[k]![1] : -1;
          expect(sparse.droppedBest[r]!).toBeGreaterThanOrEqual(bestLeftOut);
          expect(sparse.rowBest[r]!).toBeGreaterThanOrEqual(all.length > 0 ? all[0]![1] : -1);
        }
      }
    }
  });

  it('keeps every compatible mentor when a list may hold them all, as the exact mode does', () => {
    const cohort = cohortOf(250, 4, 0.2);
    const full = build(cohort, Infinity);
    const wide = build(cohort, cohort.cols.length);
    expect(lists(wide).edgeCol).toEqual(lists(full).edgeCol);
    expect(lists(wide).edgeScore).toEqual(lists(full).edgeScore);
    expect(lists(wide).rowStart).toEqual(lists(full).rowStart);
  });

  it(
    'gives the same graph when a worker thread scans part of the rows',
    { timeout: 60_000 },
    () => {
      const cohort = cohortOf(1_500, 7, 0.1);
      const serial = build(cohort, 24);
      const threaded = build(cohort, 24, 2);
      // The worker really scanned some of the rows (it takes a chunk before this thread starts).
      expect(threaded.threadChunks).toBeGreaterThan(0);
      expect(serial.threadChunks).toBe(0);
      expect(lists(threaded)).toEqual(lists(serial));
    },
  );

  it('gives the same matching with one or two scanning threads', { timeout: 60_000 }, () => {
    const { input } = cohortOf(700, 9, 0.15);
    const options = { mode: 'sparse', candidatesPerMentee: 8 } as const;
    const one = runMatching(input, { ...options, scanThreads: 1 });
    const two = runMatching(input, { ...options, scanThreads: 2 });
    const strip = (r: typeof one) => ({
      pairs: r.pairs,
      unmatched: r.unmatched,
      totalScore: r.totalScore,
      upperBound: r.upperBound,
      edges: r.stats.edges,
    });
    expect(strip(two)).toEqual(strip(one));
  });
});
