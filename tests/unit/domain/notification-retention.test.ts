import {
  isPurgeable,
  isTooLateToQueue,
  keyTimeOf,
  notificationKey,
  notificationKeyTime,
  notificationPurgeCutoff,
  notificationReplayHorizonDays,
} from '../../../src/domain';
import { aNotification } from '../../fixtures/builders';

const now = new Date('2026-09-01T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

describe('the time of an idempotency key', () => {
  it('is the time the key was made from', () => {
    const id = notificationKey(
      'session_declined',
      'pair-1.s-3.mentor-1.mentee-1',
      '2026-10-06T09:00:00Z',
    );
    expect(notificationKeyTime(id)).toBe('2026-10-06T09:00:00.000Z');
  });

  it('is unknown for an id that is not a key', () => {
    expect(notificationKeyTime('reminder-42')).toBeUndefined();
    expect(notificationKeyTime('2026-10-06T09:00:00.000Z')).toBeUndefined();
    expect(notificationKeyTime('x:2026-13-45T09:00:00.000Z')).toBeUndefined();
  });

  it('falls back to the due time for an id that is not a key', () => {
    expect(keyTimeOf({ id: 'reminder-42', dueAt: '2026-03-01T08:00:00Z' })).toBe(
      '2026-03-01T08:00:00.000Z',
    );
  });
});

describe('queuing a notification whose key is old', () => {
  const keyed = (at: string) => {
    const dueAt = at;
    return aNotification({ id: notificationKey('no_session_booked', 'pair-1.m', at), dueAt });
  };

  it('is refused past the replay horizon: a purged key must not be sent again', () => {
    expect(isTooLateToQueue(keyed(daysAgo(notificationReplayHorizonDays + 1)), now)).toBe(true);
  });

  it('is accepted within the horizon (a nudge planned late, an event retried)', () => {
    expect(isTooLateToQueue(keyed(daysAgo(notificationReplayHorizonDays - 1)), now)).toBe(false);
    expect(isTooLateToQueue(keyed(daysAgo(0)), now)).toBe(false);
  });

  it('goes by the key, not the due time: a decline found today about a session long past', () => {
    const id = notificationKey('session_declined', 'pair-1.s-1.mentee-1.mentor-1', daysAgo(60));
    expect(isTooLateToQueue(aNotification({ id, dueAt: now.toISOString() }), now)).toBe(true);
  });
});

describe('purging a notification', () => {
  const old = daysAgo(91);
  const final = (status: 'sent' | 'failed' | 'cancelled', at = old) =>
    aNotification({
      id: notificationKey('reminder_before_session', 'pair-1.s-1.mentee-1.15', at),
      dueAt: at,
      status,
      ...(status === 'sent' ? { sentAt: at } : {}),
    });

  it('deletes sent, failed and cancelled ones due and sent more than the retention ago', () => {
    for (const status of ['sent', 'failed', 'cancelled'] as const) {
      expect(isPurgeable(final(status), now, 90), status).toBe(true);
    }
  });

  it('never deletes a pending or claimed one, however old', () => {
    expect(isPurgeable(aNotification({ dueAt: daysAgo(400), status: 'pending' }), now, 90)).toBe(
      false,
    );
    const claimed = aNotification({
      dueAt: daysAgo(400),
      status: 'claimed',
      claim: { by: 'instance-1', until: daysAgo(399) },
    });
    expect(isPurgeable(claimed, now, 90)).toBe(false);
  });

  it('keeps one due, sent or keyed within the retention', () => {
    expect(isPurgeable(final('sent', daysAgo(89)), now, 90)).toBe(false);
    // Retried until it went out recently.
    expect(isPurgeable({ ...final('sent'), sentAt: daysAgo(10) }, now, 90)).toBe(false);
    // Cancelled ahead of a session still to come: its due time is in the future.
    expect(isPurgeable({ ...final('cancelled'), dueAt: daysAgo(-30) }, now, 90)).toBe(false);
    // A session declined, told long ago, about a session whose time (the key's) is recent.
    const id = notificationKey('session_declined', 'pair-1.s-9.mentee-1.mentor-1', daysAgo(5));
    expect(isPurgeable({ ...final('sent'), id }, now, 90)).toBe(false);
  });

  it('never counts a retention shorter than the replay horizon', () => {
    expect(notificationPurgeCutoff(now, 1).toISOString()).toBe(
      daysAgo(notificationReplayHorizonDays),
    );
    expect(isPurgeable(final('sent', daysAgo(notificationReplayHorizonDays - 1)), now, 1)).toBe(
      false,
    );
  });
});
