import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { dateTime, idSchema, localizedTextSchema, tenantIdSchema } from '../domain/common';
import { CosmosRepository, type Versioned } from './cosmos-repository';

/** A matching run (jobs container, kind `matching_run`): progress, outcome, who is left unmatched. */
export const matchingRunDocumentSchema = z.object({
  id: idSchema,
  tenantId: tenantIdSchema,
  kind: z.literal('matching_run'),
  programmeId: idSchema,
  trigger: z.enum(['lead', 'repair']),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  phase: z.enum(['queued', 'loading', 'solving', 'saving', 'done']),
  progress: z.number().int().min(0).max(100),
  requestedBy: z.string(),
  createdAt: dateTime('createdAt'),
  updatedAt: dateTime('updatedAt'),
  finishedAt: dateTime('finishedAt').nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  summary: z
    .object({
      participants: z.number().int(),
      pool: z.number().int(),
      carried: z.number().int(),
      proposals: z.number().int(),
      unmatched: z.number().int(),
      totalScore: z.number(),
      upperBound: z.number(),
      exact: z.boolean(),
      gapPct: z.number(),
      elapsedMs: z.number(),
    })
    .nullable(),
  /** The engine's last pricing round while solving a large cohort (absent on older runs). */
  solving: z
    .object({
      round: z.number().int().min(1),
      gapPct: z.number().min(0),
      elapsedMs: z.number().min(0),
    })
    .nullable()
    .optional(),
  /** The people the run left without a partner, with why (capped: see `unmatchedTotal`). */
  unmatched: z.array(
    z.object({
      personId: z.string(),
      reasons: z.array(localizedTextSchema.extend({ code: z.string() })),
    }),
  ),
  unmatchedTotal: z.number().int().min(0),
  warnings: z.array(localizedTextSchema),
});
export type MatchingRunDocument = z.infer<typeof matchingRunDocumentSchema>;

/**
 * One per programme (jobs container, kind `matching_lock`): which run holds the programme, until
 * when, and whether people freed meanwhile wait for a repair run. Taken and released with ETags,
 * so two instances (or a double click) never run matching for one programme at once.
 */
export const matchingLockDocumentSchema = z.object({
  id: idSchema,
  tenantId: tenantIdSchema,
  kind: z.literal('matching_lock'),
  programmeId: idSchema,
  runId: z.string().nullable(),
  /** A crashed run stops holding the programme after this. */
  leaseUntil: dateTime('leaseUntil').nullable(),
  repairPending: z.boolean(),
  updatedAt: dateTime('updatedAt'),
});
export type MatchingLockDocument = z.infer<typeof matchingLockDocumentSchema>;

/** Matching runs in the jobs container (import jobs and others live beside them). */
export class MatchingRunRepository extends CosmosRepository<MatchingRunDocument> {
  constructor(container: Container) {
    super(container, matchingRunDocumentSchema, { code: 'not_found', entity: 'Matching run' });
  }

  /** The latest runs of a programme, newest first. */
  async ofProgramme(
    tenantId: string,
    programmeId: string,
    top = 10,
  ): Promise<Versioned<MatchingRunDocument>[]> {
    return this.query(tenantId, {
      where: 'c.kind = @kind AND c.programmeId = @programmeId',
      parameters: [
        { name: '@kind', value: 'matching_run' },
        { name: '@programmeId', value: programmeId },
      ],
      orderBy: 'c.createdAt DESC',
      top,
    });
  }
}

/** The per-programme matching locks. */
export class MatchingLockRepository extends CosmosRepository<MatchingLockDocument> {
  constructor(container: Container) {
    super(container, matchingLockDocumentSchema, { code: 'not_found', entity: 'Matching lock' });
  }

  /** The lock document's id for a programme. */
  static idFor(programmeId: string): string {
    return `matching-lock-${programmeId}`;
  }
}
