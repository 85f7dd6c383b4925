import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { OpenScreenFrame } from '../../components/OpenScreenFrame';
import { getHealth } from '../../api/health';
import { useResource } from '../../data/useResource';
import { useHost } from '../../host/HostProvider';
import { useT } from '../../i18n/I18nProvider';
import { NextSteps } from './NextSteps';

type HealthState = { kind: 'checking' } | { kind: 'up' } | { kind: 'down'; error: unknown };

const useStyles = makeStyles({
  screen: { maxWidth: '60ch' },
  text: { margin: 0 },
  health: {
    marginTop: tokens.spacingVerticalXL,
    color: tokens.colorNeutralForeground3,
  },
});

/** The landing screen: what reverse mentoring is, what to do next, and whether the service is up. */
export default function HomeScreen() {
  const styles = useStyles();
  const t = useT();
  const host = useHost();
  const checked = useResource('health', (signal) => getHealth(signal));
  const health: HealthState = checked.data
    ? checked.data.store === 'up'
      ? { kind: 'up' }
      : {
          kind: 'down',
          error: new ApiError('store_unavailable', `store ${checked.data.store}`, 200),
        }
    : checked.error !== null
      ? { kind: 'down', error: checked.error }
      : { kind: 'checking' };

  const name = host.kind === 'teams' ? host.user.displayName : undefined;

  return (
    // The landing screen answers anyone: what to do next says when signing in is needed.
    <OpenScreenFrame id="home" title={t('home.title')} className={styles.screen}>
      {name && (
        <Body1 as="p" className={styles.text}>
          {t('home.greeting', { name })}
        </Body1>
      )}
      <Body1 as="p" className={styles.text}>
        {t('home.intro')}
      </Body1>
      <Body1 as="p" className={styles.text}>
        {t('home.how')}
      </Body1>
      <NextSteps />
      <Caption1 as="p" role="status" className={styles.health}>
        {health.kind === 'checking' && t('home.health.checking')}
        {health.kind === 'up' && t('home.health.up')}
        {health.kind === 'down' && describeError(health.error, t)}
      </Caption1>
    </OpenScreenFrame>
  );
}
