import {
  addPeriods,
  allApproved,
  approvalRequestFor,
  approvalRequestSchema,
  approvalSchema,
  decide,
  defaultFrame,
  fixedClock,
  issuesOf,
} from '../../../src/domain';
import { anApproval } from '../../fixtures/builders';
import { thrown } from '../../support/thrown';

const clock = fixedClock('2026-03-03T08:00:00.000Z');

describe('approval request', () => {
  it('asks for the default frame: 6 × 60 min every two weeks, ten weeks from the first session', () => {
    expect(approvalRequestFor(defaultFrame, '2026-03-10')).toEqual({
      sessions: 6,
      durationMinutes: 60,
      frequency: 'biweekly',
      from: '2026-03-10',
      to: '2026-05-19',
      totalMinutes: 360,
    });
  });

  it('handles weekly, monthly and a single session', () => {
    const weekly = {
      ...defaultFrame,
      frequency: 'weekly' as const,
      sessions: 4,
      durationMinutes: 45,
    };
    expect(approvalRequestFor(weekly, '2026-12-22')).toMatchObject({
      to: '2027-01-12',
      totalMinutes: 180,
    });
    const monthly = { ...defaultFrame, frequency: 'monthly' as const, sessions: 3 };
    expect(approvalRequestFor(monthly, '2026-01-31').to).toBe('2026-03-31');
    const single = { ...defaultFrame, sessions: 1 };
    expect(approvalRequestFor(single, '2026-03-10')).toMatchObject({
      from: '2026-03-10',
      to: '2026-03-10',
    });
  });

  it('clamps monthly dates to the end of shorter months', () => {
    expect(addPeriods('2026-01-31', 'monthly', 1)).toBe('2026-02-28');
    expect(addPeriods('2028-01-31', 'monthly', 1)).toBe('2028-02-29');
    expect(addPeriods('2026-11-30', 'monthly', 3)).toBe('2027-02-28');
  });

  it('its computed request passes its own schema; a wrong total is explained', () => {
    const request = approvalRequestFor(defaultFrame, '2026-03-10');
    expect(approvalRequestSchema.safeParse(request).success).toBe(true);
    const result = approvalRequestSchema.safeParse({
      ...request,
      totalMinutes: 300,
      to: '2026-03-01',
    });
    expect(result.success ? [] : issuesOf(result.error)).toEqual([
      { path: 'to', message: 'request.to must be on or after request.from' },
      {
        path: 'totalMinutes',
        message: 'request.totalMinutes must equal sessions × durationMinutes',
      },
    ]);
  });
});

describe('deciding an approval', () => {
  it('the manager approves, with a comment, stamped with who and when', () => {
    const { approval, changed } = decide(
      anApproval(),
      'manager-1',
      'approved',
      '  Bonne idée  ',
      clock,
    );
    expect(changed).toBe(true);
    expect(approval).toMatchObject({
      status: 'approved',
      decidedBy: 'manager-1',
      decidedAt: '2026-03-03T08:00:00.000Z',
      comment: 'Bonne idée',
    });
    expect(approvalSchema.safeParse(approval).success).toBe(true);
  });

  it('the manager may decline without a comment', () => {
    const { approval } = decide(anApproval(), 'manager-1', 'declined', undefined, clock);
    expect(approval.status).toBe('declined');
    expect(approval.comment).toBeUndefined();
  });

  it('a manager who is not the approver cannot approve', () => {
    const error = thrown(() => decide(anApproval(), 'manager-2', 'approved', undefined, clock));
    expect(error.code).toBe('forbidden');
  });

  it('the person whose time it is cannot approve it', () => {
    const approval = anApproval({ personId: 'mentee-1' });
    expect(thrown(() => decide(approval, 'mentee-1', 'approved', undefined, clock)).code).toBe(
      'forbidden',
    );
  });

  it('a double click on Approve decides once', () => {
    const once = decide(anApproval(), 'manager-1', 'approved', 'ok', clock).approval;
    const later = fixedClock('2026-03-03T08:00:01.000Z');
    expect(decide(once, 'manager-1', 'approved', 'ok', later)).toEqual({
      approval: once,
      changed: false,
    });
  });

  it('a different decision after one was taken is refused', () => {
    const approved = decide(anApproval(), 'manager-1', 'approved', undefined, clock).approval;
    const error = thrown(() => decide(approved, 'manager-1', 'declined', undefined, clock));
    expect(error.code).toBe('invalid_transition');
    expect(error.details).toMatchObject({ from: 'approved', to: 'declined' });
  });

  it('refuses a comment longer than 1000 characters', () => {
    const error = thrown(() =>
      decide(anApproval(), 'manager-1', 'declined', 'x'.repeat(1001), clock),
    );
    expect(error.code).toBe('validation_failed');
  });

  it('allApproved needs at least one approval and all granted', () => {
    expect(allApproved([])).toBe(false);
    expect(
      allApproved([anApproval({ status: 'approved' }), anApproval({ status: 'pending' })]),
    ).toBe(false);
    expect(
      allApproved([anApproval({ status: 'approved' }), anApproval({ status: 'approved' })]),
    ).toBe(true);
  });
});
