import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Running from TypeScript sources (tests, `npm run dev`): a worker does not inherit the process's
 * TypeScript loader, so it registers tsx first, then loads the thread's module. The compiled
 * server (npm run build) starts dist/matching-thread.js instead and never loads this file.
 */
export function startSourceThread(thread: URL, options: WorkerOptions): Worker {
  const loader = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  return new Worker(
    `import(${JSON.stringify(loader)}).then((ts) => { ts.register(); return import(${JSON.stringify(thread.href)}); });`,
    { ...options, eval: true },
  );
}
