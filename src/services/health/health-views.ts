import type { ReportResponse } from '../../contracts/health';
import { DomainError } from '../../domain/errors';
import type { Programme } from '../../domain/programme';
import type { HealthSliceDocument } from '../../store/figures-repository';

/**
 * What the health routes answer from stored figures: the bilan's view of a programme, and the
 * 400 of a filter no pair matches (src/services/health/health-service.ts reads, these shape).
 */

export function unknownFilter(
  all: HealthSliceDocument,
  department: string | null,
  startMonth: string | null,
): DomainError {
  const issues: { path: string; message: string }[] = [];
  const { departments, startMonths } = all.health.filters;
  if (department !== null && !departments.includes(department)) {
    issues.push({
      path: 'department',
      message: `No participant of this programme is in "${department}"`,
    });
  }
  if (startMonth !== null && !startMonths.includes(startMonth)) {
    issues.push({
      path: 'startMonth',
      message: `No pair of this programme started in ${startMonth}`,
    });
  }
  if (issues.length === 0) {
    issues.push({ path: 'department', message: 'No pair matches both filters' });
  }
  return new DomainError('validation_failed', issues.map((i) => i.message).join('; '), { issues });
}

function guideOf(doc: HealthSliceDocument) {
  if (!doc.report) {
    throw new DomainError('internal', `Stored figures ${doc.id} lack the report's answers`);
  }
  return doc.report.guide;
}

export function reportOf(programme: Programme, doc: HealthSliceDocument): ReportResponse {
  const { health } = doc;
  return {
    programme: {
      id: programme.id,
      name: programme.name,
      description: programme.description,
      startDate: programme.startDate,
      endDate: programme.endDate,
      status: programme.status,
    },
    generatedAt: doc.generatedAt,
    participants: {
      total: health.participants.total,
      byRole: health.participants.byRole,
      byState: health.participants.byState,
      inPairs: health.participants.inPairs,
    },
    pairs: {
      total: health.pairs.total,
      byState: health.pairs.byState,
      endedEarly: health.pairs.endedEarly,
    },
    sessions: health.sessions,
    timeToFirstSession: health.timeToFirstSession,
    satisfaction: health.satisfaction,
    skills: health.skills,
    approvals: health.approvals,
    informalHelp: health.informalHelp,
    sharedComments: doc.report?.sharedComments ?? [],
    guide: guideOf(doc),
  };
}
