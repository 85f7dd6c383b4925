import {
  cancelNotification,
  claimNotification,
  eventNotification,
  fixedClock,
  isClaimable,
  markFailed,
  markSent,
  issuesOf,
  notificationKey,
  notificationSchema,
} from '../../../src/domain';
import { aNotification } from '../../fixtures/builders';
import { thrown } from '../../support/thrown';

describe('a notification caused by an event', () => {
  it('is pending, due when the event happened, keyed by kind, subject and that time', () => {
    const notice = {
      tenantId: 'tenant-1',
      kind: 'approval_request' as const,
      recipientId: 'manager-1',
      subjectId: 'approval.pair-1.mentee-1.r1',
      at: '2026-03-05T09:00:00Z',
      pairId: 'pair-1',
      payload: { approvalId: 'approval.pair-1.mentee-1.r1' },
    };
    const queued = eventNotification(notice);
    expect(queued).toEqual({
      // The planner's key for the same request's card (notification-plan.ts): stored once.
      id: notificationKey('approval_request', notice.subjectId, new Date(notice.at)),
      tenantId: 'tenant-1',
      kind: 'approval_request',
      recipientId: 'manager-1',
      pairId: 'pair-1',
      dueAt: '2026-03-05T09:00:00.000Z',
      status: 'pending',
      attempts: 0,
      payload: { approvalId: 'approval.pair-1.mentee-1.r1' },
    });
    expect(notificationSchema.safeParse(queued).success).toBe(true);
    // The same event enqueued again (a retried request): the same key.
    expect(eventNotification({ ...notice, at: '2026-03-05T09:00:00.000Z' }).id).toBe(queued.id);
    const { pairId: _pairId, ...withoutPair } = notice;
    expect(eventNotification(withoutPair)).not.toHaveProperty('pairId');
  });
});

