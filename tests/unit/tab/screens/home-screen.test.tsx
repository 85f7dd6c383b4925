import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { AppRole } from '../../../../src/contracts/identity';
import type {
  ProgrammeListItem,
  ProgrammeListResponse,
} from '../../../../src/contracts/programmes';
import type { MyPairItem } from '../../../../src/contracts/pairs';
import { getDevSession } from '../../../../tab/src/auth/dev-session';
import { getSignedInMe } from '../../../../tab/src/auth/session-store';
import HomeScreen from '../../../../tab/src/screens/home/HomeScreen';
import { aMe, aPersonCard, renderScreen, signedInAs, signOutEverywhere } from './render-screen';

const person = aPersonCard({ id: 'p-21', displayName: 'Sarah Mathieu' });

function aListItem(overrides: Partial<ProgrammeListItem> = {}): ProgrammeListItem {
  return {
    id: 'prog-2027',
    name: 'Mentorat inversé 2027',
    description: '',
    startDate: '2027-01-11',
    endDate: '2027-06-30',
    status: 'enrolling',
    canManage: false,
    myStatus: 'not_joined',
    ...overrides,
  };
}

const server = setupServer(
  http.get('*/api/health', () => HttpResponse.json({ status: 'ok', store: 'up' })),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  signOutEverywhere();
  window.history.replaceState(null, '', '/');
});
afterAll(() => server.close());

/** Sarah signed in, with these roles and these programmes; records the token each call sent. */
function signedIn(roles: AppRole[], programmes: ProgrammeListItem[], pairs: MyPairItem[] = []) {
  signedInAs(person.id, person.displayName);
  const tokens: (string | null)[] = [];
  const list: ProgrammeListResponse = { programmes, canCreateProgrammes: false };
  server.use(
    http.get('*/api/me', ({ request }) => {
      tokens.push(request.headers.get('authorization'));
      return HttpResponse.json(aMe({ person, roles }));
    }),
    http.get('*/api/programmes', () => HttpResponse.json(list)),
    http.get('*/api/pairs/mine', () => HttpResponse.json({ pairs })),
  );
  return tokens;
}

async function nextSteps(name: string | RegExp) {
  return screen.findByRole('region', { name });
}

