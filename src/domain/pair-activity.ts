import type { Clock } from './clock';
import { issuesOf } from './common';
import { DomainError } from './errors';
import type { MatchProposal } from './match-proposal';
import {
  actionItemSchema,
  assessmentSchema,
  feedbackSchema,
  pairSchema,
  sessionSchema,
  partnerOf,
  poorFitOnBothSides,
  roleIn,
  type ActionItem,
  type Assessment,
  type AssessmentPhase,
  type Feedback,
  type Pair,
  type PairMembers,
  type PairingFit,
  type Session,
  type SessionStatus,
} from './pair';
import type { Frame } from './programme';

/** What happens inside a pair once it exists: its creation, sessions, feedback, self-assessments. */

type PairChange = { pair: Pair; changed: boolean };

function validation(
  what: string,
  error: { issues: { path: string; message: string }[] },
): DomainError {
  const first = error.issues[0];
  return new DomainError(
    'validation_failed',
    `Invalid ${what}: ${first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'invalid'}`,
    { issues: error.issues },
  );
}

function pairStateError(pair: Pair, why: string): DomainError {
  return new DomainError('invalid_transition', why, {
    entity: 'pair',
    id: pair.id,
    from: pair.state,
    to: pair.state,
  });
}

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

function sessionAt(pair: Pair, sessionId: string): { session: Session; index: number } {
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

function assertOpen(pair: Pair, doing: string): void {
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

export type FeedbackInput = {
  rating: number;
  worked: string;
  suggestion: string;
  pairingFit?: PairingFit;
};

/**
 * A member gives feedback to their partner on a session that has started and was not cancelled.
 * One per member per session: giving it again replaces it, identical feedback is a no-op.
 */
export function giveFeedback(
  pair: Pair,
  sessionId: string,
  fromId: string,
  input: FeedbackInput,
  clock: Clock,
): PairChange {
  const toId = partnerOf(pair, fromId);
  assertOpen(pair, 'receive feedback');
  const { session } = sessionAt(pair, sessionId);
  const now = clock.now().toISOString();
  if (session.status === 'cancelled' || session.start > now) {
    throw new DomainError(
      'invalid_transition',
      session.status === 'cancelled'
        ? 'A cancelled session takes no feedback'
        : 'Feedback is given after the session has started',
      { entity: 'session', id: sessionId, from: session.status, to: 'feedback' },
    );
  }
  const parsed = feedbackSchema.safeParse({ ...input, sessionId, fromId, toId, at: now });
  if (!parsed.success) throw validation('feedback', { issues: issuesOf(parsed.error) });
  const previous = pair.feedback.find((f) => f.sessionId === sessionId && f.fromId === fromId);
  if (previous && sameFeedback(previous, parsed.data)) return { pair, changed: false };
  const feedback = [
    ...pair.feedback.filter((f) => !(f.sessionId === sessionId && f.fromId === fromId)),
    parsed.data,
  ];
  const next: Pair = { ...pair, feedback, updatedAt: now };
  // Both say "poor fit": the lead is told once (the flag stays until the lead clears it).
  if (!pair.leadFlag && poorFitOnBothSides(next)) {
    next.leadFlag = { reason: 'poor_fit_both_sides', at: now };
  }
  return { pair: next, changed: true };
}

function sameFeedback(a: Feedback, b: Feedback): boolean {
  return (
    a.rating === b.rating &&
    a.worked === b.worked &&
    a.suggestion === b.suggestion &&
    a.pairingFit === b.pairingFit
  );
}

/** Sessions that have ended, were not cancelled or missed, and lack `personId`'s feedback. */
export function sessionsAwaitingFeedback(pair: Pair, personId: string, clock: Clock): Session[] {
  roleIn(pair, personId);
  const now = clock.now().getTime();
  return pair.sessions.filter(
    (session) =>
      (session.status === 'held' ||
        (session.status === 'planned' &&
          new Date(session.start).getTime() + session.durationMinutes * 60_000 <= now)) &&
      !pair.feedback.some((f) => f.sessionId === session.id && f.fromId === personId),
  );
}

/**
 * A member rates their own level on one goal at the start, middle or end. One per person,
 * phase and goal: recording it again replaces it, the same level is a no-op.
 */
export function recordAssessment(
  pair: Pair,
  personId: string,
  input: { phase: AssessmentPhase; goal: string; level: number },
  clock: Clock,
): PairChange {
  roleIn(pair, personId);
  if (pair.state === 'proposed') {
    throw pairStateError(pair, 'Self-assessments start once the pair is accepted');
  }
  const now = clock.now().toISOString();
  const parsed = assessmentSchema.safeParse({
    ...input,
    goal: input.goal.trim(),
    personId,
    at: now,
  });
  if (!parsed.success) throw validation('assessment', { issues: issuesOf(parsed.error) });
  const same = (a: Assessment) =>
    a.personId === personId && a.phase === parsed.data.phase && a.goal === parsed.data.goal;
  const previous = pair.assessments.find(same);
  if (previous?.level === parsed.data.level) return { pair, changed: false };
  const assessments = [...pair.assessments.filter((a) => !same(a)), parsed.data];
  return { pair: { ...pair, assessments, updatedAt: now }, changed: true };
}
