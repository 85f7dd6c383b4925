// `npm run build:server`: the server compiled to JavaScript in dist/ (ESM, Node 20.19+), so that
// production runs `node dist/main.js` without TypeScript tooling. Packages stay in node_modules
// (`npm ci --omit=dev`); local mode (src/local) and the worker threads are chunks and entries of
// their own, loaded only when used. The tab is built by Vite into tab/dist (npm run build:tab).
//
// `--if-stale` (what `npm start` runs first): builds the tab and the server only when a source is
// newer than what was built (the tab's sources include the server files it imports: the contracts'
// types and the French grammar helper), so a second `npm start` starts at once.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const outdir = join(root, 'dist');

/** The newest modification time under `paths` (files or folders), 0 when none exists. */
function newest(...paths) {
  let latest = 0;
  for (const path of paths.map((p) => join(root, p))) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (!stat.isDirectory()) latest = Math.max(latest, stat.mtimeMs);
    else
      for (const entry of readdirSync(path, { recursive: true, withFileTypes: true }))
        if (entry.isFile())
          latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

if (process.argv.includes('--if-stale')) {
  const tabBuilt = newest('tab/dist/index.html');
  if (
    !tabBuilt ||
    newest(
      'tab/src',
      'tab/index.html',
      'tab/vite.config.ts',
      'src/contracts',
      'src/domain/french.ts',
      'src/domain/text-file.ts',
    ) > tabBuilt
  ) {
    console.log('Building the tab…');
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'tab/vite.config.ts',
        '--logLevel',
        'warn',
      ],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
  }
  const serverBuilt = newest('dist/main.js');
  if (serverBuilt && newest('src', 'bot', 'package.json', 'esbuild.config.mjs') <= serverBuilt) {
    process.exit(0);
  }
  console.log('Building the server…');
}

await rm(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: {
    main: 'src/main.ts',
    'matching-thread': 'src/services/matching/matching-thread.ts',
    'scan-thread': 'src/matching/scan-thread.ts',
    'reset-local-data': 'src/local/reset-local-data.ts',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  sourcemap: true,
  minifySyntax: true,
  // Chunks sit beside the entries, so new URL('./matching-thread.js', import.meta.url) finds it.
  chunkNames: '[name]-[hash]',
  // The build knows what it is: its version, and that its worker threads are compiled entries.
  define: {
    'process.env.MENTORING_BUILD': JSON.stringify('compiled'),
    'process.env.MENTORING_VERSION': JSON.stringify(pkg.version),
  },
  banner: { js: '// Mentoring server, built by esbuild.config.mjs: edit src/, not this file.' },
  logLevel: 'warning',
  metafile: true,
});
const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
console.log(`Server built: ${files.length} files in dist/ (version ${pkg.version}).`);
