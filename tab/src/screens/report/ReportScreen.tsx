import {
  Body1,
  Button,
  Caption1,
  Link,
  makeStaticStyles,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Subtitle2,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { ReportResponse, SharedComment } from '../../../../src/contracts/health';
import { describeError } from '../../api/errors';
import {
  downloadReportCsv,
  getProgrammeReport,
  refreshProgrammeHealth,
} from '../../api/programme-health';
import { LoadFailed, Loading } from '../../components/LoadState';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useMutation } from '../../data/useMutation';
import { useResource } from '../../data/useResource';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import {
  ProgrammePicker,
  startedProgrammes,
  useIsLead,
  useLedProgrammes,
} from '../follow-up/programme-choice';
import { useHealthT } from '../follow-up/health-i18n';
import { useHealthStyles } from '../follow-up/health-styles';
import {
  ApprovalsFigure,
  FigureList,
  FirstSessionFigure,
  InformalHelpFigure,
  SatisfactionFigure,
  SessionsFigure,
  SkillsFigure,
} from '../follow-up/HealthFigures';
import { PairStateTable, ParticipationFigures } from '../follow-up/PeopleSections';
import { useHealthFormat } from '../follow-up/useHealthFormat';
import { useReportT } from './report-i18n';

// The attribute the print stylesheet keys on, set on <html> while the report is on screen, so
// printing another screen is not affected once the stylesheet has loaded.
const PRINT_ATTRIBUTE = 'data-print';
const PRINT_VALUE = 'report';
const scope = `html[${PRINT_ATTRIBUTE}="${PRINT_VALUE}"]`;

// Printed, the report is a light A4 document whatever the theme on screen: the light theme's
// tokens are declared over the app's (dark or high-contrast ink would vanish on white paper, and
// browsers leave backgrounds out), the shell's header and the buttons are left out, and each
// section starts a page.
const lightTokens = Object.entries(webLightTheme)
  .map(([name, value]) => `--${name}: ${String(value)};`)
  .join(' ');
const usePrintStyles = makeStaticStyles(`
  @page { size: A4; margin: 15mm; }
  @media print {
    ${scope} .fui-FluentProvider { ${lightTokens} }
    ${scope} { color-scheme: light; }
    ${scope}, ${scope} body, ${scope} .fui-FluentProvider { background: ${webLightTheme.colorNeutralBackground1}; }
    ${scope} header, ${scope} nav, ${scope} [data-no-print] { display: none !important; }
    ${scope} main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
    ${scope} [data-print-break] { break-before: page; }
    ${scope} figure, ${scope} table, ${scope} dl, ${scope} article { break-inside: avoid; }
    ${scope} h2, ${scope} h3 { break-after: avoid; }
    ${scope} [role="group"][tabindex] { overflow: visible !important; }
  }
`);

const useStyles = makeStyles({
  // About the width of an A4 page inside its margins, on screen too, so the charts drawn for the
  // screen are the ones that print.
  document: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXL,
    maxWidth: '180mm',
    minWidth: 0,
  },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  comment: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  quote: { margin: 0, whiteSpace: 'pre-wrap' },
});

/** "12 h 30" from minutes. */
function useHours() {
  const rt = useReportT();
  return (minutes: number) => {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest === 0
      ? rt('report.hours', { hours })
      : rt('report.hoursMinutes', { hours, minutes: String(rest).padStart(2, '0') });
  };
}

/** A part of the report: an h2, its content, and a page break before it when printed. */
function Part({
  id,
  title,
  breakBefore = true,
  children,
}: {
  id: string;
  title: string;
  breakBefore?: boolean;
  children: ReactNode;
}) {
  const styles = useStyles();
  const hs = useHealthStyles();
  return (
    <section
      className={styles.part}
      aria-labelledby={`report-part-${id}-title`}
      {...(breakBefore ? { 'data-print-break': '' } : {})}
    >
      <Subtitle1 as="h2" id={`report-part-${id}-title`} className={hs.heading}>
        {title}
      </Subtitle1>
      {children}
    </section>
  );
}

