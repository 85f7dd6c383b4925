import { fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type {
  CalendarSessionView,
  MemberTime,
  PairCalendarResponse,
  SlotProposalView,
  SlotsResponse,
} from '../../../../src/contracts/calendar';
import type { MyPairItem, MyPairsResponse } from '../../../../src/contracts/pairs';
import SchedulingScreen from '../../../../tab/src/screens/scheduling/SchedulingScreen';
import { aMe, aPersonCard, renderScreen, signedInAs, signOutEverywhere } from './render-screen';

const michel = aPersonCard({ id: 'p-35', displayName: 'Michel Brun' });
const pairId = 'pair-demo-data';

const time = (overrides: Partial<MemberTime>): MemberTime => ({
  personId: 'p-35',
  displayName: 'Michel Brun',
  isMe: true,
  timeZone: 'Europe/Paris',
  weekday: 'tue',
  start: '16:00',
  end: '17:00',
  weekdayLabel: 'mardi',
  timeLabel: '16:00–17:00',
  ...overrides,
});

const ethanTime = (start: string, end: string) =>
  time({
    personId: 'p-39',
    displayName: 'Ethan Walker',
    isMe: false,
    timeZone: 'America/Toronto',
    start,
    end,
    timeLabel: `${start}–${end}`,
  });

function aProposal(rank: number): SlotProposalView {
  const paris = `${String(14 + (rank % 3)).padStart(2, '0')}:00`;
  const parisEnd = `${String(15 + (rank % 3)).padStart(2, '0')}:00`;
  const toronto = `${String(8 + (rank % 3)).padStart(2, '0')}:00`;
  const torontoEnd = `${String(9 + (rank % 3)).padStart(2, '0')}:00`;
  const summary = `Toutes les deux semaines le mardi, ${paris}–${parisEnd} pour vous et ${toronto}–${torontoEnd} pour Ethan Walker (America/Toronto) ; 5 séances à partir du mardi ${rank + 2} février 2027.`;
  return {
    rank,
    slot: {
      frequency: 'biweekly',
      timeZone: 'America/Toronto',
      firstDate: `2027-02-0${rank + 1}`,
      localStart: toronto,
      durationMinutes: 60,
      count: 5,
    },
    firstStart: `2027-02-0${rank + 1}T${paris}:00.000Z`,
    lastStart: '2027-04-01T15:00:00.000Z',
    occurrences: 5,
    uncheckedOccurrences: rank === 5 ? 1 : 0,
    times: [
      time({ start: paris, end: parisEnd, timeLabel: `${paris}–${parisEnd}` }),
      ethanTime(toronto, torontoEnd),
    ],
    preferredByBoth: rank === 1,
    firstDateLabel: `mardi ${rank + 2} février 2027`,
    cadenceLabel: 'toutes les deux semaines',
    occurrencesLabel: '5 séances',
    summary,
  };
}

const slots: SlotsResponse = {
  pairId,
  provider: 'local',
  organiser: { personId: 'p-39', displayName: 'Ethan Walker' },
  frame: { sessions: 5, durationMinutes: 60, frequency: 'biweekly' },
  proposals: [1, 2, 3, 4, 5].map(aProposal),
  none: null,
  booked: false,
};

function aSession(
  index: number,
  overrides: Partial<CalendarSessionView> = {},
): CalendarSessionView {
  return {
    id: `${pairId}-s${index}`,
    index,
    start: `2027-02-${String(index * 2).padStart(2, '0')}T15:00:00.000Z`,
    end: `2027-02-${String(index * 2).padStart(2, '0')}T16:00:00.000Z`,
    durationMinutes: 60,
    status: 'planned',
    calendarEventId: `2027-02-${String(index * 2).padStart(2, '0')}T15:00:00.000Z`,
    times: [time({}), ethanTime('10:00', '11:00')],
    dateLabel: `mardi ${index * 2} février 2027`,
    declinedBy: [],
    ...overrides,
  };
}

const unbooked: PairCalendarResponse = {
  pairId,
  provider: 'local',
  series: null,
  sessions: [aSession(1, { status: 'held', calendarEventId: null })],
  changes: [],
  canBook: true,
  version: 'v1',
};

const booked: PairCalendarResponse = {
  ...unbooked,
  series: {
    seriesId: 'series-1',
    organiserId: 'p-39',
    organiserName: 'Ethan Walker',
    provider: 'local',
    icsPath: `/api/pairs/${pairId}/calendar.ics`,
  },
  sessions: [
    aSession(1, { status: 'held', calendarEventId: null }),
    ...[2, 3, 4, 5, 6].map((i) => aSession(i)),
  ],
  canBook: false,
  version: 'v2',
};

const myPair: MyPairItem = {
  id: pairId,
  programmeId: 'prog-1',
  state: 'active',
  myRole: 'mentee',
  partner: {
    personId: 'p-39',
    displayName: 'Ethan Walker',
    jobTitle: 'Data engineer',
    photoUrl: null,
  },
  subject: 'Python notebooks',
  nextSessionStart: null,
  agreementFullySigned: true,
  awaitingMyFeedback: 0,
  declines: [],
  updatedAt: '2027-01-10T10:00:00.000Z',
};

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => signedInAs(michel.id, michel.displayName));
afterEach(() => {
  server.resetHandlers();
  signOutEverywhere();
});
afterAll(() => server.close());

