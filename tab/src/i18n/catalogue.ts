import { elideBeforePlaceholders } from '../../../src/domain/french';
import type { en } from './en';

/** The languages the product speaks. */
export type Locale = 'fr' | 'en';

export const locales: readonly Locale[] = ['fr', 'en'];

/** A message that depends on a number: the form is chosen with `Intl.PluralRules`. */
export type PluralMessage = { zero?: string; one: string; other: string };

export type Message = string | PluralMessage;

// The types are generic over a reference catalogue (English, written `as const`), so a screen can keep
// its own catalogue beside it (see screen-catalogue.ts) with the same checks as the shell's.

/** What another language must provide for reference `R`: every key, plural forms where `R` has them. */
export type CatalogueFor<R> = {
  [K in keyof R]: R[K] extends string ? string : PluralMessage;
};

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

type PlaceholdersOf<M> = M extends PluralMessage
  ? Placeholders<M['one'] | M['other']> | 'count'
  : Placeholders<M>;

/** The values message `K` of reference `R` needs, inferred from its `{placeholders}`. */
export type MessageParamsFor<R, K extends keyof R> = {
  [P in PlaceholdersOf<R[K]>]: P extends 'count' ? number : string | number;
};

/** `t('key')` for messages without placeholders, `t('key', { name })` otherwise. */
export type TranslateFor<R> = <K extends keyof R>(
  key: K,
  ...params: [PlaceholdersOf<R[K]>] extends [never] ? [] : [MessageParamsFor<R, K>]
) => string;

type Reference = typeof en;

/** Every key of the shell's catalogue. */
export type MessageKey = keyof Reference;

/** What French must provide: every key of `en.ts`, plural forms where English has them. */
export type Catalogue = CatalogueFor<Reference>;

/** The values a message needs, inferred from its `{placeholders}` in the English catalogue. */
export type MessageParams<K extends MessageKey> = MessageParamsFor<Reference, K>;

/** Keys of messages without placeholders: titles, labels, fixed sentences. */
export type PlainMessageKey = {
  [K in MessageKey]: [PlaceholdersOf<Reference[K]>] extends [never] ? K : never;
}[MessageKey];

/** The translate function of the shell's catalogue. */
export type Translate = TranslateFor<Reference>;

const pluralRules = new Map<Locale, Intl.PluralRules>();

function pluralForm(locale: Locale, message: PluralMessage, count: number): string {
  if (count === 0 && message.zero !== undefined) return message.zero;
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count) === 'one' ? message.one : message.other;
}

function interpolate(template: string, params: Record<string, string | number>, locale: Locale) {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(locale) : value;
  });
}

/**
 * Renders one message: picks the plural form from `count`, then fills the `{placeholders}`. French
 * elides « que {x} » / « de {x} » where the value needs it (« qu’Anaïs », « de Hugo »).
 */
export function formatMessage(
  locale: Locale,
  message: Message,
  params: Record<string, string | number> = {},
): string {
  const form =
    typeof message === 'string'
      ? message
      : pluralForm(locale, message, Number(params['count'] ?? 0));
  const template = locale === 'fr' ? elideBeforePlaceholders(form, params) : form;
  return interpolate(template, params, locale);
}

/** Builds the `t` function of one language for any catalogue (the shell's or a screen's). */
export function createTranslateFor<R>(
  locale: Locale,
  catalogue: { [K in keyof R]: Message },
): TranslateFor<R> {
  return ((key: keyof R, params?: Record<string, string | number>) =>
    formatMessage(locale, catalogue[key], params)) as TranslateFor<R>;
}

/** Builds the `t` function of one language. */
export function createTranslate(locale: Locale, catalogue: Catalogue): Translate {
  return createTranslateFor<Reference>(locale, catalogue);
}

/**
 * Maps a BCP 47 tag to a product language: any French variant (`fr`, `fr-FR`, `fr-CA`, ...) is
 * French; English variants are English; anything else is `undefined`.
 */
export function matchLocale(tag: string | undefined | null): Locale | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'fr') return 'fr';
  if (primary === 'en') return 'en';
  return undefined;
}

/** The first supported language in a preference list (e.g. `navigator.languages`), else English. */
export function pickLocale(tags: readonly (string | undefined | null)[]): Locale {
  for (const tag of tags) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return 'en';
}

/**
 * The tag to format dates with `Intl`: the product's English is British (programme, organisation),
 * and the pair, approvals and cards already write « 26 November 2026 », not « Nov 26, 2026 ».
 */
export function dateTag(locale: Locale): 'fr-FR' | 'en-GB' {
  return locale === 'fr' ? 'fr-FR' : 'en-GB';
}
