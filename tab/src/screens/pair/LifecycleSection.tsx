import {
  Badge,
  Body1,
  Button,
  Field,
  makeStyles,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { PairState } from '../../../../src/contracts/pairs';
import { ConfirmDialog } from './ConfirmDialog';
import { usePairT } from './i18n/usePairT';
import { usePair } from './PairContext';
import { ManagerApprovals } from './ManagerApprovals';
import { declinedApprovals, localDate } from './pair-model';
import { useFormat } from './useFormat';
import { useWrite, WriteNotice } from './WriteNotice';
import { DateInput } from '../../components/DateInput';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  text: { margin: 0 },
});

const stateColor: Record<PairState, 'informative' | 'success' | 'warning' | 'subtle' | 'brand'> = {
  proposed: 'subtle',
  accepted: 'informative',
  awaiting_approval: 'informative',
  active: 'success',
  paused: 'warning',
  completed: 'brand',
  ended: 'subtle',
};

type Move = 'pause' | 'resume' | 'complete' | 'end';

/** The pair's state and its moves: pause until a date, resume, complete, end early with a reason. */
export function LifecycleSection() {
  const styles = useStyles();
  const t = usePairT();
  const format = useFormat();
  const { pair, write } = usePair();
  const [dialog, setDialog] = useState<Move | null>(null);
  const [until, setUntil] = useState(() => localDate(new Date(), 14));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, notice, setNotice, run } = useWrite();
  const moves = (['pause', 'resume', 'complete', 'end'] as const).filter((m) =>
    pair.can.includes(m),
  );
  const name = pair.partner.displayName;
  const declined = declinedApprovals(pair);

  const confirm = () => {
    const move = dialog;
    if (!move) return;
    let body: Record<string, unknown> = {};
    if (move === 'pause') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || until <= localDate(new Date())) {
        setProblem(t('pair.life.pause.untilProblem'));
        return;
      }
      body = { until };
    }
    if (move === 'end') {
      if (reason.trim() === '') {
        setProblem(t('pair.life.end.reasonMissing'));
        return;
      }
      body = { reason: reason.trim() };
    }
    setProblem(null);
    setDialog(null);
    void run(() => write('POST', `/${move}`, body), t(`pair.life.${move}.done`)).then((outcome) => {
      if (outcome.ok && move === 'end') setReason('');
    });
  };

  return (
    <div className={styles.column}>
      <div className={styles.row}>
        <Body1 as="p" className={styles.text}>
          {t('pair.life.state')}
        </Body1>
        {declined.length > 0 ? (
          <Badge appearance="filled" color="danger">
            {t('pair.state.declined')}
          </Badge>
        ) : (
          <Badge appearance="filled" color={stateColor[pair.state]}>
            {t(`pair.state.${pair.state}`)}
          </Badge>
        )}
      </div>
      {pair.state === 'paused' && pair.pausedUntil && (
        <Body1 as="p" className={styles.text}>
          {t('pair.life.pausedUntil', { date: format.day(pair.pausedUntil) })}
        </Body1>
      )}
      {pair.state === 'ended' && pair.endReason && (
        <Body1 as="p" className={styles.text}>
          {t('pair.life.endedBecause', { reason: pair.endReason })}
        </Body1>
      )}
      {pair.state === 'awaiting_approval' && (
        <>
          <Body1 as="p" className={styles.text}>
            {declined.length > 0
              ? t('pair.life.declined', {
                  managers: format.list(declined.map((a) => a.managerName)),
                })
              : t('pair.life.awaitingApproval')}
          </Body1>
          <ManagerApprovals />
        </>
      )}
      {pair.flaggedForLead && (
        <Body1 as="p" className={styles.text}>
          {t('pair.life.flagged')}
        </Body1>
      )}
      <WriteNotice notice={notice} onClear={() => setNotice({ kind: 'none' })} />
      {moves.length > 0 && (
        <div className={styles.row}>
          {moves.map((move) => (
            <Button
              key={move}
              disabled={busy}
              onClick={() => {
                setProblem(null);
                setDialog(move);
              }}
            >
              {t(`pair.life.${move}`)}
            </Button>
          ))}
        </div>
      )}
      <ConfirmDialog
        open={dialog !== null}
        title={dialog ? t(`pair.life.${dialog}.title`) : ''}
        confirmLabel={dialog ? t(`pair.life.${dialog}.confirm`) : ''}
        onCancel={() => setDialog(null)}
        onConfirm={confirm}
        busy={busy}
      >
        <div className={styles.column}>
          <Body1 as="p" className={styles.text}>
            {dialog ? t(`pair.life.${dialog}.body`, { name }) : ''}
          </Body1>
          {dialog === 'pause' && (
            <Field
              label={t('pair.life.pause.until')}
              required
              validationMessage={problem ?? undefined}
            >
              <DateInput
                value={until}
                min={localDate(new Date(), 1)}
                onChange={(_, data) => setUntil(data.value)}
              />
            </Field>
          )}
          {dialog === 'end' && (
            <Field
              label={t('pair.life.end.reason')}
              required
              validationMessage={problem ?? undefined}
            >
              <Textarea
                value={reason}
                maxLength={500}
                onChange={(_, data) => setReason(data.value)}
              />
            </Field>
          )}
        </div>
      </ConfirmDialog>
    </div>
  );
}
