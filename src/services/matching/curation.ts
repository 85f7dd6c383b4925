import type { MatchingReviewResponse, PairBody } from '../../contracts/matching';
import { DomainError, isDomainError } from '../../domain/errors';
import { supersedeProposal } from '../../domain/match-proposal';
import { isPairClosed } from '../../domain/pair/membership';
import type { Programme } from '../../domain/programme';
import type { Versioned } from '../../domain/versioned';
import type { MatchingRunDocument } from '../../store/job-repository';
import type { StoredProposal } from '../../store/proposal-repository';
import type { Principal } from '../auth/principal';
import type { PairIds } from './matching-input';
import { cohortOf, scorePair } from './pair-scoring';
import type { LeadReview } from './review';
import type { RunLease } from './run-lease';
import {
  listDrafts,
  inBatches,
  isoNow,
  key,
  managed,
  type MatchingServiceDeps,
  type ReviewView,
} from './shared';

export type ConstraintEditsDeps = MatchingServiceDeps & { lease: RunLease; review: LeadReview };

/**
 * The lead's change to a programme's constraints: impose a pair (pin), forbid one (block), or lift
 * either. Runs keep pins and avoid blocks; the drafts on screen follow at once.
 */
export type ConstraintEdit = { kind: 'pin' | 'block' | 'unpin' | 'unblock'; pair: PairBody };

type Constraints = Programme['constraints'];
type EditContext = { tenantId: string; programme: Programme; pair: PairBody };

/** The constraints after `edit`; the same object when it changes nothing. */
function editedConstraints(c: Constraints, { kind, pair }: ConstraintEdit): Constraints {
  const same = (x: PairIds) => key(x) === key(pair);
  const ids = { mentorId: pair.mentorId, menteeId: pair.menteeId };
  const pins = c.pins.filter((x) => !same(x));
  const blocks = c.blocks.filter((x) => !same(x));
  switch (kind) {
    case 'pin':
      // A pin takes the mentee from any other pin, and lifts a block of the same pair.
      if (c.pins.some(same) && blocks.length === c.blocks.length) return c;
      return { ...c, pins: [...c.pins.filter((x) => x.menteeId !== pair.menteeId), ids], blocks };
    case 'block':
      if (c.blocks.some(same)) return c;
      return { ...c, pins, blocks: [...c.blocks, ids] };
    case 'unpin':
      return c.pins.some(same) ? { ...c, pins } : c;
    case 'unblock':
      return c.blocks.some(same) ? { ...c, blocks } : c;
  }
}

/** Pins and blocks: one use case, four edits, each answered with the review as it now stands. */
export class ConstraintEdits {
  constructor(private readonly deps: ConstraintEditsDeps) {}

  /** Applies the lead's edit (refused while a run is under way) and returns the review. */
  async edit(
    principal: Principal,
    programmeId: string,
    edit: ConstraintEdit,
    view: ReviewView = {},
  ): Promise<MatchingReviewResponse> {
    const { value: programme } = await managed(this.deps, principal, programmeId);
    const tenantId = principal.tenantId;
    await this.deps.lease.assertIdle(tenantId, programmeId);
    const context = { tenantId, programme, pair: edit.pair };
    if (edit.kind === 'pin') await this.pin(context);
    else if (edit.kind === 'block') await this.block(context);
    else if (edit.kind === 'unpin') await this.unpin(context);
    else await this.unblock(context);
    return this.deps.review.review(principal, programmeId, view);
  }

