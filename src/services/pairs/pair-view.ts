import type {
  ActionItemView,
  ApprovalStanding,
  FeedbackView,
  GoalProgress,
  MemberCard,
  MemberRole,
  MyPairItem,
  PairAction,
  PairView,
  PrivateNoteView,
  ProgressView,
  SessionView,
} from '../../contracts/pairs';
import type { Clock } from '../../domain/clock';
import { isAgreementSigned } from '../../domain/pair/agreement';
import { isPairClosed, roleIn } from '../../domain/pair/membership';
import type { AssessmentPhase, MemberSnapshot, Pair, Session } from '../../domain/pair/schema';
import { nextSession } from '../../domain/pair/sessions';
import type { NotebookNote } from '../../domain/pair/private-notes';
import { offsetMinutes } from '../../domain/calendar/local-time';

/** How the pair routes present a pair to one of its members: pure, from the pair document alone. */

function snapshotOf(pair: Pair, role: MemberRole): MemberSnapshot {
  const snapshot = pair.members?.[role];
  if (snapshot) return snapshot;
  // Pairs stored before the snapshot existed: the service backfills them on load.
  const id = role === 'mentor' ? pair.mentorId : pair.menteeId;
  return {
    displayName: id,
    jobTitle: '',
    department: '',
    languages: [],
    timeZone: 'UTC',
    photoUrl: null,
  };
}

function card(pair: Pair, role: MemberRole, nowMs: number, myOffset: number): MemberCard {
  const snapshot = snapshotOf(pair, role);
  const offset = offsetMinutes(nowMs, snapshot.timeZone);
  return {
    personId: role === 'mentor' ? pair.mentorId : pair.menteeId,
    role,
    displayName: snapshot.displayName,
    jobTitle: snapshot.jobTitle,
    department: snapshot.department,
    languages: snapshot.languages,
    timeZone: snapshot.timeZone,
    utcOffsetMinutes: offset,
    offsetFromMeMinutes: offset - myOffset,
    photoUrl: snapshot.photoUrl,
  };
}

const other = (role: MemberRole): MemberRole => (role === 'mentor' ? 'mentee' : 'mentor');

/** The first session that took place: it carries the pairing-fit question. */
function firstSessionId(pair: Pair, nowIso: string): string | undefined {
  return [...pair.sessions]
    .filter((s) => s.status === 'held' || (s.status === 'planned' && s.start <= nowIso))
    .sort((a, b) => a.start.localeCompare(b.start))[0]?.id;
}

function sessionEnded(session: Session, nowMs: number): boolean {
  return new Date(session.start).getTime() + session.durationMinutes * 60_000 <= nowMs;
}

/** The pair as `personId` (a member) sees it. */
export function pairViewFor(pair: Pair, personId: string, clock: Clock): PairView {
  const myRole = roleIn(pair, personId);
  const partnerRole = other(myRole);
  const now = clock.now();
  const nowMs = now.getTime();
  const nowIso = now.toISOString();
  const myTimeZone = snapshotOf(pair, myRole).timeZone;
  const myOffset = offsetMinutes(nowMs, myTimeZone);
  const partnerId = partnerRole === 'mentor' ? pair.mentorId : pair.menteeId;
  const roleOf = (id: string): MemberRole => (id === pair.mentorId ? 'mentor' : 'mentee');
  const firstId = firstSessionId(pair, nowIso);

  const sessions: SessionView[] = [...pair.sessions]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((session) => {
      const given = pair.feedback.some((f) => f.sessionId === session.id && f.fromId === personId);
      const received = pair.feedback.some(
        (f) => f.sessionId === session.id && f.fromId === partnerId,
      );
      const ended =
        session.status === 'held' || (session.status === 'planned' && sessionEnded(session, nowMs));
      return {
        id: session.id,
        index: session.index,
        start: session.start,
        durationMinutes: session.durationMinutes,
        status: session.status,
        agenda: session.agenda ?? '',
        sharedNotes: session.sharedNotes ?? '',
        actionItems: session.actionItems.map((item) => ({
          ...item,
          sessionId: session.id,
          ownerRole: roleOf(item.ownerId),
        })),
        calendarEventId: session.calendarEventId ?? null,
        feedbackGiven: given,
        feedbackReceived: received,
        awaitingMyFeedback: ended && !given && pair.state !== 'ended',
        asksPairingFit: session.id === firstId,
      };
    });

  const next = nextSession(pair, clock);
  const openActionItems: ActionItemView[] = sessions
    .flatMap((s) => s.actionItems)
    .filter((item) => !item.done)
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));

  const indexOf = new Map(pair.sessions.map((s) => [s.id, s.index]));
  const feedbackViews: FeedbackView[] = [...pair.feedback]
    .sort((a, b) => b.at.localeCompare(a.at))
    .map((f) => ({
      sessionId: f.sessionId,
      sessionIndex: indexOf.get(f.sessionId) ?? 0,
      fromId: f.fromId,
      toId: f.toId,
      rating: f.rating,
      worked: f.worked,
      suggestion: f.suggestion,
      // The partner's answer to "is this a good fit?" stays theirs (and the lead's flag).
      pairingFit: f.fromId === personId ? (f.pairingFit ?? null) : null,
      sharedWithLead: f.shareWithLead ?? false,
      at: f.at,
    }));

  const { agreement } = pair;
  const signedByMe = agreement.signatures[myRole]?.revision === agreement.revision;
  const signedByPartner = agreement.signatures[partnerRole]?.revision === agreement.revision;
  const closed = isPairClosed(pair);
  const can: PairAction[] = [];
  if (!closed) {
    can.push('edit_agreement');
    if (!signedByMe && agreement.subject.trim() !== '') can.push('sign');
    if (pair.state !== 'proposed') can.push('plan_session');
    if (pair.state === 'active') can.push('pause');
    if (pair.state === 'paused') can.push('resume');
    if (pair.state === 'active' || pair.state === 'paused') can.push('complete');
    can.push('end');
  }

  return {
    id: pair.id,
    programmeId: pair.programmeId,
    state: pair.state,
    pausedUntil: pair.pausedUntil ?? null,
    endReason: pair.endReason ?? null,
    myRole,
    me: card(pair, myRole, nowMs, myOffset),
    partner: card(pair, partnerRole, nowMs, myOffset),
    nextSession: next ? (sessions.find((s) => s.id === next.id) ?? null) : null,
    agreement: {
      ...agreement,
      signedByMe,
      signedByPartner,
      fullySigned: isAgreementSigned(agreement),
    },
    sessions,
    openActionItems,
    feedback: {
      given: feedbackViews.filter((f) => f.fromId === personId),
      received: feedbackViews.filter((f) => f.fromId === partnerId),
    },
    progress: progressOf(pair, personId, myRole),
    approvals: approvalStandings(pair, personId),
    flaggedForLead: pair.leadFlag !== undefined,
    history: pair.history,
    can,
    createdAt: pair.createdAt,
    updatedAt: pair.updatedAt,
  };
}

