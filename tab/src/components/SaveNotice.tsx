import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { describeError } from '../api/errors';
import { useT } from '../i18n/I18nProvider';

/** How the last save of a form ended. */
export type SaveOutcome =
  | { kind: 'none' | 'saved' | 'invalid' | 'conflict' | 'merged' }
  | { kind: 'failed'; error: unknown };

/** The form's own words for each outcome (each form has its catalogue). */
export type SaveNoticeText = {
  saved: string;
  invalidTitle: string;
  conflictTitle: string;
  conflictBody: string;
  reload: string;
  merged: string;
  /** Said after a failure's sentence: what was typed is still there. */
  keptTyped: string;
};

const useStyles = makeStyles({
  notice: { ':empty': { display: 'none' } },
  summaryList: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalXL,
  },
});

/**
 * The outcome of a form's save, where focus goes when it changes so keyboard and screen-reader
 * users hear it at once: saved (status), invalid (alert listing what to fix), a `version_conflict`
 * (alert with a reload that keeps what was typed), merged after that reload (status), or failed
 * (alert; what was typed is kept).
 */
export function SaveNotice({
  outcome,
  text,
  problems = [],
  onReload,
  busy = false,
  savedIntent = 'success',
}: {
  outcome: SaveOutcome;
  text: SaveNoticeText;
  /** `warning` when the save went through but something is still missing (said in `saved`). */
  savedIntent?: 'success' | 'warning';
  /** What to fix, for `invalid`: a key and a sentence each. */
  problems?: readonly { key: string; message: string }[];
  /** Loads the latest version, keeping what was typed; no reload button without it. */
  onReload?: () => void;
  busy?: boolean;
}) {
  const styles = useStyles();
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome.kind !== 'none') ref.current?.focus();
  }, [outcome]);
  return (
    <div ref={ref} tabIndex={-1} className={styles.notice}>
      {outcome.kind === 'saved' && (
        <MessageBar intent={savedIntent} role="status">
          <MessageBarBody>{text.saved}</MessageBarBody>
        </MessageBar>
      )}
      {outcome.kind === 'invalid' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{text.invalidTitle}</MessageBarTitle>
            <ul className={styles.summaryList}>
              {problems.map((item) => (
                <li key={item.key}>{item.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome.kind === 'conflict' && (
        <MessageBar intent="warning" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{text.conflictTitle}</MessageBarTitle>
            {text.conflictBody}
          </MessageBarBody>
          {onReload && (
            <Button onClick={onReload} disabled={busy}>
              {text.reload}
            </Button>
          )}
        </MessageBar>
      )}
      {outcome.kind === 'merged' && (
        <MessageBar intent="info" role="status">
          <MessageBarBody>{text.merged}</MessageBarBody>
        </MessageBar>
      )}
      {outcome.kind === 'failed' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {describeError(outcome.error, t)} {text.keptTyped}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
