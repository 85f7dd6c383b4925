import type { MyProposal } from '../../contracts/matching';
import type { Locale } from '../../domain/common';
import { DomainError, isDomainError } from '../../domain/errors';
import {
  answerProposal,
  expireProposal,
  isProposalExpired,
  proposalSideOf,
  type ProposalAnswer,
} from '../../domain/match-proposal';
import type { Versioned } from '../../domain/versioned';
import type { StoredProposal } from '../../store/proposal-repository';
import type { Principal } from '../auth/principal';
import type { ProposalNotices } from './notices';
import type { MatchingRuns } from './runs';
import { inBatches, isoNow, withdraw, type MatchingServiceDeps } from './shared';
import { myProposalView } from './views';

export type ProposalAnswersDeps = MatchingServiceDeps & {
  matchingRuns: MatchingRuns;
  notices: ProposalNotices;
};

/**
 * What happens to a published proposal: each person's answer (both accept → the pair), the
 * deadline running out, a withdrawal when someone pauses or leaves; each freed person gets the
 * next best proposal from a repair run.
 */
export class ProposalAnswers {
  constructor(private readonly deps: ProposalAnswersDeps) {}

  /** Records the caller's answer; both accepted → the pair; a decline → the next best for both. */
  async answer(
    principal: Principal,
    proposalId: string,
    answer: ProposalAnswer,
    locale?: Locale,
  ): Promise<MyProposal> {
    const tenantId = principal.tenantId;
    const lang: Locale =
      locale ??
      (await this.deps.people.find(tenantId, principal.personId))?.value.preferredLocale ??
      'fr';
    for (let attempt = 1; ; attempt++) {
      const found = await this.deps.proposals.find(tenantId, proposalId);
      // Someone else's proposal is answered as an unknown one: who was proposed to whom is private.
      if (
        !found ||
        found.value.publishedAt === null ||
        !proposalSideOf(found.value, principal.personId)
      ) {
        throw new DomainError('not_found', `Proposal ${proposalId} was not found`, { proposalId });
      }
      const current = found.value;
      if (isProposalExpired(current, this.deps.clock)) {
        await this.expireDue(tenantId, current.programmeId);
        throw new DomainError(
          'proposal_expired',
          `The time to answer ran out on ${current.expiresAt}; a new proposal follows.`,
          { proposalId, expiresAt: current.expiresAt },
        );
      }
      const result = answerProposal(current, principal.personId, answer, this.deps.clock);
      if (!result.changed) {
        const settled = current.status === 'accepted' ? await this.ensurePair(found) : current;
        return myProposalView(this.deps, settled, principal.personId, lang);
      }
      let saved: Versioned<StoredProposal>;
      try {
        saved = await this.deps.proposals.replace({ ...current, ...result.proposal }, found.etag);
      } catch (error) {
        // The partner answered at the same moment: read their answer and apply ours again.
        if (isDomainError(error, 'version_conflict') && attempt < 5) continue;
        throw error;
      }
      if (saved.value.status === 'declined') {
        await this.deps.notices.retract(saved.value);
        await this.deps.matchingRuns.requestRepair(tenantId, current.programmeId);
      }
      const settled = result.bothAccepted ? await this.ensurePair(saved) : saved.value;
      return myProposalView(this.deps, settled, principal.personId, lang);
    }
  }

  /**
   * Marks the published proposals whose deadline passed as expired and starts a repair run for
   * their programmes. Called lazily on reads and answers, and by the scheduler.
   */
  async expireDue(tenantId: string, programmeId?: string): Promise<{ expired: number }> {
    const due = await this.deps.proposals.dueToExpire(
      tenantId,
      isoNow(this.deps.clock),
      programmeId,
    );
    const programmes = new Set<string>();
    let expired = 0;
    for (const found of due) {
      const saved = await this.deps.proposals
        .update(tenantId, found.value.id, (p) => {
          const { proposal, changed } = expireProposal(p, this.deps.clock);
          return changed ? { ...p, ...proposal } : p;
        })
        .catch((error: unknown) => {
          if (isDomainError(error, 'not_found')) return undefined;
          throw error;
        });
      if (saved?.value.status === 'expired') {
        expired++;
        programmes.add(found.value.programmeId);
      }
    }
    for (const id of programmes) await this.deps.matchingRuns.requestRepair(tenantId, id);
    return { expired };
  }

  /** The scheduler's sweep: expires overdue proposals in every tenant and repairs their programmes. */
  async expireEverywhere(limit = 500): Promise<{ expired: number }> {
    const due = await this.deps.proposals.dueToExpireEverywhere(isoNow(this.deps.clock), limit);
    const programmes = new Map<string, { tenantId: string; programmeId: string }>();
    for (const { value } of due) {
      programmes.set(`${value.tenantId}\u0000${value.programmeId}`, {
        tenantId: value.tenantId,
        programmeId: value.programmeId,
      });
    }
    let expired = 0;
    for (const { tenantId, programmeId } of programmes.values()) {
      expired += (await this.expireDue(tenantId, programmeId)).expired;
    }
    return { expired };
  }

  /** The pair of an accepted proposal, created once (id derived from the proposal). */
  async ensurePair(found: Versioned<StoredProposal>): Promise<StoredProposal> {
    const proposal = found.value;
    const pairId =
      proposal.pairId ?? (await this.deps.pairCreator.createFromProposal(proposal)).value.id;
    if (proposal.pairId === pairId) return proposal;
    const saved = await this.deps.proposals.update(proposal.tenantId, proposal.id, (p) =>
      p.pairId === pairId ? p : { ...p, pairId },
    );
    return saved.value;
  }

  /**
   * Someone paused or left the programme: their open proposals (drafts and published) are
   * withdrawn at once, and the partners of published ones get their next best proposal from a
   * repair run, as after a decline; accepted pairs are not touched.
   */
  async withdrawFor(
    tenantId: string,
    programmeId: string,
    personId: string,
  ): Promise<{ withdrawn: number; repair: boolean }> {
    let withdrawn = 0;
    let repair = false;
    let open = await this.deps.proposals.involving(tenantId, programmeId, [personId], ['proposed']);
    for (let attempt = 1; open.length > 0; attempt++) {
      const left: Versioned<StoredProposal>[] = [];
      await inBatches(open, async (found) => {
        if (await withdraw(this.deps, found)) {
          withdrawn++;
          if (found.value.publishedAt !== null) {
            repair = true;
            await this.deps.notices.retract(found.value);
          }
        } else left.push(found);
      });
      if (left.length === 0) break;
      if (attempt >= 5) {
        throw new DomainError('version_conflict', 'Proposals kept changing; try again.', {
          personId,
        });
      }
      // Changed meanwhile (the partner answered, the lead published): read again and retry.
      const again = await Promise.all(
        left.map((f) => this.deps.proposals.find(tenantId, f.value.id)),
      );
      open = again.filter(
        (f): f is Versioned<StoredProposal> => f !== undefined && f.value.status === 'proposed',
      );
    }
    if (repair) await this.deps.matchingRuns.requestRepair(tenantId, programmeId);
    return { withdrawn, repair };
  }
}
