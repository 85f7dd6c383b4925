import { z } from 'zod';
import { localeSchema } from '../domain/common';
import { pairStateSchema } from '../domain/pair/schema';
import { programmeStatusSchema } from '../domain/programme';
import { idParam, idParams, route } from './route';

/**
 * Programme health: the lead's follow-up, the health figures, the bilan (report) and the
 * manager's view of their reports. Same conventions as src/contracts/common.ts. The figures'
 * schemas are in ./health-figures.ts, re-exported here.
 *
 * The routes: `programmeHealthApi` at the end of this file ("lead" = a lead of that programme, or
 * a tenant programme lead; anyone else gets 403 `forbidden`, or 404 `programme_not_found` for a
 * draft they do not lead).
 *
 * Figures are computed per programme in the background and stored (at most 15 minutes old;
 * `refresh` recomputes at once): a page view reads the programme, the stored figures and the
 * nudge log (3 Cosmos point reads), whatever the number of pairs.
 *
 * Privacy by construction: no private note, no feedback text unless its author ticked "share with
 * the programme lead for the report" (`sharedComments`), and every count or average over people
 * that covers fewer than 5 of them is `{ suppressed: true }` ("fewer than 5"); where counts add up
 * to a total that is shown, more are hidden so that none can be worked out by subtraction
 * (src/domain/disclosure.ts): a hidden count may be 5 or more. Pair states, session
 * counts and the operational lists (at-risk pairs, invitees to remind, unmatched people) are not
 * suppressed: the lead acts on them by name.
 */
import {
  approvalsHealthSchema,
  atRiskReasonSchema,
  guardedNumberSchema,
  healthQuerySchema,
  healthResponseSchema,
  informalHelpSchema,
  nudgeAvailabilitySchema,
  pairsHealthSchema,
  participantsHealthSchema,
  satisfactionSchema,
  sessionsHealthSchema,
  skillsHealthSchema,
  timeToFirstSessionSchema,
} from './health-figures';

export * from './health-figures';

// ---------------------------------------------------------------------------------------------
// Actions

/** `POST /api/programmes/:id/pairs/:pairId/nudge`: the bot nudges both members, each in their language. */
export const nudgeBodySchema = z.object({
  /** The reason the lead nudges for (shapes the message); defaults to the pair's first risk. */
  reason: atRiskReasonSchema.optional(),
});
export type NudgeBody = z.infer<typeof nudgeBodySchema>;

export const nudgeRecipientSchema = z.object({
  personId: z.string(),
  /** False when the person has not installed the bot: the message waits until they do. */
  reachable: z.boolean(),
});

/** A nudge queued for both members; 409 `nudge_too_soon` (details.nextAvailableAt) within 7 days. */
export const nudgeResponseSchema = z.object({
  pairId: z.string(),
  reason: atRiskReasonSchema,
  sentTo: z.array(nudgeRecipientSchema),
  nudge: nudgeAvailabilitySchema,
});
export type NudgeResponse = z.infer<typeof nudgeResponseSchema>;

/** `POST /api/programmes/:id/participants/:personId/remind`: the bot reminds an invitee to join. */
export const remindResponseSchema = z.object({
  personId: z.string(),
  sentTo: z.array(nudgeRecipientSchema),
  reminder: nudgeAvailabilitySchema,
});
export type RemindResponse = z.infer<typeof remindResponseSchema>;

// ---------------------------------------------------------------------------------------------
// The bilan (report)

/** A comment its author agreed to share with the lead for the report; never a name. */
export const sharedCommentSchema = z.object({
  direction: z.enum(['mentee_to_mentor', 'mentor_to_mentee']),
  /** `YYYY-MM` of the session. */
  month: z.string(),
  rating: z.number(),
  worked: z.string(),
  suggestion: z.string(),
});
export type SharedComment = z.infer<typeof sharedCommentSchema>;

/**
 * The guide's questions answered with figures (locale-neutral codes; the tab words them):
 * a real need for skills? volunteers? time freed? evaluation?
 */
export const guideAnswersSchema = z.object({
  realNeed: z.object({
    /** Catalogue skills some participant wanted to learn. */
    skillsRequested: z.number(),
    skillsInCatalogue: z.number(),
    /** Pairs formed / people who volunteered. */
    pairsFormed: z.number(),
  }),
  volunteers: z.object({
    /** People who opted in at some point (opted in, paused or left). */
    volunteered: guardedNumberSchema,
    invitedNotJoined: guardedNumberSchema,
    left: guardedNumberSchema,
    pairsEndedEarly: z.number(),
  }),
  timeFreed: z.object({
    /** Minutes managers approved in total: each approval is one person's time. */
    minutesApproved: z.number(),
    /**
     * Minutes people spent in the sessions held: each session counts for both members, so that
     * it compares with the time approved, person by person.
     */
    memberMinutesHeld: z.number(),
  }),
  evaluation: z.object({
    feedbackCount: z.number(),
    responseRate: z.number().nullable(),
    /** People with a start and an end self-assessment. */
    assessedStartAndEnd: guardedNumberSchema,
  }),
});
export type GuideAnswers = z.infer<typeof guideAnswersSchema>;

