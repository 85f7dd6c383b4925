/**
 * npm run bench:tab
 * Builds the tab, then measures what a first visit costs:
 * - initialJsGzipKb: gzip size of the JS needed before the first screen is interactive: the entry
 *   chunk and its static imports (the `<script>` and `<link rel="modulepreload">` of index.html) plus
 *   the landing screen's lazy chunk and its static imports. Cross-checked against the scripts
 *   Chromium actually downloads before the landing screen shows.
 * - firstContentfulPaintMs: median of 5 cold loads (fresh context, empty cache) in headless
 *   Chromium, against a loopback static server of tab/dist that gzips like the app does.
 * Targets: initialJsGzipKb ≤ 150, firstContentfulPaintMs ≤ 1200.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { launchChromium, newIsolatedContext } from '../tests/support/chromium';

const RUNS = 5;
const TARGET_JS_KB = 150;
const TARGET_FCP_MS = 1200;
const LANDING_SCREEN = 'screens/home/HomeScreen.tsx';

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(root, 'tab', 'dist');

const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

// 1. Build.
const buildStart = performance.now();
const output = await build({ configFile: join(root, 'tab', 'vite.config.ts'), logLevel: 'warn' });
const buildMs = Math.round(performance.now() - buildStart);
const bundles = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
const chunks = bundles
  .flatMap((bundle) => bundle.output)
  .filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));

function withStaticImports(fileName: string, into = new Set<string>()): Set<string> {
  if (into.has(fileName)) return into;
  into.add(fileName);
  for (const imported of byFile.get(fileName)?.imports ?? []) withStaticImports(imported, into);
  return into;
}

// 2. What index.html loads, and what the landing screen adds.
const html = await readFile(join(distDir, 'index.html'), 'utf8');
const fromHtml = [
  ...html.matchAll(/<script[^>]*type="module"[^>]*src="\/([^"]+)"/g),
  ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+)"/g),
].map((match) => match[1]!);
const entry = chunks.find((chunk) => chunk.isEntry);
const landing = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(LANDING_SCREEN));
if (!entry || !landing) throw new Error(`No entry chunk or no chunk for ${LANDING_SCREEN}`);
const entryClosure = withStaticImports(entry.fileName);
const missingFromHtml = [...entryClosure].filter((file) => !fromHtml.includes(file));
if (missingFromHtml.length > 0) {
  console.warn(`warning: index.html does not preload ${missingFromHtml.join(', ')}`);
}
const initialFiles = withStaticImports(landing.fileName, new Set(fromHtml));

const gzipSizes = new Map<string, number>();
for (const file of initialFiles) {
  gzipSizes.set(file, gzipSync(await readFile(join(distDir, file))).length);
}
const initialJsGzipBytes = [...gzipSizes.values()].reduce((sum, size) => sum + size, 0);
const allJsGzipBytes = (
  await Promise.all(
    chunks.map(async (chunk) => gzipSync(await readFile(join(distDir, chunk.fileName))).length),
  )
).reduce((sum, size) => sum + size, 0);

console.log(
  `build: ${buildMs} ms, ${chunks.length} JS chunks, ${kib(allJsGzipBytes)} KiB gzip in all`,
);
console.log('initial JS (gzip):');
for (const [file, size] of [...gzipSizes].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${file.padEnd(44)} ${kib(size).toFixed(1).padStart(6)} KiB`);
}
console.log(`initialJsGzipKb: ${kib(initialJsGzipBytes)} KiB (target ≤ ${TARGET_JS_KB})`);

// 3. A loopback static server of tab/dist: gzip, long-lived assets, SPA fallback, no API.
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};
const cache = new Map<string, { raw: Buffer; gzip: Buffer }>();

async function load(path: string) {
  let entryFile = cache.get(path);
  if (!entryFile) {
    const raw = await readFile(path);
    entryFile = { raw, gzip: gzipSync(raw) };
    cache.set(path, entryFile);
  }
  return entryFile;
}

const server: Server = createServer((req, res) => {
  void (async () => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'not_found', message: 'bench server: no API' } }));
      return;
    }
    let path = resolve(distDir, '.' + normalize(decodeURIComponent(url.pathname)));
    if (!path.startsWith(distDir + '/') || !extname(path)) path = join(distDir, 'index.html');
    let file;
    try {
      file = await load(path);
    } catch {
      file = await load(join(distDir, 'index.html'));
      path = join(distDir, 'index.html');
    }
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    res.writeHead(200, {
      'Content-Type': types[extname(path)] ?? 'application/octet-stream',
      'Cache-Control': path.includes('/assets/')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(gzip ? file.gzip : file.raw);
  })().catch((error: unknown) => {
    res.writeHead(500);
    res.end(String(error));
  });
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// 4. Cold loads in headless Chromium. One unmeasured load first warms the browser process itself.
const browser = await launchChromium();
const fcps: number[] = [];
const firstScreens: number[] = [];
let jsBeforeFirstScreen: string[] = [];
try {
  for (let run = 0; run <= RUNS; run++) {
    const { context, blockedRequests } = await newIsolatedContext(browser, { locale: 'fr-FR' });
    const page = await context.newPage();
    const scripts: string[] = [];
    let firstScreenShown = false;
    page.on('request', (request) => {
      if (request.resourceType() === 'script' && !firstScreenShown) {
        scripts.push(new URL(request.url()).pathname.slice(1));
      }
    });
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('main h1')) {
          performance.mark('first-screen');
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(baseUrl + '/', { waitUntil: 'load' });
    await page.locator('main h1').waitFor();
    firstScreenShown = true;
    const timings = await page.evaluate(async () => {
      // FCP is reported asynchronously; wait for the entry if it is not there yet.
      const fcp = await new Promise<number>((done) => {
        const existing = performance.getEntriesByName('first-contentful-paint')[0];
        if (existing) return done(existing.startTime);
        new PerformanceObserver((list) => {
          const entryFound = list.getEntriesByName('first-contentful-paint')[0];
          if (entryFound) done(entryFound.startTime);
        }).observe({ type: 'paint', buffered: true });
      });
      const screen = performance.getEntriesByName('first-screen')[0]?.startTime ?? NaN;
      return { fcp, screen };
    });
    if (blockedRequests.length > 0) console.warn(`blocked: ${blockedRequests.join(', ')}`);
    await context.close();
    if (run === 0) continue;
    fcps.push(Math.round(timings.fcp));
    firstScreens.push(Math.round(timings.screen));
    jsBeforeFirstScreen = scripts;
  }
} finally {
  await browser.close();
  await new Promise((done) => server.close(done));
}

const unexpected = jsBeforeFirstScreen.filter((file) => !initialFiles.has(file));
if (unexpected.length > 0) {
  console.warn(`warning: Chromium loaded JS not counted as initial: ${unexpected.join(', ')}`);
}
const firstContentfulPaintMs = median(fcps);
const firstScreenMs = median(firstScreens);
console.log(`first contentful paint (${RUNS} cold loads): ${fcps.join(', ')} ms`);
console.log(
  `firstContentfulPaintMs: ${firstContentfulPaintMs} ms (median; target ≤ ${TARGET_FCP_MS})`,
);
console.log(`landing screen shown: ${firstScreens.join(', ')} ms (median ${firstScreenMs})`);
console.log(
  `scripts Chromium loaded before the landing screen: ${jsBeforeFirstScreen.length} ` +
    `(${unexpected.length} not in the initial set)`,
);

console.log(
  JSON.stringify({
    initialJsGzipKb: kib(initialJsGzipBytes),
    firstContentfulPaintMs,
    firstScreenMs,
    fcpRunsMs: fcps,
    initialJsFiles: initialFiles.size,
    totalJsGzipKb: kib(allJsGzipBytes),
    targets: { initialJsGzipKb: TARGET_JS_KB, firstContentfulPaintMs: TARGET_FCP_MS },
    withinTargets:
      kib(initialJsGzipBytes) <= TARGET_JS_KB && firstContentfulPaintMs <= TARGET_FCP_MS,
  }),
);
