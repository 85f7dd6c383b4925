import { z } from 'zod';
import { date, daysInOrder, idOf, text } from '../domain/common';
import {
  frameSchema,
  matchingWeightsSchema,
  programmeSchema,
  programmeStatusSchema,
} from '../domain/programme';
import { optInStatusSchema, roleWishSchema } from '../domain/profile';
import { versionSchema } from './common';
import { idParams, route } from './route';

/**
 * Programmes: create, edit, move, readiness, participants. See the conventions in ./common.ts.
 * Non-drafts are visible to everyone in the tenant as a summary; drafts only to their leads (404
 * `programme_not_found` otherwise, as for an unknown programme).
 * The routes: `programmeApi` at the end of this file.
 */

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
    /** Active people whose profile lacks what matching needs (`missingForMatching`). */
    code: z.literal('incomplete_profiles'),
    params: z.object({ count: z.number() }),
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
    /**
     * Active people whose profile cannot be matched yet (no skill on their side, or no hours
     * available); counted in `active` and `byRole` too.
     */
    incomplete: z.number(),
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
  /** What launching the programme (status `running`) would leave behind, for the lead's dialog. */
  launch: z.object({
    /** A matching run was published (a proposal reached the people): launching makes sense. */
    publishedRun: z.boolean(),
    /** Published proposals still waiting for an answer. */
    unansweredProposals: z.number(),
    /** Active participants in no published proposal still open or accepted. */
    unmatched: z.number(),
    /** Invitees (imported) who have not joined. */
    notJoined: z.number(),
  }),
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

// Re-exported for the tab's forms (types only).
export type {
  Frame,
  MatchingWeights,
  Programme,
  ProgrammeStatus,
  Skill,
} from '../domain/programme';

const unknownProgramme =
  'Unknown programme, or a draft the caller does not lead (`programme_not_found`)';
const notLead = 'A signed-in person who does not lead this programme (`forbidden`)';

/**
 * A programme may carry 200 skills labelled in two languages (src/domain/programme.ts): well over
 * the default body limit once the labels are long, far under this.
 */
const programmeMaxBytes = 1024 * 1024;

/** The routes (src/contracts/route.ts). */
export const programmeApi = {
  list: route({
    method: 'get',
    path: '/programmes',
    summary:
      'The programmes the caller may see, most recent start first (drafts only for their leads)',
    access: 'signed_in',
    responses: { 200: programmeListResponseSchema },
  }),
  create: route({
    method: 'post',
    path: '/programmes',
    summary: 'Create a draft programme; the creator is among its leads',
    access: 'tenant_lead',
    body: programmeCreateBodySchema,
    maxBodyBytes: programmeMaxBytes,
    responses: { 201: programmeResponseSchema },
    errors: { 403: 'The caller is not a programme lead of the tenant (`forbidden`)' },
  }),
  get: route({
    method: 'get',
    path: '/programmes/:id',
    summary: 'A programme: in full with its version for its leads, as a summary for everyone else',
    access: 'tenant_member',
    params: idParams,
    responses: { 200: programmeResponseSchema },
    errors: { 404: unknownProgramme },
  }),
  edit: route({
    method: 'put',
    path: '/programmes/:id',
    summary: 'Replace the editable programme (its version required)',
    access: 'programme_lead',
    params: idParams,
    body: programmeEditBodySchema,
    maxBodyBytes: programmeMaxBytes,
    responses: { 200: programmeResponseSchema },
    errors: {
      403: notLead,
      404: unknownProgramme,
      409: '`version_conflict` (no version, or a stale one), or `invalid_transition` (the programme is closed)',
    },
  }),
  move: route({
    method: 'post',
    path: '/programmes/:id/status',
    summary:
      'Move the status: draft → enrolling → matching → running → closed (repeating it changes nothing)',
    access: 'programme_lead',
    params: idParams,
    body: programmeStatusBodySchema,
    responses: { 200: programmeResponseSchema },
    errors: {
      403: notLead,
      404: unknownProgramme,
      409: '`invalid_transition` (not a next status), or `version_conflict` (a stale version)',
    },
  }),
  readiness: route({
    method: 'get',
    path: '/programmes/:id/readiness',
    summary:
      'Whether the cohort is ready for matching: participants, skills supply and demand, warnings',
    access: 'programme_lead',
    params: idParams,
    responses: { 200: readinessResponseSchema },
    errors: { 403: notLead, 404: unknownProgramme },
  }),
  participants: route({
    method: 'get',
    path: '/programmes/:id/participants',
    summary: 'Everyone with a profile in the programme (imported or volunteered), by name',
    access: 'programme_lead',
    params: idParams,
    responses: { 200: participantsResponseSchema },
    errors: { 403: notLead, 404: unknownProgramme },
  }),
};
