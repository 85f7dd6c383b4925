import { z } from 'zod';
import {
  approvalDecisionSchema,
  approvalRequestSchema,
  storedApprovalStatusSchema,
} from '../domain/approval';
import { dateTime, text } from '../domain/common';
import { pairStateSchema } from '../domain/pair/schema';
import { versionSchema } from './common';
import { idParams, route } from './route';

/**
 * Manager approvals of dedicated time, in the tab: the same requests and the same decision as the
 * bot's Adaptive Card (one service, src/services/approval-service.ts). Same conventions as
 * src/contracts/common.ts: zod and src/domain only; the tab imports only the types.
 *
 * - Every route needs `Authorization: Bearer <token>`. A person sees the approvals they decide as
 *   a manager, nobody else's: the list of someone who manages nobody is empty.
 * - `version` is the approval's ETag (also the `ETag` header of a decision's answer); send it back
 *   as `If-Match: <version>` (or the body's `version`). Optional: a decision is idempotent.
 * - Deciding: only the manager asked; for anyone else the request does not exist (404 `not_found`,
 *   exactly as an unknown id: it would name their manager). The same decision again,
 *   from the card or another window, answers 200 with the approval as it stands (`changed:
 *   false`). 409 `invalid_transition` when it was decided the other way already, or the pair no
 *   longer waits for approval; 409 `version_conflict` when the approval changed since `version`.
 *   Both carry `details.current` (an `ApprovalItem`): show it, keep what was typed.
 * - Declining needs a comment (400 `validation_failed`, path `comment`): the pair reads it.
 * - When every member's manager approved, the pair becomes active; on a decline it keeps waiting,
 *   and the members are told (with the comment). Editing the agreement and signing it again asks
 *   each manager afresh (a new request) unless they approved the same time (sessions, duration,
 *   frequency, total); an approval of the same time stands. A request still pending for the older
 *   agreement is then `superseded`: it stays in the list as replaced (`canDecide` false), and
 *   deciding it answers 409 `invalid_transition` ("This request was replaced by a newer one")
 *   with `details.current` (status `superseded`) and `details.supersededBy` (the new request's id).
 * - The routes: `approvalApi` at the end of this file.
 */

const personSchema = z.object({ id: z.string(), displayName: z.string() });

/** One request as the manager sees it. */
export const approvalItemSchema = z.object({
  id: z.string(),
  /** The approval's ETag: `If-Match` of a decision. */
  version: z.string(),
  /** `superseded`: replaced by a newer request (listed as replaced; nobody decides it). */
  status: storedApprovalStatusSchema,
  /** The manager's report whose time is asked for. */
  person: personSchema,
  /** With whom. */
  partner: personSchema,
  /** The report's role in the pair. */
  role: z.enum(['mentor', 'mentee']),
  programmeName: z.string(),
  pairId: z.string(),
  pairState: pairStateSchema,
  /** What the pair works on (agreement subject; may be empty). */
  subject: z.string(),
  request: approvalRequestSchema,
  /** The agreement revision asked for; a later request for the same person supersedes it. */
  agreementRevision: z.number().int().nullable(),
  comment: z.string().nullable(),
  decidedAt: dateTime('decidedAt').nullable(),
  /** When it was replaced by a newer request (status `superseded`). */
  supersededAt: dateTime('supersededAt').nullable(),
  createdAt: dateTime('createdAt'),
  /** True while the request waits for this manager's decision. */
  canDecide: z.boolean(),
});
export type ApprovalItem = z.infer<typeof approvalItemSchema>;

/** `GET /api/approvals`: pending first (oldest first: the longest waiting), then decided, newest first. */
export const approvalListResponseSchema = z.object({ approvals: z.array(approvalItemSchema) });
export type ApprovalListResponse = z.infer<typeof approvalListResponseSchema>;

/** `POST /api/approvals/:id/decision`. */
export const approvalDecisionBodySchema = z.object({
  decision: approvalDecisionSchema,
  comment: text('comment', { max: 1000 }).optional(),
  version: versionSchema.optional(),
});
export type ApprovalDecisionBody = z.infer<typeof approvalDecisionBodySchema>;

export const approvalDecisionResponseSchema = z.object({
  approval: approvalItemSchema,
  /** False when the same decision had already been taken (a second click, the card in Teams). */
  changed: z.boolean(),
});
export type ApprovalDecisionResponse = z.infer<typeof approvalDecisionResponseSchema>;

/** The routes (src/contracts/route.ts). */
export const approvalApi = {
  list: route({
    method: 'get',
    path: '/approvals',
    summary: 'The approvals the caller decides as a manager (empty for someone who manages nobody)',
    access: 'signed_in',
    responses: { 200: approvalListResponseSchema },
  }),
  decide: route({
    method: 'post',
    path: '/approvals/:id/decision',
    summary: 'Approve or decline the dedicated time asked (idempotent; declining needs a comment)',
    access: 'approver',
    params: idParams,
    body: approvalDecisionBodySchema,
    responses: { 200: approvalDecisionResponseSchema },
    errors: {
      404: 'Unknown approval, or one asked of someone else (`not_found`: it would name their manager)',
      409: '`invalid_transition` (decided the other way, superseded, or the pair no longer waits) or `version_conflict`, with `details.current`',
    },
  }),
};
