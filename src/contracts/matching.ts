import { z } from 'zod';
import { dateTime, idOf, localeSchema, localizedTextSchema } from '../domain/common';
import { proposalAnswerSchema, proposalStatusSchema } from '../domain/match-proposal';
import { programmeStatusSchema } from '../domain/programme';
import { idParam, idParams, route } from './route';

/**
 * The matching flow's contract: a lead runs matching for a programme, reviews the proposals,
 * publishes them; each person answers their own proposal. Zod schemas and inferred types; the tab
 * imports only the types. Errors follow src/contracts/common.ts (`{ error: { code, message } }`).
 *
 * The routes: `matchingApi` at the end of this file ("lead" = a lead of the programme, or a
 * programme lead of the tenant).
 *
 * - The review and every review action answer with the review, one page of each list at a time:
 *   `?page=&unmatchedPage=&pageSize=` (ReviewQuery) on any of them picks the pages.
 * - A run happens in the background: poll its `progress` (0–100). One run at a time per
 *   programme: asking again while one is under way returns that run (a double click starts one).
 * - A rerun keeps the pairs the lead kept (accept all, swap, pin) and every published proposal
 *   still open or accepted; it re-pairs everyone else. An open proposal (draft or published) to
 *   someone who has since paused or left is withdrawn (`superseded`) and their partner re-paired;
 *   publishing withholds such drafts the same way (`withheld`).
 * - Unpinning leaves the pair's draft in place but no longer kept: the next run may pair its two
 *   people otherwise. Unblocking lets the next run pair them again.
 * - Review actions and publishing are refused (409 `invalid_transition`) while a run is under way.
 * - Drafts are invisible to the two people until published; then they have
 *   `programme.proposalResponseDays` to answer. A decline or an expiry frees both people and a
 *   background run proposes them the next best partner, blocking the declined pair, without
 *   touching accepted pairs. When both accept, the pair exists (`pairId`).
 * - Answering twice the same way changes nothing; changing an answer is 409 `invalid_transition`;
 *   answering after the deadline is 409 `proposal_expired`.
 * - Pausing or leaving the programme withdraws the person's open proposals at once (`superseded`);
 *   the partner of a published one gets the next best from a repair run.
 * - Publishing and a repair queue one Teams message per person of each new published proposal
 *   (`proposal_published`, idempotent by proposal and person).
 * - `/proposals/mine` gives `unmatched` to a volunteer with no open proposal whom the last
 *   published run left without a partner: that run's reasons for them alone, or `explained: false`.
 */

export const matchingRunStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;
export const matchingRunPhases = ['queued', 'loading', 'solving', 'saving', 'done'] as const;
/** `lead`: started by a lead (drafts to review); `repair`: after a decline or expiry (published at once). */
export const matchingRunTriggers = ['lead', 'repair'] as const;

export const matchingRunSummarySchema = z.object({
  /** Active volunteers of the programme. */
  participants: z.number().int(),
  /** People the run could pair (everyone not already in a kept, published or accepted pair). */
  pool: z.number().int(),
  /** Pairs kept from before the run. */
  carried: z.number().int(),
  /** New proposals this run made. */
  proposals: z.number().int(),
  unmatched: z.number().int(),
  totalScore: z.number(),
  upperBound: z.number(),
  exact: z.boolean(),
  gapPct: z.number(),
  elapsedMs: z.number(),
});
export type MatchingRunSummary = z.infer<typeof matchingRunSummarySchema>;

export const matchingRunResponseSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  trigger: z.enum(matchingRunTriggers),
  status: z.enum(matchingRunStatuses),
  phase: z.enum(matchingRunPhases),
  /** 0–100. */
  progress: z.number().int().min(0).max(100),
  /**
   * While a large cohort is solved: the engine's latest round and how far its pairs may still be
   * from the best possible (percent); null for small cohorts, solved in one go.
   */
  solving: z
    .object({ round: z.number().int(), gapPct: z.number(), elapsedMs: z.number() })
    .nullable(),
  requestedBy: z.string(),
  createdAt: dateTime('createdAt'),
  finishedAt: dateTime('finishedAt').nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  summary: matchingRunSummarySchema.nullable(),
  /** Things the lead should know (a pin that could not be honoured), in both languages. */
  warnings: z.array(localizedTextSchema),
});
export type MatchingRunResponse = z.infer<typeof matchingRunResponseSchema>;

export const reviewPersonSchema = z.object({
  personId: z.string(),
  displayName: z.string(),
  department: z.string(),
  jobTitle: z.string(),
});
export type ReviewPerson = z.infer<typeof reviewPersonSchema>;

/** Where a proposal stands for the lead: `draft` under review; `published` to the two people. */
export const proposalStages = ['draft', 'published'] as const;

