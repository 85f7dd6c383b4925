import type { PairResponse } from '../../contracts/pairs';
import { DomainError, isDomainError } from '../../domain/errors';
import type { MatchProposal } from '../../domain/match-proposal';
import { newPair } from '../../domain/pair/creation';
import { transitionPair, type PairEvent } from '../../domain/pair/lifecycle';
import type { Pair } from '../../domain/pair/schema';
import type { Versioned } from '../../domain/versioned';
import type { Principal } from '../auth/principal';
import type { PairUseCaseDeps } from './pair-access';

/** A pair's life: born from a proposal; paused, resumed, completed or ended by a member. */
export class PairLifecycle {
  constructor(private readonly deps: PairUseCaseDeps) {}

  /**
   * The pair born from a proposal (both accepted, or still open), with both members' display
   * data copied in and the agreement's frame prefilled from the programme. Idempotent per proposal:
   * the pair's id is derived from it, and creating it again returns the stored pair.
   */
  async createFromProposal(
    proposal: MatchProposal,
    options: { subject?: string; confidentiality?: string } = {},
  ): Promise<Versioned<Pair>> {
    const id = pairIdFor(proposal.id);
    const existing = await this.deps.pairs.find(proposal.tenantId, id);
    if (existing) return existing;
    const [programme, members] = await Promise.all([
      this.deps.programmes.get(proposal.tenantId, proposal.programmeId),
      this.deps.access.membersOf(proposal.tenantId, proposal.mentorId, proposal.menteeId),
    ]);
    const pair = newPair(
      { id, proposal, frame: programme.value.frame, members, ...options },
      this.deps.clock,
    );
    try {
      return await this.deps.pairs.create(pair);
    } catch (error) {
      if (!isDomainError(error, 'already_exists')) throw error;
      return this.deps.pairs.get(proposal.tenantId, id);
    }
  }

  /** Pause, resume, complete or end early: idempotent state moves. */
  async transition(
    principal: Principal,
    pairId: string,
    event: Extract<PairEvent, { type: 'pause' | 'resume' | 'complete' | 'end' }>,
    version: string | undefined,
  ): Promise<PairResponse> {
    const normalised =
      event.type === 'pause' && /^\d{4}-\d{2}-\d{2}$/.test(event.until)
        ? { ...event, until: `${event.until}T00:00:00.000Z` }
        : event;
    if (normalised.type === 'pause' && Number.isNaN(new Date(normalised.until).getTime())) {
      throw new DomainError('validation_failed', 'until must be a date or a date-time', {
        issues: [{ path: 'until', message: 'until must be a date (YYYY-MM-DD) or a date-time' }],
      });
    }
    const response = await this.deps.access.write(principal, pairId, version, 'move', (pair) =>
      transitionPair(pair, normalised, principal.personId, this.deps.clock),
    );
    // A paused pair gets no reminders or nudges: what was queued before the pause is dropped (the
    // planner queues nothing for a paused pair, and plans afresh once it is resumed). Repeated on
    // a repeated pause, so that a queue write lost the first time is made up.
    if (response.pair.state === 'paused') {
      await this.deps.notifications.cancelPending(principal.tenantId, pairId);
    }
    const closed = ['paused', 'completed', 'ended'].includes(response.pair.state);
    if (!closed || !this.deps.afterClose) return response;
    // The sessions it cancelled are part of the answer (and its version).
    if (!(await this.deps.afterClose(principal.tenantId, pairId))) return response;
    return this.deps.access.response(
      principal,
      await this.deps.pairs.get(principal.tenantId, pairId),
    );
  }
}

/** The id of the pair born from a proposal. */
export function pairIdFor(proposalId: string): string {
  return `pair-${proposalId}`;
}
