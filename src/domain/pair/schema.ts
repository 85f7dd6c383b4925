import { z } from 'zod';
import { approvalStatusSchema } from '../approval';
import {
  date,
  dateTime,
  flag,
  group,
  idOf,
  idSchema,
  integer,
  languageSchema,
  list,
  skillLevelSchema,
  tenantIdSchema,
  text,
  timeZoneSchema,
} from '../common';
import { frameSchema } from '../programme';

export const pairStates = [
  'proposed',
  'accepted',
  'awaiting_approval',
  'active',
  'paused',
  'completed',
  'ended',
] as const;
export const pairStateSchema = z.enum(pairStates, {
  error:
    'state must be one of proposed, accepted, awaiting_approval, active, paused, completed, ended',
});
export type PairState = z.infer<typeof pairStateSchema>;

export const signatureSchema = group('signature', {
  at: dateTime('at'),
  /** The agreement revision signed; a later edit makes it stale. */
  revision: integer('revision', 1, 100_000),
});
export type Signature = z.infer<typeof signatureSchema>;

/** The pair's short contract: subject, goals both ways, frame, rules; signed by both. */
export const agreementSchema = group('agreement', {
  subject: text('agreement.subject', { max: 200 }),
  menteeGoals: list('menteeGoals', text('menteeGoal', { min: 1, max: 300 })).max(10, {
    error: 'menteeGoals must have at most 10 goals',
  }),
  mentorGoals: list('mentorGoals', text('mentorGoal', { min: 1, max: 300 })).max(10, {
    error: 'mentorGoals must have at most 10 goals',
  }),
  frame: frameSchema,
  groundRules: list('groundRules', text('groundRule', { min: 1, max: 300 })).max(20, {
    error: 'groundRules must have at most 20 rules',
  }),
  confidentiality: text('agreement.confidentiality', { max: 2000 }),
  revision: integer('agreement.revision', 1, 100_000),
  signatures: group('signatures', {
    mentor: signatureSchema.optional(),
    mentee: signatureSchema.optional(),
  }),
});
export type Agreement = z.infer<typeof agreementSchema>;

/** The parts of an agreement the pair edits. */
export type AgreementChanges = Partial<
  Pick<
    Agreement,
    'subject' | 'menteeGoals' | 'mentorGoals' | 'frame' | 'groundRules' | 'confidentiality'
  >
>;

export const calendarProviders = ['graph', 'local'] as const;
export const pairCalendarSchema = group('calendar', {
  seriesId: idOf('calendar.seriesId').optional(),
  organiserId: idOf('calendar.organiserId').optional(),
  provider: z.enum(calendarProviders, { error: 'provider must be "graph" or "local"' }).optional(),
});
export type PairCalendar = z.infer<typeof pairCalendarSchema>;