export const reviewProposalSchema = z.object({
  id: z.string(),
  runId: z.string(),
  mentor: reviewPersonSchema,
  mentee: reviewPersonSchema,
  /** 0–100. */
  score: z.number(),
  reasons: z.array(localizedTextSchema),
  status: proposalStatusSchema,
  stage: z.enum(proposalStages),
  /** Kept by the lead (accept all, swap, pin): a rerun does not change it. */
  kept: z.boolean(),
  pinned: z.boolean(),
  answers: z.object({
    mentor: proposalAnswerSchema.nullable(),
    mentee: proposalAnswerSchema.nullable(),
  }),
  /** The answer deadline once published; null for drafts. */
  expiresAt: dateTime('expiresAt').nullable(),
  pairId: z.string().nullable(),
});
export type ReviewProposal = z.infer<typeof reviewProposalSchema>;

/** A pin or block of the lead, with the two people as the review names them. */
export const reviewPairSchema = z.object({
  mentorId: z.string(),
  menteeId: z.string(),
  mentor: reviewPersonSchema,
  mentee: reviewPersonSchema,
});
export type ReviewPair = z.infer<typeof reviewPairSchema>;

export const reviewUnmatchedSchema = reviewPersonSchema.extend({
  reasons: z.array(localizedTextSchema),
});
export type ReviewUnmatched = z.infer<typeof reviewUnmatchedSchema>;

export const matchingReviewResponseSchema = z.object({
  programme: z.object({
    id: z.string(),
    name: z.string(),
    status: programmeStatusSchema,
    proposalResponseDays: z.number().int(),
  }),
  /** The latest run (the one under way, if any); null before the first. */
  run: matchingRunResponseSchema.nullable(),
  /**
   * One page (`paging.page`) of the current proposals (drafts, published, accepted), best score
   * first; declined, expired and superseded ones are left out.
   */
  proposals: z.array(reviewProposalSchema),
  /** Current proposals on every page. */
  proposalsTotal: z.number().int(),
  /** One page (`paging.unmatchedPage`) of the people without a partner, each with why. */
  unmatched: z.array(reviewUnmatchedSchema),
  /** People without a partner listed with their reasons, on every page. */
  unmatchedListed: z.number().int(),
  /** How many people are without a partner; more than `unmatchedListed` past the run's cap. */
  unmatchedTotal: z.number().int(),
  paging: z.object({
    page: z.number().int(),
    unmatchedPage: z.number().int(),
    pageSize: z.number().int(),
  }),
  /** The lead's pins and blocks (programme constraints). */
  pins: z.array(reviewPairSchema),
  blocks: z.array(reviewPairSchema),
  /** True when a pin, block or lifted block is not reflected yet: run matching again. */
  needsRerun: z.boolean(),
  counts: z.object({
    drafts: z.number().int(),
    published: z.number().int(),
    accepted: z.number().int(),
    declined: z.number().int(),
    expired: z.number().int(),
  }),
});
export type MatchingReviewResponse = z.infer<typeof matchingReviewResponseSchema>;

export const volunteerSchema = reviewPersonSchema.extend({
  /** What they volunteered as: a mentor is pinned as a mentor, a mentee as a mentee. */
  role: z.enum(['mentor', 'mentee', 'both']),
});
export type Volunteer = z.infer<typeof volunteerSchema>;

export const volunteersResponseSchema = z.object({
  /** Active volunteers of the programme (opted in, not paused), by name. */
  volunteers: z.array(volunteerSchema),
});
export type VolunteersResponse = z.infer<typeof volunteersResponseSchema>;

export const swapBodySchema = z.object({
  proposalIds: z
    .tuple([idOf('proposalIds.0'), idOf('proposalIds.1')], {
      error: 'proposalIds must be a list of two proposal ids',
    })
    .refine(([a, b]) => a !== b, { error: 'proposalIds must name two different proposals' }),
});
export type SwapBody = z.infer<typeof swapBodySchema>;

export const pairBodySchema = z
  .object({ mentorId: idOf('mentorId'), menteeId: idOf('menteeId') })
  .refine((b) => b.mentorId !== b.menteeId, {
    error: 'mentorId and menteeId must be two different people',
    path: ['menteeId'],
  });
export type PairBody = z.infer<typeof pairBodySchema>;

export const publishResponseSchema = z.object({
  published: z.number().int(),
  /** The answer deadline of the proposals just published; null when there was nothing to publish. */
  expiresAt: dateTime('expiresAt').nullable(),
  /** Drafts withdrawn instead of published: one of the two has paused or left since the run. */
  withheld: z.number().int(),
});
export type PublishResponse = z.infer<typeof publishResponseSchema>;

export const answerBodySchema = z.object({ answer: proposalAnswerSchema });
export type AnswerBody = z.infer<typeof answerBodySchema>;

