import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { PairResponse } from '../../../../src/contracts/pairs';
import { ApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { useT } from '../../i18n/I18nProvider';
import { usePairT } from './i18n/usePairT';
import { usePair, type WriteOutcome } from './PairContext';

export type Notice =
  | { kind: 'none' }
  | { kind: 'done'; message: string }
  | { kind: 'conflict'; current: PairResponse }
  | { kind: 'failed'; error: unknown };

/** Runs writes on the pair one at a time and remembers how the last one ended. */
export function useWrite() {
  const { announce } = usePair();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>({ kind: 'none' });
  const run = useCallback(
    async (action: () => Promise<WriteOutcome>, doneMessage?: string): Promise<WriteOutcome> => {
      setBusy(true);
      setNotice({ kind: 'none' });
      const outcome = await action();
      setBusy(false);
      if (outcome.ok) {
        setNotice(doneMessage ? { kind: 'done', message: doneMessage } : { kind: 'none' });
        if (doneMessage) announce(doneMessage);
      } else if (outcome.conflict) {
        setNotice({ kind: 'conflict', current: outcome.conflict });
      } else {
        setNotice({ kind: 'failed', error: outcome.error });
      }
      return outcome;
    },
    [announce],
  );
  return { busy, notice, setNotice, run };
}

/** Field names the server's `validation_failed` names, for the person to know what to fix. */
function issuePaths(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return [];
  const issues = (error.details as { issues?: { path?: unknown }[] } | undefined)?.issues ?? [];
  return issues.map((i) => String(i.path ?? '')).filter((p) => p !== '');
}

/**
 * The outcome of a write: done (polite status), failed (alert, what was typed is kept), or a
 * conflict with the partner's change, with a reload that shows the latest pair and lets the form
 * keep what the person typed (`onReloaded`).
 */
export function WriteNotice({
  notice,
  onClear,
  onReloaded,
  keepsTyping = false,
  fieldLabel,
}: {
  notice: Notice;
  onClear: () => void;
  onReloaded?: (current: PairResponse) => void;
  /** The form holds text the person typed: say it is kept. */
  keepsTyping?: boolean;
  fieldLabel?: (path: string) => string | undefined;
}) {
  const t = useT();
  const pt = usePairT();
  const { adopt } = usePair();
  if (notice.kind === 'none') return null;
  if (notice.kind === 'done') {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{notice.message}</MessageBarBody>
      </MessageBar>
    );
  }
  if (notice.kind === 'conflict') {
    return (
      <MessageBar intent="warning" role="alert" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{pt('pair.conflict.title')}</MessageBarTitle>
          {keepsTyping ? pt('pair.conflict.bodyTyped') : pt('pair.conflict.body')}
        </MessageBarBody>
        <MessageBarActions>
          <Button
            onClick={() => {
              adopt(notice.current);
              onReloaded?.(notice.current);
              onClear();
            }}
          >
            {keepsTyping ? pt('pair.conflict.reloadKeep') : pt('pair.conflict.reload')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  const fields = issuePaths(notice.error)
    .map((path) => fieldLabel?.(path) ?? fieldLabel?.(path.split('.')[0] ?? ''))
    .filter((label): label is string => label !== undefined);
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        {describeError(notice.error, t)}
        {fields.length > 0 &&
          ` ${pt('pair.error.fields', { fields: [...new Set(fields)].join(', ') })}`}
        {keepsTyping && ` ${pt('pair.error.kept')}`}
      </MessageBarBody>
    </MessageBar>
  );
}