  /** Imposes a pair (kept in every rerun); a draft with this pair is marked pinned at once. */
  private async pin({ tenantId, programme, pair: body }: EditContext): Promise<void> {
    const programmeId = programme.id;
    const [cohort, theirs, pairs, mentorProfile] = await Promise.all([
      cohortOf(this.deps, tenantId, programme, [body.mentorId, body.menteeId], [body]),
      this.deps.proposals.involving(
        tenantId,
        programmeId,
        [body.mentorId, body.menteeId],
        ['proposed', 'accepted'],
      ),
      this.deps.pairs.query(tenantId, {
        where:
          'c.programmeId = @programmeId AND (c.menteeId = @menteeId OR c.mentorId = @mentorId)',
        parameters: [
          { name: '@programmeId', value: programmeId },
          { name: '@menteeId', value: body.menteeId },
          { name: '@mentorId', value: body.mentorId },
        ],
      }),
      this.deps.profiles.find(tenantId, body.mentorId),
    ]);
    const open = pairs.map((p) => p.value).filter((p) => !isPairClosed(p));
    const firm = (p: StoredProposal) => p.status === 'accepted' || p.publishedAt !== null;
    const scored = scorePair(cohort, programme, body.mentorId, body.menteeId, true);
    // A mentee already promised to someone else (proposal published or accepted, pair under way)
    // is not re-paired by a run: such a pin could never hold.
    const taken =
      theirs.some(
        ({ value: p }) => p.menteeId === body.menteeId && p.mentorId !== body.mentorId && firm(p),
      ) || open.some((p) => p.menteeId === body.menteeId);
    // Likewise a mentor whose every place is promised (published, accepted, under way).
    const capacity = mentorProfile?.value.mentorCapacity ?? 1;
    const promised =
      theirs.filter(
        ({ value: p }) => p.mentorId === body.mentorId && p.menteeId !== body.menteeId && firm(p),
      ).length + open.filter((p) => p.mentorId === body.mentorId).length;
    const codes: string[] = [
      ...scored.violations,
      ...(taken ? ['already_paired'] : []),
      ...(promised >= capacity ? ['mentor_full'] : []),
    ];
    if (codes.length > 0) {
      throw new DomainError(
        'validation_failed',
        `${scored.mentorName} → ${scored.menteeName} cannot be pinned: ${codes.join(', ')}`,
        { violations: [{ mentorId: body.mentorId, menteeId: body.menteeId, codes }] },
      );
    }
    await this.constrain(tenantId, programmeId, { kind: 'pin', pair: body });
    const drafts = await listDrafts(this.deps, tenantId, programmeId);
    const match = drafts.find((d) => key(d.value) === key(body));
    if (match) {
      await this.deps.proposals.replace(
        { ...match.value, pinned: true, kept: true, reasons: scored.reasons, score: scored.score },
        match.etag,
      );
    }
    // The lead's latest choice wins over drafts they kept before: this mentee's with someone
    // else, and the mentor's others beyond the room left (lowest score first).
    const keptOf = (d: Versioned<StoredProposal>) =>
      key(d.value) !== key(body) && (d.value.kept || d.value.pinned === true);
    const room = Math.max(0, capacity - promised - 1);
    const released = [
      ...drafts.filter((d) => keptOf(d) && d.value.menteeId === body.menteeId),
      ...drafts
        .filter(
          (d) =>
            keptOf(d) && d.value.mentorId === body.mentorId && d.value.menteeId !== body.menteeId,
        )
        .sort((a, b) => b.value.score - a.value.score)
        .slice(room),
    ];
    await inBatches(released, (d) =>
      this.deps.proposals.update(tenantId, d.value.id, (p) =>
        p.status === 'proposed' && p.publishedAt === null
          ? { ...p, kept: false, pinned: false }
          : p,
      ),
    );
  }

  /** Forbids a pair; a draft with this pair is withdrawn and its two people wait for a rerun. */
  private async block({ tenantId, programme, pair: body }: EditContext): Promise<void> {
    const programmeId = programme.id;
    const directory = new Map(
      (await this.deps.people.all(tenantId)).map((p) => [p.value.id, p.value]),
    );
    for (const id of [body.mentorId, body.menteeId]) {
      if (!directory.has(id)) {
        throw new DomainError('person_not_found', `Person ${id} was not found`, { id });
      }
    }
    await this.constrain(tenantId, programmeId, { kind: 'block', pair: body });
    const match = (await listDrafts(this.deps, tenantId, programmeId)).find(
      (d) => key(d.value) === key(body),
    );
    if (!match) return;
    const { proposal } = supersedeProposal(match.value);
    await this.deps.proposals.replace({ ...match.value, ...proposal }, match.etag);
    const reason = {
      code: 'blocked_by_lead',
      fr: 'Binôme bloqué par le responsable : relancez le calcul pour trouver un autre partenaire',
      en: 'Pair blocked by the lead: run matching again to find another partner',
    };
    await this.noteOnLatestRun(tenantId, programmeId, (run) => {
      const add = [body.mentorId, body.menteeId].filter(
        (id) => !run.unmatched.some((u) => u.personId === id),
      );
      return {
        ...run,
        unmatched: [...run.unmatched, ...add.map((personId) => ({ personId, reasons: [reason] }))],
        unmatchedTotal: run.unmatchedTotal + add.length,
      };
    });
  }

