import { z } from 'zod';
import { dateTime, text } from '../domain/common';
import { idParams, route } from './route';

/**
 * Importing participants from a CSV file: preview, jobs. See the conventions in ./common.ts.
 * The routes: `importApi` at the end of this file.
 */

// CSV import

/**
 * The columns of a participants file, in any order, with a header row. Headers are matched without
 * case, accents, spaces, dashes or underscores; French headers work too:
 * - email (required): `email`, `e-mail`, `mail`, `courriel`, `adresse e-mail`
 * - displayName (required): `display name`, `name`, `nom`, `nom affiché`, `nom complet`
 * - department: `department`, `département`, `service`, `direction`
 * - managerEmail: `manager email`, `manager`, `e-mail du manager`, `courriel du responsable`, `responsable`
 * - roleWish: `role wish`, `role`, `rôle`, `souhait`, `rôle souhaité` — values mentor, mentee, both
 *   (fr: mentor, mentoré(e), les deux); empty = both
 * - languages: `languages`, `langues` — tags or names separated by `;`, `,` or spaces
 *   (fr, en, français, anglais, english, french...); empty = fr
 * Separator `,` or `;` (detected from the header). UTF-8, with or without BOM, or Windows-1252
 * (French Excel's default) when the file itself is sent as text/csv. At most 5,000 rows.
 */
export const importColumns = [
  'email',
  'displayName',
  'department',
  'managerEmail',
  'roleWish',
  'languages',
] as const;
export type ImportColumn = (typeof importColumns)[number];

/** Plain-language problems, as a code + params (for the tab's catalogue) and ready messages. */
export const importIssueCodes = [
  // File-level
  'file_empty',
  'file_unreadable',
  'file_too_large',
  'column_missing',
  'column_duplicate',
  'column_unknown',
  // Row-level
  'row_malformed',
  'email_missing',
  'email_invalid',
  'email_duplicate',
  'display_name_missing',
  'value_too_long',
  'manager_email_invalid',
  'manager_unknown',
  'manager_is_self',
  'role_wish_invalid',
  'language_invalid',
  // While applying (job)
  'apply_failed',
] as const;
export type ImportIssueCode = (typeof importIssueCodes)[number];