/** The guide's questions, each answered with figures. */
function GuideAnswers({ report }: { report: ReportResponse }) {
  const hs = useHealthStyles();
  const rt = useReportT();
  const f = useHealthFormat();
  const hours = useHours();
  const { guide } = report;
  const question = (id: string, text: string, body: ReactNode) => (
    <section className={hs.section} aria-labelledby={`report-guide-${id}`}>
      <Subtitle2 as="h3" id={`report-guide-${id}`} className={hs.heading}>
        {text}
      </Subtitle2>
      {body}
    </section>
  );
  return (
    <Part id="guide" title={rt('report.guide.title')} breakBefore={false}>
      {question(
        'need',
        rt('report.guide.realNeed'),
        <>
          <Body1 as="p">
            {rt('report.guide.realNeed.answer', {
              count: guide.realNeed.skillsRequested,
              catalogue: guide.realNeed.skillsInCatalogue,
            })}
          </Body1>
          <FigureList
            items={[
              {
                label: rt('report.guide.pairsFormed'),
                value: f.number(guide.realNeed.pairsFormed),
              },
            ]}
          />
        </>,
      )}
      {question(
        'volunteers',
        rt('report.guide.volunteers'),
        <FigureList
          items={[
            {
              label: rt('report.guide.volunteered'),
              value: f.guarded(guide.volunteers.volunteered),
            },
            {
              label: rt('report.guide.invitedNotJoined'),
              value: f.guarded(guide.volunteers.invitedNotJoined),
            },
            { label: rt('report.guide.left'), value: f.guarded(guide.volunteers.left) },
            {
              label: rt('report.guide.endedEarly'),
              value: f.number(guide.volunteers.pairsEndedEarly),
            },
          ]}
        />,
      )}
      {question(
        'time',
        rt('report.guide.timeFreed'),
        <>
          <FigureList
            items={[
              {
                label: rt('report.guide.minutesApproved'),
                value: hours(guide.timeFreed.minutesApproved),
              },
              {
                label: rt('report.guide.minutesHeld'),
                value: hours(guide.timeFreed.memberMinutesHeld),
              },
            ]}
          />
          {guide.timeFreed.minutesApproved > 0 && (
            <Body1 as="p">
              {rt('report.guide.timeShare', {
                share: f.percent(
                  guide.timeFreed.memberMinutesHeld / guide.timeFreed.minutesApproved,
                ),
              })}
            </Body1>
          )}
        </>,
      )}
      {question(
        'evaluation',
        rt('report.guide.evaluation'),
        <FigureList
          items={[
            {
              label: rt('report.guide.feedbackCount'),
              value: f.number(guide.evaluation.feedbackCount),
            },
            {
              label: rt('report.guide.responseRate'),
              value:
                guide.evaluation.responseRate === null
                  ? '–'
                  : f.percent(guide.evaluation.responseRate),
            },
            {
              label: rt('report.guide.assessed'),
              value: f.guarded(guide.evaluation.assessedStartAndEnd),
            },
          ]}
        />,
      )}
    </Part>
  );
}

