import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { dateTime, idSchema, tenantIdSchema } from '../domain/common';
import { isDomainError } from '../domain/errors';
import { leaseSchema, type Lease } from '../domain/lease';
import { CosmosRepository, type Versioned } from './cosmos-repository';

/**
 * The partition of work that belongs to no tenant (a purge across tenants). Tenant ids are Entra
 * directory GUIDs, so no tenant has this one, and nothing tenant-scoped (export, erasure, a
 * programme's purge) ever reads it.
 */
export const systemPartition = '_system';

/** Who runs a task that spans tenants, and when it last ran (jobs container, kind `background_lease`). */
export const backgroundLeaseDocumentSchema = z.object({
  id: idSchema,
  tenantId: tenantIdSchema,
  kind: z.literal('background_lease'),
  task: idSchema,
  lease: leaseSchema('lease').nullable(),
  lastRunAt: dateTime('lastRunAt').nullable(),
});
export type BackgroundLeaseDocument = z.infer<typeof backgroundLeaseDocumentSchema>;

/**
 * One lease per background task that spans tenants (the notification purge), so one instance runs
 * it at a time: taken and handed back with ETag-conditional writes (src/domain/lease.ts).
 */
export class BackgroundLeaseRepository extends CosmosRepository<BackgroundLeaseDocument> {
  constructor(container: Container) {
    super(container, backgroundLeaseDocumentSchema, {
      code: 'not_found',
      entity: 'Background lease',
    });
  }

  /** The task's lease document (a point read), if the task ever ran. */
  async of(task: string): Promise<Versioned<BackgroundLeaseDocument> | undefined> {
    return this.find(systemPartition, idOfTask(task));
  }

  /**
   * Takes the task's lease if its document is still as read (`current`, undefined when absent):
   * the stored document, or undefined when another instance took it first.
   */
  async claim(
    task: string,
    current: Versioned<BackgroundLeaseDocument> | undefined,
    lease: Lease,
  ): Promise<Versioned<BackgroundLeaseDocument> | undefined> {
    const next: BackgroundLeaseDocument = {
      id: idOfTask(task),
      tenantId: systemPartition,
      kind: 'background_lease',
      task,
      lease: { by: lease.by, until: lease.until },
      lastRunAt: current?.value.lastRunAt ?? null,
    };
    try {
      return current ? await this.replace(next, current.etag) : await this.create(next);
    } catch (error) {
      if (isDomainError(error, 'version_conflict') || isDomainError(error, 'already_exists')) {
        return undefined;
      }
      throw error;
    }
  }

  /** Hands the lease back with when the run finished; a no-op when it is no longer ours. */
  async release(held: Versioned<BackgroundLeaseDocument>, lastRunAt: string): Promise<void> {
    try {
      await this.replace({ ...held.value, lease: null, lastRunAt }, held.etag);
    } catch (error) {
      if (!isDomainError(error, 'version_conflict') && !isDomainError(error, 'not_found')) {
        throw error;
      }
    }
  }
}

function idOfTask(task: string): string {
  return `background-lease:${task}`;
}
