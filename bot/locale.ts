/** The two languages the bot speaks. */
export type Locale = 'fr' | 'en';

/** Teams sends a BCP 47 tag in `activity.locale`: any French variant gets French, the rest English. */
export function resolveLocale(tag: string | undefined | null): Locale {
  return tag && /^fr(?:[-_]|$)/i.test(tag.trim()) ? 'fr' : 'en';
}

/**
 * Lower-cases, strips accents, punctuation and extra spaces so that "Prochaine séance ?" and
 * "prochaine seance" read the same.
 */
export function normaliseCommand(text: string | undefined): string {
  return (text ?? '')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
