import { z } from 'zod';
import {
  date,
  daysInOrder,
  dateTime,
  idOf,
  localeSchema,
  text,
  timeZoneSchema,
} from '../domain/common';
import {
  frameSchema,
  matchingWeightsSchema,
  programmeSchema,
  programmeStatusSchema,
} from '../domain/programme';
import { optInStatusSchema, profileSchema, roleWishSchema } from '../domain/profile';

/**
 * The tab API's contract: every request and response body, as zod schemas and inferred types.
 * The server validates with these schemas; the tab imports only the types (`import type`).
 * No server-only import here: zod and src/domain only.
 *
 * Conventions
 * - Every route but `GET /api/health`, `GET /api/auth/config` and the `/api/dev/*` routes needs
 *   `Authorization: Bearer <token>` (a Teams SSO token, or a development sign-in token).
 * - Errors: `{ "error": { "code", "message", "details"? } }` (`ApiError`), codes from
 *   src/domain/errors.ts only. 400 `validation_failed`: details.issues = [{ path, message }], the
 *   path names the field (`teaches.0.level`); a refused import also carries details.preview
 *   (`ImportPreview`). 401 `unauthenticated`; 403 `forbidden`; 404 `not_found` (also an unknown
 *   job), `programme_not_found`, `profile_not_found`, `person_not_found`; 409 `version_conflict`,
 *   `invalid_transition`, `already_exists` (also: the person's profile is active in another
 *   programme — one profile per person per tenant); 503 `store_unavailable`.
 * - Optimistic concurrency: documents that can be edited come with `version` (also the `ETag`
 *   response header). Send it back as `If-Match: <version>` or as the body's `version`; a stale one
 *   is 409 `version_conflict` (reload, keep what was typed, retry). Editing an existing document
 *   without any version is also 409 `version_conflict`. The state moves (opt-in, pause, resume,
 *   leave, status) take an optional version and are idempotent when repeated.
 *
 * Route table (all under /api; "lead" = a lead of that programme, or a programme lead of the tenant)
 *
 * | method | path                                  | who                  | body                  | response (status)              |
 * |--------|---------------------------------------|----------------------|-----------------------|--------------------------------|
 * | GET    | /auth/config                          | anyone               | –                     | AuthConfigResponse             |
 * | GET    | /dev/personas                         | anyone, dev + loopback| –                    | PersonasResponse               |
 * | POST   | /dev/sign-in                          | anyone, dev + loopback| DevSignInBody        | DevSignInResponse              |
 * | GET    | /me                                   | signed in            | –                     | MeResponse                     |
 * | GET    | /programmes                           | signed in            | –                     | ProgrammeListResponse          |
 * | POST   | /programmes                           | tenant programme lead| ProgrammeCreateBody   | ProgrammeResponse (201)        |
 * | GET    | /programmes/:id                       | signed in (draft: lead) | –                  | ProgrammeResponse              |
 * | PUT    | /programmes/:id                       | lead                 | ProgrammeEditBody     | ProgrammeResponse              |
 * | POST   | /programmes/:id/status                | lead                 | ProgrammeStatusBody   | ProgrammeResponse              |
 * | GET    | /programmes/:id/readiness             | lead                 | –                     | ReadinessResponse              |
 * | GET    | /programmes/:id/participants          | lead                 | –                     | ParticipantsResponse           |
 * | GET    | /programmes/:id/profile/me            | signed in            | –                     | ProfileResponse                |
 * | PUT    | /programmes/:id/profile/me            | signed in            | ProfileEditBody       | ProfileResponse                |
 * | POST   | /programmes/:id/profile/me/opt-in     | signed in            | OptInBody             | ProfileResponse                |
 * | POST   | /programmes/:id/profile/me/pause      | signed in            | PauseBody             | ProfileResponse                |
 * | POST   | /programmes/:id/profile/me/resume     | signed in            | VersionBody (optional)| ProfileResponse                |
 * | POST   | /programmes/:id/profile/me/leave      | signed in            | VersionBody (optional)| ProfileResponse                |
 * | GET    | /programmes/:id/profiles/:personId    | that person, or lead | –                     | ProfileResponse                |
 * | PUT    | /programmes/:id/profiles/:personId    | that person only     | ProfileEditBody       | ProfileResponse                |
 * | POST   | /programmes/:id/imports/preview       | lead                 | text/csv, or ImportBody| ImportPreview                 |
 * | POST   | /programmes/:id/imports               | lead                 | text/csv, or ImportBody| ImportJobResponse (202); 400 validation_failed + details.preview |
 * | GET    | /programmes/:id/imports               | lead                 | –                     | ImportJobListResponse          |
 * | GET    | /jobs/:id                             | lead of the job's programme | –              | ImportJobResponse              |
 *
 * Non-drafts are visible to everyone in the tenant as a summary; drafts only to leads (404 otherwise).
 */

