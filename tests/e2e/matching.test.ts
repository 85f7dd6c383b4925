import type { MatchingReviewResponse, VolunteersResponse } from '../../src/contracts/matching';
import { demoPersonId, demoProgrammeId } from '../../src/local/seed/demo-data';
import { useTabWorld } from '../support/tab-world';
import { seriousAxeViolations, type ContextOptions, actAs } from '../support/chromium';

const world = useTabWorld();
const open = (path: string, options?: ContextOptions) => world.open(path, options);

/** What the API gives the lead at `path` under the programme's matching. */
async function asLead<T>(path = ''): Promise<T> {
  const signIn = await fetch(`${world.app.baseUrl}/api/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId: demoPersonId(5) }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const reply = await fetch(
    `${world.app.baseUrl}/api/programmes/${demoProgrammeId}/matching${path}`,
    {
      headers: { authorization: `Bearer ${token}` },
    },
  );
  expect(reply.status).toBe(200);
  return (await reply.json()) as T;
}

/** The review as the API gives it to the lead (to know whom to sign in as next). */
const reviewAsLead = () => asLead<MatchingReviewResponse>();
/** The programme's volunteers with their ids (the form's options are keyed by id). */
const volunteersAsLead = () => asLead<VolunteersResponse>('/volunteers');

describe('matching in Chromium', () => {
  it('the lead runs matching with a progress bar, pins, blocks, reruns, lifts the pin and the block, accepts all and publishes (French)', async () => {
    const page = await open('/matching', { locale: 'fr-FR' });
    await page.getByRole('heading', { level: 1, name: 'Appariement' }).waitFor();
    await actAs(page, 'Claire Dubois', /Rechercher/);
    await page.getByText('Aucune proposition pour l’instant : lancez l’appariement.').waitFor();

    // Slow the progress polls down a little so the progress bar can be seen (the demo run is quick).
    await page.route('**/matching/runs/*', async (route) => {
      await new Promise((r) => setTimeout(r, 700));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Lancer l’appariement' }).click();
    await page.getByRole('progressbar').waitFor();
    await page.getByText(/Appariement en cours : \d+ %/).waitFor();
    const table = page.getByRole('table', { name: 'Propositions' });
    await table.waitFor();
    await page.getByRole('progressbar').waitFor({ state: 'detached' });
    const rows = table.getByRole('row');
    expect(await rows.count()).toBeGreaterThan(4);
    // Each proposal shows a score out of 100 and its reasons in French.
    await table
      .getByText(/\/ 100/)
      .first()
      .waitFor();
    const firstReasons = await table.locator('tbody tr').first().locator('li').allTextContents();
    expect(firstReasons.length).toBeGreaterThan(0);
    await page
      .getByRole('table', { name: 'Personnes sans binôme' })
      .or(page.getByText('Tout le monde a un binôme.'))
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Pin the best pair, block the second; rerun keeps the pin and never proposes the blocked pair.
    const names = async (row: number) => {
      const cells = table.locator('tbody tr').nth(row).locator('td');
      const first = (await cells.nth(1).innerText()).split('\n')[0]!.trim();
      const second = (await cells.nth(2).innerText()).split('\n')[0]!.trim();
      return [first, second] as const;
    };
    const [pinMentor, pinMentee] = await names(0);
    const [blockMentor, blockMentee] = await names(1);
    await page
      .getByRole('button', { name: `Fixer le binôme ${pinMentor} et ${pinMentee}`, exact: true })
      .click();
    await table.getByText('Fixé', { exact: true }).waitFor();
    await page
      .getByRole('button', {
        name: `Bloquer le binôme ${blockMentor} et ${blockMentee}`,
        exact: true,
      })
      .click();
    await page.getByText(/s’appliquent au prochain calcul/).waitFor();
    await page.getByRole('button', { name: 'Relancer en gardant les binômes retenus' }).click();
    await page.getByRole('progressbar').waitFor();
    await page.getByRole('progressbar').waitFor({ state: 'detached' });
    await page.getByText(/s’appliquent au prochain calcul/).waitFor({ state: 'detached' });
    await table.getByText('Fixé', { exact: true }).waitFor();
    expect(
      await page
        .getByRole('button', {
          name: `Bloquer le binôme ${blockMentor} et ${blockMentee}`,
          exact: true,
        })
        .count(),
    ).toBe(0);

    // The pins and blocks are listed; the lead lifts the block, then the pin from its draft.
    const rules = page.getByRole('table', { name: 'Binômes fixés et bloqués' });
    await rules.getByText('Bloqué', { exact: true }).waitFor();
    expect(await rules.locator('tbody tr').count()).toBe(2);
    await rules
      .getByRole('button', { name: `Débloquer le binôme ${blockMentor} et ${blockMentee}` })
      .click();
    await page
      .getByText(
        `Blocage levé : ${blockMentor} et ${blockMentee} pourront être appariés au prochain calcul.`,
      )
      .waitFor();
    expect(await rules.locator('tbody tr').count()).toBe(1);
    await table
      .getByRole('button', { name: `Ne plus fixer le binôme ${pinMentor} et ${pinMentee}` })
      .click();
    await table
      .getByRole('button', { name: `Fixer le binôme ${pinMentor} et ${pinMentee}`, exact: true })
      .waitFor();
    await rules.waitFor({ state: 'detached' });
    expect(await table.getByText('Fixé', { exact: true }).count()).toBe(0);

    // Any two volunteers can be blocked (or pinned) by name, not only a proposed pair.
    const ids = new Map(
      (await volunteersAsLead()).volunteers.map((v) => [v.displayName, v.personId]),
    );
    await page.getByRole('button', { name: 'Fixer ou bloquer deux volontaires…' }).click();
    await page
      .getByRole('combobox', { name: 'Mentor', exact: true })
      .selectOption(ids.get(blockMentor)!);
    await page.getByRole('combobox', { name: 'Mentoré' }).selectOption(ids.get(blockMentee)!);
    await page.getByRole('button', { name: 'Bloquer ce binôme' }).click();
    await rules.getByText('Bloqué', { exact: true }).waitFor();
    expect(await rules.locator('tbody tr').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Tout accepter' }).click();
    await table.getByText('Retenu').first().waitFor();
    expect(await page.getByRole('button', { name: 'Tout accepter' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Publier les propositions ?' });
    await dialog.getByText(/3 jours pour répondre/).waitFor();
    await dialog.getByRole('button', { name: 'Publier' }).click();
    await page.getByText(/propositions publiées\. Réponses attendues avant le/).waitFor();
    await table.getByText('En attente des réponses').first().waitFor();
    await page.close();
  });

  it('a person sees their proposal with its reasons and deadline and accepts; once the partner accepts, the pair exists (English)', async () => {
    const review = await reviewAsLead();
    const proposal = review.proposals.find((p) => p.stage === 'published')!;
    expect(proposal).toBeDefined();
    const mentee = proposal.mentee.displayName;
    const mentor = proposal.mentor.displayName;

    const page = await open('/proposal', { locale: 'en-GB' });
    await page.getByRole('heading', { level: 1, name: 'My match' }).waitFor();
    await actAs(page, mentee, /Search/);
    await page.getByRole('heading', { name: `${mentor} would mentor you` }).waitFor();
    for (const reason of proposal.reasons)
      await page.getByText(reason.en, { exact: true }).waitFor();
    await page.getByText(/^Answer by /).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: `Accept the pairing with ${mentor}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Accept this pairing?' });
    await dialog.getByRole('button', { name: 'Yes, accept' }).click();
    await page.getByText(`You accepted. We are waiting for ${mentor}’s answer.`).waitFor();
    await page.close();

    const partner = await open('/proposal', { locale: 'en-GB' });
    await actAs(partner, mentor, /Search/);
    await partner.getByRole('heading', { name: `You would mentor ${mentee}` }).waitFor();
    await partner.getByRole('button', { name: `Accept the pairing with ${mentee}` }).click();
    await partner
      .getByRole('dialog', { name: 'Accept this pairing?' })
      .getByRole('button', { name: 'Yes, accept' })
      .click();
    await partner.getByText('You have both accepted: your pair is formed.').waitFor();
    await partner.close();

    const after = await reviewAsLead();
    const settled = after.proposals.find((p) => p.id === proposal.id)!;
    expect(settled.status).toBe('accepted');
    expect(settled.pairId).toBeTruthy();
  });

  it('a person declines after confirming, and is told a new proposal will follow (French)', async () => {
    const review = await reviewAsLead();
    const proposal = review.proposals.find(
      (p) => p.stage === 'published' && p.status === 'proposed',
    )!;
    const page = await open('/proposal', { locale: 'fr-FR', colorScheme: 'dark' });
    await actAs(page, proposal.mentor.displayName, /Rechercher/);
    const mentee = proposal.mentee.displayName;
    await page.getByRole('heading', { name: `Vous seriez le mentor de ${mentee}` }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: `Refuser le binôme avec ${mentee}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Refuser ce binôme ?' });
    // Cancelling changes nothing.
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await page.getByRole('button', { name: `Refuser le binôme avec ${mentee}` }).click();
    await page
      .getByRole('dialog', { name: 'Refuser ce binôme ?' })
      .getByRole('button', { name: 'Oui, refuser' })
      .click();
    await page.getByText('Ce binôme a été refusé.', { exact: false }).first().waitFor();
    await page.close();
    const after = await reviewAsLead();
    expect(after.counts.declined).toBe(1);
  });
});
