import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { CalendarChange, PairCalendarResponse } from '../../../../src/contracts/calendar';
import type {
  MyPairsResponse,
  PairDashboardResponse,
  PairView,
} from '../../../../src/contracts/pairs';
import PairScreen from '../../../../tab/src/screens/pair/PairScreen';
import { aPairView, aSession, louiseId, pierreId } from './pair-fixtures';
import { aMe, aPersonCard, renderScreen, signedInAs, signOutEverywhere } from './render-screen';

vi.mock('../../../../tab/src/screens/pair/ProgressChart', () => ({
  default: () => <p>chart</p>,
}));

const march3 = '2027-03-03T09:00:00.000Z';
const march17 = '2027-03-17T09:00:00.000Z';
const march5 = '2027-03-05T10:00:00.000Z';

/** Pierre's pair with two sessions booked in a calendar series (3 and 17 March). */
function aBookedPair(id: string, overrides: Partial<PairView> = {}): PairView {
  return aPairView({
    id,
    state: 'active',
    sessions: [
      aSession({ id: 's1', index: 1, start: march3, status: 'planned', calendarEventId: march3 }),
      aSession({ id: 's2', index: 2, start: march17, status: 'planned', calendarEventId: march17 }),
    ],
    ...overrides,
  });
}

/**
 * The routes the dashboard calls: the pair and its version as the server holds them, and the
 * calendar refresh, which applies `changes` (a move changes the pair and its version).
 */
function calendarApi(initial: PairView, changes: CalendarChange[]) {
  const state = { pair: initial, version: '"v1"', refreshes: 0, dashboards: 0 };
  const handlers = [
    http.get('*/api/me', () =>
      HttpResponse.json(
        aMe({ person: aPersonCard({ id: pierreId, displayName: 'Pierre Gaillard' }) }),
      ),
    ),
    http.get('*/api/pairs/mine', () => {
      const body: MyPairsResponse = {
        pairs: [
          {
            id: state.pair.id,
            programmeId: state.pair.programmeId,
            state: state.pair.state,
            myRole: state.pair.myRole,
            partner: {
              personId: louiseId,
              displayName: 'Louise Nicolas',
              jobTitle: '',
              photoUrl: null,
            },
            subject: state.pair.agreement.subject,
            nextSessionStart: null,
            agreementFullySigned: false,
            awaitingMyFeedback: 0,
            declines: [],
            updatedAt: state.pair.updatedAt,
          },
        ],
      };
      return HttpResponse.json(body);
    }),
    http.get('*/api/pairs/:id/dashboard', () => {
      state.dashboards += 1;
      const body: PairDashboardResponse = {
        pair: state.pair,
        version: state.version,
        privateNotes: [],
      };
      return HttpResponse.json(body);
    }),
    http.post('*/api/pairs/:id/calendar/refresh', ({ request }) => {
      state.refreshes += 1;
      expect(new URL(request.url).searchParams.get('locale')).toMatch(/^(fr|en)$/);
      const moved = new Map(
        changes.filter((c) => c.kind === 'moved').map((c) => [c.sessionId, c.start!]),
      );
      if (moved.size > 0) {
        state.pair = {
          ...state.pair,
          sessions: state.pair.sessions.map((s) =>
            moved.has(s.id) ? { ...s, start: moved.get(s.id)! } : s,
          ),
        };
        state.version = '"v2"';
      }
      const body: PairCalendarResponse = {
        pairId: state.pair.id,
        provider: 'graph',
        series: {
          seriesId: 'AAMkSeries=',
          organiserId: louiseId,
          organiserName: 'Louise Nicolas',
          provider: 'graph',
          icsPath: null,
        },
        sessions: [],
        changes,
        refreshedAt: '2027-02-20T09:00:00.000Z',
        canBook: false,
        version: state.version,
      };
      return HttpResponse.json(body);
    }),
  ];
  return { state, handlers };
}

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => signedInAs(pierreId, 'Pierre Gaillard'));
afterEach(() => {
  server.resetHandlers();
  signOutEverywhere();
});
afterAll(() => server.close());

