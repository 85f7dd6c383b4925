import { z } from 'zod';
import { dateTime, idOf, idSchema, integer, tenantIdSchema, text } from './common';
import { DomainError } from './errors';

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
export const notificationClaimSchema = z.object({
  by: idOf('claim.by'),
  until: dateTime('claim.until'),
});
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
