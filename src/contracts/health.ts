import { z } from 'zod';
import { localeSchema, localizedTextSchema, text } from '../domain/common';
import { pairStateSchema, pairingFitSchema } from '../domain/pair/schema';
import { optInStatusSchema, roleWishSchema } from '../domain/profile';
import { programmeStatusSchema, skillKindSchema } from '../domain/programme';
import { idParam, idParams, route } from './route';

/**
 * Programme health: the lead's follow-up, the health figures, the bilan (report) and the
 * manager's view of their reports. Same conventions as src/contracts/common.ts.
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

/** Fewer people than this in a breakdown: shown as `{ suppressed: true }` ("fewer than 5"). */
export const smallGroupMinimum = 5;

/** A figure over fewer than 5 people, or hidden so that one cannot be worked out by subtraction. */
export const suppressedSchema = z.object({ suppressed: z.literal(true) });
export type Suppressed = z.infer<typeof suppressedSchema>;

/** A count or average over people: the number, or `{ suppressed: true }` below 5 people. */
export const guardedNumberSchema = z.union([z.number(), suppressedSchema]);
export type GuardedNumber = z.infer<typeof guardedNumberSchema>;

/** Filters of the follow-up: a department (either member's) and a start month (`YYYY-MM`). */
export const healthQuerySchema = z.object({
  department: text('department', { min: 1, max: 200 }).optional(),
  startMonth: z
    .string({ error: 'startMonth must be a month such as 2026-09' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'startMonth must be a month such as 2026-09' })
    .optional(),
});
export type HealthQuery = z.infer<typeof healthQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Follow-up: participants, pairs, at-risk pairs, unmatched people

/**
 * Why a pair is at risk (several may apply); only pairs accepted, awaiting approval or active are
 * ever at risk (src/domain/health.ts `risksOf`).
 */
export const atRiskReasons = [
  /** Active, and no session held for 14 days (or none since pairing). */
  'no_session_14_days',
  /** Two or more sessions marked missed. */
  'sessions_missed',
  /** A member's average rating of the sessions is 2 or below (ratings are 1–4). */
  'low_rating',
  /** A member's latest pairing-fit answer is "poor". */
  'not_a_good_fit',
  /** A manager approval has waited for more than 7 days. */
  'approval_pending_7_days',
  /** The agreement is not signed by both 14 days after pairing. */
  'agreement_unsigned_14_days',
] as const;
export const atRiskReasonSchema = z.enum(atRiskReasons);
export type AtRiskReason = z.infer<typeof atRiskReasonSchema>;

/** Whether the lead may nudge now: one nudge per pair (one reminder per invitee) per 7 days. */
export const nudgeAvailabilitySchema = z.object({
  available: z.boolean(),
  lastSentAt: z.string().nullable(),
  /** When the next one may go out (null while available). */
  nextAvailableAt: z.string().nullable(),
});
export type NudgeAvailability = z.infer<typeof nudgeAvailabilitySchema>;

export const healthMemberSchema = z.object({
  personId: z.string(),
  displayName: z.string(),
  department: z.string(),
});
export type HealthMember = z.infer<typeof healthMemberSchema>;

/** One pair as the follow-up lists it: state, sessions, risks. No notes, no feedback. */
export const healthPairSchema = z.object({
  id: z.string(),
  state: pairStateSchema,
  mentor: healthMemberSchema,
  mentee: healthMemberSchema,
  subject: z.string(),
  /** When the pair was formed (its start month is the filter's). */
  pairedAt: z.string(),
  /** The start of the latest session held, or null. */
  lastSessionAt: z.string().nullable(),
  /** The start of the next planned session, or null. */
  nextSessionAt: z.string().nullable(),
  sessionsHeld: z.number(),
  /** The agreement's number of sessions. */
  sessionsInFrame: z.number(),
  risks: z.array(atRiskReasonSchema),
});
export type HealthPair = z.infer<typeof healthPairSchema>;

export const atRiskPairSchema = healthPairSchema.extend({
  /** Why, with the facts behind each reason (days without a session, days pending…). */
  reasons: z.array(
    z.object({
      code: atRiskReasonSchema,
      /** Days since the last session, since pairing, or since the approval was asked. */
      days: z.number().nullable(),
    }),
  ),
  nudge: nudgeAvailabilitySchema,
});
export type AtRiskPair = z.infer<typeof atRiskPairSchema>;

/** Someone imported into the programme who has not joined yet. */
export const inviteeSchema = z.object({
  personId: z.string(),
  displayName: z.string(),
  department: z.string(),
  invitedAt: z.string(),
  reminder: nudgeAvailabilitySchema,
});
export type Invitee = z.infer<typeof inviteeSchema>;

