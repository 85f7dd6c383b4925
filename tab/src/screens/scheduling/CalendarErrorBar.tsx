import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { ApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { useSession } from '../../auth/SessionProvider';
import { useT } from '../../i18n/I18nProvider';
import { calendarReasonKey, usePlanT } from './i18n';

/**
 * A calendar failure names the person and the reason (e.g. a mailbox outside the app's access
 * policy), in the tab's language; any other error gets the shell's sentence for its code.
 */
export function CalendarErrorBar({
  error,
  names,
}: {
  error: unknown;
  names: ReadonlyMap<string, string>;
}) {
  const t = usePlanT();
  const tt = useT();
  const { me } = useSession();
  let text = describeError(error, tt);
  if (error instanceof ApiError && error.code === 'calendar_unavailable') {
    const details = (error.details ?? {}) as { personId?: unknown; reason?: unknown };
    const key = calendarReasonKey(details.reason);
    const name = typeof details.personId === 'string' ? names.get(details.personId) : undefined;
    if (key && details.personId === me.person.id) {
      text = t('plan.calendarErrorMine', { reason: t(key) });
    } else if (key && name) text = t('plan.calendarError', { name, reason: t(key) });
  }
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
