import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../domain/errors';

/** What Cosmos DB refuses in an id, and what would break a log line or a header. */
// eslint-disable-next-line no-control-regex
const forbidden = /[/\\?#\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Cosmos DB's longest id. */
const maxSegment = 255;

/**
 * Every segment of an API path (ids included) is checked once decoded, before any route reads it:
 * an encoded `/`, `\`, `?`, `#` or a control character, a malformed escape, or more than 255
 * characters is a 400 naming the segment, never a store error.
 */
export function pathIdGuard(): MiddlewareHandler {
  return async (c, next) => {
    if (!c.req.path.startsWith('/api/')) return next();
    const raw = new URL(c.req.url).pathname;
    for (const segment of raw.split('/')) {
      if (!segment.includes('%') && segment.length <= maxSegment) continue;
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        throw invalid(segment, 'it is not a valid percent-encoding');
      }
      if (decoded.length > maxSegment) {
        throw invalid(segment, `it is longer than ${maxSegment} characters`);
      }
      if (forbidden.test(decoded)) {
        throw invalid(segment, 'ids never contain /, \\, ?, # or control characters');
      }
    }
    await next();
  };
}

function invalid(segment: string, why: string): DomainError {
  const shown = segment.length > 60 ? `${segment.slice(0, 60)}…` : segment;
  return new DomainError(
    'validation_failed',
    `The path segment "${shown}" is not a valid id: ${why}.`,
    {
      issues: [{ path: 'path', message: why }],
    },
  );
}
