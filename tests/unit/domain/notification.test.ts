import {
  isDomainError,
  issuesOf,
  notificationKey,
  notificationSchema,
  type DomainError,
} from '../../../src/domain';
import { aNotification } from '../../fixtures/builders';

const thrown = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
};

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
