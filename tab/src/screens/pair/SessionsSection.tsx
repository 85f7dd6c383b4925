import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Field,
  makeStyles,
  Textarea,
  tokens,
  type AccordionToggleData,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { SessionStatus, SessionView } from '../../../../src/contracts/pairs';
import { usePairT } from './i18n/usePairT';
import { usePair } from './PairContext';
import { focusSessionId, isoFromLocalInput } from './pair-model';
import { SessionPanel } from './SessionPanel';
import { useFormat } from './useFormat';
import { useWrite, WriteNotice } from './WriteNotice';
import { DateInput } from '../../components/DateInput';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
  },
  grow: { flexGrow: 1, minWidth: '14rem' },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  form: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

const badgeColor: Record<SessionStatus, 'informative' | 'success' | 'warning' | 'subtle'> = {
  planned: 'informative',
  held: 'success',
  missed: 'warning',
  cancelled: 'subtle',
};

function PlanSessionForm({ onPlanned }: { onPlanned: (sessionId: string) => void }) {
  const styles = useStyles();
  const t = usePairT();
  const { pair, write } = usePair();
  const [start, setStart] = useState('');
  const [agenda, setAgenda] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, notice, setNotice, run } = useWrite();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const iso = isoFromLocalInput(start);
    setMissing(iso === null);
    if (iso === null) return;
    const before = new Set(pair.sessions.map((s) => s.id));
    const outcome = await run(
      () =>
        write('POST', '/sessions', {
          start: iso,
          ...(agenda.trim() !== '' ? { agenda: agenda.trim() } : {}),
        }),
      t('pair.plan.done'),
    );
    if (outcome.ok) {
      setStart('');
      setAgenda('');
      const added = outcome.pair.sessions.find((s) => !before.has(s.id));
      if (added) onPlanned(added.id);
    }
  };
  return (
    <form className={`${styles.column} ${styles.form}`} onSubmit={(e) => void submit(e)} noValidate>
      <WriteNotice notice={notice} onClear={() => setNotice({ kind: 'none' })} keepsTyping />
      <div className={styles.row}>
        <Field
          label={t('pair.plan.start')}
          hint={t('pair.plan.startHint', { minutes: pair.agreement.frame.durationMinutes })}
          validationMessage={missing ? t('pair.plan.startMissing') : undefined}
        >
          <DateInput
            type="datetime-local"
            value={start}
            onChange={(_, data) => setStart(data.value)}
          />
        </Field>
        <Field label={t('pair.plan.agenda')} className={styles.grow}>
          <Textarea
            value={agenda}
            onChange={(_, data) => setAgenda(data.value)}
            rows={1}
            resize="vertical"
          />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('pair.plan.submit')}
        </Button>
      </div>
    </form>
  );
}

function SessionHeader({ session }: { session: SessionView }) {
  const styles = useStyles();
  const t = usePairT();
  const format = useFormat();
  return (
    <span className={styles.header}>
      <span>
        {t('pair.session.heading', { index: session.index, when: format.dateTime(session.start) })}
      </span>
      <Badge appearance="tint" color={badgeColor[session.status]}>
        {t(`pair.session.status.${session.status}`)}
      </Badge>
      {session.awaitingMyFeedback && (
        <Badge appearance="outline" color="important">
          {t('pair.session.feedbackDue')}
        </Badge>
      )}
    </span>
  );
}

/** The sessions, oldest first, each opening on its notes, action items and feedback. */
export function SessionsSection() {
  const styles = useStyles();
  const t = usePairT();
  const { pair } = usePair();
  const [open, setOpen] = useState<string[]>(() => {
    const first = focusSessionId(pair);
    return first ? [first] : [];
  });
  const onToggle = (_: unknown, data: AccordionToggleData<string>) => setOpen(data.openItems);
  return (
    <div className={styles.column}>
      {pair.can.includes('plan_session') && (
        <PlanSessionForm onPlanned={(id) => setOpen((current) => [...new Set([...current, id])])} />
      )}
      {pair.sessions.length === 0 ? (
        <Body1 as="p" className={styles.muted}>
          {t('pair.sessions.none')}
        </Body1>
      ) : (
        <Accordion multiple collapsible openItems={open} onToggle={onToggle}>
          {pair.sessions.map((session) => (
            <AccordionItem key={session.id} value={session.id}>
              <AccordionHeader as="h3">
                <SessionHeader session={session} />
              </AccordionHeader>
              <AccordionPanel>
                {open.includes(session.id) && <SessionPanel session={session} />}
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </div>
  );
}
