import { z } from 'zod';
import type { Clock } from './clock';
import { dateTime, idOf, idSchema, integer, tenantIdSchema, text } from './common';
import { DomainError } from './errors';
import { holdsLease, isLeaseLive, leaseSchema, takeLease } from './lease';

export const notificationKinds = [
  'reminder_before_session',
  'no_session_booked',
  'no_session_held',
  'feedback_pending',
  'agreement_unsigned',
  'proposal_expiring',
  'approval_pending',
  'welcome',
  'approval_request',
  'pair_told_outcome',
  'session_moved',
  'session_declined',
  'session_cancelled',
  /** A proposal was published to the person (by the lead, or by a repair after a decline). */
  'proposal_published',
  /** The programme lead nudges an at-risk pair (each member, in their language). */
  'lead_nudge',
  /** The programme lead reminds someone invited (imported) who has not joined yet. */
  'join_reminder',
  /** The person's partner asked for their data to be erased: the pair ended. */
  'partner_left',
  /** Quick help (payload.requestId): an offer to a buddy, caused by the ask or a new round. */
  'buddy_offer',
  /** Quick help: a buddy accepted; both get the connect card. */
  'buddy_matched',
  /** Quick help: after the slot or 24 hours, "Did it help?" / "Done?". */
  'buddy_close',
  /** Quick help: three rounds and nobody; the asker may widen or volunteer. */
  'buddy_unanswered',
] as const;
export const notificationKindSchema = z.enum(notificationKinds, {
  error: `kind must be one of ${notificationKinds.join(', ')}`,
});
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notificationStatuses = ['pending', 'claimed', 'sent', 'failed', 'cancelled'] as const;
export const notificationStatusSchema = z.enum(notificationStatuses, {
  error: 'status must be one of pending, claimed, sent, failed, cancelled',
});
export type NotificationStatus = z.infer<typeof notificationStatusSchema>;

/** Who is sending it and until when the claim holds (a crashed sender's claim runs out). */
export const notificationClaimSchema = leaseSchema('claim');
export type NotificationClaim = z.infer<typeof notificationClaimSchema>;

export const notificationSchema = z.object({
  /** The idempotency key from `notificationKey`: the same reminder is never stored twice. */
  id: idSchema,
  tenantId: tenantIdSchema,
  kind: notificationKindSchema,
  recipientId: idOf('recipientId'),
  pairId: idOf('pairId').optional(),
  dueAt: dateTime('dueAt'),
  status: notificationStatusSchema,
  claim: notificationClaimSchema.optional(),
  attempts: integer('attempts', 0, 1000),
  lastError: text('lastError', { max: 2000 }).optional(),
  sentAt: dateTime('sentAt').optional(),
  payload: z.record(z.string(), z.unknown(), { error: 'payload must be an object' }),
});
export type Notification = z.infer<typeof notificationSchema>;

/**
 * The idempotency key of a notification: `kind:subjectId:dueAt` with `dueAt` normalised to
 * milliseconds in UTC, so two schedulers computing the same reminder produce the same id.
 */
