import { fixedClock, giveFeedback, newPair, pairSchema, planSession } from '../../../../src/domain';
import { defaultFrame } from '../../../../src/domain/programme';
import { approvalSchema } from '../../../../src/domain/approval';
import { privateNotebookSchema } from '../../../../src/domain/pair/private-notes';
import { demoPairs } from '../../../../src/local/seed/demo-pairs';
import { aPair, aProposal, aSession, somePairMembers } from '../../../fixtures/builders';
import { thrown } from '../../../support/thrown';

const clock = fixedClock('2026-03-10T12:00:00.000Z');

describe('planning a session by hand', () => {
  it('numbers sessions by start time and takes the frame’s duration by default', () => {
    const later = planSession(
      aPair(),
      { id: 'b', start: '2026-03-24T09:00:00Z' },
      'mentor-1',
      clock,
    ).pair;
    const { pair, changed } = planSession(
      later,
      { id: 'a', start: '2026-03-17T09:00:00.000Z', agenda: 'Kick-off' },
      'mentee-1',
      clock,
    );
    expect(changed).toBe(true);
    expect(pair.sessions.map((s) => [s.id, s.index, s.start, s.durationMinutes, s.status])).toEqual(
      [
        ['a', 1, '2026-03-17T09:00:00.000Z', 60, 'planned'],
        ['b', 2, '2026-03-24T09:00:00.000Z', 60, 'planned'],
      ],
    );
    expect(pair.sessions[0]?.agenda).toBe('Kick-off');
  });

  it('is a no-op when repeated, refused from outside the pair, on a closed pair, or with a bad start', () => {
    const once = planSession(
      aPair(),
      { id: 'a', start: '2026-03-17T09:00:00Z' },
      'mentor-1',
      clock,
    );
    expect(
      planSession(once.pair, { id: 'a', start: '2026-03-17T09:00:00Z' }, 'mentor-1', clock).changed,
    ).toBe(false);
    expect(
      thrown(() =>
        planSession(once.pair, { id: 'a', start: '2026-03-18T09:00:00Z' }, 'mentor-1', clock),
      ).code,
    ).toBe('already_exists');
    expect(
      thrown(() => planSession(aPair(), { id: 'x', start: '2026-03-17T09:00:00Z' }, 'lead', clock))
        .code,
    ).toBe('not_pair_member');
    expect(
      thrown(() =>
        planSession(
          aPair({ state: 'ended', endReason: 'moved' }),
          { id: 'x', start: '2026-03-17T09:00:00Z' },
          'mentor-1',
          clock,
        ),
      ).code,
    ).toBe('invalid_transition');
    const bad = thrown(() =>
      planSession(aPair(), { id: 'x', start: 'next monday' }, 'mentor-1', clock),
    );
    expect(bad.code).toBe('validation_failed');
    expect(bad.details?.issues).toEqual([expect.objectContaining({ path: 'start' })]);
  });
});

describe('the lead flag', () => {
  const held = () =>
    aPair({
      sessions: [aSession({ id: 's1', start: '2026-03-10T09:00:00.000Z', status: 'held' })],
    });
  const poor = {
    rating: 1,
    worked: '-',
    suggestion: 'Another partner',
    pairingFit: 'poor' as const,
  };

  it('is raised once both members say the pairing is a poor fit, and kept afterwards', () => {
    const one = giveFeedback(held(), 's1', 'mentor-1', poor, clock).pair;
    expect(one.leadFlag).toBeUndefined();
    const both = giveFeedback(one, 's1', 'mentee-1', poor, clock).pair;
    expect(both.leadFlag).toEqual({
      reason: 'poor_fit_both_sides',
      at: '2026-03-10T12:00:00.000Z',
    });
    const later = fixedClock('2026-03-11T12:00:00.000Z');
    const changedMind = giveFeedback(
      both,
      's1',
      'mentee-1',
      { ...poor, pairingFit: 'good' },
      later,
    );
    expect(changedMind.pair.leadFlag).toEqual(both.leadFlag);
  });

  it('is not raised when only one side finds it poor', () => {
    const one = giveFeedback(held(), 's1', 'mentor-1', poor, clock).pair;
    const other = giveFeedback(one, 's1', 'mentee-1', { ...poor, pairingFit: 'unsure' }, clock);
    expect(other.pair.leadFlag).toBeUndefined();
  });
});

describe('the members snapshot', () => {
  it('is copied into a new pair when given', () => {
    const members = somePairMembers();
    const pair = newPair(
      { id: 'p1', proposal: aProposal({ status: 'accepted' }), frame: defaultFrame, members },
      clock,
    );
    expect(pair.members).toEqual(members);
  });

  it('rejects an unknown time zone, naming the field', () => {
    const members = somePairMembers();
    const result = pairSchema.safeParse({
      ...aPair(),
      members: { ...members, mentee: { ...members.mentee, timeZone: 'Mars/Olympus' } },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toBe('members.mentee.timeZone');
  });
});

describe('the demo pairs', () => {
  it('are valid pairs, notes and approvals at different stages, dated around now', () => {
    const now = new Date('2027-02-15T08:00:00.000Z');
    const { pairs, notebooks, approvals } = demoPairs('tenant-demo', fixedClock(now));
    for (const pair of pairs) expect(pairSchema.safeParse(pair).success).toBe(true);
    for (const book of notebooks) expect(privateNotebookSchema.safeParse(book).success).toBe(true);
    expect(pairs.map((p) => p.state)).toEqual([
      'active',
      'accepted',
      'active',
      'awaiting_approval',
    ]);
    // The pair awaiting approval: one manager said yes, the other has not decided.
    for (const approval of approvals) expect(approvalSchema.safeParse(approval).success).toBe(true);
    expect(approvals.map((a) => [a.pairId, a.status])).toEqual([
      [pairs[3]!.id, 'pending'],
      [pairs[3]!.id, 'approved'],
    ]);
    for (const approval of approvals) expect(approval.createdAt <= now.toISOString()).toBe(true);
    // …and the pair's dashboard summary says the same, with the managers' names.
    expect(pairs[3]!.approvals?.map((a) => [a.managerName, a.status, a.comment ?? null])).toEqual([
      ['Nathalie Girard', 'approved', 'Très bonne initiative, bon binôme !'],
      ['Sylvie Garnier', 'pending', null],
    ]);
    for (const pair of pairs) {
      expect(pair.members).toBeDefined();
      expect(pair.updatedAt <= now.toISOString()).toBe(true);
    }
    const powerBi = pairs[0]!;
    expect(powerBi.sessions.filter((s) => s.start > now.toISOString())).toHaveLength(3);
    expect(notebooks).toHaveLength(2);
    for (const book of notebooks) {
      const pair = pairs.find((p) => p.id === book.pairId)!;
      expect([pair.mentorId, pair.menteeId]).toContain(book.authorId);
      expect(book.id).toBe(`${pair.id}:${book.authorId}`);
    }
  });
});
