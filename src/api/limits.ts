import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../domain/errors';

const json = 'application/json';

/** A route whose body may be larger than the default, or of other types than JSON. */
export type BodyRule = {
  readonly method: string;
  /** Matched against the request path (`/api/programmes/p1/imports`). */
  readonly path: RegExp;
  readonly maxBytes: number;
  /** Accepted media types (lower case, without parameters). */
  readonly types: readonly string[];
};

/**
 * The body rules of declared routes (src/contracts/route.ts) that take more than the default: a
 * larger `maxBodyBytes`, or `otherBodyTypes` than JSON. `prefix` is where they are mounted.
 */
export function bodyRulesOf(
  routes: readonly {
    method: string;
    path: string;
    maxBodyBytes?: number;
    otherBodyTypes?: readonly string[];
  }[],
  prefix: string,
  defaultMaxBytes: number,
): BodyRule[] {
  return routes
    .filter((r) => r.maxBodyBytes !== undefined || r.otherBodyTypes !== undefined)
    .map((r) => ({
      method: r.method.toUpperCase(),
      path: new RegExp(
        `^${(prefix + r.path)
          .split(/(:[A-Za-z0-9_]+)/)
          .map((part) =>
            part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
          )
          .join('')}$`,
      ),
      maxBytes: r.maxBodyBytes ?? defaultMaxBytes,
      types: [json, ...(r.otherBodyTypes ?? [])],
    }));
}

export type BodyLimits = {
  /** Every body not covered by a rule: JSON only, at most this many bytes. */
  readonly defaultMaxBytes: number;
  readonly rules: readonly BodyRule[];
  /** Deepest nesting of arrays and objects a JSON body may have. */
  readonly maxJsonDepth: number;
};

/**
 * Every request body is checked before anything parses it: its media type (415), its size from
 * `Content-Length` (413 at once, the rest never read) or, for a chunked body, while it streams
 * (413 as soon as it passes the limit, at most that much held), and a JSON body's nesting depth
 * (400). Routes added later are covered with the default (JSON, small) unless a rule says otherwise.
 */
export function bodyGuard(limits: BodyLimits): MiddlewareHandler {
  return async (c, next) => {
    const request = c.req.raw;
    if (!hasBody(request)) return next();
    const rule = limits.rules.find((r) => r.method === request.method && r.path.test(c.req.path));
    const maxBytes = rule?.maxBytes ?? limits.defaultMaxBytes;
    const types = rule?.types ?? [json];
    const type = mediaType(request.headers.get('content-type'));
    if (!types.includes(type)) {
      throw new DomainError(
        'unsupported_media_type',
        `This route accepts ${types.join(' or ')} bodies${type ? `, not ${type}` : ' (no Content-Type was given)'}.`,
        { accepted: [...types] },
      );
    }
    const declared = request.headers.get('content-length');
    if (declared !== null && !request.headers.has('transfer-encoding')) {
      const size = Number(declared);
      if (!Number.isSafeInteger(size) || size > maxBytes) throw tooLarge(maxBytes);
    }
    const body = await readAtMost(request, maxBytes);
    if (type === json) {
      const depth = jsonDepth(new TextDecoder().decode(body));
      if (depth > limits.maxJsonDepth) {
        throw new DomainError(
          'validation_failed',
          `The JSON body is nested ${depth} levels deep; at most ${limits.maxJsonDepth} are accepted.`,
          {
            issues: [{ path: 'body', message: `nested deeper than ${limits.maxJsonDepth} levels` }],
          },
        );
      }
    }
    c.req.raw = new Request(request, { body });
    return next();
  };
}

function hasBody(request: Request): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return false;
  if (request.headers.has('transfer-encoding')) return true;
  const declared = request.headers.get('content-length');
  return declared !== null && declared.trim() !== '0';
}

/** `application/json; charset=utf-8` → `application/json`. */
export function mediaType(header: string | null): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function tooLarge(maxBytes: number): DomainError {
  return new DomainError(
    'payload_too_large',
    `The request body is larger than ${formatBytes(maxBytes)}.`,
    { maxBytes },
  );
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MiB`
    : `${Math.round(bytes / 1024)} KiB`;
}

/** The body, read chunk by chunk; stops reading and throws `payload_too_large` past `maxBytes`. */
async function readAtMost(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = request.body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * How deeply arrays and objects nest in a JSON text (0 for a scalar), counted without parsing so
 * that `[[[[…]]]]` costs a scan, not a parser's recursion.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return deepest;
}