export function notificationKey(
  kind: NotificationKind,
  subjectId: string,
  dueAt: string | Date,
): string {
  const due = new Date(dueAt);
  if (Number.isNaN(due.getTime())) {
    throw new DomainError('validation_failed', 'dueAt must be a valid date-time', {
      issues: [{ path: 'dueAt', message: 'dueAt must be a valid date-time' }],
    });
  }
  if (subjectId.length === 0 || /[/\\?#]/.test(subjectId)) {
    throw new DomainError('validation_failed', 'subjectId must be non-empty without / \\ ? or #', {
      issues: [{ path: 'subjectId', message: 'subjectId must be non-empty without / \\ ? or #' }],
    });
  }
  return `${kind}:${subjectId}:${due.toISOString()}`;
}

/** An ISO date-time as `toISOString` writes it (years 0000–9999): the last 24 characters of a key. */
const keyTimeLength = 24;
const keyTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The time a `notificationKey` was made from (its last 24 characters), or undefined when `id` is
 * not such a key. The same event replayed makes the same key, hence the same time.
 */
export function notificationKeyTime(id: string): string | undefined {
  const tail = id.slice(-keyTimeLength);
  if (id.length <= keyTimeLength || id[id.length - keyTimeLength - 1] !== ':') return undefined;
  return keyTimePattern.test(tail) && !Number.isNaN(Date.parse(tail)) ? tail : undefined;
}

/**
 * A notification caused by an event (an approval asked or decided, a proposal published, a buddy
 * offer): due at once, sent by the dispatcher as soon as it is woken (src/services/outbox).
 */
export type EventNotice = {
  tenantId: string;
  kind: NotificationKind;
  recipientId: string;
  /**
   * What the message is about, unique per recipient for this kind (e.g. `${approvalId}` or
   * `${requestId}.${buddyId}`): with `at` it makes the idempotency key.
   */
  subjectId: string;
  /**
   * When the event happened, as stored with it (the approval's createdAt, the decision's
   * decidedAt): a retry of the event then finds the same key and queues nothing new.
   */
  at: string;
  pairId?: string;
  payload: Record<string, unknown>;
};

/** The pending notification of an event: keyed by kind, subject and time, due when it happened. */
export function eventNotification(notice: EventNotice): Notification {
  const id = notificationKey(notice.kind, notice.subjectId, notice.at);
  return {
    id,
    tenantId: notice.tenantId,
    kind: notice.kind,
    recipientId: notice.recipientId,
    ...(notice.pairId ? { pairId: notice.pairId } : {}),
    dueAt: new Date(notice.at).toISOString(),
    status: 'pending',
    attempts: 0,
    payload: notice.payload,
  };
}

type NotificationChange = { notification: Notification; changed: boolean };

function notificationError(
  notification: Notification,
  to: NotificationStatus,
  why: string,
): DomainError {
  return new DomainError('invalid_transition', why, {
    entity: 'notification',
    id: notification.id,
    from: notification.status,
    to,
  });
}

/** True when a sender may claim it now: pending and due, or claimed by a sender whose lease ran out. */
export function isClaimable(notification: Notification, clock: Clock): boolean {
  const now = clock.now().toISOString();
  if (notification.status === 'pending') return notification.dueAt <= now;
  return notification.status === 'claimed' && !isLeaseLive(notification.claim, clock.now());
}

/**
 * Sender `by` takes the notification for `leaseMs`; the write that stores it must be conditional
 * on the ETag so two instances never both win. Claiming again while holding it is a no-op.
 */
export function claimNotification(
  notification: Notification,
  by: string,
  leaseMs: number,
  clock: Clock,
): NotificationChange {
  const now = clock.now();
  if (notification.status === 'claimed' && holdsLease(notification.claim, by, now)) {
    return { notification, changed: false };
  }
  if (!isClaimable(notification, clock)) {
    throw notificationError(
      notification,
      'claimed',
      notification.status === 'pending'
        ? `Notification ${notification.id} is not due yet`
        : `Notification ${notification.id} is ${notification.status} and cannot be claimed`,
    );
  }
  return {
    notification: {
      ...notification,
      status: 'claimed',
      claim: takeLease(by, now, leaseMs),
      attempts: notification.attempts + 1,
    },
    changed: true,
  };
}

function assertHolds(notification: Notification, by: string, to: NotificationStatus): void {
  if (notification.status !== 'claimed' || notification.claim?.by !== by) {
    throw notificationError(
      notification,
      to,
      `Notification ${notification.id} is not claimed by ${by}`,
    );
  }
}

/** The holder reports it sent; reporting it again is a no-op. */
export function markSent(notification: Notification, by: string, clock: Clock): NotificationChange {
  if (notification.status === 'sent') return { notification, changed: false };
  assertHolds(notification, by, 'sent');
  const { claim: _claim, lastError: _lastError, ...rest } = notification;
  return {
    notification: { ...rest, status: 'sent', sentAt: clock.now().toISOString() },
    changed: true,
  };
}

/**
 * The holder reports a failure. With `retryAt` it goes back to pending at that time (the id, its
 * idempotency key, keeps the original due time); without, it is failed for good.
 */
export function markFailed(
  notification: Notification,
  by: string,
  error: string,
  retryAt: string | undefined,
): NotificationChange {
  const to: NotificationStatus = retryAt === undefined ? 'failed' : 'pending';
  assertHolds(notification, by, to);
  const { claim: _claim, ...rest } = notification;
  const lastError = error.slice(0, 2000);
  if (retryAt === undefined) {
    return { notification: { ...rest, status: 'failed', lastError }, changed: true };
  }
  const due = new Date(retryAt);
  if (Number.isNaN(due.getTime())) {
    throw new DomainError('validation_failed', 'retryAt must be a valid date-time', {
      issues: [{ path: 'retryAt', message: 'retryAt must be a valid date-time' }],
    });
  }
  return {
    notification: { ...rest, status: 'pending', dueAt: due.toISOString(), lastError },
    changed: true,
  };
}

/** Cancels a notification that has not gone out (the session moved, the person left). */
export function cancelNotification(notification: Notification): NotificationChange {
  if (notification.status === 'cancelled') return { notification, changed: false };
  if (notification.status === 'sent' || notification.status === 'failed') {
    throw notificationError(
      notification,
      'cancelled',
      `Notification ${notification.id} is already ${notification.status}`,
    );
  }
  const { claim: _claim, ...rest } = notification;
  return { notification: { ...rest, status: 'cancelled' }, changed: true };
}