function pairRoutes(options: { refreshed?: PairCalendarResponse; proposed?: SlotsResponse } = {}) {
  const asked: string[] = [];
  const bookings: unknown[] = [];
  server.use(
    http.get('*/api/me', () => HttpResponse.json(aMe({ person: michel }))),
    http.get('*/api/pairs/mine', () =>
      HttpResponse.json({ pairs: [myPair] } satisfies MyPairsResponse),
    ),
    http.post(`*/api/pairs/${pairId}/calendar/refresh`, ({ request }) => {
      asked.push(`refresh ${new URL(request.url).searchParams.get('locale')}`);
      return HttpResponse.json(options.refreshed ?? unbooked);
    }),
    http.get(`*/api/pairs/${pairId}/slots`, ({ request }) => {
      asked.push(`slots ${new URL(request.url).searchParams.get('locale')}`);
      return HttpResponse.json(options.proposed ?? slots);
    }),
    http.post(`*/api/pairs/${pairId}/booking`, async ({ request }) => {
      bookings.push(await request.json());
      return HttpResponse.json(booked, { status: 201 });
    }),
  );
  return { asked, bookings };
}

describe('planning our sessions', { timeout: 20_000 }, () => {
  it('shows the 5 proposals with both members’ local times, and books one only after confirming', async () => {
    const { asked, bookings } = pairRoutes();
    renderScreen(<SchedulingScreen />, { locale: 'fr' });
    expect(
      screen.getByRole('heading', { level: 1, name: 'Planifier nos séances' }),
    ).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Horaires proposés' });
    const cards = within(list).getAllByRole('listitem');
    expect(cards).toHaveLength(5);
    const first = within(cards[0]!);
    expect(first.getByRole('heading', { name: 'Proposition 1' })).toBeInTheDocument();
    expect(first.getByText('Vous')).toBeInTheDocument();
    expect(first.getByText('Ethan Walker')).toBeInTheDocument();
    expect(first.getByText(/mardi 09:00–10:00 \(America\/Toronto\)/)).toBeInTheDocument();
    expect(first.getByText('Dans vos horaires préférés à tous les deux')).toBeInTheDocument();
    expect(
      within(cards[4]!).getByText(
        '1 séance plus lointaine n’est vérifiée que sur les heures de travail',
      ),
    ).toBeInTheDocument();
    expect(asked).toEqual(['refresh fr', 'slots fr']);

    fireEvent.click(within(cards[1]!).getByRole('button', { name: /Réserver la proposition 2/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Réserver ces séances ?' });
    // Michel is invited: he reads « vous », and « de » elides before Ethan.
    expect(dialog).toHaveTextContent(
      'Vous recevez l’invitation depuis l’agenda d’Ethan Walker, avec une réunion Teams.',
    );
    expect(bookings).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Oui, réserver' }));

    expect(await screen.findByRole('heading', { name: 'Nos séances' })).toBeInTheDocument();
    expect(bookings).toEqual([{ slot: slots.proposals[1]!.slot }]);
    expect(screen.getByRole('status')).toHaveTextContent('Vos séances sont réservées.');
    const sessions = within(screen.getByRole('list', { name: 'Nos séances' })).getAllByRole(
      'listitem',
    );
    expect(sessions).toHaveLength(6);
    expect(
      within(sessions[1]!).getByRole('heading', { name: 'Séance 2 · jeudi 4 février 2027' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Télécharger les séances (.ics)' }),
    ).toBeInTheDocument();
  });

  it('says plainly why no time fits, in the words the API chose', async () => {
    pairRoutes({
      proposed: {
        ...slots,
        proposals: [],
        none: {
          code: 'frame_too_long',
          message:
            'Sessions of 240 minutes are longer than the 180 minutes Ethan Walker and Michel Brun share at most in a working day: shorten the sessions or widen the hours.',
        },
      },
    });
    renderScreen(<SchedulingScreen />, { locale: 'en' });
    expect(await screen.findByText('No time fits yet')).toBeInTheDocument();
    expect(screen.getByText(/Sessions of 240 minutes are longer/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Book/ })).not.toBeInTheDocument();
  });

  it('shows the booked sessions, a decline seen in the calendar, and what changed since last time', async () => {
    const { asked } = pairRoutes({
      refreshed: {
        ...booked,
        sessions: booked.sessions.map((s) => (s.index === 3 ? { ...s, declinedBy: ['p-39'] } : s)),
        changes: [
          { kind: 'declined', sessionId: `${pairId}-s3`, personId: 'p-39' },
          { kind: 'moved', sessionId: `${pairId}-s4`, start: '2027-02-09T15:00:00.000Z' },
        ],
      },
    });
    renderScreen(<SchedulingScreen />, { locale: 'en' });
    expect(await screen.findByRole('heading', { name: 'Our sessions' })).toBeInTheDocument();
    expect(
      screen.getByText('The calendar changed since your last visit: 2 sessions updated.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Ethan Walker declined this session in their calendar.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('In Ethan Walker’s calendar, with a Teams meeting; you are invited.'),
    ).toBeInTheDocument();
    // Booked already: no proposals are asked for.
    expect(asked).toEqual(['refresh en']);
  });

  it('a refused booking says why and keeps the proposals', async () => {
    pairRoutes();
    server.use(
      http.post(`*/api/pairs/${pairId}/booking`, () =>
        HttpResponse.json(
          {
            error: { code: 'calendar_unavailable', message: 'Ethan’s calendar could not be read' },
          },
          { status: 503 },
        ),
      ),
    );
    renderScreen(<SchedulingScreen />, { locale: 'en' });
    const list = await screen.findByRole('list', { name: 'Proposed times' });
    fireEvent.click(within(list).getAllByRole('button', { name: /Book proposal 1/ })[0]!);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, book' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The calendar service is unavailable',
    );
    expect(screen.getByRole('list', { name: 'Proposed times' })).toBeInTheDocument();
  });

  it('a booking refused because the sessions were booked meanwhile shows those sessions, not an error', async () => {
    pairRoutes();
    // Booked meanwhile (the partner, or a booking the server completed after a crash).
    let refreshes = 0;
    server.use(
      http.post(`*/api/pairs/${pairId}/calendar/refresh`, () =>
        HttpResponse.json(refreshes++ === 0 ? unbooked : booked),
      ),
      http.post(`*/api/pairs/${pairId}/booking`, () =>
        HttpResponse.json(
          {
            error: { code: 'already_exists', message: 'The booking started before was completed' },
          },
          { status: 409 },
        ),
      ),
    );
    renderScreen(<SchedulingScreen />, { locale: 'en' });
    const list = await screen.findByRole('list', { name: 'Proposed times' });
    fireEvent.click(within(list).getAllByRole('button', { name: /Book proposal 1/ })[0]!);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, book' }));

    expect(await screen.findByRole('heading', { name: 'Our sessions' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Your sessions were already booked: here they are. To change one, move that session.',
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Proposed times' })).not.toBeInTheDocument();
  });

  it('moves one booked session after confirming a new time, and refuses a time in the past', async () => {
    const inTenDays = new Date(Date.now() + 10 * 86_400_000);
    inTenDays.setSeconds(0, 0);
    const upcoming = aSession(2, {
      start: inTenDays.toISOString(),
      end: new Date(inTenDays.getTime() + 3_600_000).toISOString(),
    });
    const current = { ...booked, sessions: [booked.sessions[0]!, upcoming] };
    const moves: unknown[] = [];
    pairRoutes({ refreshed: current });
    server.use(
      http.post(
        `*/api/pairs/${pairId}/sessions/:sessionId/reschedule`,
        async ({ request, params }) => {
          const body = (await request.json()) as { start: string };
          moves.push({ sessionId: params.sessionId, ...body });
          return HttpResponse.json({
            ...current,
            sessions: [
              current.sessions[0]!,
              { ...upcoming, start: body.start, dateLabel: 'Thursday 12 March 2027' },
            ],
          } satisfies PairCalendarResponse);
        },
      ),
    );
    renderScreen(<SchedulingScreen />, { locale: 'en' });
    // Only the planned session to come can move; the held one cannot.
    fireEvent.click(await screen.findByRole('button', { name: 'Move session 2' }));
    expect(screen.queryByRole('button', { name: 'Move session 1' })).not.toBeInTheDocument();
    const dialog = await screen.findByRole('dialog', { name: 'Move session 2' });
    const input = within(dialog).getByLabelText('New date and time (your time)');
    fireEvent.change(input, { target: { value: '2020-01-01T10:00' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move it' }));
    expect(
      await within(dialog).findByText('Choose a date and time in the future.'),
    ).toBeInTheDocument();
    expect(moves).toEqual([]);

    const later = new Date(inTenDays.getTime() + 2 * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const value = `${later.getFullYear()}-${pad(later.getMonth() + 1)}-${pad(later.getDate())}T${pad(later.getHours())}:${pad(later.getMinutes())}`;
    fireEvent.change(input, { target: { value } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move it' }));
    const movedTo = later.toLocaleDateString('en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Paris',
    });
    expect(await screen.findByText(`Session 2 moved to ${movedTo}.`)).toBeInTheDocument();
    expect(moves).toEqual([{ sessionId: upcoming.id, start: later.toISOString() }]);
  });

  it('names the person and the reason when their calendar cannot be read, in French', async () => {
    pairRoutes();
    server.use(
      http.get(`*/api/pairs/${pairId}/slots`, () =>
        HttpResponse.json(
          {
            error: {
              code: 'calendar_unavailable',
              message: "Ethan Walker's calendar could not be read: permission missing",
              details: { personId: 'p-39', reason: 'permission_missing', status: 403 },
            },
          },
          { status: 503 },
        ),
      ),
    );
    renderScreen(<SchedulingScreen />, { locale: 'fr' });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Agenda d’Ethan Walker inaccessible : autorisation manquante (demandez à votre administrateur d’ajouter cette boîte aux lettres).',
    );
    expect(screen.queryByText(/ne peuvent pas être planifiées/)).not.toBeInTheDocument();
  });

  it('names the viewer « votre agenda » when the series is theirs, never in the third person', async () => {
    const mine = { personId: 'p-35', displayName: 'Michel Brun' };
    pairRoutes({ proposed: { ...slots, organiser: mine } });
    renderScreen(<SchedulingScreen />, { locale: 'fr' });
    expect(
      await screen.findByText(
        '5 séances dans votre agenda, 60 minutes chacune, toutes les deux semaines, avec une réunion Teams.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/agenda de Michel Brun/)).not.toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Horaires proposés' });
    fireEvent.click(within(list).getAllByRole('button', { name: /Réserver la proposition 1/ })[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'Réserver ces séances ?' });
    expect(dialog).toHaveTextContent(
      'L’invitation part de votre agenda vers Ethan Walker, avec une réunion Teams.',
    );
  });

  it('writes English dates the British way, like the other screens', async () => {
    pairRoutes();
    renderScreen(<SchedulingScreen />, { locale: 'en' });
    const list = await screen.findByRole('list', { name: 'Proposed times' });
    const first = within(within(list).getAllByRole('listitem')[0]!);
    // Proposal 1 starts 2027-02-02T15:00Z: Tuesday 2 February in Paris, day before month.
    expect(first.getByText(/^First session: Tuesday,? 2 February 2027 ·/)).toBeInTheDocument();
    expect(first.getByText(/5 séances from Tuesday,? 2 February 2027\.$/)).toBeInTheDocument();
    expect(screen.queryByText(/February 2, 2027/)).not.toBeInTheDocument();
  });

  it('gives the partner’s time only when their time zone differs from the viewer’s', async () => {
    const sameZone = (p: SlotProposalView): SlotProposalView => ({
      ...p,
      times: [
        p.times[0]!,
        { ...p.times[0]!, ...ethanTime('15:00', '16:00'), timeZone: 'Europe/Paris' },
      ],
    });
    pairRoutes({ proposed: { ...slots, proposals: slots.proposals.map(sameZone) } });
    renderScreen(<SchedulingScreen />, { locale: 'fr' });
    const list = await screen.findByRole('list', { name: 'Horaires proposés' });
    const first = within(list).getAllByRole('listitem')[0]!;
    expect(first).toHaveTextContent(
      'Toutes les deux semaines le mardi, 15:00–16:00 pour vous ; 5 séances à partir du mardi 2 février 2027.',
    );
    expect(first).not.toHaveTextContent('pour Ethan Walker');
  });

  it('with a different time zone, the summary gives the partner’s time and zone', async () => {
    pairRoutes();
    renderScreen(<SchedulingScreen />, { locale: 'fr' });
    const list = await screen.findByRole('list', { name: 'Horaires proposés' });
    expect(within(list).getAllByRole('listitem')[0]!).toHaveTextContent(
      'Toutes les deux semaines le mardi, 15:00–16:00 pour vous et 09:00–10:00 pour Ethan Walker (America/Toronto) ; 5 séances à partir du mardi 2 février 2027.',
    );
  });

  it('someone in no pair is shown the way to volunteer in their profile', async () => {
    pairRoutes();
    server.use(
      http.get('*/api/pairs/mine', () =>
        HttpResponse.json({ pairs: [] } satisfies MyPairsResponse),
      ),
    );
    window.history.replaceState(null, '', '/plan');
    renderScreen(<SchedulingScreen />, { locale: 'en' });
    expect(await screen.findByText(/You are not in a pair yet/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: 'Volunteer in My profile' }));
    expect(window.location.pathname).toBe('/profile');
  });

  it('a decline by the viewer says « you », not their own name', async () => {
    pairRoutes({
      refreshed: {
        ...booked,
        sessions: booked.sessions.map((s) => (s.index === 2 ? { ...s, declinedBy: ['p-35'] } : s)),
      },
    });
    renderScreen(<SchedulingScreen />, { locale: 'en' });
    expect(
      await screen.findByText('You declined this session in your calendar.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Michel Brun declined/)).not.toBeInTheDocument();
  });
});
