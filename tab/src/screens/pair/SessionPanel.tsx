import { Button, Caption1 } from '@fluentui/react-components';
import { useState } from 'react';
import type { SessionView } from '../../../../src/contracts/pairs';
import { ConfirmDialog } from './ConfirmDialog';
import { usePairT } from './i18n/usePairT';
import { usePair } from './PairContext';
import { useWrite, WriteNotice } from './WriteNotice';
import { useSessionPanelStyles as useStyles } from './session-panel-styles';
import { ActionItems } from './ActionItems';
import { SharedNotesForm } from './SharedNotesForm';
import { PrivateNote } from './PrivateNote';
import { FeedbackForm } from './FeedbackForm';

function StatusActions({ session }: { session: SessionView }) {
  const styles = useStyles();
  const t = usePairT();
  const { pair, write } = usePair();
  const { busy, notice, setNotice, run } = useWrite();
  const [confirmCancel, setConfirmCancel] = useState(false);
  if (pair.state === 'ended' || session.status === 'cancelled') return null;
  const started = new Date(session.start).getTime() <= Date.now();
  const set = (status: 'held' | 'missed' | 'cancelled') =>
    void run(
      () => write('POST', `/sessions/${encodeURIComponent(session.id)}/status`, { status }),
      t(`pair.session.marked.${status}`, { index: session.index }),
    );
  return (
    <div className={styles.column}>
      <WriteNotice notice={notice} onClear={() => setNotice({ kind: 'none' })} />
      <div className={styles.row}>
        {started && session.status !== 'held' && (
          <Button appearance="primary" disabled={busy} onClick={() => set('held')}>
            {t('pair.session.markHeld')}
          </Button>
        )}
        {started && session.status !== 'missed' && (
          <Button disabled={busy} onClick={() => set('missed')}>
            {t('pair.session.markMissed')}
          </Button>
        )}
        {!started && session.status === 'planned' && (
          <Button disabled={busy} onClick={() => setConfirmCancel(true)}>
            {t('pair.session.cancel')}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={confirmCancel}
        title={t('pair.session.cancel.title', { index: session.index })}
        confirmLabel={t('pair.session.cancel.confirm')}
        onCancel={() => setConfirmCancel(false)}
        onConfirm={() => {
          setConfirmCancel(false);
          set('cancelled');
        }}
      >
        {t('pair.session.cancel.body')}
      </ConfirmDialog>
    </div>
  );
}

/** Everything about one session: its status, notes (shared and private), action items, feedback. */
export function SessionPanel({ session }: { session: SessionView }) {
  const styles = useStyles();
  const t = usePairT();
  const { pair } = usePair();
  const ended = new Date(session.start).getTime() + session.durationMinutes * 60_000 <= Date.now();
  const takesFeedback =
    session.status === 'held' || (session.status === 'planned' && ended) || session.feedbackGiven;
  return (
    <div className={styles.column}>
      <StatusActions session={session} />
      {session.status === 'held' && session.feedbackReceived && (
        <Caption1 as="p" className={styles.muted}>
          {t('pair.session.feedbackReceived', { name: pair.partner.displayName })}
        </Caption1>
      )}
      {session.status !== 'cancelled' && takesFeedback && pair.state !== 'ended' && (
        <FeedbackForm session={session} />
      )}
      <SharedNotesForm session={session} />
      <ActionItems session={session} />
      <PrivateNote session={session} />
    </div>
  );
}
