import type { CalendarChange } from '../../contracts/calendar';
import {
  notificationKey,
  type Notification,
  type NotificationKind,
} from '../../domain/notification';
import type { Pair } from '../../domain/pair/schema';

export type CalendarNoticeInput = {
  /** The pair as it was before the changes were applied (a moved session's old start). */
  pair: Pair;
  changes: readonly CalendarChange[];
  /** The member who saw the changes on screen: told already, so not notified. */
  seenBy?: string | undefined;
  now: Date;
};

/**
 * The bot messages for what a refresh found in the calendar: a moved or cancelled session goes to
 * both members, a decline to the partner of who declined; the member looking at the dashboard is
 * told there instead. Pure; ids are idempotency keys derived from the change itself, so finding the
 * same change again (another instance, a retry) queues nothing new.
 */
export function calendarChangeNotices(input: CalendarNoticeInput): Notification[] {
  const { pair, changes, seenBy, now } = input;
  const members = [pair.mentorId, pair.menteeId];
  const snapshot = (id: string) =>
    id === pair.mentorId ? pair.members?.mentor : pair.members?.mentee;
  const nameOf = (id: string) => snapshot(id)?.displayName ?? id;
  const zoneOf = (id: string) => snapshot(id)?.timeZone ?? 'UTC';
  const partnerOf = (id: string) => (id === pair.mentorId ? pair.menteeId : pair.mentorId);
  const out: Notification[] = [];
  const add = (
    kind: NotificationKind,
    subject: string,
    recipientId: string,
    keyDate: string,
    payload: Record<string, unknown>,
  ) =>
    out.push({
      id: notificationKey(kind, `${pair.id}.${subject}.${recipientId}`, keyDate),
      tenantId: pair.tenantId,
      kind,
      recipientId,
      pairId: pair.id,
      dueAt: now.toISOString(),
      status: 'pending',
      attempts: 0,
      payload: { ...payload, timeZone: zoneOf(recipientId) },
    });
  for (const change of changes) {
    const session = pair.sessions.find((s) => s.id === change.sessionId);
    if (!session) continue;
    const told = (id: string) => id !== seenBy;
    if (change.kind === 'moved' && change.start) {
      for (const to of members.filter(told)) {
        add('session_moved', session.id, to, change.start, {
          partnerName: nameOf(partnerOf(to)),
          from: session.start,
          to: new Date(change.start).toISOString(),
        });
      }
    } else if (change.kind === 'cancelled') {
      for (const to of members.filter(told)) {
        add('session_cancelled', session.id, to, session.start, {
          partnerName: nameOf(partnerOf(to)),
          start: session.start,
        });
      }
    } else if (change.kind === 'declined' && change.personId) {
      const to = partnerOf(change.personId);
      if (!members.includes(change.personId) || !told(to)) continue;
      add('session_declined', `${session.id}.${change.personId}`, to, session.start, {
        partnerName: nameOf(change.personId),
        start: session.start,
      });
    }
  }
  return out;
}
