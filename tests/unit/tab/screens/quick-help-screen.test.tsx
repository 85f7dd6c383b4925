import { fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type {
  BuddyMeResponse,
  HelpRequestBody,
  HelpRequestResponse,
  HelpRequestView,
  OfferView,
} from '../../../../src/contracts/buddy';
import QuickHelpScreen from '../../../../tab/src/screens/quick-help/QuickHelpScreen';
import { aMe, aPersonCard, renderScreen, signedInAs, signOutEverywhere } from './render-screen';

const adam = aPersonCard({ id: 'p-31', displayName: 'Adam Henry' });
const excel = { id: 'excel-advanced', label: { fr: 'Excel avancé', en: 'Advanced Excel' } };

const buddyMe: BuddyMeResponse = {
  settings: {
    active: false,
    skills: [],
    anythingDigital: true,
    languages: ['fr'],
    timeZone: 'Europe/Paris',
    workingHours: { start: '09:00', end: '18:00' },
    workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
    quietHours: { start: '19:00', end: '08:00' },
    weeklyCap: 3,
    pausedUntil: null,
  },
  version: null,
  helpsThisWeek: 0,
  helpsTotal: 2,
  catalogue: [excel, { id: 'teams', label: { fr: 'Microsoft Teams', en: 'Microsoft Teams' } }],
};

const aRequest = (overrides: Partial<HelpRequestView> = {}): HelpRequestView => ({
  id: '2026-12.r1',
  status: 'offered',
  topic: { text: 'Advanced Excel', skillId: 'excel-advanced', label: excel.label },
  question: '',
  when: 'now',
  minutes: 15,
  createdAt: '2026-12-07T09:00:00.000Z',
  buddy: null,
  matchedAt: null,
  slot: null,
  closedAt: null,
  helped: null,
  widened: false,
  thanksReceived: null,
  ...overrides,
});

const anOffer = (overrides: Partial<OfferView> = {}): OfferView => ({
  requestId: '2026-12.r9',
  state: 'taken',
  asker: { id: 'p-16', name: 'Martine Chevalier', email: 'martine@example.com' },
  topic: {
    text: 'Microsoft Teams',
    skillId: 'teams',
    label: { fr: 'Microsoft Teams', en: 'Microsoft Teams' },
  },
  question: 'Partager mon écran ?',
  when: 'today',
  minutes: 30,
  offeredAt: '2026-12-07T08:00:00.000Z',
  slot: null,
  thanksReceived: null,
  ...overrides,
});

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => signedInAs(adam.id, adam.displayName));
afterEach(() => {
  server.resetHandlers();
  signOutEverywhere();
});
afterAll(() => server.close());

function api(requests: HelpRequestView[], offers: OfferView[] = []) {
  return [
    http.get('*/api/me', () => HttpResponse.json(aMe({ person: adam }))),
    http.get('*/api/buddy/me', () => HttpResponse.json(buddyMe)),
    http.get('*/api/buddy/requests/mine', () => HttpResponse.json({ requests })),
    http.get('*/api/buddy/offers/mine', () => HttpResponse.json({ offers })),
  ];
}

describe('the Quick help screen', { timeout: 20_000 }, () => {
  it('asks in French with the topic as typed and says which skill it became', async () => {
    const sent: { body: HelpRequestBody; url: string }[] = [];
    const requests: HelpRequestView[] = [];
    server.use(
      ...api(requests),
      http.post('*/api/buddy/requests', async ({ request }) => {
        sent.push({ body: (await request.json()) as HelpRequestBody, url: request.url });
        const created = aRequest({ question: 'Figer une ligne' });
        requests.push(created);
        return HttpResponse.json(
          { request: created, merged: false } satisfies HelpRequestResponse,
          {
            status: 201,
          },
        );
      }),
    );
    renderScreen(<QuickHelpScreen />, { locale: 'fr' });
    const form = await screen.findByRole('region', { name: 'Demander un coup de main' });
    fireEvent.click(within(form).getByRole('button', { name: 'Demander' }));
    expect(
      await within(form).findByText('Dites sur quoi vous avez besoin d’aide.'),
    ).toBeInTheDocument();
    expect(sent).toEqual([]);

    fireEvent.change(within(form).getByRole('combobox', { name: /Sujet/ }), {
      target: { value: 'xls' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /Votre question/ }), {
      target: { value: 'Figer une ligne' },
    });
    fireEvent.click(within(form).getByRole('radio', { name: 'Aujourd’hui' }));
    fireEvent.click(within(form).getByRole('radio', { name: '30 minutes' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Demander' }));
    expect(
      await screen.findByText(
        'C’est demandé : nous cherchons quelqu’un pour vous aider sur Excel avancé.',
      ),
    ).toBeInTheDocument();
    expect(sent[0]?.body).toEqual({
      topic: 'xls',
      question: 'Figer une ligne',
      when: 'today',
      minutes: 30,
    });
    expect(sent[0]?.url).toContain('locale=fr');
    const mine = screen.getByRole('region', { name: 'Mes demandes' });
    expect(await within(mine).findByText(/Demandé, en attente de réponse/)).toBeInTheDocument();
  });

  it('shows a refusal in plain words and keeps what was typed', async () => {
    server.use(
      ...api([]),
      http.post('*/api/buddy/requests', () =>
        HttpResponse.json(
          {
            error: { code: 'too_many_open_requests', message: 'You already have 5 open requests' },
          },
          { status: 409 },
        ),
      ),
    );
    renderScreen(<QuickHelpScreen />, { locale: 'en' });
    const form = await screen.findByRole('region', { name: 'Ask for quick help' });
    fireEvent.change(within(form).getByRole('combobox', { name: /Topic/ }), {
      target: { value: 'Teams' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Ask' }));
    expect(
      await within(form).findByText(
        'You already have 5 quick-help requests open. Close one before asking another.',
      ),
    ).toBeInTheDocument();
    expect(within(form).getByRole('combobox', { name: /Topic/ })).toHaveValue('Teams');
  });

  it('a buddy sees an offer taken by a colleague, and how many people they helped', async () => {
    server.use(
      ...api(
        [
          aRequest({
            status: 'matched',
            buddy: { id: 'p-9', name: 'Lucas Martin', email: 'lucas@example.com' },
          }),
        ],
        [anOffer()],
      ),
    );
    renderScreen(<QuickHelpScreen />, { locale: 'en' });
    const offers = await screen.findByRole('region', { name: 'Asked of me' });
    expect(await within(offers).findByText('A colleague took it, thank you')).toBeInTheDocument();
    expect(within(offers).queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();
    const mine = screen.getByRole('region', { name: 'My requests' });
    expect(
      await within(mine).findByRole('link', { name: 'Chat with Lucas Martin in Teams' }),
    ).toHaveAttribute('href', expect.stringContaining('users=lucas%40example.com'));
    expect(screen.getByText('You have helped 2 colleagues. Thank you!')).toBeInTheDocument();
  });
});
