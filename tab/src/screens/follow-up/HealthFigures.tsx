import { Body1, Caption1, Spinner, Subtitle2 } from '@fluentui/react-components';
import { lazy, Suspense, type ReactNode } from 'react';
import type {
  ApprovalsHealth,
  InformalHelp,
  Satisfaction,
  SatisfactionDirection,
  SessionsHealth,
  SkillsHealth,
  TimeToFirstSession,
} from '../../../../src/contracts/health';
import { TableScroller } from '../../components/TableScroller';
import { useLocale } from '../../i18n/I18nProvider';
import type { BarGroup } from './charts/BarGroupsChart';
import { useHealthT } from './health-i18n';
import { useHealthStyles } from './health-styles';
import { useHealthFormat } from './useHealthFormat';

const SessionsChart = lazy(() => import('./charts/SessionsChart'));
const BarGroupsChart = lazy(() => import('./charts/BarGroupsChart'));

type Level = 2 | 3;

/** A figure section: its heading (h2 in the report, h3 under the follow-up's "Health figures"). */
function FigureSection({
  id,
  level,
  title,
  children,
}: {
  id: string;
  level: Level;
  title: string;
  children: ReactNode;
}) {
  const styles = useHealthStyles();
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`} data-section={id}>
      <Subtitle2 as={level === 2 ? 'h2' : 'h3'} id={`${id}-title`} className={styles.heading}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

/** Figures side by side, each a value over its label (`dl`: the label is the term). */
export function FigureList({ items }: { items: { label: string; value: string }[] }) {
  const styles = useHealthStyles();
  return (
    <dl className={styles.figures}>
      {items.map((item) => (
        <div key={item.label} className={styles.figure}>
          <dt className={styles.figureLabel}>{item.label}</dt>
          <dd className={styles.figureValue}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A chart in a `figure` named by its title, loading on its own, with a caption. */
function ChartFigure({ title, children }: { title: string; children: ReactNode }) {
  const styles = useHealthStyles();
  const t = useHealthT();
  return (
    <figure aria-label={title} className={styles.chart}>
      <Suspense fallback={<Spinner size="tiny" label={t('health.sessions.chartLoading')} />}>
        {children}
      </Suspense>
      <figcaption>
        <Caption1 className={styles.muted}>{title}</Caption1>
      </figcaption>
    </figure>
  );
}

/** Sessions held against planned, per week: the totals, a table and a chart. */
export function SessionsFigure({
  sessions,
  level,
  idPrefix,
}: {
  sessions: SessionsHealth;
  level: Level;
  idPrefix: string;
}) {
  const styles = useHealthStyles();
  const t = useHealthT();
  const f = useHealthFormat();
  const id = `${idPrefix}-sessions`;
  const weeks = sessions.byWeek.filter((week) => week.planned > 0 || week.held > 0);
  return (
    <FigureSection id={id} level={level} title={t('health.sessions.title')}>
      <Body1 as="p">
        {t('health.sessions.summary', {
          held: sessions.held,
          missed: sessions.missed,
          upcoming: sessions.upcoming,
          planned: sessions.planned,
          unrecorded: sessions.unrecorded,
        })}
      </Body1>
      {weeks.length === 0 ? (
        <Body1 as="p" className={styles.muted}>
          {t('health.sessions.none')}
        </Body1>
      ) : (
        <>
          <ChartFigure title={t('health.sessions.chart')}>
            <SessionsChart weeks={sessions.byWeek} />
          </ChartFigure>
          <TableScroller labelledBy={`${id}-table`}>
            <table className={styles.table} aria-labelledby={`${id}-table`}>
              <caption id={`${id}-table`} className={styles.caption}>
                {t('health.sessions.chart')}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className={styles.th}>
                    {t('health.col.week')}
                  </th>
                  <th scope="col" className={`${styles.th} ${styles.number}`}>
                    {t('health.sessions.planned')}
                  </th>
                  <th scope="col" className={`${styles.th} ${styles.number}`}>
                    {t('health.sessions.held')}
                  </th>
                  <th scope="col" className={`${styles.th} ${styles.number}`}>
                    {t('health.sessions.missed')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {weeks.map((week) => (
                  <tr key={week.weekStart}>
                    <th scope="row" className={`${styles.rowHeader} ${styles.nowrap}`}>
                      {f.day(week.weekStart.slice(0, 10))}
                    </th>
                    <td className={`${styles.td} ${styles.number}`}>{f.number(week.planned)}</td>
                    <td className={`${styles.td} ${styles.number}`}>{f.number(week.held)}</td>
                    <td className={`${styles.td} ${styles.number}`}>{f.number(week.missed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroller>
        </>
      )}
    </FigureSection>
  );
}

/** From pairing to the first session held. */
export function FirstSessionFigure({
  figure,
  level,
  idPrefix,
}: {
  figure: TimeToFirstSession;
  level: Level;
  idPrefix: string;
}) {
  const t = useHealthT();
  const f = useHealthFormat();
  return (
    <FigureSection id={`${idPrefix}-first`} level={level} title={t('health.firstSession.title')}>
      <FigureList
        items={[
          { label: t('health.firstSession.median'), value: f.guardedDays(figure.medianDays) },
          { label: t('health.firstSession.average'), value: f.guardedDays(figure.averageDays) },
          { label: t('health.firstSession.pairs'), value: f.number(figure.pairs) },
          { label: t('health.firstSession.waiting'), value: f.number(figure.withoutSession) },
        ]}
      />
    </FigureSection>
  );
}

const directions = ['menteesAboutMentors', 'mentorsAboutMentees'] as const;
const ratings = ['1', '2', '3', '4'] as const;

/** How each side rated the sessions and the pairing, as a table and a chart of the ratings. */
export function SatisfactionFigure({
  satisfaction,
  level,
  idPrefix,
}: {
  satisfaction: Satisfaction;
  level: Level;
  idPrefix: string;
}) {
  const styles = useHealthStyles();
  const t = useHealthT();
  const f = useHealthFormat();
  const id = `${idPrefix}-satisfaction`;
  const cell = (
    direction: SatisfactionDirection,
    value: (shown: Exclude<SatisfactionDirection, { suppressed: true }>) => string,
  ) => (direction.suppressed ? t('health.hidden') : value(direction));
  const rows: { label: string; value: (d: SatisfactionDirection) => string }[] = [
    {
      label: t('health.satisfaction.average'),
      value: (d) => cell(d, (s) => f.number(s.averageRating)),
    },
    { label: t('health.satisfaction.raters'), value: (d) => cell(d, (s) => f.number(s.raters)) },
    {
      label: t('health.satisfaction.feedback'),
      value: (d) => cell(d, (s) => f.number(s.feedbackCount)),
    },
    {
      label: t('health.satisfaction.goodFit'),
      value: (d) => cell(d, (s) => f.guarded(s.fit.good)),
    },
    {
      label: t('health.satisfaction.unsure'),
      value: (d) => cell(d, (s) => f.guarded(s.fit.unsure)),
    },
    {
      label: t('health.satisfaction.poorFit'),
      value: (d) => cell(d, (s) => f.guarded(s.fit.poor)),
    },
  ];
  const shown = directions.filter((d) => !satisfaction[d].suppressed);
  const groups: BarGroup[] = ratings.map((rating) => ({
    name: t('health.satisfaction.rating', { rating }),
    bars: shown.map((direction) => {
      const value = satisfaction[direction];
      const count = value.suppressed ? 0 : value.distribution[rating];
      // A hidden rating draws no bar and says so.
      return {
        legend: t(`health.satisfaction.${direction}`),
        value: typeof count === 'number' ? count : 0,
        label: f.guarded(count),
      };
    }),
  }));
  return (
    <FigureSection id={id} level={level} title={t('health.satisfaction.title')}>
      <TableScroller labelledBy={`${id}-table`}>
        <table className={styles.table} aria-labelledby={`${id}-table`}>
          <caption id={`${id}-table`} className={styles.caption}>
            {t('health.satisfaction.title')}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={styles.th}>
                {t('health.col.figure')}
              </th>
              {directions.map((direction) => (
                <th key={direction} scope="col" className={`${styles.th} ${styles.number}`}>
                  {t(`health.satisfaction.${direction}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row" className={styles.rowHeader}>
                  {row.label}
                </th>
                {directions.map((direction) => (
                  <td key={direction} className={`${styles.td} ${styles.number}`}>
                    {row.value(satisfaction[direction])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
      {satisfaction.responseRate !== null && (
        <Body1 as="p">
          {t('health.satisfaction.responseRate', { rate: f.percent(satisfaction.responseRate) })}
        </Body1>
      )}
      {shown.length > 0 && (
        <ChartFigure title={t('health.satisfaction.chart')}>
          <BarGroupsChart title={t('health.satisfaction.chart')} groups={groups} />
        </ChartFigure>
      )}
    </FigureSection>
  );
}

/** Self-assessed levels from start to end per catalogue skill, as a table and a chart. */
export function SkillsFigure({
  skills,
  level,
  idPrefix,
}: {
  skills: SkillsHealth;
  level: Level;
  idPrefix: string;
}) {
  const styles = useHealthStyles();
  const t = useHealthT();
  const f = useHealthFormat();
  const locale = useLocale();
  const id = `${idPrefix}-skills`;
  const assessed = skills.bySkill.filter(
    (skill) => skill.progress.suppressed || skill.progress.people > 0,
  );
  const charted = skills.bySkill.flatMap((skill) =>
    skill.progress.suppressed || skill.progress.people === 0 ? [] : [{ skill, p: skill.progress }],
  );
  const groups: BarGroup[] = charted.map(({ skill, p }) => ({
    name: skill.label[locale],
    bars: [
      { legend: t('health.skills.start'), value: p.averageStart, label: f.number(p.averageStart) },
      { legend: t('health.skills.end'), value: p.averageEnd, label: f.number(p.averageEnd) },
    ],
  }));
  const gain = (value: number) => (value > 0 ? `+${f.number(value)}` : f.number(value));
  return (
    <FigureSection id={id} level={level} title={t('health.skills.title')}>
      {assessed.length === 0 ? (
        <Body1 as="p" className={styles.muted}>
          {t('health.skills.none')}
        </Body1>
      ) : (
        <TableScroller labelledBy={`${id}-table`}>
          <table className={styles.table} aria-labelledby={`${id}-table`}>
            <caption id={`${id}-table`} className={styles.caption}>
              {t('health.skills.chart')}
            </caption>
            <thead>
              <tr>
                <th scope="col" className={styles.th}>
                  {t('health.skills.skill')}
                </th>
                <th scope="col" className={`${styles.th} ${styles.number}`}>
                  {t('health.skills.people')}
                </th>
                <th scope="col" className={`${styles.th} ${styles.number}`}>
                  {t('health.skills.start')}
                </th>
                <th scope="col" className={`${styles.th} ${styles.number}`}>
                  {t('health.skills.end')}
                </th>
                <th scope="col" className={`${styles.th} ${styles.number}`}>
                  {t('health.skills.gain')}
                </th>
              </tr>
            </thead>
            <tbody>
              {assessed.map((skill) => (
                <tr key={skill.skillId}>
                  <th scope="row" className={styles.rowHeader}>
                    {skill.label[locale]}{' '}
                    <span className={styles.muted}>({t(`health.skills.kind.${skill.kind}`)})</span>
                  </th>
                  {skill.progress.suppressed ? (
                    // "Fewer than 5" counts the people; their levels are not shown at all.
                    <>
                      <td className={`${styles.td} ${styles.number}`}>{t('health.hidden')}</td>
                      <td className={`${styles.td} ${styles.number}`}>–</td>
                      <td className={`${styles.td} ${styles.number}`}>–</td>
                      <td className={`${styles.td} ${styles.number}`}>–</td>
                    </>
                  ) : (
                    <>
                      <td className={`${styles.td} ${styles.number}`}>
                        {f.number(skill.progress.people)}
                      </td>
                      <td className={`${styles.td} ${styles.number}`}>
                        {f.number(skill.progress.averageStart)}
                      </td>
                      <td className={`${styles.td} ${styles.number}`}>
                        {f.number(skill.progress.averageEnd)}
                      </td>
                      <td className={`${styles.td} ${styles.number}`}>
                        {gain(skill.progress.averageGain)}
                      </td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
      {skills.unmappedGoals > 0 && (
        <Caption1 as="p" className={styles.muted}>
          {t('health.skills.unmapped', { count: skills.unmappedGoals })}
        </Caption1>
      )}
      {groups.length > 0 && (
        <ChartFigure title={t('health.skills.chart')}>
          <BarGroupsChart title={t('health.skills.chart')} groups={groups} yMax={5} />
        </ChartFigure>
      )}
    </FigureSection>
  );
}

/** Manager approvals: pending, decided, and the median time to decide. */
export function ApprovalsFigure({
  approvals,
  level,
  idPrefix,
}: {
  approvals: ApprovalsHealth;
  level: Level;
  idPrefix: string;
}) {
  const t = useHealthT();
  const f = useHealthFormat();
  return (
    <FigureSection id={`${idPrefix}-approvals`} level={level} title={t('health.approvals.title')}>
      <FigureList
        items={[
          { label: t('health.approvals.pending'), value: f.number(approvals.pending) },
          {
            label: t('health.approvals.pendingOver7Days'),
            value: f.number(approvals.pendingOver7Days),
          },
          { label: t('health.approvals.approved'), value: f.number(approvals.approved) },
          { label: t('health.approvals.declined'), value: f.number(approvals.declined) },
          {
            label: t('health.approvals.median'),
            value: f.guardedDays(approvals.medianDaysToDecide),
          },
        ]}
      />
    </FigureSection>
  );
}

/** Quick help (tenant-wide, last 12 weeks): requests, answers, time to a buddy, topics asked. */
export function InformalHelpFigure({
  help,
  level,
  idPrefix,
}: {
  help: InformalHelp;
  level: Level;
  idPrefix: string;
}) {
  const styles = useHealthStyles();
  const t = useHealthT();
  const f = useHealthFormat();
  const locale = useLocale();
  const id = `${idPrefix}-help`;
  const weeks = help?.weeks.filter((w) => w.asked > 0) ?? [];
  return (
    <FigureSection id={id} level={level} title={t('health.help.title')}>
      {help === null ? (
        <Body1 as="p" className={styles.muted}>
          {t('health.help.notAvailable')}
        </Body1>
      ) : (
        <>
          <FigureList
            items={[
              { label: t('health.help.requests'), value: f.number(help.requests) },
              { label: t('health.help.answered'), value: f.number(help.answered) },
              { label: t('health.help.unanswered'), value: f.number(help.unanswered) },
              {
                label: t('health.help.median'),
                value:
                  help.medianMinutesToBuddy === null
                    ? t('health.none')
                    : t('health.help.minutes', { count: Math.round(help.medianMinutesToBuddy) }),
              },
            ]}
          />
          {weeks.length > 0 && (
            <TableScroller labelledBy={`${id}-weeks`}>
              <table className={styles.table} aria-labelledby={`${id}-weeks`}>
                <caption id={`${id}-weeks`} className={styles.caption}>
                  {t('health.help.perWeek')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={styles.th}>
                      {t('health.help.week')}
                    </th>
                    <th scope="col" className={`${styles.th} ${styles.number}`}>
                      {t('health.help.asked')}
                    </th>
                    <th scope="col" className={`${styles.th} ${styles.number}`}>
                      {t('health.help.helped')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {weeks.map((w) => (
                    <tr key={w.week}>
                      <th scope="row" className={styles.rowHeader}>
                        {w.week}
                      </th>
                      <td className={`${styles.td} ${styles.number}`}>{f.number(w.asked)}</td>
                      <td className={`${styles.td} ${styles.number}`}>{f.number(w.helped)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroller>
          )}
          {help.topTopics.length > 0 && (
            <TableScroller labelledBy={`${id}-topics`}>
              <table className={styles.table} aria-labelledby={`${id}-topics`}>
                <caption id={`${id}-topics`} className={styles.caption}>
                  {t('health.help.topics')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={styles.th}>
                      {t('health.help.topic')}
                    </th>
                    <th scope="col" className={`${styles.th} ${styles.number}`}>
                      {t('health.help.asked')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {help.topTopics.map((topic) => (
                    <tr key={topic.key}>
                      <th scope="row" className={styles.rowHeader}>
                        {topic.label ? topic.label[locale] : topic.key}
                        {!topic.label && (
                          <span className={styles.muted}> ({t('health.help.notInCatalogue')})</span>
                        )}
                      </th>
                      <td className={`${styles.td} ${styles.number}`}>{f.number(topic.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroller>
          )}
        </>
      )}
    </FigureSection>
  );
}
