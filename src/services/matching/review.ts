import type { MatchingReviewResponse, VolunteersResponse } from '../../contracts/matching';
import type { LocalizedText } from '../../domain/common';
import { DomainError } from '../../domain/errors';
import { isPairClosed } from '../../domain/pair/membership';
import { isAvailableForMatching } from '../../domain/profile';
import type { StoredProposal } from '../../store/proposal-repository';
import type { Principal } from '../auth/principal';
import type { ProposalAnswers } from './answers';
import { cohortOf, scorePair } from './pair-scoring';
import type { RunLease } from './run-lease';
import type { MatchingRuns } from './runs';
import {
  directoryOf,
  findDraft,
  listDrafts,
  inBatches,
  key,
  managed,
  pageOf,
  type MatchingServiceDeps,
  type ReviewView,
} from './shared';
import { reviewPair, reviewPerson, reviewProposal, runView } from './views';

export type LeadReviewDeps = MatchingServiceDeps & {
  lease: RunLease;
  matchingRuns: MatchingRuns;
  answers: ProposalAnswers;
};

const defaultPageSize = 100;

/** The lead's review of a run: the paged proposals and unmatched people, keeping all, swapping. */
export class LeadReview {
  constructor(private readonly deps: LeadReviewDeps) {}

  /** Proposals with scores and reasons, the people left unmatched and why, the latest run. */
  async review(
    principal: Principal,
    programmeId: string,
    view: ReviewView = {},
  ): Promise<MatchingReviewResponse> {
    const { value: programme } = await managed(this.deps, principal, programmeId);
    const tenantId = principal.tenantId;
    await this.deps.answers.expireDue(tenantId, programmeId);
    const [proposals, runs, profiles, pairs] = await Promise.all([
      this.deps.proposals.ofProgramme(tenantId, programmeId),
      this.deps.runs.ofProgramme(tenantId, programmeId, 20),
      this.deps.profiles.ofProgramme(tenantId, programmeId),
      this.deps.pairs.ofProgramme(tenantId, programmeId),
    ]);
    const latest = runs[0] ? await this.deps.matchingRuns.settleStale(runs[0].value) : null;
    const succeeded = runs.find((r) => r.value.status === 'succeeded')?.value;
    const current = proposals
      .map((p) => p.value)
      .filter((p) => p.status === 'proposed' || p.status === 'accepted')
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    const paired = new Set([
      ...current.flatMap((p) => [p.mentorId, p.menteeId]),
      ...pairs
        .filter((p) => !isPairClosed(p.value))
        .flatMap((p) => [p.value.mentorId, p.value.menteeId]),
    ]);
    const activeIds = profiles
      .map((p) => p.value)
      .filter((p) => isAvailableForMatching(p, this.deps.clock))
      .map((p) => p.id);
    const active = new Set(activeIds);
    const unmatched: { personId: string; reasons: LocalizedText[] }[] = (succeeded?.unmatched ?? [])
      .filter((u) => !paired.has(u.personId) && active.has(u.personId))
      .map((u) => ({ personId: u.personId, reasons: u.reasons.map(({ fr, en }) => ({ fr, en })) }));
    const awaitingRerun = new Set(
      (succeeded?.unmatched ?? [])
        .filter((u) =>
          u.reasons.some((r) => r.code === 'blocked_by_lead' || r.code === 'unblocked_by_lead'),
        )
        .map((u) => u.personId),
    );
    // Nobody is left out silently: a volunteer the last run did not see (joined or back from a
    // pause since, or whose proposal was withdrawn) is listed too. Only when the run's list is
    // whole: beyond its cap, someone missing from it may simply not have been stored.
    let unseen = 0;
    if (succeeded && succeeded.unmatchedTotal <= succeeded.unmatched.length) {
      const listed = new Set([...paired, ...unmatched.map((u) => u.personId)]);
      for (const id of activeIds) {
        if (listed.has(id)) continue;
        unseen++;
        unmatched.push({
          personId: id,
          reasons: [
            {
              fr: 'Absent du dernier calcul (arrivée ou retour de pause depuis, ou proposition retirée) : relancez l’appariement pour lui trouver un partenaire',
              en: 'Not part of the last run (joined or came back since, or their proposal was withdrawn): run matching again to find them a partner',
            },
          ],
        });
      }
    }
    const { page = 1, unmatchedPage = 1, pageSize = defaultPageSize } = view;
    const shownProposals = pageOf(current, page, pageSize);
    const shownUnmatched = pageOf(unmatched, unmatchedPage, pageSize);
    const { pins, blocks } = programme.constraints;
    // Names only for the people on screen: the whole directory of a large tenant costs seconds.
    const directory = await directoryOf(this.deps, tenantId, [
      ...shownProposals.flatMap((p) => [p.mentorId, p.menteeId]),
      ...shownUnmatched.map((u) => u.personId),
      ...[...pins, ...blocks].flatMap((p) => [p.mentorId, p.menteeId]),
    ]);
    const currentKeys = new Set(current.map(key));
    const count = (f: (p: StoredProposal) => boolean) => proposals.filter((p) => f(p.value)).length;
    return {
      programme: {
        id: programme.id,
        name: programme.name,
        status: programme.status,
        proposalResponseDays: programme.proposalResponseDays,
      },
      run: latest ? runView(latest) : null,
      proposals: shownProposals.map((p) => reviewProposal(p, directory)),
      proposalsTotal: current.length,
      unmatched: shownUnmatched.map((u) => ({
        ...reviewPerson(u.personId, directory),
        reasons: u.reasons,
      })),
      unmatchedListed: unmatched.length,
      paging: { page, unmatchedPage, pageSize },
      unmatchedTotal: Math.max(
        unmatched.length,
        (succeeded?.unmatchedTotal ?? 0) - ((succeeded?.unmatched.length ?? 0) - unmatched.length),
      ),
      pins: pins.map((p) => reviewPair(p, directory)),
      blocks: blocks.map((p) => reviewPair(p, directory)),
      needsRerun:
        unseen > 0 ||
        pins.some((p) => !currentKeys.has(key(p))) ||
        unmatched.some((u) => awaitingRerun.has(u.personId)),
      counts: {
        drafts: count((p) => p.status === 'proposed' && p.publishedAt === null),
        published: count((p) => p.status === 'proposed' && p.publishedAt !== null),
        accepted: count((p) => p.status === 'accepted'),
        declined: count((p) => p.status === 'declined'),
        expired: count((p) => p.status === 'expired'),
      },
    };
  }

