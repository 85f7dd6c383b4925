import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type {
  MyPairsResponse,
  PairDashboardResponse,
  PairView,
  PrivateNoteView,
} from '../../../../src/contracts/pairs';
import PairScreen from '../../../../tab/src/screens/pair/PairScreen';
import { aMember, aPairView, aSession, pierreId } from './pair-fixtures';
import { aMe, aPersonCard, renderScreen, signedInAs, signOutEverywhere } from './render-screen';

type Sent = { method: string; path: string; body: Record<string, unknown> };

/**
 * A fake of the pair routes holding one pair and its version like the API: a write with a stale
 * version is a 409 `version_conflict` carrying the current pair; `mutate` applies a write.
 */
function pairApi(initial: PairView, others: PairView[] = []) {
  const state = {
    pairs: new Map([initial, ...others].map((p) => [p.id, p])),
    versions: new Map([initial, ...others].map((p) => [p.id, '"v1"'])),
    notes: [] as PrivateNoteView[],
    sent: [] as Sent[],
  };
  const current = (id: string) => ({
    pair: state.pairs.get(id)!,
    version: state.versions.get(id)!,
  });
  const bump = (id: string) => {
    const n = Number(state.versions.get(id)!.replace(/\D/g, '')) + 1;
    state.versions.set(id, `"v${n}"`);
  };
  /** Applies a write to the pair the way the server would (only what the tests need). */
  const mutate = (pair: PairView, path: string, body: Record<string, unknown>): PairView => {
    if (path === '/agreement') {
      const { version: _v, ...changes } = body;
      return {
        ...pair,
        agreement: {
          ...pair.agreement,
          ...changes,
          revision: pair.agreement.revision + 1,
          signatures: {},
          signedByMe: false,
          signedByPartner: false,
          fullySigned: false,
        },
        can: [...new Set([...pair.can, 'sign' as const])],
      };
    }
    if (path === '/agreement/sign') {
      const signatures = {
        ...pair.agreement.signatures,
        [pair.myRole]: { at: '2026-11-25T10:00:00.000Z', revision: body.revision as number },
      };
      return {
        ...pair,
        agreement: {
          ...pair.agreement,
          signatures,
          signedByMe: true,
          fullySigned: pair.agreement.signedByPartner,
        },
        can: pair.can.filter((c) => c !== 'sign'),
      };
    }
    if (path.endsWith('/feedback')) {
      const sessionId = path.split('/')[2]!;
      return {
        ...pair,
        sessions: pair.sessions.map((s) =>
          s.id === sessionId ? { ...s, feedbackGiven: true, awaitingMyFeedback: false } : s,
        ),
        feedback: {
          ...pair.feedback,
          given: [
            {
              sessionId,
              sessionIndex: 1,
              fromId: pair.me.personId,
              toId: pair.partner.personId,
              rating: body.rating as number,
              worked: body.worked as string,
              suggestion: body.suggestion as string,
              pairingFit: (body.pairingFit as 'good' | undefined) ?? null,
              sharedWithLead: body.shareWithLead === true,
              at: '2026-11-25T10:00:00.000Z',
            },
          ],
        },
      };
    }
    if (path === '/assessments') {
      return {
        ...pair,
        progress: {
          ...pair.progress,
          goals: pair.progress.goals.map((g) =>
            g.goal === body.goal ? { ...g, [body.phase as string]: body.level } : g,
          ),
        },
      };
    }
    if (path === '/end') {
      return { ...pair, state: 'ended', endReason: body.reason as string, can: [] };
    }
    if (path === '/pause') {
      return {
        ...pair,
        state: 'paused',
        pausedUntil: `${body.until as string}T00:00:00.000Z`,
        can: ['resume', 'complete', 'end', 'edit_agreement'],
      };
    }
    if (path.endsWith('/done')) {
      const itemId = path.split('/')[4]!;
      const done = body.done as boolean;
      const tick = <T extends { id: string; done: boolean }>(item: T) =>
        item.id === itemId ? { ...item, done } : item;
      return {
        ...pair,
        sessions: pair.sessions.map((s) => ({ ...s, actionItems: s.actionItems.map(tick) })),
        openActionItems: pair.openActionItems.map(tick).filter((item) => !item.done),
      };
    }
    throw new Error(`The fake API does not know ${path}`);
  };

  const handlers = [
    http.get('*/api/me', () =>
      HttpResponse.json(
        aMe({ person: aPersonCard({ id: pierreId, displayName: 'Pierre Gaillard' }) }),
      ),
    ),
    http.get('*/api/pairs/mine', () => {
      const body: MyPairsResponse = {
        pairs: [...state.pairs.values()].map((p) => ({
          id: p.id,
          programmeId: p.programmeId,
          state: p.state,
          myRole: p.myRole,
          partner: {
            personId: p.partner.personId,
            displayName: p.partner.displayName,
            jobTitle: p.partner.jobTitle,
            photoUrl: null,
          },
          subject: p.agreement.subject,
          nextSessionStart: null,
          agreementFullySigned: p.agreement.fullySigned,
          awaitingMyFeedback: 0,
          declines: [],
          updatedAt: p.updatedAt,
        })),
      };
      return HttpResponse.json(body);
    }),
    http.get('*/api/pairs/:id/dashboard', ({ params }) => {
      const body: PairDashboardResponse = {
        ...current(params.id as string),
        privateNotes: state.notes,
      };
      return HttpResponse.json(body);
    }),
    http.put('*/api/pairs/:id/sessions/:sessionId/private-note', async ({ params, request }) => {
      const body = (await request.json()) as { text: string; version: string };
      state.sent.push({
        method: 'PUT',
        path: `/sessions/${params.sessionId as string}/private-note`,
        body,
      });
      const note: PrivateNoteView = {
        sessionId: params.sessionId as string,
        text: body.text,
        updatedAt: '2026-11-25T10:00:00.000Z',
        version: String(Number(body.version) + 1),
      };
      state.notes = [note];
      return HttpResponse.json({ note });
    }),
    ...(['post', 'put'] as const).map((method) =>
      http[method]('*/api/pairs/:id/*', async ({ params, request }) => {
        const id = params.id as string;
        const path = new URL(request.url).pathname.replace(`/api/pairs/${id}`, '');
        const body = (await request.json()) as Record<string, unknown>;
        state.sent.push({ method: method.toUpperCase(), path, body });
        if (body.version !== state.versions.get(id)) {
          return HttpResponse.json(
            {
              error: {
                code: 'version_conflict',
                message: 'stale',
                details: { id, current: current(id) },
              },
            },
            { status: 409 },
          );
        }
        state.pairs.set(id, mutate(state.pairs.get(id)!, path, body));
        bump(id);
        return HttpResponse.json(current(id));
      }),
    ),
  ];
  return { state, handlers };
}

