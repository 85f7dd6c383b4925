import type { Locale } from '../common';

/** How an erased person appears where others still see a trace of them. */
export const formerParticipantLabel: Readonly<Record<Locale, string>> = {
  fr: 'Ancien participant',
  en: 'Former participant',
};

/** Where a language is unknown (a field read by either), both names. */
export const formerParticipantBilingual = `${formerParticipantLabel.fr} / ${formerParticipantLabel.en}`;

/** Prefix of the pseudonymous ids that replace an erased person's id in what others keep. */
export const formerParticipantPrefix = 'former-';

/** True for an id that stands for an erased person. */
export function isFormerParticipant(id: string): boolean {
  return id.startsWith(formerParticipantPrefix);
}

/** What identifies the person in stored documents: their id, e-mail and name. */
export type PersonTraces = {
  readonly personId: string;
  readonly email?: string | undefined;
  readonly displayName?: string | undefined;
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern for one trace as a whole token: `u-ana` must not match inside `u-anais`, nor
 * "Ana Lima" inside "Ana Limas". Ids are delimited by anything but letters, digits, `-` and `_`.
 */
function tokenPattern(trace: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_-])${escape(trace)}(?![\\p{L}\\p{N}_-])`, 'gu');
}

/** The strings an erasure looks for (case-sensitive, as stored; e-mails are stored lower-case). */
export function needlesOf(traces: PersonTraces): string[] {
  return [traces.personId, traces.email, traces.displayName].filter(
    (s): s is string => typeof s === 'string' && s.trim().length >= 3,
  );
}

/** True when the document mentions any of the needles anywhere, as a whole token. */
export function mentions(document: unknown, needles: readonly string[]): boolean {
  const json = JSON.stringify(document);
  return needles.some((needle) => json.includes(needle) && tokenPattern(needle).test(json));
}

/** True when `text` holds `trace` as a whole token. */
export function holdsToken(text: string, trace: string): boolean {
  return text.includes(trace) && tokenPattern(trace).test(text);
}

/**
 * The document with every mention of the person replaced: their id by `pseudonym` (a fresh
 * `former-…` id), their e-mail by an address at the reserved `.invalid` domain, their name by
 * "former participant" in the language of the field (`fr`/`en` keys of bilingual text), both
 * languages elsewhere. Pure; keys are kept.
 */
export function scrubMentions<T>(document: T, traces: PersonTraces, pseudonym: string): T {
  const email = traces.email && traces.email.length >= 3 ? tokenPattern(traces.email) : undefined;
  const name =
    traces.displayName && traces.displayName.trim().length >= 3
      ? tokenPattern(traces.displayName)
      : undefined;
  const id = tokenPattern(traces.personId);
  const replace = (value: string, key: string | undefined): string => {
    let out = value.replace(id, pseudonym);
    if (email) out = out.replace(email, `${pseudonym}@erased.invalid`);
    if (name) {
      const label =
        key === 'fr' || key === 'en' ? formerParticipantLabel[key] : formerParticipantBilingual;
      out = out.replace(name, label);
    }
    return out;
  };
  const walk = (value: unknown, key: string | undefined): unknown => {
    if (typeof value === 'string') return replace(value, key);
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = walk(v, k);
      return out;
    }
    return value;
  };
  return walk(document, undefined) as T;
}