/** A person the latest matching run left without a partner, with why (fr/en, as matching says it). */
export const unmatchedPersonSchema = z.object({
  personId: z.string(),
  displayName: z.string(),
  department: z.string(),
  roleWish: roleWishSchema,
  reasons: z.array(z.object({ code: z.string(), fr: z.string(), en: z.string() })),
});
export type UnmatchedPerson = z.infer<typeof unmatchedPersonSchema>;

const byRoleSchema = z.object({
  mentor: guardedNumberSchema,
  mentee: guardedNumberSchema,
  both: guardedNumberSchema,
});
const byStatusSchema = z.object(
  Object.fromEntries(optInStatusSchema.options.map((s) => [s, guardedNumberSchema])) as Record<
    z.infer<typeof optInStatusSchema>,
    typeof guardedNumberSchema
  >,
);

/** Lists are capped so that the stored figures stay small; `*Total` says how many there are. */
export const healthListCap = 100;

export const participantsHealthSchema = z.object({
  /** Everyone with a profile in the programme, plus pair members (filtered by department only). */
  total: guardedNumberSchema,
  byRole: byRoleSchema,
  byState: byStatusSchema,
  /** People in a pair that is not ended. */
  inPairs: guardedNumberSchema,
  invitedNotJoined: z.array(inviteeSchema),
  invitedNotJoinedTotal: z.number(),
  /** Shown once matching has run (null before any run). */
  unmatched: z.array(unmatchedPersonSchema).nullable(),
  unmatchedTotal: z.number(),
});
export type ParticipantsHealth = z.infer<typeof participantsHealthSchema>;

export const pairsHealthSchema = z.object({
  total: z.number(),
  byState: z.object(
    Object.fromEntries(pairStateSchema.options.map((s) => [s, z.number()])) as Record<
      z.infer<typeof pairStateSchema>,
      z.ZodNumber
    >,
  ),
  /** Open pairs first (at risk first), then by mentor's name; capped at `healthListCap`. */
  list: z.array(healthPairSchema),
  listTotal: z.number(),
  /** Pairs that ended before their frame was done (state `ended`). */
  endedEarly: z.number(),
});
export type PairsHealth = z.infer<typeof pairsHealthSchema>;

// ---------------------------------------------------------------------------------------------
// Figures

/** One ISO week (Monday, UTC). */
export const sessionWeekSchema = z.object({
  weekStart: z.string(),
  /** Sessions scheduled that week, whatever became of them (cancelled ones excluded). */
  planned: z.number(),
  held: z.number(),
  missed: z.number(),
});
export type SessionWeek = z.infer<typeof sessionWeekSchema>;

export const sessionsHealthSchema = z.object({
  /** Sessions scheduled (held + missed + still planned); cancelled ones excluded. */
  planned: z.number(),
  held: z.number(),
  missed: z.number(),
  cancelled: z.number(),
  /** Planned and still to come. */
  upcoming: z.number(),
  /** Planned, past their end, and not marked held or missed. */
  unrecorded: z.number(),
  /** Minutes of sessions held (time the programme actually used). */
  minutesHeld: z.number(),
  /**
   * From the programme’s start (or the first session, when earlier) to its end (or the last
   * session, when later); the latest 60 weeks at most.
   */
  byWeek: z.array(sessionWeekSchema),
});
export type SessionsHealth = z.infer<typeof sessionsHealthSchema>;

export const timeToFirstSessionSchema = z.object({
  /** Pairs with a first session held. */
  pairs: z.number(),
  /** Pairs not ended that have held none yet. */
  withoutSession: z.number(),
  /** Null when no pair has met yet: nothing to measure (not "0 days"). */
  medianDays: guardedNumberSchema.nullable(),
  averageDays: guardedNumberSchema.nullable(),
});
export type TimeToFirstSession = z.infer<typeof timeToFirstSessionSchema>;

