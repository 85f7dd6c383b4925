import { dateTime, group, idOf } from './common';

/**
 * A lease: who holds a piece of shared work and until when. Work that several instances may pick
 * up (a notification to send, a calendar series to read, a programme's matching run) is taken by
 * writing a lease with an ETag-conditional write; a crashed holder's lease runs out and another
 * instance takes over. The one set of rules for every lease in the app.
 */
export type Lease = { readonly by: string; readonly until: string };

/** The stored shape (`{ by, until }`), for documents that carry a lease under `field`. */
export function leaseSchema(field: string) {
  return group(field, { by: idOf(`${field}.by`), until: dateTime(`${field}.until`) });
}

/** A lease for `by`, `ms` from `now`. */
export function takeLease(by: string, now: Date, ms: number): Lease {
  return { by, until: new Date(now.getTime() + ms).toISOString() };
}

/** True while the lease holds (someone owns the work). */
export function isLeaseLive(lease: Lease | null | undefined, now: Date): boolean {
  return !!lease && lease.until > now.toISOString();
}

/** True while `by` holds the lease. */
export function holdsLease(lease: Lease | null | undefined, by: string, now: Date): boolean {
  return isLeaseLive(lease, now) && lease!.by === by;
}

/** Milliseconds left on the lease (0 once it ran out). */
export function leaseLeftMs(lease: Lease | null | undefined, now: Date): number {
  return lease ? Math.max(0, Date.parse(lease.until) - now.getTime()) : 0;
}
