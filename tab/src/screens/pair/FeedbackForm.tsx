import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Radio,
  RadioGroup,
  Subtitle2,
  Textarea,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { PairingFit, SessionView } from '../../../../src/contracts/pairs';
import { usePairT } from './i18n/usePairT';
import { usePair } from './PairContext';
import { useWrite, WriteNotice } from './WriteNotice';
import { useSessionPanelStyles as useStyles } from './session-panel-styles';

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
  // Unticked unless the author ticks it: the text reaches the lead's bilan only then.
  const [share, setShare] = useState(mine?.sharedWithLead ?? false);
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
          shareWithLead: share,
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
        {mine.sharedWithLead && (mine.worked || mine.suggestion) && (
          <Caption1 as="p" className={styles.muted}>
            {t('pair.feedback.sharedLine')}
          </Caption1>
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
      <Field hint={t('pair.feedback.shareHint')}>
        <Checkbox
          checked={share}
          onChange={(_, data) => setShare(data.checked === true)}
          label={t('pair.feedback.share')}
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
