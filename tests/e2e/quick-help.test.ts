import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useTabWorld, region, nav } from '../support/tab-world';
import { actAs, seriousAxeViolations, themeBackground } from '../support/chromium';

const world = useTabWorld();

describe('quick help in the tab', () => {
  // Demo data: Yanis Benali is the best-rated Copilot buddy and takes requests at any hour.
  it('Adam asks about Copilot in French at 400 px; Yanis finds it under what was asked of him and accepts', async () => {
    const adam = await world.open('/profile', {
      locale: 'fr-FR',
      viewport: { width: 400, height: 800 },
    });
    await actAs(adam, 'Adam Henry', /Rechercher/);
    await nav(adam, 'Principal').getByRole('link', { name: 'Coup de main' }).click();
    const ask = region(adam, 'Demander un coup de main');
    await ask.getByRole('combobox', { name: /Sujet/ }).fill('copilote');
    await ask.getByRole('textbox', { name: /Votre question/ }).fill('Résumer une réunion Teams ?');
    await ask.getByRole('button', { name: 'Demander' }).click();
    await ask
      .getByText(
        'C’est demandé : nous cherchons quelqu’un pour vous aider sur Copilot et IA générative.',
      )
      .waitFor();
    await region(adam, 'Mes demandes')
      .getByText('Demandé, en attente de réponse', { exact: false })
      .waitFor();
    expect(await adam.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      400,
    );
    for (const [theme, background] of [
      ['Sombre', webDarkTheme.colorNeutralBackground2],
      ['Contraste élevé', teamsHighContrastTheme.colorNeutralBackground2],
      ['Clair', webLightTheme.colorNeutralBackground2],
    ] as const) {
      await adam.getByRole('combobox', { name: 'Thème' }).selectOption({ label: theme });
      await expect.poll(() => themeBackground(adam)).toBe(background);
      expect(await seriousAxeViolations(adam), theme).toEqual([]);
    }

    const yanis = await world.open('/quick-help', { locale: 'en-GB' });
    await actAs(yanis, 'Yanis Benali', /Search/);
    const offers = region(yanis, 'Asked of me');
    const offer = offers.getByRole('listitem').filter({ hasText: 'Adam Henry asks about Copilot' });
    await offer.getByText('Résumer une réunion Teams ?').waitFor();
    await offer.getByRole('button', { name: 'Accept' }).click();
    await offer.getByText('You are helping', { exact: true }).waitFor();

    await adam.reload();
    await region(adam, 'Mes demandes')
      .getByText(/En contact avec Yanis Benali/)
      .waitFor();
    for (const page of [adam, yanis]) await page.context().close();
  });
});
