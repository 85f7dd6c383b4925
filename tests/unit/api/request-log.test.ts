import { Writable } from 'node:stream';
import { Hono } from 'hono';
import { requestIdOf, requestLog } from '../../../src/api/request-log';
import { createLogger } from '../../../src/logger';

/** A JSON-lines logger writing into an array, as production writes to stdout. */
function capture(format: 'json' | 'text' = 'json') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, log: createLogger('info', { format, destination }) };
}

function appWith(log: ReturnType<typeof capture>['log']) {
  const app = new Hono();
  app.use('*', requestLog(log));
  app.get('/api/pairs/:id', (c) => {
    log.info(`reading pair ${c.req.param('id')}`);
    return c.json({ ok: true });
  });
  return app;
}

describe('structured logs with a request id', () => {
  it('echoes the caller’s x-request-id, and every line written while serving carries it, plus one access line with the route pattern', async () => {
    const { lines, log } = capture();
    const reply = await appWith(log).request('/api/pairs/p-42', {
      headers: { 'x-request-id': 'abc' },
    });
    expect(reply.headers.get('x-request-id')).toBe('abc');
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries).toHaveLength(2);
    for (const e of entries) {
      expect(e).toMatchObject({ level: 'info', requestId: 'abc' });
      expect(typeof e.time).toBe('string');
    }
    expect(entries[0]!.msg).toBe('reading pair p-42');
    expect(entries[1]).toMatchObject({
      msg: 'request',
      method: 'GET',
      route: '/api/pairs/:id',
      status: 200,
    });
    expect(typeof entries[1]!.durationMs).toBe('number');
  });

  it('takes the trace id of a traceparent, generates an id otherwise, and refuses ids that could forge lines or headers', () => {
    const headers = (h: Record<string, string>) => new Headers(h);
    expect(
      requestIdOf(
        headers({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' }),
      ),
    ).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    const generated = requestIdOf(headers({}));
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(headers({ 'x-request-id': 'a b' }))).not.toBe('a b');
    expect(requestIdOf(headers({ 'x-request-id': 'x'.repeat(129) }))).toHaveLength(36);
  });

  it('escapes newlines and control characters in logged values, in JSON and in text', () => {
    for (const format of ['json', 'text'] as const) {
      const { lines, log } = capture(format);
      log.warn('pair p-1\n[error] forged line\u0007', new Error('store\ndown'));
      const joined = lines.join('\n');
      expect(joined).not.toMatch(/^\[error\] forged/m);
      expect(joined).not.toContain('\u0007');
      expect(joined).toContain(format === 'json' ? '\\n[error] forged line' : '\\u000a[error]');
    }
  });
});
