import { fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { ProgrammeListResponse } from '../../../../src/contracts/programmes';
import type {
  MatchingReviewResponse,
  MatchingRunResponse,
  PublishResponse,
  ReviewProposal,
  VolunteersResponse,
} from '../../../../src/contracts/matching';
import MatchingScreen from '../../../../tab/src/screens/matching/MatchingScreen';
import { aMe, aPersonCard, renderScreen, signedInAs, signOutEverywhere } from './render-screen';

const lead = aPersonCard({ id: 'p-5', displayName: 'Claire Dubois' });
const leadMe = aMe({ person: lead, roles: ['participant', 'lead'], leadOf: ['prog-1'] });
const base = '*/api/programmes/prog-1/matching';

const person = (id: string, displayName: string) => ({
  personId: id,
  displayName,
  department: 'Finance',
  jobTitle: 'Analyste',
});

function aProposal(id: string, mentor: string, mentee: string, score: number): ReviewProposal {
  return {
    id,
    runId: 'run-1',
    mentor: person(`${id}-m`, mentor),
    mentee: person(`${id}-e`, mentee),
    score,
    reasons: [{ fr: `${mentor} enseigne Power BI (4/5)`, en: `${mentor} teaches Power BI (4/5)` }],
    status: 'proposed',
    stage: 'draft',
    kept: false,
    pinned: false,
    answers: { mentor: null, mentee: null },
    expiresAt: null,
    pairId: null,
  };
}

function aRun(overrides: Partial<MatchingRunResponse> = {}): MatchingRunResponse {
  return {
    id: 'run-1',
    programmeId: 'prog-1',
    trigger: 'lead',
    status: 'succeeded',
    phase: 'done',
    progress: 100,
    solving: null,
    requestedBy: 'p-5',
    createdAt: '2027-01-04T09:00:00.000Z',
    finishedAt: '2027-01-04T09:00:01.000Z',
    error: null,
    summary: {
      participants: 6,
      pool: 6,
      carried: 0,
      proposals: 2,
      unmatched: 1,
      totalScore: 140.5,
      upperBound: 140.5,
      exact: true,
      gapPct: 0,
      elapsedMs: 12,
    },
    warnings: [],
    ...overrides,
  };
}

function aReview(overrides: Partial<MatchingReviewResponse> = {}): MatchingReviewResponse {
  return {
    programme: {
      id: 'prog-1',
      name: 'Mentorat inversé',
      status: 'enrolling',
      proposalResponseDays: 3,
    },
    run: aRun(),
    proposals: [
      aProposal('a', 'Lucas Martin', 'Alain Mercier', 72.5),
      aProposal('b', 'Léa Roux', 'Marc Dupont', 68),
    ],
    unmatched: [
      {
        ...person('u-1', 'Inès Blanc'),
        reasons: [{ fr: 'Personne n’enseigne Négociation', en: 'Nobody teaches Negotiation' }],
      },
    ],
    unmatchedTotal: 1,
    proposalsTotal: overrides.proposals?.length ?? 2,
    unmatchedListed: overrides.unmatched?.length ?? 1,
    paging: { page: 1, unmatchedPage: 1, pageSize: 100 },
    pins: [],
    blocks: [],
    needsRerun: false,
    counts: { drafts: 2, published: 0, accepted: 0, declined: 0, expired: 0 },
    ...overrides,
  };
}

const programmes: ProgrammeListResponse = {
  programmes: [
    {
      id: 'prog-1',
      name: 'Mentorat inversé',
      description: '',
      startDate: '2027-01-11',
      endDate: '2027-06-30',
      status: 'enrolling',
      canManage: true,
      myStatus: 'not_joined',
    },
  ],
  canCreateProgrammes: false,
};

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => signedInAs(lead.id, lead.displayName));
afterEach(() => {
  server.resetHandlers();
  signOutEverywhere();
  window.history.replaceState(null, '', '/');
});
afterAll(() => server.close());

const volunteers: VolunteersResponse = {
  volunteers: [
    { ...person('v-1', 'Hugo Petit'), role: 'mentor' },
    { ...person('v-2', 'Inès Blanc'), role: 'mentee' },
    { ...person('v-3', 'Nora Said'), role: 'both' },
  ],
};

const common = [
  http.get('*/api/me', () => HttpResponse.json(leadMe)),
  http.get('*/api/programmes', () => HttpResponse.json(programmes)),
  http.get(`${base}/volunteers`, () => HttpResponse.json(volunteers)),
];

