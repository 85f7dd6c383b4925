import {
  Body1,
  Button,
  Card,
  Field,
  makeStyles,
  Select,
  Subtitle1,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { MyPairItem } from '../../../../src/contracts/pairs';
import { getDashboard, getMyPairs } from '../../api/pairs';
import { LoadFailed, Loading } from '../../components/LoadState';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useResource } from '../../data/useResource';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { AgreementSection } from './AgreementSection';
import { CalendarRefresh } from './CalendarRefresh';
import { FeedbackHistory } from './FeedbackHistory';
import { usePairT } from './i18n/usePairT';
import { LifecycleSection } from './LifecycleSection';
import { PairProvider, usePair } from './PairContext';
import { NextSession, PartnerCard } from './PartnerCard';
import { ProgressSection } from './ProgressSection';
import { ActionItemToggle } from './ActionItems';
import { SessionsSection } from './SessionsSection';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  title: { margin: 0 },
  grid: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 22rem), 1fr))',
    alignItems: 'start',
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  heading: { margin: 0 },
  picker: { maxWidth: '30rem' },
  list: { margin: 0, padding: 0, listStyleType: 'none' },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** A titled block of the dashboard (an `<h2>` region). */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <Card className={styles.section} aria-labelledby={`pair-${id}-title`} role="region">
      <Subtitle1 as="h2" id={`pair-${id}-title`} className={styles.heading}>
        {title}
      </Subtitle1>
      {children}
    </Card>
  );
}

function OpenActionItems() {
  const styles = useStyles();
  const t = usePairT();
  const { pair } = usePair();
  if (pair.openActionItems.length === 0) {
    return (
      <Body1 as="p" className={styles.muted}>
        {t('pair.items.allDone')}
      </Body1>
    );
  }
  return (
    <ul className={styles.list}>
      {pair.openActionItems.map((item) => (
        <ActionItemToggle key={`${item.sessionId}:${item.id}`} item={item} />
      ))}
    </ul>
  );
}

function Dashboard() {
  const styles = useStyles();
  const t = usePairT();
  const tt = useT();
  const { pair } = usePair();
  return (
    <>
      <CalendarRefresh />
      <div className={styles.toolbar}>
        {pair.can.includes('plan_session') && (
          <Button
            appearance="primary"
            onClick={() => navigate(`/plan?pair=${encodeURIComponent(pair.id)}`)}
          >
            {tt('plan.title')}
          </Button>
        )}
        {/* The toolkit is for mentors: a mentee is not offered it. */}
        {pair.myRole === 'mentor' && (
          <Button appearance="secondary" onClick={() => navigate('/toolkit')}>
            {t('pair.toolkitLink')}
          </Button>
        )}
      </div>
      <div className={styles.grid}>
        <Section
          id="partner"
          title={
            pair.myRole === 'mentor' ? t('pair.section.yourMentee') : t('pair.section.yourMentor')
          }
        >
          <PartnerCard pair={pair} />
        </Section>
        <Section id="next" title={t('pair.section.next')}>
          <NextSession pair={pair} />
        </Section>
        <Section id="items" title={t('pair.section.items')}>
          <OpenActionItems />
        </Section>
        <Section id="state" title={t('pair.section.state')}>
          <LifecycleSection />
        </Section>
      </div>
      <Section id="agreement" title={t('pair.section.agreement')}>
        <AgreementSection />
      </Section>
      <Section id="progress" title={t('pair.section.progress')}>
        <ProgressSection />
      </Section>
      <Section id="sessions" title={t('pair.section.sessions')}>
        <SessionsSection />
      </Section>
      <Section id="feedback" title={t('pair.section.feedback')}>
        <FeedbackHistory />
      </Section>
    </>
  );
}

function pairLabel(item: MyPairItem, t: ReturnType<typeof usePairT>): string {
  const who =
    item.myRole === 'mentor'
      ? t('pair.picker.mentorOf', { name: item.partner.displayName })
      : t('pair.picker.menteeOf', { name: item.partner.displayName });
  return item.subject ? `${who} – ${item.subject}` : who;
}

function PairContent() {
  const styles = useStyles();
  const t = usePairT();
  // The pair picked; until then the one a link names (`/pair?pair=<id>`, from a reminder or the
  // planning page), else the first.
  const [picked, setPicked] = useState<string | null>(null);
  const mine = useResource('pairs/mine', (signal) => getMyPairs(signal));
  const pairs = mine.data?.pairs ?? null;
  const asked = new URLSearchParams(window.location.search).get('pair');
  const pairId = picked ?? pairs?.find((p) => p.id === asked)?.id ?? pairs?.[0]?.id ?? null;
  const loaded = useResource(pairId && `dashboard:${pairId}`, (signal) =>
    getDashboard(pairId!, signal),
  );
  const dashboard = loaded.data ?? null;

  const error = mine.error ?? loaded.error;
  if (error !== null) {
    return (
      <LoadFailed
        error={error}
        onRetry={() => void (mine.error !== null ? mine.reload() : loaded.reload())}
      />
    );
  }
  if (pairs === null) return <Loading label={t('pair.loading')} />;
  if (pairs.length === 0 || !pairId) {
    return (
      <div className={styles.screen}>
        <Body1 as="p">{t('pair.none')}</Body1>
        <div className={styles.toolbar}>
          <Button onClick={() => navigate('/proposal')}>{t('pair.none.proposal')}</Button>
        </div>
      </div>
    );
  }
  return (
    <div className={styles.screen}>
      {pairs.length > 1 && (
        <Field label={t('pair.picker')} className={styles.picker}>
          <Select
            value={pairId}
            onChange={(_, data) => {
              setPicked(data.value);
              // A reload or a shared link keeps this pair.
              window.history.replaceState(null, '', `?pair=${encodeURIComponent(data.value)}`);
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
      {dashboard === null || dashboard.pair.id !== pairId ? (
        <Loading label={t('pair.loading')} />
      ) : (
        <PairProvider key={dashboard.pair.id} initial={dashboard}>
          <Dashboard />
        </PairProvider>
      )}
    </div>
  );
}

/** "My pair": the pair's journey for both members, from the agreement to the last feedback. */
export default function PairScreen() {
  const t = useT();
  return (
    <ScreenFrame id="pair" title={t('pair.title')} spacing="XL">
      <PairContent />
    </ScreenFrame>
  );
}
