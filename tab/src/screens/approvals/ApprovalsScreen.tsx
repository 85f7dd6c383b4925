import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApprovalItem } from '../../../../src/contracts/approvals';
import type { ApprovalDecision } from '../../../../src/domain/approval';
import { decideApproval, getApprovals } from '../../api/approvals';
import { ApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { LoadFailed, Loading } from '../../components/LoadState';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useResource } from '../../data/useResource';
import { useMutation } from '../../data/useMutation';
import { useT } from '../../i18n/I18nProvider';
import { ApprovalCard, type CardNotice } from './ApprovalCard';
import { TeamParticipation } from './TeamParticipation';
import { useApprovalsT } from './approvals-i18n';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
});

function ApprovalsContent() {
  const styles = useStyles();
  const t = useApprovalsT();
  const shellT = useT();
  const approvals = useResource('approvals', (signal) => getApprovals(signal));
  const items = approvals.data?.approvals ?? null;
  // Comments being typed, by request: kept across reloads (a 409 reloads the list).
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const [notices, setNotices] = useState<Record<string, CardNotice>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const sending = useMutation(decideApproval);

  const replace = (next: ApprovalItem) =>
    approvals.setData((current) => ({
      approvals: current?.approvals.map((i) => (i.id === next.id ? next : i)) ?? [next],
    }));
  const notify = (id: string, notice: CardNotice | undefined) =>
    setNotices((current) => {
      const next = { ...current };
      if (notice) next[id] = notice;
      else delete next[id];
      return next;
    });

  const decide = async (item: ApprovalItem, decision: ApprovalDecision) => {
    const comment = (drafts[item.id] ?? '').trim();
    if (decision === 'declined' && comment === '') {
      setMissing((current) => ({ ...current, [item.id]: true }));
      return;
    }
    setMissing((current) => ({ ...current, [item.id]: false }));
    setBusy(item.id);
    notify(item.id, undefined);
    const outcome = await sending.run(
      item.id,
      { decision, ...(comment ? { comment } : {}) },
      item.version,
    );
    if (outcome.ok) {
      const { data } = outcome;
      replace(data.approval);
      notify(item.id, data.changed ? { kind: 'decided', decision } : { kind: 'already' });
      if (data.changed) setDrafts((current) => ({ ...current, [item.id]: '' }));
    } else {
      const error = outcome.error;
      if (error instanceof ApiError && error.status === 409) {
        // Decided elsewhere (the card in Teams, another window), or replaced by a newer request:
        // show it as it stands now (the reload brings the newer request). The comments typed
        // stay in `drafts`, which the reload does not touch.
        notify(item.id, { kind: replaced(error) ? 'superseded' : 'conflict' });
        const reloaded = await approvals.reload();
        if (!reloaded.ok && !reloaded.aborted) {
          notify(item.id, { kind: 'error', message: describeError(reloaded.error, shellT) });
        }
      } else {
        notify(item.id, { kind: 'error', message: describeError(error, shellT) });
      }
    }
    setBusy(null);
  };

  if (approvals.error && !items) {
    return <LoadFailed error={approvals.error} onRetry={() => void approvals.reload()} />;
  }
  if (!items) return <Loading label={t('approvals.loading')} />;
  if (items.length === 0) return <Body1>{t('approvals.none')}</Body1>;

  const waiting = items.filter((i) => i.canDecide).length;
  return (
    <>
      <Body1>{t('approvals.waiting', { count: waiting })}</Body1>
      <ul className={styles.list} aria-label={t('approvals.listLabel')}>
        {items.map((item) => (
          <li key={item.id}>
            <ApprovalCard
              item={item}
              comment={drafts[item.id] ?? ''}
              onCommentChange={(value) => {
                setDrafts((current) => ({ ...current, [item.id]: value }));
                if (value.trim() !== '')
                  setMissing((current) => ({ ...current, [item.id]: false }));
              }}
              onDecide={(decision) => void decide(item, decision)}
              busy={busy === item.id}
              commentMissing={missing[item.id] === true}
              {...(notices[item.id] ? { notice: notices[item.id] } : {})}
            />
          </li>
        ))}
      </ul>
    </>
  );
}

/** True when a 409 says the request was replaced by a newer one (`details.current.status`). */
function replaced(error: ApiError): boolean {
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('current' in details)) return false;
  const current = details.current;
  return (
    typeof current === 'object' &&
    current !== null &&
    'status' in current &&
    current.status === 'superseded'
  );
}

/** A manager's requests for dedicated mentoring time: the same ones as the bot's cards. */
export default function ApprovalsScreen() {
  const t = useApprovalsT();
  const shellT = useT();
  return (
    <ScreenFrame id="approvals" title={shellT('approvals.title')} introText={t('approvals.intro')}>
      <ApprovalsContent />
      <TeamParticipation />
    </ScreenFrame>
  );
}
