import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Spinner,
  Subtitle1,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { ProgrammeListItem, ProgrammeListResponse } from '../../../../src/contracts/programmes';
import type {
  MatchingReviewResponse,
  MatchingRunResponse,
  PublishResponse,
  ReviewPair,
  ReviewProposal,
  Volunteer,
  VolunteersResponse,
} from '../../../../src/contracts/matching';
import type { ViolationCode } from '../../../../src/domain/matching/pair-evaluation';
import { api, ApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { SessionGate, useSession } from '../../auth/SessionProvider';
import type { Translate } from '../../i18n/catalogue';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { useMatchingT } from './matching-i18n';
import { ConstraintTable, type ConstraintKind } from './ConstraintTable';
import { Pager } from './Pager';
import { PairRuleForm } from './PairRuleForm';
import { ProposalTable } from './ProposalTable';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  table: { borderCollapse: 'collapse', width: '100%' },
  th: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  td: {
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  select: { maxWidth: '32rem' },
});

const isActive = (run: MatchingRunResponse | null | undefined) =>
  run?.status === 'queued' || run?.status === 'running';

/** A rule of matching a pair breaks: the engine's, or the review's own (places already promised). */
type RuleCode = ViolationCode | 'already_paired' | 'mentor_full' | 'pinned';
type Violation = { mentorId: string; menteeId: string; codes: RuleCode[] };

function violationsOf(error: unknown): Violation[] {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || !error.details)
    return [];
  const list = (error.details as { violations?: unknown }).violations;
  return Array.isArray(list) ? (list as Violation[]) : [];
}

