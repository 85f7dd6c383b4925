import { fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { MyProposal, MyProposalsResponse } from '../../../../src/contracts/matching';
import type { MyPairItem, MyPairsResponse } from '../../../../src/contracts/pairs';
import ProposalScreen from '../../../../tab/src/screens/proposal/ProposalScreen';
import { aMe, aPersonCard, renderScreen, signedInAs, signOutEverywhere } from './render-screen';

const marc = aPersonCard({ id: 'p-27', displayName: 'Marc Dupont' });

function aMyProposal(overrides: Partial<MyProposal> = {}): MyProposal {
  return {
    id: 'prop-1',
    programmeId: 'prog-1',
    programmeName: 'Mentorat inversé 2027',
    role: 'mentee',
    mentorCapacity: null,
    partner: {
      personId: 'p-14',
      displayName: 'Léa Roux',
      jobTitle: 'Chargée de clientèle',
      department: 'Ventes',
      languages: ['fr', 'en'],
      timeZone: 'Europe/Paris',
      bio: '',
    },
    score: 71.2,
    reasons: ['Léa Roux teaches Power BI (4/5), which Marc Dupont wants to learn'],
    status: 'proposed',
    myAnswer: null,
    waitingForPartner: false,
    expiresAt: '2027-01-07T09:00:00.000Z',
    pairId: null,
    ...overrides,
  };
}

function aPair(overrides: Partial<MyPairItem> = {}): MyPairItem {
  return {
    id: 'pair-7',
    programmeId: 'prog-1',
    state: 'active',
    myRole: 'mentee',
    partner: {
      personId: 'p-9',
      displayName: 'Yanis Benali',
      jobTitle: 'Alternant',
      photoUrl: null,
    },
    subject: 'Power BI',
    nextSessionStart: null,
    agreementFullySigned: true,
    awaitingMyFeedback: 0,
    declines: [],
    updatedAt: '2027-01-05T09:00:00.000Z',
    ...overrides,
  };
}

const pairsMine = (pairs: MyPairItem[]) =>
  http.get('*/api/pairs/mine', () => HttpResponse.json({ pairs } satisfies MyPairsResponse));

// By default Marc is in no pair; a test that needs one says so.
const server = setupServer(pairsMine([]));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => signedInAs(marc.id, marc.displayName));
afterEach(() => {
  server.resetHandlers();
  signOutEverywhere();
  window.history.replaceState(null, '', '/');
});
afterAll(() => server.close());

