import type { Page } from 'playwright-core';
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

const runMatching = { 'fr-FR': 'Lancer l’appariement', 'en-GB': 'Run matching' };
const proposals = { 'fr-FR': 'Propositions', 'en-GB': 'Proposals' };

/** Waits until the screen's data is in: no request in flight and no spinner left. */
async function settled(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelectorAll('.fui-Spinner').length === 0);
}

type Overflow = {
  path: string;
  scrollWidth: number;
  navHeight: number;
  gridRight: number;
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
    await actAs(page, name, search);
    const found: Overflow[] = [];
    for (const screen of screens) {
      await page.goto(`${world.app.baseUrl}${screen.path}`);
      await settled(page);
      const result = await measure(page, screen.path);
      if (
        result.scrollWidth > WIDTH ||
        result.navHeight > NAV_MAX_HEIGHT ||
        result.gridRight > WIDTH
      )
        found.push(result);
    }
    expect(found).toEqual([]);
    await page.context().close();
  });
});
