import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { CalendarChange } from '../../../../src/contracts/calendar';
import type { PairView } from '../../../../src/contracts/pairs';
import { refreshCalendar } from '../../api/calendar';
import { getDashboard } from '../../api/pairs';
import { useLocale } from '../../i18n/I18nProvider';
import { usePairT, type PairTranslate } from './i18n/usePairT';
import { usePair } from './PairContext';

/** The server reads a series at most this often for members (CALENDAR_REFRESH_MINUTES, default 5). */
const refreshEveryMs = 5 * 60_000;
// Per pair, when this tab last asked: moving between screens does not ask again each time.
const askedAt = new Map<string, number>();

type Notice = { key: string; text: string };

/** The sentences for what the calendar refresh found, in the pair as it was before it. */
function describe(
  changes: readonly CalendarChange[],
  before: PairView,
  t: PairTranslate,
  day: (iso: string) => string,
  dayTime: (iso: string) => string,
): Notice[] {
  const startOf = new Map(before.sessions.map((s) => [s.id, s.start]));
  const nameOf = (id: string | undefined) =>
    id === before.partner.personId ? before.partner.displayName : undefined;
  return changes.flatMap((change, i): Notice[] => {
    const start = startOf.get(change.sessionId);
    if (!start) return [];
    const key = `${change.kind}-${change.sessionId}-${i}`;
    const date = day(start);
    if (change.kind === 'moved' && change.start) {
      return [{ key, text: t('pair.calendar.moved', { date, to: dayTime(change.start) }) }];
    }
    if (change.kind === 'cancelled') return [{ key, text: t('pair.calendar.cancelled', { date }) }];
    if (change.kind === 'declined') {
      const name = nameOf(change.personId);
      return [
        {
          key,
          text: name
            ? t('pair.calendar.declined', { name, date })
            : t('pair.calendar.declinedByMe', { date }),
        },
      ];
    }
    return [];
  });
}

/**
 * Once the dashboard has loaded, picks up declines and moves made in Outlook: if the pair has
 * sessions in a calendar series, asks the server to refresh them in the background (the server
 * answers from the store when it read the series minutes ago), shows the pair again when its
 * sessions changed, and says what changed in a short notice.
 */
export function CalendarRefresh() {
  const t = usePairT();
  const locale = useLocale();
  const { pair, version, adopt, announce } = usePair();
  const [notices, setNotices] = useState<Notice[]>([]);
  const [failed, setFailed] = useState(false);
  const format = useMemo(() => {
    const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
    const day = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long' });
    const dayTime = new Intl.DateTimeFormat(tag, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
    });
    return {
      day: (iso: string) => day.format(new Date(iso)),
      dayTime: (iso: string) => dayTime.format(new Date(iso)),
    };
  }, [locale]);
  const inSeries = pair.sessions.some((s) => s.status === 'planned' && s.calendarEventId !== null);

  useEffect(() => {
    if (!inSeries) return;
    const last = askedAt.get(pair.id);
    if (last !== undefined && Date.now() - last < refreshEveryMs) return;
    askedAt.set(pair.id, Date.now());
    const controller = new AbortController();
    const { signal } = controller;
    const before = pair;
    let settled = false;
    (async () => {
      const refreshed = await refreshCalendar(before.id, locale, signal);
      const { changes } = refreshed;
      if (refreshed.version !== version) {
        // The sessions changed (a move, a cancellation): show the pair as it is now.
        adopt(await getDashboard(before.id, signal));
      }
      settled = true;
      const found = describe(changes, before, t, format.day, format.dayTime);
      if (found.length > 0) {
        setNotices(found);
        announce(found.map((n) => n.text).join(' '));
      }
    })().catch(() => {
      if (signal.aborted) return;
      settled = true;
      // The dashboard works without it; the next visit, or the scheduler, tries again.
      askedAt.delete(before.id);
      setFailed(true);
    });
    return () => {
      if (settled) return;
      // Left before the answer (or React trying the effect twice): the next mount asks again.
      controller.abort();
      askedAt.delete(before.id);
    };
    // Once per pair shown: the refresh's own answer changes `pair` and `version`.
  }, [pair.id, inSeries]);

  if (failed) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t('pair.calendar.failed')}</MessageBarBody>
        <MessageBarActions>
          <Button appearance="transparent" onClick={() => setFailed(false)}>
            {t('pair.calendar.dismiss')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (notices.length === 0) return null;
  return (
    <MessageBar intent="info" layout="multiline" aria-labelledby="pair-calendar-title">
      <MessageBarBody>
        <MessageBarTitle id="pair-calendar-title">{t('pair.calendar.title')}</MessageBarTitle>
        <ul aria-labelledby="pair-calendar-title">
          {notices.map((n) => (
            <li key={n.key}>{n.text}</li>
          ))}
        </ul>
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="transparent" onClick={() => setNotices([])}>
          {t('pair.calendar.dismiss')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
