import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { RetentionResponse } from '../../../../src/contracts/privacy';
import { describeError } from '../../api/errors';
import { getRetention, setRetention } from '../../api/privacy';
import { LoadFailed, Loading } from '../../components/LoadState';
import { useMutation } from '../../data/useMutation';
import { useResource } from '../../data/useResource';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { useRetentionT } from './retention-i18n';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  months: { width: '8rem' },
});

/**
 * How long the programme keeps personal data after it closes, and when the purge happens: the
 * lead reads it and changes the period (default 12 months) until the data is purged.
 */
export function RetentionPanel({ programmeId, status }: { programmeId: string; status: string }) {
  const styles = useStyles();
  const t = useRetentionT();
  const common = useT();
  const locale = useLocale();
  // The status in the key: closing the programme sets the purge date.
  const resource = useResource(`retention:${programmeId}:${status}`, (signal) =>
    getRetention(programmeId, signal),
  );
  const [typed, setTyped] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = useMutation((months: number, version: string) =>
    setRetention(programmeId, { retentionMonths: months }, version),
  );

  if (resource.error !== null && !resource.data) {
    return <LoadFailed error={resource.error} onRetry={() => void resource.reload()} />;
  }
  const data = resource.data;
  if (!data) return <Loading label={t('retention.loading')} />;

  const day = (iso: string) =>
    new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' }).format(
      new Date(iso),
    );
  const value = typed ?? String(data.retentionMonths);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const months = Number(value);
    if (!/^\d+$/.test(value.trim()) || months < 1 || months > 120) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const outcome = await save.run(months, data.version);
    if (outcome.ok) {
      resource.setData(outcome.data satisfies RetentionResponse);
      setTyped(null);
      setSaved(true);
    } else if (outcome.conflict) {
      // Someone changed it meanwhile: show theirs, keep what was typed in the box.
      await resource.reload();
    }
  };

  return (
    <section className={styles.section} aria-labelledby={`retention-${programmeId}`}>
      <Subtitle2 as="h3" id={`retention-${programmeId}`}>
        {t('retention.title')}
      </Subtitle2>
      <Body1 as="p">
        {data.purgedAt
          ? t('retention.purged', {
              date: day(data.purgedAt),
              pairs: data.anonymousSummary?.pairs ?? 0,
              held: data.anonymousSummary?.sessionsHeld ?? 0,
              participants: data.anonymousSummary?.participants ?? 0,
            })
          : data.purgeAt && data.closedAt
            ? t('retention.closed', { closed: day(data.closedAt), date: day(data.purgeAt) })
            : t('retention.open', { months: data.retentionMonths })}
      </Body1>
      {!data.purgedAt && (
        <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
          <Field
            label={t('retention.months')}
            validationState={invalid ? 'error' : 'none'}
            validationMessage={invalid ? t('retention.invalid') : undefined}
          >
            <Input
              className={styles.months}
              type="number"
              inputMode="numeric"
              min={1}
              max={120}
              value={value}
              onChange={(_, d) => {
                setTyped(d.value);
                setSaved(false);
              }}
            />
          </Field>
          <Button type="submit" disabled={save.busy}>
            {t('retention.save')}
          </Button>
        </form>
      )}
      <div role="status" aria-live="polite">
        {saved && <Body1>{t('retention.saved')}</Body1>}
        {save.error !== null && (
          <Body1>{t('retention.failed', { message: describeError(save.error, common) })}</Body1>
        )}
      </div>
    </section>
  );
}
