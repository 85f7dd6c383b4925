import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { NudgeResponse, RemindResponse } from '../../../../src/contracts/health';
import FollowUpScreen from '../../../../tab/src/screens/follow-up/FollowUpScreen';
import { aHealth, aProgrammeList, programmeId } from './health-fixtures';
import { aMe, aPersonCard, renderScreen, signedInAs, signOutEverywhere } from './render-screen';

// The charts are checked in Chromium (tests/e2e/health.test.ts): react-charts measures SVG text,
// which jsdom cannot. Here stand-ins say what they were given.
vi.mock('../../../../tab/src/screens/follow-up/charts/SessionsChart', () => ({
  default: ({ weeks }: { weeks: unknown[] }) => <p>{`sessions chart of ${weeks.length} weeks`}</p>,
}));
vi.mock('../../../../tab/src/screens/follow-up/charts/BarGroupsChart', () => ({
  default: ({ title, groups }: { title: string; groups: { name: string }[] }) => (
    <p>{`${title}: ${groups.map((g) => g.name).join(', ')}`}</p>
  ),
}));

const lead = aPersonCard({ id: 'p-5', displayName: 'Claire Dubois' });
const leadMe = aMe({ person: lead, roles: ['participant', 'lead'], canCreateProgrammes: true });
const healthPath = `*/api/programmes/${programmeId}/health`;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => signedInAs(lead.id, lead.displayName));
afterEach(() => {
  server.resetHandlers();
  signOutEverywhere();
  window.history.replaceState(null, '', '/');
});
afterAll(() => server.close());

function leadApi(health = aHealth()) {
  const asked: string[] = [];
  server.use(
    http.get('*/api/me', () => HttpResponse.json(leadMe)),
    http.get('*/api/programmes', () => HttpResponse.json(aProgrammeList())),
    http.get(healthPath, ({ request }) => {
      asked.push(new URL(request.url).search);
      return HttpResponse.json(health);
    }),
  );
  return asked;
}

const section = (name: string) => screen.findByRole('region', { name });

