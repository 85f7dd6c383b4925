import type {
  AnswerBody,
  MatchingReviewResponse,
  MatchingRunResponse,
  MyProposal,
  MyProposalsResponse,
  PairBody,
  PublishResponse,
  SwapBody,
  VolunteersResponse,
} from '../../../src/contracts/matching';
import type { Locale } from '../../../src/contracts/common';
import { api } from './client';

const matchingPath = (programmeId: string) =>
  `/api/programmes/${encodeURIComponent(programmeId)}/matching`;

/** Which page of each review list a review action answers with. */
export type ReviewPages = { page: number; unmatchedPage: number };

const query = ({ page, unmatchedPage }: ReviewPages) =>
  `?page=${page}&unmatchedPage=${unmatchedPage}`;

/** `GET .../matching`: the lead's review, one page of proposals and of unmatched people. */
export function getReview(
  programmeId: string,
  pages: ReviewPages,
  signal?: AbortSignal,
): Promise<MatchingReviewResponse> {
  return api.get(`${matchingPath(programmeId)}${query(pages)}`, signal ? { signal } : {});
}

/** `GET .../matching/volunteers`: everyone the lead may pin or block (large for a big cohort). */
export function getVolunteers(
  programmeId: string,
  signal?: AbortSignal,
): Promise<VolunteersResponse> {
  return api.get(`${matchingPath(programmeId)}/volunteers`, signal ? { signal } : {});
}

/** `POST .../matching/runs`: starts a matching run. */
export function startRun(programmeId: string): Promise<MatchingRunResponse> {
  return api.post(`${matchingPath(programmeId)}/runs`, {});
}

/** `GET .../matching/runs/:runId`: a run's progress. */
export function getRun(programmeId: string, runId: string): Promise<MatchingRunResponse> {
  return api.get(`${matchingPath(programmeId)}/runs/${encodeURIComponent(runId)}`);
}

/** A review action that answers with the review. */
export type ReviewAction =
  | { action: 'accept-all' }
  | { action: 'swap'; body: SwapBody }
  | { action: 'pins' | 'blocks'; body: PairBody };

/** `POST .../matching/<action>`: accept all, swap two, pin or block a pair. */
export function reviewAction(
  programmeId: string,
  pages: ReviewPages,
  act: ReviewAction,
): Promise<MatchingReviewResponse> {
  return api.post(
    `${matchingPath(programmeId)}/${act.action}${query(pages)}`,
    'body' in act ? act.body : {},
  );
}

/** `DELETE .../matching/<pins|blocks>/:mentorId/:menteeId`: lifts a pin or a block. */
export function liftConstraint(
  programmeId: string,
  pages: ReviewPages,
  kind: 'pin' | 'block',
  pair: PairBody,
): Promise<MatchingReviewResponse> {
  const list = kind === 'pin' ? 'pins' : 'blocks';
  return api.delete(
    `${matchingPath(programmeId)}/${list}/${encodeURIComponent(pair.mentorId)}/${encodeURIComponent(pair.menteeId)}${query(pages)}`,
  );
}

/** `POST .../matching/publish`: sends the draft proposals to the people concerned. */
export function publishProposals(programmeId: string): Promise<PublishResponse> {
  return api.post(`${matchingPath(programmeId)}/publish`, {});
}

/** `GET /api/proposals/mine`: the partners proposed to the person. */
export function getMyProposals(locale: Locale, signal?: AbortSignal): Promise<MyProposalsResponse> {
  return api.get(`/api/proposals/mine?locale=${locale}`, signal ? { signal } : {});
}

/** `POST /api/proposals/:id/answer`: accepts or declines a proposed partner. */
export function answerProposal(
  proposalId: string,
  locale: Locale,
  body: AnswerBody,
): Promise<MyProposal> {
  return api.post(`/api/proposals/${encodeURIComponent(proposalId)}/answer?locale=${locale}`, body);
}