  /**
   * Lifts a pin: the pair is no longer imposed. A draft with this pair stays as it is until the next
   * run, which may pair its two people otherwise (it is no longer kept); published ones are untouched.
   */
  private async unpin({ tenantId, programme, pair: body }: EditContext): Promise<void> {
    const programmeId = programme.id;
    const pinned = programme.constraints.pins.some((x) => key(x) === key(body));
    const match = (await listDrafts(this.deps, tenantId, programmeId)).find(
      (d) => key(d.value) === key(body) && d.value.pinned === true,
    );
    if (!pinned && !match) {
      throw new DomainError('not_found', 'This pair is not pinned', {
        mentorId: body.mentorId,
        menteeId: body.menteeId,
      });
    }
    if (pinned) await this.constrain(tenantId, programmeId, { kind: 'unpin', pair: body });
    if (!match) return;
    // The "imposed by the lead" reason goes with the pin: score the pair again as the engine would.
    let rescored: { score: number; reasons: StoredProposal['reasons'] } | undefined;
    try {
      const scored = scorePair(
        await cohortOf(this.deps, tenantId, programme, [body.mentorId, body.menteeId]),
        programme,
        body.mentorId,
        body.menteeId,
      );
      rescored = { score: scored.score, reasons: scored.reasons };
    } catch (error) {
      // One of them is no longer an active volunteer: the next run replaces the draft anyway.
      if (!isDomainError(error, 'validation_failed')) throw error;
    }
    await this.deps.proposals.update(tenantId, match.value.id, (p) =>
      p.status === 'proposed' && p.publishedAt === null && p.pinned === true
        ? { ...p, ...rescored, pinned: false, kept: false }
        : p,
    );
  }

  /**
   * Lifts a block: the next run may pair these two again. The people the block left without a
   * partner are told so in the review until that run.
   */
  private async unblock({ tenantId, programme, pair: body }: EditContext): Promise<void> {
    const programmeId = programme.id;
    if (!programme.constraints.blocks.some((x) => key(x) === key(body))) {
      throw new DomainError('not_found', 'This pair is not blocked', {
        mentorId: body.mentorId,
        menteeId: body.menteeId,
      });
    }
    await this.constrain(tenantId, programmeId, { kind: 'unblock', pair: body });
    const lifted = {
      code: 'unblocked_by_lead',
      fr: 'Blocage levé par le responsable : relancez le calcul pour trouver un partenaire',
      en: 'Block lifted by the lead: run matching again to find a partner',
    };
    await this.noteOnLatestRun(tenantId, programmeId, (run) => {
      let changed = false;
      const unmatched = run.unmatched.map((u) => {
        if (
          (u.personId !== body.mentorId && u.personId !== body.menteeId) ||
          !u.reasons.some((r) => r.code === 'blocked_by_lead')
        )
          return u;
        changed = true;
        return {
          ...u,
          reasons: u.reasons.map((r) => (r.code === 'blocked_by_lead' ? lifted : r)),
        };
      });
      return changed ? { ...run, unmatched } : run;
    });
  }

  /** Saves the programme's pins and blocks as `edit` leaves them (no write when unchanged). */
  private async constrain(tenantId: string, programmeId: string, edit: ConstraintEdit) {
    await this.deps.programmes.update(tenantId, programmeId, (p) => {
      const constraints = editedConstraints(p.constraints, edit);
      return constraints === p.constraints
        ? p
        : { ...p, constraints, updatedAt: isoNow(this.deps.clock) };
    });
  }

  /** Changes the unmatched list of the latest successful run, which the review shows. */
  private async noteOnLatestRun(
    tenantId: string,
    programmeId: string,
    change: (run: MatchingRunDocument) => MatchingRunDocument,
  ): Promise<void> {
    const [latest] = (await this.deps.runs.ofProgramme(tenantId, programmeId, 10)).filter(
      (r) => r.value.status === 'succeeded',
    );
    if (latest) await this.deps.runs.update(tenantId, latest.value.id, change);
  }
}
