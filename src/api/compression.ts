import { deflateSync, gzipSync } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX, compress } from 'hono/compress';

/** Under this, compressing saves less than it costs: the answer fits in one TCP packet anyway. */
const minBytes = 1024;

const json = /^application\/(?:[\w.+-]+\+)?json\b/i;
const noTransform = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

/**
 * Response compression. JSON answers (the API) are built in memory: they are compressed in one
 * synchronous zlib call (about 0.07 ms for an 8 KB dashboard), sent with their length, and not
 * compressed under 1 KB (/api/me). hono's compress() pipes a body through a CompressionStream
 * (about 0.6 ms, plus reading the stream back out), and did so for every JSON answer whatever its
 * size: the largest CPU item of the API under load (bench:load). It still handles everything else
 * (the tab's files and pages), whose bodies may be streams.
 */
export function compression(): MiddlewareHandler {
  const others = compress({
    contentTypeFilter: (type) => COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) && !json.test(type),
  });
  return async (c, next) =>
    others(c, async () => {
      await next();
      const res = c.res;
      const type = res.headers.get('content-type') ?? '';
      if (
        !json.test(type) ||
        c.req.method === 'HEAD' ||
        // No body to compress (and a body would be refused on these), or a part of one.
        res.status === 204 ||
        res.status === 205 ||
        res.status === 304 ||
        res.status === 206 ||
        res.headers.has('content-encoding') ||
        noTransform.test(res.headers.get('cache-control') ?? '')
      ) {
        return;
      }
      const body = Buffer.from(await res.arrayBuffer());
      const headers = new Headers(res.headers);
      headers.delete('content-length');
      if (body.length >= minBytes) {
        const vary = headers.get('vary');
        if (vary !== '*' && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary ?? '')) {
          headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
        }
      }
      const encoding =
        body.length >= minBytes ? encodingFor(c.req.header('accept-encoding')) : undefined;
      if (!encoding) {
        replace(c, new Response(body, { status: res.status, headers }));
        return;
      }
      headers.set('content-encoding', encoding);
      // The same version, marked weak as any compression marks it (src/api/versioning.ts).
      const etag = headers.get('etag');
      if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
      const compressed = encoding === 'gzip' ? gzipSync(body) : deflateSync(body);
      replace(c, new Response(compressed, { status: res.status, headers }));
    });
}

/**
 * Sets the answer as built, every header already in it. Assigning `c.res` over an answer would
 * copy the old one's headers back over the new ones (the ETag made weak, say) and wrap the new
 * body in a stream, which the Node adapter then reads chunk by chunk; cleared first, it is kept.
 */
function replace(c: Context, response: Response): void {
  c.res = undefined;
  c.res = response;
}

/** gzip, else deflate, when `Accept-Encoding` allows it (`;q=0` refuses). */
export function encodingFor(acceptEncoding: string | undefined): 'gzip' | 'deflate' | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const wildcard = accepted.get('*') ?? 0;
  for (const encoding of ['gzip', 'deflate'] as const) {
    if ((accepted.get(encoding) ?? wildcard) > 0) return encoding;
  }
  return undefined;
}
