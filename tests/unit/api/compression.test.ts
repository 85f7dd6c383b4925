import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { compression, encodingFor } from '../../../src/api/compression';

const big = {
  items: Array.from({ length: 100 }, (_, i) => ({ id: `item-${i}`, text: 'x'.repeat(20) })),
};

function app() {
  const hono = new Hono();
  hono.use('*', compression());
  hono.get('/big', (c) => {
    c.header('ETag', '"v1"');
    return c.json(big);
  });
  hono.get('/small', (c) => c.json({ ok: true }));
  hono.get('/page', (c) => c.html(`<p>${'words '.repeat(400)}</p>`));
  hono.get('/kept', (c) => {
    c.header('Cache-Control', 'no-transform');
    return c.json(big);
  });
  return hono;
}

const get = (path: string, acceptEncoding?: string) =>
  app().request(path, acceptEncoding ? { headers: { 'accept-encoding': acceptEncoding } } : {});

describe('response compression', () => {
  it('gzips a JSON answer of 1 KB or more, with its length, a weak ETag and Vary', async () => {
    const response = await get('/big', 'gzip, deflate, br');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('etag')).toBe('W/"v1"');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(JSON.parse(gunzipSync(bytes).toString())).toEqual(big);
  });

  it('leaves a small JSON answer, one the client cannot decode and a no-transform one as they are', async () => {
    const small = await get('/small', 'gzip');
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
    const identity = await get('/big', 'identity, gzip;q=0');
    expect(identity.headers.get('content-encoding')).toBeNull();
    expect(identity.headers.get('etag')).toBe('"v1"');
    expect(identity.headers.get('vary')).toBe('Accept-Encoding');
    expect(await identity.json()).toEqual(big);
    const kept = await get('/kept', 'gzip');
    expect(kept.headers.get('content-encoding')).toBeNull();
  });

  it('still compresses other text, such as pages', async () => {
    const response = await get('/page', 'gzip');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toContain('words');
  });

  it('picks gzip, then deflate, as Accept-Encoding allows', () => {
    expect(encodingFor('gzip, deflate, br')).toBe('gzip');
    expect(encodingFor('deflate')).toBe('deflate');
    expect(encodingFor('gzip;q=0, deflate;q=0.5')).toBe('deflate');
    expect(encodingFor('*')).toBe('gzip');
    expect(encodingFor('br')).toBeUndefined();
    expect(encodingFor(undefined)).toBeUndefined();
  });
});