function ErrorBar({
  error,
  names,
  shellT,
}: {
  error: unknown;
  names: ReadonlyMap<string, string>;
  shellT: Translate;
}) {
  const t = useMatchingT();
  const violations = violationsOf(error);
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        {violations.length === 0 ? (
          describeError(error, shellT)
        ) : (
          <>
            {t('matching.refused')}
            <ul>
              {violations.map((v) => (
                <li key={`${v.mentorId}-${v.menteeId}`}>
                  {names.get(v.mentorId) ?? v.mentorId} → {names.get(v.menteeId) ?? v.menteeId}
                  {' — '}
                  {v.codes
                    .map((code) =>
                      t(`matching.violation.${code}` as `matching.violation.${RuleCode}`),
                    )
                    .join(', ')}
                </li>
              ))}
            </ul>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

function Review({ programme }: { programme: ProgrammeListItem }) {
  const styles = useStyles();
  const t = useMatchingT();
  const shellT = useT();
  const locale = useLocale();
  const base = `/api/programmes/${encodeURIComponent(programme.id)}/matching`;
  const [review, setReview] = useState<MatchingReviewResponse | null>(null);
  const [run, setRun] = useState<MatchingRunResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [confirmPublish, setConfirmPublish] = useState(false);

  const show = useCallback((next: MatchingReviewResponse) => {
    setReview(next);
    setRun(next.run);
    setSelected((current) =>
      current.filter((id) => next.proposals.some((p) => p.id === id && p.stage === 'draft')),
    );
  }, []);

  // Large cohorts are reviewed a page at a time: every review action answers with these pages.
  const [page, setPage] = useState(1);
  const [unmatchedPage, setUnmatchedPage] = useState(1);
  const pages = `?page=${page}&unmatchedPage=${unmatchedPage}`;
  const load = useCallback(
    async (signal?: AbortSignal) =>
      show(await api.get<MatchingReviewResponse>(`${base}${pages}`, { signal })),
    [base, pages, show],
  );

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).catch((e: unknown) => {
      if (!controller.signal.aborted) setError(e);
    });
    return () => controller.abort();
  }, [load]);

  // Whom the lead may pin or block: every active volunteer, not only those proposed. Read when
  // the lead opens the form: for a large cohort the list is megabytes.
  const [choosing, setChoosing] = useState(false);
  const [volunteers, setVolunteers] = useState<Volunteer[] | null>(null);
  useEffect(() => {
    if (!choosing) return;
    const controller = new AbortController();
    api
      .get<VolunteersResponse>(`${base}/volunteers`, { signal: controller.signal })
      .then((reply) => setVolunteers(reply.volunteers))
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, [base, choosing]);

  // While a run goes on, follow its progress; reload the review when it ends.
  const runId = isActive(run) ? run!.id : null;
  useEffect(() => {
    if (!runId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api.get<MatchingRunResponse>(
          `${base}/runs/${encodeURIComponent(runId)}`,
        );
        if (stopped) return;
        setRun(next);
        if (isActive(next)) timer = setTimeout(() => void poll(), 400);
        else await load();
      } catch (e) {
        if (!stopped) setError(e);
      }
    };
    timer = setTimeout(() => void poll(), 300);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [runId, base, load]);

  /** Runs a review action; true when it succeeded (its error is shown otherwise). */
  const act = async (work: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await work();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const startRun = () =>
    act(async () => {
      setRun(await api.post<MatchingRunResponse>(`${base}/runs`, {}));
      setPage(1);
      setUnmatchedPage(1);
    });
  const post = (path: string, body: unknown = {}) =>
    act(async () => show(await api.post<MatchingReviewResponse>(`${base}/${path}${pages}`, body)));
  const pairOf = (p: ReviewProposal) => ({
    mentorId: p.mentor.personId,
    menteeId: p.mentee.personId,
  });
  const lift = (kind: ConstraintKind, pair: ReviewPair) =>
    act(async () => {
      const path = `${base}/${kind === 'pin' ? 'pins' : 'blocks'}/${encodeURIComponent(pair.mentorId)}/${encodeURIComponent(pair.menteeId)}${pages}`;
      show(await api.delete<MatchingReviewResponse>(path));
      setNotice(
        t(kind === 'pin' ? 'matching.unpinned' : 'matching.unblocked', {
          mentor: pair.mentor.displayName,
          mentee: pair.mentee.displayName,
        }),
      );
    });
  const publish = () =>
    act(async () => {
      setConfirmPublish(false);
      const result = await api.post<PublishResponse>(`${base}/publish`, {});
      await load();
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
      setNotice([done, withheld].filter(Boolean).join(' '));
    });

  if (!review) {
    return error !== null ? (
      <ErrorBar error={error} names={new Map()} shellT={shellT} />
    ) : (
      <Spinner size="small" label={t('matching.loading')} />
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

  return (
    <div className={styles.screen}>
      <div className={styles.bar}>
        <Button appearance="primary" disabled={locked} onClick={() => void startRun()}>
          {review.proposalsTotal > 0 ? t('matching.rerun') : t('matching.run')}
        </Button>
        <Button
          disabled={
            locked ||
            review.counts.drafts === 0 ||
            (review.proposalsTotal === review.proposals.length && drafts.every((p) => p.kept))
          }
          onClick={() => void post('accept-all')}
        >
          {t('matching.acceptAll')}
        </Button>
        <Button
          disabled={locked || selected.length !== 2}
          onClick={() => void post('swap', { proposalIds: selected })}
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
      {running && run && (
        <Field
          label={t('matching.progressLabel')}
          validationState="none"
          validationMessage={[
            t(`matching.phase.${run.phase}`),
            run.phase === 'solving' && run.solving
              ? t('matching.solvingRound', {
                  round: run.solving.round,
                  gap: number(run.solving.gapPct),
                })
              : null,
            t('matching.running', { progress: run.progress }),
          ]
            .filter(Boolean)
            .join(' · ')}
        >
          <ProgressBar
            value={run.progress / 100}
            thickness="large"
            aria-valuetext={`${run.progress} %`}
          />
        </Field>
      )}
      <div role="status" aria-live="polite">
        {notice && (
          <MessageBar intent="success">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {error !== null && <ErrorBar error={error} names={names} shellT={shellT} />}
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
          <ProposalTable
            proposals={review.proposals}
            selected={selected}
            busy={locked}
            onSelect={(id, checked) =>
              setSelected((current) =>
                checked
                  ? [...current.filter((x) => x !== id), id].slice(-2)
                  : current.filter((x) => x !== id),
              )
            }
            onPin={(p) => void post('pins', pairOf(p))}
            onUnpin={(p) => void lift('pin', { ...pairOf(p), mentor: p.mentor, mentee: p.mentee })}
            onBlock={(p) => void post('blocks', pairOf(p))}
          />
          <Pager
            label={t('matching.proposals')}
            page={review.paging.page}
            pageSize={review.paging.pageSize}
            total={review.proposalsTotal}
            busy={locked}
            onPage={setPage}
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
        <ConstraintTable
          pins={review.pins}
          blocks={review.blocks}
          busy={locked}
          onLift={(kind, pair) => void lift(kind, pair)}
        />
      ) : (
        <Body1 as="p">{t('matching.rule.none')}</Body1>
      )}
      {choosing ? (
        <PairRuleForm
          volunteers={volunteers}
          busy={locked}
          onPin={(pair) => post('pins', pair)}
          onBlock={(pair) => post('blocks', pair)}
        />
      ) : (
        <div>
          <Button onClick={() => setChoosing(true)}>{t('matching.rule.open')}</Button>
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
        <table className={styles.table} aria-labelledby="matching-unmatched-title">
          <thead>
            <tr>
              <th scope="col" className={styles.th}>
                {t('matching.col.person')}
              </th>
              <th scope="col" className={styles.th}>
                {t('matching.col.reasons')}
              </th>
            </tr>
          </thead>
          <tbody>
            {review.unmatched.map((u) => (
              <tr key={u.personId}>
                <td className={styles.td}>
                  {u.displayName}
                  <Caption1 as="span" className={styles.muted}>
                    {' '}
                    {u.department}
                  </Caption1>
                </td>
                <td className={styles.td}>
                  <ul className={styles.list}>
                    {u.reasons.map((r, i) => (
                      <li key={i}>{r[locale]}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager
        label={t('matching.unmatched')}
        page={review.paging.unmatchedPage}
        pageSize={review.paging.pageSize}
        total={review.unmatchedListed}
        busy={locked}
        onPage={setUnmatchedPage}
      />
      {review.unmatchedTotal > review.unmatchedListed && (
        <Caption1 as="p">
          {t('matching.moreUnmatched', { count: review.unmatchedTotal - review.unmatchedListed })}
        </Caption1>
      )}

      <Dialog open={confirmPublish} onOpenChange={(_, data) => setConfirmPublish(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('matching.publish.title')}</DialogTitle>
            <DialogContent>
              {t('matching.publish.body', {
                count: review.counts.drafts,
                days: review.programme.proposalResponseDays,
              })}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void publish()}>
                {t('matching.publish.confirm')}
              </Button>
              <Button onClick={() => setConfirmPublish(false)}>{t('matching.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

function programmeFromUrl(): string | null {
  return new URLSearchParams(window.location.search).get('programme');
}

function MatchingContent() {
  const t = useMatchingT();
  const shellT = useT();
  const { me } = useSession();
  const [programmes, setProgrammes] = useState<ProgrammeListItem[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(programmeFromUrl);
  const [error, setError] = useState<unknown>(null);
  const isLead = me.roles.includes('lead') || me.canCreateProgrammes || me.leadOf.length > 0;

  useEffect(() => {
    if (!isLead) return;
    const controller = new AbortController();
    api
      .get<ProgrammeListResponse>('/api/programmes', { signal: controller.signal })
      .then((list) =>
        setProgrammes(
          list.programmes.filter(
            (p) => p.canManage && p.status !== 'draft' && p.status !== 'closed',
          ),
        ),
      )
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, [isLead]);

  if (!isLead) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('matching.leadsOnly')}</MessageBarBody>
      </MessageBar>
    );
  }
  if (error !== null) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{describeError(error, shellT)}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!programmes) return <Spinner size="small" label={t('matching.loading')} />;
  if (programmes.length === 0) return <Body1 as="p">{t('matching.noProgramme')}</Body1>;
  const current = programmes.find((p) => p.id === chosen) ?? programmes[0]!;
  return (
    <>
      {programmes.length > 1 && (
        <Field label={t('matching.programme')}>
          <Select
            value={current.id}
            onChange={(_, data) => {
              setChosen(data.value);
              window.history.replaceState(
                null,
                '',
                `${window.location.pathname}?programme=${encodeURIComponent(data.value)}`,
              );
            }}
          >
            {programmes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {programmes.length === 1 && <Subtitle1 as="h2">{current.name}</Subtitle1>}
      <Review key={current.id} programme={current} />
    </>
  );
}

/** For programme leads: run matching, review the proposals in bulk, publish them. */
export default function MatchingScreen() {
  const styles = useStyles();
  const t = useMatchingT();
  const shellT = useT();
  return (
    <section className={styles.screen} aria-labelledby="matching-title">
      <Title1 as="h1" id="matching-title" className={styles.title}>
        {shellT('matching.title')}
      </Title1>
      <Caption1 as="p" className={styles.muted}>
        {t('matching.intro')}
      </Caption1>
      <SessionGate>
        <MatchingContent />
      </SessionGate>
    </section>
  );
}
