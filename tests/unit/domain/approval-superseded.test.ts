import {
  approvalSchema,
  currentApprovals,
  decide,
  sameTimeRequested,
  supersede,
  type ApprovalRequest,
} from '../../../src/domain/approval';
import { fixedClock } from '../../../src/domain/clock';
import { pairApprovalOf } from '../../../src/domain/pair/approvals';
import { anApproval } from '../../fixtures/builders';
import { thrown } from '../../support/thrown';

const clock = fixedClock('2026-03-09T08:00:00.000Z');

const asked: ApprovalRequest = {
  sessions: 6,
  durationMinutes: 60,
  frequency: 'biweekly',
  from: '2026-03-10',
  to: '2026-05-19',
  totalMinutes: 360,
};

describe('the same time requested', () => {
  it('counts sessions, duration, frequency and total, not the period', () => {
    expect(sameTimeRequested(asked, { ...asked })).toBe(true);
    expect(sameTimeRequested(asked, { ...asked, from: '2026-04-07', to: '2026-06-16' })).toBe(true);
    expect(sameTimeRequested(asked, { ...asked, sessions: 5, totalMinutes: 300 })).toBe(false);
    expect(sameTimeRequested(asked, { ...asked, durationMinutes: 90, totalMinutes: 540 })).toBe(
      false,
    );
    expect(sameTimeRequested(asked, { ...asked, frequency: 'weekly' })).toBe(false);
  });
});

describe('a superseded request', () => {
  it('a pending request becomes superseded, naming the request that replaced it and when', () => {
    const old = anApproval({ id: 'approval.pair-1.mentee-1.r1', agreementRevision: 1 });
    const result = supersede(old, 'approval.pair-1.mentee-1.r2', clock);
    expect(result.changed).toBe(true);
    expect(result.approval).toEqual({
      ...old,
      status: 'superseded',
      supersededBy: 'approval.pair-1.mentee-1.r2',
      supersededAt: '2026-03-09T08:00:00.000Z',
    });
    // The stored document stays valid.
    expect(approvalSchema.parse(result.approval)).toEqual(result.approval);
  });

  it('a decision already taken stays as it is; superseding twice or by itself changes nothing', () => {
    const approved = anApproval({ status: 'approved', decidedAt: '2026-03-06T10:00:00.000Z' });
    expect(supersede(approved, 'newer', clock)).toEqual({ approval: approved, changed: false });
    const done = supersede(anApproval(), 'newer', clock).approval;
    expect(supersede(done, 'newest', clock)).toEqual({ approval: done, changed: false });
    const pending = anApproval({ id: 'same' });
    expect(supersede(pending, 'same', clock).changed).toBe(false);
  });

  it('cannot be decided, either way: a clear invalid_transition naming the newer request', () => {
    const old = supersede(anApproval({ managerId: 'manager-1' }), 'approval.r2', clock).approval;
    for (const decision of ['approved', 'declined'] as const) {
      const error = thrown(() => decide(old, 'manager-1', decision, 'ok', clock));
      expect(error.code).toBe('invalid_transition');
      expect(error.message).toBe(
        'This request was replaced by a newer one: decide the new request',
      );
      expect(error.details).toMatchObject({
        from: 'superseded',
        to: decision,
        supersededBy: 'approval.r2',
      });
    }
    // Anyone else is refused as before: who may decide is checked first.
    expect(thrown(() => decide(old, 'someone', 'approved', undefined, clock)).code).toBe(
      'forbidden',
    );
  });

  it('never counts: the latest request that was not superseded does', () => {
    const approvedR1 = anApproval({
      id: 'r1',
      agreementRevision: 1,
      status: 'approved',
      decidedAt: '2026-03-06T10:00:00.000Z',
    });
    const supersededR2 = supersede(anApproval({ id: 'r2', agreementRevision: 2 }), 'r3', clock);
    expect(currentApprovals([approvedR1, supersededR2.approval]).map((a) => a.id)).toEqual(['r1']);
    const pendingR3 = anApproval({ id: 'r3', agreementRevision: 3 });
    expect(
      currentApprovals([approvedR1, supersededR2.approval, pendingR3]).map((a) => a.id),
    ).toEqual(['r3']);
  });

  it('has no place in the pair’s summary', () => {
    const old = supersede(anApproval(), 'newer', clock).approval;
    expect(thrown(() => pairApprovalOf(old, 'Sophie Laurent')).code).toBe('invalid_transition');
  });

  it('the stored status accepts "superseded" and explains the others', () => {
    const bad = approvalSchema.safeParse({ ...anApproval(), status: 'replaced' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe(
      'status must be "pending", "approved", "declined" or "superseded"',
    );
  });
});