describe('notification key', () => {
  it('is the same for the same reminder however the time is written', () => {
    const a = notificationKey('reminder_before_session', 'session-9', '2026-03-10T08:45:00Z');
    const b = notificationKey('reminder_before_session', 'session-9', '2026-03-10T08:45:00.000Z');
    const c = notificationKey(
      'reminder_before_session',
      'session-9',
      new Date('2026-03-10T08:45:00Z'),
    );
    expect(a).toBe('reminder_before_session:session-9:2026-03-10T08:45:00.000Z');
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('differs by kind, subject and due time', () => {
    const base = notificationKey('feedback_pending', 'pair-1', '2026-03-10T10:00:00Z');
    expect(notificationKey('no_session_held', 'pair-1', '2026-03-10T10:00:00Z')).not.toBe(base);
    expect(notificationKey('feedback_pending', 'pair-2', '2026-03-10T10:00:00Z')).not.toBe(base);
    expect(notificationKey('feedback_pending', 'pair-1', '2026-03-10T10:00:01Z')).not.toBe(base);
  });

  it('is a valid document id', () => {
    const key = notificationKey('welcome', 'person-1', '2026-03-10T10:00:00Z');
    expect(notificationSchema.safeParse(aNotification({ id: key })).success).toBe(true);
  });

  it('refuses an invalid due time or a subject Cosmos cannot hold in an id', () => {
    expect(thrown(() => notificationKey('welcome', 'person-1', 'tomorrow')).code).toBe(
      'validation_failed',
    );
    expect(thrown(() => notificationKey('welcome', 'a/b', '2026-03-10T10:00:00Z')).code).toBe(
      'validation_failed',
    );
    expect(thrown(() => notificationKey('welcome', '', '2026-03-10T10:00:00Z')).code).toBe(
      'validation_failed',
    );
  });
});

describe('notification schema', () => {
  it('explains an unknown kind and a negative attempt count', () => {
    const result = notificationSchema.safeParse({ ...aNotification(), kind: 'spam', attempts: -1 });
    expect(result.success ? [] : issuesOf(result.error).map((i) => i.path)).toEqual([
      'kind',
      'attempts',
    ]);
    expect(result.success ? '' : result.error.issues[0]?.message).toMatch(
      /^kind must be one of reminder_before_session/,
    );
  });

  it('a claimed notification carries who claimed it and until when', () => {
    const claimed = aNotification({
      status: 'claimed',
      claim: { by: 'instance-a', until: '2026-03-09T09:01:00.000Z' },
      attempts: 1,
    });
    expect(claimed.claim?.by).toBe('instance-a');
    const bad = notificationSchema.safeParse({
      ...claimed,
      claim: { by: 'instance-a', until: 'soon' },
    });
    expect(bad.success ? [] : issuesOf(bad.error)).toEqual([
      {
        path: 'claim.until',
        message: 'claim.until must be an ISO date-time in UTC, like 2026-03-02T09:00:00Z',
      },
    ]);
  });
});

describe('notification lifecycle', () => {
  const due = '2026-03-09T09:00:00.000Z';
  const clock = fixedClock('2026-03-09T09:00:05.000Z');

  it('a due pending notification is claimed for a lease and counts an attempt', () => {
    const { notification, changed } = claimNotification(
      aNotification({ dueAt: due }),
      'instance-a',
      30_000,
      clock,
    );
    expect(changed).toBe(true);
    expect(notification).toMatchObject({
      status: 'claimed',
      claim: { by: 'instance-a', until: '2026-03-09T09:00:35.000Z' },
      attempts: 1,
    });
    expect(notificationSchema.safeParse(notification).success).toBe(true);
  });

  it('a notification not yet due cannot be claimed', () => {
    const early = aNotification({ dueAt: '2026-03-09T10:00:00.000Z' });
    expect(isClaimable(early, clock)).toBe(false);
    expect(thrown(() => claimNotification(early, 'instance-a', 30_000, clock)).code).toBe(
      'invalid_transition',
    );
  });

  it('a second sender cannot claim a live claim, but takes over an expired one', () => {
    const claimed = claimNotification(
      aNotification({ dueAt: due }),
      'instance-a',
      30_000,
      clock,
    ).notification;
    expect(claimNotification(claimed, 'instance-a', 30_000, clock).changed).toBe(false);
    const error = thrown(() => claimNotification(claimed, 'instance-b', 30_000, clock));
    expect(error.code).toBe('invalid_transition');
    const later = fixedClock('2026-03-09T09:00:35.000Z');
    const taken = claimNotification(claimed, 'instance-b', 30_000, later).notification;
    expect(taken.claim?.by).toBe('instance-b');
    expect(taken.attempts).toBe(2);
  });

  it('only the holder marks it sent; marking it sent again is a no-op', () => {
    const claimed = claimNotification(
      aNotification({ dueAt: due }),
      'instance-a',
      30_000,
      clock,
    ).notification;
    expect(thrown(() => markSent(claimed, 'instance-b', clock)).code).toBe('invalid_transition');
    const sent = markSent(claimed, 'instance-a', clock).notification;
    expect(sent.status).toBe('sent');
    expect(sent.sentAt).toBe('2026-03-09T09:00:05.000Z');
    expect(sent.claim).toBeUndefined();
    expect(markSent(sent, 'instance-a', clock)).toEqual({ notification: sent, changed: false });
    expect(thrown(() => claimNotification(sent, 'instance-a', 30_000, clock)).code).toBe(
      'invalid_transition',
    );
  });

  it('a failure with a retry time goes back to pending then, keeping its key', () => {
    const original = aNotification({ dueAt: due });
    const claimed = claimNotification(original, 'instance-a', 30_000, clock).notification;
    const retried = markFailed(
      claimed,
      'instance-a',
      'HTTP 429',
      '2026-03-09T09:01:05Z',
    ).notification;
    expect(retried).toMatchObject({
      id: original.id,
      status: 'pending',
      dueAt: '2026-03-09T09:01:05.000Z',
      lastError: 'HTTP 429',
      attempts: 1,
    });
    expect(retried.claim).toBeUndefined();
    const gaveUp = markFailed(
      claimNotification(retried, 'instance-a', 30_000, fixedClock('2026-03-09T09:02:00Z'))
        .notification,
      'instance-a',
      'HTTP 403',
      undefined,
    ).notification;
    expect(gaveUp.status).toBe('failed');
    expect(gaveUp.attempts).toBe(2);
  });

  it('cancels what has not gone out, and nothing that has', () => {
    expect(cancelNotification(aNotification()).notification.status).toBe('cancelled');
    const cancelled = aNotification({ status: 'cancelled' });
    expect(cancelNotification(cancelled).changed).toBe(false);
    expect(thrown(() => cancelNotification(aNotification({ status: 'sent' }))).code).toBe(
      'invalid_transition',
    );
  });
});
