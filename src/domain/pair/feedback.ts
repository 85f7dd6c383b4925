import type { Clock } from '../clock';
import { issuesOf } from '../common';
import { DomainError } from '../errors';
import { pairStateError, validation, type PairChange } from './changes';
import { partnerOf, roleIn } from './membership';
import {
  assessmentSchema,
  feedbackSchema,
  type Assessment,
  type AssessmentPhase,
  type Feedback,
  type Pair,
  type PairingFit,
  type Session,
} from './schema';
import { assertOpen, sessionAt } from './sessions';

/** What the members say of the pair: feedback after each session and self-assessed progress. */

/** The latest pairing fit each member gave, from their feedback in time order. */
export function latestPairingFits(pair: Pair): { mentor?: PairingFit; mentee?: PairingFit } {
  const fits: { mentor?: PairingFit; mentee?: PairingFit } = {};
  const byTime = [...pair.feedback].sort((a, b) => a.at.localeCompare(b.at));
  for (const item of byTime) {
    if (!item.pairingFit) continue;
    if (item.fromId === pair.mentorId) fits.mentor = item.pairingFit;
    else if (item.fromId === pair.menteeId) fits.mentee = item.pairingFit;
  }
  return fits;
}

/** True when both members, in their latest say, find the pairing a poor fit: time to talk to the lead. */
export function poorFitOnBothSides(pair: Pair): boolean {
  const fits = latestPairingFits(pair);
  return fits.mentor === 'poor' && fits.mentee === 'poor';
}

export type FeedbackInput = {
  rating: number;
  worked: string;
  suggestion: string;
  pairingFit?: PairingFit;
  /** Share `worked` and `suggestion` with the programme lead for the report (anonymously). */
  shareWithLead?: boolean;
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
    a.pairingFit === b.pairingFit &&
    (a.shareWithLead ?? false) === (b.shareWithLead ?? false)
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
