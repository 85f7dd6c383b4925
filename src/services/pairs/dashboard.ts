import type {
  FlaggedPairsResponse,
  MyPairsResponse,
  PairDashboardResponse,
} from '../../contracts/pairs';
import { DomainError } from '../../domain/errors';
import type { Principal } from '../auth/principal';
import { canManage } from '../programmes/programme-service';
import type { PairUseCaseDeps } from './pair-access';
import { myPairItem, privateNoteView } from './pair-view';

/** What members and leads read of pairs: the caller's list, a pair's dashboard, flagged pairs. */
export class PairDashboards {
  constructor(private readonly deps: PairUseCaseDeps) {}

  /** The caller's pairs: open ones first, then most recently updated. One query. */
  async mine(principal: Principal): Promise<MyPairsResponse> {
    const pairs = await this.deps.pairs.ofPerson(principal.tenantId, principal.personId);
    const items = pairs.map((p) => myPairItem(p.value, principal.personId, this.deps.clock));
    const rank = (state: string) => (state === 'completed' || state === 'ended' ? 1 : 0);
    items.sort((a, b) => rank(a.state) - rank(b.state) || b.updatedAt.localeCompare(a.updatedAt));
    return { pairs: items };
  }

  /**
   * The dashboard: two point reads run together, the pair and the caller's own private notebook
   * (2 Cosmos requests, about 2 RU).
   */
  async dashboard(principal: Principal, pairId: string): Promise<PairDashboardResponse> {
    const [found, notebook] = await Promise.all([
      this.deps.pairs.find(principal.tenantId, pairId),
      // The caller's own notebook, by id: another member's notes never leave the store.
      this.deps.notes.notebookOf(principal.tenantId, pairId, principal.personId),
    ]);
    const loaded = await this.deps.access.withMembers(
      this.deps.access.requireMember(principal, pairId, found),
    );
    return {
      ...this.deps.access.response(principal, loaded),
      privateNotes: (notebook?.value.notes ?? [])
        .map(privateNoteView)
        .sort((a, b) => a.sessionId.localeCompare(b.sessionId)),
    };
  }

  /** A lead's list of the programme's pairs flagged for re-pairing. One query. */
  async flagged(principal: Principal, programmeId: string): Promise<FlaggedPairsResponse> {
    const programme = await this.deps.programmes.get(principal.tenantId, programmeId);
    if (!canManage(principal, programme.value)) {
      throw new DomainError('forbidden', 'Only a lead of this programme may see flagged pairs.', {
        programmeId,
      });
    }
    const pairs = await this.deps.pairs.query(principal.tenantId, {
      where: 'c.programmeId = @programmeId AND IS_DEFINED(c.leadFlag)',
      parameters: [{ name: '@programmeId', value: programmeId }],
    });
    return {
      pairs: pairs
        .map(({ value: pair }) => ({
          id: pair.id,
          state: pair.state,
          mentor: {
            personId: pair.mentorId,
            displayName: pair.members?.mentor.displayName ?? pair.mentorId,
          },
          mentee: {
            personId: pair.menteeId,
            displayName: pair.members?.mentee.displayName ?? pair.menteeId,
          },
          subject: pair.agreement.subject,
          reason: pair.leadFlag?.reason ?? 'poor_fit_both_sides',
          flaggedAt: pair.leadFlag?.at ?? pair.updatedAt,
          sessionsHeld: pair.sessions.filter((s) => s.status === 'held').length,
        }))
        .sort((a, b) => b.flaggedAt.localeCompare(a.flaggedAt)),
    };
  }
}
