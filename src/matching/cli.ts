import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { isDomainError } from '../domain/errors';
import type { MatchingInput } from '../domain/matching/input';
import { runMatching, type MatchingOptions } from './engine';
import { parseMatchingCsv, parseMatchingJson } from './parse-input';

const usage = `Usage: npm run match -- <participants.json|.csv> [--out result.json]
                       [--session-minutes N] [--mode auto|exact|sparse]

Pairs mentors and mentees (most pairs first, then the highest total score) and prints the result
as JSON: pairs with their reasons, unmatched people with theirs, the total score and its upper bound.
The input format is described in src/matching/README.md.`;

type Args = { file: string; out?: string; sessionMinutes?: number; mode?: MatchingOptions['mode'] };

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  let file: string | undefined;
  const args: Partial<Args> = {};
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    const value = () => {
      const v = argv[++k];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--out' || arg === '-o') args.out = value();
    else if (arg === '--session-minutes') {
      const n = Number(value());
      if (!Number.isInteger(n) || n <= 0)
        throw new UsageError('--session-minutes must be a whole number of minutes');
      args.sessionMinutes = n;
    } else if (arg === '--mode') {
      const mode = value();
      if (mode !== 'auto' && mode !== 'exact' && mode !== 'sparse')
        throw new UsageError('--mode must be auto, exact or sparse');
      args.mode = mode;
    } else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (file === undefined) file = arg;
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  if (file === undefined) throw new UsageError('missing the participants file');
  return { ...args, file };
}

async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) process.stderr.write(`match: ${error.message}\n\n`);
    process.stderr.write(`${usage}\n`);
    return error.message ? 2 : 0;
  }
  const started = performance.now();
  let text: string;
  try {
    text = await readFile(args.file, 'utf8');
  } catch (error) {
    process.stderr.write(`match: cannot read ${args.file}: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    let input: MatchingInput;
    if (extname(args.file).toLowerCase() === '.csv') {
      const parsed = parseMatchingCsv(text, { sessionMinutes: args.sessionMinutes });
      if (parsed.ignoredColumns.length > 0) {
        process.stderr.write(`match: ignoring columns ${parsed.ignoredColumns.join(', ')}\n`);
      }
      input = parsed.input;
    } else {
      input = parseMatchingJson(text);
      if (args.sessionMinutes !== undefined)
        input = { ...input, sessionMinutes: args.sessionMinutes };
    }
    const result = runMatching(input, args.mode ? { mode: args.mode } : {});
    const output = {
      pairs: result.pairs.map((p) => ({
        mentorId: p.mentorId,
        menteeId: p.menteeId,
        score: p.score,
        ...(p.pinned ? { pinned: true } : {}),
        reasons: p.reasons,
      })),
      unmatched: result.unmatched,
      totalScore: result.totalScore,
      upperBound: result.upperBound,
      pairsUpperBound: result.pairsUpperBound,
      exact: result.exact,
      gapPct: Number(result.gapPct.toFixed(4)),
      elapsedMs: Math.round(performance.now() - started),
    };
    const json = `${JSON.stringify(output, null, 2)}\n`;
    if (args.out) {
      await writeFile(args.out, json, 'utf8');
      process.stderr.write(
        `match: ${output.pairs.length} pairs, ${output.unmatched.length} unmatched, total score ${output.totalScore} ` +
          `(upper bound ${output.upperBound}) in ${output.elapsedMs} ms → ${args.out}\n`,
      );
    } else {
      process.stdout.write(json);
    }
    return 0;
  } catch (error) {
    if (isDomainError(error, 'validation_failed')) {
      process.stderr.write(`match: invalid input in ${args.file}:\n${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`match: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
