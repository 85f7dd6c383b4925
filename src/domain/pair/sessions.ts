import type { Clock } from '../clock';
import { issuesOf } from '../common';
import { DomainError } from '../errors';
import { pairStateError, validation, type PairChange } from './changes';
import { roleIn } from './membership';
import {
  actionItemSchema,
  sessionSchema,
  type ActionItem,
  type Pair,
  type Session,
  type SessionStatus,
} from './schema';

/** The pair's sessions: planning, what became of them, agenda, shared notes and action items. */

/** The next planned session after `clock`'s now, or undefined. */
export function nextSession(pair: Pair, clock: Clock): Session | undefined {
  const now = clock.now().toISOString();
  return pair.sessions
    .filter((session) => session.status === 'planned' && session.start >= now)
    .sort((a, b) => a.start.localeCompare(b.start))[0];
}

/** The session `sessionId` and its place; `not_found` when the pair has no such session. */
export function sessionAt(pair: Pair, sessionId: string): { session: Session; index: number } {
  const index = pair.sessions.findIndex((s) => s.id === sessionId);
  const session = pair.sessions[index];
  if (!session) {
    throw new DomainError('not_found', `Session ${sessionId} is not part of this pair`, {
      pairId: pair.id,
      sessionId,
    });
  }
  return { session, index };
}

function withSession(pair: Pair, index: number, session: Session, clock: Clock): Pair {
  const sessions = pair.sessions.slice();
  sessions[index] = session;
  return { ...pair, sessions, updatedAt: clock.now().toISOString() };
}

/** Throws `invalid_transition` on an ended pair. */
export function assertOpen(pair: Pair, doing: string): void {
  if (pair.state === 'ended') throw pairStateError(pair, `An ended pair cannot ${doing}`);
}

export type PlanSessionInput = {
  id: string;
  start: string;
  /** Default: the agreement's frame. */
  durationMinutes?: number;
  agenda?: string;
};

/**
 * A member plans a session by hand (series booked through the calendar arrive the same way).
 * Sessions are numbered by start time; planning the same id again with the same start is a no-op.
 */
export function planSession(
  pair: Pair,
  input: PlanSessionInput,
  actorId: string,
  clock: Clock,
): PairChange {
  roleIn(pair, actorId);
  if (pair.state === 'completed' || pair.state === 'ended' || pair.state === 'proposed') {
    throw pairStateError(pair, `A ${pair.state} pair cannot plan sessions`);
  }
  const existing = pair.sessions.find((s) => s.id === input.id);
  if (existing) {
    if (existing.start === new Date(input.start).toISOString()) return { pair, changed: false };
    throw new DomainError('already_exists', `Session ${input.id} already exists`, {
      sessionId: input.id,
    });
  }
  if (pair.sessions.length >= 520) {
    throw new DomainError('validation_failed', 'A pair has at most 520 sessions', {
      issues: [{ path: 'sessions', message: 'a pair has at most 520 sessions' }],
    });
  }
  const start = new Date(input.start);
  const parsed = sessionSchema.safeParse({
    id: input.id,
    index: 1,
    start: Number.isNaN(start.getTime()) ? input.start : start.toISOString(),
    durationMinutes: input.durationMinutes ?? pair.agreement.frame.durationMinutes,
    status: 'planned',
    ...(input.agenda !== undefined ? { agenda: input.agenda } : {}),
    actionItems: [],
  });
  if (!parsed.success) throw validation('session', { issues: issuesOf(parsed.error) });
  const sessions = [...pair.sessions, parsed.data]
    .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id))
    .map((session, i) => (session.index === i + 1 ? session : { ...session, index: i + 1 }));
  return { pair: { ...pair, sessions, updatedAt: clock.now().toISOString() }, changed: true };
}

/** Which session statuses may follow which: held and missed can be corrected; cancelled is final. */
export const sessionStatusMoves: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = {
  planned: ['held', 'missed', 'cancelled'],
  held: ['missed'],
  missed: ['held'],
  cancelled: [],
};