  /** The programme's active volunteers, by name, for pinning or blocking any two of them. */
  async volunteers(principal: Principal, programmeId: string): Promise<VolunteersResponse> {
    await managed(this.deps, principal, programmeId);
    const tenantId = principal.tenantId;
    const [profiles, people] = await Promise.all([
      this.deps.profiles.ofProgramme(tenantId, programmeId),
      this.deps.people.all(tenantId),
    ]);
    const directory = new Map(people.map((p) => [p.value.id, p.value]));
    const volunteers = profiles
      .map((p) => p.value)
      .filter((p) => isAvailableForMatching(p, this.deps.clock))
      .map((p) => ({ ...reviewPerson(p.id, directory), role: p.roleWish }))
      .sort(
        (a, b) =>
          a.displayName.localeCompare(b.displayName) || a.personId.localeCompare(b.personId),
      );
    return { volunteers };
  }

  /** Keeps every draft (but one that contradicts a pin): a rerun will not change them. */
  async acceptAll(
    principal: Principal,
    programmeId: string,
    view: ReviewView = {},
  ): Promise<MatchingReviewResponse> {
    const { value: programme } = await managed(this.deps, principal, programmeId);
    await this.deps.lease.assertIdle(principal.tenantId, programmeId);
    // Pins are the lead's choice: a draft giving a pinned mentee to someone else is not kept, nor
    // one that would take the place a pinned mentor keeps for their pinned mentees.
    const { pins } = programme.constraints;
    const pinnedTo = new Map(pins.map((p) => [p.menteeId, p.mentorId]));
    const pinKeys = new Set(pins.map(key));
    const pinnedMentors = [...new Set(pins.map((p) => p.mentorId))];
    const places = new Map<string, number>();
    await Promise.all(
      pinnedMentors.map(async (id) => {
        const profile = await this.deps.profiles.find(principal.tenantId, id);
        const pinned = pins.filter((p) => p.mentorId === id).length;
        places.set(id, (profile?.value.mentorCapacity ?? 1) - pinned);
      }),
    );
    const drafts = (await listDrafts(this.deps, principal.tenantId, programmeId))
      .sort((a, b) => b.value.score - a.value.score || a.value.id.localeCompare(b.value.id))
      .filter(({ value: d }) => {
        if ((pinnedTo.get(d.menteeId) ?? d.mentorId) !== d.mentorId) return false;
        if (pinKeys.has(key(d)) || !places.has(d.mentorId)) return true;
        const left = places.get(d.mentorId)!;
        places.set(d.mentorId, left - 1);
        return left > 0;
      });
    await inBatches(drafts, (found) =>
      found.value.kept
        ? Promise.resolve()
        : this.deps.proposals
            .update(principal.tenantId, found.value.id, (p) =>
              p.status === 'proposed' && p.publishedAt === null && !p.kept
                ? { ...p, kept: true }
                : p,
            )
            .then(() => undefined),
    );
    return this.review(principal, programmeId, view);
  }

