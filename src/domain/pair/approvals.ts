import type { Approval } from '../approval';
import type { Clock } from '../clock';
import { DomainError } from '../errors';
import { sameValue, type PairChange } from './changes';
import { roleIn } from './membership';
import type { Pair, PairApproval } from './schema';

/** Where the managers' approvals of a pair stand, as the pair records them for its dashboard. */

/**
 * The summary entry of a stored approval, with the manager's name as the members should read it.
 * Only a request that counts has one: a superseded request is refused.
 */
export function pairApprovalOf(approval: Approval, managerName: string): PairApproval {
  if (approval.status === 'superseded') {
    throw new DomainError(
      'invalid_transition',
      `Approval ${approval.id} was replaced by a newer request; the pair records the newer one`,
      { entity: 'approval', id: approval.id, from: approval.status },
    );
  }
  return {
    personId: approval.personId,
    managerId: approval.managerId,
    managerName,
    ...(approval.agreementRevision !== undefined && { revision: approval.agreementRevision }),
    status: approval.status,
    requestedAt: approval.createdAt,
    ...(approval.comment !== undefined && { comment: approval.comment }),
    ...(approval.decidedAt !== undefined && { decidedAt: approval.decidedAt }),
  };
}

function sameApprovals(a: readonly PairApproval[], b: readonly PairApproval[]): boolean {
  const fields = (e: PairApproval) => [
    e.personId,
    e.managerId,
    e.managerName,
    e.revision ?? null,
    e.status,
    e.requestedAt,
    e.comment ?? null,
    e.decidedAt ?? null,
  ];
  return sameValue(a.map(fields), b.map(fields));
}

/** True when `a` says more than `b` about the same member: a later request, or its decision. */
function supersedes(a: PairApproval, b: PairApproval): boolean {
  const ra = a.revision ?? 0;
  const rb = b.revision ?? 0;
  if (ra !== rb) return ra > rb;
  if (a.requestedAt !== b.requestedAt) return a.requestedAt > b.requestedAt;
  // The same request: a decision is final, so it wins over "pending" read earlier.
  return a.status !== 'pending' && b.status === 'pending';
}

/**
 * Records on the pair where its managers' approvals stand. Per member, the entry of the latest
 * request wins, and for the same request its decision wins over "pending": a writer holding an
 * older read of the approvals never undoes a newer request or decision. Nothing new: `changed`
 * false and the same pair.
 */
export function recordApprovals(
  pair: Pair,
  entries: readonly PairApproval[],
  clock: Clock,
): PairChange {
  const byPerson = new Map((pair.approvals ?? []).map((entry) => [entry.personId, entry]));
  for (const entry of entries) {
    roleIn(pair, entry.personId);
    const seen = byPerson.get(entry.personId);
    if (!seen || supersedes(entry, seen)) byPerson.set(entry.personId, entry);
  }
  const approvals = [pair.mentorId, pair.menteeId].flatMap((id) => {
    const entry = byPerson.get(id);
    return entry ? [entry] : [];
  });
  if (sameApprovals(approvals, pair.approvals ?? [])) return { pair, changed: false };
  return {
    pair: { ...pair, approvals, updatedAt: clock.now().toISOString() },
    changed: true,
  };
}
