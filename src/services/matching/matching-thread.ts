import { parentPort, workerData } from 'node:worker_threads';
import { isDomainError } from '../../domain/errors';
import type { MatchingInput } from '../../domain/matching/input';
import { runMatching, type MatchingOptions } from '../../matching/engine';

/**
 * The body of the worker thread that solves large cohorts (see matching-runner.ts): the engine is
 * synchronous and would otherwise hold the event loop (every request, the bot) for seconds. Each
 * pricing round is reported as it ends, so the lead sees the run advance.
 */
const { input, options } = workerData as { input: MatchingInput; options: MatchingOptions };
try {
  const result = runMatching(input, {
    ...options,
    onRound: (info) => parentPort!.postMessage({ kind: 'round', info }),
  });
  parentPort!.postMessage({ kind: 'done', ok: true, result });
} catch (error) {
  parentPort!.postMessage({
    kind: 'done',
    ok: false,
    error: isDomainError(error)
      ? { code: error.code, message: error.message, details: error.details }
      : { code: 'internal', message: error instanceof Error ? error.message : String(error) },
  });
}
