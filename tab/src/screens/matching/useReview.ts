import { useState } from 'react';
import type {
  MatchingReviewResponse,
  MatchingRunResponse,
  PairBody,
  PublishResponse,
} from '../../../../src/contracts/matching';
import {
  getReview,
  getRun,
  getVolunteers,
  liftConstraint,
  publishProposals,
  reviewAction,
  startRun,
  type ReviewAction,
} from '../../api/matching';
import { useMutation } from '../../data/useMutation';
import { useResource } from '../../data/useResource';
import { useRunPolling } from './useRunPolling';

/** A run still queued or running. */
export const isActive = (run: MatchingRunResponse | null | undefined) =>
  run?.status === 'queued' || run?.status === 'running';

/**
 * One programme's matching review and what the lead does with it: a page of each list at a time
 * (every action answers with the pages on screen), the run followed while it goes on, the
 * volunteers read only once the lead opens the pin/block form.
 */
export function useReview(programmeId: string) {
  // Large cohorts are reviewed a page at a time: every review action answers with these pages.
  const [page, setPage] = useState(1);
  const [unmatchedPage, setUnmatchedPage] = useState(1);
  const pages = { page, unmatchedPage };
  const [run, setRun] = useState<MatchingRunResponse | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [pollError, setPollError] = useState<unknown>(null);

  const adopt = (next: MatchingReviewResponse) => {
    setRun(next.run);
    setSelected((current) =>
      current.filter((id) => next.proposals.some((p) => p.id === id && p.stage === 'draft')),
    );
  };
  const review = useResource(
    `${programmeId}?page=${page}&unmatchedPage=${unmatchedPage}`,
    async (signal) => {
      const next = await getReview(programmeId, pages, signal);
      if (!signal.aborted) adopt(next);
      return next;
    },
    // Turning a page keeps the review on screen until the next page comes.
    { keepPrevious: true },
  );
  const show = (next: MatchingReviewResponse) => {
    review.setData(next);
    adopt(next);
  };

  // Whom the lead may pin or block: every active volunteer, not only those proposed. Read when
  // the lead opens the form: for a large cohort the list is megabytes.
  const [choosing, setChoosing] = useState(false);
  const volunteers = useResource(choosing ? `volunteers:${programmeId}` : null, (signal) =>
    getVolunteers(programmeId, signal),
  );

  // While a run goes on, follow its progress; reload the review when it ends.
  useRunPolling(
    isActive(run) ? run!.id : null,
    (runId) => getRun(programmeId, runId),
    (next) => {
      setRun(next);
      if (!isActive(next)) return review.reload().then(() => undefined);
    },
    setPollError,
  );

  // Review actions run one at a time; their failure is shown until the next one.
  const action = useMutation(async (work: () => Promise<void>) => work());
  /** Runs a review action; true when it succeeded (its error is shown otherwise). */
  const act = async (work: () => Promise<void>): Promise<boolean> => {
    setPollError(null);
    setNotice(null);
    return (await action.run(work)).ok;
  };

  return {
    review: review.data,
    run,
    pages,
    setPage,
    setUnmatchedPage,
    selected,
    setSelected,
    notice,
    setNotice,
    busy: action.busy,
    error: action.error ?? pollError ?? volunteers.error ?? review.error,
    choosing,
    choose: () => setChoosing(true),
    volunteers: volunteers.data?.volunteers ?? null,
    startRun: () =>
      act(async () => {
        setRun(await startRun(programmeId));
        setPage(1);
        setUnmatchedPage(1);
      }),
    post: (act_: ReviewAction) =>
      act(async () => show(await reviewAction(programmeId, pages, act_))),
    lift: (kind: 'pin' | 'block', pair: PairBody, done: string) =>
      act(async () => {
        show(await liftConstraint(programmeId, pages, kind, pair));
        setNotice(done);
      }),
    publish: (describe: (result: PublishResponse) => string) =>
      act(async () => {
        const result = await publishProposals(programmeId);
        await review.reload();
        setNotice(describe(result));
      }),
  };
}
