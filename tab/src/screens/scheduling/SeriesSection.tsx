import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Subtitle2,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { CalendarSessionView, PairCalendarResponse } from '../../../../src/contracts/calendar';
import { downloadIcs } from '../../api/pairs';
import { useSession } from '../../auth/SessionProvider';
import { useLocale } from '../../i18n/I18nProvider';
import { usePlanT } from './i18n';
import { Times } from './ProposalCard';
import { dayLabel } from './schedule-format';
import { useSchedulingStyles as useStyles } from './scheduling-styles';

const statusKey = {
  planned: 'plan.status.planned',
  held: 'plan.status.held',
  missed: 'plan.status.missed',
  cancelled: 'plan.status.cancelled',
} as const;

function SessionItem({
  session,
  names,
  onMove,
  busy,
}: {
  session: CalendarSessionView;
  names: Map<string, string>;
  onMove?: (session: CalendarSessionView) => void;
  busy: boolean;
}) {
  const styles = useStyles();
  const t = usePlanT();
  const locale = useLocale();
  const { me } = useSession();
  const declinedByMe = session.declinedBy.includes(me.person.id);
  const declined = session.declinedBy
    .filter((id) => id !== me.person.id)
    .map((id) => names.get(id) ?? id);
  return (
    <li className={styles.session}>
      <div className={styles.sessionHead}>
        <Subtitle2 as="h3" className={styles.heading}>
          {t('plan.session', { index: session.index })} ·{' '}
          {dayLabel(locale, session.start, session.times)}
        </Subtitle2>
        <Badge
          appearance="tint"
          color={
            session.status === 'cancelled'
              ? 'danger'
              : session.status === 'held'
                ? 'success'
                : 'informative'
          }
        >
          {t(statusKey[session.status])}
        </Badge>
        {onMove && (
          <Button
            size="small"
            disabled={busy}
            aria-label={t('plan.moveLabel', { index: session.index })}
            onClick={() => onMove(session)}
          >
            {t('plan.move')}
          </Button>
        )}
      </div>
      <Times times={session.times} />
      {declinedByMe && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('plan.declinedMine')}</MessageBarBody>
        </MessageBar>
      )}
      {declined.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('plan.declined', { names: declined.join(', ') })}</MessageBarBody>
        </MessageBar>
      )}
    </li>
  );
}

/** The booked series: where it lives, its `.ics` (local calendar), and each session. */
export function SeriesSection({
  calendar,
  onMove,
  busy,
}: {
  calendar: PairCalendarResponse;
  onMove: (session: CalendarSessionView) => void;
  busy: boolean;
}) {
  const styles = useStyles();
  const t = usePlanT();
  const { me } = useSession();
  const [downloadError, setDownloadError] = useState(false);
  const series = calendar.series;
  const names = new Map(
    calendar.sessions.flatMap((s) => s.times.map((m) => [m.personId, m.displayName] as const)),
  );
  const partner = calendar.sessions[0]?.times.find((m) => m.personId !== series?.organiserId);
  const download = async () => {
    if (!series?.icsPath) return;
    setDownloadError(false);
    try {
      const blob = await downloadIcs(series.icsPath);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `mentoring-${calendar.pairId}.ics`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch {
      setDownloadError(true);
    }
  };
  return (
    <section className={styles.section} aria-labelledby="plan-series-title">
      <Subtitle1 as="h2" id="plan-series-title" className={styles.heading}>
        {t('plan.series.title')}
      </Subtitle1>
      {series && (
        <Body1 as="p" className={styles.text}>
          {series.organiserId === me.person.id
            ? t('plan.series.whereMine', { partner: partner?.displayName ?? '' })
            : partner?.isMe
              ? t('plan.series.whereToMe', { organiser: series.organiserName })
              : t('plan.series.where', {
                  organiser: series.organiserName,
                  partner: partner?.displayName ?? '',
                })}
        </Body1>
      )}
      {series?.icsPath && (
        <>
          <Caption1 as="p" className={styles.muted}>
            {t('plan.series.local')}
          </Caption1>
          <div className={styles.actions}>
            <Button onClick={() => void download()}>{t('plan.ics')}</Button>
          </div>
          {downloadError && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{t('plan.ics.failed')}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      <ul className={styles.list} aria-labelledby="plan-series-title">
        {calendar.sessions.map((s) => (
          <SessionItem
            key={s.id}
            session={s}
            names={names}
            busy={busy}
            {...(s.status === 'planned' && Date.parse(s.start) > Date.now() ? { onMove } : {})}
          />
        ))}
      </ul>
    </section>
  );
}
