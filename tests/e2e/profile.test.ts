import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useTabWorld } from '../support/tab-world';
import {
  seriousAxeViolations,
  type ContextOptions,
  actAs,
  themeBackground,
} from '../support/chromium';

const world = useTabWorld();
const open = (path: string, options?: ContextOptions) => world.open(path, options);

describe('a newcomer in Chromium', () => {
  // Sarah Mathieu (planner, Operations) is in the demo company but not among its volunteers.
  it('opts in, fills a profile in French, reloads and finds it saved', async () => {
    const page = await open('/profile', { locale: 'fr-FR' });
    await page.getByRole('heading', { level: 1, name: 'Mon profil' }).waitFor();
    await actAs(page, 'Sarah Mathieu', /Rechercher/);

    await page.getByText('Mode démo : vous agissez en tant que Sarah Mathieu.').waitFor();
    const identity = page.getByRole('region', { name: 'Sarah Mathieu' });
    await identity.getByText('Planificatrice').waitFor();
    await identity.getByText('Dominique Faure').waitFor();

    await page.getByText('Texte de consentement, version 1').waitFor();
    const join = page.getByRole('button', { name: 'Rejoindre le programme' });
    expect(await join.isDisabled()).toBe(true);
    await page
      .getByRole('checkbox', { name: "J'ai lu ce texte et je me porte volontaire" })
      .check();
    await join.click();
    await page.getByText('Vous participez', { exact: true }).waitFor();

    await page.getByRole('radio', { name: "Mentoré : j'apprends d'un collègue" }).check();
    await page
      .getByRole('combobox', { name: 'Ajouter une compétence à partager' })
      .selectOption({ label: 'Gestion de projet' });
    await page.getByRole('button', { name: 'Ajouter', exact: true }).first().click();
    await page
      .getByRole('combobox', { name: 'Mon niveau en Gestion de projet' })
      .selectOption({ label: '4 – Avancé' });
    await page
      .getByRole('combobox', { name: 'Ajouter une compétence à apprendre' })
      .selectOption({ label: 'Copilot et IA générative' });
    await page.getByRole('button', { name: 'Ajouter', exact: true }).last().click();
    await page
      .getByRole('textbox', { name: 'Mon objectif en Copilot et IA générative' })
      .fill('Préparer mes plannings avec Copilot');
    await page.getByRole('checkbox', { name: 'Anglais' }).check();
    const zone = page.getByRole('combobox', { name: 'Fuseau horaire' });
    await zone.fill('');
    await zone.pressSequentially('lisb');
    await page.getByRole('option', { name: 'Europe/Lisbon' }).click();
    // French elides « de » before a vowel: « Heures d’Europe/Lisbon ».
    await page.getByText(/Heures d’Europe\/Lisbon/).waitFor();
    await page.getByRole('gridcell', { name: 'mardi, de 09:00 à 10:00' }).click();
    const thursday = page.getByRole('gridcell', { name: 'jeudi, de 14:00 à 15:00' });
    await thursday.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.getByRole('radio', { name: 'Sur site' }).check();
    await page
      .getByRole('textbox', { name: 'Quelques mots sur moi' })
      .fill('Planificatrice depuis trois ans, curieuse des outils d’IA.');
    await page.getByRole('button', { name: 'Enregistrer mon profil' }).click();
    await page.getByText('Votre profil est enregistré.').waitFor();

    await page.reload();
    await page.getByText('Mode démo : vous agissez en tant que Sarah Mathieu.').waitFor();
    const bio = page.getByRole('textbox', { name: 'Quelques mots sur moi' });
    await bio.waitFor();
    expect(await bio.inputValue()).toBe(
      'Planificatrice depuis trois ans, curieuse des outils d’IA.',
    );
    expect(
      await page.getByRole('radio', { name: "Mentoré : j'apprends d'un collègue" }).isChecked(),
    ).toBe(true);
    expect(await page.getByRole('radio', { name: 'Sur site' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Anglais' }).isChecked()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Fuseau horaire' }).inputValue()).toBe(
      'Europe/Lisbon',
    );
    expect(
      await page.getByRole('combobox', { name: 'Mon niveau en Gestion de projet' }).inputValue(),
    ).toBe('4');
    expect(
      await page
        .getByRole('textbox', { name: 'Mon objectif en Copilot et IA générative' })
        .inputValue(),
    ).toBe('Préparer mes plannings avec Copilot');
    for (const name of [
      'mardi, de 09:00 à 10:00',
      'jeudi, de 14:00 à 15:00',
      'jeudi, de 15:00 à 16:00',
    ]) {
      expect(await page.getByRole('gridcell', { name }).getAttribute('aria-selected')).toBe('true');
    }
    expect(
      await page
        .getByRole('gridcell', { name: 'mardi, de 10:00 à 11:00' })
        .getAttribute('aria-selected'),
    ).toBe('false');
    await page.context().close();
  });
});

describe('a volunteer in Chromium', () => {
  it('pauses until a date, then leaves after confirming, and may join again', async () => {
    const page = await open('/profile', { locale: 'en-US' });
    await actAs(page, 'Emma Petit', /Search/);
    await page.getByText('You are taking part', { exact: true }).waitFor();

    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Pause until').fill(until);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByText(/^Paused until/).waitFor();

    await page.getByRole('button', { name: 'Leave the programme' }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave the programme?' });
    await dialog.getByText(/Your history is kept/).waitFor();
    await dialog.getByRole('button', { name: 'Leave', exact: true }).click();
    await page.getByRole('button', { name: 'Join again' }).waitFor();

    await page.reload();
    await page.getByText(/You left the programme on/).waitFor();
    await page.getByRole('button', { name: 'Join again' }).waitFor();
    await page.context().close();
  });
});

describe('accessibility of the profile screens', () => {
  it.each([
    ['light', 'Light', webLightTheme.colorNeutralBackground2],
    ['dark', 'Dark', webDarkTheme.colorNeutralBackground2],
    ['contrast', 'High contrast', teamsHighContrastTheme.colorNeutralBackground2],
  ])(
    'the persona picker and the profile have no serious or critical violation (%s)',
    async (_theme, label, background) => {
      const page = await open('/profile', { locale: 'en-US' });
      await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label });
      await expect.poll(() => themeBackground(page)).toBe(background);

      await page.getByRole('heading', { name: 'Who are you today?' }).waitFor();
      await page.getByRole('list', { name: 'Programme leads' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);

      // An opted-in volunteer from the demo data: the whole form with skills and a week.
      await actAs(page, 'Lucas Martin', /Search/);
      await page.getByRole('button', { name: 'Save my profile' }).waitFor();
      await page.getByRole('grid', { name: 'When I am usually free' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);

      // The consent step of someone who has not joined.
      await page.getByRole('button', { name: 'Switch persona' }).click();
      await actAs(page, 'Thomas Guerin', /Search/);
      await page.getByRole('button', { name: 'Join the programme' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.context().close();
    },
  );
});
