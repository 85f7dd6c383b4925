import { z } from 'zod';
import {
  actionItemSchema,
  agreementSchema,
  assessmentPhaseSchema,
  pairHistoryEntrySchema,
  pairingFitSchema,
  pairStateSchema,
  sessionStatusSchema,
} from '../domain/pair/schema';
import { approvalStatusSchema } from '../domain/approval';

/**
 * What the pair routes answer (src/contracts/pairs.ts, which re-exports these): the pair as one
 * member sees it, the dashboard, the caller's pairs. Zod and src/domain only.
 */

export const memberRoles = ['mentor', 'mentee'] as const;
export const memberRoleSchema = z.enum(memberRoles);
export type MemberRole = z.infer<typeof memberRoleSchema>;

/** A member as the dashboard shows them (from the pair's snapshot: no directory lookup). */
export const memberCardSchema = z.object({
  personId: z.string(),
  role: memberRoleSchema,
  displayName: z.string(),
  jobTitle: z.string(),
  department: z.string(),
  /** BCP 47 tags, e.g. ["fr", "en"]. */
  languages: z.array(z.string()),
  /** IANA zone; the tab shows their local time with Intl.DateTimeFormat({ timeZone }). */
  timeZone: z.string(),
  /** Their UTC offset now, in minutes (Paris in winter: 60). */
  utcOffsetMinutes: z.number(),
  /** Their offset minus the caller's, in minutes ("2 h ahead of you": 120). */
  offsetFromMeMinutes: z.number(),
  /** Same-origin URL for an <img>, or null: show initials. */
  photoUrl: z.string().nullable(),
});
export type MemberCard = z.infer<typeof memberCardSchema>;

export const actionItemViewSchema = actionItemSchema.extend({
  sessionId: z.string(),
  ownerRole: memberRoleSchema,
});
export type ActionItemView = z.infer<typeof actionItemViewSchema>;

