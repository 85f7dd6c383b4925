import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import type { AssessmentPhase, GoalProgress } from '../../../../src/contracts/pairs';
import { usePairT } from './i18n/usePairT';
import { usePair } from './PairContext';
import { myGoals } from './pair-model';
import { useWrite, WriteNotice } from './WriteNotice';

const ProgressChart = lazy(() => import('./ProgressChart'));

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    alignItems: 'flex-end',
  },
  heading: { margin: 0 },
  text: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  form: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  goal: { minWidth: '16rem' },
  caption: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalS,
  },
  bar: { maxWidth: '24rem' },
  figure: { margin: 0 },
});

const phases: AssessmentPhase[] = ['start', 'middle', 'end'];
const levels = [1, 2, 3, 4, 5] as const;

function AssessmentForm() {
  const styles = useStyles();
  const t = usePairT();
  const { pair, write } = usePair();
  const goals = myGoals(pair);
  const [phase, setPhase] = useState<AssessmentPhase>(pair.progress.suggestedPhase ?? 'start');
  const levelAt = (goal: GoalProgress, p: AssessmentPhase) =>
    goal[p] === null ? '' : String(goal[p]);
  const [chosen, setChosen] = useState<Record<string, string>>(() =>
    Object.fromEntries(goals.map((g) => [g.goal, levelAt(g, phase)])),
  );
  const { busy, notice, setNotice, run } = useWrite();

  if (goals.length === 0) {
    return (
      <Body1 as="p" className={styles.muted}>
        {t('pair.assess.noGoals')}
      </Body1>
    );
  }
  const pickPhase = (next: AssessmentPhase) => {
    setPhase(next);
    setChosen(Object.fromEntries(goals.map((g) => [g.goal, levelAt(g, next)])));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changed = goals.filter((g) => chosen[g.goal] && chosen[g.goal] !== levelAt(g, phase));
    if (changed.length === 0) {
      setNotice({ kind: 'done', message: t('pair.assess.nothing') });
      return;
    }
    // One write per goal, in a row: each carries the version the previous one returned.
    await run(
      async () => {
        let last: Awaited<ReturnType<typeof write>> | null = null;
        for (const goal of changed) {
          last = await write('PUT', '/assessments', {
            phase,
            goal: goal.goal,
            level: Number(chosen[goal.goal]),
          });
          if (!last.ok) return last;
        }
        return last!;
      },
      t('pair.assess.saved', { phase: t(`pair.phase.${phase}`) }),
    );
  };
  return (
    <form className={`${styles.column} ${styles.form}`} onSubmit={(e) => void submit(e)} noValidate>
      <Subtitle2 as="h3" className={styles.heading}>
        {t('pair.assess.title')}
      </Subtitle2>
      <Caption1 as="p" className={styles.muted}>
        {t('pair.assess.scale')}
      </Caption1>
      <WriteNotice notice={notice} onClear={() => setNotice({ kind: 'none' })} keepsTyping />
      <Field label={t('pair.assess.phase')}>
        <RadioGroup
          layout="horizontal"
          value={phase}
          onChange={(_, data) => pickPhase(data.value as AssessmentPhase)}
        >
          {phases.map((p) => (
            <Radio key={p} value={p} label={t(`pair.phase.${p}`)} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        {goals.map((goal) => (
          <Field key={goal.goal} label={goal.goal} className={styles.goal}>
            <Select
              value={chosen[goal.goal] ?? ''}
              onChange={(_, data) => setChosen((c) => ({ ...c, [goal.goal]: data.value }))}
            >
              <option value="">{t('pair.assess.choose')}</option>
              {levels.map((level) => (
                <option key={level} value={String(level)}>
                  {`${level} – ${t(`pair.assess.level.${level}`)}`}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('pair.assess.save')}
        </Button>
      </div>
    </form>
  );
}

/** Sessions held against the agreed number, levels per goal as a table and a chart, self-assessment. */
export function ProgressSection() {
  const styles = useStyles();
  const t = usePairT();
  const { pair } = usePair();
  const { progress } = pair;
  const assessed = progress.goals.filter(
    (g) => g.start !== null || g.middle !== null || g.end !== null,
  );
  const level = (value: number | null) => (value === null ? '–' : String(value));
  const sideOf = (goal: GoalProgress) =>
    goal.personId === pair.me.personId ? t('pair.you') : pair.partner.displayName;
  return (
    <div className={styles.column}>
      <Body1 as="p" className={styles.text}>
        {t('pair.progress.sessions', {
          held: t('pair.progress.held', { count: progress.sessionsHeld }),
          count: progress.sessionsAgreed,
          planned: t('pair.progress.planned', { count: progress.sessionsPlanned }),
        })}
      </Body1>
      <ProgressBar
        className={styles.bar}
        value={Math.min(progress.sessionsHeld, progress.sessionsAgreed)}
        max={Math.max(1, progress.sessionsAgreed)}
        aria-label={t('pair.progress.sessionsBar')}
        aria-valuetext={t('pair.progress.sessionsBarValue', {
          held: progress.sessionsHeld,
          agreed: progress.sessionsAgreed,
        })}
      />
      {progress.suggestedPhase && (
        <MessageBar intent="info">
          <MessageBarBody>
            {t('pair.progress.assessNow', { phase: t(`pair.phase.${progress.suggestedPhase}`) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {pair.state !== 'ended' && pair.state !== 'proposed' && <AssessmentForm />}
      {progress.goals.length === 0 ? (
        <Body1 as="p" className={styles.muted}>
          {t('pair.progress.noGoals')}
        </Body1>
      ) : (
        <Table aria-labelledby="pair-progress-caption" size="small">
          <caption id="pair-progress-caption" className={styles.caption}>
            {t('pair.progress.tableCaption')}
          </caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('pair.progress.goal')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('pair.progress.learner')}</TableHeaderCell>
              {phases.map((p) => (
                <TableHeaderCell key={p} scope="col">
                  {t(`pair.phase.${p}`)}
                </TableHeaderCell>
              ))}
              <TableHeaderCell scope="col">{t('pair.progress.change')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {progress.goals.map((goal) => (
              <TableRow key={`${goal.side}:${goal.goal}`}>
                <TableCell>
                  {goal.goal}
                  {!goal.inAgreement && ` (${t('pair.progress.removed')})`}
                </TableCell>
                <TableCell>{sideOf(goal)}</TableCell>
                {phases.map((p) => (
                  <TableCell key={p}>{level(goal[p])}</TableCell>
                ))}
                <TableCell>
                  {goal.change === null
                    ? '–'
                    : goal.change > 0
                      ? `+${goal.change}`
                      : String(goal.change)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {assessed.length > 0 && (
        <figure aria-label={t('pair.progress.chartTitle')} className={styles.figure}>
          <Suspense fallback={<Spinner size="tiny" label={t('pair.progress.chartLoading')} />}>
            <ProgressChart goals={assessed} />
          </Suspense>
          <figcaption>
            <Caption1 className={styles.muted}>{t('pair.progress.chartAlt')}</Caption1>
          </figcaption>
        </figure>
      )}
    </div>
  );
}