// ---------------------------------------------------------------------------------------------
// Common

/** The error body of every failed request. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** `details.issues` of a `validation_failed` error. */
export type ApiValidationIssue = { path: string; message: string };

/** An ETag, as returned in `version` and the `ETag` header. */
export const versionSchema = text('version', { min: 1, max: 200 });

export const versionBodySchema = z.object({ version: versionSchema.optional() });
export type VersionBody = z.infer<typeof versionBodySchema>;

// ---------------------------------------------------------------------------------------------
// Sign-in and the signed-in person

export const appRoles = ['participant', 'manager', 'lead'] as const;
export const appRoleSchema = z.enum(appRoles);
/** participant: everyone; manager: has reports in the org data; lead: leads a programme or may create them. */
export type AppRole = z.infer<typeof appRoleSchema>;

/** `GET /api/auth/config`: how the tab signs in. */
export const authConfigResponseSchema = z.object({
  /** True: outside Teams, show the persona picker (`/api/dev/*`). */
  devSignIn: z.boolean(),
  /** The Entra app's client id, for teams-js `getAuthToken` (absent when only dev sign-in). */
  clientId: z.string().optional(),
  appIdUri: z.string().optional(),
});
export type AuthConfigResponse = z.infer<typeof authConfigResponseSchema>;

export const roleHints = ['employee', 'manager', 'lead'] as const;
export const personaSchema = z.object({
  personId: z.string(),
  displayName: z.string(),
  email: z.string(),
  department: z.string(),
  jobTitle: z.string(),
  locale: localeSchema,
  /** What acting as this person shows: lead > manager > employee. */
  roleHint: z.enum(roleHints),
});
export type Persona = z.infer<typeof personaSchema>;

/** `GET /api/dev/personas`: the demo people, leads and managers first. */
export const personasResponseSchema = z.object({
  tenantId: z.string(),
  personas: z.array(personaSchema),
});
export type PersonasResponse = z.infer<typeof personasResponseSchema>;

/** `POST /api/dev/sign-in`. */
export const devSignInBodySchema = z.object({ personId: idOf('personId') });
export type DevSignInBody = z.infer<typeof devSignInBodySchema>;

export const devSignInResponseSchema = z.object({
  /** Send as `Authorization: Bearer <token>`; valid for this server process only. */
  token: z.string(),
  tokenType: z.literal('Bearer'),
  expiresAt: z.string(),
});
export type DevSignInResponse = z.infer<typeof devSignInResponseSchema>;

/** A person as the tab shows them: prefilled from the org directory. */
export const personCardSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string(),
  department: z.string(),
  jobTitle: z.string(),
  managerId: z.string().nullable(),
  managerName: z.string().nullable(),
  /** A URL the tab can put in an <img> (same origin); null: show initials. */
  photoUrl: z.string().nullable(),
  timeZone: z.string(),
  officeLocation: z.string().nullable(),
  /** False when the person is not in the org directory (the card comes from the token alone). */
  inDirectory: z.boolean(),
});
export type PersonCard = z.infer<typeof personCardSchema>;