describe('the home screen says what to do next', () => {
  it('asks someone not signed in yet to choose who they are (outside Teams)', async () => {
    renderScreen(<HomeScreen />, { locale: 'fr' });

    const region = await nextSteps('Ce que vous pouvez faire maintenant');
    expect(region).toHaveTextContent('Connectez-vous pour voir où vous en êtes dans le programme.');
    expect(within(region).getByRole('link', { name: 'Choisir qui vous êtes' })).toHaveAttribute(
      'href',
      '/profile',
    );
  });

  it('invites a non-volunteer to volunteer while the programme is enrolling, and follows the link in the tab', async () => {
    const tokens = signedIn(['participant'], [aListItem()]);
    const user = userEvent.setup();
    renderScreen(<HomeScreen />, { locale: 'fr' });

    const region = await nextSteps('Ce que vous pouvez faire maintenant');
    expect(await within(region).findByText('Bonjour Sarah Mathieu.')).toBeInTheDocument();
    expect(region).toHaveTextContent('« Mentorat inversé 2027 » accueille des volontaires.');
    expect(tokens).toEqual(['Bearer dev-token-p-21']);
    await user.click(
      within(region).getByRole('link', { name: 'Me porter volontaire et remplir mon profil' }),
    );
    expect(window.location.pathname).toBe('/profile');
    expect(within(region).queryByRole('link', { name: /approuver/ })).not.toBeInTheDocument();
  });

  it('sends a volunteer to their pair and profile, a manager to approvals, a lead to programmes and matching; the nav learns the roles', async () => {
    signedIn(['participant', 'manager', 'lead'], [aListItem({ myStatus: 'opted_in' })]);
    renderScreen(<HomeScreen />, { locale: 'en' });

    const region = await nextSteps('What you can do now');
    await within(region).findByText('You take part in “Mentorat inversé 2027”.');
    const links = within(region)
      .getAllByRole('link')
      .map((link) => [link.textContent, link.getAttribute('href')]);
    expect(links).toEqual([
      ['My pair', '/pair'],
      ['Update my profile', '/profile'],
      ['See the requests to approve', '/approvals'],
      ['Programmes', '/programmes'],
      ['Matching', '/matching'],
    ]);
    expect(getSignedInMe()?.roles).toEqual(['participant', 'manager', 'lead']);
  });

  it('tells a paused volunteer how to resume, and says so when no programme is open', async () => {
    signedIn(['participant'], [aListItem({ myStatus: 'paused', status: 'running' })]);
    const { unmount } = renderScreen(<HomeScreen />, { locale: 'en' });
    const region = await nextSteps('What you can do now');
    await within(region).findByRole('link', { name: 'Resume in my profile' });
    unmount();

    signedIn(['participant'], [aListItem({ status: 'draft' })]);
    renderScreen(<HomeScreen />, { locale: 'en' });
    expect(
      await within(await nextSteps('What you can do now')).findByText(
        'No programme is open at the moment. You will be told in Teams when one opens to volunteers.',
      ),
    ).toBeInTheDocument();
  });

  it('talks about the pair first: one waiting for approval, one proposed (past pairs are left out)', async () => {
    const pair = (overrides: Partial<MyPairItem>): MyPairItem => ({
      id: 'pair-1',
      programmeId: 'prog-2027',
      state: 'awaiting_approval',
      myRole: 'mentee',
      partner: { personId: 'p-7', displayName: 'Gabriel Da Silva', jobTitle: '', photoUrl: null },
      subject: 'LinkedIn',
      nextSessionStart: null,
      agreementFullySigned: true,
      awaitingMyFeedback: 0,
      declines: [],
      updatedAt: '2026-11-25T10:00:00.000Z',
      ...overrides,
    });
    // Not opted in (the profile says so), yet in a pair: no invitation to volunteer.
    signedIn(['participant'], [aListItem()], [pair({ id: 'old', state: 'ended' }), pair({})]);
    const { unmount } = renderScreen(<HomeScreen />, { locale: 'fr' });
    const region = await nextSteps('Ce que vous pouvez faire maintenant');
    await within(region).findByText(
      'Votre binôme avec Gabriel Da Silva attend l’approbation de vos managers.',
    );
    expect(within(region).getByRole('link', { name: 'Mon binôme' })).toHaveAttribute(
      'href',
      '/pair',
    );
    expect(region).not.toHaveTextContent('accueille des volontaires');
    unmount();

    signedIn(['participant'], [aListItem({ myStatus: 'opted_in' })], [pair({ state: 'proposed' })]);
    renderScreen(<HomeScreen />, { locale: 'en' });
    const english = await nextSteps('What you can do now');
    await within(english).findByText(
      'Gabriel Da Silva is proposed to you as a partner: tell us whether you accept.',
    );
    expect(
      within(english).getByRole('link', { name: 'See the proposal and answer' }),
    ).toHaveAttribute('href', '/proposal');
  });

  it('after a manager declined, says who, their comment and the next step, not that the pair waits', async () => {
    const declined: MyPairItem = {
      id: 'pair-1',
      programmeId: 'prog-2027',
      state: 'awaiting_approval',
      myRole: 'mentee',
      partner: { personId: 'p-7', displayName: 'Gabriel Da Silva', jobTitle: '', photoUrl: null },
      subject: 'LinkedIn',
      nextSessionStart: null,
      agreementFullySigned: true,
      awaitingMyFeedback: 0,
      declines: [{ managerName: 'Dominique Faure', mine: true, comment: 'Pas avant janvier.' }],
      updatedAt: '2026-11-25T10:00:00.000Z',
    };
    signedIn(['participant'], [aListItem({ myStatus: 'opted_in' })], [declined]);
    const { unmount } = renderScreen(<HomeScreen />, { locale: 'fr' });
    const region = await nextSteps('Ce que vous pouvez faire maintenant');
    await within(region).findByText(
      'Le temps demandé pour votre binôme avec Gabriel Da Silva a été refusé par Dominique Faure : il ne peut pas démarrer tel quel.',
    );
    expect(region).toHaveTextContent('Dominique Faure a commenté : « Pas avant janvier. »');
    expect(region).toHaveTextContent(
      'Prochaine étape : modifiez l’accord avec Gabriel Da Silva et signez-le à nouveau tous les deux',
    );
    expect(region).not.toHaveTextContent('attend l’approbation');
    expect(within(region).getByRole('link', { name: 'Modifier l’accord' })).toHaveAttribute(
      'href',
      '/pair',
    );
    unmount();

    signedIn(['participant'], [aListItem({ myStatus: 'opted_in' })], [declined]);
    renderScreen(<HomeScreen />, { locale: 'en' });
    const english = await nextSteps('What you can do now');
    await within(english).findByText(
      'Dominique Faure declined the time asked for your pair with Gabriel Da Silva: it cannot start as agreed.',
    );
    expect(english).toHaveTextContent('Dominique Faure’s comment: “Pas avant janvier.”');
  });

  it('points a lead to their Programmes screen, not to "its programme lead", when enrolment is over', async () => {
    signedIn(
      ['participant', 'lead'],
      [aListItem({ status: 'running', myStatus: 'not_joined', canManage: true })],
    );
    const { unmount } = renderScreen(<HomeScreen />, { locale: 'fr' });
    const region = await nextSteps('Ce que vous pouvez faire maintenant');
    await within(region).findByText(
      '« Mentorat inversé 2027 » n’accueille plus de volontaires. En tant que responsable de programme, vous pouvez ajouter des participants ou rouvrir les inscriptions depuis votre écran Programmes (ci-dessous).',
    );
    expect(region).not.toHaveTextContent('adressez-vous à son responsable');
    expect(within(region).getByRole('link', { name: 'Programmes' })).toHaveAttribute(
      'href',
      '/programmes',
    );
    unmount();

    // Someone else is still told to ask the programme's lead.
    signedIn(['participant'], [aListItem({ status: 'running', myStatus: 'not_joined' })]);
    renderScreen(<HomeScreen />, { locale: 'en' });
    expect(
      await within(await nextSteps('What you can do now')).findByText(
        /ask its programme lead if you would like to join/,
      ),
    ).toBeInTheDocument();
  });

  it('offers to choose a persona again when the server no longer knows the token', async () => {
    signedInAs(person.id, person.displayName);
    server.use(
      http.get('*/api/me', () =>
        HttpResponse.json(
          { error: { code: 'unauthenticated', message: 'token expired' } },
          { status: 401 },
        ),
      ),
      http.get('*/api/programmes', () =>
        HttpResponse.json({ programmes: [], canCreateProgrammes: false }),
      ),
      http.get('*/api/pairs/mine', () => HttpResponse.json({ pairs: [] })),
    );
    renderScreen(<HomeScreen />, { locale: 'en' });

    const region = await nextSteps('What you can do now');
    expect(await within(region).findByRole('link', { name: 'Choose who you are' })).toBeVisible();
    expect(getDevSession()).toBeNull();
  });

  it('says specifically what failed when the programmes cannot be loaded', async () => {
    signedInAs(person.id, person.displayName);
    server.use(
      http.get('*/api/me', () => HttpResponse.json(aMe({ person }))),
      http.get('*/api/programmes', () =>
        HttpResponse.json(
          { error: { code: 'store_unavailable', message: 'store down' } },
          { status: 503 },
        ),
      ),
      http.get('*/api/pairs/mine', () => HttpResponse.json({ pairs: [] })),
    );
    renderScreen(<HomeScreen />, { locale: 'fr' });

    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Impossible d'afficher ce que vous pouvez faire maintenant. Le service de données est indisponible. Réessayez dans quelques instants.",
    );
  });
});
