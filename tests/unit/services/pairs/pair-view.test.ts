import { fixedClock } from '../../../../src/domain/clock';
import { myPairItem, pairViewFor, progressOf } from '../../../../src/services/pairs/pair-view';
import {
  aFeedback,
  aPair,
  anAgreement,
  anAssessment,
  aSession,
  somePairMembers,
} from '../../../fixtures/builders';

// Winter: Paris UTC+1, Montréal UTC-5.
const clock = fixedClock('2026-02-10T12:00:00.000Z');
const sessions = [
  aSession({ id: 's1', index: 1, start: '2026-01-13T09:00:00.000Z', status: 'held' }),
  aSession({ id: 's2', index: 2, start: '2026-01-27T09:00:00.000Z', status: 'missed' }),
  aSession({ id: 's3', index: 3, start: '2026-02-10T09:00:00.000Z' }),
  aSession({ id: 's4', index: 4, start: '2026-02-24T09:00:00.000Z' }),
];

describe('the pair as one member sees it', () => {
  it('shows the partner with their local time offset from the caller', () => {
    const view = pairViewFor(aPair({ members: somePairMembers() }), 'mentor-1', clock);
    expect(view.myRole).toBe('mentor');
    expect(view.partner).toMatchObject({
      personId: 'mentee-1',
      role: 'mentee',
      displayName: 'Sam Senior',
      timeZone: 'America/Montreal',
      utcOffsetMinutes: -300,
      offsetFromMeMinutes: -360,
    });
    expect(view.me.utcOffsetMinutes).toBe(60);
  });

  it('puts the next planned session first and asks for feedback on ended sessions only', () => {
    const view = pairViewFor(aPair({ sessions }), 'mentee-1', clock);
    expect(view.nextSession?.id).toBe('s4');
    expect(view.sessions.map((s) => [s.id, s.awaitingMyFeedback, s.asksPairingFit])).toEqual([
      ['s1', true, true],
      ['s2', false, false],
      ['s3', true, false],
      ['s4', false, false],
    ]);
  });

  it('never shows the partner’s pairing-fit answer', () => {
    const pair = aPair({
      sessions,
      feedback: [
        aFeedback({ sessionId: 's1', fromId: 'mentee-1', toId: 'mentor-1', pairingFit: 'poor' }),
        aFeedback({ sessionId: 's1', fromId: 'mentor-1', toId: 'mentee-1', pairingFit: 'good' }),
      ],
    });
    const mentor = pairViewFor(pair, 'mentor-1', clock);
    expect(mentor.feedback.received).toEqual([expect.objectContaining({ pairingFit: null })]);
    expect(mentor.feedback.given).toEqual([expect.objectContaining({ pairingFit: 'good' })]);
    expect(JSON.stringify(mentor)).not.toContain('poor');
  });

  it('offers only the moves the state allows', () => {
    expect(pairViewFor(aPair({ state: 'active' }), 'mentor-1', clock).can).toEqual([
      'edit_agreement',
      'sign',
      'plan_session',
      'pause',
      'complete',
      'end',
    ]);
    expect(
      pairViewFor(aPair({ state: 'ended', endReason: 'moved' }), 'mentor-1', clock).can,
    ).toEqual([]);
  });

  it('summarises a pair for the list', () => {
    const item = myPairItem(aPair({ sessions, members: somePairMembers() }), 'mentee-1', clock);
    expect(item).toMatchObject({
      myRole: 'mentee',
      partner: { displayName: 'Mona Mentor' },
      nextSessionStart: '2026-02-24T09:00:00.000Z',
      awaitingMyFeedback: 2,
      declines: [],
    });
  });

  it('names the managers who declined, with their comment, while the pair waits for approval', () => {
    const asked = { revision: 1, requestedAt: '2026-02-01T09:00:00.000Z' };
    const approvals = [
      {
        personId: 'mentor-1',
        managerId: 'm-1',
        managerName: 'Claire Morel',
        status: 'approved' as const,
        ...asked,
      },
      {
        personId: 'mentee-1',
        managerId: 'm-2',
        managerName: 'Dominique Faure',
        status: 'declined' as const,
        comment: 'Pas avant janvier.',
        decidedAt: '2026-02-02T09:00:00.000Z',
        ...asked,
      },
    ];
    const waiting = aPair({ state: 'awaiting_approval', approvals });
    expect(myPairItem(waiting, 'mentor-1', clock).declines).toEqual([
      { managerName: 'Dominique Faure', mine: false, comment: 'Pas avant janvier.' },
    ]);
    expect(myPairItem(waiting, 'mentee-1', clock).declines).toEqual([
      { managerName: 'Dominique Faure', mine: true, comment: 'Pas avant janvier.' },
    ]);
    // Once active (approved after a new request), nothing is declined any more.
    expect(myPairItem({ ...waiting, state: 'active' }, 'mentee-1', clock).declines).toEqual([]);
  });
});

