import { isDomainError, type ErrorCode } from '../src/domain/errors';
import type { Locale } from './locale';
import { say, type MessageKey } from './messages';

/** What the person reads for each error code (the HTTP edge maps the same codes to statuses). */
const replyKeys: Record<ErrorCode, MessageKey> = {
  // Ids come from cards: a button of an old card, or of a pair or request that is gone.
  not_found: 'invalidAction',
  programme_not_found: 'invalidAction',
  profile_not_found: 'invalidAction',
  pair_not_found: 'invalidAction',
  person_not_found: 'invalidAction',
  not_pair_member: 'invalidAction',
  proposal_expired: 'invalidAction',
  nudge_too_soon: 'changedMeanwhile',
  request_not_found: 'invalidAction',
  offer_taken: 'buddyTaken',
  too_many_open_requests: 'buddyTooManyOpen',
  // Quick help's asks per hour (the HTTP edge's limit never reaches the bot's services).
  rate_limited: 'buddyRateLimited',
  unauthenticated: 'unidentified',
  forbidden: 'notAllowed',
  validation_failed: 'invalidInput',
  invalid_transition: 'changedMeanwhile',
  version_conflict: 'changedMeanwhile',
  already_exists: 'changedMeanwhile',
  store_unavailable: 'unavailable',
  calendar_unavailable: 'unavailable',
  internal: 'turnError',
  // HTTP edge limits: the bot's own services never raise these.
  payload_too_large: 'invalidInput',
  unsupported_media_type: 'invalidInput',
};

/** The bot's one error translator: an error as a chat reply in the person's language. */
export function replyForError(error: unknown, locale: Locale): string {
  return say(isDomainError(error) ? replyKeys[error.code] : 'turnError', locale);
}

/**
 * Ours rather than the person's (an outage, a bug, anything not a DomainError): such an error
 * fails the turn so that the adapter's onTurnError logs it (and answers with `replyForError`).
 */
export function isServerFault(error: unknown): boolean {
  return (
    !isDomainError(error) ||
    error.code === 'internal' ||
    error.code === 'store_unavailable' ||
    error.code === 'calendar_unavailable'
  );
}
