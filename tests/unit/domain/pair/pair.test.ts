import {
  editAgreement,
  fixedClock,
  isAgreementSigned,
  isMember,
  issuesOf,
  latestPairingFits,
  nextSession,
  pairApprovalOf,
  pairSchema,
  pairStates,
  pairTransitions,
  partnerOf,
  poorFitOnBothSides,
  privateNoteId,
  privateNoteSchema,
  recordApprovals,
  roleIn,
  signAgreement,
  transitionPair,
  type PairEvent,
  type PairEventType,
  type PairState,
} from '../../../../src/domain';
import { aFeedback, aPair, aPrivateNote, aSession, anApproval } from '../../../fixtures/builders';
import { thrown } from '../../../support/thrown';

const clock = fixedClock('2026-03-05T09:00:00.000Z');
const at = '2026-03-05T09:00:00.000Z';

const approved = (pairId: string) => [
  anApproval({ pairId, personId: 'mentor-1', status: 'approved' }),
  anApproval({ pairId, personId: 'mentee-1', managerId: 'manager-2', status: 'approved' }),
];

/** A valid instance of every event, for a pair with the given id. */
const eventsFor = (pairId: string): Record<PairEventType, PairEvent> => ({
  accept: { type: 'accept' },
  request_approval: { type: 'request_approval' },
  approve: { type: 'approve', approvals: approved(pairId) },
  activate: { type: 'activate', managerApprovalRequired: false },
  pause: { type: 'pause', until: '2026-04-01T00:00:00.000Z' },
  resume: { type: 'resume' },
  complete: { type: 'complete' },
  end: { type: 'end', reason: 'Moved to another company' },
});

describe('pair membership', () => {
  it('knows its two members, their roles and each one’s partner', () => {
    const pair = aPair();
    expect(isMember(pair, 'mentor-1')).toBe(true);
    expect(isMember(pair, 'mentee-1')).toBe(true);
    expect(isMember(pair, 'manager-1')).toBe(false);
    expect(partnerOf(pair, 'mentor-1')).toBe('mentee-1');
    expect(partnerOf(pair, 'mentee-1')).toBe('mentor-1');
    expect(roleIn(pair, 'mentee-1')).toBe('mentee');
    expect(thrown(() => partnerOf(pair, 'stranger')).code).toBe('not_pair_member');
  });
});