describe('progress', () => {
  const goal = 'Build my own sales dashboard';

  it('lists goals both ways with each phase, the change, and the phase to assess next', () => {
    const pair = aPair({
      sessions,
      assessments: [
        anAssessment({ goal, phase: 'start', level: 2 }),
        anAssessment({ goal, phase: 'middle', level: 4 }),
        anAssessment({ goal: 'An old goal', phase: 'start', level: 1 }),
      ],
    });
    const progress = progressOf(pair, 'mentee-1', 'mentee');
    expect(progress.goals).toEqual([
      {
        goal,
        side: 'mentee',
        personId: 'mentee-1',
        start: 2,
        middle: 4,
        end: null,
        change: 2,
        inAgreement: true,
      },
      expect.objectContaining({ goal: 'An old goal', inAgreement: false, change: null }),
      expect.objectContaining({ side: 'mentor', personId: 'mentor-1', start: null }),
    ]);
    expect(progress).toMatchObject({ sessionsHeld: 1, sessionsPlanned: 2, sessionsAgreed: 6 });
    // The mentee has done start and middle; the end is due only after the agreed sessions.
    expect(progress.suggestedPhase).toBeNull();
    expect(progressOf(pair, 'mentor-1', 'mentor').suggestedPhase).toBe('start');
  });

  it('suggests the middle phase half-way and the end one when the sessions are done', () => {
    const held = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        aSession({
          id: `h${i}`,
          index: i + 1,
          start: `2026-01-0${i + 1}T09:00:00.000Z`,
          status: 'held',
        }),
      );
    const agreement = anAgreement({ frame: { ...anAgreement().frame, sessions: 4 } });
    const started = [anAssessment({ goal, phase: 'start', level: 2 })];
    expect(
      progressOf(
        aPair({ agreement, sessions: held(2), assessments: started }),
        'mentee-1',
        'mentee',
      ).suggestedPhase,
    ).toBe('middle');
    expect(
      progressOf(
        aPair({ agreement, sessions: held(4), assessments: started }),
        'mentee-1',
        'mentee',
      ).suggestedPhase,
    ).toBe('end');
  });
});

describe('the managers’ approvals', () => {
  const approvals = [
    {
      personId: 'mentor-1',
      managerId: 'manager-a',
      managerName: 'Marc Petit',
      revision: 1,
      status: 'approved' as const,
      requestedAt: '2026-02-01T09:00:00.000Z',
      decidedAt: '2026-02-02T09:00:00.000Z',
    },
    {
      personId: 'mentee-1',
      managerId: 'manager-b',
      managerName: 'Sophie Laurent',
      revision: 1,
      status: 'declined' as const,
      requestedAt: '2026-02-01T09:00:00.000Z',
      comment: 'Pas avant avril',
      decidedAt: '2026-02-03T09:00:00.000Z',
    },
  ];

  it('both members see every decision and its comment, their own manager first, never a manager id', () => {
    const pair = aPair({ state: 'awaiting_approval', approvals });
    const mentee = pairViewFor(pair, 'mentee-1', clock).approvals;
    expect(mentee).toEqual([
      {
        personId: 'mentee-1',
        role: 'mentee',
        mine: true,
        managerName: 'Sophie Laurent',
        status: 'declined',
        revision: 1,
        requestedAt: '2026-02-01T09:00:00.000Z',
        comment: 'Pas avant avril',
        decidedAt: '2026-02-03T09:00:00.000Z',
      },
      {
        personId: 'mentor-1',
        role: 'mentor',
        mine: false,
        managerName: 'Marc Petit',
        status: 'approved',
        revision: 1,
        requestedAt: '2026-02-01T09:00:00.000Z',
        comment: null,
        decidedAt: '2026-02-02T09:00:00.000Z',
      },
    ]);
    const mentor = pairViewFor(pair, 'mentor-1', clock).approvals;
    expect(mentor.map((a) => [a.managerName, a.mine, a.comment])).toEqual([
      ['Marc Petit', true, null],
      ['Sophie Laurent', false, 'Pas avant avril'],
    ]);
    expect(JSON.stringify(mentor)).not.toContain('manager-b');
  });

  it('is empty on a pair nobody was asked about', () => {
    expect(pairViewFor(aPair(), 'mentor-1', clock).approvals).toEqual([]);
  });
});
