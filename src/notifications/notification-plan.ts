import type { Approval } from '../domain/approval';
import { localDay } from '../domain/local-day';
import { notificationKey, type Notification, type NotificationKind } from '../domain/notification';
import { sessionsAwaitingFeedback } from '../domain/pair/feedback';
import type { MatchProposal } from '../domain/match-proposal';
import type { Pair } from '../domain/pair/schema';
import type { Person } from '../domain/person';
import type { Programme } from '../domain/programme';

const minute = 60_000;
const day = 24 * 60 * minute;

/** Thresholds of the nudges (issue 7). */
export const nudgeRules = {
  noSessionBookedAfterDays: 7,
  noSessionHeldForDays: 14,
  feedbackPendingAfterDays: 2,
  agreementUnsignedBeforeSessionIndex: 3,
  agreementUnsignedLeadDays: 2,
  approvalPendingAfterDays: 3,
  proposalExpiringBeforeDays: 1,
} as const;

export type PlanInput = {
  pair: Pair;
  programme: Pick<Programme, 'reminderOffsetsMinutes'>;
  /** The pair's members (and managers for approvals), by id. */
  people: ReadonlyMap<string, Person>;
  approvals: readonly Approval[];
  now: Date;
};

/**
 * Every notification the pair needs as of `now`: session reminders ahead of time, and the nudges
 * whose condition holds now. Pure: the same input gives the same ids (idempotency keys), so any
 * number of scheduler instances can plan at once and each notification is stored once.
 */
export function planPairNotifications(input: PlanInput): Notification[] {
  const { pair, now } = input;
  const out: Notification[] = [];
  const nowMs = now.getTime();
  const name = (id: string) => input.people.get(id)?.displayName ?? id;
  const zone = (id: string) => input.people.get(id)?.timeZone ?? 'UTC';
  const members = [pair.mentorId, pair.menteeId];
  const partner = (id: string) => (id === pair.mentorId ? pair.menteeId : pair.mentorId);
  const add = (
    kind: NotificationKind,
    subject: string,
    recipientId: string,
    dueAt: number,
    payload: Record<string, unknown>,
  ) =>
    out.push({
      id: notificationKey(kind, subject, new Date(dueAt)),
      tenantId: pair.tenantId,
      kind,
      recipientId,
      pairId: pair.id,
      dueAt: new Date(dueAt).toISOString(),
      status: 'pending',
      attempts: 0,
      payload,
    });

  // Approvals: the request card as soon as it exists, a reminder to the manager after 3 days.
  for (const approval of input.approvals) {
    if (approval.status !== 'pending') continue;
    const created = Date.parse(approval.createdAt);
    add('approval_request', approval.id, approval.managerId, created, { approvalId: approval.id });
    const late = created + nudgeRules.approvalPendingAfterDays * day;
    if (late <= nowMs) {
      add('approval_pending', approval.id, approval.managerId, late, { approvalId: approval.id });
    }
  }

  if (pair.state !== 'active') return out;

  // Reminders before each planned session (default 24 h and 15 min, set per programme).
  for (const session of pair.sessions) {
    const start = Date.parse(session.start);
    if (session.status !== 'planned' || start <= nowMs) continue;
    for (const offset of input.programme.reminderOffsetsMinutes) {
      const due = start - offset * minute;
      // A session booked at short notice: a reminder more than half its lead late is pointless.
      if (due < nowMs - (offset * minute) / 2) continue;
      for (const member of members) {
        add(
          'reminder_before_session',
          `${pair.id}.${session.id}.${member}.${offset}`,
          member,
          due,
          {
            partnerName: name(partner(member)),
            startsAt: new Date(start).toISOString(),
            durationMinutes: session.durationMinutes,
            leadMinutes: offset,
            timeZone: zone(member),
            ...(pair.agreement.subject ? { topic: pair.agreement.subject } : {}),
          },
        );
      }
    }
  }

  const activatedAt = [...pair.history].reverse().find((h) => h.to === 'active')?.at;
  const started = Date.parse(activatedAt ?? pair.createdAt);
  const booked = pair.sessions.some((s) => s.status === 'planned' || s.status === 'held');
  const noBooking = started + nudgeRules.noSessionBookedAfterDays * day;
  if (!booked && noBooking <= nowMs) {
    for (const member of members) {
      add('no_session_booked', `${pair.id}.${member}`, member, noBooking, {
        partnerName: name(partner(member)),
      });
    }
  }

  const lastHeld = pair.sessions
    .filter((s) => s.status === 'held')
    .map((s) => Date.parse(s.start))
    .sort((a, b) => b - a)[0];
  const quietSince = lastHeld ?? started;
  const quiet = quietSince + nudgeRules.noSessionHeldForDays * day;
  if (booked && quiet <= nowMs) {
    for (const member of members) {
      add('no_session_held', `${pair.id}.${member}`, member, quiet, {
        partnerName: name(partner(member)),
      });
    }
  }

  const clock = { now: () => now };
  for (const member of members) {
    for (const session of sessionsAwaitingFeedback(pair, member, clock)) {
      const ended = Date.parse(session.start) + session.durationMinutes * minute;
      const due = ended + nudgeRules.feedbackPendingAfterDays * day;
      if (due > nowMs) continue;
      add('feedback_pending', `${pair.id}.${session.id}.${member}`, member, due, {
        partnerName: name(partner(member)),
        day: localDay(session.start, zone(member)),
        sessionId: session.id,
      });
    }
  }

  const third = pair.sessions.find(
    (s) => s.index === nudgeRules.agreementUnsignedBeforeSessionIndex && s.status === 'planned',
  );
  if (third) {
    const due = Date.parse(third.start) - nudgeRules.agreementUnsignedLeadDays * day;
    const { revision, signatures } = pair.agreement;
    const unsigned = [
      signatures.mentor?.revision === revision ? undefined : pair.mentorId,
      signatures.mentee?.revision === revision ? undefined : pair.menteeId,
    ].filter((id): id is string => id !== undefined);
    if (due <= nowMs && Date.parse(third.start) > nowMs) {
      for (const member of unsigned) {
        add('agreement_unsigned', `${pair.id}.${member}.r${revision}`, member, due, {
          partnerName: name(partner(member)),
        });
      }
    }
  }
  return out;
}

