import type { Logger } from '../logger';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodType } from 'zod';
import { DomainError, type ErrorCode } from '../domain/errors';

/** The HTTP status of each error code: the one translator at the HTTP edge. */
const statusByCode: Partial<Record<ErrorCode, ContentfulStatusCode>> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_pair_member: 403,
  invalid_transition: 409,
  proposal_expired: 409,
  nudge_too_soon: 409,
  offer_taken: 409,
  too_many_open_requests: 409,
  version_conflict: 409,
  already_exists: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  store_unavailable: 503,
  calendar_unavailable: 503,
  internal: 500,
};

/** HTTP status for a DomainError code (`*_not_found` → 404). */
export function statusFor(code: ErrorCode): ContentfulStatusCode {
  if (code === 'not_found' || code.endsWith('_not_found')) return 404;
  return statusByCode[code] ?? 500;
}

/** The JSON error body every route returns: `{ error: { code, message, details? } }`. */
export type ApiErrorBody = {
  error: { code: string; message: string; details?: Record<string, unknown> };
};

/** hono's onError: DomainError → its status; anything else → 500 without internals. */
export function errorHandler(log: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof DomainError) {
      const status = statusFor(error.code);
      const retryAfter = error.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number') c.header('Retry-After', String(retryAfter));
      // The rest of an oversized body is not read: the connection closes after the answer.
      if (status === 413) c.header('Connection', 'close');
      if (status >= 500)
        log.error(`${c.req.method} ${c.req.routePath} failed: ${error.code}`, error);
      const body: ApiErrorBody = {
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      };
      return c.json(body, status);
    }
    log.error(`${c.req.method} ${c.req.routePath} failed`, error);
    const body: ApiErrorBody = {
      error: { code: 'internal', message: 'Something went wrong on our side.' },
    };
    return c.json(body, 500);
  };
}

/** Parse a JSON body with a zod schema; `validation_failed` lists each bad field. */
export async function parseJson<T>(c: Context, schema: ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new DomainError('validation_failed', 'The request body is not valid JSON.');
  }
  return parseWith(schema, raw, 'body');
}

/** Validate `value` with `schema`, or throw `validation_failed` listing each field (`details.issues`). */
export function parseWith<T>(schema: ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw new DomainError(
    'validation_failed',
    `Invalid ${what}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
    { issues },
  );
}
