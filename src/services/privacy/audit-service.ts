import { randomUUID } from 'node:crypto';
import type { AuditListResponse, AuditQuery } from '../../contracts/privacy';
import type { Clock } from '../../domain/clock';
import { DomainError } from '../../domain/errors';
import { auditEntrySchema, type AuditEntry, type AuditRecord } from '../../domain/privacy/audit';
import { parseOrThrow } from '../../domain/common';
import type { AuditRepository } from '../../store/audit-repository';
import type { PeopleRepository } from '../../store/people-repository';
import type { Principal } from '../auth/principal';

/**
 * What other services hold to write to the audit log (programmes, imports, matching, approvals,
 * privacy; the health feature's nudges): one call per action, after it succeeded.
 */
export interface AuditRecorder {
  record(tenantId: string, entry: AuditRecord): Promise<AuditEntry>;
}

export type AuditServiceDeps = {
  audit: AuditRepository;
  people: Pick<PeopleRepository, 'find'>;
  clock: Clock;
  newId?: () => string;
};

const defaultPageSize = 50;

/** The audit log: append an entry, list entries for tenant leads. Nothing changes an entry. */
export class AuditService implements AuditRecorder {
  constructor(private readonly deps: AuditServiceDeps) {}

  /** Appends one entry (validated: ids only, small details). */
  async record(tenantId: string, entry: AuditRecord): Promise<AuditEntry> {
    const at = this.deps.clock.now().toISOString();
    const full = parseOrThrow(
      auditEntrySchema,
      { ...entry, id: this.deps.newId?.() ?? `audit-${at}-${randomUUID()}`, tenantId, at },
      'audit entry',
    );
    return this.deps.audit.append(full);
  }

  /** A page of the tenant's log, newest first, with names from the directory; tenant leads only. */
  async list(principal: Principal, query: AuditQuery): Promise<AuditListResponse> {
    if (!principal.isTenantLead) {
      throw new DomainError(
        'forbidden',
        'Only a programme lead of the organisation reads the audit log.',
      );
    }
    if (query.from && query.to && query.from >= query.to) {
      const message = 'to must be after from';
      throw new DomainError('validation_failed', message, { issues: [{ path: 'to', message }] });
    }
    const filter = {
      ...(query.actorId ? { actorId: query.actorId } : {}),
      ...(query.action ? { action: query.action } : {}),
      ...(query.targetId ? { targetId: query.targetId } : {}),
      ...(query.programmeId ? { programmeId: query.programmeId } : {}),
      ...(query.from ? { from: new Date(query.from).toISOString() } : {}),
      ...(query.to ? { to: new Date(query.to).toISOString() } : {}),
    };
    const filterKey = JSON.stringify(filter);
    const page = await this.deps.audit.list(
      principal.tenantId,
      filter,
      query.pageSize ?? defaultPageSize,
      query.continuation !== undefined
        ? readContinuation(query.continuation, filterKey)
        : undefined,
    );
    const names = new Map<string, string | null>();
    const nameOf = async (id: string): Promise<string | null> => {
      if (!names.has(id)) {
        names.set(
          id,
          (await this.deps.people.find(principal.tenantId, id))?.value.displayName ?? null,
        );
      }
      return names.get(id) ?? null;
    };
    const entries = [];
    for (const { value } of page.items) {
      const { tenantId: _tenant, ...rest } = value;
      entries.push({
        ...rest,
        actorName: value.actorRole === 'system' ? null : await nameOf(value.actorId),
        targetName: value.targetType === 'person' ? await nameOf(value.targetId) : null,
      });
    }
    return {
      entries,
      ...(page.continuationToken
        ? { continuation: writeContinuation(page.continuationToken, filterKey) }
        : {}),
    };
  }
}

/**
 * The continuation handed to the tab: the store's token with the filters it was made for, so a
 * made-up or edited token, or one used with other filters, is a clear 400 rather than a 5xx or a
 * page of something else.
 */
function writeContinuation(token: string, filterKey: string): string {
  return Buffer.from(JSON.stringify({ t: token, f: filterKey }), 'utf8').toString('base64url');
}

function readContinuation(continuation: string, filterKey: string): string {
  const invalid = (message: string) =>
    new DomainError('validation_failed', message, { issues: [{ path: 'continuation', message }] });
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(continuation, 'base64url').toString('utf8'));
  } catch {
    throw invalid('continuation is not a token from a previous page');
  }
  const { t, f } = (decoded ?? {}) as { t?: unknown; f?: unknown };
  if (typeof t !== 'string' || typeof f !== 'string') {
    throw invalid('continuation is not a token from a previous page');
  }
  if (f !== filterKey) throw invalid('continuation was made for other filters; start again');
  return t;
}
