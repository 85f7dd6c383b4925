/**
 * The consent text a volunteer accepts when joining. Its wording lives in the catalogue under
 * `consent.v1.*` (French and English say the same thing); the API records this version with the
 * opt-in. To change the wording, add `consent.v2.*` keys and bump the version: people who accepted
 * v1 keep v1 in their history.
 */
export const CONSENT_TEXT_VERSION = 'consent-v1';

/** The version as people read it under the text ("version 1"), not the recorded id. */
export const consentVersionLabel = (version: string): string => version.replace(/^consent-v/, '');

export const consentParagraphKeys = [
  'consent.v1.volunteer',
  'consent.v1.data',
  'consent.v1.sharing',
  'consent.v1.leave',
] as const;
