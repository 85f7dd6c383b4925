import { workerData } from 'node:worker_threads';
import { scanChunksInWorker, type ScanJob } from './candidate-graph';

/**
 * The body of the worker thread that scans candidate rows beside the engine's own thread (see
 * `buildCandidateGraph` with `threads: 2`): it takes chunks of rows from the shared counter and
 * writes their slots until none is left; a failure hands its chunks back to the other thread.
 */
scanChunksInWorker(workerData as ScanJob);
