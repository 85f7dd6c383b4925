import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { describeError } from '../api/errors';
import { useT } from '../i18n/I18nProvider';

/** What shows while something loads: a small spinner that says what. */
export function Loading({ label }: { label: string }) {
  return <Spinner size="small" label={label} />;
}

/**
 * A load that failed: the error's sentence in the active language (or `children` when the screen
 * words it itself), as an alert, with a retry button when `onRetry` is given.
 */
export function LoadFailed({
  error,
  onRetry,
  children,
}: {
  error: unknown;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{children ?? describeError(error, t)}</MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('shell.retry')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