/** A member records what became of a session; held or missed only once it has started. */
export function setSessionStatus(
  pair: Pair,
  sessionId: string,
  status: SessionStatus,
  actorId: string,
  clock: Clock,
): PairChange {
  roleIn(pair, actorId);
  assertOpen(pair, 'change its sessions');
  const { session, index } = sessionAt(pair, sessionId);
  if (session.status === status) return { pair, changed: false };
  if (!sessionStatusMoves[session.status].includes(status)) {
    throw new DomainError(
      'invalid_transition',
      `A ${session.status} session cannot become ${status}`,
      { entity: 'session', id: sessionId, from: session.status, to: status },
    );
  }
  if ((status === 'held' || status === 'missed') && session.start > clock.now().toISOString()) {
    throw new DomainError('invalid_transition', `A session cannot be ${status} before it starts`, {
      entity: 'session',
      id: sessionId,
      from: session.status,
      to: status,
    });
  }
  return { pair: withSession(pair, index, { ...session, status }, clock), changed: true };
}

/** A member edits a session's agenda or shared notes (both members read them). */
export function editSessionNotes(
  pair: Pair,
  sessionId: string,
  changes: { agenda?: string; sharedNotes?: string },
  actorId: string,
  clock: Clock,
): PairChange {
  roleIn(pair, actorId);
  assertOpen(pair, 'change its sessions');
  const { session, index } = sessionAt(pair, sessionId);
  const next: Session = { ...session };
  if (changes.agenda !== undefined) next.agenda = changes.agenda;
  if (changes.sharedNotes !== undefined) next.sharedNotes = changes.sharedNotes;
  if (next.agenda === session.agenda && next.sharedNotes === session.sharedNotes) {
    return { pair, changed: false };
  }
  const parsed = sessionSchema.safeParse(next);
  if (!parsed.success) {
    throw validation('session', { issues: issuesOf(parsed.error) });
  }
  return { pair: withSession(pair, index, parsed.data, clock), changed: true };
}

/** A member adds an action item owned by either member; adding the same item again is a no-op. */
export function addActionItem(
  pair: Pair,
  sessionId: string,
  item: Omit<ActionItem, 'done'> & { done?: boolean },
  actorId: string,
  clock: Clock,
): PairChange {
  roleIn(pair, actorId);
  assertOpen(pair, 'change its sessions');
  const { session, index } = sessionAt(pair, sessionId);
  if (item.ownerId !== pair.mentorId && item.ownerId !== pair.menteeId) {
    throw new DomainError('validation_failed', 'An action item belongs to one of the two members', {
      issues: [{ path: 'ownerId', message: 'ownerId must be the mentor or the mentee' }],
    });
  }
  const parsed = actionItemSchema.safeParse({ done: false, ...item });
  if (!parsed.success) throw validation('action item', { issues: issuesOf(parsed.error) });
  const existing = session.actionItems.find((a) => a.id === item.id);
  if (existing) {
    if (JSON.stringify(existing) === JSON.stringify({ ...existing, ...parsed.data })) {
      return { pair, changed: false };
    }
    throw new DomainError('already_exists', `Action item ${item.id} already exists`, {
      sessionId,
      actionItemId: item.id,
    });
  }
  if (session.actionItems.length >= 50) {
    throw new DomainError('validation_failed', 'A session has at most 50 action items', {
      issues: [{ path: 'actionItems', message: 'a session has at most 50 action items' }],
    });
  }
  const next = { ...session, actionItems: [...session.actionItems, parsed.data] };
  return { pair: withSession(pair, index, next, clock), changed: true };
}

/** A member ticks an action item done (or not); the same state again is a no-op. */
export function setActionItemDone(
  pair: Pair,
  sessionId: string,
  actionItemId: string,
  done: boolean,
  actorId: string,
  clock: Clock,
): PairChange {
  roleIn(pair, actorId);
  assertOpen(pair, 'change its sessions');
  const { session, index } = sessionAt(pair, sessionId);
  const itemIndex = session.actionItems.findIndex((a) => a.id === actionItemId);
  const item = session.actionItems[itemIndex];
  if (!item) {
    throw new DomainError('not_found', `Action item ${actionItemId} is not in this session`, {
      sessionId,
      actionItemId,
    });
  }
  if (item.done === done) return { pair, changed: false };
  const actionItems = session.actionItems.slice();
  actionItems[itemIndex] = { ...item, done };
  return { pair: withSession(pair, index, { ...session, actionItems }, clock), changed: true };
}
