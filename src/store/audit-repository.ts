import type { Container, SqlParameter } from '@azure/cosmos';
import { auditEntrySchema, type AuditEntry } from '../domain/privacy/audit';
import { CosmosRepository, type Page } from './cosmos-repository';

/** Filters of the audit log; every one optional, combined with AND. */
export type AuditFilter = {
  readonly actorId?: string;
  readonly action?: string;
  /** Matches the target, or a person the entry is about. */
  readonly targetId?: string;
  readonly programmeId?: string;
  /** ISO instants, `from` included, `to` excluded. */
  readonly from?: string;
  readonly to?: string;
};

/**
 * The audit log (audit container): append and list, nothing else. It wraps a repository rather
 * than extending one so that replace, upsert and delete do not exist on it.
 */
export class AuditRepository {
  private readonly repo: CosmosRepository<AuditEntry>;

  constructor(container: Container) {
    this.repo = new CosmosRepository(container, auditEntrySchema, {
      code: 'not_found',
      entity: 'Audit entry',
    });
  }

  /** Adds an entry (`already_exists` if its id is taken: entries are never overwritten). */
  async append(entry: AuditEntry): Promise<AuditEntry> {
    return (await this.repo.create(entry)).value;
  }

  /** Every entry the person did or that is about them (export). */
  async about(tenantId: string, personId: string): Promise<AuditEntry[]> {
    const found = await this.repo.query(tenantId, {
      where: 'c.actorId = @p OR c.targetId = @p OR ARRAY_CONTAINS(c.subjectIds, @p)',
      parameters: [{ name: '@p', value: personId }],
      orderBy: 'c.at DESC',
    });
    return found.map((f) => f.value);
  }

  /** One page of the tenant's entries matching `filter`, newest first. */
  async list(
    tenantId: string,
    filter: AuditFilter,
    pageSize: number,
    continuationToken?: string,
  ): Promise<Page<AuditEntry>> {
    const where: string[] = [];
    const parameters: SqlParameter[] = [];
    const add = (clause: string, name: string, value: string | undefined) => {
      if (value === undefined || value === '') return;
      where.push(clause);
      parameters.push({ name, value });
    };
    add('c.actorId = @actorId', '@actorId', filter.actorId);
    add('c.action = @action', '@action', filter.action);
    add(
      '(c.targetId = @targetId OR ARRAY_CONTAINS(c.subjectIds, @targetId))',
      '@targetId',
      filter.targetId,
    );
    add('c.programmeId = @programmeId', '@programmeId', filter.programmeId);
    add('c.at >= @from', '@from', filter.from);
    add('c.at < @to', '@to', filter.to);
    return this.repo.queryPage(
      tenantId,
      {
        ...(where.length > 0 ? { where: where.join(' AND ') } : {}),
        parameters,
        orderBy: 'c.at DESC',
      },
      pageSize,
      continuationToken,
    );
  }
}
