import { notificationKeyTime, type Notification, type NotificationStatus } from './notification';

const day = 86_400_000;

/** A notification in one of these states will never be sent: it may be purged once old. */
export const finalNotificationStatuses = [
  'sent',
  'failed',
  'cancelled',
] as const satisfies readonly NotificationStatus[];

/** How long a final notification is kept by default (NOTIFICATION_RETENTION_DAYS). */
export const defaultNotificationRetentionDays = 90;

/**
 * Nothing is queued whose key time (the time in its idempotency key, else its due time) is more
 * than this far in the past. Several producers derive the same key again for as long as their
 * condition holds, with no end: the planner re-plans a pending approval's card and reminder, the
 * "no session booked" and "no session held" nudges of a pair that stays quiet, and feedback
 * nudges; a retried event (a signature, a decision, a calendar refresh) queues its key again.
 * Today the stored document answers "already queued"; once it is purged, only this horizon keeps
 * the same message from going out a second time. The retention is at least this long, so a purged
 * key is always older than the horizon when it comes back.
 */
export const notificationReplayHorizonDays = 30;

/** The shortest retention allowed: a purged key must be past the replay horizon. */
export const minNotificationRetentionDays = notificationReplayHorizonDays;

/** The time a replay of this notification would carry: its key's time, else its due time. */
export function keyTimeOf(notification: Pick<Notification, 'id' | 'dueAt'>): string {
  return notificationKeyTime(notification.id) ?? new Date(notification.dueAt).toISOString();
}

/**
 * True when the notification must not be queued at `now`: its key time is past the replay
 * horizon, so it may have been sent and purged already (and a message that late is pointless).
 */
export function isTooLateToQueue(
  notification: Pick<Notification, 'id' | 'dueAt'>,
  now: Date,
): boolean {
  return Date.parse(keyTimeOf(notification)) < now.getTime() - notificationReplayHorizonDays * day;
}

/** Final notifications whose times are all before this are purged. */
export function notificationPurgeCutoff(now: Date, retentionDays: number): Date {
  const days = Math.max(minNotificationRetentionDays, retentionDays);
  return new Date(now.getTime() - days * day);
}

/** What the purge needs of a stored notification (the store reads only these fields). */
export type PurgeCandidate = Pick<Notification, 'id' | 'tenantId' | 'status' | 'dueAt' | 'sentAt'>;

/**
 * True when the notification may be deleted at `now`: in a final state, and due, sent and keyed
 * (its key's time) more than `retentionDays` ago. Due and sent stand for when it reached its final
 * state: a due notification is claimed within seconds and sent, failed or released within a lease,
 * and one cancelled was cancelled before it went out. The key's time matters for messages keyed by
 * something other than when they are due (a session moved or declined is keyed by the session's
 * time): until that time is past the retention, a replay could still make the same key.
 * Pending and claimed notifications are never purged.
 */
export function isPurgeable(candidate: PurgeCandidate, now: Date, retentionDays: number): boolean {
  const cutoff = notificationPurgeCutoff(now, retentionDays).toISOString();
  const final = (finalNotificationStatuses as readonly string[]).includes(candidate.status);
  const keyTime = notificationKeyTime(candidate.id);
  return (
    final &&
    new Date(candidate.dueAt).toISOString() < cutoff &&
    (candidate.sentAt === undefined || new Date(candidate.sentAt).toISOString() < cutoff) &&
    (keyTime === undefined || keyTime < cutoff)
  );
}