export const partnerSchema = z.object({
  personId: z.string(),
  displayName: z.string(),
  jobTitle: z.string(),
  department: z.string(),
  languages: z.array(z.string()),
  timeZone: z.string(),
  bio: z.string(),
});
export type Partner = z.infer<typeof partnerSchema>;

export const myProposalSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  /** The caller's side. */
  role: z.enum(['mentor', 'mentee']),
  /**
   * On the mentor's side, how many people they can mentor at once (their profile's
   * `mentorCapacity`), so a second proposal does not surprise them; null for the mentee.
   */
  mentorCapacity: z.number().int().nullable(),
  partner: partnerSchema,
  score: z.number(),
  /** In the requested locale. */
  reasons: z.array(z.string()),
  status: proposalStatusSchema,
  myAnswer: proposalAnswerSchema.nullable(),
  /** True when the caller accepted and the partner has not answered yet. */
  waitingForPartner: z.boolean(),
  expiresAt: dateTime('expiresAt'),
  /** Set once both accepted. */
  pairId: z.string().nullable(),
});
export type MyProposal = z.infer<typeof myProposalSchema>;

/**
 * Why the caller has no partner yet, after a published run (the lead's, or a repair): the run's
 * own reasons for them, never anyone else's.
 */
export const myUnmatchedSchema = z.object({
  programmeId: z.string(),
  programmeName: z.string(),
  /** When that run finished. */
  runAt: dateTime('runAt'),
  /**
   * True when the run stored the caller's reasons; false when it did not (it keeps at most 2,000
   * unmatched people, or the caller joined or came back after it): no partner was found yet and
   * the lead will run matching again.
   */
  explained: z.boolean(),
  /** In the requested locale, most important first; empty when not `explained`. */
  reasons: z.array(z.string()),
});
export type MyUnmatched = z.infer<typeof myUnmatchedSchema>;

export const myProposalsResponseSchema = z.object({
  locale: localeSchema,
  /** Set when the caller takes part, has no open proposal and the last published run left them out. */
  unmatched: myUnmatchedSchema.optional(),
  /**
   * Open and accepted proposals first, then the most recent closed ones (declined, expired, or
   * superseded: withdrawn because one of the two paused or left the programme).
   */
  proposals: z.array(myProposalSchema),
});
export type MyProposalsResponse = z.infer<typeof myProposalsResponseSchema>;

export const localeQuerySchema = z.object({ locale: localeSchema.optional() });

const pageNumber = (field: string, max: number) =>
  z.coerce
    .number({ error: `${field} must be a whole number from 1 to ${max}` })
    .int({ error: `${field} must be a whole number from 1 to ${max}` })
    .min(1, { error: `${field} must be a whole number from 1 to ${max}` })
    .max(max, { error: `${field} must be a whole number from 1 to ${max}` })
    .optional();

/**
 * Which page of the review's lists to return, on the review and on every review action
 * (`?page=2&unmatchedPage=1&pageSize=100`): 100 a page by default, at most 500.
 */
export const reviewQuerySchema = z.object({
  page: pageNumber('page', 100_000),
  unmatchedPage: pageNumber('unmatchedPage', 100_000),
  pageSize: pageNumber('pageSize', 500),
});
export type ReviewQuery = z.infer<typeof reviewQuerySchema>;

/** `/programmes/:id/matching/pins/:mentorId/:menteeId` (and `/blocks/`): the pair in the path. */
export const pairParamsSchema = z
  .object({ id: idParam('id'), mentorId: idParam('mentorId'), menteeId: idParam('menteeId') })
  .refine((p) => p.mentorId !== p.menteeId, {
    error: 'mentorId and menteeId must be two different people',
    path: ['menteeId'],
  });

const leadOnly = {
  403: '`forbidden`: the caller does not lead this programme',
  404: '`programme_not_found`: unknown programme, or a draft the caller does not lead',
} as const;
/** The lead's 404, or another unknown thing the route names. */
const orUnknown = (what: string) => `${leadOnly[404]}; ${what}`;
const busy = '`invalid_transition`: a matching run is under way';