/** `GET /api/me`. */
export const meResponseSchema = z.object({
  tenantId: z.string(),
  person: personCardSchema,
  roles: z.array(appRoleSchema),
  /** May create programmes (configured lead e-mail or the `Programme.Lead` app role). */
  canCreateProgrammes: z.boolean(),
  /** Programmes this person leads (their `leadIds` contain them). */
  leadOf: z.array(z.string()),
  /** The person's preferred locale from the org data; the tab may prefer Teams' locale. */
  locale: localeSchema,
  signIn: z.enum(['sso', 'dev']),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Programmes

const programmeShape = programmeSchema.shape;

/** What every signed-in person of the tenant may see of a (non-draft) programme. */
export const programmeSummarySchema = z.object({
  id: programmeShape.id,
  name: programmeShape.name,
  description: programmeShape.description,
  startDate: programmeShape.startDate,
  endDate: programmeShape.endDate,
  status: programmeShape.status,
  skills: programmeShape.skills,
  frame: programmeShape.frame,
  managerApprovalRequired: programmeShape.managerApprovalRequired,
});
export type ProgrammeSummary = z.infer<typeof programmeSummarySchema>;

/** `GET/POST/PUT /api/programmes[/:id]` and status moves. */
export const programmeResponseSchema = z.discriminatedUnion('canManage', [
  z.object({ canManage: z.literal(true), programme: programmeSchema, version: z.string() }),
  z.object({ canManage: z.literal(false), programme: programmeSummarySchema }),
]);
export type ProgrammeResponse = z.infer<typeof programmeResponseSchema>;

export const programmeListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: programmeStatusSchema,
  canManage: z.boolean(),
  /** The signed-in person's opt-in state in this programme. */
  myStatus: optInStatusSchema,
});
export type ProgrammeListItem = z.infer<typeof programmeListItemSchema>;

/** `GET /api/programmes`: most recent start first; drafts only for their leads. */
export const programmeListResponseSchema = z.object({
  programmes: z.array(programmeListItemSchema),
  canCreateProgrammes: z.boolean(),
});
export type ProgrammeListResponse = z.infer<typeof programmeListResponseSchema>;

const datesInOrder = {
  error: 'endDate must be on or after startDate',
  path: ['endDate'],
};

/** `POST /api/programmes`: a new draft; the creator is always among its leads. */
export const programmeCreateBodySchema = z
  .object({
    name: text('name', { min: 1, max: 120 }),
    description: text('description', { max: 2000 }).optional(),
    startDate: date('startDate'),
    endDate: date('endDate'),
    skills: programmeShape.skills.optional(),
    frame: frameSchema.optional(),
    managerApprovalRequired: programmeShape.managerApprovalRequired.optional(),
    weights: matchingWeightsSchema.optional(),
    leadIds: z.array(idOf('leadId')).optional(),
  })
  .refine((body) => daysInOrder(body.startDate, body.endDate), datesInOrder);
export type ProgrammeCreateBody = z.infer<typeof programmeCreateBodySchema>;

/** `PUT /api/programmes/:id`: the full editable programme (status moves through `/status`). */
export const programmeEditBodySchema = z
  .object({
    name: text('name', { min: 1, max: 120 }),
    description: text('description', { max: 2000 }),
    startDate: date('startDate'),
    endDate: date('endDate'),
    skills: programmeShape.skills,
    frame: frameSchema,
    managerApprovalRequired: programmeShape.managerApprovalRequired,
    weights: matchingWeightsSchema,
    leadIds: programmeShape.leadIds,
    reminderOffsetsMinutes: programmeShape.reminderOffsetsMinutes.optional(),
    proposalResponseDays: programmeShape.proposalResponseDays.optional(),
    version: versionSchema.optional(),
  })
  .refine((body) => daysInOrder(body.startDate, body.endDate), datesInOrder);
export type ProgrammeEditBody = z.infer<typeof programmeEditBodySchema>;

/** `POST /api/programmes/:id/status`: draft → enrolling → matching → running → closed. */
export const programmeStatusBodySchema = z.object({
  to: programmeStatusSchema,
  version: versionSchema.optional(),
});
export type ProgrammeStatusBody = z.infer<typeof programmeStatusBodySchema>;

export const readinessWarningSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('too_few_participants'),
    params: z.object({ count: z.number(), minimum: z.number() }),
  }),
  z.object({
    code: z.literal('skill_without_teacher'),
    params: z.object({ skillId: z.string(), learners: z.number() }),
  }),
  z.object({
    code: z.literal('one_sided_cohort'),
    /** `missing`: the side nobody (or too few) can take. */
    params: z.object({
      mentors: z.number(),
      mentees: z.number(),
      missing: z.enum(['mentor', 'mentee']),
    }),
  }),
]);
export type ReadinessWarning = z.infer<typeof readinessWarningSchema>;