export const sessionViewSchema = z.object({
  id: z.string(),
  index: z.number(),
  start: z.string(),
  durationMinutes: z.number(),
  status: sessionStatusSchema,
  agenda: z.string(),
  sharedNotes: z.string(),
  actionItems: z.array(actionItemViewSchema),
  calendarEventId: z.string().nullable(),
  /** The caller has given feedback on it. */
  feedbackGiven: z.boolean(),
  /** The partner has given feedback on it (its content is in `feedback.received`). */
  feedbackReceived: z.boolean(),
  /** Ended (held, or planned and past its end) and the caller's feedback is missing. */
  awaitingMyFeedback: z.boolean(),
  /** The caller's feedback form for this session shows the pairing-fit question. */
  asksPairingFit: z.boolean(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

/** Feedback as the caller sees it: the partner's pairing-fit answer is never shown to them. */
export const feedbackViewSchema = z.object({
  sessionId: z.string(),
  sessionIndex: z.number(),
  fromId: z.string(),
  toId: z.string(),
  rating: z.number(),
  worked: z.string(),
  suggestion: z.string(),
  /** Only on feedback the caller gave. */
  pairingFit: pairingFitSchema.nullable(),
  /** The author shares its text with the programme lead for the report (absent: not shared). */
  sharedWithLead: z.boolean().optional(),
  at: z.string(),
});
export type FeedbackView = z.infer<typeof feedbackViewSchema>;

export const agreementViewSchema = agreementSchema.extend({
  signedByMe: z.boolean(),
  signedByPartner: z.boolean(),
  /** Both signed the current revision. */
  fullySigned: z.boolean(),
});
export type AgreementView = z.infer<typeof agreementViewSchema>;

/** One goal's self-assessed levels (1–5) at each phase: a line of the chart and a table row. */
export const goalProgressSchema = z.object({
  goal: z.string(),
  /** Whose goal: mentee goals are what the mentee learns, mentor goals what the mentor learns back. */
  side: memberRoleSchema,
  /** The member who assesses it (the learner). */
  personId: z.string(),
  start: z.number().nullable(),
  middle: z.number().nullable(),
  end: z.number().nullable(),
  /** Latest level minus start level; null until two phases are known. */
  change: z.number().nullable(),
  /** Assessed goals no longer in the agreement are kept and marked. */
  inAgreement: z.boolean(),
});
export type GoalProgress = z.infer<typeof goalProgressSchema>;

export const progressViewSchema = z.object({
  goals: z.array(goalProgressSchema),
  /** The phase the caller should assess now, or null when none is due. */
  suggestedPhase: assessmentPhaseSchema.nullable(),
  sessionsHeld: z.number(),
  sessionsPlanned: z.number(),
  /** The frame's number of sessions. */
  sessionsAgreed: z.number(),
});
export type ProgressView = z.infer<typeof progressViewSchema>;

/**
 * Where one member's manager approval stands, as both members see it (the bot tells both the
 * decision and its comment too). After a decline, the pair changes the agreement and both sign
 * again: the managers who declined are asked again, and every manager when the time changes
 * (sessions, duration or frequency).
 */
export const approvalStandingSchema = z.object({
  /** Whose time was asked for. */
  personId: z.string(),
  role: memberRoleSchema,
  /** The caller's own manager was asked. */
  mine: z.boolean(),
  managerName: z.string(),
  status: approvalStatusSchema,
  /** The agreement revision the manager was asked about; null on requests older than it. */
  revision: z.number().nullable(),
  requestedAt: z.string(),
  /** The manager's comment (always there on a decline). */
  comment: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type ApprovalStanding = z.infer<typeof approvalStandingSchema>;

export const pairActions = [
  'edit_agreement',
  'sign',
  'plan_session',
  'pause',
  'resume',
  'complete',
  'end',
] as const;
export type PairAction = (typeof pairActions)[number];

/** The pair as one member sees it. */
export const pairViewSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  state: pairStateSchema,
  pausedUntil: z.string().nullable(),
  endReason: z.string().nullable(),
  myRole: memberRoleSchema,
  me: memberCardSchema,
  partner: memberCardSchema,
  nextSession: sessionViewSchema.nullable(),
  agreement: agreementViewSchema,
  /** Oldest first. */
  sessions: z.array(sessionViewSchema),
  /** Open action items of every session, soonest due first (no due date last). */
  openActionItems: z.array(actionItemViewSchema),
  feedback: z.object({
    /** What the caller gave, newest first. */
    given: z.array(feedbackViewSchema),
    /** What the partner gave the caller, newest first. */
    received: z.array(feedbackViewSchema),
  }),
  progress: progressViewSchema,
  /**
   * The managers' approvals that count now, the caller's own first; empty when nobody was asked
   * (or on a pair asked before this was kept, until the next decision).
   */
  approvals: z.array(approvalStandingSchema),
  /** True when both said the pairing is a poor fit and the lead was told. */
  flaggedForLead: z.boolean(),
  history: z.array(pairHistoryEntrySchema),
  /** What the caller may do now (buttons to show). */
  can: z.array(z.enum(pairActions)),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PairView = z.infer<typeof pairViewSchema>;

/** Answer of every write on the pair (and `details.current` of a 409 `version_conflict`). */
export const pairResponseSchema = z.object({ pair: pairViewSchema, version: z.string() });
export type PairResponse = z.infer<typeof pairResponseSchema>;

export const privateNoteViewSchema = z.object({
  sessionId: z.string(),
  text: z.string(),
  updatedAt: z.string(),
  /** The note's own version (its revision, not the pair's), for `PrivateNoteBody.version`. */
  version: z.string(),
});
export type PrivateNoteView = z.infer<typeof privateNoteViewSchema>;

/**
 * `GET /api/pairs/:id/dashboard`: 2 Cosmos point reads, run together: the pair, and the caller's
 * own private notebook (all their notes on this pair in one document).
 */
export const pairDashboardResponseSchema = pairResponseSchema.extend({
  /** The caller's own private notes on this pair's sessions; nobody else's, ever. */
  privateNotes: z.array(privateNoteViewSchema),
});
export type PairDashboardResponse = z.infer<typeof pairDashboardResponseSchema>;

export const myPairItemSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  state: pairStateSchema,
  myRole: memberRoleSchema,
  partner: z.object({
    personId: z.string(),
    displayName: z.string(),
    jobTitle: z.string(),
    photoUrl: z.string().nullable(),
  }),
  subject: z.string(),
  nextSessionStart: z.string().nullable(),
  agreementFullySigned: z.boolean(),
  /** Feedback the caller still owes. */
  awaitingMyFeedback: z.number(),
  /**
   * The managers' declines that count now (the caller's own manager first), while the pair waits
   * for approval; empty otherwise. Home says who declined, their comment and what to do next.
   */
  declines: z.array(
    z.object({
      managerName: z.string(),
      /** The caller's own manager declined. */
      mine: z.boolean(),
      comment: z.string().nullable(),
    }),
  ),
  updatedAt: z.string(),
});
export type MyPairItem = z.infer<typeof myPairItemSchema>;

/** `GET /api/pairs/mine`: open pairs first, then most recently updated. */
export const myPairsResponseSchema = z.object({ pairs: z.array(myPairItemSchema) });
export type MyPairsResponse = z.infer<typeof myPairsResponseSchema>;
