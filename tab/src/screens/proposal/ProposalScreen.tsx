import {
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import type {
  MyProposal,
  MyProposalsResponse,
  MyUnmatched,
} from '../../../../src/contracts/matching';
import type { MyPairsResponse } from '../../../../src/contracts/pairs';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { SessionGate } from '../../auth/SessionProvider';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { currentPair } from '../home/NextSteps';
import { useProposalT } from './proposal-i18n';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  card: { maxWidth: '44rem' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

function languageNames(codes: readonly string[], locale: string): string {
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  return codes.map((c) => names.of(c) ?? c).join(', ');
}

function ProposalCard({
  proposal,
  onAnswered,
}: {
  proposal: MyProposal;
  onAnswered: (next: MyProposal) => void;
}) {
  const styles = useStyles();
  const t = useProposalT();
  const shellT = useT();
  const locale = useLocale();
  const [confirm, setConfirm] = useState<'accepted' | 'declined' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const name = proposal.partner.displayName;
  const headingId = `proposal-${proposal.id}`;
  const deadline = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(proposal.expiresAt));

  const send = async (answer: 'accepted' | 'declined') => {
    setConfirm(null);
    setBusy(true);
    setError(null);
    try {
      onAnswered(
        await api.post<MyProposal>(
          `/api/proposals/${encodeURIComponent(proposal.id)}/answer?locale=${locale}`,
          { answer },
        ),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const open = proposal.status === 'proposed' && proposal.myAnswer === null;
  return (
    <Card className={styles.card} aria-labelledby={headingId}>
      <CardHeader
        header={
          <Subtitle2 as="h2" id={headingId} className={styles.heading}>
            {proposal.role === 'mentor'
              ? t('proposal.youMentor', { name })
              : t('proposal.youAreMentored', { name })}
          </Subtitle2>
        }
        description={
          <Caption1 className={styles.muted}>
            {[proposal.partner.jobTitle, proposal.partner.department].filter(Boolean).join(' · ')}
          </Caption1>
        }
      />
      <div className={styles.body}>
        <Caption1 as="p" className={styles.muted}>
          {t('proposal.programme', { name: proposal.programmeName })}
        </Caption1>
        {proposal.partner.languages.length > 0 && (
          <Body1 as="p" className={styles.heading}>
            {t('proposal.languages', {
              languages: languageNames(proposal.partner.languages, locale),
            })}
          </Body1>
        )}
        <Body1 as="p" className={styles.heading}>
          {t('proposal.timeZone', { zone: proposal.partner.timeZone })}
        </Body1>
        {proposal.partner.bio && <Body1 as="p">{proposal.partner.bio}</Body1>}
        <Subtitle2 as="h3" className={styles.heading}>
          {t('proposal.why')}
        </Subtitle2>
        <ul className={styles.reasons}>
          {proposal.reasons.map((r, i) => (
            <li key={i}>
              <Body1>{r}</Body1>
            </li>
          ))}
        </ul>
        <div role="status" aria-live="polite">
          {proposal.status === 'accepted' && (
            <MessageBar intent="success">
              <MessageBarBody>{t('proposal.paired')}</MessageBarBody>
            </MessageBar>
          )}
          {proposal.status === 'declined' && proposal.myAnswer !== 'declined' && (
            <MessageBar intent="info">
              <MessageBarBody>{t('proposal.partnerDeclined', { name })}</MessageBarBody>
            </MessageBar>
          )}
          {proposal.waitingForPartner && (
            <MessageBar intent="info">
              <MessageBarBody>{t('proposal.waiting', { name })}</MessageBarBody>
            </MessageBar>
          )}
          {proposal.status === 'declined' && (
            <MessageBar intent="warning">
              <MessageBarBody>{t('proposal.declined')}</MessageBarBody>
            </MessageBar>
          )}
          {proposal.status === 'expired' && (
            <MessageBar intent="warning">
              <MessageBarBody>{t('proposal.expired')}</MessageBarBody>
            </MessageBar>
          )}
          {proposal.status === 'superseded' && (
            <MessageBar intent="warning">
              <MessageBarBody>{t('proposal.withdrawn')}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        {error !== null && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{describeError(error, shellT)}</MessageBarBody>
          </MessageBar>
        )}
        {proposal.status === 'accepted' && proposal.pairId && (
          <div className={styles.actions}>
            <Button
              appearance="primary"
              onClick={() => navigate(`/pair?pair=${encodeURIComponent(proposal.pairId!)}`)}
            >
              {t('proposal.openPair', { name })}
            </Button>
          </div>
        )}
        {open && (
          <>
            <Body1 as="p">
              <strong>{t('proposal.deadline', { date: deadline })}</strong>
            </Body1>
            <div className={styles.actions}>
              <Button
                appearance="primary"
                disabled={busy}
                onClick={() => setConfirm('accepted')}
                aria-label={t('proposal.acceptLabel', { name })}
              >
                {t('proposal.accept')}
              </Button>
              <Button
                disabled={busy}
                onClick={() => setConfirm('declined')}
                aria-label={t('proposal.declineLabel', { name })}
              >
                {t('proposal.decline')}
              </Button>
              {busy && <Spinner size="tiny" />}
            </div>
          </>
        )}
      </div>
      <Dialog open={confirm !== null} onOpenChange={(_, data) => !data.open && setConfirm(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>
              {confirm === 'declined' ? t('proposal.decline.title') : t('proposal.accept.title')}
            </DialogTitle>
            <DialogContent>
              {confirm === 'declined'
                ? t('proposal.decline.body', { name })
                : t('proposal.accept.body', { name, programme: proposal.programmeName })}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => confirm && void send(confirm)}>
                {confirm === 'declined'
                  ? t('proposal.confirmDecline')
                  : t('proposal.confirmAccept')}
              </Button>
              <Button onClick={() => setConfirm(null)}>{t('proposal.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </Card>
  );
}

/** No partner yet: the last published run's reasons for this person, and what they can change. */
function UnmatchedCard({ unmatched }: { unmatched: MyUnmatched }) {
  const styles = useStyles();
  const t = useProposalT();
  const headingId = 'proposal-unmatched';
  const programme = unmatched.programmeName;
  return (
    <Card className={styles.card} aria-labelledby={headingId}>
      <CardHeader
        header={
          <Subtitle2 as="h2" id={headingId} className={styles.heading}>
            {t('proposal.unmatched.title')}
          </Subtitle2>
        }
      />
      <div className={styles.body}>
        {unmatched.explained ? (
          <>
            <Body1 as="p" className={styles.heading}>
              {t('proposal.unmatched.why', { programme })}
            </Body1>
            <ul className={styles.reasons}>
              {unmatched.reasons.map((r, i) => (
                <li key={i}>
                  <Body1>{r}</Body1>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <Body1 as="p" className={styles.heading}>
            {t('proposal.unmatched.unexplained', { programme })}
          </Body1>
        )}
        <Subtitle2 as="h3" className={styles.heading}>
          {t('proposal.unmatched.help')}
        </Subtitle2>
        <ul className={styles.reasons}>
          <li>
            <Body1>{t('proposal.unmatched.availability')}</Body1>
          </li>
          <li>
            <Body1>{t('proposal.unmatched.skills')}</Body1>
          </li>
          <li>
            <Body1>{t('proposal.unmatched.languages')}</Body1>
          </li>
        </ul>
        <Caption1 as="p" className={styles.muted}>
          {t('proposal.unmatched.next')}
        </Caption1>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => navigate('/profile')}>
            {t('proposal.unmatched.profile')}
          </Button>
        </div>
      </div>
    </Card>
  );
}

type CurrentPair = NonNullable<ReturnType<typeof currentPair>>;

/** Already in a pair (no proposal to answer): where it stands, and the way to My pair. */
function PairedCard({ pair }: { pair: CurrentPair }) {
  const styles = useStyles();
  const t = useProposalT();
  const shellT = useT();
  const headingId = 'proposal-paired';
  const path = `/pair?pair=${encodeURIComponent(pair.id)}`;
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    navigate(path);
  };
  return (
    <Card className={styles.card} aria-labelledby={headingId}>
      <CardHeader
        header={
          <Subtitle2 as="h2" id={headingId} className={styles.heading}>
            {t('proposal.havePair.title')}
          </Subtitle2>
        }
      />
      <div className={styles.body}>
        <Body1 as="p" className={styles.heading}>
          {t(`proposal.havePair.${pair.state}`, { partner: pair.partner.displayName })}
        </Body1>
        <Link href={path} onClick={follow}>
          {shellT('nav.pair')}
        </Link>
      </div>
    </Card>
  );
}

function MyProposals() {
  const t = useProposalT();
  const shellT = useT();
  const locale = useLocale();
  const [data, setData] = useState<MyProposalsResponse | null>(null);
  // Someone already in a pair gets no proposal: the screen says so rather than "none yet".
  const [pair, setPair] = useState<CurrentPair | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    (signal?: AbortSignal) =>
      api.get<MyProposalsResponse>(`/api/proposals/mine?locale=${locale}`, { signal }),
    [locale],
  );
  useEffect(() => {
    const controller = new AbortController();
    Promise.all([
      load(controller.signal),
      api.get<MyPairsResponse>('/api/pairs/mine', { signal: controller.signal }),
    ])
      .then(([proposals, mine]) => {
        setPair(currentPair(mine.pairs));
        setData(proposals);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, [load]);

  // After a decline the next best partner is computed in the background (seconds for a large
  // cohort): look a few times, and stop as soon as a new proposal shows.
  const [followUp, setFollowUp] = useState(0);
  useEffect(() => {
    if (followUp === 0) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = (attempt: number) => {
      timer = setTimeout(() => {
        load(controller.signal)
          .then((next) => {
            setData(next);
            const fresh = next.proposals.some(
              (p) => p.status === 'proposed' && p.myAnswer === null,
            );
            if (!fresh && attempt < 5) look(attempt + 1);
          })
          .catch((e: unknown) => {
            if (!controller.signal.aborted) setError(e);
          });
      }, 1500 * attempt);
    };
    look(1);
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [followUp, load]);

  if (error !== null) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{describeError(error, shellT)}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!data) return <Spinner size="small" label={t('proposal.loading')} />;
  if (data.proposals.length === 0 && !data.unmatched) {
    return pair ? <PairedCard pair={pair} /> : <Body1 as="p">{t('proposal.none')}</Body1>;
  }
  return (
    <>
      {data.unmatched && <UnmatchedCard unmatched={data.unmatched} />}
      {data.proposals.map((p) => (
        <ProposalCard
          key={p.id}
          proposal={p}
          onAnswered={(next) => {
            setData((current) =>
              current
                ? {
                    ...current,
                    proposals: current.proposals.map((q) => (q.id === next.id ? next : q)),
                  }
                : current,
            );
            // A decline makes room for a new proposal: look again shortly.
            if (next.status === 'declined') setFollowUp((n) => n + 1);
          }}
        />
      ))}
    </>
  );
}

/** For each volunteer: the partner proposed to them, why, the deadline, and their answer. */
export default function ProposalScreen() {
  const styles = useStyles();
  const t = useProposalT();
  const shellT = useT();
  return (
    <section className={styles.screen} aria-labelledby="proposal-title">
      <Title1 as="h1" id="proposal-title" className={styles.title}>
        {shellT('proposal.title')}
      </Title1>
      <Caption1 as="p" className={styles.muted}>
        {t('proposal.intro')}
      </Caption1>
      <SessionGate>
        <MyProposals />
      </SessionGate>
    </section>
  );
}
