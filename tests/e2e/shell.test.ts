import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { Page } from 'playwright-core';
import { useTabWorld } from '../support/tab-world';
import {
  newIsolatedContext,
  seriousAxeViolations,
  type ContextOptions,
  themeBackground,
} from '../support/chromium';

const world = useTabWorld();

async function openTab(options: ContextOptions = {}): Promise<{ page: Page; scripts: string[] }> {
  const { context, blockedRequests } = await newIsolatedContext(world.browser, options);
  const page = await context.newPage();
  world.watch(page, blockedRequests);
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(`${world.app.baseUrl}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { page, scripts };
}

// The theme's own value, read from the CSS variable FluentProvider sets: under forced colours the
// browser repaints with system colours, but the variable still tells which theme the tab chose.
async function close(page: Page) {
  await page.context().close();
}

describe('the tab in a browser', () => {
  it('renders the shell in French for a French browser, with the store up', async () => {
    const { page, scripts } = await openTab({ locale: 'fr-FR' });

    await expectHeading(page, 'Bienvenue dans Mentoring');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.title()).toBe('Bienvenue dans Mentoring – Mentoring');
    await page.getByRole('navigation', { name: 'Principale' }).waitFor();
    await page.getByRole('link', { name: 'Accueil' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Service disponible' }).waitFor();
    // Outside a frame teams-js is never downloaded.
    expect(scripts.filter((url) => url.includes('teams-host'))).toEqual([]);
    await close(page);
  });

  it('renders the shell in English for an English browser', async () => {
    const { page } = await openTab({ locale: 'en-US' });

    await expectHeading(page, 'Welcome to Mentoring');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('status').filter({ hasText: 'Service available' }).waitFor();
    await close(page);
  });

  it('switches language with the switch and keeps the choice after a reload', async () => {
    const { page } = await openTab({ locale: 'fr-FR' });

    await page
      .getByRole('group', { name: 'Langue' })
      .getByRole('button', { name: 'English' })
      .click();
    await expectHeading(page, 'Welcome to Mentoring');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await expectHeading(page, 'Welcome to Mentoring');
    await page
      .getByRole('group', { name: 'Language' })
      .getByRole('button', { name: 'Français' })
      .click();
    await expectHeading(page, 'Bienvenue dans Mentoring');
    await close(page);
  });

  it('offers a skip link to the main content as the first stop of the keyboard', async () => {
    const { page } = await openTab({ locale: 'en-US' });

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await close(page);
  });

  it('follows the device: dark when it prefers dark, live, and high contrast under forced colours', async () => {
    const device = await openTab({ locale: 'en-US', colorScheme: 'dark' });
    expect(await themeBackground(device.page)).toBe(webDarkTheme.colorNeutralBackground2);
    await device.page.emulateMedia({ colorScheme: 'light' });
    await expect
      .poll(() => themeBackground(device.page))
      .toBe(webLightTheme.colorNeutralBackground2);
    await close(device.page);

    const forced = await openTab({ locale: 'en-US', forcedColors: 'active' });
    expect(await themeBackground(forced.page)).toBe(teamsHighContrastTheme.colorNeutralBackground2);
    await close(forced.page);
  });

  it.each([
    ['light', 'Clair', webLightTheme.colorNeutralBackground2],
    ['dark', 'Sombre', webDarkTheme.colorNeutralBackground2],
    ['contrast', 'Contraste élevé', teamsHighContrastTheme.colorNeutralBackground2],
  ])(
    'has no serious or critical accessibility violation in the %s theme',
    async (_theme, label, expectedBackground) => {
      const { page } = await openTab({ locale: 'fr-FR' });
      await page.getByRole('status').filter({ hasText: 'Service disponible' }).waitFor();

      await page.getByRole('combobox', { name: 'Thème' }).selectOption({ label });
      await expect.poll(() => themeBackground(page)).toBe(expectedBackground);

      expect(await seriousAxeViolations(page)).toEqual([]);
      await close(page);
    },
  );
});

async function expectHeading(page: Page, name: string) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}
