import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json: the repository from the TypeScript sources (src/app/...), the
 * deployed folder from the compiled server (dist/main.js). The built tab is in `tab/dist` there.
 */
export function appRoot(from = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

/** The app's version: fixed by the build (esbuild.config.mjs), else read from package.json. */
export function appVersion(): string {
  if (process.env.MENTORING_BUILD === 'compiled' && process.env.MENTORING_VERSION) {
    return process.env.MENTORING_VERSION;
  }
  const pkg = JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? 'unknown';
}
