import {
  approvalIdFor,
  currentApprovals,
  nextWorkingDay,
  requestStartDay,
} from '../../../src/domain/approval';
import { fixedClock } from '../../../src/domain/clock';
import { aPair, aSession, anApproval } from '../../fixtures/builders';

describe('when the time asked of a manager starts', () => {
  it('the next working day in the person’s own time zone, over the weekend', () => {
    // Friday 6 March 2026, 23:30 UTC: already Saturday in Paris, still Friday in Montréal.
    const friday = new Date('2026-03-06T23:30:00.000Z');
    expect(nextWorkingDay(friday, 'Europe/Paris')).toBe('2026-03-09');
    expect(nextWorkingDay(friday, 'America/Montreal')).toBe('2026-03-09');
    // Wednesday → Thursday.
    expect(nextWorkingDay(new Date('2026-03-04T12:00:00.000Z'), 'Europe/Paris')).toBe('2026-03-05');
    // Sunday → Monday.
    expect(nextWorkingDay(new Date('2026-03-08T10:00:00.000Z'), 'Europe/Paris')).toBe('2026-03-09');
  });

  it('the first planned session still to come when there is one; past and cancelled ones do not count', () => {
    const clock = fixedClock('2026-03-05T09:00:00.000Z');
    const pair = aPair({
      sessions: [
        aSession({ id: 'past', index: 1, start: '2026-03-01T09:00:00.000Z' }),
        aSession({
          id: 'cancelled',
          index: 2,
          start: '2026-03-10T09:00:00.000Z',
          status: 'cancelled',
        }),
        aSession({ id: 'later', index: 4, start: '2026-03-31T09:00:00.000Z' }),
        aSession({ id: 'next', index: 3, start: '2026-03-17T23:30:00.000Z' }),
      ],
    });
    const started = '2026-01-05';
    expect(requestStartDay(pair, 'Europe/Paris', clock, started)).toBe('2026-03-18');
    expect(requestStartDay(pair, 'America/Montreal', clock, started)).toBe('2026-03-17');
    expect(requestStartDay(aPair(), 'Europe/Paris', clock, started)).toBe('2026-03-06');
  });

  it('never before the programme starts', () => {
    const clock = fixedClock('2026-03-05T09:00:00.000Z');
    // Signed on 5 March for a programme that starts on 6 April: no session booked yet.
    expect(requestStartDay(aPair(), 'Europe/Paris', clock, '2026-04-06')).toBe('2026-04-06');
    // A first session booked before the programme starts does not pull the period earlier either.
    const early = aPair({
      sessions: [aSession({ id: 'early', index: 1, start: '2026-03-20T09:00:00.000Z' })],
    });
    expect(requestStartDay(early, 'Europe/Paris', clock, '2026-04-06')).toBe('2026-04-06');
    // A session after the start keeps its own day.
    const later = aPair({
      sessions: [aSession({ id: 'later', index: 1, start: '2026-04-14T09:00:00.000Z' })],
    });
    expect(requestStartDay(later, 'Europe/Paris', clock, '2026-04-06')).toBe('2026-04-14');
  });
});

describe('which requests count', () => {
  it('the id names pair, person and agreement revision', () => {
    expect(approvalIdFor('pair-7', 'mentee-1', 3)).toBe('approval.pair-7.mentee-1.r3');
  });

  it('for each member, the request of the latest revision: a decline superseded by a new request no longer counts', () => {
    const declined = anApproval({
      id: 'a1',
      personId: 'mentee-1',
      agreementRevision: 1,
      status: 'declined',
      createdAt: '2026-03-02T09:00:00.000Z',
    });
    const asked = anApproval({
      id: 'a2',
      personId: 'mentee-1',
      agreementRevision: 2,
      createdAt: '2026-03-01T09:00:00.000Z',
    });
    const mentor = anApproval({ id: 'a3', personId: 'mentor-1', agreementRevision: 1 });
    expect(currentApprovals([declined, asked, mentor]).map((a) => a.id)).toEqual(['a2', 'a3']);
    expect(currentApprovals([asked, declined]).map((a) => a.id)).toEqual(['a2']);
    // Requests stored before revisions were kept: the newest wins.
    const older = anApproval({ id: 'b1', createdAt: '2026-03-01T09:00:00.000Z' });
    const newer = anApproval({ id: 'b2', createdAt: '2026-03-03T09:00:00.000Z' });
    expect(currentApprovals([newer, older]).map((a) => a.id)).toEqual(['b2']);
  });
});