/** Supply against demand for one catalogue skill, over active participants. */
export const skillBalanceSchema = z.object({
  skillId: z.string(),
  label: z.object({ fr: z.string(), en: z.string() }),
  kind: z.enum(['digital', 'know_how']),
  /** Active participants who can teach it. */
  teachers: z.number(),
  /** Active participants who want to learn it. */
  learners: z.number(),
});
export type SkillBalance = z.infer<typeof skillBalanceSchema>;

/** `GET /api/programmes/:id/readiness`. Active = opted in or paused. */
export const readinessResponseSchema = z.object({
  programmeId: z.string(),
  status: programmeStatusSchema,
  participants: z.object({
    active: z.number(),
    byRole: z.object({ mentor: z.number(), mentee: z.number(), both: z.number() }),
    byStatus: z.object({
      not_joined: z.number(),
      opted_in: z.number(),
      paused: z.number(),
      left: z.number(),
    }),
    departments: z.number(),
  }),
  skills: z.array(skillBalanceSchema),
  warnings: z.array(readinessWarningSchema),
  /** True when there is no warning. */
  ready: z.boolean(),
});
export type ReadinessResponse = z.infer<typeof readinessResponseSchema>;

export const participantSchema = z.object({
  personId: z.string(),
  displayName: z.string(),
  email: z.string(),
  department: z.string(),
  roleWish: roleWishSchema,
  status: optInStatusSchema,
  updatedAt: z.string(),
});
export type Participant = z.infer<typeof participantSchema>;

/** `GET /api/programmes/:id/participants`: everyone with a profile in it (imported or volunteered). */
export const participantsResponseSchema = z.object({ participants: z.array(participantSchema) });
export type ParticipantsResponse = z.infer<typeof participantsResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Profiles

const profileShape = profileSchema.shape;

/** A profile as stored (see src/domain/profile.ts). */
export type ProfileDto = z.infer<typeof profileSchema>;

/**
 * `GET/PUT /api/programmes/:id/profile/me` and the opt-in moves. Before the person's first save the
 * profile is a default one (`not_joined`, prefilled from the org data) with `version: null`.
 */
export const profileResponseSchema = z.object({
  profile: profileSchema,
  version: z.string().nullable(),
  person: personCardSchema,
});
export type ProfileResponse = z.infer<typeof profileResponseSchema>;

/** `PUT .../profile/me`: the whole editable profile (skills must be in the programme's catalogue). */
export const profileEditBodySchema = z.object({
  roleWish: profileShape.roleWish,
  teaches: profileShape.teaches,
  learns: profileShape.learns,
  languages: profileShape.languages,
  timeZone: timeZoneSchema,
  availability: profileShape.availability,
  workMode: profileShape.workMode,
  location: profileShape.location,
  bio: profileShape.bio,
  mentorCapacity: profileShape.mentorCapacity.optional(),
  version: versionSchema.optional(),
});
export type ProfileEditBody = z.infer<typeof profileEditBodySchema>;

/** `POST .../opt-in`: the version of the consent text the person was shown and accepted. */
export const optInBodySchema = z.object({
  consentTextVersion: text('consentTextVersion', { min: 1, max: 40 }),
  version: versionSchema.optional(),
});
export type OptInBody = z.infer<typeof optInBodySchema>;

/** `POST .../pause`: until a future instant (ISO date-time) or a day (`2027-03-01`, midnight UTC). */
export const pauseBodySchema = z.object({
  until: z.union([dateTime('until'), date('until')], {
    error: 'until must be a date like 2027-03-01 or an ISO date-time',
  }),
  version: versionSchema.optional(),
});
export type PauseBody = z.infer<typeof pauseBodySchema>;

// ---------------------------------------------------------------------------------------------
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
 * Separator `,` or `;` (detected from the header). UTF-8, with or without BOM. At most 5,000 rows.
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

// Re-exported for the tab's forms (types only).
export type { Locale } from '../domain/common';
export type {
  Frame,
  MatchingWeights,
  Programme,
  ProgrammeStatus,
  Skill,
} from '../domain/programme';
export type { OptInStatus, Profile, RoleWish, SkillEntry, WorkMode } from '../domain/profile';
