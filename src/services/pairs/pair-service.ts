import { PairAgreements } from './agreement';
import { PairChat } from './chat';
import { PairDashboards } from './dashboard';
import { PairFeedback } from './feedback';
import { PairLifecycle } from './lifecycle';
import { PairAccess, type PairServiceDeps } from './pair-access';
import { PrivateNotes } from './private-notes';
import { PairSessions } from './sessions';

/**
 * The pair's journey for its two members: dashboard, agreement, sessions, notes, feedback,
 * self-assessments and lifecycle, and what the bot answers about them. Only members read or write
 * a pair; anyone else gets `pair_not_found`. Private notes are read and written by their author
 * only. The one entry point of src/services/pairs: each method is its use case's, unchanged.
 */
export type PairService = Pick<PairDashboards, 'mine' | 'dashboard' | 'flagged'> &
  Pick<PairAgreements, 'editAgreement' | 'sign'> &
  Pick<
    PairSessions,
    'planSession' | 'setSessionStatus' | 'editSessionNotes' | 'addActionItem' | 'setActionItemDone'
  > &
  Pick<PrivateNotes, 'savePrivateNote'> &
  Pick<PairFeedback, 'giveFeedback' | 'recordAssessment'> &
  Pick<PairLifecycle, 'transition' | 'createFromProposal'> &
  Pick<PairAccess, 'membersOf'> &
  Pick<PairChat, 'pauseMine' | 'resumeMine' | 'nextSession' | 'feedbackRequest'>;

/** `names` of `useCase`, bound to it: the facade hands each call over as it is. */
function handOver<T extends object, K extends keyof T & string>(
  useCase: T,
  names: readonly K[],
): Pick<T, K> {
  const methods: Partial<Pick<T, K>> = {};
  for (const name of names) {
    const method = useCase[name];
    if (typeof method !== 'function') throw new TypeError(`${name} is not a method`);
    Object.assign(methods, { [name]: method.bind(useCase) });
  }
  return methods as Pick<T, K>;
}

/** Builds every pair use case over the same deps and shared access, and hands their calls over. */
class PairServiceFacade {
  constructor(deps: PairServiceDeps) {
    const access = new PairAccess(deps);
    const shared = { ...deps, access };
    const lifecycle = new PairLifecycle(shared);
    Object.assign(
      this,
      handOver(new PairDashboards(shared), ['mine', 'dashboard', 'flagged']),
      handOver(new PairAgreements(shared), ['editAgreement', 'sign']),
      handOver(new PairSessions(shared), [
        'planSession',
        'setSessionStatus',
        'editSessionNotes',
        'addActionItem',
        'setActionItemDone',
      ]),
      handOver(new PrivateNotes(shared), ['savePrivateNote']),
      handOver(new PairFeedback(shared), ['giveFeedback', 'recordAssessment']),
      handOver(lifecycle, ['transition', 'createFromProposal']),
      handOver(access, ['membersOf']),
      handOver(new PairChat({ ...shared, lifecycle }), [
        'pauseMine',
        'resumeMine',
        'nextSession',
        'feedbackRequest',
      ]),
    );
  }
}

/** `new PairService(deps)`: the pair capability, as the composition root and the tests build it. */
export const PairService = PairServiceFacade as new (deps: PairServiceDeps) => PairService;
