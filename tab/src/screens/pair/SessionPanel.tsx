import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type {
  ActionItemView,
  PairResponse,
  PairView,
  PairingFit,
  SessionView,
} from '../../../../src/contracts/pairs';
import { ApiError } from '../../api/client';
import { savePrivateNote } from '../../api/pairs';
import { describeError } from '../../api/errors';
import { useT } from '../../i18n/I18nProvider';
import { ConfirmDialog } from './ConfirmDialog';
import { usePairT } from './i18n/usePairT';
import { usePair } from './PairContext';
import { conflictNote, localDate, mergeTyped } from './pair-model';
import { useFormat } from './useFormat';
import { useWrite, WriteNotice } from './WriteNotice';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  block: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
  },
  grow: { flexGrow: 1, minWidth: '14rem' },
  heading: { margin: 0 },
  text: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  private: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  list: { margin: 0, padding: 0, listStyleType: 'none' },
});

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

type NotesValues = { agenda: string; sharedNotes: string };

function SharedNotesForm({ session }: { session: SessionView }) {
  const styles = useStyles();
  const t = usePairT();
  const { pair, version, write } = usePair();
  // The version the notes were read from. If the dashboard has since shown other notes for this
  // session, saving on it makes that a conflict to merge; otherwise the latest version is safe.
  const [baseVersion, setBaseVersion] = useState(version);
  const shown = pair.sessions.find((s) => s.id === session.id);
  const [base, setBase] = useState<NotesValues>({
    agenda: session.agenda,
    sharedNotes: session.sharedNotes,
  });
  const [values, setValues] = useState<NotesValues>(base);
  const { busy, notice, setNotice, run } = useWrite();
  const changed = values.agenda !== base.agenda || values.sharedNotes !== base.sharedNotes;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: Partial<NotesValues> = {};
    if (values.agenda !== base.agenda) body.agenda = values.agenda;
    if (values.sharedNotes !== base.sharedNotes) body.sharedNotes = values.sharedNotes;
    const outcome = await run(
      () =>
        write('PUT', `/sessions/${encodeURIComponent(session.id)}/notes`, {
          ...body,
          version:
            shown?.agenda === base.agenda && shown.sharedNotes === base.sharedNotes
              ? version
              : baseVersion,
        }),
      t('pair.notes.saved'),
    );
    if (outcome.ok) {
      const saved = outcome.pair.sessions.find((s) => s.id === session.id);
      const next = { agenda: saved?.agenda ?? '', sharedNotes: saved?.sharedNotes ?? '' };
      setBase(next);
      setValues(next);
      setBaseVersion(outcome.version);
    }
  };
  const reloaded = (current: PairResponse) => {
    const latestSession = current.pair.sessions.find((s) => s.id === session.id);
    const latest = {
      agenda: latestSession?.agenda ?? '',
      sharedNotes: latestSession?.sharedNotes ?? '',
    };
    setValues((typed) => mergeTyped(base, typed, latest));
    setBase(latest);
    setBaseVersion(current.version);
  };

  return (
    <form className={styles.block} onSubmit={(e) => void submit(e)} noValidate>
      <Subtitle2 as="h4" className={styles.heading}>
        {t('pair.notes.title')}
      </Subtitle2>
      <Caption1 as="p" className={styles.muted}>
        {t('pair.notes.shared')}
      </Caption1>
      <WriteNotice
        notice={notice}
        onClear={() => setNotice({ kind: 'none' })}
        onReloaded={reloaded}
        keepsTyping
        fieldLabel={(path) =>
          path === 'agenda'
            ? t('pair.notes.agenda')
            : path === 'sharedNotes'
              ? t('pair.notes.sharedNotes')
              : undefined
        }
      />
      <Field label={t('pair.notes.agenda')}>
        <Textarea
          value={values.agenda}
          onChange={(_, data) => setValues((v) => ({ ...v, agenda: data.value }))}
          resize="vertical"
        />
      </Field>
      <Field label={t('pair.notes.sharedNotes')}>
        <Textarea
          value={values.sharedNotes}
          onChange={(_, data) => setValues((v) => ({ ...v, sharedNotes: data.value }))}
          resize="vertical"
          rows={4}
        />
      </Field>
      <div className={styles.row}>
        <Button type="submit" disabled={busy || !changed}>
          {t('pair.notes.save')}
        </Button>
      </div>
    </form>
  );
}

