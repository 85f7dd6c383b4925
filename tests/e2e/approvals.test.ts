import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useTabWorld, region, nav } from '../support/tab-world';
import {
  actAs,
  seriousAxeViolations,
  themeBackground,
  type ContextOptions,
} from '../support/chromium';

const world = useTabWorld();
const open = (path: string, options?: ContextOptions) => world.open(path, options);

describe('managers approve the pair’s time in the tab', () => {
  // Demo pair: Louise Nicolas (community manager; manager Catherine Roussel) mentors Pierre
  // Gaillard (legal director; manager Hélène Marchand). Louise signed; Pierre signs here.
  it('the second signature asks both managers; each approves in the tab; the pair’s dashboard shows it active', async () => {
    const pierre = await open('/pair', { locale: 'en-GB' });
    await actAs(pierre, 'Pierre Gaillard', /Search/);
    const agreement = region(pierre, 'Agreement');
    await agreement.getByRole('button', { name: /^Sign revision \d+$/ }).click();
    await agreement.getByText(/^You have both signed revision \d+\.$/).waitFor();
    await region(pierre, 'Pair status')
      .getByText('Waiting for the managers’ approval', { exact: true })
      .waitFor();

    // Catherine manages Louise: the Approvals link is in her nav; she approves in English.
    const catherine = await open('/profile', { locale: 'en-GB' });
    await actAs(catherine, 'Catherine Roussel', /Search/);
    await nav(catherine, 'Main').getByRole('link', { name: 'Approvals' }).click();
    const louiseCard = catherine.getByRole('article', {
      name: 'Louise Nicolas with Pierre Gaillard',
    });
    await louiseCard.getByText('Teams et OneNote pour le travail juridique').waitFor();
    await louiseCard.getByText(/^6 sessions × 1 h, every 2 weeks \(6 h in total\)$/).waitFor();
    expect(await nav(catherine, 'Main').getByRole('link', { name: 'Matching' }).count()).toBe(0);
    for (const [theme, background] of [
      ['Dark', webDarkTheme.colorNeutralBackground2],
      ['High contrast', teamsHighContrastTheme.colorNeutralBackground2],
      ['Light', webLightTheme.colorNeutralBackground2],
    ] as const) {
      await catherine.getByRole('combobox', { name: 'Theme' }).selectOption({ label: theme });
      await expect.poll(() => themeBackground(catherine)).toBe(background);
      expect(await seriousAxeViolations(catherine), theme).toEqual([]);
    }
    await louiseCard.getByRole('button', { name: 'Approve' }).click();
    await louiseCard.getByText('You approved Louise Nicolas’s time.').waitFor();
    await louiseCard.getByText('The pair waits for the other manager’s approval.').waitFor();

    // Pierre's dashboard says whose manager approved and whose is still asked.
    await pierre.reload();
    const asked = region(pierre, 'Pair status').getByRole('list', { name: 'Managers’ approval' });
    const managerItem = (name: string) => asked.getByRole('listitem').filter({ hasText: name });
    await managerItem('Catherine Roussel').getByText('Approved', { exact: true }).waitFor();
    await managerItem('Catherine Roussel').getByText('Louise Nicolas’s manager').waitFor();
    await managerItem('Hélène Marchand').getByText('Waiting', { exact: true }).waitFor();
    await managerItem('Hélène Marchand').getByText('your manager', { exact: true }).waitFor();
    expect(await seriousAxeViolations(pierre)).toEqual([]);

    // Hélène manages Pierre: she reads it in French, declining without a word is refused, she approves.
    const helene = await open('/approvals', { locale: 'fr-FR' });
    await actAs(helene, 'Hélène Marchand', /Rechercher/);
    const pierreCard = helene.getByRole('article', { name: 'Pierre Gaillard avec Louise Nicolas' });
    await pierreCard.getByText(/^6 séances × 1 h, toutes les deux semaines/).waitFor();
    await pierreCard.getByRole('button', { name: 'Refuser' }).click();
    await pierreCard.getByText('Merci d’indiquer en commentaire pourquoi vous refusez.').waitFor();
    await pierreCard.getByRole('button', { name: 'Approuver' }).click();
    await pierreCard.getByText('Tous les managers ont approuvé : le binôme a démarré.').waitFor();

    // Pierre's dashboard: the pair is active.
    await pierre.reload();
    await region(pierre, 'Pair status').getByText('Active', { exact: true }).waitFor();

    for (const page of [pierre, catherine, helene]) await page.context().close();
  });
});
