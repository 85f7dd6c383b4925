import { screen, within } from '@testing-library/react';
import type { ApprovalStanding, PairView } from '../../../../src/contracts/pairs';
import { LifecycleSection } from '../../../../tab/src/screens/pair/LifecycleSection';
import { PairProvider } from '../../../../tab/src/screens/pair/PairContext';
import { aPairView, louiseId, pierreId } from './pair-fixtures';
import { renderScreen } from './render-screen';

// Pierre Gaillard (mentee) and Louise Nicolas (mentor) signed revision 2 of their agreement; their
// managers are Dominique Faure (Pierre's) and Claire Morel (Louise's).

function anApproval(overrides: Partial<ApprovalStanding> = {}): ApprovalStanding {
  return {
    personId: pierreId,
    role: 'mentee',
    mine: true,
    managerName: 'Dominique Faure',
    status: 'pending',
    revision: 2,
    requestedAt: '2026-11-24T10:00:00.000Z',
    comment: null,
    decidedAt: null,
    ...overrides,
  };
}

const louisesManager = (overrides: Partial<ApprovalStanding> = {}) =>
  anApproval({
    personId: louiseId,
    role: 'mentor',
    mine: false,
    managerName: 'Claire Morel',
    ...overrides,
  });

const declinedByDominique = anApproval({
  status: 'declined',
  comment: 'Pas avant la clôture de fin d’année : proposez janvier.',
  decidedAt: '2026-11-25T15:00:00.000Z',
});

const approvedByClaire = louisesManager({
  status: 'approved',
  decidedAt: '2026-11-25T09:00:00.000Z',
});

function awaiting(approvals: ApprovalStanding[], overrides: Partial<PairView> = {}): PairView {
  const pair = aPairView();
  return aPairView({
    state: 'awaiting_approval',
    approvals,
    agreement: {
      ...pair.agreement,
      signatures: {
        mentor: { at: '2026-11-24T10:00:00.000Z', revision: 2 },
        mentee: { at: '2026-11-24T10:00:00.000Z', revision: 2 },
      },
      signedByMe: true,
      fullySigned: true,
    },
    can: ['edit_agreement', 'plan_session', 'end'],
    ...overrides,
  });
}

function show(pair: PairView, locale: 'en' | 'fr' = 'en') {
  renderScreen(
    <PairProvider initial={{ pair, version: '"v1"', privateNotes: [] }}>
      <LifecycleSection />
    </PairProvider>,
    { locale },
  );
}

const approvalsList = (name = 'Managers’ approval') => screen.getByRole('list', { name });
const itemOf = (manager: string, name?: string) => {
  const item = within(approvalsList(name))
    .getAllByRole('listitem')
    .find((li) => li.textContent?.includes(manager));
  if (!item) throw new Error(`no approval of ${manager}`);
  return item;
};