/** The routes (src/contracts/route.ts). */
export const matchingApi = {
  startRun: route({
    method: 'post',
    path: '/programmes/:id/matching/runs',
    summary: 'Start a matching run in the background, or get the one already under way',
    access: 'programme_lead',
    params: idParams,
    responses: { 202: matchingRunResponseSchema },
    errors: {
      ...leadOnly,
      409: '`invalid_transition`: the programme is a draft or closed; `version_conflict`: another run is starting',
    },
  }),
  run: route({
    method: 'get',
    path: '/programmes/:id/matching/runs/:runId',
    summary: "A run's progress (0–100) and outcome",
    access: 'programme_lead',
    params: z.object({ id: idParam('id'), runId: idParam('runId') }),
    responses: { 200: matchingRunResponseSchema },
    errors: { ...leadOnly, 404: orUnknown('`not_found`: no such run of this programme') },
  }),
  review: route({
    method: 'get',
    path: '/programmes/:id/matching',
    summary: 'The review: one page of the proposals and of the people left without a partner',
    access: 'programme_lead',
    params: idParams,
    query: reviewQuerySchema,
    responses: { 200: matchingReviewResponseSchema },
    errors: leadOnly,
  }),
  volunteers: route({
    method: 'get',
    path: '/programmes/:id/matching/volunteers',
    summary: 'The active volunteers of the programme, by name (to pin or block)',
    access: 'programme_lead',
    params: idParams,
    responses: { 200: volunteersResponseSchema },
    errors: leadOnly,
  }),
  acceptAll: route({
    method: 'post',
    path: '/programmes/:id/matching/accept-all',
    summary: 'Keep every draft proposal (a rerun does not change them); answers the review',
    access: 'programme_lead',
    params: idParams,
    query: reviewQuerySchema,
    responses: { 200: matchingReviewResponseSchema },
    errors: { ...leadOnly, 409: busy },
  }),
  swap: route({
    method: 'post',
    path: '/programmes/:id/matching/swap',
    summary: 'Swap the mentees of two draft proposals and keep both; answers the review',
    access: 'programme_lead',
    params: idParams,
    query: reviewQuerySchema,
    body: swapBodySchema,
    responses: { 200: matchingReviewResponseSchema },
    errors: {
      ...leadOnly,
      404: orUnknown('`not_found`: a proposal not of this programme'),
      409: `${busy}, or a proposal is no longer a draft`,
    },
  }),
  pin: route({
    method: 'post',
    path: '/programmes/:id/matching/pins',
    summary: 'Pin a mentor to a mentee (the next run pairs them); answers the review',
    access: 'programme_lead',
    params: idParams,
    query: reviewQuerySchema,
    body: pairBodySchema,
    responses: { 200: matchingReviewResponseSchema },
    errors: { ...leadOnly, 409: busy },
  }),
  block: route({
    method: 'post',
    path: '/programmes/:id/matching/blocks',
    summary: 'Block a mentor and a mentee (no run pairs them); answers the review',
    access: 'programme_lead',
    params: idParams,
    query: reviewQuerySchema,
    body: pairBodySchema,
    responses: { 200: matchingReviewResponseSchema },
    errors: {
      ...leadOnly,
      404: orUnknown('`person_not_found`: one of the two is unknown'),
      409: busy,
    },
  }),
  unpin: route({
    method: 'delete',
    path: '/programmes/:id/matching/pins/:mentorId/:menteeId',
    summary: "Lift a pin (the pair's draft stays, no longer kept); answers the review",
    access: 'programme_lead',
    params: pairParamsSchema,
    query: reviewQuerySchema,
    responses: { 200: matchingReviewResponseSchema },
    errors: {
      ...leadOnly,
      404: orUnknown('`not_found`: this pair is not pinned'),
      409: busy,
    },
  }),
  unblock: route({
    method: 'delete',
    path: '/programmes/:id/matching/blocks/:mentorId/:menteeId',
    summary: 'Lift a block (the next run may pair them again); answers the review',
    access: 'programme_lead',
    params: pairParamsSchema,
    query: reviewQuerySchema,
    responses: { 200: matchingReviewResponseSchema },
    errors: {
      ...leadOnly,
      404: orUnknown('`not_found`: this pair is not blocked'),
      409: busy,
    },
  }),
  publish: route({
    method: 'post',
    path: '/programmes/:id/matching/publish',
    summary: 'Publish the drafts to the two people of each (a Teams message each)',
    access: 'programme_lead',
    params: idParams,
    responses: { 200: publishResponseSchema },
    errors: { ...leadOnly, 409: busy },
  }),
  mine: route({
    method: 'get',
    path: '/proposals/mine',
    summary: "The caller's proposals, or why the last run left them without a partner",
    access: 'signed_in',
    query: localeQuerySchema,
    responses: { 200: myProposalsResponseSchema },
  }),
  answer: route({
    method: 'post',
    path: '/proposals/:proposalId/answer',
    summary: 'Accept or decline a published proposal (the pair exists once both accept)',
    access: 'proposal_party',
    params: z.object({ proposalId: idParam('proposalId') }),
    query: localeQuerySchema,
    body: answerBodySchema,
    responses: { 200: myProposalSchema },
    errors: {
      404: '`not_found`: an unknown proposal, a draft, or one that pairs other people (all answered alike)',
      409: '`invalid_transition`: the answer changes an earlier one; `proposal_expired`: the time to answer ran out',
    },
  }),
};
