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
  Subtitle2,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type MouseEvent } from 'react';
import type { MyProposal, MyUnmatched } from '../../../../src/contracts/matching';
import { describeError } from '../../api/errors';
import { answerProposal, getMyProposals } from '../../api/matching';
import { getMyPairs } from '../../api/pairs';
import { LoadFailed, Loading } from '../../components/LoadState';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useMutation } from '../../data/useMutation';
import { useResource } from '../../data/useResource';
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
  const answering = useMutation(answerProposal);
  const { busy, error } = answering;
  const name = proposal.partner.displayName;
  const headingId = `proposal-${proposal.id}`;
  const deadline = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(proposal.expiresAt));

  const send = async (answer: 'accepted' | 'declined') => {
    setConfirm(null);
    const outcome = await answering.run(proposal.id, locale, { answer });
    if (outcome.ok) onAnswered(outcome.data);
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
        {proposal.mentorCapacity !== null && (
          <Body1 as="p" className={styles.heading}>
            {t('proposal.capacity', { count: proposal.mentorCapacity })}
          </Body1>
        )}
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
  const locale = useLocale();
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
          {pair.state === 'awaiting_approval' && pair.declines.length > 0
            ? t('proposal.havePair.declined', {
                partner: pair.partner.displayName,
                managers: new Intl.ListFormat(locale, { type: 'conjunction' }).format(
                  pair.declines.map((d) => d.managerName),
                ),
              })
            : t(`proposal.havePair.${pair.state}`, { partner: pair.partner.displayName })}
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
  const locale = useLocale();
  const proposals = useResource(`proposals:${locale}`, (signal) => getMyProposals(locale, signal));
  // Someone already in a pair gets no proposal: the screen says so rather than "none yet".
  const mine = useResource('pairs/mine', (signal) => getMyPairs(signal));
  const data = proposals.data;

  // After a decline the next best partner is computed in the background (seconds for a large
  // cohort): look a few times, and stop as soon as a new proposal shows.
  const [followUp, setFollowUp] = useState(0);
  const { reload } = proposals;
  useEffect(() => {
    if (followUp === 0) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = (attempt: number) => {
      timer = setTimeout(() => {
        void reload().then((outcome) => {
          if (stopped || !outcome.ok) return;
          const fresh = outcome.data.proposals.some(
            (p) => p.status === 'proposed' && p.myAnswer === null,
          );
          if (!fresh && attempt < 5) look(attempt + 1);
        });
      }, 1500 * attempt);
    };
    look(1);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [followUp, reload]);

  const error = proposals.error ?? mine.error;
  if (error !== null) {
    return (
      <LoadFailed
        error={error}
        onRetry={() => void (proposals.error !== null ? proposals.reload() : mine.reload())}
      />
    );
  }
  if (!data || !mine.data) return <Loading label={t('proposal.loading')} />;
  const pair = currentPair(mine.data.pairs);
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
            proposals.setData((current) =>
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
  const t = useProposalT();
  const shellT = useT();
  return (
    <ScreenFrame id="proposal" title={shellT('proposal.title')} introText={t('proposal.intro')}>
      <MyProposals />
    </ScreenFrame>
  );
}
