import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle1,
} from '@fluentui/react-components';
import { useState } from 'react';
import type {
  PublishResponse,
  ReviewPair,
  ReviewProposal,
} from '../../../../src/contracts/matching';
import type { ProgrammeListItem } from '../../../../src/contracts/programmes';
import { Loading } from '../../components/LoadState';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { ConstraintTable, type ConstraintKind } from './ConstraintTable';
import { useMatchingT } from './matching-i18n';
import { useMatchingStyles as useStyles } from './matching-styles';
import { Pager } from './Pager';
import { PairRuleForm } from './PairRuleForm';
import { ProposalTable } from './ProposalTable';
import { PublishDialog } from './PublishDialog';
import { RuleErrorBar } from './RuleErrorBar';
import { RunProgress } from './RunProgress';
import { UnmatchedTable } from './UnmatchedTable';
import { TableScroller } from '../../components/TableScroller';
import { isActive, useReview } from './useReview';

const pairOf = (p: ReviewProposal) => ({
  mentorId: p.mentor.personId,
  menteeId: p.mentee.personId,
});

/** One programme's matching: run it, review the proposals a page at a time, publish them. */
export function Review({ programme }: { programme: ProgrammeListItem }) {
  const styles = useStyles();
  const t = useMatchingT();
  const shellT = useT();
  const locale = useLocale();
  const state = useReview(programme.id);
  const { review, run, error, notice, selected, busy, volunteers } = state;
  const [confirmPublish, setConfirmPublish] = useState(false);

  if (!review) {
    return error !== null ? (
      <RuleErrorBar error={error} names={new Map()} shellT={shellT} />
    ) : (
      <Loading label={t('matching.loading')} />
    );
  }

  const names = new Map<string, string>();
  for (const p of review.proposals) {
    names.set(p.mentor.personId, p.mentor.displayName);
    names.set(p.mentee.personId, p.mentee.displayName);
  }
  for (const u of review.unmatched) names.set(u.personId, u.displayName);
  for (const v of volunteers ?? []) names.set(v.personId, v.displayName);
  const running = isActive(run);
  const drafts = review.proposals.filter((p) => p.stage === 'draft');
  const locked = busy || running;
  const summary = review.run?.status === 'succeeded' ? review.run.summary : null;
  // Nobody is paired or left out before a first run has finished: say so, not "everyone has a partner".
  const neverMatched =
    review.run?.status !== 'succeeded' &&
    review.proposalsTotal === 0 &&
    review.unmatchedTotal === 0;
  const number = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });

  const lift = (kind: ConstraintKind, pair: ReviewPair) =>
    state.lift(
      kind,
      { mentorId: pair.mentorId, menteeId: pair.menteeId },
      t(kind === 'pin' ? 'matching.unpinned' : 'matching.unblocked', {
        mentor: pair.mentor.displayName,
        mentee: pair.mentee.displayName,
      }),
    );
  const published = (result: PublishResponse) => {
    const done =
      result.published === 0 || !result.expiresAt
        ? result.withheld > 0
          ? null
          : t('matching.nothingToPublish')
        : t('matching.published', {
            count: result.published,
            date: new Intl.DateTimeFormat(locale, {
              dateStyle: 'long',
              timeStyle: 'short',
            }).format(new Date(result.expiresAt)),
          });
    const withheld =
      result.withheld > 0 ? t('matching.withheld', { count: result.withheld }) : null;
    return [done, withheld].filter(Boolean).join(' ');
  };

  return (
    <div className={styles.screen}>
      <div className={styles.bar}>
        <Button appearance="primary" disabled={locked} onClick={() => void state.startRun()}>
          {review.proposalsTotal > 0 ? t('matching.rerun') : t('matching.run')}
        </Button>
        <Button
          disabled={
            locked ||
            review.counts.drafts === 0 ||
            (review.proposalsTotal === review.proposals.length && drafts.every((p) => p.kept))
          }
          onClick={() => void state.post({ action: 'accept-all' })}
        >
          {t('matching.acceptAll')}
        </Button>
        <Button
          disabled={locked || selected.length !== 2}
          onClick={() =>
            void state.post({ action: 'swap', body: { proposalIds: [selected[0]!, selected[1]!] } })
          }
        >
          {t('matching.swap')}
        </Button>
        <Button
          appearance="primary"
          disabled={locked || review.counts.drafts === 0}
          onClick={() => setConfirmPublish(true)}
        >
          {t('matching.publish')}
        </Button>
      </div>
      {running && run && <RunProgress run={run} />}
      <div role="status" aria-live="polite">
        {notice && (
          <MessageBar intent="success">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {error !== null && <RuleErrorBar error={error} names={names} shellT={shellT} />}
      {run?.status === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>{t('matching.runFailed')}</MessageBarBody>
        </MessageBar>
      )}
      {summary && (
        <Body1 as="p">
          {t('matching.runDone', {
            proposals: summary.proposals,
            unmatched: summary.unmatched,
            score: number(summary.totalScore),
            bound: number(summary.upperBound),
          })}
        </Body1>
      )}
      {review.run?.warnings.map((w, i) => (
        <MessageBar key={i} intent="warning">
          <MessageBarBody>{w[locale]}</MessageBarBody>
        </MessageBar>
      ))}
      {review.needsRerun && (
        <MessageBar intent="info">
          <MessageBarBody>{t('matching.needsRerun')}</MessageBarBody>
        </MessageBar>
      )}
      <Caption1 as="p" className={styles.muted}>
        {t('matching.counts', review.counts)}
      </Caption1>

      <Subtitle1 as="h2" id="matching-proposals-title" className={styles.heading}>
        {t('matching.proposals')}
      </Subtitle1>
      {review.proposalsTotal === 0 ? (
        <Body1 as="p">{t('matching.noProposals')}</Body1>
      ) : (
        <>
          <Caption1 as="p" className={styles.muted}>
            {t('matching.swapHint')}
          </Caption1>
          <TableScroller labelledBy="matching-proposals-title">
            <ProposalTable
              proposals={review.proposals}
              selected={selected}
              busy={locked}
              onSelect={(id, checked) =>
                state.setSelected((current) =>
                  checked
                    ? [...current.filter((x) => x !== id), id].slice(-2)
                    : current.filter((x) => x !== id),
                )
              }
              onPin={(p) => void state.post({ action: 'pins', body: pairOf(p) })}
              onUnpin={(p) =>
                void lift('pin', { ...pairOf(p), mentor: p.mentor, mentee: p.mentee })
              }
              onBlock={(p) => void state.post({ action: 'blocks', body: pairOf(p) })}
            />
          </TableScroller>
          <Pager
            label={t('matching.proposals')}
            page={review.paging.page}
            pageSize={review.paging.pageSize}
            total={review.proposalsTotal}
            busy={locked}
            onPage={state.setPage}
          />
        </>
      )}

      <Subtitle1 as="h2" id="matching-constraints-title" className={styles.heading}>
        {t('matching.constraints')}
      </Subtitle1>
      <Caption1 as="p" className={styles.muted}>
        {t('matching.constraintsHint')}
      </Caption1>
      {review.pins.length + review.blocks.length > 0 ? (
        <TableScroller labelledBy="matching-constraints-title">
          <ConstraintTable
            pins={review.pins}
            blocks={review.blocks}
            busy={locked}
            onLift={(kind, pair) => void lift(kind, pair)}
          />
        </TableScroller>
      ) : (
        <Body1 as="p">{t('matching.rule.none')}</Body1>
      )}
      {state.choosing ? (
        <PairRuleForm
          volunteers={volunteers}
          busy={locked}
          onPin={(pair) => state.post({ action: 'pins', body: pair })}
          onBlock={(pair) => state.post({ action: 'blocks', body: pair })}
        />
      ) : (
        <div>
          <Button onClick={state.choose}>{t('matching.rule.open')}</Button>
        </div>
      )}

      <Subtitle1 as="h2" id="matching-unmatched-title" className={styles.heading}>
        {t('matching.unmatched')}
      </Subtitle1>
      {review.unmatchedListed === 0 ? (
        <Body1 as="p">
          {t(neverMatched ? 'matching.unmatchedBeforeRun' : 'matching.noUnmatched')}
        </Body1>
      ) : (
        <TableScroller labelledBy="matching-unmatched-title">
          <UnmatchedTable unmatched={review.unmatched} />
        </TableScroller>
      )}
      <Pager
        label={t('matching.unmatched')}
        page={review.paging.unmatchedPage}
        pageSize={review.paging.pageSize}
        total={review.unmatchedListed}
        busy={locked}
        onPage={state.setUnmatchedPage}
      />
      {review.unmatchedTotal > review.unmatchedListed && (
        <Caption1 as="p">
          {t('matching.moreUnmatched', { count: review.unmatchedTotal - review.unmatchedListed })}
        </Caption1>
      )}

      <PublishDialog
        open={confirmPublish}
        drafts={review.counts.drafts}
        days={review.programme.proposalResponseDays}
        onOpenChange={setConfirmPublish}
        onPublish={() => {
          setConfirmPublish(false);
          void state.publish(published);
        }}
      />
    </div>
  );
}
