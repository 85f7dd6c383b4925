/** Error codes the domain and services raise; each edge (HTTP, bot) translates them once. */
export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'programme_not_found'
  | 'profile_not_found'
  | 'pair_not_found'
  | 'person_not_found'
  | 'not_pair_member'
  | 'invalid_transition'
  | 'version_conflict'
  | 'already_exists'
  | 'store_unavailable'
  | 'calendar_unavailable'
  | 'internal'
  | 'proposal_expired'
  /** A lead's nudge or reminder within 7 days of the last one. */
  | 'nudge_too_soon'
  | 'payload_too_large'
  | 'unsupported_media_type'
  /** Quick help: a colleague accepted the request first. */
  | 'offer_taken'
  | 'request_not_found'
  /** Quick help: already 5 open requests. */
  | 'too_many_open_requests'
  | 'rate_limited';

/** The one error type of the application: a stable snake_case code, an English message, details. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DomainError';
  }
}

/** True when `error` is a DomainError, optionally with the given code. */
export function isDomainError(error: unknown, code?: ErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
