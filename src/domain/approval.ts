import { z } from 'zod';
import type { Clock } from './clock';
import {
  date,
  dateTime,
  daysInOrder,
  group,
  idOf,
  idSchema,
  integer,
  tenantIdSchema,
  text,
} from './common';
import { DomainError } from './errors';
import type { Pair } from './pair/schema';
import { frequencySchema, type Frame, type Frequency } from './programme';
import { addDays, toLocal } from './calendar/local-time';

/** The dedicated time a manager is asked to grant. */
export const approvalRequestSchema = group('request', {
  sessions: integer('request.sessions', 1, 52),
  durationMinutes: integer('request.durationMinutes', 15, 240),
  frequency: frequencySchema,
  /** First and last session days. */
  from: date('request.from'),
  to: date('request.to'),
  totalMinutes: integer('request.totalMinutes', 15, 52 * 240),
})
  .refine((request) => daysInOrder(request.from, request.to), {
    error: 'request.to must be on or after request.from',
    path: ['to'],
  })
  .refine((request) => request.totalMinutes === request.sessions * request.durationMinutes, {
    error: 'request.totalMinutes must equal sessions × durationMinutes',
    path: ['totalMinutes'],
  });
export type ApprovalRequest = z.infer<typeof approvalRequestSchema>;

/**
 * Where a request that counts stands: what the pair's summary (`pair.approvals`) and its dashboard
 * show. A stored request can also be `superseded` (`StoredApprovalStatus`), never one that counts.
 */
export const approvalStatuses = ['pending', 'approved', 'declined'] as const;
export const approvalStatusSchema = z.enum(approvalStatuses, {
  error: 'status must be "pending", "approved" or "declined"',
});
export type ApprovalStatus = z.infer<typeof approvalStatusSchema>;

/**
 * Every status a stored request can have: those above, and `superseded`: replaced by a newer request
 * to the same member's manager (the pair signed an agreement asking for other time while it was
 * pending). Nobody decides a superseded request.
 */
export const storedApprovalStatuses = [...approvalStatuses, 'superseded'] as const;
export const storedApprovalStatusSchema = z.enum(storedApprovalStatuses, {
  error: 'status must be "pending", "approved", "declined" or "superseded"',
});
export type StoredApprovalStatus = z.infer<typeof storedApprovalStatusSchema>;

export const approvalDecisions = ['approved', 'declined'] as const;
export const approvalDecisionSchema = z.enum(approvalDecisions, {
  error: 'decision must be "approved" or "declined"',
});
export type ApprovalDecision = z.infer<typeof approvalDecisionSchema>;

export const approvalSchema = z.object({
  id: idSchema,
  tenantId: tenantIdSchema,
  pairId: idOf('pairId'),
  /** Whose time is asked for. */
  personId: idOf('personId'),
  /** Who decides: the person's manager. */
  managerId: idOf('managerId'),
  requestedBy: idOf('requestedBy'),
  /**
   * The agreement revision the request was made for (absent on requests made before it was kept):
   * after a decline, signing a new revision asks that manager again.
   */
  agreementRevision: integer('agreementRevision', 1, 100_000).optional(),
  request: approvalRequestSchema,
  status: storedApprovalStatusSchema,
  comment: text('comment', { max: 1000 }).optional(),
  decidedAt: dateTime('decidedAt').optional(),
  decidedBy: idOf('decidedBy').optional(),
  /** When `superseded`: the request that replaced it, and when. */
  supersededBy: idOf('supersededBy').optional(),
  supersededAt: dateTime('supersededAt').optional(),
  createdAt: dateTime('createdAt'),
});
export type Approval = z.infer<typeof approvalSchema>;

/** Adds `count` periods of `frequency` to a `YYYY-MM-DD` day (month ends clamp: 31 Jan + 1 month = 28/29 Feb). */
export function addPeriods(day: string, frequency: Frequency, count: number): string {
  const [year = 0, month = 1, dayOfMonth = 1] = day.split('-').map(Number);
  if (frequency === 'monthly') {
    const target = new Date(Date.UTC(year, month - 1 + count, 1));
    const lastDay = new Date(
      Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
    ).getUTCDate();
    target.setUTCDate(Math.min(dayOfMonth, lastDay));
    return target.toISOString().slice(0, 10);
  }
  const step = frequency === 'weekly' ? 7 : 14;
  return new Date(Date.UTC(year, month - 1, dayOfMonth + step * count)).toISOString().slice(0, 10);
}

/** The time request for a frame whose first session is on `startDay` (`YYYY-MM-DD`). */
export function approvalRequestFor(frame: Frame, startDay: string): ApprovalRequest {
  return {
    sessions: frame.sessions,
    durationMinutes: frame.durationMinutes,
    frequency: frame.frequency,
    from: startDay,
    to: addPeriods(startDay, frame.frequency, frame.sessions - 1),
    totalMinutes: frame.sessions * frame.durationMinutes,
  };
}

/**
 * The manager decides. Only the approval's manager may; the same decision twice is a no-op
 * (a double click decides once); a different decision after one was taken is refused.
 */
