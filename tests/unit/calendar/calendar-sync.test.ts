import {
  calendarSyncSchema,
  claimRefresh,
  completeRefresh,
  isRefreshDue,
  releaseRefresh,
  type CalendarSync,
} from '../../../src/domain/calendar/calendar-sync';
import { calendarChangeNotices } from '../../../src/services/calendar/calendar-notices';
import { aPair, aSession, somePairMembers } from '../../fixtures/builders';

const now = new Date('2027-01-13T09:00:00.000Z');
const MINUTE = 60_000;
const target = { tenantId: 't-1', pairId: 'pair-1', seriesId: 'series-1' };

const aSync = (overrides: Partial<CalendarSync> = {}): CalendarSync =>
  calendarSyncSchema.parse({
    id: 'sync-pair-1',
    tenantId: 't-1',
    kind: 'sync',
    pairId: 'pair-1',
    seriesId: 'series-1',
    refreshedAt: '2027-01-13T08:58:00.000Z',
    declines: [],
    updatedAt: '2027-01-13T08:58:00.000Z',
    ...overrides,
  });

describe('when a series is read again', () => {
  it('a series never read, or read for another series, is due', () => {
    expect(isRefreshDue(undefined, 'series-1', now, 5 * MINUTE)).toBe(true);
    expect(isRefreshDue(aSync({ seriesId: 'series-0' }), 'series-1', now, 5 * MINUTE)).toBe(true);
  });

  it('a read 2 minutes ago is not due within 5 minutes, but is when forced (0)', () => {
    expect(isRefreshDue(aSync(), 'series-1', now, 5 * MINUTE)).toBe(false);
    expect(isRefreshDue(aSync(), 'series-1', now, 0)).toBe(true);
  });

  it('a live claim by another instance is never due; an expired one is', () => {
    const claimed = aSync({
      refreshedAt: '2027-01-12T00:00:00.000Z',
      claim: { by: 'other', until: '2027-01-13T09:01:00.000Z' },
    });
    expect(isRefreshDue(claimed, 'series-1', now, 0)).toBe(false);
    const expired = { ...claimed, claim: { by: 'other', until: '2027-01-13T08:59:59.000Z' } };
    expect(isRefreshDue(expired, 'series-1', now, 5 * MINUTE)).toBe(true);
  });

  it('a claim keeps the last read and the declines of the same series, not of another', () => {
    const declines = [{ sessionId: 's-2', personId: 'mentee-1' }];
    const same = claimRefresh(aSync({ declines }), target, 'me', 2 * MINUTE, now);
    expect(same).toMatchObject({
      refreshedAt: '2027-01-13T08:58:00.000Z',
      claim: { by: 'me', until: '2027-01-13T09:02:00.000Z' },
      declines,
    });
    const other = claimRefresh(
      aSync({ seriesId: 'series-0', declines }),
      target,
      'me',
      MINUTE,
      now,
    );
    expect(other.declines).toEqual([]);
    expect(other.refreshedAt).toBeUndefined();
    expect(calendarSyncSchema.parse(other)).toEqual(other);
  });

  it('completing reports only declines not seen before, and drops the claim and last error', () => {
    const claimed = claimRefresh(
      aSync({ declines: [{ sessionId: 's-2', personId: 'mentee-1' }], lastError: 'boom' }),
      target,
      'me',
      MINUTE,
      now,
    );
    const seen = [
      { sessionId: 's-2', personId: 'mentee-1' },
      { sessionId: 's-3', personId: 'mentor-1' },
      { sessionId: 's-3', personId: 'mentor-1' },
    ];
    const { sync, newDeclines } = completeRefresh(claimed, seen, now);
    expect(newDeclines).toEqual([{ sessionId: 's-3', personId: 'mentor-1' }]);
    expect(sync.declines).toHaveLength(2);
    expect(sync.claim).toBeUndefined();
    expect(sync.lastError).toBeUndefined();
    expect(sync.refreshedAt).toBe(now.toISOString());
    // One who accepted again drops out, and declining again later is news again.
    const accepted = completeRefresh({ ...sync, claim: claimed.claim }, [], now).sync;
    expect(accepted.declines).toEqual([]);
  });

  it('a failed read hands the claim back and keeps the previous read time', () => {
    const claimed = claimRefresh(aSync(), target, 'me', MINUTE, now);
    const released = releaseRefresh(claimed, 'Access is denied', now);
    expect(released.claim).toBeUndefined();
    expect(released.refreshedAt).toBe('2027-01-13T08:58:00.000Z');
    expect(released.lastError).toBe('Access is denied');
  });
});

describe('what the bot tells the pair about calendar changes', () => {
  const session = aSession({ id: 's-1', start: '2027-01-14T14:00:00.000Z' });
  const pair = aPair({ id: 'pair-1', sessions: [session], members: somePairMembers() });

  it('a move goes to both members, except the one looking at the dashboard', () => {
    const change = { kind: 'moved' as const, sessionId: 's-1', start: '2027-01-15T14:00:00.000Z' };
    const both = calendarChangeNotices({ pair, changes: [change], now });
    expect(both.map((n) => [n.kind, n.recipientId, n.payload.timeZone])).toEqual([
      ['session_moved', 'mentor-1', 'Europe/Paris'],
      ['session_moved', 'mentee-1', 'America/Montreal'],
    ]);
    expect(both[1]?.payload).toMatchObject({
      partnerName: 'Mona Mentor',
      from: '2027-01-14T14:00:00.000Z',
      to: '2027-01-15T14:00:00.000Z',
    });
    const seen = calendarChangeNotices({ pair, changes: [change], seenBy: 'mentor-1', now });
    expect(seen.map((n) => n.recipientId)).toEqual(['mentee-1']);
  });

  it('a decline goes to the partner of who declined, with the same id when found again', () => {
    const change = { kind: 'declined' as const, sessionId: 's-1', personId: 'mentee-1' };
    const [notice, ...rest] = calendarChangeNotices({ pair, changes: [change], now });
    expect(rest).toEqual([]);
    expect(notice).toMatchObject({
      kind: 'session_declined',
      recipientId: 'mentor-1',
      pairId: 'pair-1',
      dueAt: now.toISOString(),
      payload: { partnerName: 'Sam Senior', start: session.start },
    });
    const later = new Date(now.getTime() + 6 * 60 * MINUTE);
    expect(calendarChangeNotices({ pair, changes: [change], now: later })[0]?.id).toBe(notice?.id);
    // Declined by the one looking: the partner is still told.
    expect(
      calendarChangeNotices({ pair, changes: [change], seenBy: 'mentee-1', now }).map(
        (n) => n.recipientId,
      ),
    ).toEqual(['mentor-1']);
  });

  it('a cancellation from the calendar goes to both; an unknown session to nobody', () => {
    const out = calendarChangeNotices({
      pair,
      changes: [
        { kind: 'cancelled', sessionId: 's-1' },
        { kind: 'cancelled', sessionId: 'gone' },
      ],
      now,
    });
    expect(out.map((n) => `${n.kind}:${n.recipientId}`)).toEqual([
      'session_cancelled:mentor-1',
      'session_cancelled:mentee-1',
    ]);
  });
});
