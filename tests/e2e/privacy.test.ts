import type { Page } from 'playwright-core';
import { actAs } from '../support/chromium';
import { useTabWorld } from '../support/tab-world';

const world = useTabWorld();
const narrow = { width: 400, height: 800 };

/** The page's width once settled: nothing may scroll sideways at 400 px. */
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('personal data in Chromium at 400 px', () => {
  it('a member erases their data after confirming; the partner then sees a former participant', async () => {
    const page = await world.open('/profile', { locale: 'fr-FR', viewport: narrow });
    await page.getByRole('heading', { level: 1, name: 'Mon profil' }).waitFor();
    await actAs(page, 'Yanis Benali', /Rechercher/);
    await page.getByRole('heading', { level: 2, name: 'Vos données' }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(400);

    await page.getByRole('button', { name: 'Effacer mes données…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Effacer toutes vos données ?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Effacer mes données' }).click();
    await dialog.getByText('Cochez la case pour confirmer.').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(400);
    await dialog.getByRole('checkbox', { name: 'Je comprends que c’est définitif' }).check();
    await dialog.getByRole('button', { name: 'Effacer mes données' }).click();
    await page.getByText(/Vos données ont été effacées : binômes terminés : 1/).waitFor();
    await dialog.waitFor({ state: 'detached' });
    // The page is usable again (not left hidden behind the dialog), with nothing more to erase.
    expect(await page.getByRole('button', { name: 'Effacer mes données…' }).isDisabled()).toBe(
      true,
    );
    await page.context().close();

    const partner = await world.open('/pair', { locale: 'fr-FR', viewport: narrow });
    await actAs(partner, 'Martine Chevalier', /Rechercher/);
    await partner.getByText('Ancien participant').first().waitFor();
    await partner.context().close();
  });

  it('a lead reads the audit log and filters it, in English', async () => {
    const page = await world.open('/audit', { locale: 'en-GB', viewport: narrow });
    await actAs(page, 'Claire Dubois', /Search/);
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const list = page.getByRole('list', { name: 'Audit log' });
    await list.getByText('Former participant · erased personal data').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(400);
    await page.getByRole('combobox', { name: 'Action' }).selectOption({
      label: 'downloaded personal data',
    });
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByText('No entry matches these filters.').waitFor();
    await page.context().close();
  });
});
