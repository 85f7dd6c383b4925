import munkres from 'munkres';
import { seededRandom } from '../../../bench/support/matching-prng';
import {
  bigFor,
  dualObjective,
  solveAssignment,
  type AssignmentProblem,
} from '../../../src/matching/assignment-solver';

function randomProblem(seed: number, maxRows = 6, maxCols = 4, density = 0.5): AssignmentProblem {
  const random = seededRandom(seed);
  const rows = 1 + Math.floor(random() * maxRows);
  const cols = 1 + Math.floor(random() * maxCols);
  const capacity = Int32Array.from({ length: cols }, () => 1 + Math.floor(random() * 3));
  const rowStart = [0];
  const edgeCol: number[] = [];
  const edgeScore: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (random() < density) {
        edgeCol.push(c);
        edgeScore.push(Math.floor(random() * 10_000));
      }
    }
    rowStart.push(edgeCol.length);
  }
  return {
    rows,
    cols,
    capacity,
    rowStart: Int32Array.from(rowStart),
    edgeCol: Int32Array.from(edgeCol),
    edgeScore: Int32Array.from(edgeScore),
  };
}

/** The same problem with each row's edges by descending score (the candidate graph's order). */
function bySortedRows(p: AssignmentProblem): AssignmentProblem {
  const edgeCol = new Int32Array(p.edgeCol.length);
  const edgeScore = new Int32Array(p.edgeCol.length);
  for (let r = 0; r < p.rows; r++) {
    const edges: number[] = [];
    for (let e = p.rowStart[r]!; e < p.rowStart[r + 1]!; e++) edges.push(e);
    edges.sort((x, y) => p.edgeScore[y]! - p.edgeScore[x]! || p.edgeCol[x]! - p.edgeCol[y]!);
    edges.forEach((e, k) => {
      edgeCol[p.rowStart[r]! + k] = p.edgeCol[e]!;
      edgeScore[p.rowStart[r]! + k] = p.edgeScore[e]!;
    });
  }
  return { ...p, edgeCol, edgeScore };
}

/** Lexicographic optimum (pairs, score) by trying every assignment. */
function bruteForce(p: AssignmentProblem): [number, number] {
  let best: [number, number] = [0, 0];
  const load = new Int32Array(p.cols);
  const visit = (r: number, pairs: number, score: number) => {
    if (r === p.rows) {
      if (pairs > best[0] || (pairs === best[0] && score > best[1])) best = [pairs, score];
      return;
    }
    visit(r + 1, pairs, score);
    for (let e = p.rowStart[r]!; e < p.rowStart[r + 1]!; e++) {
      const c = p.edgeCol[e]!;
      if (load[c]! < p.capacity[c]!) {
        load[c]!++;
        visit(r + 1, pairs + 1, score + p.edgeScore[e]!);
        load[c]!--;
      }
    }
  };
  visit(0, 0, 0);
  return best;
}