function PrivateNote({ session }: { session: SessionView }) {
  const styles = useStyles();
  const t = usePairT();
  const tt = useT();
  const { pair, privateNotes, noteSaved, announce } = usePair();
  const saved = privateNotes.find((n) => n.sessionId === session.id);
  const [text, setText] = useState(saved?.text ?? '');
  const [version, setVersion] = useState(saved?.version ?? '0');
  const [state, setState] = useState<
    | { kind: 'none' }
    | { kind: 'saved' }
    | { kind: 'conflict'; latest: string }
    | { kind: 'failed'; error: unknown }
  >({ kind: 'none' });
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const response = await savePrivateNote(pair.id, session.id, { text, version });
      noteSaved(response.note);
      setVersion(response.note.version);
      setState({ kind: 'saved' });
      announce(t('pair.private.saved'));
    } catch (error) {
      const latest = error instanceof ApiError ? conflictNote(error.details) : null;
      if (latest) {
        // Written in another window: keep this text, take the new version, say what the other was.
        setVersion(latest.version);
        setState({ kind: 'conflict', latest: latest.text });
      } else setState({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={`${styles.block} ${styles.private}`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <Subtitle2 as="h4" className={styles.heading}>
        {t('pair.private.title')}
      </Subtitle2>
      {state.kind === 'saved' && (
        <Body1 as="p" className={styles.muted}>
          {t('pair.private.saved')}
        </Body1>
      )}
      {state.kind === 'conflict' && (
        <Body1 as="p" role="alert" className={styles.text}>
          {t('pair.private.conflict', { text: state.latest })}
        </Body1>
      )}
      {state.kind === 'failed' && (
        <Body1 as="p" role="alert" className={styles.text}>
          {describeError(state.error, tt)} {t('pair.error.kept')}
        </Body1>
      )}
      <Field
        label={t('pair.private.label', { index: session.index })}
        hint={
          <>
            <strong>{t('pair.private.onlyYou')}</strong>{' '}
            {t('pair.private.who', { name: pair.partner.displayName })}
          </>
        }
      >
        <Textarea value={text} onChange={(_, data) => setText(data.value)} resize="vertical" />
      </Field>
      <div className={styles.row}>
        <Button type="submit" disabled={busy || pair.state === 'ended'}>
          {t('pair.private.save')}
        </Button>
      </div>
    </form>
  );
}

function ActionItems({ session }: { session: SessionView }) {
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
              <Input type="date" value={dueDate} onChange={(_, data) => setDueDate(data.value)} />
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

const ratings = [1, 2, 3, 4] as const;
const fits: PairingFit[] = ['good', 'unsure', 'poor'];

/** Feedback to the partner after a session: rating 1–4, what worked, one suggestion (+ fit). */
export function FeedbackForm({ session }: { session: SessionView }) {
  const styles = useStyles();
  const t = usePairT();
  const { pair, write } = usePair();
  const mine = pair.feedback.given.find((f) => f.sessionId === session.id);
  const [editing, setEditing] = useState(!mine);
  const [rating, setRating] = useState(mine ? String(mine.rating) : '');
  const [worked, setWorked] = useState(mine?.worked ?? '');
  const [suggestion, setSuggestion] = useState(mine?.suggestion ?? '');
  const [fit, setFit] = useState<string>(mine?.pairingFit ?? '');
  const [problems, setProblems] = useState<{ rating?: boolean; fit?: boolean }>({});
  const { busy, notice, setNotice, run } = useWrite();
  const name = pair.partner.displayName;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = { rating: rating === '', fit: session.asksPairingFit && fit === '' };
    setProblems(found);
    if (found.rating || found.fit) return;
    const outcome = await run(
      () =>
        write('PUT', `/sessions/${encodeURIComponent(session.id)}/feedback`, {
          rating: Number(rating),
          worked: worked.trim(),
          suggestion: suggestion.trim(),
          ...(fit !== '' ? { pairingFit: fit } : {}),
        }),
      t('pair.feedback.sent', { name }),
    );
    if (outcome.ok) setEditing(false);
  };

  if (!editing && mine) {
    return (
      <div className={styles.block}>
        <Subtitle2 as="h4" className={styles.heading}>
          {t('pair.feedback.yours')}
        </Subtitle2>
        <WriteNotice notice={notice} onClear={() => setNotice({ kind: 'none' })} />
        <Body1 as="p" className={styles.text}>
          {t('pair.feedback.ratingLine', {
            rating: mine.rating,
            label: t(`pair.feedback.rating.${mine.rating as 1 | 2 | 3 | 4}`),
          })}
        </Body1>
        {mine.worked && (
          <Body1 as="p" className={styles.text}>
            {t('pair.feedback.workedLine', { text: mine.worked })}
          </Body1>
        )}
        {mine.suggestion && (
          <Body1 as="p" className={styles.text}>
            {t('pair.feedback.suggestionLine', { text: mine.suggestion })}
          </Body1>
        )}
        {pair.state !== 'ended' && (
          <div className={styles.row}>
            <Button onClick={() => setEditing(true)}>{t('pair.feedback.change')}</Button>
          </div>
        )}
      </div>
    );
  }

  return (
    <form className={styles.block} onSubmit={(e) => void submit(e)} noValidate>
      <Subtitle2 as="h4" className={styles.heading}>
        {t('pair.feedback.title', { name })}
      </Subtitle2>
      <Caption1 as="p" className={styles.muted}>
        {pair.myRole === 'mentee' ? t('pair.feedback.whyMentee') : t('pair.feedback.whyMentor')}
      </Caption1>
      <WriteNotice
        notice={notice}
        onClear={() => setNotice({ kind: 'none' })}
        keepsTyping
        fieldLabel={(path) =>
          ({
            rating: t('pair.feedback.rating'),
            worked: t('pair.feedback.worked'),
            suggestion: t('pair.feedback.suggestion'),
            pairingFit: t('pair.feedback.fit'),
          })[path]
        }
      />
      <Field
        label={t('pair.feedback.rating')}
        required
        validationMessage={problems.rating ? t('pair.feedback.ratingMissing') : undefined}
      >
        <RadioGroup
          value={rating}
          onChange={(_, data) => setRating(data.value)}
          layout="horizontal"
        >
          {ratings.map((r) => (
            <Radio key={r} value={String(r)} label={`${r} – ${t(`pair.feedback.rating.${r}`)}`} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t('pair.feedback.worked')}>
        <Textarea
          value={worked}
          maxLength={1000}
          onChange={(_, data) => setWorked(data.value)}
          resize="vertical"
        />
      </Field>
      <Field label={t('pair.feedback.suggestion')} hint={t('pair.feedback.suggestionHint')}>
        <Textarea
          value={suggestion}
          maxLength={1000}
          onChange={(_, data) => setSuggestion(data.value)}
          resize="vertical"
        />
      </Field>
      {session.asksPairingFit && (
        <Field
          label={t('pair.feedback.fit')}
          hint={t('pair.feedback.fitHint', { name })}
          required
          validationMessage={problems.fit ? t('pair.feedback.fitMissing') : undefined}
        >
          <RadioGroup value={fit} onChange={(_, data) => setFit(data.value)}>
            {fits.map((f) => (
              <Radio key={f} value={f} label={t(`pair.feedback.fit.${f}`)} />
            ))}
          </RadioGroup>
        </Field>
      )}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {t('pair.feedback.send')}
        </Button>
        {mine && (
          <Button onClick={() => setEditing(false)} disabled={busy}>
            {t('pair.cancel')}
          </Button>
        )}
      </div>
    </form>
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
