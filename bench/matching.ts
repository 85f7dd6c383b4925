/**
 * Matching benchmark: `npm run bench:matching [-- --size N]`.
 *
 * Generates synthetic cohorts (bench/support/matching-cohort.ts) at 200, 2k, 10k and 50k per side
 * and runs the engine on each in its own child process, so the peak RSS of one size is not the
 * leftover of another. Prints readable lines per size, then one JSON line:
 * { "sizes": [{ "n", "ms", "cpuMs", "rssMb", "paired", "gapPct", "munkresMs"? }] }.
 *
 * `cpuMs` is the process's CPU time (process.cpuUsage: every thread of the process, so a scanning
 * worker thread counts too); on a shared machine, compare it with `ms`, the wall time (the load
 * average is printed beside them). `--threads 2` runs the candidate scan on two threads
 * (`scanThreads`), the default is one.
 *
 * The gap is measured against the exact optimum up to 5k per side (the engine's exact mode on the
 * full compatibility graph), and against the engine's proven upper bound above that. At 2k the same
 * problem (mentors expanded into capacity slots, BIG + score per compatible pair, 0 otherwise) is
 * also solved by munkres 2.0.4, timed, and checked against the engine's optimum.
 */
import { spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import munkres from 'munkres';
import { prepareCohort } from '../src/domain/matching/cohort';
import { matchingInputSchema, type MatchingInput } from '../src/domain/matching/input';
import { bigFor, solveAssignment } from '../src/matching/assignment-solver';
import { buildCandidateGraph } from '../src/matching/candidate-graph';
import { compileCohort } from '../src/matching/compiled-cohort';
import { runMatching, type MatchingResult } from '../src/matching/engine';
import { generateCohort } from './support/matching-cohort';

type SizeResult = {
  n: number;
  ms: number;
  cpuMs: number;
  rssMb: number;
  paired: number;
  totalScore: number;
  upperBound: number;
  gapPct: number;
  gapTo: 'exact' | 'upperBound';
  solveMs: number;
  validateMs: number;
  phases: string;
  mode: string;
  exactMs?: number;
  sparseGapToExactPct?: number;
  munkresMs?: number;
  munkresCpuMs?: number;
  solverOnMatrixMs?: number;
  solverOnMatrixCpuMs?: number;
  munkresAgrees?: boolean;
  rounds: string[];
};

const defaultSizes = [200, 2_000, 10_000, 50_000];
const exactUpTo = 5_000;

function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function timed<T>(fn: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

/** munkres on the same problem: rows = mentees, columns = mentor capacity slots. */
function munkresOn(input: MatchingInput): {
  ms: number;
  cpuMs: number;
  pairs: number;
  score: number;
  oursMs: number;
  oursCpuMs: number;
  same: boolean;
} {
  const c = compileCohort(prepareCohort(input));
  const rows: number[] = [];
  const cols: number[] = [];
  for (let i = 0; i < c.n; i++) {
    if (c.active[i] && c.canBeMentored[i]) rows.push(i);
    if (c.active[i] && c.canMentor[i]) cols.push(i);
  }
  const capacity = Int32Array.from(cols, (i) => c.capacity[i]!);
  const graph = buildCandidateGraph(c, Int32Array.from(rows), Int32Array.from(cols), capacity, {
    perRow: Infinity,
  });
  const slotStart = new Int32Array(cols.length + 1);
  for (let k = 0; k < cols.length; k++) slotStart[k + 1] = slotStart[k]! + capacity[k]!;
  const slots = slotStart[cols.length]!;
  const BIG = bigFor(rows.length);
  // Profit BIG + score for a compatible pair, 0 for an impossible one (= stays unmatched).
  const matrix: Float64Array[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = new Float64Array(slots);
    for (let e = graph.rowStart[r]!; e < graph.rowStart[r + 1]!; e++) {
      const col = graph.edgeCol[e]!;
      for (let s = slotStart[col]!; s < slotStart[col + 1]!; s++)
        row[s] = BIG + graph.edgeScore[e]!;
    }
    matrix.push(row);
  }
  // munkres minimises: cost = maxProfit − profit.
  const max = BIG + 10_000;
  const cost = matrix.map((row) => row.map((v) => max - v));
  // Our solver on exactly the same pairs and scores, for a like-for-like time.
  const ours = timed(() =>
    solveAssignment({
      rows: rows.length,
      cols: cols.length,
      capacity,
      rowStart: graph.rowStart,
      edgeCol: graph.edgeCol,
      edgeScore: graph.edgeScore,
    }),
  );
  const t = timed(() => munkres(cost));
  let pairs = 0;
  let score = 0;
  for (const [r, s] of t.value) {
    const v = matrix[r]![s]!;
    if (v > 0) {
      pairs++;
      score += v - BIG;
    }
  }
  const same = ours.value.pairs === pairs && ours.value.totalScore === score;
  return { ms: t.ms, cpuMs: t.cpuMs, pairs, score, oursMs: ours.ms, oursCpuMs: ours.cpuMs, same };
}

function runSize(n: number, threads: number): SizeResult {
  // Validate once, then let the generated objects go: only the parsed input stays in memory.
  const validated = timed(() =>
    matchingInputSchema.parse(generateCohort({ perSide: n, seed: 42 })),
  );
  const input = validated.value;
  const rounds: string[] = [];
  const run = timed(() =>
    runMatching(input, {
      scanThreads: threads,
      onRound: (info) =>
        rounds.push(
          `round ${info.round}: priced ${info.pricedRows} rows, gap ${info.gapPct.toFixed(3)} %, pairs ${info.pairsProven ? 'proven' : 'not proven'}, ${info.edges} edges, ${Math.round(info.elapsedMs)} ms`,
        ),
    }),
  );
  const result: MatchingResult = run.value;
  // Peak RSS of the engine run itself, before the comparison solvers below allocate their own.
  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const out: SizeResult = {
    n,
    ms: Math.round(run.ms),
    cpuMs: Math.round(run.cpuMs),
    validateMs: Math.round(validated.ms),
    rssMb,
    solveMs: Math.round(result.stats.solveMs),
    phases: `prepare ${Math.round(result.stats.prepareMs)} ms, candidates and pricing ${Math.round(result.stats.candidatesMs)} ms, assignment ${Math.round(result.stats.solveMs)} ms, reasons ${Math.round(result.stats.reasonsMs)} ms`,
    paired: result.pairs.length,
    totalScore: result.totalScore,
    upperBound: result.upperBound,
    gapPct: result.gapPct,
    gapTo: 'upperBound',
    mode: result.stats.mode,
    rounds,
  };
  if (n <= exactUpTo) {
    const hundredths = result.stats.totalScoreHundredths;
    let exactHundredths = hundredths;
    let exactPairs = result.pairs.length;
    if (result.stats.mode !== 'exact') {
      const exact = timed(() => runMatching(input, { mode: 'exact', withReasons: false }));
      out.exactMs = Math.round(exact.ms);
      exactHundredths = exact.value.stats.totalScoreHundredths;
      exactPairs = exact.value.pairs.length;
    } else {
      // The default is exact at this size; also show how the sparse mode would have done.
      const sparse = runMatching(input, {
        mode: 'sparse',
        withReasons: false,
      });
      out.sparseGapToExactPct = round(
        sparse.pairs.length < exactPairs
          ? 100
          : (100 * (hundredths - sparse.stats.totalScoreHundredths)) / hundredths,
        4,
      );
    }
    out.gapTo = 'exact';
    out.gapPct =
      result.pairs.length < exactPairs
        ? 100
        : (100 * (exactHundredths - hundredths)) / exactHundredths;
    if (n === 2_000) {
      const m = munkresOn(input);
      out.munkresMs = Math.round(m.ms);
      out.munkresCpuMs = Math.round(m.cpuMs);
      out.solverOnMatrixMs = Math.round(m.oursMs);
      out.solverOnMatrixCpuMs = Math.round(m.oursCpuMs);
      out.munkresAgrees = m.same && m.pairs === exactPairs && m.score === exactHundredths;
    }
  }
  return out;
}

async function inChild(n: number, threads: number): Promise<SizeResult> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', script, '--child', String(n), '--threads', String(threads)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{'))
        reject(new Error(`size ${n}: child exited with ${code}\n${stdout}`));
      else resolve(JSON.parse(last) as SizeResult);
    });
  });
}

