import type {
  MatchingReviewResponse,
  MatchingRunResponse,
  MyProposal,
  MyProposalsResponse,
  PairBody,
  PublishResponse,
  VolunteersResponse,
} from '../../contracts/matching';
import type { Locale } from '../../domain/common';
import type { ProposalAnswer } from '../../domain/match-proposal';
import type { Principal } from '../auth/principal';
import { ProposalAnswers } from './answers';
import { ConstraintEdits } from './curation';
import { ProposalNotices } from './notices';
import { Publication } from './publication';
import { LeadReview } from './review';
import { RunLease } from './run-lease';
import { MatchingRuns } from './runs';
import type { MatchingServiceDeps, ReviewView } from './shared';
import { PersonViews } from './views';

export type { MatchingServiceDeps, PairCreator, ReviewView } from './shared';

/**
 * The matching flow as the rest of the app sees it: background runs (one at a time per programme,
 * leased in the jobs container), the lead's review (accept all, swap, pin, block, rerun, publish)
 * and each person's answer, with the next best proposal after a decline or an expiry and the pair
 * created once both accept. Each use case lives in its own module of this folder.
 */
export class MatchingService {
  private readonly runs: MatchingRuns;
  private readonly answers: ProposalAnswers;
  private readonly views: PersonViews;
  private readonly reviews: LeadReview;
  private readonly constraints: ConstraintEdits;
  private readonly publication: Publication;
  private readonly audit: MatchingServiceDeps['audit'];

  constructor(deps: MatchingServiceDeps) {
    this.audit = deps.audit;
    const lease = new RunLease(deps);
    const notices = new ProposalNotices(deps);
    this.runs = new MatchingRuns({ ...deps, lease, notices });
    this.answers = new ProposalAnswers({ ...deps, matchingRuns: this.runs, notices });
    this.views = new PersonViews({ ...deps, answers: this.answers });
    this.reviews = new LeadReview({
      ...deps,
      lease,
      matchingRuns: this.runs,
      answers: this.answers,
    });
    this.constraints = new ConstraintEdits({ ...deps, lease, review: this.reviews });
    this.publication = new Publication({ ...deps, lease, notices });
  }

  /** Starts a run for the lead, or returns the one already under way (a double click starts one). */
  async startRun(principal: Principal, programmeId: string): Promise<MatchingRunResponse> {
    const run = await this.runs.startRun(principal, programmeId);
    await this.record(principal, 'matching.run_started', programmeId, {
      targetType: 'run',
      targetId: run.id,
    });
    return run;
  }

  /** One audit entry for a lead's matching action. */
  private async record(
    principal: Principal,
    action:
      | 'matching.run_started'
      | 'matching.accepted_all'
      | 'matching.swapped'
      | 'matching.published'
      | 'matching.pinned'
      | 'matching.blocked'
      | 'matching.constraint_removed',
    programmeId: string,
    extra: {
      targetType?: 'run' | 'programme';
      targetId?: string;
      pair?: PairBody;
      kind?: string;
    } = {},
  ): Promise<void> {
    await this.audit?.record(principal.tenantId, {
      actorId: principal.personId,
      actorRole: 'lead',
      action,
      targetType: extra.targetType ?? 'programme',
      targetId: extra.targetId ?? programmeId,
      programmeId,
      ...(extra.pair ? { subjectIds: [extra.pair.mentorId, extra.pair.menteeId] } : {}),
      ...(extra.kind ? { details: { kind: extra.kind } } : {}),
    });
  }

  /** A run's progress and outcome. */
  getRun(principal: Principal, programmeId: string, runId: string): Promise<MatchingRunResponse> {
    return this.runs.getRun(principal, programmeId, runId);
  }

  /** Waits for the runs this instance is executing (shutdown, tests). */
  drain(): Promise<void> {
    return this.runs.drain();
  }

  /** Proposals with scores and reasons, the people left unmatched and why, the latest run. */
  review(
    principal: Principal,
    programmeId: string,
    view?: ReviewView,
  ): Promise<MatchingReviewResponse> {
    return this.reviews.review(principal, programmeId, view);
  }

  /** The programme's active volunteers, by name, for pinning or blocking any two of them. */
  volunteers(principal: Principal, programmeId: string): Promise<VolunteersResponse> {
    return this.reviews.volunteers(principal, programmeId);
  }

