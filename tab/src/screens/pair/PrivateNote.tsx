import { Body1, Button, Field, Subtitle2, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { SessionView } from '../../../../src/contracts/pairs';
import { ApiError } from '../../api/client';
import { savePrivateNote } from '../../api/pairs';
import { describeError } from '../../api/errors';
import { useT } from '../../i18n/I18nProvider';
import { usePairT } from './i18n/usePairT';
import { usePair } from './PairContext';
import { conflictNote } from './pair-model';
import { useSessionPanelStyles as useStyles } from './session-panel-styles';

/** The caller's own note on a session, which the partner never sees. */
export function PrivateNote({ session }: { session: SessionView }) {
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
