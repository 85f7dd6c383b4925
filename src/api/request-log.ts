import { randomUUID } from 'node:crypto';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { MiddlewareHandler } from 'hono';
import { withRequestContext, type Logger } from '../logger';

/** A caller's id we accept as is: short, and nothing that could break a log line or a header. */
const acceptableId = /^[A-Za-z0-9._:-]{1,128}$/;
/** W3C traceparent: version-traceid-parentid-flags; the trace id names the request. */
const traceparent = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** The request's id: the caller's `x-request-id`, else its trace id, else a new one. */
export function requestIdOf(headers: Headers): string {
  const given = headers.get('x-request-id')?.trim();
  if (given && acceptableId.test(given)) return given;
  const trace = traceparent.exec(headers.get('traceparent')?.trim() ?? '');
  if (trace?.[1] && !/^0+$/.test(trace[1])) return trace[1];
  return randomUUID();
}

/**
 * Every request gets an id (echoed in `x-request-id`) that every line logged while serving it
 * carries, and one access-log line: method, route pattern (never the raw path, which holds ids),
 * status and duration. With telemetry on (src/app/telemetry.ts) it is also a server span carrying
 * the same id; without, the span is OpenTelemetry's no-op.
 */
export function requestLog(log: Logger, now: () => number = performance.now.bind(performance)) {
  const middleware: MiddlewareHandler = async (c, next) => {
    const requestId = requestIdOf(c.req.raw.headers);
    const started = now();
    // The tracer is looked up per request: telemetry may start after this module is loaded.
    const tracer = trace.getTracer('mentoring');
    await withRequestContext({ requestId }, () =>
      tracer.startActiveSpan(
        `${c.req.method} ${c.req.path.startsWith('/api/') ? 'api' : 'tab'}`,
        {
          kind: SpanKind.SERVER,
          attributes: { 'http.request.method': c.req.method, 'request.id': requestId },
        },
        async (span) => {
          try {
            await next();
          } finally {
            const route = c.req.routePath;
            span.updateName(`${c.req.method} ${route}`);
            span.setAttributes({ 'http.route': route, 'http.response.status_code': c.res.status });
            if (c.error) span.recordException(c.error);
            if (c.res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
            span.end();
          }
          c.header('x-request-id', requestId);
          log.info('request', {
            method: c.req.method,
            route: c.req.routePath,
            status: c.res.status,
            durationMs: Math.round((now() - started) * 10) / 10,
          });
        },
      ),
    );
  };
  return middleware;
}