  /** Exchanges the mentees of two drafts, when both new pairs keep every hard rule. */
  async swap(
    principal: Principal,
    programmeId: string,
    proposalIds: readonly [string, string],
    view: ReviewView = {},
  ): Promise<MatchingReviewResponse> {
    const { value: programme } = await managed(this.deps, principal, programmeId);
    const tenantId = principal.tenantId;
    await this.deps.lease.assertIdle(tenantId, programmeId);
    const [a, b] = await Promise.all(
      proposalIds.map((id) => findDraft(this.deps, tenantId, programmeId, id)),
    );
    // A pinned pair is the lead's own choice: swapping it away would leave a pin no run can keep.
    const pinned = [a!, b!].filter((d) => d.value.pinned === true);
    if (pinned.length > 0) {
      throw new DomainError(
        'validation_failed',
        'A pinned pair cannot be swapped: unpin it first',
        {
          violations: pinned.map((d) => ({
            mentorId: d.value.mentorId,
            menteeId: d.value.menteeId,
            codes: ['pinned'],
          })),
        },
      );
    }
    const cohort = await cohortOf(this.deps, tenantId, programme, [
      a!.value.mentorId,
      a!.value.menteeId,
      b!.value.mentorId,
      b!.value.menteeId,
    ]);
    const first = scorePair(cohort, programme, a!.value.mentorId, b!.value.menteeId);
    const second = scorePair(cohort, programme, b!.value.mentorId, a!.value.menteeId);
    const violations = [first, second].filter((s) => s.violations.length > 0);
    if (violations.length > 0) {
      throw new DomainError(
        'validation_failed',
        `Swapping would break a hard rule: ${violations
          .map((v) => `${v.mentorName} → ${v.menteeName}: ${v.violations.join(', ')}`)
          .join('; ')}`,
        {
          violations: violations.map((v) => ({
            mentorId: v.mentorId,
            menteeId: v.menteeId,
            codes: v.violations,
          })),
        },
      );
    }
    await this.deps.proposals.replace(
      {
        ...a!.value,
        menteeId: b!.value.menteeId,
        score: first.score,
        reasons: first.reasons,
        kept: true,
        pinned: false,
      },
      a!.etag,
    );
    await this.deps.proposals.replace(
      {
        ...b!.value,
        menteeId: a!.value.menteeId,
        score: second.score,
        reasons: second.reasons,
        kept: true,
        pinned: false,
      },
      b!.etag,
    );
    return this.review(principal, programmeId, view);
  }
}
