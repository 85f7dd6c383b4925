import { Button, Caption1, Field, Subtitle2, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { PairResponse, SessionView } from '../../../../src/contracts/pairs';
import { usePairT } from './i18n/usePairT';
import { usePair } from './PairContext';
import { mergeTyped } from './pair-model';
import { useWrite, WriteNotice } from './WriteNotice';
import { useSessionPanelStyles as useStyles } from './session-panel-styles';

type NotesValues = { agenda: string; sharedNotes: string };

/** The agenda and notes both members see, saved with the pair's version. */
export function SharedNotesForm({ session }: { session: SessionView }) {
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
