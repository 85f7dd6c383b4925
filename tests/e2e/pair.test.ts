import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useTabWorld, region } from '../support/tab-world';
import {
  seriousAxeViolations,
  type ContextOptions,
  actAs,
  themeBackground,
} from '../support/chromium';

const world = useTabWorld();
const open = (path: string, options?: ContextOptions) => world.open(path, options);

/** Yesterday at 10:00 in the browser's zone, as a `datetime-local` value. */
function yesterdayAtTen(): string {
  const d = new Date(Date.now() - 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
}

describe('the pair’s journey in Chromium', () => {
  // Demo pair: Louise Nicolas (community manager) mentors Pierre Gaillard (legal director) on
  // Teams and OneNote; accepted, the agreement signed by Louise only.
  it('mentor and mentee sign the agreement, log a session, both give feedback and see progress', async () => {
    const louise = await open('/pair', { locale: 'fr-FR' });
    await louise.getByRole('heading', { level: 1, name: 'Mon binôme' }).waitFor();
    await actAs(louise, 'Louise Nicolas', /Rechercher/);
    const pierre = await open('/pair', { locale: 'en-GB' });
    await actAs(pierre, 'Pierre Gaillard', /Search/);

    // Both dashboards: the partner card with role, languages and local time.
    await region(louise, 'Votre mentoré')
      .getByRole('heading', { name: 'Pierre Gaillard' })
      .waitFor();
    await region(louise, 'Votre mentoré')
      .getByText(/^Heure locale : \d{2}:\d{2}/)
      .waitFor();
    await region(pierre, 'Your mentor').getByRole('heading', { name: 'Louise Nicolas' }).waitFor();
    await region(pierre, 'Your mentor').getByText('Speaks: French, English').waitFor();
    const pierreSignsFirst = pierre.getByRole('button', { name: /^Sign revision \d+$/ });
    const staleRevision = Number(/\d+/.exec((await pierreSignsFirst.textContent()) ?? '')![0]);

    // Louise adds what she learns back: a change after signing asks both to sign again.
    const agreementFr = region(louise, 'Accord');
    await agreementFr.getByRole('button', { name: 'Modifier l’accord' }).click();
    const mentorGoals = agreementFr.getByRole('textbox', {
      name: 'Ce que le mentor apprend en retour',
    });
    await mentorGoals.fill(
      `${await mentorGoals.inputValue()}\nRepérer une clause risquée dans une publication`,
    );
    await agreementFr.getByRole('button', { name: 'Enregistrer l’accord' }).click();
    const revision = staleRevision + 1;
    await agreementFr
      .getByText(
        `L’accord a changé après signature : vous devez tous les deux signer à nouveau la version ${revision}.`,
      )
      .waitFor();
    await agreementFr.getByText('Repérer une clause risquée dans une publication').waitFor();
    await agreementFr.getByRole('button', { name: `Signer la version ${revision}` }).click();
    await agreementFr.getByText(`Vous avez signé la version ${revision}.`).waitFor();

    // Pierre still reads the old text: his signature is refused, he is told, he reloads and signs.
    const agreement = region(pierre, 'Agreement');
    await pierreSignsFirst.click();
    await agreement.getByText('Your partner changed this in the meantime').waitFor();
    await agreement.getByRole('button', { name: 'Load the latest version' }).click();
    await agreement.getByText('Repérer une clause risquée dans une publication').waitFor();
    await agreement.getByRole('button', { name: `Sign revision ${revision}` }).click();
    await agreement.getByText(`You have both signed revision ${revision}.`).waitFor();
    await agreement
      .getByText(new RegExp(`^Louise Nicolas \\(mentor\\): signed revision ${revision} on`))
      .waitFor();

    // Pierre logs yesterday's session, marks it held and sends his feedback with the fit question.
    const sessions = region(pierre, 'Sessions');
    await sessions.getByLabel('Date and time').fill(yesterdayAtTen());
    await sessions
      .getByRole('textbox', { name: 'Agenda (optional)' })
      .fill('Un canal Teams pour les dossiers');
    await sessions.getByRole('button', { name: 'Add the session' }).click();
    await sessions.getByText('Session added.').waitFor();
    await sessions.getByRole('button', { name: 'Mark as held' }).click();
    await sessions.getByText('Session 1 marked as held.').waitFor();
    await sessions.getByRole('radio', { name: '4 – Very useful' }).check();
    await sessions
      .getByRole('textbox', { name: 'What worked well' })
      .fill('Louise showed me on my own files');
    await sessions
      .getByRole('textbox', { name: 'One suggestion for next time' })
      .fill('A written summary of the steps');
    await sessions.getByRole('radio', { name: 'Yes, a good fit' }).check();
    await sessions.getByRole('button', { name: 'Send my feedback' }).click();
    await sessions.getByText('Feedback sent to Louise Nicolas.').waitFor();

    // His start self-assessment shows in the progress table.
    const progress = region(pierre, 'Goals and progress');
    await progress
      .getByRole('combobox', { name: 'Organiser les dossiers de l’équipe dans un canal Teams' })
      .selectOption({ label: '1 – beginner' });
    await progress
      .getByRole('combobox', { name: 'Prendre mes notes de réunion dans OneNote' })
      .selectOption({ label: '2 – basics' });
    await progress.getByRole('button', { name: 'Save my self-assessment' }).click();
    await progress.getByText('Self-assessment saved (Start).').waitFor();
    const table = progress.getByRole('table', { name: /Self-assessed level per goal/ });
    await table
      .getByRole('row', { name: /Prendre mes notes de réunion dans OneNote You 2/ })
      .waitFor();

    // Louise reloads: Pierre's feedback, his progress; she sends hers and a private note.
    await louise.reload();
    const sessionsFr = region(louise, 'Séances');
    await sessionsFr.getByText('Votre retour est attendu').waitFor();
    await sessionsFr.getByRole('radio', { name: '3 – Utile' }).check();
    await sessionsFr
      .getByRole('textbox', { name: 'Ce qui a bien marché' })
      .fill('Des questions précises');
    await sessionsFr
      .getByRole('textbox', { name: 'Une suggestion pour la prochaine fois' })
      .fill('Apporter un dossier réel');
    await sessionsFr.getByRole('radio', { name: 'Oui, il me convient' }).check();
    await sessionsFr.getByRole('button', { name: 'Envoyer mon retour' }).click();
    await sessionsFr.getByText('Retour envoyé à Pierre Gaillard.').waitFor();
    const privateNote = sessionsFr.getByRole('textbox', { name: 'Ma note privée sur la séance 1' });
    await sessionsFr.getByText('Visible par vous seul.').waitFor();
    await privateNote.fill('Pierre préfère des exemples juridiques concrets.');
    await sessionsFr.getByRole('button', { name: 'Enregistrer ma note privée' }).click();
    await sessionsFr.getByText('Note privée enregistrée.').waitFor();

    const feedbackFr = region(louise, 'Retours');
    await feedbackFr.getByText('Ce qui a marché : Louise showed me on my own files').waitFor();
    await feedbackFr.getByText('Note : 4/4 – Très utile').waitFor();
    await region(louise, 'Objectifs et progrès')
      .getByRole('row', { name: /Prendre mes notes de réunion dans OneNote Pierre Gaillard 2/ })
      .waitFor();
    await region(louise, 'Objectifs et progrès')
      .getByRole('figure', { name: 'Progrès par objectif' })
      .locator('svg')
      .first()
      .waitFor();

    // Pierre reloads: Louise's feedback is there, her private note is not.
    await pierre.reload();
    const feedback = region(pierre, 'Feedback');
    await feedback.getByText('What worked: Des questions précises').waitFor();
    await feedback.getByText('Rating: 3/4 – Useful').waitFor();
    expect(await pierre.getByText('Pierre préfère des exemples juridiques concrets.').count()).toBe(
      0,
    );
    await louise.context().close();
    await pierre.context().close();
  });
});

describe('accessibility of the pair dashboard', () => {
  it('the dashboard of a pair mid-way (chart, table, feedback and agreement forms) has no serious or critical violation in light, dark and high contrast', async () => {
    // Yanis Benali mentors Martine Chevalier on Power BI: sessions, feedback, assessments; his
    // feedback on session 3 is still due, so its form is open.
    const page = await open('/pair', { locale: 'en-US' });
    await actAs(page, 'Yanis Benali', /Search/);
    await region(page, 'Your mentee').getByRole('heading', { name: 'Martine Chevalier' }).waitFor();
    const progress = region(page, 'Goals and progress');
    await progress
      .getByRole('figure', { name: 'Progress per goal' })
      .locator('svg')
      .first()
      .waitFor();
    await region(page, 'Sessions').getByRole('button', { name: 'Send my feedback' }).waitFor();
    await region(page, 'Agreement').getByRole('button', { name: 'Edit the agreement' }).click();
    await region(page, 'Agreement').getByRole('button', { name: 'Save the agreement' }).waitFor();
    for (const [label, background] of [
      ['Light', webLightTheme.colorNeutralBackground2],
      ['Dark', webDarkTheme.colorNeutralBackground2],
      ['High contrast', teamsHighContrastTheme.colorNeutralBackground2],
    ] as const) {
      await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label });
      await expect.poll(() => themeBackground(page)).toBe(background);
      expect(await seriousAxeViolations(page), label).toEqual([]);
    }
    // A confirmation dialog too (dark).
    await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Dark' });
    await region(page, 'Pair status').getByRole('button', { name: 'End early' }).click();
    await page.getByRole('dialog', { name: 'End the pair early?' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the mentor toolkit opens from the mentor’s dashboard, in French', async () => {
    const page = await open('/pair', { locale: 'fr-FR' });
    // Yanis mentors Martine: the toolkit is offered to mentors only.
    await actAs(page, 'Yanis Benali', /Rechercher/);
    await page.getByRole('button', { name: 'Ouvrir la boîte à outils du mentor' }).click();
    await page.getByRole('heading', { level: 1, name: 'Boîte à outils du mentor' }).waitFor();
    await page.getByRole('navigation', { name: 'Sommaire' }).getByRole('link').first().waitFor();
    expect(await page.getByRole('navigation', { name: 'Sommaire' }).getByRole('link').count()).toBe(
      5,
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Retour à mon binôme' }).click();
    await region(page, 'Votre mentoré')
      .getByRole('heading', { name: 'Martine Chevalier' })
      .waitFor();
    await page.context().close();
  });
});
