import type { Approval } from '../approval';
import type { Clock } from '../clock';
import { DomainError } from '../errors';
import { validationError, type PairChange } from './changes';
import { assertMember } from './membership';
import type { Pair, PairHistoryEntry, PairState } from './schema';

/** The pair's state machine: from proposed to active, paused, completed or ended. */

/** What can happen to a pair. */
export type PairEvent =
  | { type: 'accept' }
  | { type: 'request_approval' }
  /** Every approval the pair needs, as decided by the managers. */
  | { type: 'approve'; approvals: readonly Approval[] }
  | { type: 'activate'; managerApprovalRequired: boolean }
  | { type: 'pause'; until: string }
  | { type: 'resume' }
  | { type: 'complete' }
  | { type: 'end'; reason: string };

export type PairEventType = PairEvent['type'];

/** For each event: the states it may start from and the state it leads to. */
export const pairTransitions: Readonly<
  Record<PairEventType, { from: readonly PairState[]; to: PairState }>
> = {
  accept: { from: ['proposed'], to: 'accepted' },
  request_approval: { from: ['accepted'], to: 'awaiting_approval' },
  approve: { from: ['awaiting_approval'], to: 'active' },
  activate: { from: ['accepted'], to: 'active' },
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  complete: { from: ['active', 'paused'], to: 'completed' },
  end: { from: ['proposed', 'accepted', 'awaiting_approval', 'active', 'paused'], to: 'ended' },
};

function invalid(pair: Pair, event: PairEvent, to: PairState, why?: string): DomainError {
  return new DomainError(
    'invalid_transition',
    why ?? `A ${pair.state} pair cannot ${event.type.replace('_', ' ')} (to ${to})`,
    { entity: 'pair', id: pair.id, event: event.type, from: pair.state, to },
  );
}

/**
 * Applies `event` by `actorId`. Only members act, except `approve` (decided by managers and
 * checked against the approvals). Repeating an event on the state it leads to is a no-op.
 */
export function transitionPair(
  pair: Pair,
  event: PairEvent,
  actorId: string,
  clock: Clock,
): PairChange {
  if (event.type !== 'approve') assertMember(pair, actorId);
  const { from, to } = pairTransitions[event.type];
  const now = clock.now();
  const at = now.toISOString();

  if (event.type === 'pause') {
    const until = new Date(event.until);
    if (Number.isNaN(until.getTime()) || until.getTime() <= now.getTime()) {
      throw validationError('until', 'until must be a date-time in the future');
    }
    if (pair.state === 'paused') {
      const pausedUntil = until.toISOString();
      if (pair.pausedUntil === pausedUntil) return { pair, changed: false };
      return { pair: { ...pair, pausedUntil, updatedAt: at }, changed: true };
    }
  } else if (pair.state === to) {
    return { pair, changed: false };
  }

  if (!from.includes(pair.state)) throw invalid(pair, event, to);

  const next: Pair = { ...pair, state: to, updatedAt: at };
  let reason: string | undefined;
  switch (event.type) {
    case 'approve': {
      const foreign = event.approvals.find((a) => a.pairId !== pair.id);
      if (foreign) {
        throw invalid(pair, event, to, `Approval ${foreign.id} is for another pair`);
      }
      const waiting = event.approvals.filter((a) => a.status !== 'approved');
      if (event.approvals.length === 0 || waiting.length > 0) {
        throw invalid(pair, event, to, 'Every manager approval must be granted first');
      }
      break;
    }
    case 'activate':
      if (event.managerApprovalRequired) {
        throw invalid(
          pair,
          event,
          to,
          'This programme requires manager approval before the pair starts',
        );
      }
      break;
    case 'pause':
      next.pausedUntil = new Date(event.until).toISOString();
      break;
    case 'resume':
      delete next.pausedUntil;
      break;
    case 'complete':
      delete next.pausedUntil;
      break;
    case 'end': {
      reason = event.reason.trim();
      if (reason.length === 0) throw validationError('reason', 'reason must not be empty');
      if (reason.length > 500)
        throw validationError('reason', 'reason must be at most 500 characters');
      next.endReason = reason;
      delete next.pausedUntil;
      break;
    }
    default:
      break;
  }
  const entry: PairHistoryEntry = { from: pair.state, to, at, by: actorId };
  if (reason !== undefined) entry.reason = reason;
  next.history = [...pair.history, entry];
  return { pair: next, changed: true };
}