describe('the lead’s follow-up', { timeout: 20_000 }, () => {
  it('tells an employee that it is for programme leads', async () => {
    server.use(http.get('*/api/me', () => HttpResponse.json(aMe())));
    renderScreen(<FollowUpScreen />, { locale: 'fr' });
    expect(
      await screen.findByText(
        'Cette partie de Mentoring est réservée aux responsables de programme.',
      ),
    ).toBeInTheDocument();
  });

  it('lists at-risk pairs with their reasons in French, the nudge disabled with its dates when sent this week', async () => {
    leadApi();
    renderScreen(<FollowUpScreen />, { locale: 'fr' });
    const atRisk = await section('Binômes en difficulté');
    expect(within(atRisk).getByText('2 binômes ont besoin d’une relance.')).toBeInTheDocument();
    const first = within(atRisk).getByRole('article', {
      name: 'Yanis Benali et Martine Chevalier',
    });
    expect(within(first).getByRole('list', { name: 'Pourquoi' })).toHaveTextContent(
      'Aucune séance depuis 21 jours',
    );
    expect(first).toHaveTextContent('L’un des deux estime que le binôme ne fonctionne pas');
    expect(
      within(first).getByRole('button', { name: 'Relancer Yanis Benali et Martine Chevalier' }),
    ).toBeEnabled();

    const second = within(atRisk).getByRole('article', { name: 'Lucas Petit et Hélène Marchand' });
    expect(second).toHaveTextContent('Accord du manager en attente depuis 9 jours');
    const nudged = within(second).getByRole('button', {
      name: 'Relancer Lucas Petit et Hélène Marchand',
    });
    expect(nudged).toBeDisabled();
    expect(nudged).toHaveAccessibleDescription(
      'Relance envoyée le 20 février 2026 : prochaine relance possible à partir du 27 février 2026.',
    );
  });

  it('nudges a pair in one click, then the button waits for next week', async () => {
    leadApi();
    const sent: string[] = [];
    server.use(
      http.post(`*/api/programmes/${programmeId}/pairs/:pairId/nudge`, ({ params }) => {
        sent.push(String(params['pairId']));
        return HttpResponse.json({
          pairId: 'pair-1',
          reason: 'no_session_14_days',
          sentTo: [
            { personId: 'p-31', reachable: true },
            { personId: 'p-12', reachable: false },
          ],
          nudge: {
            available: false,
            lastSentAt: '2026-02-23T08:05:00.000Z',
            nextAvailableAt: '2026-03-02T08:05:00.000Z',
          },
        } satisfies NudgeResponse);
      }),
    );
    renderScreen(<FollowUpScreen />, { locale: 'en' });
    const pair = await screen.findByRole('article', { name: 'Yanis Benali and Martine Chevalier' });
    expect(pair).toHaveTextContent('No session for 21 days');
    fireEvent.click(
      within(pair).getByRole('button', { name: 'Nudge Yanis Benali and Martine Chevalier' }),
    );
    expect(
      await within(pair).findByText(
        'A nudge is on its way to Yanis Benali and Martine Chevalier in Teams, each in their own language. Martine Chevalier has not opened Mentoring in Teams yet: the message waits until they do.',
      ),
    ).toBeInTheDocument();
    expect(sent).toEqual(['pair-1']);
    const button = within(pair).getByRole('button', {
      name: 'Nudge Yanis Benali and Martine Chevalier',
    });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(
      'Nudged on 23 February 2026: the next nudge is possible from 2 March 2026.',
    );
  });

  it('says in French when neither member has Mentoring in Teams yet (the messages wait)', async () => {
    leadApi();
    server.use(
      http.post(`*/api/programmes/${programmeId}/pairs/:pairId/nudge`, () =>
        HttpResponse.json({
          pairId: 'pair-1',
          reason: 'no_session_14_days',
          sentTo: [
            { personId: 'p-31', reachable: false },
            { personId: 'p-12', reachable: false },
          ],
          nudge: {
            available: false,
            lastSentAt: '2026-02-23T08:05:00.000Z',
            nextAvailableAt: '2026-03-02T08:05:00.000Z',
          },
        } satisfies NudgeResponse),
      ),
    );
    renderScreen(<FollowUpScreen />, { locale: 'fr' });
    const pair = await screen.findByRole('article', { name: 'Yanis Benali et Martine Chevalier' });
    fireEvent.click(within(pair).getByRole('button', { name: /Relancer/ }));
    expect(
      await within(pair).findByText(
        /Yanis Benali et Martine Chevalier n’ont pas encore ouvert Mentoring dans Teams : les messages attendront\.$/,
      ),
    ).toBeInTheDocument();
  });

  it('says when a pair was nudged elsewhere meanwhile (409 nudge_too_soon)', async () => {
    leadApi();
    server.use(
      http.post(`*/api/programmes/${programmeId}/pairs/:pairId/nudge`, () =>
        HttpResponse.json(
          {
            error: {
              code: 'nudge_too_soon',
              message: 'too soon',
              details: { nextAvailableAt: '2026-03-01T09:00:00.000Z' },
            },
          },
          { status: 409 },
        ),
      ),
    );
    renderScreen(<FollowUpScreen />, { locale: 'fr' });
    const pair = await screen.findByRole('article', { name: 'Yanis Benali et Martine Chevalier' });
    fireEvent.click(within(pair).getByRole('button', { name: /Relancer/ }));
    expect(
      await within(pair).findByText(
        'Ce binôme a déjà été relancé ces 7 derniers jours : prochaine relance possible à partir du 1 mars 2026.',
      ),
    ).toBeInTheDocument();
    expect(within(pair).getByRole('button', { name: /Relancer/ })).toBeDisabled();
  });

  it('shows hidden figures as « masqué », and informal help as not counted when it could not be read', async () => {
    leadApi();
    renderScreen(<FollowUpScreen />, { locale: 'fr' });
    const participants = await section('Participants');
    const figure = (label: string) =>
      within(participants).getByText(label, { selector: 'dt' }).nextElementSibling;
    expect(figure('Mentors')).toHaveTextContent('12');
    expect(figure('Les deux rôles')).toHaveTextContent('masqué');
    expect(figure('Ont quitté le programme')).toHaveTextContent('masqué');
    // A larger count hidden so that a small one cannot be worked out: « masqué » too.
    expect(figure('En binôme')).toHaveTextContent('masqué');
    expect(
      screen.getByText(/de même qu’un chiffre plus grand quand un chiffre masqué/i),
    ).toBeInTheDocument();

    const satisfaction = await section('Satisfaction, dans les deux sens');
    const average = within(satisfaction).getByRole('row', { name: /Note moyenne/ });
    expect(average).toHaveTextContent('3,4');
    expect(average).toHaveTextContent('masqué');
    const skills = await section('Progression des compétences, du début à la fin');
    // A skill assessed by fewer than 5 people: hidden under « Personnes », no level.
    const negotiation = within(within(skills).getByRole('row', { name: /Négociation/ }));
    expect(negotiation.getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'masqué',
      '–',
      '–',
      '–',
    ]);
    expect(within(skills).getByRole('row', { name: /Power BI/ })).toHaveTextContent('+2');
    // Only the skills shown in full are charted.
    expect(skills).toHaveTextContent(': Power BI');
    expect(skills).not.toHaveTextContent(': Power BI, Négociation');

    expect(await section('Entraide informelle')).toHaveTextContent(
      'L’aide rapide n’a pas pu être comptée : essayez Actualiser.',
    );
  });

  it('says of a closed programme that no pair is left to nudge, and not that matching has yet to run', async () => {
    const health = aHealth();
    leadApi(
      aHealth({
        status: 'closed',
        atRisk: [],
        atRiskTotal: 0,
        participants: { ...health.participants, unmatched: null, unmatchedTotal: 0 },
      }),
    );
    renderScreen(<FollowUpScreen />, { locale: 'fr' });
    expect(await section('Binômes en difficulté')).toHaveTextContent(
      'Le programme est clos : plus aucun binôme à relancer.',
    );
    const unmatched = await section('Sans binôme');
    expect(unmatched).toHaveTextContent(
      'Aucun appariement n’est enregistré pour ce programme : personne n’est signalé sans binôme.',
    );
    expect(unmatched).not.toHaveTextContent('pas encore tourné');
  });

  it('shows a dash, not « 0 jour », for a median with nothing to measure', async () => {
    const health = aHealth();
    leadApi(
      aHealth({
        timeToFirstSession: { pairs: 0, withoutSession: 4, medianDays: null, averageDays: null },
        approvals: { ...health.approvals, approved: 0, declined: 0, medianDaysToDecide: null },
      }),
    );
    renderScreen(<FollowUpScreen />, { locale: 'fr' });
    const value = (region: HTMLElement, label: string) =>
      within(region).getByText(label, { selector: 'dt' }).nextElementSibling;
    const first = await section('De la formation du binôme à la première séance');
    expect(value(first, 'Médiane')).toHaveTextContent(/^–$/);
    expect(value(first, 'Moyenne')).toHaveTextContent(/^–$/);
    const approvals = await section('Accords des managers');
    expect(value(approvals, 'Délai médian de décision')).toHaveTextContent(/^–$/);
  });

  it('reads a hidden total as “hidden” in English, with the note saying why', async () => {
    const health = aHealth();
    leadApi({
      ...health,
      participants: { ...health.participants, total: { suppressed: true }, inPairs: 24 },
    });
    renderScreen(<FollowUpScreen />, { locale: 'en' });
    const participants = await section('Participants');
    const figure = (label: string) =>
      within(participants).getByText(label, { selector: 'dt' }).nextElementSibling;
    expect(figure('Participants')).toHaveTextContent(/^hidden$/);
    expect(figure('In a pair')).toHaveTextContent('24');
    const satisfaction = await section('Satisfaction, both ways');
    expect(within(satisfaction).getByRole('row', { name: /Not a good fit/ })).toHaveTextContent(
      'hidden',
    );
    expect(
      screen.getByText(
        'To protect people’s privacy, a figure about fewer than 5 people reads “hidden”, and so does a larger one when a hidden figure could otherwise be worked out from it by subtraction.',
      ),
    ).toBeInTheDocument();
  });

  it('has a table beside each chart: sessions per week, planned against held', async () => {
    leadApi();
    renderScreen(<FollowUpScreen />, { locale: 'en' });
    const sessions = await section('Sessions held against planned, per week');
    expect(sessions).toHaveTextContent('sessions chart of 3 weeks');
    const table = within(sessions).getByRole('table', {
      name: 'Sessions per week: planned and held',
    });
    // Weeks with nothing planned are left out of the table.
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByRole('row', { name: /26 January 2026/ })).toHaveTextContent('870');
    expect(await screen.findByText('Figures as of 23 February 2026 at 08:00.')).toBeInTheDocument();
  });

  it('lists pairs with their last and next session, and who matching left out with why', async () => {
    leadApi();
    renderScreen(<FollowUpScreen />, { locale: 'en' });
    const pairs = await section('Pairs');
    const row = within(pairs).getByRole('row', { name: /Inès Moreau and Paul Girard/ });
    expect(row).toHaveTextContent('2 February 2026');
    expect(row).toHaveTextContent('25 February 2026');
    expect(row).toHaveTextContent('2 of 6');
    expect(within(pairs).getByRole('row', { name: /Yanis Benali/ })).toHaveTextContent('At risk');
    const unmatched = await section('Left without a partner');
    expect(within(unmatched).getByRole('row', { name: /Léa Fontaine/ })).toHaveTextContent(
      'Nobody teaches what Léa Fontaine wants to learn.',
    );
  });

  it('reminds an invitee who has not joined', async () => {
    leadApi();
    const reminded: string[] = [];
    server.use(
      http.post(`*/api/programmes/${programmeId}/participants/:personId/remind`, ({ params }) => {
        reminded.push(String(params['personId']));
        return HttpResponse.json({
          personId: 'p-40',
          sentTo: [{ personId: 'p-40', reachable: true }],
          reminder: {
            available: false,
            lastSentAt: '2026-02-23T08:05:00.000Z',
            nextAvailableAt: '2026-03-02T08:05:00.000Z',
          },
        } satisfies RemindResponse);
      }),
    );
    renderScreen(<FollowUpScreen />, { locale: 'fr' });
    const button = await screen.findByRole('button', { name: 'Relancer Adam Henry' });
    fireEvent.click(button);
    expect(
      await screen.findByText('Une relance est envoyée à Adam Henry dans Teams.'),
    ).toBeInTheDocument();
    expect(reminded).toEqual(['p-40']);
    expect(screen.getByRole('button', { name: 'Relancer Adam Henry' })).toBeDisabled();
  });

  it('filters by department and start month through the query', async () => {
    const asked = leadApi();
    renderScreen(<FollowUpScreen />, { locale: 'en' });
    const department = await screen.findByRole('combobox', { name: 'Department' });
    fireEvent.change(department, { target: { value: 'Ventes' } });
    await waitFor(() => expect(asked).toContain('?department=Ventes'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Pairs started in' }), {
      target: { value: '2026-02' },
    });
    await waitFor(() => expect(asked).toContain('?department=Ventes&startMonth=2026-02'));
    expect(window.location.search).toBe(
      `?programme=${programmeId}&department=Ventes&startMonth=2026-02`,
    );
    expect(screen.getByRole('option', { name: 'February 2026' })).toBeInTheDocument();
  });

  it('refreshes the figures on demand', async () => {
    leadApi();
    server.use(
      http.post(`${healthPath}/refresh`, () =>
        HttpResponse.json(aHealth({ generatedAt: '2026-02-23T09:30:00.000Z' })),
      ),
    );
    renderScreen(<FollowUpScreen />, { locale: 'en' });
    await screen.findByText('Figures as of 23 February 2026 at 08:00.');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText('Figures as of 23 February 2026 at 09:30.')).toBeInTheDocument();
  });
});
