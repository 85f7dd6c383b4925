import type { Locale } from '../locale';

/** How often a pair meets (mirrors the domain's Frequency). */
export type CardFrequency = 'weekly' | 'biweekly' | 'monthly';

const intlLocale: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

const frequencyLabels: Record<Locale, Record<CardFrequency, string>> = {
  fr: { weekly: 'chaque semaine', biweekly: 'toutes les 2 semaines', monthly: 'chaque mois' },
  en: { weekly: 'every week', biweekly: 'every 2 weeks', monthly: 'every month' },
};

/** "toutes les 2 semaines" / "every 2 weeks". */
export function formatFrequency(frequency: CardFrequency, locale: Locale): string {
  return frequencyLabels[locale][frequency];
}

/** "1 h 30" / "1 h 30 min": minutes as hours and minutes. */
export function formatMinutes(minutes: number, locale: Locale): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  if (rest === 0) return `${hours} h`;
  return locale === 'fr' ? `${hours} h ${String(rest).padStart(2, '0')}` : `${hours} h ${rest} min`;
}

/** A calendar day (`YYYY-MM-DD`) in words: "12 janvier 2027" / "12 January 2027". */
export function formatDay(day: string, locale: Locale): string {
  const date = new Date(`${day}T12:00:00Z`);
  return new Intl.DateTimeFormat(intlLocale[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** An instant in the person's time zone: "jeudi 14 janvier 2027 à 14:00". */
export function formatDateTime(iso: string, locale: Locale, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

/** Fills `{name}` placeholders; unknown names stay visible rather than vanish. */
export function fill(pattern: string, values: Record<string, string | number>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