/** A published proposal still waiting for an answer (the parts the nudge needs). */
export type OpenProposal = Pick<
  MatchProposal,
  'id' | 'tenantId' | 'mentorId' | 'menteeId' | 'status' | 'answers' | 'expiresAt'
>;

/** Proposals expiring within a day: a nudge to each side that has not answered. */
export function planProposalNotifications(
  proposal: OpenProposal,
  people: ReadonlyMap<string, Person>,
  now: Date,
): Notification[] {
  const expires = Date.parse(proposal.expiresAt);
  const due = expires - nudgeRules.proposalExpiringBeforeDays * day;
  if (proposal.status !== 'proposed' || due > now.getTime() || expires <= now.getTime()) return [];
  const sides = [
    ['mentor', proposal.mentorId, proposal.menteeId],
    ['mentee', proposal.menteeId, proposal.mentorId],
  ] as const;
  return sides
    .filter(([side]) => proposal.answers[side] === undefined)
    .map(([, recipientId, partnerId]) => ({
      id: notificationKey('proposal_expiring', `${proposal.id}.${recipientId}`, new Date(due)),
      tenantId: proposal.tenantId,
      kind: 'proposal_expiring' as const,
      recipientId,
      dueAt: new Date(due).toISOString(),
      status: 'pending' as const,
      attempts: 0,
      payload: {
        partnerName: people.get(partnerId)?.displayName ?? partnerId,
        day: localDay(proposal.expiresAt, people.get(recipientId)?.timeZone ?? 'UTC'),
      },
    }));
}
