import type { RetentionBody, RetentionResponse } from '../../contracts/privacy';
import type { Clock } from '../../domain/clock';
import { DomainError, isDomainError } from '../../domain/errors';
import { holdsLease, isLeaseLive, takeLease } from '../../domain/lease';
import { systemActorId } from '../../domain/privacy/audit';
import {
  anonymousSummary,
  closedAtOf,
  defaultRetentionMonths,
  isPurgeDue,
  purgeDueAt,
  retentionMonthsOf,
} from '../../domain/privacy/retention';
import type { Programme } from '../../domain/programme';
import type { Versioned } from '../../domain/versioned';
import type { Repositories } from '../../store/repositories';
import type { Principal } from '../auth/principal';
import type { AuditRecorder } from './audit-service';

export type RetentionServiceDeps = {
  repos: Pick<Repositories, 'programmes' | 'pairs' | 'profiles' | 'personalData'>;
  /** The programme a lead manages (`forbidden` otherwise): ProgrammeService.managed. */
  managed(principal: Principal, programmeId: string): Promise<Versioned<Programme>>;
  audit: AuditRecorder;
  clock: Clock;
  /** Whose purge claims these are (one instance purges a programme at a time). */
  instanceId: string;
  /** How long a purge claim holds before another instance may take over. */
  leaseMs?: number;
};

/**
 * Retention: a programme keeps personal data `retentionMonths` (default 12) after it closes; then
 * the sweep deletes its profiles, proposals, pairs (sessions, notes, feedback, assessments),
 * private notes, approvals, notifications, calendar records and jobs, and keeps on the programme
 * only its anonymous figures (`anonymousSummary`).
 */
export class RetentionService {
  constructor(private readonly deps: RetentionServiceDeps) {}

  /** What the lead sees: the period, and when the purge happens. */
  async get(principal: Principal, programmeId: string): Promise<RetentionResponse> {
    return view(await this.deps.managed(principal, programmeId));
  }

  /** The lead changes the period, in any status until the purge. */
  async set(
    principal: Principal,
    programmeId: string,
    body: RetentionBody,
  ): Promise<RetentionResponse> {
    const current = await this.deps.managed(principal, programmeId);
    if (current.value.purgedAt) {
      throw new DomainError(
        'invalid_transition',
        'This programme’s personal data was already purged.',
        { entity: 'programme', id: programmeId, from: 'purged' },
      );
    }
    const before = retentionMonthsOf(current.value);
    if (before === body.retentionMonths && current.value.retentionMonths !== undefined) {
      return view(current);
    }
    // A programme closed before `closedAt` was recorded counts from its last change: keep that
    // date, or this very change would move the purge.
    const closedAt = closedAtOf(current.value);
    const next: Programme = {
      ...current.value,
      ...(closedAt ? { closedAt } : {}),
      retentionMonths: body.retentionMonths,
      updatedAt: this.deps.clock.now().toISOString(),
    };
    const saved = await this.deps.repos.programmes.replace(next, body.version ?? current.etag);
    await this.deps.audit.record(principal.tenantId, {
      actorId: principal.personId,
      actorRole: 'lead',
      action: 'programme.retention_changed',
      targetType: 'programme',
      targetId: programmeId,
      programmeId,
      details: { from: before, to: body.retentionMonths },
    });
    return view(saved);
  }

  /** The background sweep: purges every closed programme whose retention ran out. */
  async purgeDue(signal?: AbortSignal): Promise<{ purged: number }> {
    const now = this.deps.clock.now();
    let purged = 0;
    for (const candidate of await this.deps.repos.programmes.closedNotPurged()) {
      if (signal?.aborted) break;
      if (!isPurgeDue(candidate.value, now)) continue;
      if (await this.purge(candidate)) purged++;
    }
    return { purged };
  }

  private async purge(candidate: Versioned<Programme>): Promise<boolean> {
    const { programmes } = this.deps.repos;
    const now = this.deps.clock.now();
    if (isLeaseLive(candidate.value.purgeClaim, now)) return false;
    let claimed: Versioned<Programme>;
    try {
      claimed = await programmes.replace(
        {
          ...candidate.value,
          purgeClaim: takeLease(this.deps.instanceId, now, this.deps.leaseMs ?? 10 * 60_000),
        },
        candidate.etag,
      );
    } catch (error) {
      // Another instance claimed it (or a lead changed it) meanwhile: the next sweep looks again.
      if (isDomainError(error, 'version_conflict')) return false;
      throw error;
    }
    const { tenantId, id: programmeId } = claimed.value;
    const { pairs, profiles, personalData } = this.deps.repos;
    const programmePairs = (await pairs.ofProgramme(tenantId, programmeId)).map((p) => p.value);
    const people = new Set<string>();
    for (const p of await profiles.ofProgramme(tenantId, programmeId)) people.add(p.value.id);
    for (const p of programmePairs) people.add(p.mentorId).add(p.menteeId);
    const summary = anonymousSummary(programmePairs, people.size);

    const pairIds = programmePairs.map((p) => p.id);
    const byPair = 'ARRAY_CONTAINS(@pairIds, c.pairId)';
    const pairParams = [{ name: '@pairIds', value: pairIds }];
    const byProgramme = 'c.programmeId = @programmeId';
    const programmeParams = [{ name: '@programmeId', value: programmeId }];
    let deleted = 0;
    if (pairIds.length > 0) {
      for (const name of ['notes', 'approvals', 'notifications', 'calendar'] as const) {
        deleted += await personalData.deleteWhere(name, tenantId, byPair, pairParams);
      }
    }
    for (const name of ['pairs', 'proposals', 'profiles', 'jobs'] as const) {
      deleted += await personalData.deleteWhere(name, tenantId, byProgramme, programmeParams);
    }
    const at = this.deps.clock.now().toISOString();
    await programmes.update(tenantId, programmeId, (current) => {
      if (!holdsLease(current.purgeClaim, this.deps.instanceId, this.deps.clock.now()))
        return current;
      const { purgeClaim: _claim, ...rest } = current;
      return { ...rest, purgedAt: at, anonymousSummary: summary, updatedAt: at };
    });
    await this.deps.audit.record(tenantId, {
      actorId: systemActorId,
      actorRole: 'system',
      action: 'programme.purged',
      targetType: 'programme',
      targetId: programmeId,
      programmeId,
      details: {
        documentsDeleted: deleted,
        pairs: summary.pairs,
        participants: summary.participants,
      },
    });
    return true;
  }
}

function view({ value: p, etag }: Versioned<Programme>): RetentionResponse {
  return {
    programmeId: p.id,
    retentionMonths: retentionMonthsOf(p),
    isDefault: p.retentionMonths === undefined || p.retentionMonths === defaultRetentionMonths,
    closedAt: closedAtOf(p) ?? null,
    purgeAt: purgeDueAt(p) ?? null,
    purgedAt: p.purgedAt ?? null,
    anonymousSummary: p.anonymousSummary ?? null,
    version: etag,
  };
}
