import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from './app-server';
import { launchChromium, newIsolatedContext, type ContextOptions } from './chromium';

const builtTab = fileURLToPath(new URL('../../tab/dist/index.html', import.meta.url));

/** What an e2e test of the tab works with: the real app, Chromium, and pages opened on the app. */
export type TabWorld = {
  readonly app: TestApp;
  readonly browser: Browser;
  /** A page in a fresh isolated context at `path` on the app (no sign-in yet). */
  open(path: string, options?: ContextOptions): Promise<Page>;
  /** Records the blocked requests of a page opened elsewhere (checked after each test). */
  watch(page: Page, blockedRequests: string[]): void;
};

/**
 * The e2e preamble, once: registers the hooks that start the app (built tab, embedded Cosmos,
 * demo data) and Chromium for the file, stop them after it, and fail any test whose pages tried to
 * reach beyond loopback (every such request is aborted by the isolated context). Call at the top
 * level of an e2e file; the world's fields are ready inside tests and later hooks.
 */
export function useTabWorld(options: { env?: Record<string, string> } = {}): TabWorld {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  const blocked: string[] = [];

  beforeAll(async () => {
    if (!existsSync(builtTab))
      throw new Error('The tab is not built: run `npm run build:tab` first.');
    [app, browser] = await Promise.all([
      startTestApp(options.env ? { env: options.env } : {}),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  afterEach(() => {
    // Nothing in the tab may reach outside loopback (no CDN, no fonts, no teams-js domain list).
    expect(blocked).toEqual([]);
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`The ${what} is not started yet: use the world inside tests.`);
    return value;
  };
  const world: TabWorld = {
    get app() {
      return ready(app, 'app');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    watch(page, blockedRequests) {
      page.on('close', () => blocked.push(...blockedRequests));
    },
    async open(path, contextOptions = {}) {
      const { context, blockedRequests } = await newIsolatedContext(world.browser, contextOptions);
      const page = await context.newPage();
      world.watch(page, blockedRequests);
      await page.goto(`${world.app.baseUrl}${path}`);
      return page;
    },
  };
  return world;
}

/** A landmark region by its exact accessible name. */
export const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** A navigation landmark by name. */
export const nav = (page: Page, name: string) => page.getByRole('navigation', { name });
