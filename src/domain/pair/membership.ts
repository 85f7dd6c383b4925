import { DomainError } from '../errors';
import type { Pair, PairState } from './schema';

/** Who belongs to a pair and whether it is over. */

/** True when `personId` is the mentor or the mentee. */
export function isMember(pair: Pick<Pair, 'mentorId' | 'menteeId'>, personId: string): boolean {
  return personId === pair.mentorId || personId === pair.menteeId;
}

/** The other member; throws `not_pair_member` for anyone else. */
export function partnerOf(
  pair: Pick<Pair, 'id' | 'mentorId' | 'menteeId'>,
  personId: string,
): string {
  if (personId === pair.mentorId) return pair.menteeId;
  if (personId === pair.menteeId) return pair.mentorId;
  throw new DomainError('not_pair_member', 'This person is not a member of the pair', {
    pairId: pair.id,
    personId,
  });
}

/** 'mentor' or 'mentee'; throws `not_pair_member` for anyone else. */
export function roleIn(
  pair: Pick<Pair, 'id' | 'mentorId' | 'menteeId'>,
  personId: string,
): 'mentor' | 'mentee' {
  if (personId === pair.mentorId) return 'mentor';
  if (personId === pair.menteeId) return 'mentee';
  throw new DomainError('not_pair_member', 'This person is not a member of the pair', {
    pairId: pair.id,
    personId,
  });
}

/** Throws `not_pair_member` unless `personId` is the mentor or the mentee. */
export function assertMember(pair: Pair, personId: string): void {
  roleIn(pair, personId);
}

/** States in which the pair is over: nothing changes any more. */
export const finalPairStates: readonly PairState[] = ['completed', 'ended'];

/** True when the pair has completed or ended. */
export function isPairClosed(pair: Pair): boolean {
  return finalPairStates.includes(pair.state);
}
