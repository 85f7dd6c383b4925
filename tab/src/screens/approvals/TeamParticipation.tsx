import {
  Body1,
  Caption1,
  makeStyles,
  Subtitle1,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { getManagerReports } from '../../api/programme-health';
import { LoadFailed, Loading } from '../../components/LoadState';
import { TableScroller } from '../../components/TableScroller';
import { useResource } from '../../data/useResource';
import { dateTag } from '../../i18n/catalogue';
import { useLocale } from '../../i18n/I18nProvider';
import { useApprovalsT } from './approvals-i18n';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  table: { borderCollapse: 'collapse', width: '100%' },
  th: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  td: {
    verticalAlign: 'top',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
});

/** "9 h" or "1 h 30" from minutes. */
function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')}`;
}

/**
 * A manager's direct reports who take part (their pair's state, sessions held) and the approvals
 * the manager gave: participation only, never what is said in a pair.
 */
export function TeamParticipation() {
  const styles = useStyles();
  const t = useApprovalsT();
  const locale = useLocale();
  const team = useResource('manager-reports', (signal) => getManagerReports(signal));
  const data = team.data;
  const day = new Intl.DateTimeFormat(dateTag(locale), { dateStyle: 'long' });
  const dayOf = (iso: string) => day.format(new Date(iso));

  return (
    <section className={styles.section} aria-labelledby="manager-team-title">
      <Subtitle1 as="h2" id="manager-team-title" className={styles.heading}>
        {t('manager.title')}
      </Subtitle1>
      <Caption1 as="p" className={styles.muted}>
        {t('manager.intro')}
      </Caption1>
      {team.error !== null && !data ? (
        <LoadFailed error={team.error} onRetry={() => void team.reload()} />
      ) : !data ? (
        <Loading label={t('manager.loading')} />
      ) : (
        <>
          <Subtitle2 as="h3" id="manager-reports-title" className={styles.heading}>
            {t('manager.reports')}
          </Subtitle2>
          {data.reports.length === 0 ? (
            <Body1 as="p">{t('manager.none')}</Body1>
          ) : (
            <TableScroller labelledBy="manager-reports-title">
              <table className={styles.table} aria-labelledby="manager-reports-title">
                <thead>
                  <tr>
                    <th scope="col" className={styles.th}>
                      {t('manager.col.person')}
                    </th>
                    <th scope="col" className={styles.th}>
                      {t('manager.col.programme')}
                    </th>
                    <th scope="col" className={styles.th}>
                      {t('manager.col.pair')}
                    </th>
                    <th scope="col" className={`${styles.th} ${styles.number}`}>
                      {t('manager.col.sessions')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.reports.map((report) => (
                    <tr key={`${report.personId}:${report.programmeId ?? ''}`}>
                      <th scope="row" className={styles.td}>
                        {report.displayName}
                      </th>
                      <td className={styles.td}>{report.programmeName ?? '–'}</td>
                      <td className={styles.td}>
                        {report.pairState
                          ? t(`manager.state.${report.pairState}`)
                          : t('manager.noPair')}
                      </td>
                      <td className={`${styles.td} ${styles.number}`}>
                        {t('manager.sessionsOf', {
                          held: report.sessionsHeld,
                          // Against the agreement, as the lead's follow-up counts: "0 of 6"
                          // before any session is booked, not "0 of 0".
                          planned: report.sessionsInFrame,
                        })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroller>
          )}
          <Subtitle2 as="h3" id="manager-given-title" className={styles.heading}>
            {t('manager.given')}
          </Subtitle2>
          {data.approvals.length === 0 ? (
            <Body1 as="p">{t('manager.givenNone')}</Body1>
          ) : (
            <TableScroller labelledBy="manager-given-title">
              <table className={styles.table} aria-labelledby="manager-given-title">
                <thead>
                  <tr>
                    <th scope="col" className={styles.th}>
                      {t('manager.col.person')}
                    </th>
                    <th scope="col" className={styles.th}>
                      {t('manager.col.asked')}
                    </th>
                    <th scope="col" className={`${styles.th} ${styles.number}`}>
                      {t('manager.col.time')}
                    </th>
                    <th scope="col" className={styles.th}>
                      {t('manager.col.decided')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.approvals.map((approval) => (
                    <tr key={approval.approvalId}>
                      <th scope="row" className={styles.td}>
                        {approval.personName}
                      </th>
                      <td className={styles.td}>{dayOf(approval.requestedAt)}</td>
                      <td className={`${styles.td} ${styles.number}`}>
                        {duration(approval.totalMinutes)}
                      </td>
                      <td className={styles.td}>
                        {approval.status === 'pending' || approval.decidedAt === null
                          ? t('manager.status.pending')
                          : t(`manager.status.${approval.status}`, {
                              date: dayOf(approval.decidedAt),
                            })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroller>
          )}
        </>
      )}
    </section>
  );
}
