import { useMemo } from 'react';
import type { GuardedNumber } from '../../../../src/contracts/health';
import { dateTag } from '../../i18n/catalogue';
import { useLocale } from '../../i18n/I18nProvider';
import { useHealthT } from './health-i18n';

/** A calendar day (`YYYY-MM-DD`) read at noon UTC so no zone moves it to the day before. */
const dayOf = (iso: string) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);

/** Numbers, dates and "hidden" in the active language, for the health screens. */
export function useHealthFormat() {
  const locale = useLocale();
  const t = useHealthT();
  return useMemo(() => {
    const tag = dateTag(locale);
    const day = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric' });
    const shortDay = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short' });
    const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short' });
    const month = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
    const names = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' });
    const number = (value: number) => decimal.format(value);
    return {
      number,
      /**
       * A count of people: "hidden" when the server suppressed it (fewer than 5, or a larger
       * figure hidden so that a small one cannot be worked out by subtraction).
       */
      guarded: (value: GuardedNumber) =>
        typeof value === 'number' ? number(value) : t('health.hidden'),
      /** Days, "hidden" when suppressed, a dash when there is nothing to measure. */
      guardedDays: (value: GuardedNumber | null) =>
        value === null
          ? '–'
          : typeof value === 'number'
            ? t('health.days', { count: Math.round(value * 10) / 10 })
            : t('health.hidden'),
      percent: (ratio: number) => percent.format(ratio),
      /** "3 December 2026" (a bare day or an instant). */
      day: (iso: string) => day.format(dayOf(iso)),
      /** "3 Dec". */
      shortDay: (iso: string) => shortDay.format(dayOf(iso)),
      /** "3 December 2026 at 10:00" in the browser's zone. */
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      /** "September 2026" from `2026-09`. */
      month: (yyyyMm: string) => month.format(new Date(`${yyyyMm}-01T00:00:00Z`)),
      /** "Marc and Sophie" / "Marc et Sophie". */
      list: (items: readonly string[]) => names.format(items),
      /** "12 days", or "–". */
      days: (value: number | null) =>
        value === null ? t('health.none') : t('health.days', { count: value }),
    };
  }, [locale, t]);
}

export type HealthFormat = ReturnType<typeof useHealthFormat>;
