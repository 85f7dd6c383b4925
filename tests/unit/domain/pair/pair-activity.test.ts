import {
  addActionItem,
  answerProposal,
  editSessionNotes,
  fixedClock,
  giveFeedback,
  newPair,
  pairSchema,
  recordAssessment,
  sessionsAwaitingFeedback,
  setActionItemDone,
  setSessionStatus,
  defaultFrame,
  type FeedbackInput,
} from '../../../../src/domain';
import { aPair, aProposal, aSession } from '../../../fixtures/builders';
import { thrown } from '../../../support/thrown';

const clock = fixedClock('2026-03-10T12:00:00.000Z');

const past = () => aSession({ id: 's1', index: 1, start: '2026-03-10T09:00:00.000Z' });
const future = () => aSession({ id: 's2', index: 2, start: '2026-03-24T09:00:00.000Z' });
const withSessions = () => aPair({ sessions: [past(), future()] });
const goodFeedback: FeedbackInput = {
  rating: 4,
  worked: 'Clear',
  suggestion: 'More practice',
  pairingFit: 'good',
};

describe('a new pair', () => {
  it('is accepted when both accepted the proposal, the later answer as actor', () => {
    let proposal = aProposal();
    proposal = answerProposal(
      proposal,
      'mentee-1',
      'accepted',
      fixedClock('2026-03-02T10:00:00Z'),
    ).proposal;
    proposal = answerProposal(
      proposal,
      'mentor-1',
      'accepted',
      fixedClock('2026-03-02T11:00:00Z'),
    ).proposal;
    const pair = newPair(
      { id: 'pair-new', proposal, frame: defaultFrame, subject: 'Power BI' },
      clock,
    );
    expect(pair).toMatchObject({
      id: 'pair-new',
      state: 'accepted',
      mentorId: 'mentor-1',
      menteeId: 'mentee-1',
      proposalId: proposal.id,
    });
    expect(pair.history).toEqual([
      { from: 'proposed', to: 'accepted', at: '2026-03-10T12:00:00.000Z', by: 'mentor-1' },
    ]);
    expect(pair.agreement).toMatchObject({
      subject: 'Power BI',
      revision: 1,
      signatures: {},
      frame: defaultFrame,
    });
    expect(pairSchema.safeParse(pair).success).toBe(true);
  });

  it('is proposed while the proposal is open, and refused for a declined one', () => {
    expect(newPair({ id: 'p', proposal: aProposal(), frame: defaultFrame }, clock).state).toBe(
      'proposed',
    );
    const declined = aProposal({ status: 'declined' });
    expect(
      thrown(() => newPair({ id: 'p', proposal: declined, frame: defaultFrame }, clock)).code,
    ).toBe('invalid_transition');
  });
});

