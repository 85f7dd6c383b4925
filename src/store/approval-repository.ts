import type { Container } from '@azure/cosmos';
import { approvalSchema, decide, type Approval, type ApprovalDecision } from '../domain/approval';
import type { Clock } from '../domain/clock';
import { DomainError, isDomainError } from '../domain/errors';
import { CosmosRepository, type Versioned } from './cosmos-repository';

/** Manager approvals of dedicated time (approvals container). */
export class ApprovalRepository extends CosmosRepository<Approval> {
  constructor(container: Container) {
    super(container, approvalSchema, { code: 'not_found', entity: 'Approval' });
  }

  /** The approvals a manager decides, newest first. */
  async ofManager(tenantId: string, managerId: string): Promise<Versioned<Approval>[]> {
    return this.query(tenantId, {
      where: 'c.managerId = @managerId',
      parameters: [{ name: '@managerId', value: managerId }],
      orderBy: 'c.createdAt DESC',
    });
  }

  /** The requests for the person's own time (export). */
  async ofPerson(tenantId: string, personId: string): Promise<Versioned<Approval>[]> {
    return this.query(tenantId, {
      where: 'c.personId = @personId',
      parameters: [{ name: '@personId', value: personId }],
      orderBy: 'c.createdAt DESC',
    });
  }

  /** The approvals a pair needs. */
  async ofPair(tenantId: string, pairId: string): Promise<Versioned<Approval>[]> {
    return this.query(tenantId, {
      where: 'c.pairId = @pairId',
      parameters: [{ name: '@pairId', value: pairId }],
    });
  }

  /**
   * The manager decides, once: the write is ETag-conditional, so of two clicks racing (two
   * devices, a double click) one decides and the other sees that decision (`changed: false`).
   * Throws `forbidden` for anyone but the manager, `invalid_transition` for the opposite decision,
   * and `version_conflict` when `expectedVersion` is given, stale, and the decision would change
   * the approval (a repeat of the decision taken is never a conflict).
   */
  async decide(
    tenantId: string,
    id: string,
    managerId: string,
    decision: ApprovalDecision,
    comment: string | undefined,
    clock: Clock,
    expectedVersion?: string,
  ): Promise<{ approval: Approval; etag: string; changed: boolean }> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.get(tenantId, id);
      const result = decide(current.value, managerId, decision, comment, clock);
      if (!result.changed) return { ...result, etag: current.etag };
      if (expectedVersion !== undefined && expectedVersion !== current.etag) {
        throw new DomainError(
          'version_conflict',
          'This request changed since you loaded it; reload it and decide again',
          { id },
        );
      }
      try {
        const saved = await this.replace(result.approval, current.etag);
        return { approval: saved.value, etag: saved.etag, changed: true };
      } catch (error) {
        // Someone wrote meanwhile: read again (the same decision is then a no-op).
        if (attempt >= 5 || !isDomainError(error, 'version_conflict')) throw error;
      }
    }
  }
}
