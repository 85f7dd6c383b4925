import {
  answerProposal,
  expireProposal,
  fixedClock,
  issuesOf,
  matchProposalSchema,
  proposalExpiry,
  supersedeProposal,
} from '../../../src/domain';
import { aProposal } from '../../fixtures/builders';
import { thrown } from '../../support/thrown';

const clock = fixedClock('2026-03-02T10:00:00.000Z');

describe('answering a match proposal', () => {
  it('one acceptance records the answer and waits for the other side', () => {
    const result = answerProposal(aProposal(), 'mentor-1', 'accepted', clock);
    expect(result.changed).toBe(true);
    expect(result.bothAccepted).toBe(false);
    expect(result.proposal.status).toBe('proposed');
    expect(result.proposal.answers).toEqual({
      mentor: { answer: 'accepted', at: '2026-03-02T10:00:00.000Z' },
    });
    expect(matchProposalSchema.safeParse(result.proposal).success).toBe(true);
  });

  it('says when both have accepted', () => {
    const first = answerProposal(aProposal(), 'mentee-1', 'accepted', clock).proposal;
    const second = answerProposal(first, 'mentor-1', 'accepted', clock);
    expect(second).toMatchObject({ changed: true, bothAccepted: true });
    expect(second.proposal.status).toBe('accepted');
  });

  it('a decline from either side closes the proposal', () => {
    const accepted = answerProposal(aProposal(), 'mentor-1', 'accepted', clock).proposal;
    const declined = answerProposal(accepted, 'mentee-1', 'declined', clock);
    expect(declined).toMatchObject({ changed: true, bothAccepted: false });
    expect(declined.proposal.status).toBe('declined');
    const error = thrown(() => answerProposal(declined.proposal, 'mentor-1', 'declined', clock));
    expect(error.code).toBe('invalid_transition');
  });

  it('answering twice the same way is a no-op (a double click answers once)', () => {
    const once = answerProposal(aProposal(), 'mentor-1', 'accepted', clock).proposal;
    const twice = answerProposal(once, 'mentor-1', 'accepted', fixedClock('2026-03-02T11:00:00Z'));
    expect(twice).toEqual({ proposal: once, changed: false, bothAccepted: false });
    const both = answerProposal(once, 'mentee-1', 'accepted', clock).proposal;
    expect(answerProposal(both, 'mentee-1', 'accepted', clock)).toEqual({
      proposal: both,
      changed: false,
      bothAccepted: true,
    });
  });

  it('an answer cannot be changed once given', () => {
    const once = answerProposal(aProposal(), 'mentor-1', 'accepted', clock).proposal;
    const error = thrown(() => answerProposal(once, 'mentor-1', 'declined', clock));
    expect(error.code).toBe('invalid_transition');
    expect(error.details).toMatchObject({ from: 'accepted', to: 'declined' });
  });

  it('only the two people proposed can answer', () => {
    const error = thrown(() => answerProposal(aProposal(), 'stranger', 'accepted', clock));
    expect(error.code).toBe('not_pair_member');
  });

  it('no answer is taken from expiresAt on', () => {
    const proposal = aProposal({ expiresAt: '2026-03-02T10:00:00.000Z' });
    const error = thrown(() => answerProposal(proposal, 'mentor-1', 'accepted', clock));
    expect(error.code).toBe('proposal_expired');
    const justBefore = fixedClock('2026-03-02T09:59:59.999Z');
    expect(answerProposal(proposal, 'mentor-1', 'accepted', justBefore).changed).toBe(true);
  });

  it('a repeated answer after expiry is still a harmless no-op', () => {
    const proposal = aProposal({ expiresAt: '2026-03-02T10:00:00.000Z' });
    const answered = answerProposal(
      proposal,
      'mentor-1',
      'accepted',
      fixedClock('2026-03-02T09:00:00Z'),
    );
    expect(answerProposal(answered.proposal, 'mentor-1', 'accepted', clock).changed).toBe(false);
  });

  it('an expired or superseded proposal cannot be answered', () => {
    for (const status of ['expired', 'superseded'] as const) {
      const error = thrown(() =>
        answerProposal(aProposal({ status }), 'mentee-1', 'accepted', clock),
      );
      expect(error.code).toBe(status === 'expired' ? 'proposal_expired' : 'invalid_transition');
    }
  });
});

describe('proposal lifecycle', () => {
  it('expires an open proposal past its time, and nothing else', () => {
    const open = aProposal({ expiresAt: '2026-03-02T09:30:00.000Z' });
    expect(expireProposal(open, clock).proposal.status).toBe('expired');
    expect(
      expireProposal(aProposal({ expiresAt: '2026-03-03T00:00:00.000Z' }), clock).changed,
    ).toBe(false);
    const accepted = aProposal({ status: 'accepted', expiresAt: '2026-03-01T00:00:00.000Z' });
    expect(expireProposal(accepted, clock)).toEqual({ proposal: accepted, changed: false });
  });

  it('a newer run supersedes open proposals only', () => {
    expect(supersedeProposal(aProposal()).proposal.status).toBe('superseded');
    const superseded = aProposal({ status: 'superseded' });
    expect(supersedeProposal(superseded).changed).toBe(false);
    expect(thrown(() => supersedeProposal(aProposal({ status: 'accepted' }))).code).toBe(
      'invalid_transition',
    );
  });

  it('computes the expiry from the response days', () => {
    expect(proposalExpiry(new Date('2026-03-02T10:00:00Z'), 3)).toBe('2026-03-05T10:00:00.000Z');
  });

  it('refuses a proposal pairing someone with themself', () => {
    const result = matchProposalSchema.safeParse({ ...aProposal(), menteeId: 'mentor-1' });
    expect(result.success ? [] : issuesOf(result.error)).toEqual([
      { path: 'menteeId', message: 'mentorId and menteeId must be two different people' },
    ]);
  });
});