/** How one side rated the sessions (ratings 1–4) and answered "is this pairing a good fit?". */
export const satisfactionDirectionSchema = z.discriminatedUnion('suppressed', [
  suppressedSchema,
  z.object({
    suppressed: z.literal(false),
    /** People who gave at least one feedback. */
    raters: z.number(),
    feedbackCount: z.number(),
    averageRating: z.number(),
    /**
     * Feedback per rating (adds up to `feedbackCount`); a rating given 1 to 4 times is hidden,
     * with enough others that neither subtraction nor the average gives it back.
     */
    distribution: z.object({
      '1': guardedNumberSchema,
      '2': guardedNumberSchema,
      '3': guardedNumberSchema,
      '4': guardedNumberSchema,
    }),
    /** Each rater's latest pairing-fit answer (people; hidden as the participants' counts are). */
    fit: z.object(
      Object.fromEntries(pairingFitSchema.options.map((f) => [f, guardedNumberSchema])) as Record<
        z.infer<typeof pairingFitSchema>,
        typeof guardedNumberSchema
      >,
    ),
  }),
]);
export type SatisfactionDirection = z.infer<typeof satisfactionDirectionSchema>;

export const satisfactionSchema = z.object({
  /** The mentees' feedback on their mentors' sessions. */
  menteesAboutMentors: satisfactionDirectionSchema,
  /** The mentors' feedback on their mentees. */
  mentorsAboutMentees: satisfactionDirectionSchema,
  /** Feedback given / feedback expected (two per session held), 0–1; null with no session held. */
  responseRate: z.number().nullable(),
});
export type Satisfaction = z.infer<typeof satisfactionSchema>;

/** Self-assessed levels (1–5) from start to end on the goals mapped to one catalogue skill. */
export const skillProgressSchema = z.object({
  skillId: z.string(),
  label: z.object({ fr: z.string(), en: z.string() }),
  kind: skillKindSchema,
  progress: z.discriminatedUnion('suppressed', [
    suppressedSchema,
    z.object({
      suppressed: z.literal(false),
      /** People with a start and an end (or middle) level on a goal naming this skill. */
      people: z.number(),
      averageStart: z.number(),
      averageEnd: z.number(),
      averageGain: z.number(),
    }),
  ]),
});
export type SkillProgress = z.infer<typeof skillProgressSchema>;

export const skillsHealthSchema = z.object({
  /** One row per catalogue skill, in catalogue order. */
  bySkill: z.array(skillProgressSchema),
  /** Goals assessed that name no catalogue skill (counted, not shown). */
  unmappedGoals: z.number(),
});
export type SkillsHealth = z.infer<typeof skillsHealthSchema>;

export const approvalsHealthSchema = z.object({
  pending: z.number(),
  /** Pending for more than 7 days. */
  pendingOver7Days: z.number(),
  approved: z.number(),
  declined: z.number(),
  /**
   * Days from request to decision, over decided requests; suppressed below 5 decisions, null
   * with none (not "0 days").
   */
  medianDaysToDecide: guardedNumberSchema.nullable(),
});
export type ApprovalsHealth = z.infer<typeof approvalsHealthSchema>;

/**
 * Quick help given outside pairs (tenant-wide: any employee may ask or help), over the last 12
 * weeks; null when the figures could not be read. Counts of requests, never who asked or helped.
 */
export const informalHelpSchema = z
  .object({
    requests: z.number(),
    answered: z.number(),
    unanswered: z.number(),
    /** Median minutes from asking to a buddy's accept; null with nothing answered. */
    medianMinutesToBuddy: z.number().nullable(),
    /** Oldest first: ISO weeks (`2026-W49`). */
    weeks: z.array(z.object({ week: z.string(), asked: z.number(), helped: z.number() })),
    /** Most asked first: demand for the next programme's catalogue (label null: not a skill). */
    topTopics: z.array(
      z.object({ key: z.string(), label: localizedTextSchema.nullable(), count: z.number() }),
    ),
  })
  .nullable();
export type InformalHelp = z.infer<typeof informalHelpSchema>;

/** `GET /api/programmes/:id/health` (and `POST …/health/refresh`). */
export const healthResponseSchema = z.object({
  programmeId: z.string(),
  programmeName: z.string(),
  status: programmeStatusSchema,
  /** When these figures were computed (at most 15 minutes before the request). */
  generatedAt: z.string(),
  /** The filter applied, and the values the lead may pick from. */
  filter: z.object({ department: z.string().nullable(), startMonth: z.string().nullable() }),
  filters: z.object({ departments: z.array(z.string()), startMonths: z.array(z.string()) }),
  participants: participantsHealthSchema,
  pairs: pairsHealthSchema,
  /** Most urgent first (most reasons, then longest without a session); capped at `healthListCap`. */
  atRisk: z.array(atRiskPairSchema),
  atRiskTotal: z.number(),
  sessions: sessionsHealthSchema,
  timeToFirstSession: timeToFirstSessionSchema,
  satisfaction: satisfactionSchema,
  skills: skillsHealthSchema,
  approvals: approvalsHealthSchema,
  informalHelp: informalHelpSchema,
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

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
