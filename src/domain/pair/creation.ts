import type { Clock } from '../clock';
import { issuesOf } from '../common';
import { DomainError } from '../errors';
import type { MatchProposal } from '../match-proposal';
import type { Frame } from '../programme';
import { validation } from './changes';
import { pairSchema, type Pair, type PairMembers } from './schema';

/** A pair's birth from a match proposal. */

export type NewPairInput = {
  id: string;
  proposal: MatchProposal;
  /** The programme's frame defaults, copied into the agreement. */
  frame: Frame;
  subject?: string;
  confidentiality?: string;
  /** Display data of both members (the dashboard reads it instead of the directory). */
  members?: PairMembers;
};

/**
 * The pair born from a proposal: `accepted` when both have accepted (the later answer is the
 * actor in its history), `proposed` while the proposal is open. Agreement at revision 1, unsigned.
 */
export function newPair(input: NewPairInput, clock: Clock): Pair {
  const { proposal } = input;
  if (proposal.status !== 'proposed' && proposal.status !== 'accepted') {
    throw new DomainError(
      'invalid_transition',
      `A ${proposal.status} proposal cannot become a pair`,
      {
        entity: 'proposal',
        id: proposal.id,
        from: proposal.status,
        to: 'pair',
      },
    );
  }
  const now = clock.now().toISOString();
  const { mentor, mentee } = proposal.answers;
  const lastToAccept =
    mentor && mentee && mentor.at > mentee.at ? proposal.mentorId : proposal.menteeId;
  const accepted = proposal.status === 'accepted';
  const result = pairSchema.safeParse({
    id: input.id,
    tenantId: proposal.tenantId,
    programmeId: proposal.programmeId,
    proposalId: proposal.id,
    mentorId: proposal.mentorId,
    menteeId: proposal.menteeId,
    state: accepted ? 'accepted' : 'proposed',
    agreement: {
      subject: input.subject ?? '',
      menteeGoals: [],
      mentorGoals: [],
      frame: input.frame,
      groundRules: [],
      confidentiality: input.confidentiality ?? '',
      revision: 1,
      signatures: {},
    },
    calendar: {},
    sessions: [],
    feedback: [],
    assessments: [],
    ...(input.members ? { members: input.members } : {}),
    history: accepted ? [{ from: 'proposed', to: 'accepted', at: now, by: lastToAccept }] : [],
    createdAt: now,
    updatedAt: now,
  });
  if (!result.success) throw validation('pair', { issues: issuesOf(result.error) });
  return result.data;
}