describe('sessions', () => {
  it('a member marks a past session held, and again is a no-op', () => {
    const held = setSessionStatus(withSessions(), 's1', 'held', 'mentor-1', clock);
    expect(held.changed).toBe(true);
    expect(held.pair.sessions[0]?.status).toBe('held');
    expect(held.pair.updatedAt).toBe('2026-03-10T12:00:00.000Z');
    expect(setSessionStatus(held.pair, 's1', 'held', 'mentee-1', clock).changed).toBe(false);
  });

  it('a session cannot be held before it starts, but can be cancelled', () => {
    const error = thrown(() => setSessionStatus(withSessions(), 's2', 'held', 'mentor-1', clock));
    expect(error.code).toBe('invalid_transition');
    expect(
      setSessionStatus(withSessions(), 's2', 'cancelled', 'mentor-1', clock).pair.sessions[1]
        ?.status,
    ).toBe('cancelled');
  });

  it('held and missed can be corrected; cancelled is final', () => {
    const held = setSessionStatus(withSessions(), 's1', 'held', 'mentor-1', clock).pair;
    expect(setSessionStatus(held, 's1', 'missed', 'mentor-1', clock).pair.sessions[0]?.status).toBe(
      'missed',
    );
    const cancelled = setSessionStatus(withSessions(), 's1', 'cancelled', 'mentor-1', clock).pair;
    expect(
      thrown(() => setSessionStatus(cancelled, 's1', 'held', 'mentor-1', clock)).details,
    ).toMatchObject({
      from: 'cancelled',
      to: 'held',
    });
  });

  it('only members touch sessions, and only sessions of the pair', () => {
    expect(
      thrown(() => setSessionStatus(withSessions(), 's1', 'held', 'manager-1', clock)).code,
    ).toBe('not_pair_member');
    expect(
      thrown(() => setSessionStatus(withSessions(), 'nope', 'held', 'mentor-1', clock)).code,
    ).toBe('not_found');
  });

  it('an ended pair’s sessions are frozen', () => {
    const ended = aPair({ state: 'ended', endReason: 'x', sessions: [past()] });
    expect(thrown(() => setSessionStatus(ended, 's1', 'held', 'mentor-1', clock)).code).toBe(
      'invalid_transition',
    );
  });

  it('edits the agenda and shared notes, and explains text that is too long', () => {
    const edited = editSessionNotes(
      withSessions(),
      's2',
      { agenda: 'DAX basics' },
      'mentee-1',
      clock,
    );
    expect(edited.pair.sessions[1]?.agenda).toBe('DAX basics');
    expect(
      editSessionNotes(edited.pair, 's2', { agenda: 'DAX basics' }, 'mentee-1', clock).changed,
    ).toBe(false);
    const error = thrown(() =>
      editSessionNotes(
        withSessions(),
        's2',
        { sharedNotes: 'x'.repeat(10_001) },
        'mentee-1',
        clock,
      ),
    );
    expect(error.details?.issues).toEqual([
      { path: 'sharedNotes', message: 'sharedNotes must be at most 10000 characters' },
    ]);
  });

  it('adds action items owned by a member and ticks them', () => {
    const item = {
      id: 'a1',
      text: 'Install Power BI Desktop',
      ownerId: 'mentee-1',
      dueDate: '2026-03-20',
    };
    const added = addActionItem(withSessions(), 's1', item, 'mentor-1', clock).pair;
    expect(added.sessions[0]?.actionItems).toEqual([{ ...item, done: false }]);
    expect(addActionItem(added, 's1', item, 'mentor-1', clock).changed).toBe(false);
    expect(
      thrown(() => addActionItem(added, 's1', { ...item, text: 'Other' }, 'mentor-1', clock)).code,
    ).toBe('already_exists');
    expect(
      thrown(() =>
        addActionItem(added, 's1', { ...item, id: 'a2', ownerId: 'boss' }, 'mentor-1', clock),
      ).code,
    ).toBe('validation_failed');
    const done = setActionItemDone(added, 's1', 'a1', true, 'mentee-1', clock);
    expect(done.pair.sessions[0]?.actionItems[0]?.done).toBe(true);
    expect(setActionItemDone(done.pair, 's1', 'a1', true, 'mentee-1', clock).changed).toBe(false);
    expect(thrown(() => setActionItemDone(added, 's1', 'zz', true, 'mentee-1', clock)).code).toBe(
      'not_found',
    );
  });
});