describe('the person’s proposal card', { timeout: 20_000 }, () => {
  it('says when there is no proposal yet', async () => {
    server.use(
      http.get('*/api/me', () => HttpResponse.json(aMe({ person: marc }))),
      http.get('*/api/proposals/mine', () =>
        HttpResponse.json({ locale: 'fr', proposals: [] } satisfies MyProposalsResponse),
      ),
    );
    renderScreen(<ProposalScreen />, { locale: 'fr' });
    expect(await screen.findByText(/Pas encore de proposition pour vous/)).toBeInTheDocument();
  });

  it('tells someone already in a pair that they have one, where it stands, with a link to My pair', async () => {
    server.use(
      http.get('*/api/me', () => HttpResponse.json(aMe({ person: marc }))),
      http.get('*/api/proposals/mine', () =>
        HttpResponse.json({ locale: 'en', proposals: [] } satisfies MyProposalsResponse),
      ),
      // Completed pairs are past; the open one is what counts.
      pairsMine([aPair(), aPair({ id: 'pair-1', state: 'completed' })]),
    );
    renderScreen(<ProposalScreen />, { locale: 'en' });
    const card = await screen.findByRole('group', { name: 'You already have a pair' });
    expect(card).toHaveTextContent('Your pair with Yanis Benali is under way.');
    expect(screen.queryByText(/No proposal for you yet/)).not.toBeInTheDocument();
    const link = within(card).getByRole('link', { name: 'My pair' });
    expect(link).toHaveAttribute('href', '/pair?pair=pair-7');
    fireEvent.click(link);
    expect(window.location.pathname).toBe('/pair');
    expect(window.location.search).toBe('?pair=pair-7');
  });

  it('in French, says where the pair stands (waiting for the managers)', async () => {
    server.use(
      http.get('*/api/me', () => HttpResponse.json(aMe({ person: marc }))),
      http.get('*/api/proposals/mine', () =>
        HttpResponse.json({ locale: 'fr', proposals: [] } satisfies MyProposalsResponse),
      ),
      pairsMine([aPair({ state: 'awaiting_approval' })]),
    );
    renderScreen(<ProposalScreen />, { locale: 'fr' });
    const card = await screen.findByRole('group', { name: 'Vous avez déjà un binôme' });
    expect(card).toHaveTextContent(
      'Votre binôme avec Yanis Benali attend l’approbation de vos managers.',
    );
    expect(within(card).getByRole('link', { name: 'Mon binôme' })).toBeInTheDocument();
    expect(screen.queryByText(/Pas encore de proposition/)).not.toBeInTheDocument();
  });

  it('says who declined instead of “waiting for approval” once a manager declined', async () => {
    server.use(
      http.get('*/api/me', () => HttpResponse.json(aMe({ person: marc }))),
      http.get('*/api/proposals/mine', () =>
        HttpResponse.json({ locale: 'fr', proposals: [] } satisfies MyProposalsResponse),
      ),
      pairsMine([
        aPair({
          state: 'awaiting_approval',
          declines: [{ managerName: 'Olivier Fontaine', mine: true, comment: 'Pas ce trimestre.' }],
        }),
      ]),
    );
    renderScreen(<ProposalScreen />, { locale: 'fr' });
    const card = await screen.findByRole('group', { name: 'Vous avez déjà un binôme' });
    expect(card).toHaveTextContent(
      'Le temps demandé pour votre binôme avec Yanis Benali a été refusé par Olivier Fontaine : modifiez l’accord ensemble et signez-le à nouveau.',
    );
    expect(card).not.toHaveTextContent('attend l’approbation');
  });

  it('tells a mentor how many people they can mentor at once (Louise, capacity 2)', async () => {
    server.use(
      http.get('*/api/me', () => HttpResponse.json(aMe({ person: marc }))),
      http.get('*/api/proposals/mine', () =>
        HttpResponse.json({
          locale: 'fr',
          proposals: [aMyProposal({ role: 'mentor', mentorCapacity: 2 })],
        } satisfies MyProposalsResponse),
      ),
      pairsMine([]),
    );
    renderScreen(<ProposalScreen />, { locale: 'fr' });
    expect(
      await screen.findByText(
        'Selon votre profil, vous pouvez accompagner jusqu’à 2 personnes à la fois.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the partner, the reasons in the tab’s language and the deadline; accepts only after confirming', async () => {
    const asked: string[] = [];
    const answers: unknown[] = [];
    server.use(
      http.get('*/api/me', () => HttpResponse.json(aMe({ person: marc }))),
      http.get('*/api/proposals/mine', ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('locale') ?? '');
        return HttpResponse.json({ locale: 'en', proposals: [aMyProposal()] });
      }),
      http.post('*/api/proposals/prop-1/answer', async ({ request }) => {
        answers.push(await request.json());
        return HttpResponse.json(aMyProposal({ myAnswer: 'accepted', waitingForPartner: true }));
      }),
    );
    renderScreen(<ProposalScreen />, { locale: 'en' });
    expect(
      await screen.findByRole('heading', { name: 'Léa Roux would mentor you' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Léa Roux teaches Power BI (4/5), which Marc Dupont wants to learn'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Answer by January 7, 2027/)).toBeInTheDocument();
    expect(screen.getByText('Speaks: French, English')).toBeInTheDocument();
    expect(asked).toEqual(['en']);

    fireEvent.click(screen.getByRole('button', { name: 'Accept the pairing with Léa Roux' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('You agree to pair with Léa Roux in Mentorat inversé 2027.');
    expect(answers).toEqual([]);
    // Cancelling is covered in Chromium (tests/e2e/matching.test.ts): jsdom keeps a reopened
    // Fluent dialog aria-hidden.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, accept' }));
    expect(
      await screen.findByText('You accepted. We are waiting for Léa Roux’s answer.'),
    ).toBeInTheDocument();
    expect(answers).toEqual([{ answer: 'accepted' }]);
    expect(
      screen.queryByRole('button', { name: 'Accept the pairing with Léa Roux' }),
    ).not.toBeInTheDocument();
  });

  it('declines after confirming, in French, and explains a refusal after the deadline', async () => {
    server.use(
      http.get('*/api/me', () => HttpResponse.json(aMe({ person: marc }))),
      http.get('*/api/proposals/mine', () =>
        HttpResponse.json({ locale: 'fr', proposals: [aMyProposal({ role: 'mentor' })] }),
      ),
      http.post('*/api/proposals/prop-1/answer', () =>
        HttpResponse.json(
          { error: { code: 'proposal_expired', message: 'The time to answer ran out' } },
          { status: 409 },
        ),
      ),
    );
    renderScreen(<ProposalScreen />, { locale: 'fr' });
    expect(
      await screen.findByRole('heading', { name: 'Vous seriez le mentor de Léa Roux' }),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Refuser le binôme avec Léa Roux' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      'Nous chercherons quelqu’un d’autre pour vous et pour Léa Roux.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Oui, refuser' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Cette proposition a expiré.');
  });

  it('says a proposal was withdrawn because one of the two paused or left, with no answer to give', async () => {
    server.use(
      http.get('*/api/me', () => HttpResponse.json(aMe({ person: marc }))),
      http.get('*/api/proposals/mine', () =>
        HttpResponse.json({
          locale: 'en',
          proposals: [aMyProposal({ status: 'superseded' })],
        } satisfies MyProposalsResponse),
      ),
    );
    renderScreen(<ProposalScreen />, { locale: 'en' });
    expect(
      await screen.findByText(
        /This proposal was withdrawn: one of you has paused or left the programme\./,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Accept/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Decline/ })).not.toBeInTheDocument();
  });

  it('after a decline looks again until the next proposal arrives, and shows it', async () => {
    let reads = 0;
    const next = aMyProposal({
      id: 'prop-2',
      partner: { ...aMyProposal().partner, personId: 'p-33', displayName: 'Nora Said' },
    });
    const declined = aMyProposal({ status: 'declined', myAnswer: 'declined' });
    server.use(
      http.get('*/api/me', () => HttpResponse.json(aMe({ person: marc }))),
      http.get('*/api/proposals/mine', () => {
        reads++;
        // The repair run takes a moment: the new proposal shows on the third read.
        const proposals = reads === 1 ? [aMyProposal()] : reads < 3 ? [declined] : [next, declined];
        return HttpResponse.json({ locale: 'en', proposals } satisfies MyProposalsResponse);
      }),
      http.post('*/api/proposals/prop-1/answer', () => HttpResponse.json(declined)),
    );
    renderScreen(<ProposalScreen />, { locale: 'en' });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Decline the pairing with Léa Roux' }),
    );
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Yes, decline' }),
    );
    expect(
      await screen.findByRole('heading', { name: 'Nora Said would mentor you' }, { timeout: 8000 }),
    ).toBeInTheDocument();
    expect(reads).toBe(3);
    expect(screen.getByRole('button', { name: 'Accept the pairing with Nora Said' })).toBeEnabled();
  });

  it('tells the person their partner declined, and once both accepted opens the pair', async () => {
    server.use(
      http.get('*/api/me', () => HttpResponse.json(aMe({ person: marc }))),
      http.get('*/api/proposals/mine', () =>
        HttpResponse.json({
          locale: 'fr',
          proposals: [
            aMyProposal({
              id: 'prop-3',
              status: 'accepted',
              myAnswer: 'accepted',
              pairId: 'pair-9',
            }),
            aMyProposal({ status: 'declined', myAnswer: 'accepted' }),
          ],
        } satisfies MyProposalsResponse),
      ),
    );
    renderScreen(<ProposalScreen />, { locale: 'fr' });
    expect(await screen.findByText('Léa Roux a refusé ce binôme.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Ouvrir notre binôme avec Léa Roux' }));
    expect(window.location.pathname + window.location.search).toBe('/pair?pair=pair-9');
  });
});

describe('the person left without a partner', { timeout: 20_000 }, () => {
  const unmatchedReply = (
    locale: 'fr' | 'en',
    unmatched: MyProposalsResponse['unmatched'],
  ): MyProposalsResponse => ({ locale, proposals: [], ...(unmatched ? { unmatched } : {}) });

  it('sees, in their language, that no partner was found, the run’s reasons for them and what to change, with a way to their profile', async () => {
    const asked: string[] = [];
    server.use(
      http.get('*/api/me', () => HttpResponse.json(aMe({ person: marc }))),
      http.get('*/api/proposals/mine', ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('locale') ?? '');
        return HttpResponse.json(
          unmatchedReply('en', {
            programmeId: 'prog-1',
            programmeName: 'Reverse mentoring 2027',
            runAt: '2027-01-04T09:00:00.000Z',
            explained: true,
            reasons: ['Nobody teaches Power BI', 'No overlapping availability of 1 h a week'],
          }),
        );
      }),
    );
    renderScreen(<ProposalScreen />, { locale: 'en' });
    const card = await screen.findByRole('group', { name: 'No partner found for you yet' });
    expect(asked).toEqual(['en']);
    expect(
      within(card).getByText('Why, according to the last matching in Reverse mentoring 2027:'),
    ).toBeInTheDocument();
    const lists = within(card).getAllByRole('list');
    expect(
      within(lists[0]!)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Nobody teaches Power BI', 'No overlapping availability of 1 h a week']);
    expect(
      within(lists[1]!)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Widen your weekly availability',
      'Add skills you would like to learn',
      'Add the languages you can work in',
    ]);
    expect(screen.queryByText(/No proposal for you yet/)).not.toBeInTheDocument();
    fireEvent.click(within(card).getByRole('button', { name: 'Update my profile' }));
    expect(window.location.pathname).toBe('/profile');
  });

  it('beyond the reasons the run kept, is told plainly that no partner was found and the lead will run matching again (fr)', async () => {
    server.use(
      http.get('*/api/me', () => HttpResponse.json(aMe({ person: marc }))),
      http.get('*/api/proposals/mine', () =>
        HttpResponse.json(
          unmatchedReply('fr', {
            programmeId: 'prog-1',
            programmeName: 'Mentorat inversé 2027',
            runAt: '2027-01-04T09:00:00.000Z',
            explained: false,
            reasons: [],
          }),
        ),
      ),
    );
    renderScreen(<ProposalScreen />, { locale: 'fr' });
    const card = await screen.findByRole('group', { name: 'Pas encore de binôme pour vous' });
    expect(
      within(card).getByText(
        'Le dernier appariement de Mentorat inversé 2027 ne vous a pas encore trouvé de binôme. Le responsable du programme relancera l’appariement.',
      ),
    ).toBeInTheDocument();
    expect(within(card).queryByText(/Pourquoi/)).not.toBeInTheDocument();
    expect(within(card).getAllByRole('list')).toHaveLength(1);
    expect(
      within(card).getByRole('button', { name: 'Mettre à jour mon profil' }),
    ).toBeInTheDocument();
  });
});