/** Where each member's manager approval stands, from the pair's own summary: the caller's first. */
export function approvalStandings(pair: Pair, personId: string): ApprovalStanding[] {
  return (pair.approvals ?? [])
    .filter((entry) => entry.personId === pair.mentorId || entry.personId === pair.menteeId)
    .map((entry) => ({
      personId: entry.personId,
      role: roleIn(pair, entry.personId),
      mine: entry.personId === personId,
      managerName: entry.managerName,
      status: entry.status,
      revision: entry.revision ?? null,
      requestedAt: entry.requestedAt,
      comment: entry.comment ?? null,
      decidedAt: entry.decidedAt ?? null,
    }))
    .sort((a, b) => Number(b.mine) - Number(a.mine));
}

/**
 * Goals both ways with each phase's level: mentee goals are assessed by the mentee, mentor goals
 * by the mentor. Goals assessed earlier but since removed from the agreement stay, marked.
 */
export function progressOf(pair: Pair, personId: string, myRole: MemberRole): ProgressView {
  const goals: GoalProgress[] = [];
  for (const side of ['mentee', 'mentor'] as const) {
    const learnerId = side === 'mentor' ? pair.mentorId : pair.menteeId;
    const agreed = side === 'mentor' ? pair.agreement.mentorGoals : pair.agreement.menteeGoals;
    const mine = pair.assessments.filter((a) => a.personId === learnerId);
    const names = [...agreed.map((g) => g.trim())];
    for (const a of mine) if (!names.includes(a.goal)) names.push(a.goal);
    for (const goal of names) {
      const level = (phase: AssessmentPhase) =>
        mine.find((a) => a.goal === goal && a.phase === phase)?.level ?? null;
      const start = level('start');
      const middle = level('middle');
      const end = level('end');
      const latest = end ?? middle;
      goals.push({
        goal,
        side,
        personId: learnerId,
        start,
        middle,
        end,
        change: start !== null && latest !== null ? latest - start : null,
        inAgreement: agreed.some((g) => g.trim() === goal),
      });
    }
  }
  const held = pair.sessions.filter((s) => s.status === 'held').length;
  const planned = pair.sessions.filter((s) => s.status === 'planned').length;
  const agreedSessions = pair.agreement.frame.sessions;
  const myGoals = goals.filter((g) => g.side === myRole && g.inAgreement);
  const missing = (phase: AssessmentPhase) =>
    myGoals.some((g) => g[phase] === null) && myGoals.length > 0;
  let suggestedPhase: AssessmentPhase | null = null;
  if (pair.state !== 'proposed' && pair.state !== 'ended') {
    if (missing('start')) suggestedPhase = 'start';
    else if ((held >= agreedSessions || pair.state === 'completed') && missing('end'))
      suggestedPhase = 'end';
    else if (
      held >= Math.ceil(agreedSessions / 2) &&
      missing('middle') &&
      pair.state !== 'completed'
    )
      suggestedPhase = 'middle';
  }
  return {
    goals,
    suggestedPhase,
    sessionsHeld: held,
    sessionsPlanned: planned,
    sessionsAgreed: agreedSessions,
  };
}

/** A line of `GET /api/pairs/mine`. */
export function myPairItem(pair: Pair, personId: string, clock: Clock): MyPairItem {
  const view = pairViewFor(pair, personId, clock);
  return {
    id: pair.id,
    programmeId: pair.programmeId,
    state: pair.state,
    myRole: view.myRole,
    partner: {
      personId: view.partner.personId,
      displayName: view.partner.displayName,
      jobTitle: view.partner.jobTitle,
      photoUrl: view.partner.photoUrl,
    },
    subject: pair.agreement.subject,
    nextSessionStart: view.nextSession?.start ?? null,
    agreementFullySigned: view.agreement.fullySigned,
    awaitingMyFeedback: view.sessions.filter((s) => s.awaitingMyFeedback).length,
    declines:
      pair.state === 'awaiting_approval'
        ? view.approvals
            .filter((a) => a.status === 'declined')
            .map((a) => ({ managerName: a.managerName, mine: a.mine, comment: a.comment }))
        : [],
    updatedAt: pair.updatedAt,
  };
}

/** A private note as its author sees it; its version is its own revision. */
export function privateNoteView(note: NotebookNote): PrivateNoteView {
  return {
    sessionId: note.sessionId,
    text: note.text,
    updatedAt: note.updatedAt,
    version: String(note.revision),
  };
}
