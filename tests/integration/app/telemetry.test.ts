import { ClientRequestInterceptor } from '@mswjs/interceptors/ClientRequest';
import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Hono } from 'hono';
import { requestLog } from '../../../src/api/request-log';
import { startTelemetry } from '../../../src/app/telemetry';
import { recordingLogger } from '../../support/logger';

// Nothing may leave the machine: Azure Monitor's exporter, its statsbeat and the Azure VM
// resource detector all try; every request beyond loopback is answered here with a 503.
const reachedOut: string[] = [];
const interceptors = [new ClientRequestInterceptor(), new FetchInterceptor()];
const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

beforeAll(() => {
  for (const interceptor of interceptors) {
    interceptor.apply();
    interceptor.on('request', ({ request, controller }) => {
      const url = new URL(request.url);
      if (loopback.has(url.hostname)) return;
      reachedOut.push(url.host);
      controller.respondWith(new Response(null, { status: 503 }));
    });
  }
});
afterAll(() => {
  for (const interceptor of interceptors) interceptor.dispose();
});

function app() {
  const hono = new Hono();
  hono.use('*', requestLog(recordingLogger()));
  hono.get('/api/pairs/:id', (c) => c.json({ id: c.req.param('id') }));
  return hono;
}

describe('telemetry through OpenTelemetry and Azure Monitor', () => {
  it('starts nothing without a connection string: spans are the API’s no-op', async () => {
    expect(await startTelemetry(undefined, recordingLogger())).toBeUndefined();
    const span = trace.getTracer('probe').startSpan('probe');
    expect(span.isRecording()).toBe(false);
    span.end();
    await app().request('/api/pairs/p-1', { headers: { 'x-request-id': 'abc' } });
    expect(reachedOut).toEqual([]);
  });

  it('with a connection string, each request is a server span with its route and request id', async () => {
    const exporter = new InMemorySpanExporter();
    const processor = new SimpleSpanProcessor(exporter);
    const telemetry = await startTelemetry(
      // A closed loopback port: the exporter's sends fail here, and shutting down must not throw.
      'InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://127.0.0.1:9/',
      recordingLogger(),
      { spanProcessors: [processor] },
    );
    try {
      const reply = await app().request('/api/pairs/p-42', {
        headers: { 'x-request-id': 'abc' },
      });
      expect(reply.status).toBe(200);
      // Spans are exported once the resource's attributes (Azure detectors) have settled.
      await processor.forceFlush();
      const spans = exporter.getFinishedSpans();
      const server = spans.find((s) => s.kind === SpanKind.SERVER);
      expect(server?.name).toBe('GET /api/pairs/:id');
      expect(server?.attributes).toMatchObject({
        'request.id': 'abc',
        'http.route': '/api/pairs/:id',
        'http.response.status_code': 200,
      });
    } finally {
      await telemetry?.shutdown();
    }
  });
});
