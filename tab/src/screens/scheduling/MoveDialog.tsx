import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { CalendarSessionView } from '../../../../src/contracts/calendar';
import { usePlanT } from './i18n';
import { localInputValue } from './schedule-format';
import { DateInput } from '../../components/DateInput';

/** Asks for a session's new date and time, in the viewer's zone; refuses one in the past. */
export function MoveDialog({
  session,
  partner,
  onCancel,
  onMove,
}: {
  session: CalendarSessionView | null;
  partner: string;
  onCancel: () => void;
  onMove: (session: CalendarSessionView, start: string) => void;
}) {
  const t = usePlanT();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setValue(session ? localInputValue(session.start) : '');
    setInvalid(false);
  }, [session]);
  const submit = () => {
    if (!session) return;
    const at = new Date(value);
    if (!value || Number.isNaN(at.getTime()) || at.getTime() <= Date.now()) {
      setInvalid(true);
      return;
    }
    onMove(session, at.toISOString());
  };
  return (
    <Dialog open={session !== null} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{session && t('plan.move.title', { index: session.index })}</DialogTitle>
          <DialogContent>
            <Body1 as="p">{t('plan.move.body', { partner })}</Body1>
            <Field
              label={t('plan.move.field')}
              validationState={invalid ? 'error' : 'none'}
              validationMessage={invalid ? t('plan.move.invalid') : undefined}
            >
              <DateInput
                type="datetime-local"
                value={value}
                onChange={(_, data) => {
                  setValue(data.value);
                  setInvalid(false);
                }}
              />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={submit}>
              {t('plan.move.confirm')}
            </Button>
            <Button onClick={onCancel}>{t('plan.confirm.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