export const actionItemSchema = group('actionItem', {
  id: idSchema,
  text: text('actionItem.text', { min: 1, max: 300 }),
  ownerId: idOf('ownerId'),
  dueDate: date('dueDate').optional(),
  done: flag('done'),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

export const sessionStatuses = ['planned', 'held', 'missed', 'cancelled'] as const;
export const sessionStatusSchema = z.enum(sessionStatuses, {
  error: 'session status must be one of planned, held, missed, cancelled',
});
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const sessionSchema = group('session', {
  id: idSchema,
  /** 1 for the first session. */
  index: integer('session.index', 1, 520),
  start: dateTime('session.start'),
  durationMinutes: integer('session.durationMinutes', 15, 240),
  status: sessionStatusSchema,
  agenda: text('agenda', { max: 2000 }).optional(),
  /** Notes both members see; private notes live in PrivateNote. */
  sharedNotes: text('sharedNotes', { max: 10_000 }).optional(),
  actionItems: list('actionItems', actionItemSchema).max(50, {
    error: 'a session has at most 50 action items',
  }),
  calendarEventId: idOf('calendarEventId').optional(),
});
export type Session = z.infer<typeof sessionSchema>;

export const pairingFits = ['good', 'unsure', 'poor'] as const;
export const pairingFitSchema = z.enum(pairingFits, {
  error: 'pairingFit must be "good", "unsure" or "poor"',
});
export type PairingFit = z.infer<typeof pairingFitSchema>;

/** One member's quick feedback to the other after a session. */
export const feedbackSchema = group('feedback', {
  sessionId: idOf('sessionId'),
  fromId: idOf('fromId'),
  toId: idOf('toId'),
  rating: integer('rating', 1, 4),
  worked: text('worked', { max: 1000 }),
  suggestion: text('suggestion', { max: 1000 }),
  pairingFit: pairingFitSchema.optional(),
  /**
   * The author ticked "share with the programme lead for the report": only then may `worked` and
   * `suggestion` reach the lead's bilan (without names). Absent on older feedback: not shared.
   */
  shareWithLead: flag('shareWithLead').optional(),
  at: dateTime('at'),
});
export type Feedback = z.infer<typeof feedbackSchema>;

export const assessmentPhases = ['start', 'middle', 'end'] as const;
export const assessmentPhaseSchema = z.enum(assessmentPhases, {
  error: 'phase must be "start", "middle" or "end"',
});
export type AssessmentPhase = z.infer<typeof assessmentPhaseSchema>;

/** A member's self-assessment of one goal at one phase of the pair. */
export const assessmentSchema = group('assessment', {
  personId: idOf('personId'),
  phase: assessmentPhaseSchema,
  goal: text('goal', { min: 1, max: 300 }),
  level: skillLevelSchema,
  at: dateTime('at'),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const pairHistoryEntrySchema = group('history entry', {
  from: pairStateSchema,
  to: pairStateSchema,
  at: dateTime('at'),
  by: idOf('by'),
  reason: text('reason', { max: 500 }).optional(),
});
export type PairHistoryEntry = z.infer<typeof pairHistoryEntrySchema>;

/**
 * What the dashboard shows of a member, copied into the pair when it is created so that a
 * dashboard load is one point read (no directory or profile lookups).
 */
export const memberSnapshotSchema = group('member', {
  displayName: text('displayName', { min: 1, max: 200 }),
  jobTitle: text('jobTitle', { max: 200 }),
  department: text('department', { max: 200 }),
  languages: list('languages', languageSchema).max(10, {
    error: 'languages must have at most 10 entries',
  }),
  timeZone: timeZoneSchema,
  /** A same-origin URL for an <img>, or null (initials). */
  photoUrl: z.string({ error: 'photoUrl must be text or null' }).max(2000).nullable(),
});
export type MemberSnapshot = z.infer<typeof memberSnapshotSchema>;

export const pairMembersSchema = group('members', {
  mentor: memberSnapshotSchema,
  mentee: memberSnapshotSchema,
});
export type PairMembers = z.infer<typeof pairMembersSchema>;

export const leadFlagReasons = ['poor_fit_both_sides'] as const;

/** Raised for the programme lead (re-pairing); stays until the lead clears it. */
export const leadFlagSchema = group('leadFlag', {
  reason: z.enum(leadFlagReasons, { error: 'reason must be "poor_fit_both_sides"' }),
  at: dateTime('leadFlag.at'),
});
export type LeadFlag = z.infer<typeof leadFlagSchema>;

/**
 * Where one member's manager approval stands, copied onto the pair by the approval service so that
 * the dashboard shows it without reading the approvals (its load stays two point reads). Both
 * members read it: the decision and the comment are told to both anyway.
 */
export const pairApprovalSchema = group('approval', {
  /** Whose time was asked for. */
  personId: idOf('approvals.personId'),
  managerId: idOf('approvals.managerId'),
  managerName: text('approvals.managerName', { min: 1, max: 200 }),
  /** The agreement revision the manager was asked about (absent on requests older than it). */
  revision: integer('approvals.revision', 1, 100_000).optional(),
  status: approvalStatusSchema,
  requestedAt: dateTime('approvals.requestedAt'),
  comment: text('approvals.comment', { max: 1000 }).optional(),
  decidedAt: dateTime('approvals.decidedAt').optional(),
});
export type PairApproval = z.infer<typeof pairApprovalSchema>;

export const pairSchema = z
  .object({
    id: idSchema,
    tenantId: tenantIdSchema,
    programmeId: idOf('programmeId'),
    proposalId: idOf('proposalId'),
    mentorId: idOf('mentorId'),
    menteeId: idOf('menteeId'),
    state: pairStateSchema,
    agreement: agreementSchema,
    calendar: pairCalendarSchema,
    sessions: list('sessions', sessionSchema),
    feedback: list('feedback', feedbackSchema),
    assessments: list('assessments', assessmentSchema),
    /** Absent only on pairs created before the snapshot existed; filled on their next load. */
    members: pairMembersSchema.optional(),
    leadFlag: leadFlagSchema.optional(),
    /**
     * The managers' approvals that count now, one per member asked (mentor first). Absent on pairs
     * never asked, and on pairs asked before it was kept (written again at the next decision).
     */
    approvals: list('approvals', pairApprovalSchema)
      .max(2, { error: 'approvals has at most one entry per member' })
      .optional(),
    pausedUntil: dateTime('pausedUntil').optional(),
    endReason: text('endReason', { max: 500 }).optional(),
    history: list('history', pairHistoryEntrySchema),
    createdAt: dateTime('createdAt'),
    updatedAt: dateTime('updatedAt'),
  })
  .refine((pair) => pair.mentorId !== pair.menteeId, {
    error: 'mentorId and menteeId must be two different people',
    path: ['menteeId'],
  });
export type Pair = z.infer<typeof pairSchema>;

/** A note on a session that only its author reads; stored apart from the pair. */
export const privateNoteSchema = z.object({
  id: idSchema,
  tenantId: tenantIdSchema,
  pairId: idOf('pairId'),
  sessionId: idOf('sessionId'),
  authorId: idOf('authorId'),
  text: text('text', { max: 10_000 }),
  updatedAt: dateTime('updatedAt'),
});
export type PrivateNote = z.infer<typeof privateNoteSchema>;

/** The id of a private note: one per author per session. */
export function privateNoteId(pairId: string, sessionId: string, authorId: string): string {
  return `${pairId}:${sessionId}:${authorId}`;
}
