import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../../../src/logger';
import { demoPersonId } from '../../../src/local/seed/demo-data';
import { startTestApp, type TestApp } from '../../support/app-server';
import { apiClient, errorCode } from './api-client';

describe('paths: ids and hashed assets', () => {
  let app: TestApp;
  let tabDir: string;
  const lines: string[] = [];

  beforeAll(async () => {
    tabDir = await mkdtemp(join(tmpdir(), 'mentoring-tab-'));
    await mkdir(join(tabDir, 'assets'));
    await writeFile(join(tabDir, 'index.html'), '<!doctype html><title>Mentoring</title>');
    await writeFile(join(tabDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    // The text format is where a raw newline would start a line of its own.
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n'));
        done();
      },
    });
    app = await startTestApp({
      env: { LOCAL_SNAPSHOT: 'false' },
      tabDir,
      log: createLogger('info', { format: 'text', destination }),
    });
  });
  afterAll(async () => {
    await app?.stop();
    await rm(tabDir, { recursive: true, force: true });
  });

  it('serves a hashed asset for a year, and answers a missing one 404 without that cache, never the index', async () => {
    const found = await fetch(`${app.baseUrl}/assets/index-abc123.js`);
    expect(found.status).toBe(200);
    expect(found.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await fetch(`${app.baseUrl}/assets/index-old999.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
    expect(await missing.text()).not.toContain('<!doctype html>');
    // Any other path is still the single-page app.
    const page = await fetch(`${app.baseUrl}/pair`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Mentoring</title>');
  });

  it('answers ids with an encoded /, \\, ?, # or a control character with a specific 400, never 503', async () => {
    const api = apiClient(app.baseUrl);
    const token = await api.signIn(demoPersonId(10));
    for (const path of [
      '/api/pairs/a%2Fb/dashboard',
      '/api/pairs/a%5Cb/dashboard',
      '/api/pairs/a%23b/dashboard',
      '/api/pairs/a%3Fb/dashboard',
      '/api/programmes/a%2Fb',
      '/api/pairs/a%0Ab/dashboard',
      '/api/jobs/a%00b',
      '/api/pairs/%E0%A4%A/dashboard',
      `/api/pairs/${'x'.repeat(300)}/dashboard`,
    ]) {
      const reply = await api.call('GET', path, { token });
      expect({ path, status: reply.status }).toEqual({ path, status: 400 });
      expect(errorCode(reply)).toBe('validation_failed');
      const message = (reply.body as { error: { message: string } }).error.message;
      expect(message).toMatch(/^The path segment ".+" is not a valid id: /);
      expect(message).not.toMatch(/Cosmos|Resource ID/);
    }
    // An ordinary unknown id is still a 404.
    const unknown = await api.call('GET', '/api/pairs/no-such-pair/dashboard', { token });
    expect(unknown.status).toBe(404);
  });

  it('never lets a newline or carriage return in a path start a log line', async () => {
    const forged = '%0A%5Berror%5D%20forged%20line%0D%0Aforged';
    await fetch(`${app.baseUrl}/api/pairs/x${forged}/dashboard`);
    await fetch(`${app.baseUrl}/api/nothing${forged}`);
    await fetch(`${app.baseUrl}/tab${forged}`);
    await fetch(`${app.baseUrl}/api/messages${forged}`, { method: 'POST' });
    expect(lines.filter((line) => /^(\[error\] )?forged/.test(line))).toEqual([]);
    expect(lines.join('\n')).not.toMatch(/\n\s*\[error\] forged/);
  });
});
