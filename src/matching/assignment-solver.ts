/**
 * Exact maximum-weight bipartite b-matching with a lexicographic objective: first the most pairs,
 * then the highest total score.
 *
 * Mentees are rows (one mentor each at most), mentors are columns with a capacity (1–3). Each edge
 * weighs BIG + score, BIG being larger than any total score, so one more pair always beats any
 * score. Modelled as a min-cost flow (row → column → sink, plus a zero-cost "stays unmatched" arc
 * from each row to the sink) and solved by successive shortest paths: rows enter one by one and
 * each augments along a shortest path found by Dijkstra on reduced costs (node potentials keep
 * them non-negative), stopping as soon as the sink is reached. This is the Hungarian method on the
 * sparse graph, in typed arrays, with no recursion.
 *
 * The final potentials give an optimal LP dual (u per row, v per column) with
 * Σu + Σ capacity·v = the optimum: the engine extends it into an upper bound for edges the sparse
 * graph left out.
 */
export type AssignmentProblem = {
  rows: number;
  cols: number;
  capacity: Uint8Array | Int32Array;
  rowStart: Int32Array;
  edgeCol: Int32Array;
  /** Integer scores, 0–10 000. */
  edgeScore: Int32Array | Uint16Array;
  /** Edges the caller excludes (1 = skip), e.g. a reversed pair of two `both` people. */
  edgeBanned?: Uint8Array;
};

export type AssignmentSolution = {
  /** Edge index assigned to each row, or -1. */
  rowEdge: Int32Array;
  pairs: number;
  totalScore: number;
  big: number;
  /** LP dual in max-weight form: u[row] + v[col] ≥ BIG + score on every edge, u, v ≥ 0. */
  u: Float64Array;
  v: Float64Array;
};

/** A constant larger than any sum of scores (scores are at most 10 000 hundredths). */
export function bigFor(rows: number): number {
  return 10_000 * (rows + 1) + 1;
}

