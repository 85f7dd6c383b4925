import { z } from 'zod';
import {
  date,
  idOf,
  integer,
  localeSchema,
  plannedDateTime,
  plannedDayOrDateTime,
  skillLevelSchema,
  text,
} from '../domain/common';
import {
  agreementSchema,
  assessmentPhaseSchema,
  pairingFitSchema,
  pairStateSchema,
} from '../domain/pair/schema';
import { frameSchema } from '../domain/programme';
import { versionBodySchema, versionSchema } from './common';
import {
  myPairsResponseSchema,
  pairDashboardResponseSchema,
  pairResponseSchema,
  privateNoteViewSchema,
} from './pair-views';
import { idParam, idParams, route } from './route';

export * from './pair-views';

/**
 * The pair's journey: the contract of the pair routes (dashboard, agreement, sessions, notes,
 * feedback, assessments, lifecycle, toolkit). Same conventions as src/contracts/common.ts: zod and
 * src/domain only; the tab imports only the types.
 *
 * Conventions (in addition to contracts.ts)
 * - Every route needs `Authorization: Bearer <token>`.
 * - Only the two members see or change a pair. Anyone else (their managers and programme leads
 *   included) gets 404 `pair_not_found`, as for a pair that does not exist.
 * - Every write on the pair answers `PairResponse` (the pair as the caller sees it, and `version`,
 *   also in the `ETag` header). Private notes are not in it: they come with the dashboard and
 *   from the private-note route only.
 * - Versions: `version` is the pair's ETag, sent back as `If-Match: <version>` or the body's
 *   `version`.
 *   - Edits of shared text (agreement, session agenda and shared notes) REQUIRE it: without it, or
 *     with a stale one, 409 `version_conflict`.
 *   - Moves (sign, session status, action items, feedback, assessments, pause/resume/complete/end)
 *     take it optionally. A move that changes nothing (double click, the partner did it already)
 *     answers 200 with the current pair whatever the version. With a stale version a move that
 *     would change something is 409 `version_conflict`; without a version it is applied to the
 *     latest pair (each of these only touches the caller's own part, or is idempotent).
 *   - Every 409 `version_conflict` on a pair carries `details.current`: a `PairResponse` with the
 *     latest pair and version, so the tab can show it and keep what the person typed (re-apply
 *     their edit on top and send again with the new version).
 *   - Signing names the agreement `revision` signed: if the agreement changed since the person
 *     read it, 409 `version_conflict` (with `details.current`), never a signature on unseen text.
 *   - Private notes have their own version (`PrivateNoteView.version`); their 409 carries
 *     `details.current.note`.
 * - Signing: when the second member signs an accepted pair whose programme needs no manager
 *   approval (or neither member has a manager in the directory), the pair becomes active in the
 *   same write; otherwise it becomes `awaiting_approval` and each member's manager is asked
 *   (src/contracts/approvals.ts); `PairView.approvals` shows both members where each request
 *   stands (read from the pair document: the dashboard stays two point reads). After a decline the
 *   pair edits the agreement and both sign again: the managers who declined are asked again, and every
 *   manager when the time changes (sessions, duration or frequency); older pending requests are
 *   superseded.
 *   `PairView.can` lists the buttons to show.
 * - Errors: 400 `validation_failed` (details.issues[].path names the field: `menteeGoals.0`,
 *   `rating`, `until`); 401 `unauthenticated`; 403 `forbidden` (lead-only list); 404
 *   `pair_not_found`, `not_found` (session or action item), `programme_not_found`; 409
 *   `version_conflict`, `invalid_transition` (details: entity, id, from, to), `already_exists`
 *   (an action item id reused with other content).
 *
 * The routes: `pairApi` at the end of this file.
 *
 * There is no route that reads someone else's private note: the author is always the caller.
 */

// ---------------------------------------------------------------------------------------------
// Request bodies

