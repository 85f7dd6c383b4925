import { z } from 'zod';
import { dateTime, idOf } from '../domain/common';
import { auditActionSchema, auditEntrySchema } from '../domain/privacy/audit';
import { anonymousSummarySchema, retentionMonthsSchema } from '../domain/privacy/retention';
import { versionSchema } from './common';
import { idParam, idParams, route } from './route';

/**
 * Personal data: export, erasure, retention, audit log (issue #16).
 *
 * The routes: `privacyApi` at the end of this file.
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

/** A stored document as exported: its fields, as stored. */
const storedDocument = z.record(z.string(), z.unknown());

/** The JSON file `GET /api/me/export` returns (kept loose: it mirrors stored documents). */
export const personalDataExportSchema = z.object({
  format: z.literal('mentoring-personal-data'),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  personId: z.string(),
  directory: storedDocument.nullable(),
  profiles: z.array(storedDocument),
  consent: z.array(storedDocument),
  proposals: z.array(storedDocument),
  pairs: z.array(storedDocument),
  privateNotes: z.array(storedDocument),
  approvals: z.object({
    asEmployee: z.array(storedDocument),
    asManager: z.array(storedDocument),
  }),
  notifications: z.array(storedDocument),
  conversation: storedDocument.nullable(),
  audit: z.array(storedDocument),
  /** Quick help: the buddy settings, the requests asked and the colleagues helped (90 days). */
  quickHelp: z.object({
    settings: storedDocument.nullable(),
    asked: z.array(storedDocument),
    helped: z.array(storedDocument),
  }),
});
export type PersonalDataExport = z.infer<typeof personalDataExportSchema>;

const tenantLeadOnly = '`forbidden`: the caller is not a programme lead of the tenant';
const leadOnly = {
  403: '`forbidden`: the caller does not lead this programme',
  404: '`programme_not_found`: unknown programme, or a draft the caller does not lead',
} as const;

/** The routes (src/contracts/route.ts). */
export const privacyApi = {
  exportMine: route({
    method: 'get',
    path: '/me/export',
    summary: 'Everything stored about the caller, as a JSON file (attachment)',
    access: 'signed_in',
    responses: { 200: personalDataExportSchema },
  }),
  eraseMine: route({
    method: 'post',
    path: '/me/erase',
    summary: "Erase the caller's personal data (irreversible; idempotent)",
    access: 'signed_in',
    body: eraseBodySchema,
    responses: { 200: eraseResponseSchema },
  }),
  erasePerson: route({
    method: 'post',
    path: '/people/:personId/erase',
    summary: "Erase someone's personal data at their request (irreversible; idempotent)",
    access: 'tenant_lead',
    params: z.object({ personId: idParam('personId') }),
    body: eraseBodySchema,
    responses: { 200: eraseResponseSchema },
    errors: { 403: tenantLeadOnly },
  }),
  retention: route({
    method: 'get',
    path: '/programmes/:id/retention',
    summary: 'How long the programme keeps personal data after it closes, and when the purge is',
    access: 'programme_lead',
    params: idParams,
    responses: { 200: retentionResponseSchema },
    errors: leadOnly,
  }),
  setRetention: route({
    method: 'put',
    path: '/programmes/:id/retention',
    summary: 'Change the retention period (until the purge)',
    access: 'programme_lead',
    params: idParams,
    body: retentionBodySchema,
    responses: { 200: retentionResponseSchema },
    errors: {
      ...leadOnly,
      409: '`invalid_transition`: the personal data was already purged; `version_conflict`: a stale `version` or `If-Match`',
    },
  }),
  audit: route({
    method: 'get',
    path: '/audit',
    summary: "A page of the tenant's audit log, newest first, with names from the directory",
    access: 'tenant_lead',
    query: auditQuerySchema,
    responses: { 200: auditListResponseSchema },
    errors: { 403: tenantLeadOnly },
  }),
};
