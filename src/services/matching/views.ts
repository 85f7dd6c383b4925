import type {
  MatchingRunResponse,
  MyProposal,
  MyProposalsResponse,
  MyUnmatched,
  ReviewPair,
  ReviewPerson,
  ReviewProposal,
} from '../../contracts/matching';
import type { Locale } from '../../domain/common';
import { isProposalExpired, proposalSideOf } from '../../domain/match-proposal';
import { isPairClosed } from '../../domain/pair/membership';
import type { Person } from '../../domain/person';
import { isAvailableForMatching } from '../../domain/profile';
import type { Versioned } from '../../domain/versioned';
import type { MatchingRunDocument } from '../../store/job-repository';
import type { StoredProposal } from '../../store/proposal-repository';
import type { Principal } from '../auth/principal';
import type { ProposalAnswers } from './answers';
import type { PairIds } from './matching-input';
import type { MatchingServiceDeps } from './shared';

export type PersonViewsDeps = MatchingServiceDeps & { answers: ProposalAnswers };

/** Unmatched reasons that speak of the lead's blocks or to the lead: not shown to the person. */
const leadOnlyReasons = new Set(['blocked', 'blocked_by_lead', 'unblocked_by_lead']);

/** A run as the lead sees it. */
export function runView(run: MatchingRunDocument): MatchingRunResponse {
  return {
    id: run.id,
    programmeId: run.programmeId,
    trigger: run.trigger,
    status: run.status,
    phase: run.phase,
    progress: run.progress,
    solving: run.solving ?? null,
    requestedBy: run.requestedBy,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    error: run.error,
    summary: run.summary,
    warnings: run.warnings,
  };
}

/** A person on the lead's screen, named from `directory`. */
export function reviewPerson(id: string, directory: ReadonlyMap<string, Person>): ReviewPerson {
  const person = directory.get(id);
  return {
    personId: id,
    displayName: person?.displayName ?? id,
    department: person?.department ?? '',
    jobTitle: person?.jobTitle ?? '',
  };
}

/** A pin or a block on the lead's screen. */
export function reviewPair(p: PairIds, directory: ReadonlyMap<string, Person>): ReviewPair {
  return {
    mentorId: p.mentorId,
    menteeId: p.menteeId,
    mentor: reviewPerson(p.mentorId, directory),
    mentee: reviewPerson(p.menteeId, directory),
  };
}

/** A proposal on the lead's screen: draft or published, the two answers. */
export function reviewProposal(
  p: StoredProposal,
  directory: ReadonlyMap<string, Person>,
): ReviewProposal {
  return {
    id: p.id,
    runId: p.runId,
    mentor: reviewPerson(p.mentorId, directory),
    mentee: reviewPerson(p.menteeId, directory),
    score: p.score,
    reasons: p.reasons,
    status: p.status,
    stage: p.publishedAt === null ? 'draft' : 'published',
    kept: p.kept,
    pinned: p.pinned === true,
    answers: {
      mentor: p.answers.mentor?.answer ?? null,
      mentee: p.answers.mentee?.answer ?? null,
    },
    expiresAt: p.publishedAt === null ? null : p.expiresAt,
    pairId: p.pairId,
  };
}

/** A proposal as one of its two people sees it, with their partner's public card. */
export async function myProposalView(
  deps: Pick<MatchingServiceDeps, 'people' | 'profiles' | 'programmes'>,
  proposal: StoredProposal,
  personId: string,
  lang: Locale,
): Promise<MyProposal> {
  const side = proposalSideOf(proposal, personId)!;
  const partnerId = side === 'mentor' ? proposal.menteeId : proposal.mentorId;
  const [person, profile, programme, own] = await Promise.all([
    deps.people.find(proposal.tenantId, partnerId),
    deps.profiles.find(proposal.tenantId, partnerId),
    deps.programmes.find(proposal.tenantId, proposal.programmeId),
    side === 'mentor' ? deps.profiles.find(proposal.tenantId, personId) : null,
  ]);
  const mine = proposal.answers[side]?.answer ?? null;
  const theirs = proposal.answers[side === 'mentor' ? 'mentee' : 'mentor']?.answer ?? null;
  return {
    id: proposal.id,
    programmeId: proposal.programmeId,
    programmeName: programme?.value.name ?? proposal.programmeId,
    role: side,
    mentorCapacity: side === 'mentor' ? (own?.value.mentorCapacity ?? 1) : null,
    partner: {
      personId: partnerId,
      displayName: person?.value.displayName ?? partnerId,
      jobTitle: person?.value.jobTitle ?? '',
      department: person?.value.department ?? '',
      languages: profile?.value.languages ?? [],
      timeZone: profile?.value.timeZone ?? person?.value.timeZone ?? 'Europe/Paris',
      bio: profile?.value.bio ?? '',
    },
    score: proposal.score,
    reasons: proposal.reasons.map((r) => r[lang]),
    status: proposal.status,
    myAnswer: mine,
    waitingForPartner: proposal.status === 'proposed' && mine === 'accepted' && theirs === null,
    expiresAt: proposal.expiresAt,
    pairId: proposal.status === 'accepted' ? proposal.pairId : null,
  };
}