function SharedComments({ comments }: { comments: SharedComment[] }) {
  const styles = useStyles();
  const hs = useHealthStyles();
  const rt = useReportT();
  const f = useHealthFormat();
  return (
    <Part id="comments" title={rt('report.comments.title')}>
      {comments.length === 0 ? (
        <Body1 as="p">{rt('report.comments.none')}</Body1>
      ) : (
        <ul className={hs.cards}>
          {comments.map((comment, index) => {
            const heading = rt('report.comments.heading', {
              who: rt(
                comment.direction === 'mentee_to_mentor'
                  ? 'report.comments.menteeToMentor'
                  : 'report.comments.mentorToMentee',
              ),
              month: f.month(comment.month),
              rating: comment.rating,
            });
            return (
              <li key={index}>
                <article className={hs.card} aria-label={heading}>
                  <Subtitle2 as="h3" className={hs.heading}>
                    {heading}
                  </Subtitle2>
                  <dl className={styles.comment}>
                    {comment.worked !== '' && (
                      <>
                        <dt className={hs.muted}>{rt('report.comments.worked')}</dt>
                        <dd className={styles.quote}>{comment.worked}</dd>
                      </>
                    )}
                    {comment.suggestion !== '' && (
                      <>
                        <dt className={hs.muted}>{rt('report.comments.suggestion')}</dt>
                        <dd className={styles.quote}>{comment.suggestion}</dd>
                      </>
                    )}
                  </dl>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </Part>
  );
}

function ReportDocument({ programmeId }: { programmeId: string }) {
  const styles = useStyles();
  const hs = useHealthStyles();
  const rt = useReportT();
  const ht = useHealthT();
  const shellT = useT();
  const locale = useLocale();
  const f = useHealthFormat();
  const [csvError, setCsvError] = useState<unknown>(null);
  const report = useResource(`report:${programmeId}`, (signal) =>
    getProgrammeReport(programmeId, signal),
  );
  // Figures may be 15 minutes old: a comment shared a minute ago shows once they are recomputed.
  const refreshing = useMutation(() => refreshProgrammeHealth(programmeId, {}));
  const data = report.data;
  if (report.error !== null && !data) {
    return <LoadFailed error={report.error} onRetry={() => void report.reload()} />;
  }
  if (!data) return <Loading label={rt('report.loading')} />;

  const { programme } = data;
  const downloadCsv = async () => {
    setCsvError(null);
    try {
      const blob = await downloadReportCsv(programmeId, locale);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${programme.name.replace(/[^\p{L}\p{N}]+/gu, '-')}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      setCsvError(error);
    }
  };
  const followUp = `/follow-up?programme=${encodeURIComponent(programmeId)}`;
  const refresh = async () => {
    const outcome = await refreshing.run();
    if (outcome.ok) await report.reload();
  };

  return (
    <article className={styles.document} aria-labelledby="report-programme-title">
      <div className={hs.bar} data-no-print="">
        <Button appearance="primary" onClick={() => window.print()}>
          {rt('report.print')}
        </Button>
        <Button onClick={() => void downloadCsv()}>{rt('report.csv')}</Button>
        <Button disabled={refreshing.busy} onClick={() => void refresh()}>
          {refreshing.busy ? ht('health.refreshing') : ht('health.refresh')}
        </Button>
        <Link
          href={followUp}
          onClick={(event) => {
            event.preventDefault();
            navigate(followUp);
          }}
        >
          {rt('report.back')}
        </Link>
      </div>
      {refreshing.error !== null && (
        <MessageBar intent="error" role="alert" data-no-print="">
          <MessageBarBody>
            {ht('health.refreshFailed', { reason: describeError(refreshing.error, shellT) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {csvError !== null && (
        <MessageBar intent="error" role="alert" data-no-print="">
          <MessageBarBody>
            {rt('report.csvFailed', { reason: describeError(csvError, shellT) })}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={hs.section}>
        <Subtitle1 as="p" id="report-programme-title" className={hs.heading}>
          {programme.name}
        </Subtitle1>
        <Body1 as="p">
          {rt('report.dates', { start: f.day(programme.startDate), end: f.day(programme.endDate) })}
          {' · '}
          {programme.status === 'closed'
            ? rt('report.status.closed')
            : programme.status === 'running'
              ? rt('report.status.running')
              : rt('report.status.other')}
        </Body1>
        <Caption1 as="p" className={hs.muted}>
          {rt('report.generated', { time: f.dateTime(data.generatedAt) })}
        </Caption1>
        <Caption1 as="p" className={hs.muted}>
          {rt('report.privacy')}
        </Caption1>
      </div>
      <GuideAnswers report={data} />
      <Part id="participation" title={rt('report.participation.title')}>
        <ParticipationFigures participants={data.participants} />
        <Body1 as="p">
          {ht('health.pairs.total', { count: data.pairs.total })}
          {data.pairs.total > 0 &&
            ` · ${ht('health.pairs.endedEarly', { count: data.pairs.endedEarly })}`}
        </Body1>
        {data.pairs.total > 0 && <PairStateTable byState={data.pairs.byState} idPrefix="report" />}
      </Part>
      <Part id="sessions" title={rt('report.sessions.title')}>
        <SessionsFigure sessions={data.sessions} level={3} idPrefix="report" />
        <FirstSessionFigure figure={data.timeToFirstSession} level={3} idPrefix="report" />
      </Part>
      <Part id="outcomes" title={rt('report.outcomes.title')}>
        <SatisfactionFigure satisfaction={data.satisfaction} level={3} idPrefix="report" />
        <SkillsFigure skills={data.skills} level={3} idPrefix="report" />
      </Part>
      <Part id="support" title={rt('report.support.title')}>
        <ApprovalsFigure approvals={data.approvals} level={3} idPrefix="report" />
        <InformalHelpFigure help={data.informalHelp} level={3} idPrefix="report" />
      </Part>
      <SharedComments comments={data.sharedComments} />
    </article>
  );
}

function ReportContent() {
  const ht = useHealthT();
  const rt = useReportT();
  const isLead = useIsLead();
  const [programmeId, setProgrammeId] = useState(() =>
    new URLSearchParams(window.location.search).get('programme'),
  );
  const list = useLedProgrammes(isLead);

  if (!isLead) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{ht('health.leadsOnly')}</MessageBarBody>
      </MessageBar>
    );
  }
  if (list.error !== null && !list.data) {
    return <LoadFailed error={list.error} onRetry={() => void list.reload()} />;
  }
  if (!list.data) return <Loading label={ht('health.programmesLoading')} />;
  const programmes = startedProgrammes(list.data.programmes);
  const chosen =
    programmes.find((p) => p.id === programmeId) ??
    programmes.find((p) => p.status === 'closed') ??
    programmes[0];
  if (!chosen) return <Body1 as="p">{ht('health.noProgramme')}</Body1>;
  return (
    <>
      {programmes.length > 1 && (
        <div data-no-print="">
          <Caption1 as="p">{rt('report.choose')}</Caption1>
          <ProgrammePicker
            programmes={programmes}
            value={chosen.id}
            onChange={(id) => {
              window.history.replaceState(
                null,
                '',
                `${window.location.pathname}?programme=${encodeURIComponent(id)}`,
              );
              setProgrammeId(id);
            }}
          />
        </div>
      )}
      <ReportDocument key={chosen.id} programmeId={chosen.id} />
    </>
  );
}

/** The printable bilan of a programme, in the lead's language, with its CSV. */
export default function ReportScreen() {
  const shellT = useT();
  const rt = useReportT();
  const hs = useHealthStyles();
  usePrintStyles();
  useEffect(() => {
    const root = document.documentElement;
    root.setAttribute(PRINT_ATTRIBUTE, PRINT_VALUE);
    return () => root.removeAttribute(PRINT_ATTRIBUTE);
  }, []);
  return (
    <ScreenFrame
      id="report"
      title={shellT('report.title')}
      intro={
        <Caption1 as="p" className={hs.muted} data-no-print="">
          {rt('report.intro')}
        </Caption1>
      }
    >
      <ReportContent />
    </ScreenFrame>
  );
}
