import {
  planPairNotifications,
  planProposalNotifications,
  type PlanInput,
} from '../../../src/notifications/notification-plan';
import { aPair, aPerson, aSession, anAgreement, anApproval } from '../../fixtures/builders';

const people = new Map(
  [
    aPerson({ id: 'mentor-1', displayName: 'Léa Dubois', timeZone: 'Europe/Paris' }),
    aPerson({ id: 'mentee-1', displayName: 'Bernard Martin', timeZone: 'America/Toronto' }),
  ].map((p) => [p.id, p]),
);

function plan(overrides: Omit<Partial<PlanInput>, 'now'> & { now: string }) {
  return planPairNotifications({
    pair: aPair({ id: 'pair-1' }),
    programme: { reminderOffsetsMinutes: [24 * 60, 15] },
    people,
    approvals: [],
    ...overrides,
    now: new Date(overrides.now),
  });
}

describe('planPairNotifications', () => {
  it('plans a reminder 24 h and 15 min before each planned session, for each member', () => {
    const pair = aPair({
      id: 'pair-1',
      history: [{ from: 'accepted', to: 'active', at: '2026-03-01T09:00:00.000Z', by: 'mentee-1' }],
      sessions: [aSession({ id: 's1', start: '2026-03-10T13:00:00.000Z' })],
    });
    const out = plan({ pair, now: '2026-03-05T09:00:00.000Z' });
    const reminders = out.filter((n) => n.kind === 'reminder_before_session');
    expect(reminders.map((n) => [n.recipientId, n.dueAt]).sort()).toEqual([
      ['mentee-1', '2026-03-09T13:00:00.000Z'],
      ['mentee-1', '2026-03-10T12:45:00.000Z'],
      ['mentor-1', '2026-03-09T13:00:00.000Z'],
      ['mentor-1', '2026-03-10T12:45:00.000Z'],
    ]);
    const forMentee = reminders.find((n) => n.recipientId === 'mentee-1');
    expect(forMentee?.payload).toMatchObject({
      partnerName: 'Léa Dubois',
      timeZone: 'America/Toronto',
      startsAt: '2026-03-10T13:00:00.000Z',
      topic: 'Power BI for a sales director',
    });
  });

  it('gives the same ids when planned again later: each reminder is stored once', () => {
    const pair = aPair({ sessions: [aSession({ start: '2026-03-10T13:00:00.000Z' })] });
    const first = plan({ pair, now: '2026-03-05T09:00:00.000Z' }).map((n) => n.id);
    const again = plan({ pair, now: '2026-03-06T17:30:00.000Z' }).map((n) => n.id);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('skips a reminder more than half its lead late, and sessions already started', () => {
    const pair = aPair({
      sessions: [
        aSession({ id: 'soon', start: '2026-03-05T10:00:00.000Z' }),
        aSession({ id: 'past', index: 2, start: '2026-03-05T08:00:00.000Z' }),
      ],
    });
    const out = plan({ pair, now: '2026-03-05T09:00:00.000Z' });
    // 24 h ahead is 23 h late: skipped; 15 min ahead is still to come.
    expect(out.filter((n) => n.kind === 'reminder_before_session').map((n) => n.dueAt)).toEqual([
      '2026-03-05T09:45:00.000Z',
      '2026-03-05T09:45:00.000Z',
    ]);
  });

  it('nudges both members when no session is booked 7 days after the pair started', () => {
    const pair = aPair({
      history: [{ from: 'accepted', to: 'active', at: '2026-03-01T09:00:00.000Z', by: 'mentee-1' }],
    });
    expect(plan({ pair, now: '2026-03-07T09:00:00.000Z' })).toEqual([]);
    const out = plan({ pair, now: '2026-03-08T09:00:00.000Z' });
    expect(out.map((n) => [n.kind, n.recipientId, n.dueAt])).toEqual([
      ['no_session_booked', 'mentor-1', '2026-03-08T09:00:00.000Z'],
      ['no_session_booked', 'mentee-1', '2026-03-08T09:00:00.000Z'],
    ]);
  });

  it('nudges after 14 days without a session held', () => {
    const pair = aPair({
      sessions: [
        aSession({ id: 'held', start: '2026-03-01T09:00:00.000Z', status: 'held' }),
        aSession({ id: 'later', index: 2, start: '2026-04-20T09:00:00.000Z' }),
      ],
      feedback: [],
    });
    const kinds = (now: string) => plan({ pair, now }).map((n) => n.kind);
    expect(kinds('2026-03-14T09:00:00.000Z')).not.toContain('no_session_held');
    expect(kinds('2026-03-15T10:00:00.000Z')).toContain('no_session_held');
  });

  it('asks for feedback 2 days after a session, only from members who have not given it', () => {
    const pair = aPair({
      sessions: [aSession({ id: 's1', start: '2026-03-01T09:00:00.000Z', status: 'held' })],
      feedback: [
        {
          sessionId: 's1',
          fromId: 'mentor-1',
          toId: 'mentee-1',
          rating: 3,
          worked: 'x',
          suggestion: 'y',
          at: '2026-03-01T11:00:00.000Z',
        },
      ],
    });
    expect(
      plan({ pair, now: '2026-03-03T09:59:00.000Z' }).filter((n) => n.kind === 'feedback_pending'),
    ).toEqual([]);
    const out = plan({ pair, now: '2026-03-03T10:00:00.000Z' }).filter(
      (n) => n.kind === 'feedback_pending',
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      recipientId: 'mentee-1',
      dueAt: '2026-03-03T10:00:00.000Z',
      payload: { sessionId: 's1', partnerName: 'Léa Dubois', day: '2026-03-01' },
    });
  });

  it('reminds whoever has not signed the agreement 2 days before session 3', () => {
    const pair = aPair({
      agreement: anAgreement({
        revision: 2,
        signatures: { mentor: { at: '2026-03-01T09:00:00.000Z', revision: 2 } },
      }),
      sessions: [
        aSession({ id: 's1', start: '2026-03-02T09:00:00.000Z', status: 'held' }),
        aSession({ id: 's2', index: 2, start: '2026-03-09T09:00:00.000Z', status: 'held' }),
        aSession({ id: 's3', index: 3, start: '2026-03-16T09:00:00.000Z' }),
      ],
      feedback: [],
    });
    const out = plan({ pair, now: '2026-03-14T09:00:00.000Z' }).filter(
      (n) => n.kind === 'agreement_unsigned',
    );
    expect(out.map((n) => n.recipientId)).toEqual(['mentee-1']);
  });

  it('sends the approval card to the manager at once and reminds them after 3 days', () => {
    const pair = aPair({ state: 'awaiting_approval' });
    const approval = anApproval({ id: 'approval-9', createdAt: '2026-03-01T09:00:00.000Z' });
    const early = plan({ pair, approvals: [approval], now: '2026-03-02T09:00:00.000Z' });
    expect(early.map((n) => [n.kind, n.recipientId])).toEqual([['approval_request', 'manager-1']]);
    const late = plan({ pair, approvals: [approval], now: '2026-03-04T09:00:00.000Z' });
    expect(late.map((n) => n.kind)).toEqual(['approval_request', 'approval_pending']);
    const decided = plan({
      pair,
      approvals: [{ ...approval, status: 'approved' }],
      now: '2026-03-04T09:00:00.000Z',
    });
    expect(decided).toEqual([]);
  });

  it('plans nothing for a paused pair but its pending approvals', () => {
    const pair = aPair({
      state: 'paused',
      sessions: [aSession({ start: '2026-03-10T13:00:00.000Z' })],
    });
    expect(plan({ pair, now: '2026-03-05T09:00:00.000Z' })).toEqual([]);
  });
});

describe('planProposalNotifications', () => {
  const proposal = {
    id: 'proposal-1',
    tenantId: 'tenant-contoso',
    mentorId: 'mentor-1',
    menteeId: 'mentee-1',
    status: 'proposed' as const,
    answers: { mentor: { answer: 'accepted' as const, at: '2026-03-01T09:00:00.000Z' } },
    expiresAt: '2026-03-05T09:00:00.000Z',
  };

  it('nudges the side that has not answered, one day before the proposal expires', () => {
    expect(
      planProposalNotifications(proposal, people, new Date('2026-03-04T08:59:00.000Z')),
    ).toEqual([]);
    const out = planProposalNotifications(proposal, people, new Date('2026-03-04T09:00:00.000Z'));
    expect(out).toEqual([
      expect.objectContaining({
        kind: 'proposal_expiring',
        recipientId: 'mentee-1',
        dueAt: '2026-03-04T09:00:00.000Z',
        payload: { partnerName: 'Léa Dubois', day: '2026-03-05' },
      }),
    ]);
  });

  it('says nothing once the proposal has expired or been answered', () => {
    expect(
      planProposalNotifications(proposal, people, new Date('2026-03-05T09:00:00.000Z')),
    ).toEqual([]);
    expect(
      planProposalNotifications(
        { ...proposal, status: 'accepted' },
        people,
        new Date('2026-03-04T12:00:00.000Z'),
      ),
    ).toEqual([]);
  });
});
