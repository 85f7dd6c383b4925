import { useMemo } from 'react';
import {
  createTranslateFor,
  type CatalogueFor,
  type Locale,
  type Message,
  type TranslateFor,
} from './catalogue';
import { useLocale } from './I18nProvider';

/**
 * A catalogue that lives beside a lazy screen instead of in `en.ts`/`fr.ts`, so its strings load with
 * the screen and stay out of the tab's initial download. Same checks as the shell's catalogue:
 *
 * ```ts
 * // screens/pair/i18n.ts
 * const en = { 'pair.title': 'Your pair with {name}' } as const;
 * const fr: CatalogueFor<typeof en> = { 'pair.title': 'Votre binôme avec {name}' };
 * export const { useScreenT: usePairT, translate: pairTranslate } = screenCatalogue(en, fr);
 * ```
 */
export function screenCatalogue<R extends Record<string, Message>>(en: R, fr: CatalogueFor<R>) {
  const catalogues: Record<Locale, { [K in keyof R]: Message }> = { en, fr };
  const cache = new Map<Locale, TranslateFor<R>>();

  /** The translate function of one language (for tests and code outside React). */
  const translate = (locale: Locale): TranslateFor<R> => {
    let t = cache.get(locale);
    if (!t) {
      t = createTranslateFor<R>(locale, catalogues[locale]);
      cache.set(locale, t);
    }
    return t;
  };

  /** The translate function of the active language. */
  const useScreenT = (): TranslateFor<R> => {
    const locale = useLocale();
    return useMemo(() => translate(locale), [locale]);
  };

  return { translate, useScreenT };
}
