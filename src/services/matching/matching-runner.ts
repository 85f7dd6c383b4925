import { Worker } from 'node:worker_threads';
import { DomainError, type ErrorCode } from '../../domain/errors';
import type { MatchingInput } from '../../domain/matching/input';
import {
  runMatching,
  type MatchingOptions,
  type MatchingResult,
  type RoundInfo,
} from '../../matching/engine';

/**
 * Above this many participants squared a run goes to a worker thread: starting one costs about a
 * second (TypeScript is loaded again there), solving below it takes a fraction of that.
 */
export const offThreadPairLimit = 1_000_000;

type ThreadReply =
  | { kind: 'done'; ok: true; result: MatchingResult }
  | {
      kind: 'done';
      ok: false;
      error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
    };
type ThreadMessage = ThreadReply | { kind: 'round'; info: RoundInfo };

/**
 * Runs the engine, on a worker thread for large cohorts so the server keeps answering meanwhile.
 * `options.onRound` hears each pricing round wherever the engine runs.
 */
export async function solveCohort(
  input: MatchingInput,
  options: MatchingOptions = {},
  limit = offThreadPairLimit,
): Promise<MatchingResult> {
  const n = input.participants.length;
  if (n * n <= limit) return runMatching(input, options);
  // Functions do not cross to a thread: the thread posts each round back instead.
  const { now: _now, onRound, ...portable } = options;
  const workerOptions = { workerData: { input, options: portable } };
  // The compiled server (npm run build) has the thread as its own entry beside main.js; from the
  // TypeScript sources the thread needs the TypeScript loader (source-thread.ts, never bundled).
  const worker =
    process.env.MENTORING_BUILD === 'compiled'
      ? new Worker(new URL('./matching-thread.js', import.meta.url), workerOptions)
      : (await import('../../matching/source-thread')).startSourceThread(
          new URL('./matching-thread.ts', import.meta.url),
          workerOptions,
        );
  try {
    const reply = await new Promise<ThreadReply>((resolve, reject) => {
      worker.on('message', (message: ThreadMessage) => {
        if (message.kind === 'round') onRound?.(message.info);
        else resolve(message);
      });
      worker.once('error', reject);
      worker.once('exit', (code) =>
        reject(new Error(`the matching thread stopped (exit code ${code}) before answering`)),
      );
    });
    if (reply.ok) return reply.result;
    throw new DomainError(reply.error.code, reply.error.message, reply.error.details);
  } finally {
    await worker.terminate();
  }
}
