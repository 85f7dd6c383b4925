import { fileURLToPath } from 'node:url';
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { Page } from 'playwright-core';
import { useTabWorld } from '../support/tab-world';
import { seriousAxeViolations, type ContextOptions, themeBackground } from '../support/chromium';

// Four good rows and, on line 4, an e-mail written with "(at)".
const csvWithOneBadRow = fileURLToPath(
  new URL('../fixtures/csv/participants-one-bad-row.csv', import.meta.url),
);

const world = useTabWorld();

async function openAsLead(path: string, options: ContextOptions = {}): Promise<Page> {
  const page = await world.open(path, options);
  const french = options.locale?.startsWith('fr') ?? false;
  await page
    .getByRole('searchbox', { name: french ? /Rechercher/ : /Search/ })
    .fill('Claire Dubois');
  await page.getByRole('button', { name: /Claire Dubois/ }).click();
  return page;
}

describe('a programme lead in Chromium', () => {
  it('creates a programme and imports a CSV with one bad row, seeing which', async () => {
    const page = await openAsLead('/programmes', { locale: 'fr-FR' });
    await page.getByRole('link', { name: 'Mentorat inversé 2027' }).waitFor();
    await page.getByRole('button', { name: 'Nouveau programme' }).click();

    await page.getByRole('textbox', { name: 'Nom' }).fill('Pilote Data 2027');
    await page.getByLabel('Date de début').fill('2027-09-01');
    await page.getByLabel('Date de fin').fill('2028-02-28');
    await page.getByRole('button', { name: 'Ajouter une compétence' }).click();
    await page
      .getByRole('textbox', { name: 'Compétence 1, nom en français' })
      .fill('Tableaux de bord');
    await page.getByRole('textbox', { name: 'Compétence 1, nom en anglais' }).fill('Dashboards');
    await page.getByRole('button', { name: 'Ajouter une compétence' }).click();
    await page.getByRole('textbox', { name: 'Compétence 2, nom en français' }).fill('Négociation');
    await page.getByRole('textbox', { name: 'Compétence 2, nom en anglais' }).fill('Negotiation');
    await page
      .getByRole('combobox', { name: 'Compétence 2, type' })
      .selectOption({ label: 'Savoir-faire' });
    await page.getByRole('button', { name: 'Créer le programme' }).click();

    await page.getByText('Le programme est créé en brouillon.', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'Pilote Data 2027' }).waitFor();
    await page.getByText('Brouillon', { exact: true }).waitFor();

    await page.getByLabel('Fichier CSV').setInputFiles(csvWithOneBadRow);
    const preview = page.getByRole('table', { name: 'Aperçu' });
    const bad = preview.getByRole('row', { name: /gabriel\.da\.silva\(at\)/ });
    await bad.waitFor();
    expect(await bad.getByRole('rowheader').textContent()).toBe('4');
    expect(await bad.textContent()).toMatch(/adresse e-mail/i);
    expect(await preview.getByRole('row').count()).toBe(2); // header + the one bad row
    await page
      .getByText(/4 lignes : 3 à ajouter, 0 à mettre à jour, 0 inchangées, 1 en erreur/)
      .waitFor();

    // The button counts the rows that would be imported, and waits for the choice to leave one out.
    const importValid = page.getByRole('button', { name: 'Importer les 3 lignes valides' });
    expect(await importValid.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Importer 4 lignes' }).count()).toBe(0);
    await page
      .getByRole('checkbox', { name: /Importer seulement les lignes valides \(3\)/ })
      .check();
    await importValid.click();
    await page.getByText('Import terminé', { exact: true }).waitFor();
    await page.getByText('3 ajoutées, 0 mises à jour, 0 inchangées.').waitFor();

    // The same file again, valid rows only: already there, nothing changes.
    await page.getByRole('button', { name: 'Importer un autre fichier' }).click();
    await page.getByLabel('Fichier CSV').setInputFiles(csvWithOneBadRow);
    await page
      .getByText(/4 lignes : 0 à ajouter, 0 à mettre à jour, 3 inchangées, 1 en erreur/)
      .waitFor();
    await page
      .getByRole('checkbox', { name: /Importer seulement les lignes valides \(3\)/ })
      .check();
    await page.getByRole('button', { name: 'Importer les 3 lignes valides' }).click();
    await page.getByText('Rien à changer : ce fichier est déjà importé.').waitFor();

    // Settings are saved with the programme's ETag; then enrolment opens after a confirmation.
    await page.getByRole('tab', { name: 'Paramètres' }).click();
    await page.getByRole('textbox', { name: 'Description' }).fill('Données et tableaux de bord.');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByText('Le programme est enregistré.').waitFor();
    await page.getByRole('button', { name: 'Ouvrir les inscriptions' }).click();
    const confirm = page.getByRole('dialog', { name: 'Ouvrir les inscriptions ?' });
    await confirm.getByRole('button', { name: 'Ouvrir les inscriptions' }).click();
    await page.getByText('Inscriptions ouvertes', { exact: true }).waitFor();
    await page.reload();
    expect(await page.getByRole('textbox', { name: 'Description' }).inputValue()).toBe(
      'Données et tableaux de bord.',
    );

    await page.getByRole('tab', { name: 'Préparation' }).click();
    const supply = page.getByRole('table', {
      name: 'Compétences : qui peut transmettre, qui veut apprendre',
    });
    await supply.getByRole('row', { name: /Tableaux de bord/ }).waitFor();
    await page.getByText(/Seulement 0 participant actif/).waitFor();
    await page.context().close();
  });
});

describe('accessibility of the programme screens', () => {
  it.each([
    ['light', 'Light', webLightTheme.colorNeutralBackground2],
    ['dark', 'Dark', webDarkTheme.colorNeutralBackground2],
    ['contrast', 'High contrast', teamsHighContrastTheme.colorNeutralBackground2],
  ])(
    'list, settings, readiness and import preview have no serious or critical violation (%s)',
    async (_theme, label, background) => {
      const page = await openAsLead('/programmes', { locale: 'en-US' });
      await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label });
      await expect.poll(() => themeBackground(page)).toBe(background);

      await page.getByRole('link', { name: 'Mentorat inversé 2027' }).click();
      await page.getByRole('button', { name: 'Save changes' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByRole('tab', { name: 'Readiness' }).click();
      await page.getByRole('table', { name: /Skills: who can teach/ }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByRole('tab', { name: 'Import participants' }).click();
      await page.getByLabel('CSV file').setInputFiles(csvWithOneBadRow);
      await page.getByRole('table', { name: 'Preview' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Back to programmes' }).click();
      await page.getByRole('button', { name: 'New programme' }).click();
      await page.getByRole('button', { name: 'Create the programme' }).click();
      await page.getByText('The programme was not saved. Please check:').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.context().close();
    },
  );
});
