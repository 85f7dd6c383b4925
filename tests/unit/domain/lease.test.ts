import {
  holdsLease,
  isLeaseLive,
  leaseLeftMs,
  leaseSchema,
  takeLease,
} from '../../../src/domain/lease';

const now = new Date('2027-03-28T01:30:00.000Z');

describe('leases on shared work', () => {
  it('a lease taken now holds for its length, for its holder only, then runs out', () => {
    const lease = takeLease('instance-a', now, 60_000);
    expect(lease).toEqual({ by: 'instance-a', until: '2027-03-28T01:31:00.000Z' });
    expect(isLeaseLive(lease, now)).toBe(true);
    expect(holdsLease(lease, 'instance-a', now)).toBe(true);
    expect(holdsLease(lease, 'instance-b', now)).toBe(false);
    expect(leaseLeftMs(lease, new Date(now.getTime() + 45_000))).toBe(15_000);
    const later = new Date(now.getTime() + 60_000);
    expect(isLeaseLive(lease, later)).toBe(false);
    expect(holdsLease(lease, 'instance-a', later)).toBe(false);
    expect(leaseLeftMs(lease, new Date(now.getTime() + 90_000))).toBe(0);
  });

  it('no lease is no holder', () => {
    expect(isLeaseLive(undefined, now)).toBe(false);
    expect(isLeaseLive(null, now)).toBe(false);
    expect(leaseLeftMs(undefined, now)).toBe(0);
  });

  it('the stored shape names the field in its messages', () => {
    const schema = leaseSchema('claim');
    expect(schema.parse({ by: 'a', until: '2027-03-28T01:31:00.000Z' })).toBeTruthy();
    const failed = schema.safeParse({ by: 'a' });
    expect(failed.success).toBe(false);
    expect(JSON.stringify(failed.error?.issues)).toContain('claim.until');
  });
});
