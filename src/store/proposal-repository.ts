import type { Container, ItemDefinition } from '@azure/cosmos';
import { z } from 'zod';
import { dateTime } from '../domain/common';
import { matchProposalSchema } from '../domain/match-proposal';
import { CosmosRepository, type Versioned } from './cosmos-repository';

/**
 * A match proposal as stored (proposals container): the domain's `MatchProposal` plus the lead's
 * review state. Drafts (`publishedAt` null) are seen by the lead only.
 */
export const storedProposalSchema = matchProposalSchema.safeExtend({
  /** Null while the lead reviews; set when published to the two people. */
  publishedAt: dateTime('publishedAt').nullable(),
  /** The lead kept this pair (accept all, swap, pin): a rerun leaves it as it is. */
  kept: z.boolean({ error: 'kept must be true or false' }),
  /** The pair created once both accepted. */
  pairId: z.string().nullable(),
});
export type StoredProposal = z.infer<typeof storedProposalSchema>;

/** Match proposals (proposals container), partitioned by tenant. */
export class ProposalRepository extends CosmosRepository<StoredProposal> {
  constructor(
    container: Container,
    /** Documents per page when reading a whole programme (a large one has tens of thousands). */
    pageSize?: number,
  ) {
    super(container, storedProposalSchema, { code: 'not_found', entity: 'Proposal' }, pageSize);
  }

  /** The proposals of a programme in the given statuses (all statuses when none given). */
  async ofProgramme(
    tenantId: string,
    programmeId: string,
    statuses?: readonly StoredProposal['status'][],
  ): Promise<Versioned<StoredProposal>[]> {
    const parameters = [{ name: '@programmeId', value: programmeId }];
    let where = 'c.programmeId = @programmeId AND IS_DEFINED(c.mentorId)';
    if (statuses) {
      where += ` AND c.status IN (${statuses.map((_, i) => `@s${i}`).join(', ')})`;
      statuses.forEach((s, i) => parameters.push({ name: `@s${i}`, value: s }));
    }
    return this.query(tenantId, { where, parameters });
  }

  /** Every proposal naming the person on either side, in any programme (export, erasure). */
  async ofPerson(tenantId: string, personId: string): Promise<Versioned<StoredProposal>[]> {
    return this.query(tenantId, {
      where: 'IS_DEFINED(c.mentorId) AND (c.mentorId = @personId OR c.menteeId = @personId)',
      parameters: [{ name: '@personId', value: personId }],
    });
  }

  /** The proposals of a programme, in the given statuses, where either side is one of `personIds`. */
  async involving(
    tenantId: string,
    programmeId: string,
    personIds: readonly string[],
    statuses: readonly StoredProposal['status'][],
  ): Promise<Versioned<StoredProposal>[]> {
    if (personIds.length === 0 || statuses.length === 0) return [];
    const parameters = [
      { name: '@programmeId', value: programmeId },
      { name: '@ids', value: [...personIds] },
      ...statuses.map((s, i) => ({ name: `@s${i}`, value: s })),
    ];
    const where =
      'c.programmeId = @programmeId AND IS_DEFINED(c.mentorId)' +
      ' AND (ARRAY_CONTAINS(@ids, c.mentorId) OR ARRAY_CONTAINS(@ids, c.menteeId))' +
      ` AND c.status IN (${statuses.map((_, i) => `@s${i}`).join(', ')})`;
    return this.query(tenantId, { where, parameters });
  }

  /** True when at least one proposal of the run was published (the lead published that run). */
  async anyPublishedOfRun(tenantId: string, runId: string): Promise<boolean> {
    const { resources } = await this.container.items
      .query<number>({
        query:
          'SELECT TOP 1 VALUE 1 FROM c WHERE c.tenantId = @tenantId AND c.runId = @runId ' +
          'AND IS_STRING(c.publishedAt)',
        parameters: [
          { name: '@tenantId', value: tenantId },
          { name: '@runId', value: runId },
        ],
      })
      .fetchAll()
      .catch((error: unknown) => {
        throw this.translate(error);
      });
    return resources.length > 0;
  }

  /** The published proposals where `personId` is on either side, newest first. */
  async publishedFor(tenantId: string, personId: string): Promise<Versioned<StoredProposal>[]> {
    const found = await this.query(tenantId, {
      where: '(c.mentorId = @personId OR c.menteeId = @personId) AND IS_STRING(c.publishedAt)',
      parameters: [{ name: '@personId', value: personId }],
    });
    return found.sort((a, b) => (a.value.createdAt < b.value.createdAt ? 1 : -1));
  }

  /** Published proposals still open whose deadline is at or before `now` (all programmes, or one). */
  async dueToExpire(
    tenantId: string,
    now: string,
    programmeId?: string,
  ): Promise<Versioned<StoredProposal>[]> {
    const parameters = [
      { name: '@proposed', value: 'proposed' },
      { name: '@now', value: now },
    ];
    let where = 'c.status = @proposed AND c.expiresAt <= @now AND IS_STRING(c.publishedAt)';
    if (programmeId) {
      where += ' AND c.programmeId = @programmeId';
      parameters.push({ name: '@programmeId', value: programmeId });
    }
    return this.query(tenantId, { where, parameters });
  }

  /**
   * Open published proposals past their deadline, in every tenant (at most `limit`): the sweep
   * behind the scheduler, so this one query fans out over partitions on purpose.
   */
  async dueToExpireEverywhere(now: string, limit: number): Promise<Versioned<StoredProposal>[]> {
    const top = Math.max(1, Math.min(1000, Math.floor(limit)));
    const { resources } = await this.container.items
      .query<ItemDefinition>({
        query:
          `SELECT TOP ${top} * FROM c WHERE c.status = @proposed AND c.expiresAt <= @now ` +
          'AND IS_STRING(c.publishedAt) ORDER BY c.expiresAt',
        parameters: [
          { name: '@proposed', value: 'proposed' },
          { name: '@now', value: now },
        ],
      })
      .fetchAll()
      .catch((error: unknown) => {
        throw this.translate(error);
      });
    return resources.map((resource) => this.versioned(resource));
  }
}
