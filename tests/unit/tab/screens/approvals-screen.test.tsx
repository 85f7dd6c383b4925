import { fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type {
  ApprovalDecisionBody,
  ApprovalItem,
  ApprovalListResponse,
} from '../../../../src/contracts/approvals';
import type { ManagerReportsResponse } from '../../../../src/contracts/health';
import ApprovalsScreen from '../../../../tab/src/screens/approvals/ApprovalsScreen';
import { aMe, aPersonCard, renderScreen, signedInAs, signOutEverywhere } from './render-screen';

const sylvie = aPersonCard({ id: 'p-3', displayName: 'Sylvie Garnier' });
const sylvieMe = aMe({ person: sylvie, roles: ['participant', 'manager'] });

function anItem(overrides: Partial<ApprovalItem> = {}): ApprovalItem {
  return {
    id: 'approval.pair-1.p-41.r2',
    version: '"v1"',
    status: 'pending',
    person: { id: 'p-41', displayName: 'Romain Leroy' },
    partner: { id: 'p-34', displayName: 'Gabriel Da Silva' },
    role: 'mentee',
    programmeName: 'Mentorat inversé 2027',
    pairId: 'pair-1',
    pairState: 'awaiting_approval',
    subject: 'LinkedIn pour la prospection commerciale',
    request: {
      sessions: 6,
      durationMinutes: 90,
      frequency: 'biweekly',
      from: '2027-01-11',
      to: '2027-03-22',
      totalMinutes: 540,
    },
    agreementRevision: 2,
    comment: null,
    decidedAt: null,
    supersededAt: null,
    createdAt: '2027-01-08T09:00:00.000Z',
    canDecide: true,
    ...overrides,
  };
}

const decided = (item: ApprovalItem, status: 'approved' | 'declined', comment?: string) =>
  anItem({
    ...item,
    version: '"v2"',
    status,
    comment: comment ?? null,
    decidedAt: '2027-01-09T10:00:00.000Z',
    pairState: status === 'approved' ? 'active' : 'awaiting_approval',
    canDecide: false,
  });

// A manager's team (below the requests): nobody by default; one test fills it.
const noTeam = http.get('*/api/manager/reports', () =>
  HttpResponse.json({ reports: [], approvals: [] } satisfies ManagerReportsResponse),
);
const server = setupServer(noTeam);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => signedInAs(sylvie.id, sylvie.displayName));
afterEach(() => {
  server.resetHandlers();
  signOutEverywhere();
});
afterAll(() => server.close());

const me = http.get('*/api/me', () => HttpResponse.json(sylvieMe));
const listing = (approvals: ApprovalItem[]) =>
  http.get('*/api/approvals', () =>
    HttpResponse.json({ approvals } satisfies ApprovalListResponse),
  );

const card = (name: RegExp | string) => screen.findByRole('article', { name });