describe('feedback', () => {
  it('goes from a member to their partner after the session started', () => {
    const { pair, changed } = giveFeedback(withSessions(), 's1', 'mentee-1', goodFeedback, clock);
    expect(changed).toBe(true);
    expect(pair.feedback).toEqual([
      {
        ...goodFeedback,
        sessionId: 's1',
        fromId: 'mentee-1',
        toId: 'mentor-1',
        at: '2026-03-10T12:00:00.000Z',
      },
    ]);
  });

  it('identical feedback twice is a no-op; a change replaces it', () => {
    const once = giveFeedback(withSessions(), 's1', 'mentee-1', goodFeedback, clock).pair;
    expect(giveFeedback(once, 's1', 'mentee-1', goodFeedback, clock).changed).toBe(false);
    const changed = giveFeedback(
      once,
      's1',
      'mentee-1',
      { ...goodFeedback, rating: 2 },
      clock,
    ).pair;
    expect(changed.feedback).toHaveLength(1);
    expect(changed.feedback[0]?.rating).toBe(2);
  });

  it('is refused before the session, for a cancelled one, or from outside the pair', () => {
    expect(
      thrown(() => giveFeedback(withSessions(), 's2', 'mentee-1', goodFeedback, clock)).message,
    ).toBe('Feedback is given after the session has started');
    const cancelled = aPair({ sessions: [{ ...past(), status: 'cancelled' }] });
    expect(
      thrown(() => giveFeedback(cancelled, 's1', 'mentee-1', goodFeedback, clock)).message,
    ).toBe('A cancelled session takes no feedback');
    expect(
      thrown(() => giveFeedback(withSessions(), 's1', 'manager-1', goodFeedback, clock)).code,
    ).toBe('not_pair_member');
  });

  it('explains a rating outside 1–4 and text that is too long', () => {
    const error = thrown(() =>
      giveFeedback(
        withSessions(),
        's1',
        'mentor-1',
        { ...goodFeedback, rating: 0, worked: 'x'.repeat(1001) },
        clock,
      ),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.details?.issues).toEqual([
      { path: 'rating', message: 'rating must be at least 1' },
      { path: 'worked', message: 'worked must be at most 1000 characters' },
    ]);
  });

  it('lists the finished sessions still waiting for a member’s feedback', () => {
    const pair = aPair({
      sessions: [
        past(),
        aSession({ id: 's0', start: '2026-03-03T09:00:00.000Z', status: 'missed' }),
        aSession({ id: 'now', start: '2026-03-10T11:30:00.000Z' }),
        future(),
      ],
    });
    expect(sessionsAwaitingFeedback(pair, 'mentee-1', clock).map((s) => s.id)).toEqual(['s1']);
    const given = giveFeedback(pair, 's1', 'mentee-1', goodFeedback, clock).pair;
    expect(sessionsAwaitingFeedback(given, 'mentee-1', clock)).toEqual([]);
    expect(sessionsAwaitingFeedback(given, 'mentor-1', clock).map((s) => s.id)).toEqual(['s1']);
  });
});

describe('self-assessment', () => {
  it('records one level per person, phase and goal; the same level again is a no-op', () => {
    const input = { phase: 'start' as const, goal: 'Build a dashboard', level: 2 };
    const first = recordAssessment(aPair(), 'mentee-1', input, clock);
    expect(first.pair.assessments).toEqual([
      { ...input, personId: 'mentee-1', at: '2026-03-10T12:00:00.000Z' },
    ]);
    expect(recordAssessment(first.pair, 'mentee-1', input, clock).changed).toBe(false);
    const revised = recordAssessment(first.pair, 'mentee-1', { ...input, level: 3 }, clock).pair;
    expect(revised.assessments).toHaveLength(1);
    expect(revised.assessments[0]?.level).toBe(3);
    const end = recordAssessment(
      revised,
      'mentee-1',
      { ...input, phase: 'end', level: 4 },
      clock,
    ).pair;
    expect(end.assessments.map((a) => `${a.phase}:${a.level}`)).toEqual(['start:3', 'end:4']);
  });

  it('explains a bad level and refuses outsiders and pairs not yet accepted', () => {
    const error = thrown(() =>
      recordAssessment(aPair(), 'mentor-1', { phase: 'start', goal: 'x', level: 9 }, clock),
    );
    expect(error.details?.issues).toEqual([{ path: 'level', message: 'level must be at most 5' }]);
    expect(
      thrown(() =>
        recordAssessment(aPair(), 'manager-1', { phase: 'start', goal: 'x', level: 2 }, clock),
      ).code,
    ).toBe('not_pair_member');
    expect(
      thrown(() =>
        recordAssessment(
          aPair({ state: 'proposed' }),
          'mentor-1',
          { phase: 'start', goal: 'x', level: 2 },
          clock,
        ),
      ).code,
    ).toBe('invalid_transition');
  });
});
