import {
  formerParticipantBilingual,
  holdsToken,
  mentions,
  scrubMentions,
} from '../../../src/domain/privacy/erasure';
import {
  addMonths,
  anonymousSummary,
  isPurgeDue,
  purgeDueAt,
} from '../../../src/domain/privacy/retention';
import { aFeedback, aPair, aProgramme, aSession } from '../../fixtures/builders';

const traces = { personId: 'u-ana', email: 'ana.lima@contoso.com', displayName: 'Ana Lima' };

describe('erasure: finding and replacing a person in any document', () => {
  it('matches whole tokens only: u-ana is not in u-anais, Ana Lima not in Ana Limas', () => {
    expect(holdsToken('pair-x:u-ana', 'u-ana')).toBe(true);
    expect(holdsToken('u-anais', 'u-ana')).toBe(false);
    expect(mentions({ managerId: 'u-anais', name: 'Ana Limas' }, ['u-ana', 'Ana Lima'])).toBe(
      false,
    );
    expect(mentions({ nested: [{ by: 'u-ana' }] }, ['u-ana'])).toBe(true);
  });

  it('replaces the id, the e-mail and the name, in the language of bilingual text', () => {
    const scrubbed = scrubMentions(
      {
        id: 'doc-1',
        mentorId: 'u-ana',
        others: ['u-anais', 'u-ana'],
        key: 'pair-1:u-ana',
        email: 'ana.lima@contoso.com',
        reasons: [{ fr: 'Ana Lima enseigne Excel', en: 'Ana Lima teaches Excel' }],
        payload: { partnerName: 'Ana Lima' },
        rating: 4,
      },
      traces,
      'former-1',
    );
    expect(scrubbed).toEqual({
      id: 'doc-1',
      mentorId: 'former-1',
      others: ['u-anais', 'former-1'],
      key: 'pair-1:former-1',
      email: 'former-1@erased.invalid',
      reasons: [
        { fr: 'Ancien participant enseigne Excel', en: 'Former participant teaches Excel' },
      ],
      payload: { partnerName: formerParticipantBilingual },
      rating: 4,
    });
    expect(mentions(scrubbed, ['u-ana', 'ana.lima@contoso.com', 'Ana Lima'])).toBe(false);
  });
});

describe('retention', () => {
  it('adds calendar months, keeping the last day of a shorter month', () => {
    expect(addMonths('2027-01-13T09:00:00.000Z', 12)).toBe('2028-01-13T09:00:00.000Z');
    expect(addMonths('2027-08-31T10:00:00.000Z', 6)).toBe('2028-02-29T10:00:00.000Z');
  });

  it('purges a closed programme once its period after closing has run out, never an open one', () => {
    const open = aProgramme({ status: 'running' });
    expect(purgeDueAt(open)).toBeUndefined();
    expect(isPurgeDue(open, new Date('2099-01-01T00:00:00Z'))).toBe(false);
    const closed = aProgramme({
      status: 'closed',
      closedAt: '2027-01-13T09:00:00.000Z',
      retentionMonths: 6,
    });
    expect(purgeDueAt(closed)).toBe('2027-07-13T09:00:00.000Z');
    expect(isPurgeDue(closed, new Date('2027-07-13T08:59:59Z'))).toBe(false);
    expect(isPurgeDue(closed, new Date('2027-07-13T09:00:00Z'))).toBe(true);
    expect(
      isPurgeDue({ ...closed, purgedAt: '2027-07-13T09:00:00.000Z' }, new Date('2030-01-01')),
    ).toBe(false);
    // Closed before closedAt was recorded: counts from the last change, 12 months by default.
    const older = aProgramme({ status: 'closed', updatedAt: '2026-05-01T00:00:00.000Z' });
    expect(purgeDueAt(older)).toBe('2027-05-01T00:00:00.000Z');
  });

  it('keeps counts, and a mean satisfaction only from 5 ratings up', () => {
    const held = aSession({ status: 'held' });
    const fromMentee = (rating: number) =>
      aFeedback({ sessionId: held.id, fromId: 'mentee-1', toId: 'mentor-1', rating });
    const four = aPair({ sessions: [held], feedback: [1, 2, 3, 4].map(fromMentee) });
    const five = aPair({ state: 'completed', sessions: [held], feedback: [4].map(fromMentee) });
    const summary = anonymousSummary([four, five], 2);
    expect(summary).toEqual({
      participants: 2,
      pairs: 2,
      pairsByState: { active: 1, completed: 1 },
      sessionsPlanned: 2,
      sessionsHeld: 2,
      satisfaction: { fromMentees: 2.8, fromMentors: null, ratings: 5 },
    });
    expect(anonymousSummary([four], 2).satisfaction.fromMentees).toBeNull();
  });
});