describe('a manager’s approvals in the tab', { timeout: 20_000 }, () => {
  it('lists each request with who, with whom and the time asked, in French', async () => {
    server.use(
      me,
      listing([
        anItem(),
        decided(
          anItem({
            id: 'approval.pair-2.p-13.r1',
            person: { id: 'p-13', displayName: 'Philippe Moreau' },
          }),
          'declined',
          'Pas avant avril',
        ),
      ]),
    );
    renderScreen(<ApprovalsScreen />, { locale: 'fr' });
    const pending = await card('Romain Leroy avec Gabriel Da Silva');
    expect(screen.getByText('1 demande attend votre décision.')).toBeInTheDocument();
    expect(pending).toHaveTextContent(
      'Rôle de Romain Leroy : personne mentorée, pour apprendre des compétences numériques.',
    );
    expect(pending).not.toHaveTextContent(/·e|il ou elle/);
    expect(pending).toHaveTextContent(
      '6 séances × 1 h 30, toutes les deux semaines (9 h au total)',
    );
    expect(pending).toHaveTextContent('du 11 janvier 2027 au 22 mars 2027');
    expect(pending).toHaveTextContent('LinkedIn pour la prospection commerciale');
    expect(within(pending).getByRole('button', { name: 'Approuver' })).toBeEnabled();
    expect(pending).toHaveTextContent('Romain Leroy et Gabriel Da Silva le liront.');

    const old = await card('Philippe Moreau avec Gabriel Da Silva');
    expect(old).toHaveTextContent('Refusée');
    expect(old).toHaveTextContent('Vous avez refusé le 9 janvier 2027.');
    expect(old).toHaveTextContent('Commentaire : Pas avant avril');
    expect(within(old).queryByRole('button')).not.toBeInTheDocument();
  });

  it('approving sends the decision with the version read; the card then shows the outcome', async () => {
    const sent: { body: ApprovalDecisionBody; ifMatch: string | null }[] = [];
    server.use(
      me,
      listing([anItem()]),
      http.post('*/api/approvals/:id/decision', async ({ request, params }) => {
        expect(params.id).toBe('approval.pair-1.p-41.r2');
        sent.push({
          body: (await request.json()) as ApprovalDecisionBody,
          ifMatch: request.headers.get('if-match'),
        });
        return HttpResponse.json({ approval: decided(anItem(), 'approved'), changed: true });
      }),
    );
    renderScreen(<ApprovalsScreen />, { locale: 'en' });
    const item = await card('Romain Leroy with Gabriel Da Silva');
    fireEvent.click(within(item).getByRole('button', { name: 'Approve' }));
    expect(await within(item).findByText('You approved Romain Leroy’s time.')).toBeInTheDocument();
    expect(sent).toEqual([{ body: { decision: 'approved' }, ifMatch: '"v1"' }]);
    expect(item).toHaveTextContent('Approved');
    expect(item).toHaveTextContent('Every manager approved: the pair has started.');
    expect(within(item).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(within(item).getByRole('status')).toHaveFocus();
  });

  it('declining needs a comment; with one, it is sent and shown', async () => {
    const sent: ApprovalDecisionBody[] = [];
    server.use(
      me,
      listing([anItem()]),
      http.post('*/api/approvals/:id/decision', async ({ request }) => {
        const body = (await request.json()) as ApprovalDecisionBody;
        sent.push(body);
        return HttpResponse.json({
          approval: decided(anItem(), 'declined', body.comment),
          changed: true,
        });
      }),
    );
    renderScreen(<ApprovalsScreen />, { locale: 'en' });
    const item = await card('Romain Leroy with Gabriel Da Silva');
    // The comment is read later, once the decision is sent.
    expect(within(item).getByText('Romain Leroy and Gabriel Da Silva will read it.')).toBeVisible();
    fireEvent.click(within(item).getByRole('button', { name: 'Decline' }));
    expect(
      await within(item).findByText('Please say in the comment why you decline.'),
    ).toBeInTheDocument();
    expect(sent).toEqual([]);

    fireEvent.change(
      within(item).getByRole('textbox', { name: /Comment \(required to decline\)/ }),
      {
        target: { value: '  Not during the year-end close  ' },
      },
    );
    fireEvent.click(within(item).getByRole('button', { name: 'Decline' }));
    expect(
      await within(item).findByText(
        'You declined Romain Leroy’s time. Romain Leroy and Gabriel Da Silva are told.',
      ),
    ).toBeInTheDocument();
    expect(sent).toEqual([{ decision: 'declined', comment: 'Not during the year-end close' }]);
    expect(item).toHaveTextContent('Comment: Not during the year-end close');
  });

  it('a 409 reloads the request and keeps what was typed; the next try sends the new version', async () => {
    let version = '"v1"';
    const ifMatch: (string | null)[] = [];
    server.use(
      me,
      http.get('*/api/approvals', () =>
        HttpResponse.json({ approvals: [anItem({ version })] } satisfies ApprovalListResponse),
      ),
      http.post('*/api/approvals/:id/decision', async ({ request }) => {
        ifMatch.push(request.headers.get('if-match'));
        if (ifMatch.length > 1) {
          const body = (await request.json()) as ApprovalDecisionBody;
          return HttpResponse.json({
            approval: decided(anItem(), 'declined', body.comment),
            changed: true,
          });
        }
        // Something changed the request meanwhile; it is still pending under a new version.
        version = '"v9"';
        return HttpResponse.json(
          {
            error: {
              code: 'version_conflict',
              message: 'This request changed since you loaded it',
              details: { current: anItem({ version }) },
            },
          },
          { status: 409 },
        );
      }),
    );
    renderScreen(<ApprovalsScreen />, { locale: 'en' });
    const item = await card('Romain Leroy with Gabriel Da Silva');
    const comment = within(item).getByRole('textbox', { name: /Comment/ });
    fireEvent.change(comment, { target: { value: 'Only after the audit' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Decline' }));
    expect(
      await within(item).findByText(/This request changed meanwhile .* What you typed is kept\./),
    ).toBeInTheDocument();
    expect(within(item).getByRole('textbox', { name: /Comment/ })).toHaveValue(
      'Only after the audit',
    );
    fireEvent.click(within(item).getByRole('button', { name: 'Decline' }));
    expect(await within(item).findByText('Comment: Only after the audit')).toBeInTheDocument();
    expect(ifMatch).toEqual(['"v1"', '"v9"']);
  });

  it('a request decided in Teams meanwhile shows that decision after the 409, and the unsent comment', async () => {
    let current = anItem();
    server.use(
      me,
      http.get('*/api/approvals', () =>
        HttpResponse.json({ approvals: [current] } satisfies ApprovalListResponse),
      ),
      http.post('*/api/approvals/:id/decision', () => {
        current = decided(anItem(), 'approved');
        return HttpResponse.json(
          {
            error: {
              code: 'invalid_transition',
              message: 'This approval was already approved; it cannot become declined',
              details: { current },
            },
          },
          { status: 409 },
        );
      }),
    );
    renderScreen(<ApprovalsScreen />, { locale: 'fr' });
    const item = await card('Romain Leroy avec Gabriel Da Silva');
    fireEvent.change(within(item).getByRole('textbox', { name: /Commentaire/ }), {
      target: { value: 'Pas maintenant' },
    });
    fireEvent.click(within(item).getByRole('button', { name: 'Refuser' }));
    expect(
      await within(item).findByText('Vous avez approuvé le 9 janvier 2027.'),
    ).toBeInTheDocument();
    expect(item).toHaveTextContent('Cette demande a changé entre-temps');
    expect(item).toHaveTextContent('Votre commentaire, non envoyé : Pas maintenant');
  });

  it('deciding a request the pair replaced meanwhile says so (409), decides nothing, and brings the new request', async () => {
    const old = anItem({ id: 'approval.pair-1.p-41.r1', agreementRevision: 1 });
    const newer = anItem({
      id: 'approval.pair-1.p-41.r2',
      request: { ...old.request, sessions: 4, totalMinutes: 360, to: '2027-02-22' },
      createdAt: '2027-01-10T09:00:00.000Z',
    });
    const replacedOld = anItem({
      ...old,
      version: '"v2"',
      status: 'superseded',
      supersededAt: '2027-01-10T09:00:00.000Z',
      canDecide: false,
    });
    let listed = [old];
    const decisions: string[] = [];
    server.use(
      me,
      http.get('*/api/approvals', () =>
        HttpResponse.json({ approvals: listed } satisfies ApprovalListResponse),
      ),
      http.post('*/api/approvals/:id/decision', ({ params }) => {
        decisions.push(String(params.id));
        // The pair changed its agreement and both signed it again meanwhile.
        listed = [newer, replacedOld];
        return HttpResponse.json(
          {
            error: {
              code: 'invalid_transition',
              message: 'This request was replaced by a newer one: decide the new request',
              details: { current: replacedOld, supersededBy: newer.id },
            },
          },
          { status: 409 },
        );
      }),
    );
    renderScreen(<ApprovalsScreen />, { locale: 'en' });
    const first = await card('Romain Leroy with Gabriel Da Silva');
    fireEvent.change(within(first).getByRole('textbox', { name: /Comment/ }), {
      target: { value: 'Fine by me' },
    });
    fireEvent.click(within(first).getByRole('button', { name: 'Approve' }));

    const alert = await screen.findByText(
      'This request was replaced by a newer one: nothing was decided. The new request is in your list. What you typed is kept.',
    );
    const cards = screen.getAllByRole('article', { name: 'Romain Leroy with Gabriel Da Silva' });
    expect(cards).toHaveLength(2);
    const [current, replaced] = cards as [HTMLElement, HTMLElement];
    expect(replaced).toContainElement(alert);
    expect(replaced).toHaveTextContent('Replaced');
    expect(replaced).toHaveTextContent(
      'This request was replaced by a newer one: Romain Leroy and Gabriel Da Silva changed their agreement and signed it again. Nobody can decide it any more.',
    );
    expect(replaced).toHaveTextContent('Replaced on 10 January 2027.');
    expect(replaced).toHaveTextContent('Your comment, not sent: Fine by me');
    expect(within(replaced).queryByRole('button')).not.toBeInTheDocument();
    // The new request asks for 4 sessions and can be decided.
    expect(current).toHaveTextContent('4 sessions × 1 h 30');
    expect(within(current).getByRole('button', { name: 'Approve' })).toBeEnabled();
    expect(screen.getByText('1 request is waiting for your decision.')).toBeInTheDocument();
    expect(decisions).toEqual(['approval.pair-1.p-41.r1']);
  });

  it('lists a replaced request as replaced, in French, without buttons', async () => {
    server.use(
      me,
      listing([
        anItem({
          id: 'approval.pair-1.p-41.r1',
          status: 'superseded',
          supersededAt: '2027-01-10T09:00:00.000Z',
          canDecide: false,
        }),
      ]),
    );
    renderScreen(<ApprovalsScreen />, { locale: 'fr' });
    const item = await card('Romain Leroy avec Gabriel Da Silva');
    expect(item).toHaveTextContent('Remplacée');
    expect(item).toHaveTextContent(
      'Cette demande a été remplacée par une plus récente : Romain Leroy et Gabriel Da Silva ont modifié leur accord et l’ont signé à nouveau. Personne ne peut plus la décider.',
    );
    expect(item).toHaveTextContent('Remplacée le 10 janvier 2027.');
    expect(within(item).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByText('Aucune demande n’attend votre décision.')).toBeInTheDocument();
  });

  it('tells a manager with no request that nobody asked yet', async () => {
    server.use(me, listing([]));
    renderScreen(<ApprovalsScreen />, { locale: 'en' });
    expect(await screen.findByText('Nobody has asked for your approval yet.')).toBeInTheDocument();
  });

  it('shows the manager’s team in mentoring: each report’s pair and sessions, and the approvals given', async () => {
    server.use(
      me,
      listing([]),
      http.get('*/api/manager/reports', () =>
        HttpResponse.json({
          reports: [
            {
              personId: 'p-41',
              displayName: 'Romain Leroy',
              programmeId: 'prog-2027',
              programmeName: 'Mentorat inversé 2027',
              pairState: 'active',
              sessionsHeld: 3,
              sessionsPlanned: 4,
              sessionsInFrame: 6,
            },
            {
              personId: 'p-43',
              displayName: 'Hugo Fournier',
              programmeId: 'prog-2027',
              programmeName: 'Mentorat inversé 2027',
              pairState: 'awaiting_approval',
              sessionsHeld: 0,
              sessionsPlanned: 0,
              sessionsInFrame: 6,
            },
            {
              personId: 'p-42',
              displayName: 'Nadia Haddad',
              programmeId: 'prog-2027',
              programmeName: 'Mentorat inversé 2027',
              pairState: null,
              sessionsHeld: 0,
              sessionsPlanned: 0,
              sessionsInFrame: 0,
            },
          ],
          approvals: [
            {
              approvalId: 'approval.pair-1.p-41.r1',
              personId: 'p-41',
              personName: 'Romain Leroy',
              status: 'approved',
              requestedAt: '2027-01-08T09:00:00.000Z',
              decidedAt: '2027-01-09T10:00:00.000Z',
              totalMinutes: 540,
            },
          ],
        } satisfies ManagerReportsResponse),
      ),
    );
    renderScreen(<ApprovalsScreen />, { locale: 'fr' });
    const team = await screen.findByRole('region', { name: 'Votre équipe dans le mentorat' });
    const participation = await within(team).findByRole('table', { name: 'Participation' });
    expect(within(participation).getByRole('row', { name: /Romain Leroy/ })).toHaveTextContent(
      'Actif3 sur 6',
    );
    // Before any session is booked, against the agreement's six (not « 0 sur 0 »).
    expect(within(participation).getByRole('row', { name: /Hugo Fournier/ })).toHaveTextContent(
      'En attente d’accord0 sur 6',
    );
    expect(within(participation).getByRole('row', { name: /Nadia Haddad/ })).toHaveTextContent(
      'Pas en binôme',
    );
    const given = within(team).getByRole('table', { name: 'Vos accords' });
    expect(within(given).getByRole('row', { name: /Romain Leroy/ })).toHaveTextContent(
      '8 janvier 20279 hAccordé le 9 janvier 2027',
    );
    // Participation only: nothing the pair says.
    expect(team).not.toHaveTextContent(/note|retour|feedback/i);
  });
});
