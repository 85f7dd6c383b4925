import {
  Body1,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type {
  ApprovalDecisionResponse,
  ApprovalItem,
  ApprovalListResponse,
} from '../../../../src/contracts/approvals';
import type { ApprovalDecision } from '../../../../src/domain/approval';
import { api, apiRequest, ApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { SessionGate } from '../../auth/SessionProvider';
import { useT } from '../../i18n/I18nProvider';
import { ApprovalCard, type CardNotice } from './ApprovalCard';
import { useApprovalsT } from './approvals-i18n';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
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
  const [items, setItems] = useState<ApprovalItem[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  // Comments being typed, by request: kept across reloads (a 409 reloads the list).
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const [notices, setNotices] = useState<Record<string, CardNotice>>({});
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async (signal?: AbortSignal) => {
    const list = await api.get<ApprovalListResponse>('/api/approvals', { signal });
    setItems(list.approvals);
    setLoadError(null);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).catch((e: unknown) => {
      if (!controller.signal.aborted) setLoadError(e);
    });
    return () => controller.abort();
  }, [load]);

  const replace = (next: ApprovalItem) =>
    setItems((current) => current?.map((i) => (i.id === next.id ? next : i)) ?? [next]);
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
    try {
      const { data } = await apiRequest<ApprovalDecisionResponse>(
        `/api/approvals/${encodeURIComponent(item.id)}/decision`,
        {
          method: 'POST',
          body: { decision, ...(comment ? { comment } : {}) },
          ifMatch: item.version,
        },
      );
      replace(data.approval);
      notify(item.id, data.changed ? { kind: 'decided', decision } : { kind: 'already' });
      if (data.changed) setDrafts((current) => ({ ...current, [item.id]: '' }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        // Decided elsewhere (the card in Teams, another window), or replaced by a newer request:
        // show it as it stands now (the reload brings the newer request).
        notify(item.id, { kind: replaced(error) ? 'superseded' : 'conflict' });
        try {
          await load();
        } catch (reloadError) {
          notify(item.id, { kind: 'error', message: describeError(reloadError, shellT) });
        }
      } else {
        notify(item.id, { kind: 'error', message: describeError(error, shellT) });
      }
    } finally {
      setBusy(null);
    }
  };

  if (loadError && !items) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{describeError(loadError, shellT)}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!items) return <Spinner size="small" label={t('approvals.loading')} />;
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
  const styles = useStyles();
  const t = useApprovalsT();
  const shellT = useT();
  return (
    <section className={styles.screen} aria-labelledby="approvals-title">
      <Title1 as="h1" id="approvals-title" className={styles.title}>
        {shellT('approvals.title')}
      </Title1>
      <Caption1 as="p" className={styles.muted}>
        {t('approvals.intro')}
      </Caption1>
      <SessionGate>
        <ApprovalsContent />
      </SessionGate>
    </section>
  );
}
