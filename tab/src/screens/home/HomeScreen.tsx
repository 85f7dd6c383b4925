import { Body1, Caption1, makeStyles, Title1, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { useHost } from '../../host/HostProvider';
import { useT } from '../../i18n/I18nProvider';
import { NextSteps } from './NextSteps';

type Health = { status: string; store: string };

type HealthState = { kind: 'checking' } | { kind: 'up' } | { kind: 'down'; error: unknown };

const useStyles = makeStyles({
  screen: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '60ch',
  },
  title: { margin: 0 },
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
  const [health, setHealth] = useState<HealthState>({ kind: 'checking' });

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<Health>('/api/health', { auth: false, signal: controller.signal })
      .then((body) =>
        setHealth(
          body.store === 'up'
            ? { kind: 'up' }
            : {
                kind: 'down',
                error: new ApiError('store_unavailable', `store ${body.store}`, 200),
              },
        ),
      )
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setHealth({ kind: 'down', error });
      });
    return () => controller.abort();
  }, []);

  const name = host.kind === 'teams' ? host.user.displayName : undefined;

  return (
    <section className={styles.screen} aria-labelledby="home-title">
      <Title1 as="h1" id="home-title" className={styles.title}>
        {t('home.title')}
      </Title1>
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
    </section>
  );
}