function threadsFromArgs(argv: string[]): number {
  const k = argv.indexOf('--threads');
  if (k < 0) return 1;
  const n = Number(argv[k + 1]);
  if (!Number.isInteger(n) || n < 1 || n > 2) throw new Error('--threads takes 1 or 2');
  return n;
}

function sizesFromArgs(argv: string[]): number[] {
  const k = argv.indexOf('--size');
  if (k < 0) return defaultSizes;
  const n = Number(argv[k + 1]);
  if (!Number.isInteger(n) || n < 2)
    throw new Error('--size needs a whole number of people per side');
  return [n];
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const child = argv.indexOf('--child');
  if (child >= 0) {
    const result = runSize(Number(argv[child + 1]), threadsFromArgs(argv));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const results: SizeResult[] = [];
  const threads = threadsFromArgs(argv);
  for (const n of sizesFromArgs(argv)) {
    const load = loadavg()[0]!.toFixed(1);
    const r = await inChild(n, threads);
    results.push(r);
    const lines = [
      `n=${n} per side (${r.mode}${threads > 1 ? `, ${threads} scan threads` : ''}; load average ${load} on ${availableParallelism()} cores): ${r.ms} ms (cpu ${r.cpuMs} ms; assignment solver ${r.solveMs} ms; input validation before it ${r.validateMs} ms), peak RSS ${r.rssMb} MB, ${r.paired} pairs, ` +
        `total score ${r.totalScore}, upper bound ${r.upperBound}, gap ${r.gapPct.toFixed(4)} % to the ${r.gapTo === 'exact' ? 'exact optimum' : 'upper bound'}`,
      `  ${r.phases}`,
      ...r.rounds.map((line) => `  ${line}`),
    ];
    if (r.exactMs !== undefined) lines.push(`  exact solver on the full graph: ${r.exactMs} ms`);
    if (r.sparseGapToExactPct !== undefined)
      lines.push(`  sparse mode at this size: gap ${r.sparseGapToExactPct} % to the exact optimum`);
    if (r.munkresMs !== undefined) {
      lines.push(
        `  munkres 2.0.4 on the same matrix: ${r.munkresMs} ms (cpu ${r.munkresCpuMs} ms), ${r.munkresAgrees ? 'same optimum' : 'DIFFERENT optimum'}; ` +
          `our solver on the same pairs and scores: ${r.solverOnMatrixMs} ms (cpu ${r.solverOnMatrixCpuMs} ms)`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  const summary = {
    sizes: results.map((r) => ({
      n: r.n,
      ms: r.ms,
      cpuMs: r.cpuMs,
      rssMb: r.rssMb,
      paired: r.paired,
      gapPct: round(r.gapPct, 4),
      ...(r.munkresMs !== undefined ? { munkresMs: r.munkresMs } : {}),
    })),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