export function decide(
  approval: Approval,
  managerId: string,
  decision: ApprovalDecision,
  comment: string | undefined,
  clock: Clock,
): { approval: Approval; changed: boolean } {
  if (managerId !== approval.managerId) {
    throw new DomainError('forbidden', 'Only the manager asked can decide this approval', {
      approvalId: approval.id,
      managerId,
    });
  }
  if (approval.status === 'superseded') {
    throw new DomainError(
      'invalid_transition',
      'This request was replaced by a newer one: decide the new request',
      {
        entity: 'approval',
        id: approval.id,
        from: approval.status,
        to: decision,
        ...(approval.supersededBy !== undefined && { supersededBy: approval.supersededBy }),
      },
    );
  }
  if (approval.status === decision) return { approval, changed: false };
  if (approval.status !== 'pending') {
    throw new DomainError(
      'invalid_transition',
      `This approval was already ${approval.status}; it cannot become ${decision}`,
      { entity: 'approval', id: approval.id, from: approval.status, to: decision },
    );
  }
  const trimmed = comment?.trim();
  if (trimmed !== undefined && trimmed.length > 1000) {
    throw new DomainError('validation_failed', 'comment must be at most 1000 characters', {
      issues: [{ path: 'comment', message: 'comment must be at most 1000 characters' }],
    });
  }
  const decided: Approval = {
    ...approval,
    status: decision,
    decidedAt: clock.now().toISOString(),
    decidedBy: managerId,
  };
  if (trimmed) decided.comment = trimmed;
  return { approval: decided, changed: true };
}

/** True when every approval in the list is granted and there is at least one. */
export function allApproved(approvals: readonly Approval[]): boolean {
  return approvals.length > 0 && approvals.every((approval) => approval.status === 'approved');
}

/**
 * The id of the request to `personId`'s manager for one revision of the pair's agreement:
 * deterministic, so a retried signature never asks twice.
 */
export function approvalIdFor(pairId: string, personId: string, agreementRevision: number): string {
  return `approval.${pairId}.${personId}.r${agreementRevision}`;
}

/**
 * True when two requests ask for the same time: sessions, duration, frequency and total. The
 * period (`from`, `to`) does not count: the agreement sets no dates, the period is derived from
 * when the pair signs (the next working day) or its first booked session, and its length follows
 * from sessions and frequency. Counting it would make every signature on another day a new
 * request, and an approval would never stand.
 */
export function sameTimeRequested(a: ApprovalRequest, b: ApprovalRequest): boolean {
  return (
    a.sessions === b.sessions &&
    a.durationMinutes === b.durationMinutes &&
    a.frequency === b.frequency &&
    a.totalMinutes === b.totalMinutes
  );
}

/**
 * A pending request replaced by `by` (a newer request to the same member's manager) becomes
 * `superseded`. Anything else is returned as it is (`changed: false`): a decision already taken
 * stays, as history, and superseding twice changes nothing.
 */
export function supersede(
  approval: Approval,
  by: string,
  clock: Clock,
): { approval: Approval; changed: boolean } {
  if (approval.status !== 'pending' || approval.id === by) return { approval, changed: false };
  return {
    approval: {
      ...approval,
      status: 'superseded',
      supersededBy: by,
      supersededAt: clock.now().toISOString(),
    },
    changed: true,
  };
}

/** A request that can count: anything but `superseded`. */
export type StandingApproval = Approval & { status: ApprovalStatus };

export function isStanding(approval: Approval): approval is StandingApproval {
  return approval.status !== 'superseded';
}

/**
 * The approvals that count now: for each member, the latest request (highest revision, then the
 * newest) that was not superseded. A decline superseded by a new request no longer holds the pair
 * back.
 */
export function currentApprovals(approvals: readonly Approval[]): StandingApproval[] {
  const latest = new Map<string, StandingApproval>();
  for (const approval of approvals) {
    if (!isStanding(approval)) continue;
    const seen = latest.get(approval.personId);
    if (!seen || isLater(approval, seen)) latest.set(approval.personId, approval);
  }
  return [...latest.values()];
}

function isLater(a: Approval, b: Approval): boolean {
  const ra = a.agreementRevision ?? 0;
  const rb = b.agreementRevision ?? 0;
  if (ra !== rb) return ra > rb;
  return a.createdAt > b.createdAt;
}

/** The next Monday-to-Friday day after `now` in `timeZone` (`YYYY-MM-DD`). */
export function nextWorkingDay(now: Date, timeZone: string): string {
  let day = addDays(toLocal(now.getTime(), timeZone).date, 1);
  while (['sat', 'sun'].includes(toLocal(Date.parse(`${day}T12:00:00Z`), 'UTC').weekday)) {
    day = addDays(day, 1);
  }
  return day;
}

/**
 * The first day of the time asked of a member whose clock is in `timeZone`: the first planned
 * session still to come (in their time zone) when the pair already booked one, else the next
 * working day; never before the programme starts (`programmeStart`, `YYYY-MM-DD`). A manager is
 * asked to grant time from when it is really used, and no time is used before the programme runs.
 */
export function requestStartDay(
  pair: Pair,
  timeZone: string,
  clock: Clock,
  programmeStart: string,
): string {
  const now = clock.now();
  const first = pair.sessions
    .filter((s) => s.status === 'planned' && Date.parse(s.start) >= now.getTime())
    .sort((a, b) => a.start.localeCompare(b.start))[0];
  const day = first
    ? toLocal(Date.parse(first.start), timeZone).date
    : nextWorkingDay(now, timeZone);
  return day < programmeStart ? programmeStart : day;
}