export const importIssueSchema = z.object({
  code: z.enum(importIssueCodes),
  /** The column concerned, when there is one. */
  column: z.enum(importColumns).nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Ready-made sentences in both languages. */
  message: z.object({ fr: z.string(), en: z.string() }),
  /** `column_unknown` is a warning (the column is ignored); every other code blocks the import. */
  severity: z.enum(['error', 'warning']),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const importRowOutcomes = ['create', 'update', 'unchanged', 'invalid'] as const;

export const importRowPreviewSchema = z.object({
  /** The line in the file (the header is line 1). */
  line: z.number(),
  email: z.string(),
  displayName: z.string(),
  /** create: new person or new participant; update: something changes; unchanged: nothing to do. */
  outcome: z.enum(importRowOutcomes),
  issues: z.array(importIssueSchema),
});
export type ImportRowPreview = z.infer<typeof importRowPreviewSchema>;

/** `POST /api/programmes/:id/imports/preview` (and `details.preview` of a refused import). */
export const importPreviewSchema = z.object({
  programmeId: z.string(),
  /** Each header of the file and the column it was recognised as (null: ignored). */
  headers: z.array(z.object({ header: z.string(), column: z.enum(importColumns).nullable() })),
  fileIssues: z.array(importIssueSchema),
  rows: z.array(importRowPreviewSchema),
  summary: z.object({
    rows: z.number(),
    invalid: z.number(),
    create: z.number(),
    update: z.number(),
    unchanged: z.number(),
  }),
  /** False when any file issue or row is an error: `POST .../imports` refuses the whole file. */
  acceptable: z.boolean(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/**
 * The JSON form of an import request. The other form is a `text/csv` body (at most 2 MB), with
 * the file name, percent-encoded, in an optional `X-File-Name` header.
 */
export const importBodySchema = z.object({
  csv: text('csv', { min: 1, max: 2_000_000 }),
  /** The file name, shown in the import history. */
  fileName: text('fileName', { max: 200 }).optional(),
});
export type ImportBody = z.infer<typeof importBodySchema>;

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;

/** A background import: its progress, each row applied, each row that failed. */
export const importJobSchema = z.object({
  id: z.string(),
  kind: z.literal('participant_import'),
  programmeId: z.string(),
  fileName: z.string().nullable(),
  /** succeeded: every row applied; failed: some rows could not be applied (see `errors`), re-run the same file. */
  status: z.enum(jobStatuses),
  total: z.number(),
  processed: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  applied: z.array(
    z.object({
      line: z.number(),
      email: z.string(),
      personId: z.string(),
      outcome: z.enum(['create', 'update', 'unchanged']),
    }),
  ),
  errors: z.array(
    z.object({ line: z.number(), email: z.string(), code: z.string(), message: z.string() }),
  ),
  createdBy: z.string(),
  createdAt: dateTime('createdAt'),
  updatedAt: dateTime('updatedAt'),
  finishedAt: dateTime('finishedAt').nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

/** `POST /api/programmes/:id/imports` (202) and `GET /api/jobs/:id`. */
export const importJobResponseSchema = z.object({ job: importJobSchema });
export type ImportJobResponse = z.infer<typeof importJobResponseSchema>;

/** `GET /api/programmes/:id/imports`: the 20 latest, newest first. */
export const importJobListResponseSchema = z.object({ jobs: z.array(importJobSchema) });
export type ImportJobListResponse = z.infer<typeof importJobListResponseSchema>;

const unknownProgramme =
  'Unknown programme, or a draft the caller does not lead (`programme_not_found`)';
const notLead = 'A signed-in person who does not lead this programme (`forbidden`)';
/** The file itself (Windows-1252 or UTF-8), its name percent-encoded in `X-File-Name`. */
const csvTypes = ['text/csv', 'text/plain'] as const;
/** The 2 MB file, sent as JSON (escaped quotes and newlines grow it) or as text/csv. */
const importMaxBytes = 5 * 1024 * 1024;

/** The routes (src/contracts/route.ts). */
export const importApi = {
  preview: route({
    method: 'post',
    path: '/programmes/:id/imports/preview',
    summary: "Every row's outcome and problems, nothing written (text/csv, or JSON `{ csv }`)",
    access: 'programme_lead',
    params: idParams,
    body: importBodySchema,
    otherBodyTypes: csvTypes,
    maxBodyBytes: importMaxBytes,
    responses: { 200: importPreviewSchema },
    errors: { 403: notLead, 404: unknownProgramme },
  }),
  start: route({
    method: 'post',
    path: '/programmes/:id/imports',
    summary:
      'Start importing the file in the background (`Location`: the job); a file with an error is refused whole (400 with `details.preview`)',
    access: 'programme_lead',
    params: idParams,
    body: importBodySchema,
    otherBodyTypes: csvTypes,
    maxBodyBytes: importMaxBytes,
    responses: { 202: importJobResponseSchema },
    errors: { 403: notLead, 404: unknownProgramme },
  }),
  list: route({
    method: 'get',
    path: '/programmes/:id/imports',
    summary: "The programme's 20 latest imports, newest first",
    access: 'programme_lead',
    params: idParams,
    responses: { 200: importJobListResponseSchema },
    errors: { 403: notLead, 404: unknownProgramme },
  }),
  job: route({
    method: 'get',
    path: '/jobs/:id',
    summary: "An import's progress, the rows applied and the rows that failed",
    access: 'job_lead',
    params: idParams,
    responses: { 200: importJobResponseSchema },
    errors: {
      403: "A signed-in person who does not lead the job's programme (`forbidden`)",
      404: 'Unknown job (`not_found`), or one of a draft programme the caller does not lead (`programme_not_found`)',
    },
  }),
};