/** `GET /api/programmes/:id/report`: what the printable bilan shows (no filter applied). */
export const reportResponseSchema = z.object({
  programme: z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    status: programmeStatusSchema,
  }),
  generatedAt: z.string(),
  participants: participantsHealthSchema.pick({
    total: true,
    byRole: true,
    byState: true,
    inPairs: true,
  }),
  pairs: pairsHealthSchema.pick({ total: true, byState: true, endedEarly: true }),
  sessions: sessionsHealthSchema,
  timeToFirstSession: timeToFirstSessionSchema,
  satisfaction: satisfactionSchema,
  skills: skillsHealthSchema,
  approvals: approvalsHealthSchema,
  informalHelp: informalHelpSchema,
  /** Only comments whose author ticked "share with the programme lead for the report". */
  sharedComments: z.array(sharedCommentSchema),
  guide: guideAnswersSchema,
});
export type ReportResponse = z.infer<typeof reportResponseSchema>;

/** `GET /api/programmes/:id/report.csv?locale=fr|en`: `;` for French, `,` for English. */
export const reportCsvQuerySchema = z.object({ locale: localeSchema.default('fr') });
export type ReportCsvQuery = z.infer<typeof reportCsvQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Managers

/** One of the caller's direct reports in a programme: participation only. */
export const managerReportSchema = z.object({
  personId: z.string(),
  displayName: z.string(),
  programmeId: z.string().nullable(),
  programmeName: z.string().nullable(),
  /** Their most recent pair's state, or null when not in a pair. */
  pairState: pairStateSchema.nullable(),
  sessionsHeld: z.number(),
  /** Sessions booked (not cancelled), held ones included. */
  sessionsPlanned: z.number(),
  /** The agreement's number of sessions (the time asked of the manager); 0 when not in a pair. */
  sessionsInFrame: z.number(),
});
export type ManagerReport = z.infer<typeof managerReportSchema>;

export const managerApprovalGivenSchema = z.object({
  approvalId: z.string(),
  personId: z.string(),
  personName: z.string(),
  status: z.enum(['pending', 'approved', 'declined']),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  totalMinutes: z.number(),
});

/** `GET /api/manager/reports`: the caller's direct reports who take part, and their approvals. */
export const managerReportsResponseSchema = z.object({
  reports: z.array(managerReportSchema),
  approvals: z.array(managerApprovalGivenSchema),
});
export type ManagerReportsResponse = z.infer<typeof managerReportsResponseSchema>;

const leadOnly = {
  403: '`forbidden`: the caller does not lead this programme',
  404: '`programme_not_found`: unknown programme, or a draft the caller does not lead',
} as const;
/** The lead's 404, or another unknown thing the route names. */
const orUnknown = (what: string) => `${leadOnly[404]}; ${what}`;

/** The routes (src/contracts/route.ts). */
export const programmeHealthApi = {
  health: route({
    method: 'get',
    path: '/programmes/:id/health',
    summary: 'The follow-up and the health figures (at most 15 minutes old), optionally filtered',
    access: 'programme_lead',
    params: idParams,
    query: healthQuerySchema,
    responses: { 200: healthResponseSchema },
    errors: leadOnly,
  }),
  refresh: route({
    method: 'post',
    path: '/programmes/:id/health/refresh',
    summary: 'Recompute the health figures now and answer them',
    access: 'programme_lead',
    params: idParams,
    query: healthQuerySchema,
    responses: { 200: healthResponseSchema },
    errors: leadOnly,
  }),
  nudge: route({
    method: 'post',
    path: '/programmes/:id/pairs/:pairId/nudge',
    summary: 'The bot nudges both members of a pair, each in their language (once per 7 days)',
    access: 'programme_lead',
    params: z.object({ id: idParam('id'), pairId: idParam('pairId') }),
    body: nudgeBodySchema,
    bodyOptional: true,
    responses: { 200: nudgeResponseSchema },
    errors: {
      ...leadOnly,
      404: orUnknown('`pair_not_found`: no such pair in this programme'),
      409: '`nudge_too_soon` (details.nextAvailableAt): nudged within 7 days; `invalid_transition`: the pair is proposed, completed or ended',
    },
  }),
  remind: route({
    method: 'post',
    path: '/programmes/:id/participants/:personId/remind',
    summary: 'The bot reminds an invitee who has not joined (once per 7 days)',
    access: 'programme_lead',
    params: z.object({ id: idParam('id'), personId: idParam('personId') }),
    responses: { 200: remindResponseSchema },
    errors: {
      ...leadOnly,
      404: orUnknown('`profile_not_found`: not invited to this programme'),
      409: '`nudge_too_soon` (details.nextAvailableAt): reminded within 7 days; `invalid_transition`: already joined',
    },
  }),
  report: route({
    method: 'get',
    path: '/programmes/:id/report',
    summary:
      "The bilan: the programme's figures (unfiltered) and the comments shared with the lead",
    access: 'programme_lead',
    params: idParams,
    responses: { 200: reportResponseSchema },
    errors: leadOnly,
  }),
  reportCsv: route({
    method: 'get',
    path: '/programmes/:id/report.csv',
    summary: 'The bilan as a CSV file for Excel, in the language asked (French by default)',
    access: 'programme_lead',
    params: idParams,
    query: reportCsvQuerySchema,
    responses: {
      200: {
        contentType: 'text/csv; charset=utf-8',
        description:
          'The bilan as an attachment: UTF-8 with a byte order mark; `;`-separated in French, `,` in English',
      },
    },
    errors: leadOnly,
  }),
  managerReports: route({
    method: 'get',
    path: '/manager/reports',
    summary: "The caller's direct reports' participation and the approvals asked of the caller",
    access: 'signed_in',
    responses: { 200: managerReportsResponseSchema },
  }),
};
