import type { MemberTime } from '../../contracts/calendar';
import type { Locale } from '../../domain/common';
import type { Frequency } from '../../domain/programme';
import { formatLocalTime, toLocal } from '../../domain/calendar/local-time';

/** One member as the labels need them. */
export type LabelledMember = {
  readonly personId: string;
  readonly displayName: string;
  readonly timeZone: string;
};

const cadence: Record<Locale, Record<Frequency, string>> = {
  en: { weekly: 'every week', biweekly: 'every two weeks', monthly: 'every month' },
  fr: { weekly: 'chaque semaine', biweekly: 'toutes les deux semaines', monthly: 'chaque mois' },
};

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached(
  cache: Map<string, Intl.DateTimeFormat>,
  locale: Locale,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let format = cache.get(key);
  if (!format) {
    // British English, like the tab and the cards ("Tuesday, 17 March 2026", not "March 17").
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { ...options, timeZone });
    cache.set(key, format);
  }
  return format;
}

/** "every two weeks" / "toutes les deux semaines". */
export function cadenceLabel(locale: Locale, frequency: Frequency): string {
  return cadence[locale][frequency];
}

/** "6 sessions" / "6 séances". */
export function occurrencesLabel(locale: Locale, count: number): string {
  if (locale === 'fr') return count <= 1 ? `${count} séance` : `${count} séances`;
  return count === 1 ? '1 session' : `${count} sessions`;
}

/** "Tuesday, 17 March 2026" / "mardi 17 mars 2026", in `timeZone`. */
export function dateLabel(locale: Locale, instant: string, timeZone: string): string {
  return cached(dateFormats, locale, timeZone, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(instant));
}

/** Where `[start, end)` falls for one member: their weekday and wall-clock times. */
export function memberTime(
  locale: Locale,
  member: LabelledMember,
  callerId: string,
  start: string,
  end: string,
): MemberTime {
  const from = toLocal(Date.parse(start), member.timeZone);
  const to = toLocal(Date.parse(end), member.timeZone);
  const startLabel = formatLocalTime(from.minutes);
  const endLabel = formatLocalTime(to.minutes);
  return {
    personId: member.personId,
    displayName: member.displayName,
    isMe: member.personId === callerId,
    timeZone: member.timeZone,
    weekday: from.weekday,
    start: startLabel,
    end: endLabel,
    weekdayLabel: cached(weekdayFormats, locale, member.timeZone, { weekday: 'long' }).format(
      new Date(start),
    ),
    timeLabel: `${startLabel}–${endLabel}`,
  };
}

/** The caller first, then their partner. */
export function callerFirst<T extends { personId: string }>(members: T[], callerId: string): T[] {
  return [...members].sort(
    (a, b) => Number(b.personId === callerId) - Number(a.personId === callerId),
  );
}

/**
 * One sentence for a proposal: "Every two weeks on Tuesday, 10:00–11:00 for you and 04:00–05:00
 * for Ethan (America/Toronto), 6 sessions from Tuesday 17 March 2026." The partner's time is left
 * out when both are in the same time zone.
 */
export function proposalSummary(
  locale: Locale,
  frequency: Frequency,
  times: readonly MemberTime[],
  count: number,
  firstDate: string,
): string {
  const [me, partner] = times;
  if (!me) return '';
  // The partner's time only when it reads differently (another time zone).
  const other = partner && partner.timeZone !== me.timeZone ? partner : undefined;
  const every = cadenceLabel(locale, frequency);
  const sessions = occurrencesLabel(locale, count);
  if (locale === 'fr') {
    const them = other
      ? ` et ${other.weekday === me.weekday ? '' : `le ${other.weekdayLabel} `}${other.timeLabel} pour ${other.displayName} (${other.timeZone})`
      : '';
    const every_ = every.charAt(0).toUpperCase() + every.slice(1);
    return `${every_} le ${me.weekdayLabel}, ${me.timeLabel} pour vous${them} ; ${sessions} à partir du ${firstDate}.`;
  }
  const them = other
    ? ` and ${other.weekday === me.weekday ? '' : `${other.weekdayLabel} `}${other.timeLabel} for ${other.displayName} (${other.timeZone})`
    : '';
  const every_ = every.charAt(0).toUpperCase() + every.slice(1);
  return `${every_} on ${me.weekdayLabel}, ${me.timeLabel} for you${them}; ${sessions} from ${firstDate}.`;
}
