import { useMemo } from 'react';
import { useLocale } from '../../i18n/I18nProvider';

/** Dates, times and language names in the active language (times as 09:00 in both). */
export function useFormat() {
  const locale = useLocale();
  return useMemo(() => {
    const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
    const dateTime = new Intl.DateTimeFormat(tag, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
    });
    const day = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric' });
    const shortDay = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short' });
    const languages = new Intl.DisplayNames([tag], { type: 'language' });
    const names = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' });
    return {
      /** "mardi 3 décembre à 10:00" in the browser's zone. */
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      /** "3 December 2026". A bare `YYYY-MM-DD` is read as that calendar day. */
      day: (iso: string) =>
        day.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00` : iso)),
      shortDay: (iso: string) =>
        shortDay.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00` : iso)),
      /** "10:00" at `at` in `timeZone`. */
      timeIn: (at: Date | string, timeZone: string) =>
        new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', timeZone }).format(
          typeof at === 'string' ? new Date(at) : at,
        ),
      languages: (codes: readonly string[]) => codes.map((c) => languages.of(c) ?? c).join(', '),
      /** "Marc Petit and Sophie Laurent" / "Marc Petit et Sophie Laurent". */
      list: (items: readonly string[]) => names.format(items),
    };
  }, [locale]);
}
