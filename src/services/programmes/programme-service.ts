import { randomUUID } from 'node:crypto';
import type {
  ParticipantsResponse,
  ProgrammeCreateBody,
  ProgrammeEditBody,
  ProgrammeListResponse,
  ProgrammeResponse,
  ReadinessResponse,
} from '../../contracts/programmes';
import type { Clock } from '../../domain/clock';
import { parseOrThrow } from '../../domain/common';
import { DomainError } from '../../domain/errors';
import {
  newProgramme,
  programmeSchema,
  transitionProgramme,
  type Programme,
  type ProgrammeStatus,
} from '../../domain/programme';
import type { Versioned } from '../../domain/versioned';
import type { ProfileRepository } from '../../store/profile-repository';
import type { ProgrammeRepository } from '../../store/programme-repository';
import type { ProposalRepository } from '../../store/proposal-repository';
import type { Principal } from '../auth/principal';
import type { OrgDirectory } from '../people/org-directory';
import type { AuditRecorder } from '../privacy/audit-service';
import { readinessOf } from './readiness';

export type ProgrammeServiceDeps = {
  programmes: ProgrammeRepository;
  profiles: ProfileRepository;
  /** Read for readiness: what a launch would leave unanswered or unmatched. */
  proposals: ProposalRepository;
  directory: OrgDirectory;
  clock: Clock;
  newId?: () => string;
  /** Creations, edits and status moves are recorded in the audit log. */
  audit?: AuditRecorder;
};

/** True when the principal may manage the programme: one of its leads, or a tenant lead. */
export function canManage(principal: Principal, programme: Programme): boolean {
  return principal.isTenantLead || programme.leadIds.includes(principal.personId);
}

/** Programmes for leads (create, edit, status, readiness) and their summary for everyone. */
export class ProgrammeService {
  constructor(private readonly deps: ProgrammeServiceDeps) {}

  /** Every programme the principal may see: drafts only for those who manage them. */
  async list(principal: Principal): Promise<ProgrammeListResponse> {
    const [all, mine] = await Promise.all([
      this.deps.programmes.list(principal.tenantId),
      this.deps.profiles.find(principal.tenantId, principal.personId),
    ]);
    const programmes = all
      .map((p) => p.value)
      .filter((p) => p.status !== 'draft' || canManage(principal, p))
      .map((p) => ({
        id: p.id,
        name: p.name,
        description: p.description,
        startDate: p.startDate,
        endDate: p.endDate,
        status: p.status,
        canManage: canManage(principal, p),
        myStatus:
          mine?.value.programmeId === p.id ? mine.value.optIn.status : ('not_joined' as const),
      }));
    return { programmes, canCreateProgrammes: principal.isTenantLead };
  }

  /** A programme the principal may see (`programme_not_found` for a draft they do not lead). */
  async visible(principal: Principal, id: string): Promise<Versioned<Programme>> {
    const found = await this.deps.programmes.get(principal.tenantId, id);
    if (found.value.status === 'draft' && !canManage(principal, found.value)) {
      throw new DomainError('programme_not_found', `Programme ${id} was not found`, { id });
    }
    return found;
  }

  /** A programme the principal manages (`forbidden` otherwise). */
  async managed(principal: Principal, id: string): Promise<Versioned<Programme>> {
    const found = await this.visible(principal, id);
    if (!canManage(principal, found.value)) {
      throw new DomainError('forbidden', 'Only a lead of this programme may do this.', {
        programmeId: id,
      });
    }
    return found;
  }

  async get(principal: Principal, id: string): Promise<ProgrammeResponse> {
    return this.view(principal, await this.visible(principal, id));
  }

  /** A new draft; the creator is among its leads. Only tenant leads create programmes. */
  async create(principal: Principal, body: ProgrammeCreateBody): Promise<ProgrammeResponse> {
    if (!principal.isTenantLead) {
      throw new DomainError('forbidden', 'Only a programme lead may create a programme.');
    }
    const leadIds = [...new Set([principal.personId, ...(body.leadIds ?? [])])];
    const programme = newProgramme(
      {
        id: this.deps.newId?.() ?? `prog-${randomUUID()}`,
        tenantId: principal.tenantId,
        name: body.name.trim(),
        ...(body.description !== undefined ? { description: body.description } : {}),
        startDate: body.startDate,
        endDate: body.endDate,
        leadIds,
        ...(body.skills ? { skills: body.skills } : {}),
        ...(body.frame ? { frame: body.frame } : {}),
        ...(body.managerApprovalRequired !== undefined
          ? { managerApprovalRequired: body.managerApprovalRequired }
          : {}),
        ...(body.weights ? { weights: body.weights } : {}),
      },
      this.deps.clock,
    );
    const created = await this.deps.programmes.create(programme);
    await this.record(principal, 'programme.created', programme.id);
    return this.view(principal, created);
  }

