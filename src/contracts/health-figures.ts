import { z } from 'zod';
import { localizedTextSchema, text } from '../domain/common';
import { pairStateSchema, pairingFitSchema } from '../domain/pair/schema';
import { optInStatusSchema, roleWishSchema } from '../domain/profile';
import { programmeStatusSchema, skillKindSchema } from '../domain/programme';

/**
 * The health figures of a programme (`GET /api/programmes/:id/health`): who takes part, the pairs,
 * the sessions, satisfaction, progress, approvals and informal help, with the small-group rule.
 * The rest of the health contract, the bilan and the routes: ./health.ts, which re-exports this.
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