// The chart itself is checked in Chromium (tests/e2e/pair.test.ts): react-charts measures SVG text,
// which jsdom cannot. Here a stand-in shows what it was given.
vi.mock('../../../../tab/src/screens/pair/ProgressChart', () => ({
  default: ({ goals }: { goals: { goal: string }[] }) => (
    <p>{`chart of ${goals.map((g) => g.goal).join(', ')}`}</p>
  ),
}));

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => signedInAs(pierreId, 'Pierre Gaillard'));
afterEach(() => {
  server.resetHandlers();
  signOutEverywhere();
  window.history.replaceState(null, '', '/');
});
afterAll(() => server.close());

const region = (name: string) => screen.getByRole('region', { name });
/** The first render imports Fluent cold under jsdom: allow it more than the default second. */
const found = { timeout: 10_000 };
const twoDaysAgo = () => new Date(Date.now() - 2 * 86_400_000).toISOString();

describe('the pair dashboard', { timeout: 20_000 }, () => {
  it('shows the partner with role, languages and local time, the agreement and who signed which revision', async () => {
    const { handlers } = pairApi(
      aPairView({ partner: aMember({ offsetFromMeMinutes: -360, timeZone: 'America/Toronto' }) }),
    );
    server.use(...handlers);
    renderScreen(<PairScreen />);

    const partner = await screen.findByRole('region', { name: 'Your mentor' }, found);
    expect(within(partner).getByRole('heading', { name: 'Louise Nicolas' })).toBeInTheDocument();
    expect(partner).toHaveTextContent('Speaks: French, English');
    expect(partner).toHaveTextContent(/Their local time: \d{2}:\d{2} \(6 hours behind you\)/);
    const agreement = region('Agreement');
    expect(agreement).toHaveTextContent('Teams et OneNote pour le travail juridique');
    expect(agreement).toHaveTextContent('6 sessions of 60 minutes, every two weeks, online');
    const signatures = within(agreement).getByRole('list', { name: 'Signatures' });
    expect(signatures).toHaveTextContent(
      /Louise Nicolas \(mentor\): signed revision 2 on 24 November 2026/,
    );
    expect(signatures).toHaveTextContent('You (mentee): you have not signed revision 2 yet');
  });

  it('an edit after signing says both must sign again; signing names the revision read', async () => {
    const { state, handlers } = pairApi(aPairView());
    server.use(...handlers);
    const user = userEvent.setup();
    renderScreen(<PairScreen />);

    const agreement = await screen.findByRole('region', { name: 'Agreement' }, found);
    await user.click(within(agreement).getByRole('button', { name: 'Edit the agreement' }));
    expect(agreement).toHaveTextContent('any change means you both sign again');
    const goals = within(agreement).getByRole('textbox', { name: 'What the mentee learns' });
    await user.type(goals, '{Enter}Partager un dossier avec un client');
    await user.click(within(agreement).getByRole('button', { name: 'Save the agreement' }));

    expect(
      await within(agreement).findByText(
        'The agreement changed after it was signed: you must both sign revision 3 again.',
      ),
    ).toBeInTheDocument();
    // Only the goals changed: the rest of the agreement is not sent back.
    expect(state.sent[0]).toEqual({
      method: 'PUT',
      path: '/agreement',
      body: {
        menteeGoals: [
          'Organiser les dossiers dans Teams',
          'Prendre mes notes dans OneNote',
          'Partager un dossier avec un client',
        ],
        version: '"v1"',
      },
    });

    await user.click(within(agreement).getByRole('button', { name: 'Sign revision 3' }));
    expect(await within(agreement).findByText('You signed revision 3.')).toBeInTheDocument();
    expect(state.sent[1]).toEqual({
      method: 'POST',
      path: '/agreement/sign',
      body: { revision: 3, version: '"v2"' },
    });
  });

  it('on a conflict, the reload shows the partner’s change and keeps what the person typed', async () => {
    const { state, handlers } = pairApi(aPairView());
    server.use(...handlers);
    const user = userEvent.setup();
    renderScreen(<PairScreen />);

    const agreement = await screen.findByRole('region', { name: 'Agreement' }, found);
    await user.click(within(agreement).getByRole('button', { name: 'Edit the agreement' }));
    // Meanwhile Louise changes the subject.
    const theirs = state.pairs.get('pair-1')!;
    state.pairs.set('pair-1', {
      ...theirs,
      agreement: {
        ...theirs.agreement,
        subject: 'Teams, OneNote et Planner',
        revision: 3,
        signatures: {},
      },
    });
    state.versions.set('pair-1', '"v7"');

    const rules = within(agreement).getByRole('textbox', { name: 'Ground rules' });
    await user.clear(rules);
    await user.type(rules, 'Caméras allumées');
    await user.click(within(agreement).getByRole('button', { name: 'Save the agreement' }));

    const alert = await within(agreement).findByRole('alert');
    expect(alert).toHaveTextContent('Your partner changed this in the meantime');
    expect(alert).toHaveTextContent('Your changes were not saved yet, and they are kept.');
    await user.click(
      within(alert).getByRole('button', { name: 'Load the latest version and keep what I typed' }),
    );
    expect(within(agreement).getByRole('textbox', { name: /^Subject/ })).toHaveValue(
      'Teams, OneNote et Planner',
    );
    expect(within(agreement).getByRole('textbox', { name: 'Ground rules' })).toHaveValue(
      'Caméras allumées',
    );

    await user.click(within(agreement).getByRole('button', { name: 'Save the agreement' }));
    expect(await within(agreement).findByText('Agreement saved.')).toBeInTheDocument();
    expect(state.sent.at(-1)).toEqual({
      method: 'PUT',
      path: '/agreement',
      body: { groundRules: ['Caméras allumées'], version: '"v7"' },
    });
    expect(agreement).toHaveTextContent('Teams, OneNote et Planner');
  });

  /** Pierre's pair with one open action item, the dashboard shown and the agreement form open. */
  async function editingAgreementWithAnOpenItem() {
    const item = {
      id: 'item-1',
      sessionId: 's1',
      text: 'Créer le canal',
      ownerId: pierreId,
      ownerRole: 'mentee' as const,
      done: false,
    };
    const { state, handlers } = pairApi(
      aPairView({
        sessions: [aSession({ start: twoDaysAgo(), actionItems: [item] })],
        openActionItems: [item],
      }),
    );
    server.use(...handlers);
    const user = userEvent.setup();
    renderScreen(<PairScreen />);
    const agreement = await screen.findByRole('region', { name: 'Agreement' }, found);
    await user.click(within(agreement).getByRole('button', { name: 'Edit the agreement' }));
    return { state, user, agreement };
  }

  it('an unrelated write while the agreement form is open is no conflict; the form saves on the latest version', async () => {
    const { state, user, agreement } = await editingAgreementWithAnOpenItem();
    await user.type(
      within(agreement).getByRole('textbox', { name: 'Confidentiality' }),
      ' Rien ne sort.',
    );
    await user.click(
      within(region('Open action items')).getByRole('checkbox', { name: /Créer le canal/ }),
    );
    await waitFor(() => expect(state.versions.get('pair-1')).toBe('"v2"'));
    await user.click(within(agreement).getByRole('button', { name: 'Save the agreement' }));
    expect(await within(agreement).findByText('Agreement saved.')).toBeInTheDocument();
    expect(state.sent.map((s) => [s.path, s.body.version])).toEqual([
      ['/sessions/s1/action-items/item-1/done', '"v1"'],
      ['/agreement', '"v2"'],
    ]);
  });

  it('a partner’s agreement change seen through another write still makes the open form a conflict, never an overwrite', async () => {
    const { state, user, agreement } = await editingAgreementWithAnOpenItem();
    // Louise changes the subject meanwhile.
    const theirs = state.pairs.get('pair-1')!;
    state.pairs.set('pair-1', {
      ...theirs,
      agreement: { ...theirs.agreement, subject: 'Teams et Planner', revision: 3, signatures: {} },
    });
    state.versions.set('pair-1', '"v5"');
    const subject = within(agreement).getByRole('textbox', { name: /^Subject/ });
    await user.clear(subject);
    await user.type(subject, 'Teams et OneNote');

    // Pierre ticks an item: refused as stale; he loads the latest pair (Louise's subject with it).
    const items = region('Open action items');
    await user.click(within(items).getByRole('checkbox', { name: /Créer le canal/ }));
    await user.click(await within(items).findByRole('button', { name: 'Load the latest version' }));
    // Saving the form now must not silently replace Louise's subject.
    await user.click(within(agreement).getByRole('button', { name: 'Save the agreement' }));
    expect(await within(agreement).findByRole('alert')).toHaveTextContent(
      'Your partner changed this in the meantime',
    );
    expect(state.pairs.get('pair-1')!.agreement.subject).toBe('Teams et Planner');
    expect(state.sent.at(-1)).toEqual({
      method: 'PUT',
      path: '/agreement',
      body: { subject: 'Teams et OneNote', version: '"v1"' },
    });
  });

  it('feedback after the first session asks the pairing fit and sends rating, what worked, one suggestion and whether to share them with the lead', async () => {
    const { state, handlers } = pairApi(
      aPairView({ sessions: [aSession({ start: twoDaysAgo() })] }),
    );
    server.use(...handlers);
    const user = userEvent.setup();
    renderScreen(<PairScreen />);

    const sessions = await screen.findByRole('region', { name: 'Sessions' }, found);
    expect(within(sessions).getByText('Your feedback is awaited')).toBeInTheDocument();
    await user.click(within(sessions).getByRole('button', { name: 'Send my feedback' }));
    expect(within(sessions).getByText('Choose a rating from 1 to 4.')).toBeInTheDocument();
    expect(
      within(sessions).getByText('Answer this question after your first session.'),
    ).toBeInTheDocument();
    expect(state.sent).toEqual([]);

    await user.click(within(sessions).getByRole('radio', { name: '4 – Very useful' }));
    await user.type(
      within(sessions).getByRole('textbox', { name: 'What worked well' }),
      'Sur mes propres dossiers',
    );
    await user.type(
      within(sessions).getByRole('textbox', { name: /One suggestion for next time/ }),
      'Un mémo des étapes',
    );
    // The lead's follow-up lists a pair as at risk when either member says it is not a good fit.
    expect(
      within(sessions).getByText(
        'If you or Louise Nicolas answer “not a good fit”, the programme lead sees that your pair needs help and may check in with you both.',
      ),
    ).toBeInTheDocument();
    await user.click(within(sessions).getByRole('radio', { name: 'Yes, a good fit' }));
    const share = within(sessions).getByRole('checkbox', {
      name: 'Share these comments with the programme lead for the report (without your name)',
    });
    // Sharing is the author's choice: unticked until they tick it.
    expect(share).not.toBeChecked();
    await user.click(share);
    await user.click(within(sessions).getByRole('button', { name: 'Send my feedback' }));

    expect(
      await within(sessions).findByText('Feedback sent to Louise Nicolas.'),
    ).toBeInTheDocument();
    expect(
      within(sessions).getByText(
        'Shared with the programme lead for the report, without your name.',
      ),
    ).toBeInTheDocument();
    expect(state.sent).toEqual([
      {
        method: 'PUT',
        path: '/sessions/s1/feedback',
        body: {
          rating: 4,
          worked: 'Sur mes propres dossiers',
          suggestion: 'Un mémo des étapes',
          pairingFit: 'good',
          shareWithLead: true,
          version: '"v1"',
        },
      },
    ]);
    expect(region('Feedback')).toHaveTextContent('What worked: Sur mes propres dossiers');
  });

  it('private notes say only the author sees them and are saved with their own version', async () => {
    const { state, handlers } = pairApi(
      aPairView({ sessions: [aSession({ start: twoDaysAgo() })] }),
    );
    server.use(...handlers);
    const user = userEvent.setup();
    renderScreen(<PairScreen />);

    const note = await screen.findByRole(
      'textbox',
      { name: 'My private note on session 1' },
      found,
    );
    expect(note).toHaveAccessibleDescription(
      'Only you can see this. Not Louise Nicolas, not your manager, not the programme lead.',
    );
    await user.type(note, 'Préparer un vrai dossier');
    await user.click(screen.getByRole('button', { name: 'Save my private note' }));
    expect(await within(region('Sessions')).findByText('Private note saved.')).toBeInTheDocument();
    expect(state.sent).toEqual([
      {
        method: 'PUT',
        path: '/sessions/s1/private-note',
        body: { text: 'Préparer un vrai dossier', version: '0' },
      },
    ]);
  });

  it('self-assessment sends one level per goal, each with the version the previous write returned', async () => {
    const { state, handlers } = pairApi(aPairView());
    server.use(...handlers);
    const user = userEvent.setup();
    renderScreen(<PairScreen />);

    const progress = await screen.findByRole('region', { name: 'Goals and progress' }, found);
    expect(progress).toHaveTextContent('Time for your self-assessment (Start).');
    // Only assessed goals are charted.
    expect(
      await within(progress).findByText(
        'chart of Comprendre les risques juridiques des réseaux sociaux',
      ),
    ).toBeInTheDocument();
    const table = within(progress).getByRole('table', { name: /Self-assessed level per goal/ });
    expect(
      within(table).getByRole('row', {
        name: 'Comprendre les risques juridiques des réseaux sociaux Louise Nicolas 2 4 – +2',
      }),
    ).toBeInTheDocument();
    await user.selectOptions(
      within(progress).getByRole('combobox', { name: 'Organiser les dossiers dans Teams' }),
      '1',
    );
    await user.selectOptions(
      within(progress).getByRole('combobox', { name: 'Prendre mes notes dans OneNote' }),
      '2',
    );
    await user.click(within(progress).getByRole('button', { name: 'Save my self-assessment' }));
    expect(await within(progress).findByText('Self-assessment saved (Start).')).toBeInTheDocument();
    expect(state.sent.map((s) => s.body)).toEqual([
      { phase: 'start', goal: 'Organiser les dossiers dans Teams', level: 1, version: '"v1"' },
      { phase: 'start', goal: 'Prendre mes notes dans OneNote', level: 2, version: '"v2"' },
    ]);
    expect(
      within(table).getByRole('row', { name: 'Prendre mes notes dans OneNote You 2 – – –' }),
    ).toBeInTheDocument();
  });

  it('ending early asks for confirmation; cancelling sends nothing', async () => {
    const { state, handlers } = pairApi(
      aPairView({ state: 'active', can: ['pause', 'complete', 'end'] }),
    );
    server.use(...handlers);
    renderScreen(<PairScreen />);

    const status = await screen.findByRole('region', { name: 'Pair status' }, found);
    fireEvent.click(within(status).getByRole('button', { name: 'End early' }));
    const dialog = await screen.findByRole('dialog', { name: 'End the pair early?' });
    expect(dialog).toHaveTextContent('This cannot be undone. Louise Nicolas will see your reason.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(state.sent).toEqual([]);
    expect(status).toHaveTextContent('Active');
  });

  it('ending early needs a reason, then ends the pair and shows why', async () => {
    const { state, handlers } = pairApi(
      aPairView({ state: 'active', can: ['pause', 'complete', 'end'] }),
    );
    server.use(...handlers);
    renderScreen(<PairScreen />);

    const status = await screen.findByRole('region', { name: 'Pair status' }, found);
    fireEvent.click(within(status).getByRole('button', { name: 'End early' }));
    const dialog = await screen.findByRole('dialog', { name: 'End the pair early?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'End the pair' }));
    expect(within(dialog).getByText('Give a reason.')).toBeInTheDocument();
    expect(state.sent).toEqual([]);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Reason/ }), {
      target: { value: 'Changement de poste' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'End the pair' }));
    expect(await within(status).findByText('The pair has ended.')).toBeInTheDocument();
    expect(status).toHaveTextContent('Ended early: Changement de poste');
    expect(state.sent).toEqual([
      { method: 'POST', path: '/end', body: { reason: 'Changement de poste', version: '"v1"' } },
    ]);
  });

  it('pausing asks until when (a date after today) and shows the pause', async () => {
    const { state, handlers } = pairApi(
      aPairView({ state: 'active', can: ['pause', 'complete', 'end'] }),
    );
    server.use(...handlers);
    renderScreen(<PairScreen />);

    const status = await screen.findByRole('region', { name: 'Pair status' }, found);
    fireEvent.click(within(status).getByRole('button', { name: 'Pause' }));
    const dialog = await screen.findByRole('dialog', { name: 'Pause the pair?' });
    const until = within(dialog).getByLabelText(/Paused until/);
    fireEvent.change(until, { target: { value: '2020-01-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Pause' }));
    expect(within(dialog).getByText('Choose a date after today.')).toBeInTheDocument();
    expect(state.sent).toEqual([]);

    fireEvent.change(until, { target: { value: '2099-01-15' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Pause' }));
    expect(await within(status).findByText('The pair is paused.')).toBeInTheDocument();
    expect(status).toHaveTextContent('Paused until 15 January 2099.');
    expect(within(status).getByRole('button', { name: 'Resume' })).toBeInTheDocument();
    expect(state.sent).toEqual([
      { method: 'POST', path: '/pause', body: { until: '2099-01-15', version: '"v1"' } },
    ]);
  });

  it('with several pairs, a picker switches the dashboard', async () => {
    const other = aPairView({
      id: 'pair-2',
      myRole: 'mentor',
      me: { ...aPairView().me, role: 'mentor' },
      partner: aMember({ personId: 'p-40', role: 'mentee', displayName: 'Hélène Marchand' }),
      agreement: { ...aPairView().agreement, subject: 'Excel' },
    });
    const { handlers } = pairApi(aPairView(), [other]);
    server.use(...handlers);
    const user = userEvent.setup();
    renderScreen(<PairScreen />);

    const picker = await screen.findByRole('combobox', { name: 'Pair' }, found);
    expect(await screen.findByRole('region', { name: 'Your mentor' }, found)).toHaveTextContent(
      'Louise Nicolas',
    );
    await user.selectOptions(picker, 'You mentor Hélène Marchand – Excel');
    expect(window.location.search).toBe('?pair=pair-2');
    expect(await screen.findByRole('region', { name: 'Your mentee' }, found)).toHaveTextContent(
      'Hélène Marchand',
    );
  });

  it('opens the pair a link names (?pair=)', async () => {
    const other = aPairView({
      id: 'pair-2',
      myRole: 'mentor',
      me: { ...aPairView().me, role: 'mentor' },
      partner: aMember({ personId: 'p-40', role: 'mentee', displayName: 'Hélène Marchand' }),
    });
    const { handlers } = pairApi(aPairView(), [other]);
    server.use(...handlers);
    window.history.replaceState(null, '', '/pair?pair=pair-2');
    renderScreen(<PairScreen />);
    expect(await screen.findByRole('region', { name: 'Your mentee' }, found)).toHaveTextContent(
      'Hélène Marchand',
    );
  });

  it('speaks French: private notes are “visible par vous seul”', async () => {
    const { handlers } = pairApi(aPairView({ sessions: [aSession({ start: twoDaysAgo() })] }));
    server.use(...handlers);
    renderScreen(<PairScreen />, { locale: 'fr' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Mon binôme' }),
    ).toBeInTheDocument();
    const note = await screen.findByRole(
      'textbox',
      { name: 'Ma note privée sur la séance 1' },
      found,
    );
    expect(note).toHaveAccessibleDescription(
      'Visible par vous seul. Ni Louise Nicolas, ni votre manager, ni le responsable du programme.',
    );
    expect(region('Votre mentor')).toHaveTextContent('Langues : français, anglais');
    // « Vous » takes its own verb, and the role does not assume a gender.
    const signatures = within(region('Accord')).getByRole('list', { name: 'Signatures' });
    expect(signatures).toHaveTextContent(
      'Vous (personne mentorée) : vous n’avez pas encore signé la version 2',
    );
    expect(signatures).not.toHaveTextContent('(mentoré)');
    // Pierre is the mentee: the mentor toolkit is not offered to him.
    expect(screen.queryByRole('button', { name: 'Ouvrir la boîte à outils du mentor' })).toBeNull();
  });

  it('offers the mentor toolkit to the mentor only, and nothing of a pair to someone without one', async () => {
    const mentor = aPairView({
      myRole: 'mentor',
      me: { ...aPairView().me, role: 'mentor' },
      partner: aMember({ personId: 'p-40', role: 'mentee', displayName: 'Hélène Marchand' }),
    });
    server.use(...pairApi(mentor).handlers);
    const { unmount } = renderScreen(<PairScreen />, { locale: 'fr' });
    expect(
      await screen.findByRole('button', { name: 'Ouvrir la boîte à outils du mentor' }, found),
    ).toBeInTheDocument();
    unmount();

    server.use(http.get('*/api/pairs/mine', () => HttpResponse.json({ pairs: [] })));
    renderScreen(<PairScreen />, { locale: 'fr' });
    expect(await screen.findByRole('button', { name: /proposition/i }, found)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ouvrir la boîte à outils du mentor' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Planifier nos séances' })).toBeNull();
  });

  it('counts held and planned sessions with real plurals, in French and English', async () => {
    const progress = (held: number, planned: number) =>
      aPairView({
        progress: { ...aPairView().progress, sessionsHeld: held, sessionsPlanned: planned },
      });
    const { handlers } = pairApi(progress(3, 1));
    server.use(...handlers);
    const { unmount } = renderScreen(<PairScreen />, { locale: 'fr' });
    expect(
      await screen.findByRole('region', { name: 'Objectifs et progrès' }, found),
    ).toHaveTextContent('3 séances tenues sur 6 prévues à l’accord, 1 planifiée.');
    unmount();

    server.use(...pairApi(progress(1, 2)).handlers);
    renderScreen(<PairScreen />, { locale: 'en' });
    expect(
      await screen.findByRole('region', { name: 'Goals and progress' }, found),
    ).toHaveTextContent('1 held of 6 agreed sessions, 2 planned.');
  });

  it('with no session planned, links to the “Plan our sessions” screen it names', async () => {
    const { handlers } = pairApi(aPairView({ nextSession: null }));
    server.use(...handlers);
    renderScreen(<PairScreen />, { locale: 'fr' });
    const partner = await screen.findByRole('region', { name: 'Prochaine séance' }, found);
    expect(partner).toHaveTextContent('Aucune séance prévue. Planifier nos séances');
    expect(partner).not.toHaveTextContent('dans Séances');
    fireEvent.click(within(partner).getByRole('link', { name: 'Planifier nos séances' }));
    expect(window.location.pathname).toBe('/plan');
    expect(window.location.search).toBe(`?pair=${aPairView().id}`);
  });
});
