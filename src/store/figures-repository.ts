import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { guideAnswersSchema, healthResponseSchema, sharedCommentSchema } from '../contracts/health';
import { dateTime, idSchema, tenantIdSchema } from '../domain/common';
import { isDomainError } from '../domain/errors';
import { leaseSchema, type Lease } from '../domain/lease';
import { CosmosRepository, type Versioned } from './cosmos-repository';

/** One filter's figures of a programme (figures container, kind `health`). */
export const healthSliceDocumentSchema = z.object({
  id: idSchema,
  tenantId: tenantIdSchema,
  kind: z.literal('health'),
  programmeId: idSchema,
  department: z.string().nullable(),
  startMonth: z.string().nullable(),
  generatedAt: dateTime('generatedAt'),
  health: healthResponseSchema,
  /** On the unfiltered slice only: what the bilan adds. */
  report: z
    .object({ sharedComments: z.array(sharedCommentSchema), guide: guideAnswersSchema })
    .optional(),
});
export type HealthSliceDocument = z.infer<typeof healthSliceDocumentSchema>;
/** A slice to store; the repository names it. */
export type NewHealthSlice = Omit<HealthSliceDocument, 'id'>;

/** Who recomputes a programme's figures and when they last did (kind `health_lease`). */
export const healthLeaseDocumentSchema = z.object({
  id: idSchema,
  tenantId: tenantIdSchema,
  kind: z.literal('health_lease'),
  programmeId: idSchema,
  lease: leaseSchema('lease').nullable(),
  lastRunAt: dateTime('lastRunAt').nullable(),
});
export type HealthLeaseDocument = z.infer<typeof healthLeaseDocumentSchema>;

/** When the lead last nudged each pair and reminded each invitee (kind `nudge_log`). */
export const nudgeLogDocumentSchema = z.object({
  id: idSchema,
  tenantId: tenantIdSchema,
  kind: z.literal('nudge_log'),
  programmeId: idSchema,
  pairs: z.record(z.string(), dateTime('pairs.at')),
  invitees: z.record(z.string(), dateTime('invitees.at')),
});
export type NudgeLogDocument = z.infer<typeof nudgeLogDocumentSchema>;

const figuresDocumentSchema = z.discriminatedUnion('kind', [
  healthSliceDocumentSchema,
  healthLeaseDocumentSchema,
  nudgeLogDocumentSchema,
]);
type FiguresDocument = z.infer<typeof figuresDocumentSchema>;

/**
 * Programme figures (figures container): every document is read by id (a point read), so the
 * lead's page costs the same for 10 pairs or 10,000.
 */
export class FiguresRepository extends CosmosRepository<FiguresDocument> {
  constructor(container: Container) {
    super(container, figuresDocumentSchema, { code: 'not_found', entity: 'Programme figures' });
  }

  /** The id of one filter's figures (a department name may hold any character: hashed). */
  static sliceId(programmeId: string, department: string | null, startMonth: string | null) {
    const dept =
      department === null
        ? 'all'
        : createHash('sha256').update(department).digest('hex').slice(0, 24);
    return `health:${programmeId}:${dept}:${startMonth ?? 'all'}`;
  }

  /** One filter's figures (point read), or undefined when never computed. */
  async slice(
    tenantId: string,
    programmeId: string,
    department: string | null,
    startMonth: string | null,
  ): Promise<HealthSliceDocument | undefined> {
    const found = await this.find(
      tenantId,
      FiguresRepository.sliceId(programmeId, department, startMonth),
    );
    return found?.value.kind === 'health' ? found.value : undefined;
  }

  /** Writes every slice of a recomputation, a few at a time; returns them as stored. */
  async saveSlices(slices: readonly NewHealthSlice[]): Promise<HealthSliceDocument[]> {
    const docs = slices.map((s) => ({
      ...s,
      id: FiguresRepository.sliceId(s.programmeId, s.department, s.startMonth),
    }));
    for (let i = 0; i < docs.length; i += 8) {
      await Promise.all(docs.slice(i, i + 8).map((d) => this.upsert(d)));
    }
    return docs;
  }

  /** The nudge log of a programme (point read). */
  async nudgeLog(
    tenantId: string,
    programmeId: string,
  ): Promise<Versioned<NudgeLogDocument> | undefined> {
    const found = await this.find(tenantId, `nudges:${programmeId}`);
    if (!found || found.value.kind !== 'nudge_log') return undefined;
    return { value: found.value, etag: found.etag };
  }

  /**
   * Records a nudge if the log is still as read (`current`, or absent): false when someone wrote
   * it meanwhile (re-read and decide again).
   */
  async writeNudgeLog(
    current: Versioned<NudgeLogDocument> | undefined,
    next: NudgeLogDocument,
  ): Promise<boolean> {
    try {
      if (current) await this.replace(next, current.etag);
      else await this.create(next);
      return true;
    } catch (error) {
      if (isDomainError(error, 'version_conflict') || isDomainError(error, 'already_exists')) {
        return false;
      }
      throw error;
    }
  }

  /** The empty nudge log of a programme. */
  emptyNudgeLog(tenantId: string, programmeId: string): NudgeLogDocument {
    return {
      id: `nudges:${programmeId}`,
      tenantId,
      kind: 'nudge_log',
      programmeId,
      pairs: {},
      invitees: {},
    };
  }

  /** The recomputation lease of a programme (point read). */
  async lease(
    tenantId: string,
    programmeId: string,
  ): Promise<Versioned<HealthLeaseDocument> | undefined> {
    const found = await this.find(tenantId, `health-lease:${programmeId}`);
    if (!found || found.value.kind !== 'health_lease') return undefined;
    return { value: found.value, etag: found.etag };
  }

  /**
   * Takes the recomputation lease if it is still as read: the new document's ETag, or undefined
   * when another instance took it first.
   */
  async claimLease(
    current: Versioned<HealthLeaseDocument> | undefined,
    tenantId: string,
    programmeId: string,
    lease: Lease,
  ): Promise<Versioned<HealthLeaseDocument> | undefined> {
    const next: HealthLeaseDocument = {
      id: `health-lease:${programmeId}`,
      tenantId,
      kind: 'health_lease',
      programmeId,
      lease: { by: lease.by, until: lease.until },
      lastRunAt: current?.value.lastRunAt ?? null,
    };
    try {
      const saved = current ? await this.replace(next, current.etag) : await this.create(next);
      return saved.value.kind === 'health_lease'
        ? { value: saved.value, etag: saved.etag }
        : undefined;
    } catch (error) {
      if (isDomainError(error, 'version_conflict') || isDomainError(error, 'already_exists')) {
        return undefined;
      }
      throw error;
    }
  }

  /** Hands the lease back with when the run finished (only if still ours, else a no-op). */
  async releaseLease(held: Versioned<HealthLeaseDocument>, lastRunAt: string): Promise<void> {
    try {
      await this.replace({ ...held.value, lease: null, lastRunAt }, held.etag);
    } catch (error) {
      if (!isDomainError(error, 'version_conflict')) throw error;
    }
  }
}