const found = { timeout: 10_000 };

describe('the pair dashboard picks up calendar changes', { timeout: 20_000 }, () => {
  it('says who declined and which session moved, and shows the session at its new time', async () => {
    const { state, handlers } = calendarApi(aBookedPair('pair-moved'), [
      { kind: 'moved', sessionId: 's1', start: march5 },
      { kind: 'declined', sessionId: 's2', personId: louiseId },
    ]);
    server.use(...handlers);
    renderScreen(<PairScreen />);

    const notice = await screen.findByRole('list', { name: 'Changes in the calendar' }, found);
    const items = within(notice).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^The session of 3 March moved to Friday 5 March at \d\d:00\.$/),
      'Louise Nicolas declined the session of 17 March.',
    ]);
    expect(state.refreshes).toBe(1);
    // The move changed the pair: the dashboard shows it again, with the new version.
    await waitFor(() => expect(state.dashboards).toBe(2));
    const sessions = screen.getByRole('region', { name: 'Sessions' });
    await waitFor(() => expect(sessions).toHaveTextContent(/5 March/));
    expect(sessions).not.toHaveTextContent(/3 March/);

    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByText('Changes in the calendar')).toBeNull());
  });

  it('speaks French, and a decline alone does not load the pair again', async () => {
    const { state, handlers } = calendarApi(aBookedPair('pair-fr'), [
      { kind: 'declined', sessionId: 's1', personId: louiseId },
      { kind: 'declined', sessionId: 's2', personId: pierreId },
      { kind: 'cancelled', sessionId: 's2' },
    ]);
    server.use(...handlers);
    renderScreen(<PairScreen />, { locale: 'fr' });

    expect(await screen.findByText('Changements dans l’agenda', {}, found)).toBeInTheDocument();
    expect(screen.getByText('Louise Nicolas a décliné la séance du 3 mars.')).toBeInTheDocument();
    expect(
      screen.getByText('Vous avez décliné la séance du 17 mars dans votre agenda.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('La séance du 17 mars a été annulée dans l’agenda.'),
    ).toBeInTheDocument();
    expect(state.dashboards).toBe(1);
  });

  it('nothing changed: no notice; the same pair opened again soon after asks no second time', async () => {
    const { state, handlers } = calendarApi(aBookedPair('pair-quiet'), []);
    server.use(...handlers);
    const first = renderScreen(<PairScreen />);
    await screen.findByRole('region', { name: 'Agreement' }, found);
    await waitFor(() => expect(state.refreshes).toBe(1));
    expect(screen.queryByText('Changes in the calendar')).toBeNull();
    first.unmount();

    renderScreen(<PairScreen />);
    await screen.findByRole('region', { name: 'Agreement' }, found);
    expect(state.dashboards).toBe(2);
    expect(state.refreshes).toBe(1);
  });

  it('a pair without sessions in a calendar series asks nothing', async () => {
    const { state, handlers } = calendarApi(
      aPairView({ id: 'pair-by-hand', sessions: [aSession({ status: 'planned' })] }),
      [],
    );
    server.use(...handlers);
    renderScreen(<PairScreen />);
    await screen.findByRole('region', { name: 'Agreement' }, found);
    expect(state.refreshes).toBe(0);
  });

  it('a refresh that fails says the sessions may not be up to date, and the dashboard stays', async () => {
    const { handlers } = calendarApi(aBookedPair('pair-down'), []);
    server.use(
      http.post('*/api/pairs/:id/calendar/refresh', () =>
        HttpResponse.json(
          {
            error: {
              code: 'calendar_unavailable',
              message: "Louise Nicolas's calendar could not be read: permission missing",
            },
          },
          { status: 503 },
        ),
      ),
      ...handlers,
    );
    renderScreen(<PairScreen />);
    expect(
      await screen.findByText(/Your calendar could not be checked for changes just now/, {}, found),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Agreement' })).toBeInTheDocument();
  });
});
