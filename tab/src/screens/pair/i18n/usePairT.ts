import { useMemo } from 'react';
import { formatMessage, type Locale, type PluralMessage } from '../../../i18n/catalogue';
import { useLocale } from '../../../i18n/I18nProvider';
import { pairEn } from './pair-en';
import { pairFr } from './pair-fr';

// The pair screens' strings live beside them, not in the shell's catalogue: they are ~250 messages
// per language that only this lazy chunk needs, so they stay out of the tab's initial download.
// Same rules as the shell's catalogue (tab/src/i18n/catalogue.ts): English is the reference, French
// must have every key, placeholders are checked at each call.

type Reference = typeof pairEn;

/** Every key of the pair screens' messages. */
export type PairMessageKey = keyof Reference;

/** What French must provide: every English key, plural forms where English has them. */
export type PairCatalogue = {
  [K in PairMessageKey]: Reference[K] extends string ? string : PluralMessage;
};

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

type PlaceholdersOf<M> = M extends PluralMessage
  ? Placeholders<M['one'] | M['other']> | 'count'
  : Placeholders<M>;

type Params<K extends PairMessageKey> = {
  [P in PlaceholdersOf<Reference[K]>]: P extends 'count' ? number : string | number;
};

/** `t('pair.x')` for messages without placeholders, `t('pair.x', { name })` otherwise. */
export type PairTranslate = <K extends PairMessageKey>(
  key: K,
  ...params: [PlaceholdersOf<Reference[K]>] extends [never] ? [] : [Params<K>]
) => string;

const catalogues: Record<Locale, PairCatalogue> = { en: pairEn, fr: pairFr };

/** Builds the translate function of one language (tests use it directly). */
export function pairTranslate(locale: Locale): PairTranslate {
  const catalogue = catalogues[locale];
  return ((key: PairMessageKey, params?: Record<string, string | number>) =>
    formatMessage(locale, catalogue[key], params)) as PairTranslate;
}

/** The pair screens' translate function in the active language. */
export function usePairT(): PairTranslate {
  const locale = useLocale();
  return useMemo(() => pairTranslate(locale), [locale]);
}
