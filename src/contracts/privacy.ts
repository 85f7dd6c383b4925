import { z } from 'zod';
import { dateTime, idOf } from '../domain/common';
import { auditActionSchema, auditEntrySchema } from '../domain/privacy/audit';
import { anonymousSummarySchema, retentionMonthsSchema } from '../domain/privacy/retention';
import { versionSchema } from './common';

/**
 * Personal data: export, erasure, retention, audit log (issue #16).
 *
 * | method | path                              | who                      | body                | response                     |
 * |--------|-----------------------------------|--------------------------|---------------------|------------------------------|
 * | GET    | /me/export                        | signed in                | –                   | PersonalDataExport (attachment) |
 * | POST   | /me/erase                         | signed in                | EraseBody           | EraseResponse                |
 * | POST   | /people/:personId/erase           | tenant programme lead    | EraseBody           | EraseResponse                |
 * | GET    | /programmes/:id/retention         | lead                     | –                   | RetentionResponse            |
 * | PUT    | /programmes/:id/retention         | lead                     | RetentionBody       | RetentionResponse            |
 * | GET    | /audit                            | tenant programme lead    | query AuditQuery    | AuditListResponse            |
 *
 * The audit log has no route that changes an entry: PUT, PATCH and DELETE on /audit are 404.
 */

/** `POST /api/me/erase`, `POST /api/people/:personId/erase`: an explicit confirmation. */
export const eraseBodySchema = z.object({
  confirm: z.literal(true, {
    error: 'confirm must be true: erasure is irreversible and needs an explicit confirmation',
  }),
});
export type EraseBody = z.infer<typeof eraseBodySchema>;

export const eraseResponseSchema = z.object({
  /** False when nothing was left to erase (a repeated request). */
  erased: z.boolean(),
  /** Pairs ended because of the erasure (their partners were told). */
  pairsEnded: z.number().int(),
  /** Open proposals withdrawn (their partners get their next best). */
  proposalsWithdrawn: z.number().int(),
  /** Documents deleted and rewritten, all containers together. */
  documentsDeleted: z.number().int(),
  documentsRewritten: z.number().int(),
});
export type EraseResponse = z.infer<typeof eraseResponseSchema>;

/** `PUT /api/programmes/:id/retention`. */
export const retentionBodySchema = z.object({
  retentionMonths: retentionMonthsSchema,
  version: versionSchema.optional(),
});
export type RetentionBody = z.infer<typeof retentionBodySchema>;

export const retentionResponseSchema = z.object({
  programmeId: z.string(),
  retentionMonths: z.number().int(),
  /** Whether the value is the default (12) rather than the lead's choice. */
  isDefault: z.boolean(),
  /** When the programme closed, if it did. */
  closedAt: z.string().nullable(),
  /** When its personal data will be (or was due to be) purged; null while it is open. */
  purgeAt: z.string().nullable(),
  purgedAt: z.string().nullable(),
  /** What is kept after the purge. */
  anonymousSummary: anonymousSummarySchema.nullable(),
  version: z.string(),
});
export type RetentionResponse = z.infer<typeof retentionResponseSchema>;

/** `GET /api/audit` query string; every filter optional. */
export const auditQuerySchema = z.object({
  actorId: idOf('actorId').optional(),
  action: auditActionSchema.optional(),
  targetId: idOf('targetId').optional(),
  programmeId: idOf('programmeId').optional(),
  from: dateTime('from').optional(),
  to: dateTime('to').optional(),
  pageSize: z.coerce
    .number({ error: 'pageSize must be a number' })
    .int({ error: 'pageSize must be a whole number' })
    .min(1, { error: 'pageSize must be at least 1' })
    .max(200, { error: 'pageSize must be at most 200' })
    .optional(),
  continuation: z.string().max(4000).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditListItemSchema = auditEntrySchema.omit({ tenantId: true }).extend({
  /** The actor's and target's names from the directory; null for an erased person or the system. */
  actorName: z.string().nullable(),
  targetName: z.string().nullable(),
});
export type AuditListItem = z.infer<typeof auditListItemSchema>;

export const auditListResponseSchema = z.object({
  entries: z.array(auditListItemSchema),
  /** Pass back as `continuation` for the next page; absent on the last page. */
  continuation: z.string().optional(),
});
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;

/** The JSON file `GET /api/me/export` returns (kept loose: it mirrors stored documents). */
export type PersonalDataExport = {
  readonly format: 'mentoring-personal-data';
  readonly formatVersion: 1;
  readonly exportedAt: string;
  readonly personId: string;
  readonly directory: Record<string, unknown> | null;
  readonly profiles: readonly Record<string, unknown>[];
  readonly consent: readonly Record<string, unknown>[];
  readonly proposals: readonly Record<string, unknown>[];
  readonly pairs: readonly Record<string, unknown>[];
  readonly privateNotes: readonly Record<string, unknown>[];
  readonly approvals: {
    readonly asEmployee: readonly Record<string, unknown>[];
    readonly asManager: readonly Record<string, unknown>[];
  };
  readonly notifications: readonly Record<string, unknown>[];
  readonly conversation: Record<string, unknown> | null;
  readonly audit: readonly Record<string, unknown>[];
  /** Quick help: the buddy settings, the requests asked and the colleagues helped (90 days). */
  readonly quickHelp: {
    readonly settings: Record<string, unknown> | null;
    readonly asked: readonly Record<string, unknown>[];
    readonly helped: readonly Record<string, unknown>[];
  };
};

/** The routes (src/contracts/route.ts): declared as the handlers move to declaredRoutes. */
export const privacyApi = {};