/** `PUT /api/pairs/:id/agreement`: only the fields sent change; a real change unsigns both. */
export const agreementEditBodySchema = z.object({
  subject: text('subject', { max: 200 }).optional(),
  menteeGoals: agreementSchema.shape.menteeGoals.optional(),
  mentorGoals: agreementSchema.shape.mentorGoals.optional(),
  frame: frameSchema.optional(),
  groundRules: agreementSchema.shape.groundRules.optional(),
  confidentiality: text('confidentiality', { max: 2000 }).optional(),
  version: versionSchema.optional(),
});
export type AgreementEditBody = z.infer<typeof agreementEditBodySchema>;

/** `POST /api/pairs/:id/agreement/sign`: the revision the person read and signs. */
export const signBodySchema = z.object({
  revision: integer('revision', 1, 100_000),
  version: versionSchema.optional(),
});
export type SignBody = z.infer<typeof signBodySchema>;

/** `POST /api/pairs/:id/sessions`: plan a session by hand (the calendar issue books series). */
export const sessionCreateBodySchema = z.object({
  start: plannedDateTime('start'),
  /** Default: the agreement's frame. */
  durationMinutes: integer('durationMinutes', 15, 240).optional(),
  agenda: text('agenda', { max: 2000 }).optional(),
  version: versionSchema.optional(),
});
export type SessionCreateBody = z.infer<typeof sessionCreateBodySchema>;

/** `POST .../sessions/:sessionId/status`: held or missed once started; cancelled before. */
export const sessionStatusBodySchema = z.object({
  status: z.enum(['held', 'missed', 'cancelled'], {
    error: 'status must be "held", "missed" or "cancelled"',
  }),
  version: versionSchema.optional(),
});
export type SessionStatusBody = z.infer<typeof sessionStatusBodySchema>;

/** `PUT .../sessions/:sessionId/notes`: agenda and shared notes (both members read them). */
export const sessionNotesBodySchema = z
  .object({
    agenda: text('agenda', { max: 2000 }).optional(),
    sharedNotes: text('sharedNotes', { max: 10_000 }).optional(),
    version: versionSchema.optional(),
  })
  .refine((body) => body.agenda !== undefined || body.sharedNotes !== undefined, {
    error: 'send agenda or sharedNotes',
    path: ['sharedNotes'],
  });
export type SessionNotesBody = z.infer<typeof sessionNotesBodySchema>;

/**
 * `PUT .../sessions/:sessionId/private-note`: the caller's own note. `version` = the note's own
 * (`PrivateNoteView.version`, "0" for a new note); a stale one is 409 `version_conflict` with
 * `details.current.note`. Without a version the author's text overwrites their note.
 */
export const privateNoteBodySchema = z.object({
  text: text('text', { max: 10_000 }),
  version: versionSchema.optional(),
});
export type PrivateNoteBody = z.infer<typeof privateNoteBodySchema>;

export const privateNoteResponseSchema = z.object({ note: privateNoteViewSchema });
export type PrivateNoteResponse = z.infer<typeof privateNoteResponseSchema>;

/** `POST .../sessions/:sessionId/action-items`; send an `id` to make a retry safe. */
export const actionItemCreateBodySchema = z.object({
  id: idOf('id').optional(),
  text: text('text', { min: 1, max: 300 }),
  ownerId: idOf('ownerId'),
  dueDate: date('dueDate').optional(),
  version: versionSchema.optional(),
});
export type ActionItemCreateBody = z.infer<typeof actionItemCreateBodySchema>;

/** `POST .../action-items/:itemId/done`. */
export const actionItemDoneBodySchema = z.object({
  done: z.boolean({ error: 'done must be true or false' }),
  version: versionSchema.optional(),
});
export type ActionItemDoneBody = z.infer<typeof actionItemDoneBodySchema>;