describe('the lead’s matching review', { timeout: 20_000 }, () => {
  it('tells someone who leads nothing that matching is for leads', async () => {
    server.use(http.get('*/api/me', () => HttpResponse.json(aMe())));
    renderScreen(<MatchingScreen />, { locale: 'en' });
    expect(await screen.findByText('Only programme leads can run matching.')).toBeInTheDocument();
  });

  it('shows proposals with score and reasons in the tab’s language, and the unmatched with why', async () => {
    server.use(
      ...common,
      http.get(base, () => HttpResponse.json(aReview())),
    );
    renderScreen(<MatchingScreen />, { locale: 'fr' });
    const table = await screen.findByRole('table', { name: 'Propositions' });
    const first = within(table).getAllByRole('row')[1]!;
    expect(first).toHaveTextContent('Lucas Martin');
    expect(first).toHaveTextContent('72,5 / 100');
    expect(first).toHaveTextContent('Lucas Martin enseigne Power BI (4/5)');
    const unmatched = screen.getByRole('table', { name: 'Personnes sans binôme' });
    expect(unmatched).toHaveTextContent('Personne n’enseigne Négociation');
  });

  it('before the first run, does not claim that everyone has a partner (en, fr)', async () => {
    server.use(
      ...common,
      http.get(base, () =>
        HttpResponse.json(
          aReview({
            run: null,
            proposals: [],
            unmatched: [],
            unmatchedTotal: 0,
            counts: { drafts: 0, published: 0, accepted: 0, declined: 0, expired: 0 },
          }),
        ),
      ),
    );
    const { unmount } = renderScreen(<MatchingScreen />, { locale: 'en' });
    expect(
      await screen.findByText('Run matching to see who is paired and who is not.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Everyone has a partner.')).not.toBeInTheDocument();
    unmount();

    renderScreen(<MatchingScreen />, { locale: 'fr' });
    expect(
      await screen.findByText('Lancez l’appariement pour voir qui a un binôme et qui n’en a pas.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Tout le monde a un binôme.')).not.toBeInTheDocument();
  });

  it('after a run that paired everyone, says that everyone has a partner', async () => {
    server.use(
      ...common,
      http.get(base, () => HttpResponse.json(aReview({ unmatched: [], unmatchedTotal: 0 }))),
    );
    renderScreen(<MatchingScreen />, { locale: 'en' });
    expect(await screen.findByText('Everyone has a partner.')).toBeInTheDocument();
    expect(
      screen.queryByText('Run matching to see who is paired and who is not.'),
    ).not.toBeInTheDocument();
  });

  it('runs matching with a progress bar while the run goes on, then shows the new review', async () => {
    let polls = 0;
    let review = aReview({ run: null, proposals: [], unmatched: [], unmatchedTotal: 0 });
    server.use(
      ...common,
      http.get(base, () => HttpResponse.json(review)),
      http.post(`${base}/runs`, () =>
        HttpResponse.json(
          aRun({ status: 'running', phase: 'solving', progress: 20, summary: null }),
          {
            status: 202,
          },
        ),
      ),
      http.get(`${base}/runs/run-1`, () => {
        polls++;
        if (polls < 2) {
          // A large cohort: the engine reports its pricing rounds.
          return HttpResponse.json(
            aRun({
              status: 'running',
              phase: 'solving',
              progress: 46,
              solving: { round: 2, gapPct: 0.42, elapsedMs: 8000 },
              summary: null,
            }),
          );
        }
        if (polls < 3) {
          return HttpResponse.json(
            aRun({ status: 'running', phase: 'saving', progress: 60, summary: null }),
          );
        }
        review = aReview();
        return HttpResponse.json(aRun());
      }),
    );
    renderScreen(<MatchingScreen />, { locale: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Run matching' }));
    const bar = await screen.findByRole('progressbar');
    expect(bar).toBeInTheDocument();
    expect(
      await screen.findByText(
        /Finding the best pairs · round 2, within 0\.4 % of the best possible score · Matching in progress: 46 %/,
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/Saving the proposals · Matching in progress: 60 %/),
    ).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Proposals' })).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Run again, keeping the pairs you kept' }),
    ).toBeEnabled();
  });

  it('swaps the mentees of the two selected drafts, and explains a refused swap rule by rule', async () => {
    const bodies: unknown[] = [];
    server.use(
      ...common,
      http.get(base, () => HttpResponse.json(aReview())),
      http.post(`${base}/swap`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(
          {
            error: {
              code: 'validation_failed',
              message: 'Swapping would break a hard rule',
              details: {
                violations: [
                  {
                    mentorId: 'a-m',
                    menteeId: 'b-e',
                    codes: ['same_reporting_line', 'no_overlap'],
                  },
                ],
              },
            },
          },
          { status: 400 },
        );
      }),
    );
    renderScreen(<MatchingScreen />, { locale: 'en' });
    const swap = await screen.findByRole('button', { name: 'Swap mentees' });
    expect(swap).toBeDisabled();
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Select the proposal Lucas Martin and Alain Mercier' }),
    );
    expect(swap).toBeDisabled();
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Select the proposal Léa Roux and Marc Dupont' }),
    );
    expect(swap).toBeEnabled();
    fireEvent.click(swap);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This change would break a rule of matching:');
    expect(alert).toHaveTextContent('Lucas Martin → Marc Dupont');
    expect(alert).toHaveTextContent('one is in the other’s management chain');
    expect(alert).toHaveTextContent('not enough common availability for one session a week');
    expect(bodies).toEqual([{ proposalIds: ['a', 'b'] }]);
  });

  it('pins and blocks a pair by its two people', async () => {
    const pins: unknown[] = [];
    const blocks: unknown[] = [];
    server.use(
      ...common,
      http.get(base, () => HttpResponse.json(aReview())),
      http.post(`${base}/pins`, async ({ request }) => {
        pins.push(await request.json());
        const proposals = aReview().proposals.map((p) =>
          p.id === 'a' ? { ...p, pinned: true, kept: true } : p,
        );
        return HttpResponse.json(aReview({ proposals }));
      }),
      http.post(`${base}/blocks`, async ({ request }) => {
        blocks.push(await request.json());
        return HttpResponse.json(
          aReview({ proposals: [aReview().proposals[0]!], needsRerun: true }),
        );
      }),
    );
    renderScreen(<MatchingScreen />, { locale: 'en' });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Pin the pair Lucas Martin and Alain Mercier' }),
    );
    expect(await screen.findByText('Pinned')).toBeInTheDocument();
    expect(pins).toEqual([{ mentorId: 'a-m', menteeId: 'a-e' }]);
    fireEvent.click(
      screen.getByRole('button', { name: 'Block the pair Léa Roux and Marc Dupont' }),
    );
    expect(
      await screen.findByText(
        'Changes since the last run (pins, blocks, people who joined, came back or left) take effect at the next run: run matching again.',
      ),
    ).toBeInTheDocument();
    expect(blocks).toEqual([{ mentorId: 'b-m', menteeId: 'b-e' }]);
    expect(screen.queryByText('Léa Roux')).not.toBeInTheDocument();
  });

  it('lists the pins and blocks and lifts each one, from the list or from a pinned draft', async () => {
    const pinnedPair = {
      mentorId: 'a-m',
      menteeId: 'a-e',
      mentor: person('a-m', 'Lucas Martin'),
      mentee: person('a-e', 'Alain Mercier'),
    };
    const blockedPair = {
      mentorId: 'x-m',
      menteeId: 'x-e',
      mentor: person('x-m', 'Hugo Petit'),
      mentee: person('x-e', 'Inès Blanc'),
    };
    const pinnedProposals = aReview().proposals.map((p) =>
      p.id === 'a' ? { ...p, pinned: true, kept: true } : p,
    );
    let review = aReview({ proposals: pinnedProposals, pins: [pinnedPair], blocks: [blockedPair] });
    const lifted: string[] = [];
    server.use(
      ...common,
      http.get(base, () => HttpResponse.json(review)),
      http.delete(`${base}/pins/:mentorId/:menteeId`, ({ params }) => {
        lifted.push(`pin ${String(params.mentorId)} ${String(params.menteeId)}`);
        review = { ...review, pins: [], proposals: aReview().proposals };
        return HttpResponse.json(review);
      }),
      http.delete(`${base}/blocks/:mentorId/:menteeId`, ({ params }) => {
        lifted.push(`block ${String(params.mentorId)} ${String(params.menteeId)}`);
        review = { ...review, blocks: [], needsRerun: true };
        return HttpResponse.json(review);
      }),
    );
    renderScreen(<MatchingScreen />, { locale: 'fr' });
    const list = await screen.findByRole('table', { name: 'Binômes fixés et bloqués' });
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/Lucas Martin.*Alain Mercier.*Fixé/),
      expect.stringMatching(/Hugo Petit.*Inès Blanc.*Bloqué/),
    ]);
    // The pinned draft offers to unpin instead of to pin.
    const proposals = screen.getByRole('table', { name: 'Propositions' });
    expect(
      within(proposals).queryByRole('button', {
        name: 'Fixer le binôme Lucas Martin et Alain Mercier',
      }),
    ).not.toBeInTheDocument();
    fireEvent.click(
      within(proposals).getByRole('button', {
        name: 'Ne plus fixer le binôme Lucas Martin et Alain Mercier',
      }),
    );
    expect(
      await screen.findByText(
        'Binôme libéré : Lucas Martin et Alain Mercier pourront être appariés autrement au prochain calcul.',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'Fixer le binôme Lucas Martin et Alain Mercier' }),
    ).toBeInTheDocument();
    fireEvent.click(
      within(screen.getByRole('table', { name: 'Binômes fixés et bloqués' })).getByRole('button', {
        name: 'Débloquer le binôme Hugo Petit et Inès Blanc',
      }),
    );
    expect(
      await screen.findByText(
        'Blocage levé : Hugo Petit et Inès Blanc pourront être appariés au prochain calcul.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Binômes fixés et bloqués' }),
    ).not.toBeInTheDocument();
    expect(lifted).toEqual(['pin a-m a-e', 'block x-m x-e']);
  });

  it('publishes only after confirming, and says until when people can answer', async () => {
    let published = 0;
    server.use(
      ...common,
      http.get(base, () => HttpResponse.json(aReview())),
      http.post(`${base}/publish`, () => {
        published++;
        return HttpResponse.json({
          published: 2,
          expiresAt: '2027-01-07T09:00:00.000Z',
          withheld: 0,
        } satisfies PublishResponse);
      }),
    );
    renderScreen(<MatchingScreen />, { locale: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      '2 proposals will be shown to the people concerned. They will have 3 days to answer.',
    );
    expect(published).toBe(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(
      await screen.findByText(/2 proposals published\. Answers are due by January 7, 2027/),
    ).toBeInTheDocument();
    expect(published).toBe(1);
  });

  it('says which drafts were withdrawn at publishing because someone paused or left (French)', async () => {
    server.use(
      ...common,
      http.get(base, () => HttpResponse.json(aReview())),
      http.post(`${base}/publish`, () =>
        HttpResponse.json({
          published: 1,
          expiresAt: '2027-01-07T09:00:00.000Z',
          withheld: 1,
        } satisfies PublishResponse),
      ),
    );
    renderScreen(<MatchingScreen />, { locale: 'fr' });
    fireEvent.click(await screen.findByRole('button', { name: 'Publier' }));
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Publier' }),
    );
    const notice = await screen.findByText(/1 proposition publiée\./);
    expect(notice).toHaveTextContent(
      '1 brouillon a été retiré à la place : l’une des deux personnes a mis sa participation en pause ou quitté le programme.',
    );
  });

  it('pins or blocks any two volunteers chosen by name, and names them when a rule refuses', async () => {
    const pins: unknown[] = [];
    const blocks: unknown[] = [];
    const asked: string[] = [];
    server.use(
      http.get(`${base}/volunteers`, () => {
        asked.push('volunteers');
        return HttpResponse.json(volunteers);
      }),
      ...common,
      http.get(base, () => HttpResponse.json(aReview())),
      http.post(`${base}/pins`, async ({ request }) => {
        pins.push(await request.json());
        return HttpResponse.json(
          {
            error: {
              code: 'validation_failed',
              message: 'Hugo Petit → Inès Blanc cannot be pinned: no_overlap',
              details: {
                violations: [{ mentorId: 'v-1', menteeId: 'v-2', codes: ['no_overlap'] }],
              },
            },
          },
          { status: 400 },
        );
      }),
      http.post(`${base}/blocks`, async ({ request }) => {
        blocks.push(await request.json());
        return HttpResponse.json(
          aReview({
            blocks: [
              {
                mentorId: 'v-3',
                menteeId: 'v-2',
                mentor: person('v-3', 'Nora Said'),
                mentee: person('v-2', 'Inès Blanc'),
              },
            ],
          }),
        );
      }),
    );
    renderScreen(<MatchingScreen />, { locale: 'en' });
    expect(await screen.findByText('No pinned or blocked pair yet.')).toBeInTheDocument();
    // The volunteers are read when the lead asks for the form, not with every review.
    expect(asked).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Pin or block two volunteers…' }));
    const mentor = await screen.findByRole('combobox', { name: 'Mentor' });
    expect(asked).toEqual(['volunteers']);
    const mentee = screen.getByRole('combobox', { name: 'Mentee' });
    // Mentors are those who volunteered as mentors (or both), mentees likewise.
    expect(
      within(mentor)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose…', 'Hugo Petit — Finance', 'Nora Said — Finance']);
    expect(
      within(mentee)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose…', 'Inès Blanc — Finance', 'Nora Said — Finance']);
    const pin = screen.getByRole('button', { name: 'Pin this pair' });
    expect(pin).toBeDisabled();
    fireEvent.change(mentor, { target: { value: 'v-1' } });
    fireEvent.change(mentee, { target: { value: 'v-2' } });
    fireEvent.click(pin);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Hugo Petit → Inès Blanc');
    expect(alert).toHaveTextContent('not enough common availability for one session a week');
    expect(pins).toEqual([{ mentorId: 'v-1', menteeId: 'v-2' }]);
    // A refused pin keeps the choice, to change one side.
    expect(mentor).toHaveValue('v-1');
    fireEvent.change(mentor, { target: { value: 'v-3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Block this pair' }));
    const list = await screen.findByRole('table', { name: 'Pinned and blocked pairs' });
    expect(list).toHaveTextContent(/Nora Said.*Inès Blanc.*Blocked/);
    expect(blocks).toEqual([{ mentorId: 'v-3', menteeId: 'v-2' }]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(mentor).toHaveValue('');
  });

  it('shows a large review a page at a time, and each action answers with the page on screen', async () => {
    const asked: string[] = [];
    const pageOf = (page: number) =>
      aReview({
        proposals: [
          aProposal(`p${page}a`, `Mentor ${page}A`, `Mentee ${page}A`, 80 - page),
          aProposal(`p${page}b`, `Mentor ${page}B`, `Mentee ${page}B`, 70 - page),
        ],
        proposalsTotal: 250,
        paging: { page, unmatchedPage: 1, pageSize: 100 },
        counts: { drafts: 250, published: 0, accepted: 0, declined: 0, expired: 0 },
      });
    server.use(
      ...common,
      http.get(base, ({ request }) => {
        const query = new URL(request.url).searchParams;
        asked.push(`GET ${query.toString()}`);
        return HttpResponse.json(pageOf(Number(query.get('page'))));
      }),
      http.post(`${base}/pins`, ({ request }) => {
        const query = new URL(request.url).searchParams;
        asked.push(`PIN ${query.toString()}`);
        return HttpResponse.json(pageOf(Number(query.get('page'))));
      }),
    );
    renderScreen(<MatchingScreen />, { locale: 'en' });
    const pages = await screen.findByRole('navigation', { name: 'Pages of Proposals' });
    expect(pages).toHaveTextContent('Proposals 1–100 of 250');
    expect(within(pages).getByRole('button', { name: 'Previous page' })).toBeDisabled();
    fireEvent.click(within(pages).getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Proposals 101–200 of 250')).toBeInTheDocument();
    expect(screen.getByText('Mentor 2A')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Pin the pair Mentor 2A and Mentee 2A' }));
    await vi.waitFor(() => expect(asked).toContain('PIN page=2&unmatchedPage=1'));
    expect(screen.getByText('Proposals 101–200 of 250')).toBeInTheDocument();
    expect(asked.slice(0, 2)).toEqual(['GET page=1&unmatchedPage=1', 'GET page=2&unmatchedPage=1']);
    // The people without a partner fit one page here: no pager for them.
    expect(
      screen.queryByRole('navigation', { name: 'Pages of People without a partner' }),
    ).not.toBeInTheDocument();
  });

  it('shows where each published proposal stands: both answers and the deadline', async () => {
    const published: ReviewProposal = {
      ...aProposal('a', 'Lucas Martin', 'Alain Mercier', 72.5),
      stage: 'published',
      kept: true,
      answers: { mentor: 'accepted', mentee: null },
      expiresAt: '2027-01-07T09:00:00.000Z',
    };
    server.use(
      ...common,
      http.get(base, () =>
        HttpResponse.json(
          aReview({
            proposals: [published],
            counts: { drafts: 0, published: 1, accepted: 0, declined: 0, expired: 0 },
          }),
        ),
      ),
    );
    renderScreen(<MatchingScreen />, { locale: 'en' });
    const row = (await screen.findByText('Lucas Martin')).closest('tr')!;
    expect(row).toHaveTextContent('Awaiting answers');
    expect(row).toHaveTextContent('Mentor: accepted · Mentee: no answer yet');
    expect(row).toHaveTextContent(/Answers due by Jan 7, 2027/);
    // Nothing left to publish.
    expect(screen.getByRole('button', { name: 'Publish' })).toBeDisabled();
  });
});
