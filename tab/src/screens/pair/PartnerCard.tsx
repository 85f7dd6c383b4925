import {
  Avatar,
  Body1,
  Caption1,
  Card,
  Link,
  makeStyles,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PairView } from '../../../../src/contracts/pairs';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { usePairT } from './i18n/usePairT';
import { initialsOf, offsetParts } from './pair-model';
import { useFormat } from './useFormat';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'row',
    gap: tokens.spacingHorizontalL,
    alignItems: 'flex-start',
  },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  line: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Re-renders every 30 s so a clock on screen stays right. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Who the partner is, what they speak and what time it is where they are. */
export function PartnerCard({ pair }: { pair: PairView }) {
  const styles = useStyles();
  const t = usePairT();
  const format = useFormat();
  const now = useNow();
  const { partner } = pair;
  const offset = offsetParts(partner.offsetFromMeMinutes);
  const gap =
    offset.minutes === 0
      ? t('pair.partner.hours', { count: offset.hours })
      : t('pair.partner.hoursMinutes', { hours: offset.hours, minutes: offset.minutes });
  return (
    <Card className={styles.card} aria-labelledby="pair-partner-name">
      <Avatar
        size={64}
        name={partner.displayName}
        initials={initialsOf(partner.displayName)}
        image={partner.photoUrl ? { src: partner.photoUrl, alt: '' } : undefined}
        color="colorful"
        aria-hidden
      />
      <div className={styles.text}>
        <Subtitle2 as="h3" id="pair-partner-name" className={styles.line}>
          {partner.displayName}
        </Subtitle2>
        <Body1 as="p" className={styles.line}>
          {partner.role === 'mentor' ? t('pair.partner.isMentor') : t('pair.partner.isMentee')}
        </Body1>
        {(partner.jobTitle || partner.department) && (
          <Caption1 as="p" className={styles.muted}>
            {[partner.jobTitle, partner.department].filter(Boolean).join(' · ')}
          </Caption1>
        )}
        {partner.languages.length > 0 && (
          <Body1 as="p" className={styles.line}>
            {t('pair.partner.languages', { languages: format.languages(partner.languages) })}
          </Body1>
        )}
        <Body1 as="p" className={styles.line}>
          {t('pair.partner.localTime', { time: format.timeIn(now, partner.timeZone) })}{' '}
          <span className={styles.muted}>
            (
            {offset.direction === 'same'
              ? t('pair.partner.sameTime')
              : offset.direction === 'ahead'
                ? t('pair.partner.ahead', { gap })
                : t('pair.partner.behind', { gap })}
            )
          </span>
        </Body1>
      </div>
    </Card>
  );
}

/** The next session with the partner's local time when it differs. */
export function NextSession({ pair }: { pair: PairView }) {
  const styles = useStyles();
  const t = usePairT();
  const tt = useT();
  const format = useFormat();
  const next = pair.nextSession;
  if (!next) {
    // The way forward is named as the user sees it: the "Plan our sessions" screen.
    const plan = `/plan?pair=${encodeURIComponent(pair.id)}`;
    return (
      <Body1 as="p" className={styles.line}>
        {t('pair.next.none')}{' '}
        {pair.can.includes('plan_session') && (
          <Link
            href={plan}
            onClick={(event) => {
              event.preventDefault();
              navigate(plan);
            }}
          >
            {tt('plan.title')}
          </Link>
        )}
      </Body1>
    );
  }
  return (
    <div className={styles.text}>
      <Body1 as="p" className={styles.line}>
        {t('pair.next.when', {
          index: next.index,
          when: format.dateTime(next.start),
          minutes: next.durationMinutes,
        })}
      </Body1>
      {pair.partner.offsetFromMeMinutes !== 0 && (
        <Caption1 as="p" className={styles.muted}>
          {t('pair.next.partnerTime', {
            name: pair.partner.displayName,
            time: format.timeIn(next.start, pair.partner.timeZone),
          })}
        </Caption1>
      )}
      {next.agenda && (
        <Body1 as="p" className={styles.line}>
          {t('pair.next.agenda', { agenda: next.agenda })}
        </Body1>
      )}
    </div>
  );
}