describe('pair state machine', () => {
  const allowed: [PairState, PairEventType, PairState][] = [
    ['proposed', 'accept', 'accepted'],
    ['accepted', 'request_approval', 'awaiting_approval'],
    ['awaiting_approval', 'approve', 'active'],
    ['accepted', 'activate', 'active'],
    ['active', 'pause', 'paused'],
    ['paused', 'resume', 'active'],
    ['active', 'complete', 'completed'],
    ['paused', 'complete', 'completed'],
    ['proposed', 'end', 'ended'],
    ['accepted', 'end', 'ended'],
    ['awaiting_approval', 'end', 'ended'],
    ['active', 'end', 'ended'],
    ['paused', 'end', 'ended'],
  ];

  it.each(allowed)('a %s pair on %s becomes %s, with history', (from, type, to) => {
    const pair = aPair({
      state: from,
      pausedUntil: from === 'paused' ? '2026-04-01T00:00:00.000Z' : undefined,
    });
    const result = transitionPair(pair, eventsFor(pair.id)[type], 'mentee-1', clock);
    expect(result.changed).toBe(true);
    expect(result.pair.state).toBe(to);
    expect(result.pair.updatedAt).toBe(at);
    expect(result.pair.history.at(-1)).toMatchObject({ from, to, at, by: 'mentee-1' });
    expect(result.pair.history).toHaveLength(pair.history.length + 1);
    expect(pairSchema.safeParse(result.pair).success).toBe(true);
  });

  it('refuses every other move with invalid_transition, naming from and to', () => {
    let checked = 0;
    for (const from of pairStates) {
      for (const type of Object.keys(pairTransitions) as PairEventType[]) {
        const to = pairTransitions[type].to;
        if (from === to || allowed.some(([f, t]) => f === from && t === type)) continue;
        const pair = aPair({ state: from });
        const error = thrown(() =>
          transitionPair(pair, eventsFor(pair.id)[type], 'mentor-1', clock),
        );
        expect(error.code, `${from} + ${type}`).toBe('invalid_transition');
        expect(error.details).toMatchObject({ entity: 'pair', from, to, event: type });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('repeating an event on the state it leads to is a no-op, not an error', () => {
    for (const [, type, to] of allowed) {
      const pair = aPair({
        state: to,
        pausedUntil: to === 'paused' ? '2026-04-01T00:00:00.000Z' : undefined,
      });
      const result = transitionPair(pair, eventsFor(pair.id)[type], 'mentor-1', clock);
      expect(result, `${type} on ${to}`).toEqual({ pair, changed: false });
    }
  });

  it('only the two members drive their pair', () => {
    for (const type of [
      'accept',
      'pause',
      'complete',
      'end',
      'request_approval',
      'activate',
    ] as const) {
      const pair = aPair({ state: 'active' });
      const error = thrown(() =>
        transitionPair(pair, eventsFor(pair.id)[type], 'manager-1', clock),
      );
      expect(error.code).toBe('not_pair_member');
    }
  });

  it('approval may come from outside the pair once every approval is granted', () => {
    const pair = aPair({ state: 'awaiting_approval' });
    const result = transitionPair(
      pair,
      { type: 'approve', approvals: approved(pair.id) },
      'manager-1',
      clock,
    );
    expect(result.pair.state).toBe('active');
    expect(result.pair.history.at(-1)?.by).toBe('manager-1');
  });

  it('a pair does not start while an approval is pending or declined', () => {
    const pair = aPair({ state: 'awaiting_approval' });
    for (const status of ['pending', 'declined'] as const) {
      const approvals = [
        anApproval({ pairId: pair.id, status: 'approved' }),
        anApproval({ pairId: pair.id, personId: 'mentor-1', status }),
      ];
      const error = thrown(() =>
        transitionPair(pair, { type: 'approve', approvals }, 'manager-1', clock),
      );
      expect(error.code).toBe('invalid_transition');
      expect(error.message).toBe('Every manager approval must be granted first');
    }
    const none = thrown(() =>
      transitionPair(pair, { type: 'approve', approvals: [] }, 'manager-1', clock),
    );
    expect(none.code).toBe('invalid_transition');
  });

  it('an approval for another pair does not count', () => {
    const pair = aPair({ state: 'awaiting_approval' });
    const approvals = [anApproval({ pairId: 'another-pair', status: 'approved' })];
    const error = thrown(() =>
      transitionPair(pair, { type: 'approve', approvals }, 'manager-1', clock),
    );
    expect(error.message).toMatch(/is for another pair/);
  });

  it('a pair activates directly only when the programme needs no approval', () => {
    const pair = aPair({ state: 'accepted' });
    const error = thrown(() =>
      transitionPair(pair, { type: 'activate', managerApprovalRequired: true }, 'mentor-1', clock),
    );
    expect(error.code).toBe('invalid_transition');
    expect(error.message).toBe('This programme requires manager approval before the pair starts');
  });

  it('pausing needs a future date, keeps it, and resuming clears it', () => {
    const pair = aPair({ state: 'active' });
    const past = thrown(() =>
      transitionPair(pair, { type: 'pause', until: '2026-03-01T00:00:00.000Z' }, 'mentor-1', clock),
    );
    expect(past.code).toBe('validation_failed');
    expect(past.details?.issues).toEqual([
      { path: 'until', message: 'until must be a date-time in the future' },
    ]);
    const paused = transitionPair(
      pair,
      { type: 'pause', until: '2026-04-01T00:00:00Z' },
      'mentor-1',
      clock,
    ).pair;
    expect(paused.pausedUntil).toBe('2026-04-01T00:00:00.000Z');
    const resumed = transitionPair(paused, { type: 'resume' }, 'mentee-1', clock).pair;
    expect(resumed.state).toBe('active');
    expect(resumed.pausedUntil).toBeUndefined();
    expect(resumed.history.map((h) => `${h.from}>${h.to}`)).toEqual([
      'active>paused',
      'paused>active',
    ]);
  });

  it('pausing a paused pair to a new date moves the date without a history entry', () => {
    const paused = aPair({ state: 'paused', pausedUntil: '2026-04-01T00:00:00.000Z' });
    const moved = transitionPair(
      paused,
      { type: 'pause', until: '2026-05-01T00:00:00.000Z' },
      'mentor-1',
      clock,
    );
    expect(moved.changed).toBe(true);
    expect(moved.pair.pausedUntil).toBe('2026-05-01T00:00:00.000Z');
    expect(moved.pair.history).toEqual(paused.history);
  });

  it('ending needs a reason and records it', () => {
    const pair = aPair({ state: 'active' });
    const error = thrown(() =>
      transitionPair(pair, { type: 'end', reason: '  ' }, 'mentor-1', clock),
    );
    expect(error.code).toBe('validation_failed');
    const ended = transitionPair(
      pair,
      { type: 'end', reason: ' Not a good fit ' },
      'mentor-1',
      clock,
    ).pair;
    expect(ended.endReason).toBe('Not a good fit');
    expect(ended.history.at(-1)).toMatchObject({ to: 'ended', reason: 'Not a good fit' });
  });

  it('ending an ended pair again keeps the first reason', () => {
    const ended = aPair({ state: 'ended', endReason: 'first' });
    expect(transitionPair(ended, { type: 'end', reason: 'second' }, 'mentee-1', clock)).toEqual({
      pair: ended,
      changed: false,
    });
  });

  it('does not mutate the pair it is given', () => {
    const pair = aPair({ state: 'active' });
    const copy = structuredClone(pair);
    transitionPair(pair, { type: 'complete' }, 'mentor-1', clock);
    expect(pair).toEqual(copy);
  });

  it('walks the whole happy path with manager approval', () => {
    let pair = aPair({ state: 'proposed' });
    const steps: [PairEvent, string][] = [
      [{ type: 'accept' }, 'mentee-1'],
      [{ type: 'request_approval' }, 'mentor-1'],
      [{ type: 'approve', approvals: approved(pair.id) }, 'manager-2'],
      [{ type: 'complete' }, 'mentor-1'],
    ];
    for (const [event, actor] of steps) pair = transitionPair(pair, event, actor, clock).pair;
    expect(pair.history.map((h) => h.to)).toEqual([
      'accepted',
      'awaiting_approval',
      'active',
      'completed',
    ]);
  });
});

describe('agreement', () => {
  it('signing records the revision; both signatures make it signed', () => {
    const pair = aPair();
    const first = signAgreement(pair, 'mentor-1', clock);
    expect(first).toMatchObject({ changed: true, fullySigned: false });
    expect(first.pair.agreement.signatures.mentor).toEqual({ at, revision: 1 });
    const second = signAgreement(first.pair, 'mentee-1', clock);
    expect(second.fullySigned).toBe(true);
    expect(isAgreementSigned(second.pair.agreement)).toBe(true);
  });

  it('signing twice is a no-op', () => {
    const signed = signAgreement(aPair(), 'mentor-1', clock).pair;
    expect(signAgreement(signed, 'mentor-1', clock)).toEqual({
      pair: signed,
      changed: false,
      fullySigned: false,
    });
  });

  it('a change after signing bumps the revision and clears both signatures', () => {
    let pair = signAgreement(aPair(), 'mentor-1', clock).pair;
    pair = signAgreement(pair, 'mentee-1', clock).pair;
    const edited = editAgreement(
      pair,
      'mentee-1',
      { menteeGoals: ['Build a dashboard', 'Use DAX'] },
      clock,
    );
    expect(edited.changed).toBe(true);
    expect(edited.pair.agreement.revision).toBe(2);
    expect(edited.pair.agreement.signatures).toEqual({});
    expect(isAgreementSigned(edited.pair.agreement)).toBe(false);
    expect(edited.pair.agreement.menteeGoals).toEqual(['Build a dashboard', 'Use DAX']);
  });

  it('an edit that changes nothing keeps the signatures', () => {
    const signed = signAgreement(aPair(), 'mentor-1', clock).pair;
    const same = editAgreement(signed, 'mentor-1', { subject: signed.agreement.subject }, clock);
    expect(same).toEqual({ pair: signed, changed: false });
  });

  it('a stale signature does not count', () => {
    const pair = aPair();
    const agreement = {
      ...pair.agreement,
      revision: 3,
      signatures: { mentor: { at, revision: 2 }, mentee: { at, revision: 3 } },
    };
    expect(isAgreementSigned(agreement)).toBe(false);
    const resigned = signAgreement({ ...pair, agreement }, 'mentor-1', clock);
    expect(resigned).toMatchObject({ changed: true, fullySigned: true });
  });

  it('explains an invalid edit with the agreement path', () => {
    const error = thrown(() =>
      editAgreement(
        aPair(),
        'mentor-1',
        { frame: { sessions: 0, durationMinutes: 60, frequency: 'weekly', place: 'online' } },
        clock,
      ),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.details?.issues).toEqual([
      { path: 'agreement.frame.sessions', message: 'sessions must be at least 1' },
    ]);
  });

  it('only members edit or sign, and not once the pair is over', () => {
    expect(thrown(() => signAgreement(aPair(), 'manager-1', clock)).code).toBe('not_pair_member');
    expect(thrown(() => editAgreement(aPair(), 'manager-1', { subject: 'x' }, clock)).code).toBe(
      'not_pair_member',
    );
    expect(
      thrown(() => signAgreement(aPair({ state: 'ended', endReason: 'x' }), 'mentor-1', clock))
        .code,
    ).toBe('invalid_transition');
    expect(
      thrown(() =>
        editAgreement(aPair({ state: 'completed' }), 'mentor-1', { subject: 'x' }, clock),
      ).code,
    ).toBe('invalid_transition');
  });

  it('an agreement without a subject cannot be signed', () => {
    const pair = aPair();
    const blank = { ...pair, agreement: { ...pair.agreement, subject: '' } };
    expect(thrown(() => signAgreement(blank, 'mentor-1', clock)).code).toBe('validation_failed');
  });
});

describe('feedback and fit', () => {
  it('flags a poor fit only when both members said so in their latest feedback', () => {
    const bothPoor = aPair({
      feedback: [
        aFeedback({
          fromId: 'mentor-1',
          toId: 'mentee-1',
          pairingFit: 'poor',
          at: '2026-03-10T10:00:00.000Z',
        }),
        aFeedback({
          fromId: 'mentee-1',
          toId: 'mentor-1',
          pairingFit: 'poor',
          at: '2026-03-10T11:00:00.000Z',
        }),
      ],
    });
    expect(poorFitOnBothSides(bothPoor)).toBe(true);
    const oneSide = aPair({ feedback: [aFeedback({ fromId: 'mentee-1', pairingFit: 'poor' })] });
    expect(poorFitOnBothSides(oneSide)).toBe(false);
    const recovered = aPair({
      feedback: [
        ...bothPoor.feedback,
        aFeedback({
          fromId: 'mentee-1',
          toId: 'mentor-1',
          pairingFit: 'good',
          at: '2026-03-24T11:00:00.000Z',
        }),
      ],
    });
    expect(latestPairingFits(recovered)).toEqual({ mentor: 'poor', mentee: 'good' });
    expect(poorFitOnBothSides(recovered)).toBe(false);
  });

  it('explains a rating outside 1–4', () => {
    const result = pairSchema.safeParse({ ...aPair(), feedback: [{ ...aFeedback(), rating: 5 }] });
    expect(result.success ? [] : issuesOf(result.error)).toEqual([
      { path: 'feedback.0.rating', message: 'rating must be at most 4' },
    ]);
  });
});

describe('sessions and private notes', () => {
  it('finds the next planned session', () => {
    const pair = aPair({
      sessions: [
        aSession({ index: 1, start: '2026-03-03T09:00:00.000Z', status: 'held' }),
        aSession({ index: 3, start: '2026-03-31T09:00:00.000Z' }),
        aSession({ index: 2, start: '2026-03-17T09:00:00.000Z' }),
        aSession({ index: 4, start: '2026-03-10T09:00:00.000Z', status: 'cancelled' }),
      ],
    });
    expect(nextSession(pair, clock)?.index).toBe(2);
    expect(nextSession(aPair(), clock)).toBeUndefined();
  });

  it('explains a bad session and action item', () => {
    const session = {
      ...aSession(),
      status: 'done',
      actionItems: [{ id: 'a1', text: '', ownerId: 'mentor-1', done: false }],
    };
    const result = pairSchema.safeParse({ ...aPair(), sessions: [session] });
    expect(result.success ? [] : issuesOf(result.error)).toEqual([
      {
        path: 'sessions.0.status',
        message: 'session status must be one of planned, held, missed, cancelled',
      },
      { path: 'sessions.0.actionItems.0.text', message: 'actionItem.text must not be empty' },
    ]);
  });

  it('keeps private notes out of the pair, one per author per session', () => {
    expect(Object.keys(pairSchema.parse(aPair()))).not.toContain('privateNotes');
    const note = aPrivateNote({ id: privateNoteId('pair-1', 'session-1', 'mentee-1') });
    expect(note.id).toBe('pair-1:session-1:mentee-1');
    expect(privateNoteSchema.safeParse(note).success).toBe(true);
  });

  it('names missing parts of a pair', () => {
    const { agreement: _agreement, ...rest } = aPair();
    const result = pairSchema.safeParse({
      ...rest,
      sessions: [{ ...aSession(), actionItems: null }],
    });
    expect(result.success ? [] : issuesOf(result.error)).toEqual([
      { path: 'agreement', message: 'agreement is required' },
      { path: 'sessions.0.actionItems', message: 'actionItems must be a list' },
    ]);
  });

  it('refuses a pair whose mentor is also its mentee', () => {
    const result = pairSchema.safeParse({ ...aPair(), menteeId: 'mentor-1' });
    expect(result.success ? [] : issuesOf(result.error)).toEqual([
      { path: 'menteeId', message: 'mentorId and menteeId must be two different people' },
    ]);
  });
});

describe('where the managers’ approvals stand, on the pair', () => {
  const asked = (personId: string, revision: number, extra = {}) =>
    pairApprovalOf(
      anApproval({
        personId,
        managerId: `manager-of-${personId}`,
        agreementRevision: revision,
        createdAt: `2026-03-0${revision}T09:00:00.000Z`,
        ...extra,
      }),
      `Manager of ${personId}`,
    );

  it('keeps one entry per member, the mentor first, and says when nothing changed', () => {
    const pair = aPair({ state: 'awaiting_approval' });
    const first = recordApprovals(pair, [asked('mentee-1', 1), asked('mentor-1', 1)], clock);
    expect(first.changed).toBe(true);
    expect(first.pair.approvals?.map((a) => [a.personId, a.managerName, a.status])).toEqual([
      ['mentor-1', 'Manager of mentor-1', 'pending'],
      ['mentee-1', 'Manager of mentee-1', 'pending'],
    ]);
    expect(first.pair.updatedAt).toBe(at);
    expect(pairSchema.parse(first.pair).approvals).toEqual(first.pair.approvals);

    const again = recordApprovals(first.pair, [asked('mentee-1', 1)], clock);
    expect(again).toEqual({ pair: first.pair, changed: false });
  });

  it('a writer holding an older read never undoes a decision or a newer request', () => {
    const declined = asked('mentee-1', 1, {
      status: 'declined',
      comment: 'Pas ce trimestre',
      decidedAt: '2026-03-04T10:00:00.000Z',
      decidedBy: 'manager-of-mentee-1',
    });
    const pair = recordApprovals(aPair(), [declined], clock).pair;
    // A stale "pending" of the same request loses to its decision.
    expect(recordApprovals(pair, [asked('mentee-1', 1)], clock).changed).toBe(false);
    expect(pair.approvals?.[0]).toMatchObject({
      status: 'declined',
      comment: 'Pas ce trimestre',
      decidedAt: '2026-03-04T10:00:00.000Z',
      revision: 1,
    });

    // The request for revision 2 replaces the decline; the decline read later does not come back.
    const reasked = recordApprovals(pair, [asked('mentee-1', 2)], clock).pair;
    expect(reasked.approvals?.map((a) => [a.status, a.revision])).toEqual([['pending', 2]]);
    expect(recordApprovals(reasked, [declined], clock).changed).toBe(false);
  });

  it('refuses an entry for someone outside the pair', () => {
    const error = thrown(() => recordApprovals(aPair(), [asked('stranger', 1)], clock));
    expect(error.code).toBe('not_pair_member');
  });
});
