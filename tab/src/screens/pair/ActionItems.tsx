import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Subtitle2,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { ActionItemView, PairView, SessionView } from '../../../../src/contracts/pairs';
import { usePairT } from './i18n/usePairT';
import { usePair } from './PairContext';
import { localDate } from './pair-model';
import { useFormat } from './useFormat';
import { useWrite, WriteNotice } from './WriteNotice';
import { useSessionPanelStyles as useStyles } from './session-panel-styles';
import { DateInput } from '../../components/DateInput';

/** An action item's line: text, owner, due date. */
export function actionItemLabel(
  item: ActionItemView,
  pair: PairView,
  t: ReturnType<typeof usePairT>,
  day: (iso: string) => string,
): string {
  const owner = item.ownerId === pair.me.personId ? t('pair.you') : pair.partner.displayName;
  if (!item.dueDate) return t('pair.items.line', { text: item.text, owner });
  const late = !item.done && item.dueDate < localDate(new Date());
  return t(late ? 'pair.items.lineLate' : 'pair.items.lineDue', {
    text: item.text,
    owner,
    date: day(item.dueDate),
  });
}

/** A done checkbox for an action item (either member may tick it). */
export function ActionItemToggle({ item }: { item: ActionItemView }) {
  const t = usePairT();
  const format = useFormat();
  const { pair, write } = usePair();
  const { busy, notice, setNotice, run } = useWrite();
  return (
    <li>
      <Checkbox
        checked={item.done}
        disabled={busy || pair.state === 'ended'}
        label={actionItemLabel(item, pair, t, format.day)}
        onChange={(_, data) =>
          void run(() =>
            write(
              'POST',
              `/sessions/${encodeURIComponent(item.sessionId)}/action-items/${encodeURIComponent(item.id)}/done`,
              { done: data.checked === true },
            ),
          )
        }
      />
      <WriteNotice notice={notice} onClear={() => setNotice({ kind: 'none' })} />
    </li>
  );
}

/** A session's action items: tick them off, add one. */
export function ActionItems({ session }: { session: SessionView }) {
  const styles = useStyles();
  const t = usePairT();
  const { pair, write } = usePair();
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState(
    pair.myRole === 'mentor' ? pair.partner.personId : pair.me.personId,
  );
  const [dueDate, setDueDate] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, notice, setNotice, run } = useWrite();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    const outcome = await run(
      () =>
        write('POST', `/sessions/${encodeURIComponent(session.id)}/action-items`, {
          id: crypto.randomUUID(),
          text: text.trim(),
          ownerId,
          ...(dueDate ? { dueDate } : {}),
        }),
      t('pair.items.added'),
    );
    if (outcome.ok) {
      setText('');
      setDueDate('');
    }
  };
  return (
    <div className={styles.block}>
      <Subtitle2 as="h4" className={styles.heading}>
        {t('pair.items.title')}
      </Subtitle2>
      {session.actionItems.length === 0 ? (
        <Body1 as="p" className={styles.muted}>
          {t('pair.items.none')}
        </Body1>
      ) : (
        <ul className={styles.list}>
          {session.actionItems.map((item) => (
            <ActionItemToggle key={item.id} item={item} />
          ))}
        </ul>
      )}
      {pair.state !== 'ended' && (
        <form className={styles.column} onSubmit={(e) => void submit(e)} noValidate>
          <WriteNotice
            notice={notice}
            onClear={() => setNotice({ kind: 'none' })}
            keepsTyping
            fieldLabel={(path) =>
              path === 'text'
                ? t('pair.items.text')
                : path === 'dueDate'
                  ? t('pair.items.due')
                  : undefined
            }
          />
          <div className={styles.row}>
            <Field
              label={t('pair.items.text')}
              className={styles.grow}
              validationMessage={missing ? t('pair.items.textMissing') : undefined}
            >
              <Input value={text} maxLength={300} onChange={(_, data) => setText(data.value)} />
            </Field>
            <Field label={t('pair.items.owner')}>
              <Select value={ownerId} onChange={(_, data) => setOwnerId(data.value)}>
                <option value={pair.me.personId}>{t('pair.you')}</option>
                <option value={pair.partner.personId}>{pair.partner.displayName}</option>
              </Select>
            </Field>
            <Field label={t('pair.items.due')}>
              <DateInput value={dueDate} onChange={(_, data) => setDueDate(data.value)} />
            </Field>
            <Button type="submit" disabled={busy}>
              {t('pair.items.add')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