/** `PUT .../sessions/:sessionId/feedback`: once per member per session; sending again replaces it. */
export const feedbackBodySchema = z.object({
  rating: integer('rating', 1, 4),
  worked: text('worked', { max: 1000 }),
  suggestion: text('suggestion', { max: 1000 }),
  /** Asked after the first session (`SessionView.asksPairingFit`); optional otherwise. */
  pairingFit: pairingFitSchema.optional(),
  /** "Share with the programme lead for the report" (anonymously); false when absent. */
  shareWithLead: z.boolean({ error: 'shareWithLead must be true or false' }).optional(),
  version: versionSchema.optional(),
});
export type FeedbackBody = z.infer<typeof feedbackBodySchema>;

/** `PUT /api/pairs/:id/assessments`: the caller's level on one of their goals at one phase. */
export const assessmentBodySchema = z.object({
  phase: assessmentPhaseSchema,
  goal: text('goal', { min: 1, max: 300 }),
  level: skillLevelSchema,
  version: versionSchema.optional(),
});
export type AssessmentBody = z.infer<typeof assessmentBodySchema>;

/** `POST /api/pairs/:id/pause`: until a date (midnight UTC) or a date-time, in the future. */
export const pairPauseBodySchema = z.object({
  until: plannedDayOrDateTime('until'),
  version: versionSchema.optional(),
});
export type PairPauseBody = z.infer<typeof pairPauseBodySchema>;

/** `POST /api/pairs/:id/end`: end early, with a reason (1–500 characters). */
export const pairEndBodySchema = z.object({
  reason: text('reason', { min: 1, max: 500 }),
  version: versionSchema.optional(),
});
export type PairEndBody = z.infer<typeof pairEndBodySchema>;

// ---------------------------------------------------------------------------------------------
// Lead

export const flaggedPairSchema = z.object({
  id: z.string(),
  state: pairStateSchema,
  mentor: z.object({ personId: z.string(), displayName: z.string() }),
  mentee: z.object({ personId: z.string(), displayName: z.string() }),
  subject: z.string(),
  reason: z.enum(['poor_fit_both_sides']),
  flaggedAt: z.string(),
  sessionsHeld: z.number(),
});
export type FlaggedPair = z.infer<typeof flaggedPairSchema>;

/** `GET /api/programmes/:id/pairs/flagged`: newest flag first. No notes, no feedback text. */
export const flaggedPairsResponseSchema = z.object({ pairs: z.array(flaggedPairSchema) });
export type FlaggedPairsResponse = z.infer<typeof flaggedPairsResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Mentor toolkit (`GET /api/toolkit?locale=fr|en`)

export const toolkitQuerySchema = z.object({ locale: localeSchema.default('fr') });

export const toolkitBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  /** Unordered tips. */
  z.object({ type: z.literal('list'), items: z.array(z.string()) }),
  /** Ordered steps. */
  z.object({ type: z.literal('steps'), items: z.array(z.string()) }),
  /** A ready-to-copy template (e.g. an agenda); `items` are its lines or headings. */
  z.object({ type: z.literal('template'), title: z.string(), items: z.array(z.string()) }),
  z.object({ type: z.literal('tip'), text: z.string() }),
]);
export type ToolkitBlock = z.infer<typeof toolkitBlockSchema>;

export const toolkitSectionIds = [
  'first-session',
  'setting-goals',
  'explaining-a-tool',
  'feedback',
  'session-templates',
] as const;
export type ToolkitSectionId = (typeof toolkitSectionIds)[number];

export const toolkitSectionSchema = z.object({
  id: z.enum(toolkitSectionIds),
  title: z.string(),
  /** One sentence for the list of sections. */
  summary: z.string(),
  /** Reading time in minutes. */
  minutes: z.number(),
  blocks: z.array(toolkitBlockSchema),
});
export type ToolkitSection = z.infer<typeof toolkitSectionSchema>;

export const toolkitResponseSchema = z.object({
  locale: localeSchema,
  title: z.string(),
  sections: z.array(toolkitSectionSchema),
});
export type ToolkitResponse = z.infer<typeof toolkitResponseSchema>;