  private async record(
    principal: Principal,
    action: 'programme.created' | 'programme.edited' | 'programme.status_changed',
    programmeId: string,
    details?: Record<string, string>,
  ): Promise<void> {
    await this.deps.audit?.record(principal.tenantId, {
      actorId: principal.personId,
      actorRole: 'lead',
      action,
      targetType: 'programme',
      targetId: programmeId,
      programmeId,
      ...(details ? { details } : {}),
    });
  }

  /** Full edit, conditional on `version` (the ETag the lead's form was loaded with). */
  async edit(
    principal: Principal,
    id: string,
    body: ProgrammeEditBody,
    version: string | undefined,
  ): Promise<ProgrammeResponse> {
    const current = await this.managed(principal, id);
    const expected = requireVersion(version, 'programme', id);
    if (current.value.status === 'closed') {
      throw new DomainError('invalid_transition', 'A closed programme cannot be edited.', {
        entity: 'programme',
        id,
        from: 'closed',
      });
    }
    const next = parseOrThrow(
      programmeSchema,
      {
        ...current.value,
        name: body.name.trim(),
        description: body.description,
        startDate: body.startDate,
        endDate: body.endDate,
        skills: body.skills,
        frame: body.frame,
        managerApprovalRequired: body.managerApprovalRequired,
        weights: body.weights,
        leadIds: [...new Set(body.leadIds)],
        reminderOffsetsMinutes: body.reminderOffsetsMinutes ?? current.value.reminderOffsetsMinutes,
        proposalResponseDays: body.proposalResponseDays ?? current.value.proposalResponseDays,
        updatedAt: this.deps.clock.now().toISOString(),
      },
      'programme',
    );
    const saved = await this.deps.programmes.replace(next, expected);
    await this.record(principal, 'programme.edited', id);
    return this.view(principal, saved);
  }

  /** Moves the programme's status; repeating a move changes nothing. */
  async transition(
    principal: Principal,
    id: string,
    to: ProgrammeStatus,
    version: string | undefined,
  ): Promise<ProgrammeResponse> {
    const current = await this.managed(principal, id);
    const { programme, changed } = transitionProgramme(current.value, to, this.deps.clock);
    if (!changed) return this.view(principal, current);
    const saved = await this.deps.programmes.replace(programme, version ?? current.etag);
    await this.record(principal, 'programme.status_changed', id, {
      from: current.value.status,
      to,
    });
    return this.view(principal, saved);
  }

  async readiness(principal: Principal, id: string): Promise<ReadinessResponse> {
    const programme = await this.managed(principal, id);
    const [profiles, people, proposals] = await Promise.all([
      this.deps.profiles.ofProgramme(principal.tenantId, id),
      this.deps.directory.people(principal.tenantId),
      this.deps.proposals.ofProgramme(principal.tenantId, id),
    ]);
    return readinessOf(
      programme.value,
      profiles.map((p) => p.value),
      new Map(people.map((p) => [p.id, p])),
      proposals.map((p) => p.value),
    );
  }

  /** Everyone with a profile in the programme, by name. */
  async participants(principal: Principal, id: string): Promise<ParticipantsResponse> {
    await this.managed(principal, id);
    const [profiles, people] = await Promise.all([
      this.deps.profiles.ofProgramme(principal.tenantId, id),
      this.deps.directory.people(principal.tenantId),
    ]);
    const byId = new Map(people.map((p) => [p.id, p]));
    const participants = profiles.map(({ value }) => {
      const person = byId.get(value.id);
      return {
        personId: value.id,
        displayName: person?.displayName ?? value.id,
        email: person?.email ?? '',
        department: person?.department ?? '',
        roleWish: value.roleWish,
        status: value.optIn.status,
        updatedAt: value.updatedAt,
      };
    });
    participants.sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'));
    return { participants };
  }

  private view(principal: Principal, found: Versioned<Programme>): ProgrammeResponse {
    const p = found.value;
    if (canManage(principal, p)) return { canManage: true, programme: p, version: found.etag };
    return {
      canManage: false,
      programme: {
        id: p.id,
        name: p.name,
        description: p.description,
        startDate: p.startDate,
        endDate: p.endDate,
        status: p.status,
        skills: p.skills,
        frame: p.frame,
        managerApprovalRequired: p.managerApprovalRequired,
      },
    };
  }
}

/** An edit of an existing document must say which version it was made on. */
export function requireVersion(version: string | undefined, entity: string, id: string): string {
  if (version === undefined || version === '') {
    throw new DomainError(
      'version_conflict',
      `This ${entity} already exists: send the version you loaded (If-Match) so no change is overwritten.`,
      { id },
    );
  }
  return version;
}
