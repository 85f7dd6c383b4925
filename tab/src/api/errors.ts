import type { ErrorCode } from '../../../src/domain/errors';
import type { MessageKey, Translate } from '../i18n/catalogue';
import { ApiError } from './client';

/** Codes only the tab raises (the server never sends them). */
type ClientErrorCode = 'network';

type ErrorMessageKey = Extract<MessageKey, `error.${string}`>;

// Typed against the server's ErrorCode union: a code added there fails the typecheck here until it is
// translated, so no server error reaches a user untranslated. Add the key to i18n/en.ts and i18n/fr.ts.
const messageKeys: Record<ErrorCode | ClientErrorCode, ErrorMessageKey> = {
  validation_failed: 'error.validation_failed',
  unauthenticated: 'error.unauthenticated',
  forbidden: 'error.forbidden',
  not_found: 'error.not_found',
  programme_not_found: 'error.programme_not_found',
  profile_not_found: 'error.profile_not_found',
  pair_not_found: 'error.pair_not_found',
  person_not_found: 'error.person_not_found',
  not_pair_member: 'error.not_pair_member',
  invalid_transition: 'error.invalid_transition',
  version_conflict: 'error.version_conflict',
  already_exists: 'error.already_exists',
  store_unavailable: 'error.store_unavailable',
  calendar_unavailable: 'error.calendar_unavailable',
  proposal_expired: 'error.proposal_expired',
  nudge_too_soon: 'error.nudge_too_soon',
  offer_taken: 'error.offer_taken',
  request_not_found: 'error.request_not_found',
  too_many_open_requests: 'error.too_many_open_requests',
  internal: 'error.internal',
  payload_too_large: 'error.payload_too_large',
  unsupported_media_type: 'error.unsupported_media_type',
  rate_limited: 'error.rate_limited',
  network: 'error.network',
};

/** The catalogue key for an API error code; unknown codes get the generic message. */
export function errorMessageKey(code: string): ErrorMessageKey {
  return Object.hasOwn(messageKeys, code)
    ? messageKeys[code as keyof typeof messageKeys]
    : 'error.generic';
}

/** A sentence for the user, in the active language, for anything a call to the API may throw. */
export function describeError(error: unknown, t: Translate): string {
  const key = error instanceof ApiError ? errorMessageKey(error.code) : 'error.generic';
  return t(key);
}
