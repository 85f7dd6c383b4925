import {
  Body1,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { EraseResponse } from '../../../../src/contracts/privacy';
import { describeError } from '../../api/errors';
import { downloadMyData, eraseMyData } from '../../api/privacy';
import { useMutation } from '../../data/useMutation';
import { useT } from '../../i18n/I18nProvider';
import { usePersonalDataT } from './personal-data-i18n';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  dialogText: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type Notice =
  | { kind: 'none' }
  | { kind: 'exported' }
  | { kind: 'exportFailed'; message: string }
  | { kind: 'erased'; result: EraseResponse };

/** "Your data": download everything held about you as JSON; erase it after an explicit confirmation. */
export function PersonalData() {
  const styles = useStyles();
  const t = usePersonalDataT();
  const common = useT();
  const [notice, setNotice] = useState<Notice>({ kind: 'none' });
  const [exporting, setExporting] = useState(false);
  const [open, setOpen] = useState(false);
  const [checked, setChecked] = useState(false);
  const [checkMissing, setCheckMissing] = useState(false);
  const erase = useMutation(eraseMyData);

  const download = async () => {
    setExporting(true);
    try {
      const blob = await downloadMyData();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = 'mentoring-data.json';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setNotice({ kind: 'exported' });
    } catch (error) {
      setNotice({ kind: 'exportFailed', message: describeError(error, common) });
    } finally {
      setExporting(false);
    }
  };

  const close = () => {
    setOpen(false);
    setChecked(false);
    setCheckMissing(false);
    erase.reset();
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (!checked) {
      setCheckMissing(true);
      return;
    }
    const outcome = await erase.run();
    if (outcome.ok) {
      setOpen(false);
      setNotice({ kind: 'erased', result: outcome.data });
    }
  };

  return (
    <section className={styles.section} aria-labelledby="personal-data-title">
      <Subtitle1 as="h2" id="personal-data-title">
        {t('data.title')}
      </Subtitle1>
      <Body1 as="p">
        {t('data.intro')}{' '}
        <Link href="/privacy" target="_blank" rel="noreferrer">
          {t('data.privacyLink')}
        </Link>
      </Body1>
      <div className={styles.actions}>
        <Button onClick={() => void download()} disabled={exporting || notice.kind === 'erased'}>
          {exporting ? t('data.exporting') : t('data.export')}
        </Button>
        <Button onClick={() => setOpen(true)} disabled={notice.kind === 'erased'}>
          {t('data.erase')}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {notice.kind === 'exported' && (
          <MessageBar intent="success">
            <MessageBarBody>{t('data.exported')}</MessageBarBody>
          </MessageBar>
        )}
        {notice.kind === 'exportFailed' && (
          <MessageBar intent="error">
            <MessageBarBody>{t('data.exportFailed', { message: notice.message })}</MessageBarBody>
          </MessageBar>
        )}
        {notice.kind === 'erased' && (
          <MessageBar intent="success">
            <MessageBarBody>
              {notice.result.erased
                ? t('data.erased', {
                    pairs: notice.result.pairsEnded,
                    proposals: notice.result.proposalsWithdrawn,
                  })
                : t('data.erasedNothing')}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {/* Mounted only while asked: the profile screen stays as light as before. */}
      {open && (
        <Dialog open onOpenChange={(_, data) => !data.open && close()}>
          <DialogSurface>
            <form onSubmit={(e) => void confirm(e)} noValidate>
              <DialogBody>
                <DialogTitle>{t('data.erase.title')}</DialogTitle>
                <DialogContent className={styles.dialogText}>
                  <Body1 as="p">{t('data.erase.body')}</Body1>
                  <Body1 as="p">{t('data.erase.tip')}</Body1>
                  <Field
                    validationState={checkMissing ? 'error' : 'none'}
                    validationMessage={checkMissing ? t('data.erase.checkRequired') : undefined}
                  >
                    <Checkbox
                      checked={checked}
                      onChange={(_, data) => {
                        setChecked(data.checked === true);
                        if (data.checked === true) setCheckMissing(false);
                      }}
                      label={t('data.erase.check')}
                    />
                  </Field>
                  {erase.error !== null && (
                    <MessageBar intent="error" role="alert">
                      <MessageBarBody>
                        {t('data.eraseFailed', { message: describeError(erase.error, common) })}
                      </MessageBarBody>
                    </MessageBar>
                  )}
                </DialogContent>
                <DialogActions>
                  <Button appearance="primary" type="submit" disabled={erase.busy}>
                    {erase.busy ? t('data.erase.busy') : t('data.erase.confirm')}
                  </Button>
                  <Button onClick={close}>{t('data.erase.cancel')}</Button>
                </DialogActions>
              </DialogBody>
            </form>
          </DialogSurface>
        </Dialog>
      )}
    </section>
  );
}