// Re-exported for the tab (types only).
export type { ApprovalStatus } from '../domain/approval';
export type {
  ActionItem,
  Agreement,
  AssessmentPhase,
  PairHistoryEntry,
  PairingFit,
  PairState,
  SessionStatus,
} from '../domain/pair/schema';
export type { VersionBody } from './common';

const sessionParams = z.object({ id: idParam('id'), sessionId: idParam('sessionId') });
const itemParams = sessionParams.extend({ itemId: idParam('itemId') });
const unknownPair = 'Unknown pair, or one the caller is not a member of (`pair_not_found`)';
const unknownSession = `${unknownPair}, or an unknown session (\`not_found\`)`;
const stale = '`version_conflict` (a stale version), with `details.current`';
const moveConflict = `\`invalid_transition\` (the pair's state does not allow it; details: entity, id, from, to), or ${stale}`;

/** The routes (src/contracts/route.ts). */
export const pairApi = {
  mine: route({
    method: 'get',
    path: '/pairs/mine',
    summary: "The caller's pairs: open ones first, then the most recently updated",
    access: 'signed_in',
    responses: { 200: myPairsResponseSchema },
  }),
  dashboard: route({
    method: 'get',
    path: '/pairs/:id/dashboard',
    summary: 'The pair as the caller sees it, with their own private notes',
    access: 'pair_member',
    params: idParams,
    responses: { 200: pairDashboardResponseSchema },
    errors: { 404: unknownPair },
  }),
  editAgreement: route({
    method: 'put',
    path: '/pairs/:id/agreement',
    summary:
      'Change the agreement (only the fields sent; a real change unsigns both; version required)',
    access: 'pair_member',
    params: idParams,
    body: agreementEditBodySchema,
    responses: { 200: pairResponseSchema },
    errors: {
      404: unknownPair,
      409: '`version_conflict` (no version, or a stale one; with `details.current`), or `invalid_transition` (the agreement can no longer change)',
    },
  }),
  sign: route({
    method: 'post',
    path: '/pairs/:id/agreement/sign',
    summary:
      'Sign the agreement revision read (the second signature activates the pair or asks the managers)',
    access: 'pair_member',
    params: idParams,
    body: signBodySchema,
    responses: { 200: pairResponseSchema },
    errors: {
      404: unknownPair,
      409: `${moveConflict}; also \`version_conflict\` when the revision signed is not the current one`,
    },
  }),
  planSession: route({
    method: 'post',
    path: '/pairs/:id/sessions',
    summary: 'Plan a session by hand',
    access: 'pair_member',
    params: idParams,
    body: sessionCreateBodySchema,
    responses: { 201: pairResponseSchema },
    errors: { 404: unknownPair, 409: moveConflict },
  }),
  setSessionStatus: route({
    method: 'post',
    path: '/pairs/:id/sessions/:sessionId/status',
    summary: 'Mark a session held or missed once started, or cancel it before',
    access: 'pair_member',
    params: sessionParams,
    body: sessionStatusBodySchema,
    responses: { 200: pairResponseSchema },
    errors: { 404: unknownSession, 409: moveConflict },
  }),
  editSessionNotes: route({
    method: 'put',
    path: '/pairs/:id/sessions/:sessionId/notes',
    summary: "Change a session's agenda and shared notes (version required)",
    access: 'pair_member',
    params: sessionParams,
    body: sessionNotesBodySchema,
    responses: { 200: pairResponseSchema },
    errors: {
      404: unknownSession,
      409: '`version_conflict` (no version, or a stale one; with `details.current`), or `invalid_transition`',
    },
  }),
  savePrivateNote: route({
    method: 'put',
    path: '/pairs/:id/sessions/:sessionId/private-note',
    summary: "Save the caller's own private note on a session (the note's own version)",
    access: 'pair_member',
    params: sessionParams,
    body: privateNoteBodySchema,
    responses: { 200: privateNoteResponseSchema },
    errors: {
      404: unknownSession,
      409: '`version_conflict` (a stale note version), with `details.current.note`',
    },
  }),
  addActionItem: route({
    method: 'post',
    path: '/pairs/:id/sessions/:sessionId/action-items',
    summary: 'Add an action item to a session (send an `id` to make a retry safe)',
    access: 'pair_member',
    params: sessionParams,
    body: actionItemCreateBodySchema,
    responses: { 201: pairResponseSchema },
    errors: {
      404: unknownSession,
      409: `\`already_exists\` (the item id reused with other content), ${moveConflict}`,
    },
  }),
  setActionItemDone: route({
    method: 'post',
    path: '/pairs/:id/sessions/:sessionId/action-items/:itemId/done',
    summary: 'Mark an action item done or not done',
    access: 'pair_member',
    params: itemParams,
    body: actionItemDoneBodySchema,
    responses: { 200: pairResponseSchema },
    errors: {
      404: `${unknownSession}, or an unknown action item (\`not_found\`)`,
      409: moveConflict,
    },
  }),
  giveFeedback: route({
    method: 'put',
    path: '/pairs/:id/sessions/:sessionId/feedback',
    summary: "Give (or replace) the caller's feedback on a session",
    access: 'pair_member',
    params: sessionParams,
    body: feedbackBodySchema,
    responses: { 200: pairResponseSchema },
    errors: { 404: unknownSession, 409: moveConflict },
  }),
  recordAssessment: route({
    method: 'put',
    path: '/pairs/:id/assessments',
    summary: "Record the caller's level on one of their goals at one phase",
    access: 'pair_member',
    params: idParams,
    body: assessmentBodySchema,
    responses: { 200: pairResponseSchema },
    errors: { 404: unknownPair, 409: moveConflict },
  }),
  pause: route({
    method: 'post',
    path: '/pairs/:id/pause',
    summary: 'Pause the pair until a day or an instant in the future',
    access: 'pair_member',
    params: idParams,
    body: pairPauseBodySchema,
    responses: { 200: pairResponseSchema },
    errors: { 404: unknownPair, 409: moveConflict },
  }),
  resume: route({
    method: 'post',
    path: '/pairs/:id/resume',
    summary: 'Resume a paused pair (the body and its version are optional)',
    access: 'pair_member',
    params: idParams,
    body: versionBodySchema,
    bodyOptional: true,
    responses: { 200: pairResponseSchema },
    errors: { 404: unknownPair, 409: moveConflict },
  }),
  complete: route({
    method: 'post',
    path: '/pairs/:id/complete',
    summary: 'Complete the pair (the body and its version are optional)',
    access: 'pair_member',
    params: idParams,
    body: versionBodySchema,
    bodyOptional: true,
    responses: { 200: pairResponseSchema },
    errors: { 404: unknownPair, 409: moveConflict },
  }),
  end: route({
    method: 'post',
    path: '/pairs/:id/end',
    summary: 'End the pair early, with a reason',
    access: 'pair_member',
    params: idParams,
    body: pairEndBodySchema,
    responses: { 200: pairResponseSchema },
    errors: { 404: unknownPair, 409: moveConflict },
  }),
  flagged: route({
    method: 'get',
    path: '/programmes/:id/pairs/flagged',
    summary:
      'Pairs whose two members said the pairing is a poor fit, newest flag first (no notes, no feedback text)',
    access: 'programme_lead',
    params: idParams,
    responses: { 200: flaggedPairsResponseSchema },
    errors: {
      403: 'A signed-in person who does not lead this programme (`forbidden`), drafts included',
      404: 'Unknown programme (`programme_not_found`)',
    },
  }),
  toolkit: route({
    method: 'get',
    path: '/toolkit',
    summary: "The mentor toolkit's guides and templates in `?locale=` (default fr)",
    access: 'signed_in',
    query: toolkitQuerySchema,
    responses: { 200: toolkitResponseSchema },
  }),
};