  /** Keeps every draft (but one that contradicts a pin): a rerun will not change them. */
  async acceptAll(
    principal: Principal,
    programmeId: string,
    view?: ReviewView,
  ): Promise<MatchingReviewResponse> {
    const review = await this.reviews.acceptAll(principal, programmeId, view);
    await this.record(principal, 'matching.accepted_all', programmeId);
    return review;
  }

  /** Exchanges the mentees of two drafts, when both new pairs keep every hard rule. */
  async swap(
    principal: Principal,
    programmeId: string,
    proposalIds: readonly [string, string],
    view?: ReviewView,
  ): Promise<MatchingReviewResponse> {
    const review = await this.reviews.swap(principal, programmeId, proposalIds, view);
    await this.record(principal, 'matching.swapped', programmeId);
    return review;
  }

  /** Imposes a pair (kept in every rerun). */
  async pin(
    principal: Principal,
    programmeId: string,
    pair: PairBody,
    view?: ReviewView,
  ): Promise<MatchingReviewResponse> {
    const review = await this.constraints.edit(principal, programmeId, { kind: 'pin', pair }, view);
    await this.record(principal, 'matching.pinned', programmeId, { pair, kind: 'pin' });
    return review;
  }

  /** Forbids a pair; a draft with this pair is withdrawn. */
  async block(
    principal: Principal,
    programmeId: string,
    pair: PairBody,
    view?: ReviewView,
  ): Promise<MatchingReviewResponse> {
    const review = await this.constraints.edit(
      principal,
      programmeId,
      { kind: 'block', pair },
      view,
    );
    await this.record(principal, 'matching.blocked', programmeId, { pair, kind: 'block' });
    return review;
  }

  /** Lifts a pin. */
  async unpin(
    principal: Principal,
    programmeId: string,
    pair: PairBody,
    view?: ReviewView,
  ): Promise<MatchingReviewResponse> {
    const review = await this.constraints.edit(
      principal,
      programmeId,
      { kind: 'unpin', pair },
      view,
    );
    await this.record(principal, 'matching.constraint_removed', programmeId, {
      pair,
      kind: 'unpin',
    });
    return review;
  }

  /** Lifts a block. */
  async unblock(
    principal: Principal,
    programmeId: string,
    pair: PairBody,
    view?: ReviewView,
  ): Promise<MatchingReviewResponse> {
    const review = await this.constraints.edit(
      principal,
      programmeId,
      { kind: 'unblock', pair },
      view,
    );
    await this.record(principal, 'matching.constraint_removed', programmeId, {
      pair,
      kind: 'unblock',
    });
    return review;
  }

  /** Makes every draft visible to its two people, with the programme's answer deadline. */
  async publish(principal: Principal, programmeId: string): Promise<PublishResponse> {
    const published = await this.publication.publish(principal, programmeId);
    await this.record(principal, 'matching.published', programmeId);
    return published;
  }

  /** The caller's published proposals, reasons in their language, with their partner's public card. */
  mine(principal: Principal, locale?: Locale): Promise<MyProposalsResponse> {
    return this.views.mine(principal, locale);
  }

  /** Records the caller's answer; both accepted → the pair; a decline → the next best for both. */
  answer(
    principal: Principal,
    proposalId: string,
    answer: ProposalAnswer,
    locale?: Locale,
  ): Promise<MyProposal> {
    return this.answers.answer(principal, proposalId, answer, locale);
  }

  /** Expires the overdue published proposals (of one programme) and repairs their programmes. */
  expireDue(tenantId: string, programmeId?: string): Promise<{ expired: number }> {
    return this.answers.expireDue(tenantId, programmeId);
  }

  /** The scheduler's sweep: expires overdue proposals in every tenant and repairs their programmes. */
  expireEverywhere(limit?: number): Promise<{ expired: number }> {
    return this.answers.expireEverywhere(limit);
  }

  /** Someone paused or left: their open proposals are withdrawn, their partners repaired. */
  withdrawFor(
    tenantId: string,
    programmeId: string,
    personId: string,
  ): Promise<{ withdrawn: number; repair: boolean }> {
    return this.answers.withdrawFor(tenantId, programmeId, personId);
  }
}