describe('assignment solver', () => {
  it('finds the lexicographic optimum (most pairs, then score) of 500 random instances, as brute force does', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const problem = randomProblem(seed);
      const solution = solveAssignment(problem);
      expect([solution.pairs, solution.totalScore], `seed ${seed}`).toEqual(bruteForce(problem));
    }
  });

  it('finds the same optimum and an optimal dual when rows list their edges by descending score (searches cut rows short)', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const problem = bySortedRows(randomProblem(seed, 7, 4, 0.7));
      const solution = solveAssignment(problem);
      expect([solution.pairs, solution.totalScore], `seed ${seed}`).toEqual(bruteForce(problem));
      expect(dualObjective(problem, solution)).toBe(
        solution.big * solution.pairs + solution.totalScore,
      );
      for (let r = 0; r < problem.rows; r++)
        for (let e = problem.rowStart[r]!; e < problem.rowStart[r + 1]!; e++)
          expect(solution.u[r]! + solution.v[problem.edgeCol[e]!]!).toBeGreaterThanOrEqual(
            solution.big + problem.edgeScore[e]!,
          );
    }
    // Larger, saturated instances (few columns, low capacity) make long augmenting paths.
    for (let seed = 1; seed <= 40; seed++) {
      const problem = randomProblem(seed * 31, 60, 12, 0.4);
      const sorted = bySortedRows(problem);
      const a = solveAssignment(problem);
      const b = solveAssignment(sorted);
      expect([b.pairs, b.totalScore], `seed ${seed}`).toEqual([a.pairs, a.totalScore]);
      expect(dualObjective(sorted, b)).toBe(b.big * b.pairs + b.totalScore);
    }
  });

  it('never exceeds a capacity and gives each row at most one edge of its own', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const problem = randomProblem(seed, 12, 5, 0.6);
      const solution = solveAssignment(problem);
      const load = new Int32Array(problem.cols);
      solution.rowEdge.forEach((e, r) => {
        if (e < 0) return;
        expect(e).toBeGreaterThanOrEqual(problem.rowStart[r]!);
        expect(e).toBeLessThan(problem.rowStart[r + 1]!);
        load[problem.edgeCol[e]!]!++;
      });
      load.forEach((l, c) => expect(l).toBeLessThanOrEqual(problem.capacity[c]!));
    }
  });

  it('prefers one more pair to any gain in score', () => {
    // Row 0 likes column 0 a lot; row 1 can only use column 0. Best score alone would leave row 1 out.
    const problem: AssignmentProblem = {
      rows: 2,
      cols: 2,
      capacity: Int32Array.from([1, 1]),
      rowStart: Int32Array.from([0, 2, 3]),
      edgeCol: Int32Array.from([0, 1, 0]),
      edgeScore: Int32Array.from([10_000, 0, 1]),
    };
    const solution = solveAssignment(problem);
    expect(solution.pairs).toBe(2);
    expect(solution.totalScore).toBe(1);
  });

  it('returns an optimal dual: feasible on every edge and equal to the optimum', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const problem = randomProblem(seed, 10, 5);
      const solution = solveAssignment(problem);
      for (let r = 0; r < problem.rows; r++) {
        for (let e = problem.rowStart[r]!; e < problem.rowStart[r + 1]!; e++) {
          expect(solution.u[r]! + solution.v[problem.edgeCol[e]!]!).toBeGreaterThanOrEqual(
            solution.big + problem.edgeScore[e]!,
          );
        }
      }
      expect(dualObjective(problem, solution)).toBe(
        solution.big * solution.pairs + solution.totalScore,
      );
    }
  });

  it('agrees with munkres on square instances with the objective encoded as BIG + score', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const random = seededRandom(1000 + seed);
      const n = 2 + Math.floor(random() * 7);
      const problem = randomProblem(1000 + seed, n, n, 0.4);
      const rows = problem.rows;
      const cols = problem.cols;
      const slots: number[] = [];
      for (let c = 0; c < cols; c++) for (let k = 0; k < problem.capacity[c]!; k++) slots.push(c);
      const big = bigFor(rows);
      const profit = Array.from({ length: rows }, () => new Array<number>(slots.length).fill(0));
      for (let r = 0; r < rows; r++) {
        for (let e = problem.rowStart[r]!; e < problem.rowStart[r + 1]!; e++) {
          slots.forEach((c, s) => {
            if (c === problem.edgeCol[e]) profit[r]![s] = big + problem.edgeScore[e]!;
          });
        }
      }
      const max = big + 10_000;
      const pairs = munkres(profit.map((row) => row.map((v) => max - v)));
      const munkresTotal = pairs.reduce((sum, [r, s]) => sum + profit[r]![s]!, 0);
      const solution = solveAssignment(problem);
      expect(solution.big * solution.pairs + solution.totalScore, `seed ${seed}`).toBe(
        munkresTotal,
      );
    }
  });

  it('gives the same assignment for the same problem', () => {
    const problem = randomProblem(7, 40, 20, 0.3);
    expect(solveAssignment(problem).rowEdge).toEqual(solveAssignment(problem).rowEdge);
  });

  it('skips banned edges', () => {
    const problem: AssignmentProblem = {
      rows: 1,
      cols: 2,
      capacity: Int32Array.from([1, 1]),
      rowStart: Int32Array.from([0, 2]),
      edgeCol: Int32Array.from([0, 1]),
      edgeScore: Int32Array.from([9_000, 100]),
      edgeBanned: Uint8Array.from([1, 0]),
    };
    const solution = solveAssignment(problem);
    expect(solution.rowEdge[0]).toBe(1);
  });
});
