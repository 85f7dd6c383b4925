import type { ManagerReportsResponse } from '../../contracts/health';
import type { Approval } from '../../domain/approval';
import type { Pair } from '../../domain/pair/schema';
import type { Person } from '../../domain/person';
import type { Programme } from '../../domain/programme';

/**
 * What a manager sees: each direct report's participation (their latest pair's state, sessions
 * held and planned) and the approvals asked of the manager. Nothing else: no notes, no feedback,
 * no goals, no partner.
 */
export function managerReports(input: {
  reports: readonly Person[];
  pairs: readonly Pair[];
  approvals: readonly Approval[];
  programmes: readonly Programme[];
  names: ReadonlyMap<string, string>;
}): ManagerReportsResponse {
  const programmeName = new Map(input.programmes.map((p) => [p.id, p.name]));
  const reports = input.reports
    .map((person) => {
      const theirs = input.pairs
        .filter((p) => p.mentorId === person.id || p.menteeId === person.id)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const latest = theirs[0];
      return {
        personId: person.id,
        displayName: person.displayName,
        programmeId: latest?.programmeId ?? null,
        programmeName: latest ? (programmeName.get(latest.programmeId) ?? null) : null,
        pairState: latest?.state ?? null,
        sessionsHeld: latest?.sessions.filter((s) => s.status === 'held').length ?? 0,
        sessionsPlanned: latest?.sessions.filter((s) => s.status !== 'cancelled').length ?? 0,
        sessionsInFrame: latest?.agreement.frame.sessions ?? 0,
      };
    })
    // Only those who take part: a report not in any pair is not the manager's concern here.
    .filter((r) => r.pairState !== null)
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'));
  const approvals = input.approvals
    .filter((a) => a.status !== 'superseded')
    .map((a) => ({
      approvalId: a.id,
      personId: a.personId,
      personName: input.names.get(a.personId) ?? a.personId,
      status: a.status as 'pending' | 'approved' | 'declined',
      requestedAt: a.createdAt,
      decidedAt: a.decidedAt ?? null,
      totalMinutes: a.request.totalMinutes,
    }));
  return { reports, approvals };
}
