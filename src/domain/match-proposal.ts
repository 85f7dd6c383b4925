import { z } from 'zod';
import type { Clock } from './clock';
import {
  dateTime,
  flag,
  group,
  idOf,
  idSchema,
  list,
  localizedTextSchema,
  tenantIdSchema,
} from './common';
import { DomainError } from './errors';

export const proposalStatuses = [
  'proposed',
  'accepted',
  'declined',
  'expired',
  'superseded',
] as const;
export const proposalStatusSchema = z.enum(proposalStatuses, {
  error: 'status must be one of proposed, accepted, declined, expired, superseded',
});
export type ProposalStatus = z.infer<typeof proposalStatusSchema>;

export const proposalAnswers = ['accepted', 'declined'] as const;
export const proposalAnswerSchema = z.enum(proposalAnswers, {
  error: 'answer must be "accepted" or "declined"',
});
export type ProposalAnswer = z.infer<typeof proposalAnswerSchema>;

export const sideAnswerSchema = group('answer', {
  answer: proposalAnswerSchema,
  at: dateTime('at'),
});
export type SideAnswer = z.infer<typeof sideAnswerSchema>;

export const matchProposalSchema = z
  .object({
    id: idSchema,
    tenantId: tenantIdSchema,
    programmeId: idOf('programmeId'),
    /** The matching run that produced it. */
    runId: idOf('runId'),
    mentorId: idOf('mentorId'),
    menteeId: idOf('menteeId'),
    score: z.number({ error: 'score must be a number' }).finite({ error: 'score must be finite' }),
    /** Why these two, in both languages, most important first. */
    reasons: list('reasons', localizedTextSchema),
    status: proposalStatusSchema,
    answers: group('answers', {
      mentor: sideAnswerSchema.optional(),
      mentee: sideAnswerSchema.optional(),
    }),
    /** True when the lead imposed this pair. */
    pinned: flag('pinned').optional(),
    expiresAt: dateTime('expiresAt'),
    createdAt: dateTime('createdAt'),
  })
  .refine((proposal) => proposal.mentorId !== proposal.menteeId, {
    error: 'mentorId and menteeId must be two different people',
    path: ['menteeId'],
  });
export type MatchProposal = z.infer<typeof matchProposalSchema>;

export type ProposalSide = 'mentor' | 'mentee';

/** Which side of the proposal `personId` is on, or undefined. */
export function proposalSideOf(
  proposal: MatchProposal,
  personId: string,
): ProposalSide | undefined {
  if (personId === proposal.mentorId) return 'mentor';
  if (personId === proposal.menteeId) return 'mentee';
  return undefined;
}

/** True when the proposal is still open but its answer time has run out. */
export function isProposalExpired(proposal: MatchProposal, clock: Clock): boolean {
  return proposal.status === 'proposed' && clock.now().toISOString() >= proposal.expiresAt;
}

export type AnswerResult = {
  proposal: MatchProposal;
  changed: boolean;
  /** True once both people have accepted: time to create the pair. */
  bothAccepted: boolean;
};

/**
 * Records one person's answer. Repeating the same answer is a no-op; changing an answer,
 * answering a closed proposal or answering after `expiresAt` is refused. A decline closes it.
 */
export function answerProposal(
  proposal: MatchProposal,
  personId: string,
  answer: ProposalAnswer,
  clock: Clock,
): AnswerResult {
  const side = proposalSideOf(proposal, personId);
  if (!side) {
    throw new DomainError('not_pair_member', 'Only the two people proposed can answer', {
      proposalId: proposal.id,
      personId,
    });
  }
  const previous = proposal.answers[side];
  if (previous?.answer === answer) {
    return { proposal, changed: false, bothAccepted: proposal.status === 'accepted' };
  }
  if (previous) {
    throw new DomainError(
      'invalid_transition',
      `The ${side} already ${previous.answer} this proposal`,
      {
        entity: 'proposal',
        id: proposal.id,
        from: previous.answer,
        to: answer,
      },
    );
  }
  if (proposal.status !== 'proposed' || isProposalExpired(proposal, clock)) {
    const status = proposal.status === 'proposed' ? 'expired' : proposal.status;
    throw new DomainError(
      status === 'expired' ? 'proposal_expired' : 'invalid_transition',
      `This proposal is ${status} and can no longer be answered`,
      { entity: 'proposal', id: proposal.id, from: status, to: answer },
    );
  }
  const at = clock.now().toISOString();
  const answers = { ...proposal.answers, [side]: { answer, at } };
  const bothAccepted =
    answers.mentor?.answer === 'accepted' && answers.mentee?.answer === 'accepted';
  const status: ProposalStatus =
    answer === 'declined' ? 'declined' : bothAccepted ? 'accepted' : 'proposed';
  return { proposal: { ...proposal, answers, status }, changed: true, bothAccepted };
}

/** Marks an open proposal whose time has run out as expired; otherwise returns it unchanged. */
export function expireProposal(
  proposal: MatchProposal,
  clock: Clock,
): { proposal: MatchProposal; changed: boolean } {
  if (!isProposalExpired(proposal, clock)) return { proposal, changed: false };
  return { proposal: { ...proposal, status: 'expired' }, changed: true };
}

/** Retires an open proposal because a newer matching run replaced it. */
export function supersedeProposal(proposal: MatchProposal): {
  proposal: MatchProposal;
  changed: boolean;
} {
  if (proposal.status === 'superseded') return { proposal, changed: false };
  if (proposal.status !== 'proposed') {
    throw new DomainError(
      'invalid_transition',
      `A ${proposal.status} proposal cannot be superseded`,
      {
        entity: 'proposal',
        id: proposal.id,
        from: proposal.status,
        to: 'superseded',
      },
    );
  }
  return { proposal: { ...proposal, status: 'superseded' }, changed: true };
}

/** When a proposal created at `createdAt` expires, given the programme's response days. */
export function proposalExpiry(createdAt: Date, responseDays: number): string {
  return new Date(createdAt.getTime() + responseDays * 24 * 60 * 60 * 1000).toISOString();
}
