import { Body1, Button, Field, Link, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { getMyPairs } from '../../api/pairs';
import { LoadFailed, Loading } from '../../components/LoadState';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useResource } from '../../data/useResource';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { usePlanT } from './i18n';
import { PairPlanner } from './PairPlanner';
import { pairLabel } from './schedule-format';
import { useSchedulingStyles as useStyles } from './scheduling-styles';

function Planner() {
  const styles = useStyles();
  const t = usePlanT();
  const requested = new URLSearchParams(window.location.search).get('pair');
  // The pair chosen in the picker (or named by the link); else the first open one.
  const [chosen, setChosen] = useState<string | null>(requested);
  const mine = useResource('pairs/mine', (signal) => getMyPairs(signal));
  const pairs =
    mine.data?.pairs.filter((p) => p.state !== 'completed' && p.state !== 'ended') ?? null;
  const pairId = chosen ?? pairs?.[0]?.id ?? null;

  if (mine.error !== null) {
    return <LoadFailed error={mine.error} onRetry={() => void mine.reload()} />;
  }
  if (pairs === null) return <Loading label={t('plan.loading')} />;
  if (!pairId) {
    return (
      <Body1 as="p" className={styles.text}>
        {t('plan.noPair')}{' '}
        <Link
          href="/profile"
          onClick={(event) => {
            event.preventDefault();
            navigate('/profile');
          }}
        >
          {t('plan.noPair.volunteer')}
        </Link>
      </Body1>
    );
  }
  const item = pairs.find((p) => p.id === pairId);
  return (
    <>
      {pairs.length > 1 && (
        <Field label={t('plan.picker')} className={styles.picker}>
          <Select
            value={pairId}
            onChange={(_, data) => {
              setChosen(data.value);
              window.history.replaceState(null, '', `/plan?pair=${encodeURIComponent(data.value)}`);
            }}
          >
            {pairs.map((p) => (
              <option key={p.id} value={p.id}>
                {pairLabel(p, t)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <PairPlanner key={pairId} pairId={pairId} {...(item ? { partner: item.partner } : {})} />
      <div className={styles.actions}>
        <Button
          appearance="subtle"
          onClick={() => navigate(`/pair?pair=${encodeURIComponent(pairId)}`)}
        >
          {t('plan.toDashboard')}
        </Button>
      </div>
    </>
  );
}

/** "Plan our sessions": the pair's five best recurring times, booking one, then the sessions. */
export default function SchedulingScreen() {
  const styles = useStyles();
  const tt = useT();
  const t = usePlanT();
  return (
    <ScreenFrame
      id="plan"
      title={tt('plan.title')}
      intro={
        <Body1 as="p" className={styles.text}>
          {t('plan.intro')}
        </Body1>
      }
    >
      <Planner />
    </ScreenFrame>
  );
}
