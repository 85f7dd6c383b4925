import type { Page, Request } from 'playwright-core';
import { en } from '../../tab/src/i18n/en';
import { fr } from '../../tab/src/i18n/fr';
import { screens } from '../../tab/src/screens/registry';
import { useTabWorld } from '../support/tab-world';
import { actAs } from '../support/chromium';

const world = useTabWorld();

// A Teams side panel or a phone: nothing may make the page scroll sideways (a wide table may scroll
// inside its own region), and the nav must not eat the screen.
const WIDTH = 400;
const NAV_MAX_HEIGHT = 48;

const personas = [
  ['a lead', 'Claire Dubois'],
  ['a pair member', 'Martine Chevalier'],
  ['a manager', 'Sylvie Garnier'],
  ['an employee without a pair', 'Adam Henry'],
] as const;
const locales = [
  ['fr-FR', /Rechercher/],
  ['en-GB', /Search/],
] as const;
const catalogues = { 'fr-FR': fr, 'en-GB': en };

const runMatching = { 'fr-FR': 'Lancer l’appariement', 'en-GB': 'Run matching' };
const proposals = { 'fr-FR': 'Propositions', 'en-GB': 'Proposals' };

/**
 * Goes to `path` the way the nav does (no reload: quicker than a fresh load per screen, and every
 * screen is reached even where the nav has no link to it), then waits until its data is in: its
 * heading, no request in flight for a moment, and no spinner left.
 */
async function visit(page: Page, path: string, title: string, inFlight: () => number) {
  await page.evaluate((path) => {
    window.history.pushState(null, '', path);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  await settled(page, inFlight);
}

async function settled(page: Page, inFlight: () => number): Promise<void> {
  for (let quiet = 0; quiet < 3;) {
    await page.waitForTimeout(100);
    quiet = inFlight() === 0 ? quiet + 1 : 0;
  }
  await page.waitForFunction(() => document.querySelectorAll('.fui-Spinner').length === 0);
}

type Overflow = {
  path: string;
  scrollWidth: number;
  navHeight: number;
  gridRight: number;
  overlappingLabels: number;
  wide: string[];
};

async function measure(page: Page, path: string): Promise<Overflow> {
  return page.evaluate((path) => {
    const root = document.documentElement;
    const nav = document.querySelector('nav');
    // The week grid is allowed a scroller, but the weekend must not hide behind it.
    const grids = [...document.querySelectorAll('[role="grid"]')].map(
      (grid) => grid.getBoundingClientRect().right,
    );
    // Chart labels side by side (an x axis) must not run into each other.
    const labels = [...document.querySelectorAll('svg text')]
      .map((text) => text.getBoundingClientRect())
      .filter((box) => box.width > 0)
      .sort((a, b) => a.top - b.top || a.left - b.left);
    // Two labels on one line (tops within 2 px) whose spans meet; a bar's value label that sits a
    // pixel higher than a y-axis tick far to its left is not an overlap.
    const overlappingLabels = labels.filter((box, i) =>
      labels
        .slice(i + 1)
        .some(
          (other) =>
            Math.abs(other.top - box.top) < 2 &&
            box.left < other.right - 1 &&
            other.left < box.right - 1,
        ),
    ).length;
    // The elements sticking out on the right, to say what to fix when the test fails.
    const wide = [...document.querySelectorAll('body *:not(nav *)')]
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 80));
    return {
      path,
      scrollWidth: root.scrollWidth,
      navHeight: nav?.getBoundingClientRect().height ?? 0,
      gridRight: Math.max(0, ...grids),
      overlappingLabels,
      wide,
    };
  }, path);
}

describe(`every screen at ${WIDTH} px`, () => {
  it.each(
    personas.flatMap(([role, name]) =>
      locales.map(([locale, search]) => [role, name, locale, search] as const),
    ),
  )('fits for %s (%s) in %s', async (_role, name, locale, search) => {
    const page = await world.open('/profile', { locale, viewport: { width: WIDTH, height: 800 } });
    page.setDefaultTimeout(15_000);
    const requests = new Set<Request>();
    page.on('request', (request) => requests.add(request));
    page.on('requestfinished', (request) => requests.delete(request));
    page.on('requestfailed', (request) => requests.delete(request));
    const inFlight = () => requests.size;
    await actAs(page, name, search);
    const found: Overflow[] = [];
    for (const screen of screens) {
      await visit(page, screen.path, catalogues[locale][screen.titleKey], inFlight);
      if (screen.id === 'matching' && name === 'Claire Dubois') {
        // The review only shows once matching has run (the first locale runs it, the second finds it).
        const run = page.getByRole('button', { name: runMatching[locale] });
        const table = page.getByRole('table', { name: proposals[locale] });
        await table.or(run).first().waitFor();
        if (!(await table.isVisible())) await run.click();
        await table.waitFor();
        await settled(page, inFlight);
      }
      const result = await measure(page, screen.path);
      if (
        result.scrollWidth > WIDTH ||
        result.navHeight > NAV_MAX_HEIGHT ||
        result.gridRight > WIDTH ||
        result.overlappingLabels > 0
      )
        found.push(result);
    }
    expect(found).toEqual([]);
    await page.context().close();
  });
});
