import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Frame,
  type Page,
} from 'playwright-core';

/** Browsers a machine may already have, in the order they are tried after CHROMIUM_PATH. */
const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

// Flags verified on this machine (TESTBED.md): no sandbox in containers, nothing that phones home.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts headless Chromium. Playwright gives each launch a fresh temporary user-data dir (removed
 * on close), and each context below is isolated from the others (storage, cache, cookies).
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

let found: Promise<string> | undefined;

/**
 * The browser the tests drive, found in order: `CHROMIUM_PATH`, a Chromium or Chrome the system
 * has, then the Chromium shipped in the npm package @sparticuz/chromium (a dev dependency; it
 * unpacks itself into the temp folder on first use), so `npm ci && npm test` needs no system
 * package and no root. Only its binary is used: its default flags are for serverless hosts and
 * turn web security off, so the tests keep their own (CHROMIUM_ARGS).
 */
export function chromiumPath(): Promise<string> {
  found ??= (async () => {
    const configured = process.env.CHROMIUM_PATH;
    if (configured) {
      if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist.`);
      return configured;
    }
    const system = SYSTEM_BROWSERS.find((path) => existsSync(path));
    if (system) return system;
    const { default: packaged } = await import('@sparticuz/chromium');
    return packaged.executablePath();
  })();
  return found;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True for URLs the tests may reach: loopback HTTP(S), and in-page data/blob URLs. */
function isLoopbackUrl(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') {
    return true;
  }
  return LOOPBACK_HOSTS.has(parsed.hostname);
}

export type ContextOptions = {
  /** BCP 47, e.g. `fr-FR`: sets `navigator.languages` and Accept-Language. */
  locale?: string;
  colorScheme?: 'light' | 'dark';
  forcedColors?: 'active' | 'none';
  /** The page's size in CSS pixels (Playwright's default is 1280 × 720). */
  viewport?: { width: number; height: number };
};

export type IsolatedContext = {
  context: BrowserContext;
  /** Every non-loopback request the page attempted (all were aborted). */
  blockedRequests: string[];
};

/** A fresh browser context that aborts every request leaving the machine, and records it. */
export async function newIsolatedContext(
  browser: Browser,
  options: ContextOptions = {},
): Promise<IsolatedContext> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    forcedColors: options.forcedColors ?? 'none',
    serviceWorkers: 'block',
    ...(options.viewport ? { viewport: options.viewport } : {}),
  });
  const blockedRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLoopbackUrl(url)) {
      await route.continue();
    } else {
      blockedRequests.push(url);
      await route.abort('blockedbyclient');
    }
  });
  await context.routeWebSocket(/.*/, (socket) => {
    if (isLoopbackUrl(socket.url().replace(/^ws/, 'http'))) socket.connectToServer();
    else {
      blockedRequests.push(socket.url());
      void socket.close();
    }
  });
  return { context, blockedRequests };
}

export type AxeFinding = { id: string; impact: string; help: string; targets: string[] };

/**
 * Runs axe on the page (or one frame selector) and returns the serious and critical violations.
 * Only `[data-tabster-dummy]` is excluded: Fluent's focus-trap sentinels are a known false positive
 * of `aria-hidden-focus` (TESTBED.md).
 */
export async function seriousAxeViolations(page: Page, include?: string): Promise<AxeFinding[]> {
  await animationsSettled(page);
  let builder = new AxeBuilder({ page }).exclude('[data-tabster-dummy]');
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

/**
 * Waits for the running finite CSS transitions and animations (Fluent fades colours on a theme
 * switch): axe measuring contrast mid-fade reports colours no theme has, on a loaded machine.
 * Endless ones (spinners) are left alone; a cancelled one counts as finished.
 */
async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime ?? Infinity)))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** Signs in with the development persona picker, searching by name. */
export async function actAs(page: Page, name: string, searchLabel: RegExp): Promise<void> {
  await page.getByRole('searchbox', { name: searchLabel }).fill(name);
  await page.getByRole('button', { name: new RegExp(name) }).click();
}

/** The Fluent theme's neutral background in force, to tell light, dark and high contrast apart. */
export const themeBackground = (target: Page | Frame): Promise<string> =>
  target
    .locator('.fui-FluentProvider')
    .first()
    .evaluate((element) =>
      getComputedStyle(element).getPropertyValue('--colorNeutralBackground2').trim(),
    );