describe('the managers’ approvals on the pair dashboard', { timeout: 20_000 }, () => {
  it('shows whose manager was asked and that both are waiting, with no next step to take', () => {
    show(awaiting([anApproval(), louisesManager()]));
    const items = within(approvalsList()).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Dominique Faureyour managerWaitingAsked on 24 November 2026.',
      'Claire MorelLouise Nicolas’s managerWaitingAsked on 24 November 2026.',
    ]);
    expect(screen.queryByText('What to do next')).toBeNull();
  });

  it('a decline shows its date and comment, and says to change the agreement: only that manager is asked again', () => {
    show(awaiting([declinedByDominique, approvedByClaire]));
    const dominique = itemOf('Dominique Faure');
    expect(dominique).toHaveTextContent('Declined');
    expect(dominique).toHaveTextContent('Declined on 25 November 2026.');
    expect(within(dominique).getByText(/Comment:/)).toHaveTextContent(
      'Comment: “Pas avant la clôture de fin d’année : proposez janvier.”',
    );
    expect(itemOf('Claire Morel')).toHaveTextContent('Approved on 25 November 2026.');
    expect(screen.getByText('What to do next').parentElement).toHaveTextContent(
      'Change the agreement with Louise Nicolas and sign it again, both of you: only Dominique Faure will be asked again, unless you change the number, length or frequency of the sessions (then every manager is).',
    );
  });

  it('once the agreement changed after the decline, it says that signing it asks that manager again', () => {
    const pair = awaiting([declinedByDominique, approvedByClaire]);
    show({
      ...pair,
      agreement: {
        ...pair.agreement,
        revision: 3,
        signatures: {},
        signedByMe: false,
        signedByPartner: false,
        fullySigned: false,
      },
      can: ['edit_agreement', 'sign', 'plan_session', 'end'],
    });
    expect(screen.getByText('What to do next').parentElement).toHaveTextContent(
      'The agreement has changed: once you have both signed it, only Dominique Faure will be asked again, unless the number, length or frequency of the sessions changed (then every manager is).',
    );
  });

  it('when both managers declined, both are named and both are asked again', () => {
    show(
      awaiting([
        declinedByDominique,
        louisesManager({
          status: 'declined',
          comment: 'Trop de déplacements ce mois-ci.',
          decidedAt: '2026-11-26T08:00:00.000Z',
        }),
      ]),
    );
    expect(itemOf('Claire Morel')).toHaveTextContent('“Trop de déplacements ce mois-ci.”');
    expect(screen.getByText('What to do next').parentElement).toHaveTextContent(
      'Change the agreement with Louise Nicolas and sign it again, both of you: Dominique Faure and Claire Morel will be asked again.',
    );
  });

  it('after a decline the status badge and the summary say it was declined, no longer that the managers are asked', () => {
    show(awaiting([declinedByDominique, approvedByClaire]));
    expect(screen.getByText('Declined by a manager: agreement to change')).toBeInTheDocument();
    expect(screen.queryByText('Waiting for the managers’ approval')).toBeNull();
    expect(
      screen.queryByText('Your managers are asked to approve the time you spend on this.'),
    ).toBeNull();
    expect(
      screen.getByText(
        'Dominique Faure declined the time asked for: the pair cannot start as agreed. Their comment and what to do next are below.',
      ),
    ).toBeInTheDocument();
  });

  it('while the managers are only asked, the badge says the pair waits for them', () => {
    show(awaiting([anApproval(), louisesManager()]));
    expect(screen.getByText('Waiting for the managers’ approval')).toBeInTheDocument();
  });

  it('speaks French', () => {
    show(awaiting([declinedByDominique, approvedByClaire]), 'fr');
    const list = 'Accord des managers';
    expect(itemOf('Dominique Faure', list)).toHaveTextContent(
      'Dominique Faurevotre managerRefuséeRefusée le 25 novembre 2026.',
    );
    expect(itemOf('Dominique Faure', list)).toHaveTextContent(
      'Commentaire : « Pas avant la clôture de fin d’année : proposez janvier. »',
    );
    expect(itemOf('Claire Morel', list)).toHaveTextContent(
      'manager de Louise NicolasApprouvéeApprouvée le 25 novembre 2026.',
    );
    expect(screen.getByText('Refusé par un manager : accord à modifier')).toBeInTheDocument();
    expect(
      screen.queryByText(
        'Vos managers sont sollicités pour approuver le temps que vous y consacrez.',
      ),
    ).toBeNull();
    expect(screen.getByText('Et maintenant ?').parentElement).toHaveTextContent(
      'Modifiez l’accord avec Louise Nicolas puis signez-le à nouveau tous les deux : la demande repartira uniquement vers Dominique Faure, sauf si vous changez le nombre, la durée ou la fréquence des séances (elle repartira alors vers chaque manager).',
    );
  });

  it('a pair asked before the approvals were kept on it shows only that the managers are asked', () => {
    show(awaiting([]));
    expect(
      screen.getByText('Your managers are asked to approve the time you spend on this.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Managers’ approval' })).toBeNull();
  });

  it('an active pair no longer shows the approvals', () => {
    show(awaiting([anApproval({ status: 'approved' }), approvedByClaire], { state: 'active' }));
    expect(screen.queryByRole('list', { name: 'Managers’ approval' })).toBeNull();
  });
});