/** What each person reads of matching: their proposals, or why they have none. */
export class PersonViews {
  constructor(private readonly deps: PersonViewsDeps) {}

  /** The caller's published proposals, reasons in their language, with their partner's public card. */
  async mine(principal: Principal, locale?: Locale): Promise<MyProposalsResponse> {
    const tenantId = principal.tenantId;
    const me = await this.deps.people.find(tenantId, principal.personId);
    const lang: Locale = locale ?? me?.value.preferredLocale ?? 'fr';
    let found = await this.deps.proposals.publishedFor(tenantId, principal.personId);
    const due = found.filter((p) => isProposalExpired(p.value, this.deps.clock));
    if (due.length > 0) {
      for (const programmeId of new Set(due.map((p) => p.value.programmeId))) {
        await this.deps.answers.expireDue(tenantId, programmeId);
      }
      found = await this.deps.proposals.publishedFor(tenantId, principal.personId);
    }
    const open = found.filter(
      (p) => p.value.status === 'proposed' || p.value.status === 'accepted',
    );
    const closed = found
      .filter(
        (p) =>
          p.value.status === 'declined' ||
          p.value.status === 'expired' ||
          p.value.status === 'superseded',
      )
      .slice(0, 5);
    const views: MyProposal[] = [];
    for (const p of [...open, ...closed]) {
      const proposal =
        p.value.status === 'accepted' ? await this.deps.answers.ensurePair(p) : p.value;
      views.push(await myProposalView(this.deps, proposal, principal.personId, lang));
    }
    const unmatched =
      open.length === 0 ? await this.whyUnmatched(tenantId, principal.personId, found, lang) : null;
    return { locale: lang, proposals: views, ...(unmatched ? { unmatched } : {}) };
  }

  /**
   * Why a volunteer with no open proposal has no partner: their own entry in the latest published
   * run (never another person's). Null when they are paused or gone, already in a pair, or when no
   * run was published yet, or when that run did propose someone to them (a decline or expiry is
   * shown on that proposal, and a repair follows).
   */
  private async whyUnmatched(
    tenantId: string,
    personId: string,
    published: readonly Versioned<StoredProposal>[],
    lang: Locale,
  ): Promise<MyUnmatched | null> {
    const profile = (await this.deps.profiles.find(tenantId, personId))?.value;
    if (!profile || !isAvailableForMatching(profile, this.deps.clock)) return null;
    const { programmeId } = profile;
    const pairs = await this.deps.pairs.ofPerson(tenantId, personId);
    if (pairs.some((p) => p.value.programmeId === programmeId && !isPairClosed(p.value))) {
      return null;
    }
    const runs = await this.deps.runs.ofProgramme(tenantId, programmeId, 20);
    let run: MatchingRunDocument | undefined;
    for (const { value } of runs) {
      if (value.status !== 'succeeded') continue;
      // A repair publishes as it saves; a lead's run is published once its proposals are.
      if (
        value.trigger === 'repair' ||
        (await this.deps.proposals.anyPublishedOfRun(tenantId, value.id))
      ) {
        run = value;
        break;
      }
    }
    if (!run) return null;
    const runId = run.id;
    const entry = run.unmatched.find((u) => u.personId === personId);
    if (!entry && published.some((p) => p.value.runId === runId)) return null;
    const programme = await this.deps.programmes.find(tenantId, programmeId);
    // The lead's own decisions (blocks) and the words addressed to the lead stay on the review.
    const reasons = (entry?.reasons ?? [])
      .filter((r) => !leadOnlyReasons.has(r.code))
      .map((r) => r[lang]);
    return {
      programmeId,
      programmeName: programme?.value.name ?? programmeId,
      runAt: run.finishedAt ?? run.updatedAt,
      explained: reasons.length > 0,
      reasons,
    };
  }
}