/** Solve exactly; ties are broken by row and column order, so the result is deterministic. */
export function solveAssignment(problem: AssignmentProblem): AssignmentSolution {
  const { rows: R, cols: C, capacity, rowStart, edgeCol, edgeScore } = problem;
  const banned = problem.edgeBanned;
  const BIG = bigFor(R);
  const T = R + C;
  const N = T + 1;
  const p = new Float64Array(N);
  const dist = new Float64Array(N).fill(Infinity);
  const done = new Uint8Array(N);
  const pred = new Int32Array(N).fill(-1);
  const predEdge = new Int32Array(C).fill(-1);
  const rowEdge = new Int32Array(R).fill(-1);
  const colLoad = new Int32Array(C);
  const maxCap = 3;
  const colRows = new Int32Array(C * maxCap).fill(-1);
  // Beside each row on a column, the score of its edge: the reverse arc reads it without a detour.
  const colRowScore = new Int32Array(C * maxCap);
  for (let i = 0; i < C; i++) {
    if (capacity[i]! > maxCap) throw new RangeError(`capacity above ${maxCap} at column ${i}`);
  }
  // Indexed binary heap keyed by dist; the keys sit beside the nodes so a comparison reads the heap
  // array, not dist[] at two random places.
  const heap = new Int32Array(N);
  const heapKey = new Float64Array(N);
  const pos = new Int32Array(N).fill(-1);
  let heapSize = 0;
  const touched = new Int32Array(N);
  let touchedCount = 0;
  const path = new Int32Array(N);

  // The sink first among equal distances: a search stops as soon as some shortest path reaches it,
  // instead of settling the whole plateau of equally distant nodes (large in saturated graphs).
  const before = (a: number, b: number) => a === T || (b !== T && a < b);
  const siftUp = (k: number, x: number, key: number) => {
    while (k > 0) {
      const parent = (k - 1) >> 1;
      const parentKey = heapKey[parent]!;
      if (key > parentKey || (key === parentKey && !before(x, heap[parent]!))) break;
      const y = heap[parent]!;
      heap[k] = y;
      heapKey[k] = parentKey;
      pos[y] = k;
      k = parent;
    }
    heap[k] = x;
    heapKey[k] = key;
    pos[x] = k;
  };
  const siftDown = (x: number, key: number) => {
    let k = 0;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= heapSize) break;
      let childKey = heapKey[child]!;
      if (child + 1 < heapSize) {
        const otherKey = heapKey[child + 1]!;
        if (
          otherKey < childKey ||
          (otherKey === childKey && before(heap[child + 1]!, heap[child]!))
        ) {
          child++;
          childKey = otherKey;
        }
      }
      if (childKey > key || (childKey === key && !before(heap[child]!, x))) break;
      const y = heap[child]!;
      heap[k] = y;
      heapKey[k] = childKey;
      pos[y] = k;
      k = child;
    }
    heap[k] = x;
    heapKey[k] = key;
    pos[x] = k;
  };
  const relax = (node: number, d: number, from: number): boolean => {
    // Reduced costs are non-negative, so d ≥ the distance of every settled node: `d >= dist` also
    // turns settled nodes away without reading `done`.
    const old = dist[node]!;
    if (d >= old) return false;
    // Cannot happen with exact potentials; if it did, the search must still end.
    if (done[node]) return false;
    if (old === Infinity) touched[touchedCount++] = node;
    dist[node] = d;
    pred[node] = from;
    const at = pos[node]!;
    if (at < 0) siftUp(heapSize++, node, d);
    else siftUp(at, node, d);
    return true;
  };
  const pop = (): number => {
    const top = heap[0]!;
    pos[top] = -1;
    heapSize--;
    if (heapSize > 0) siftDown(heap[heapSize]!, heapKey[heapSize]!);
    return top;
  };
  const removeFromCol = (col: number, row: number) => {
    const base = col * maxCap;
    for (let t = 0; t < colLoad[col]!; t++) {
      if (colRows[base + t] === row) {
        const last = base + colLoad[col]! - 1;
        colRows[base + t] = colRows[last]!;
        colRowScore[base + t] = colRowScore[last]!;
        colRows[last] = -1;
        colLoad[col]!--;
        return;
      }
    }
  };

  // Rows whose edges come by descending score (as the candidate graph stores them) let a search cut
  // a row's scan short; any order stays correct.
  let descending = true;
  for (let r = 0; r < R && descending; r++)
    for (let e = rowStart[r]! + 1; e < rowStart[r + 1]!; e++)
      if (edgeScore[e]! > edgeScore[e - 1]!) {
        descending = false;
        break;
      }

  for (let j = 0; j < R; j++) {
    // A row enters with the potential that makes all its arcs' reduced costs non-negative.
    let pj = p[T]!;
    for (let e = rowStart[j]!; e < rowStart[j + 1]!; e++) {
      if (banned && banned[e]) continue;
      const w = BIG + edgeScore[e]! + p[R + edgeCol[e]!]!;
      if (w > pj) pj = w;
    }
    p[j] = pj;
    if (rowStart[j + 1] === rowStart[j]) continue;

    touchedCount = 0;
    heapSize = 0;
    dist[j] = 0;
    touched[touchedCount++] = j;
    pred[j] = -1;
    heap[heapSize] = j;
    heapKey[heapSize] = 0;
    pos[j] = heapSize++;
    let reachedT = false;
    while (heapSize > 0) {
      const x = pop();
      done[x] = 1;
      const dx = dist[x]!;
      if (x === T) {
        reachedT = true;
        break;
      }
      if (x < R) {
        const px = p[x]!;
        const own = rowEdge[x]!;
        // Staying unmatched: the start row (not assigned yet) or a row currently on a column.
        if (x === j || own >= 0) relax(T, dx + (px - p[T]!), x);
        // Column potentials never exceed the sink's, so an edge costs at least px − BIG − score − p[T]:
        // an edge whose score is at most `floor` cannot lead anywhere before the sink's current
        // distance. Rows sorted by descending score stop at the first such edge.
        let floor = dx + px - BIG - p[T]! - dist[T]!;
        for (let e = rowStart[x]!; e < rowStart[x + 1]!; e++) {
          const score = edgeScore[e]!;
          if (score <= floor) {
            if (descending) break;
            continue;
          }
          if (e === own || (banned && banned[e])) continue;
          const col = R + edgeCol[e]!;
          const d = dx + (px - p[col]! - BIG - score);
          if (relax(col, d, x)) {
            predEdge[col - R] = e;
            // A column with room reaches the sink at once: its distance bounds the search early.
            const c = col - R;
            if (colLoad[c]! < capacity[c]! && relax(T, d + (p[col]! - p[T]!), col))
              floor = dx + px - BIG - p[T]! - dist[T]!;
          }
        }
      } else {
        const c = x - R;
        const px = p[x]!;
        if (colLoad[c]! < capacity[c]!) relax(T, dx + (px - p[T]!), x);
        const base = c * maxCap;
        for (let t = 0; t < colLoad[c]!; t++) {
          const k = colRows[base + t]!;
          relax(k, dx + (BIG + colRowScore[base + t]! + px - p[k]!), x);
        }
      }
    }
    if (!reachedT)
      throw new Error('assignment: sink unreachable (cannot happen: every row may stay unmatched)');

    // Augment: walk back from the sink and collect the path j → c → k → c → … → T.
    let len = 0;
    for (let x = T; x !== -1; x = pred[x]!) path[len++] = x;
    // path[len-1] = j, path[0] = T. Free every moved row first so no column overflows, then assign.
    for (let k = len - 1; k >= 1; k--) {
      const a = path[k]!;
      if (a < R && rowEdge[a]! >= 0) {
        removeFromCol(edgeCol[rowEdge[a]!]!, a);
        rowEdge[a] = -1;
      }
    }
    for (let k = len - 1; k >= 1; k--) {
      const a = path[k]!;
      const b = path[k - 1]!;
      if (a < R && b < T) {
        const col = b - R;
        rowEdge[a] = predEdge[col]!;
        colRows[col * maxCap + colLoad[col]!] = a;
        colRowScore[col * maxCap + colLoad[col]!] = edgeScore[rowEdge[a]!]!;
        colLoad[col]!++;
      }
    }

    const dT = dist[T]!;
    for (let t = 0; t < touchedCount; t++) {
      const x = touched[t]!;
      if (done[x]) p[x] = p[x]! + dist[x]! - dT;
      dist[x] = Infinity;
      done[x] = 0;
      pos[x] = -1;
    }
  }

  let pairs = 0;
  let totalScore = 0;
  for (let j = 0; j < R; j++) {
    if (rowEdge[j]! >= 0) {
      pairs++;
      totalScore += edgeScore[rowEdge[j]!]!;
    }
  }
  const u = new Float64Array(R);
  const v = new Float64Array(C);
  for (let j = 0; j < R; j++) u[j] = Math.max(0, p[j]! - p[T]!);
  for (let i = 0; i < C; i++) v[i] = Math.max(0, p[T]! - p[R + i]!);
  return { rowEdge, pairs, totalScore, big: BIG, u, v };
}

/** Σu + Σ capacity·v: the LP bound on BIG·pairs + score for the edges given. */
export function dualObjective(problem: AssignmentProblem, solution: AssignmentSolution): number {
  let total = 0;
  for (let j = 0; j < problem.rows; j++) total += solution.u[j]!;
  for (let i = 0; i < problem.cols; i++) total += problem.capacity[i]! * solution.v[i]!;
  return total;
}
