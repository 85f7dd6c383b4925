import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useMatchingT } from './matching-i18n';

/** Asks before sending the draft proposals: how many, and how long people have to answer. */
export function PublishDialog({
  open,
  drafts,
  days,
  onOpenChange,
  onPublish,
}: {
  open: boolean;
  drafts: number;
  days: number;
  onOpenChange: (open: boolean) => void;
  onPublish: () => void;
}) {
  const t = useMatchingT();
  return (
    <Dialog open={open} onOpenChange={(_, data) => onOpenChange(data.open)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('matching.publish.title')}</DialogTitle>
          <DialogContent>{t('matching.publish.body', { count: drafts, days })}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onPublish}>
              {t('matching.publish.confirm')}
            </Button>
            <Button onClick={() => onOpenChange(false)}>{t('matching.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
