import { demoPersonId } from '../../../src/local/seed/demo-data';
import { startTestApp, type TestApp } from '../../support/app-server';
import { sendSlowly } from '../../support/raw-http';
import { apiClient, errorCode } from './api-client';

/** What a client means to send: far more than any limit, never actually sent in full. */
const hundredMegabytes = 100 * 1024 * 1024;

const json = { 'content-type': 'application/json' };

describe('limits before parsing (default settings)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' } });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('refuses a body whose Content-Length is over the limit with 413 before it is sent', async () => {
    const answer = await sendSlowly(app.baseUrl, {
      path: '/api/dev/sign-in',
      headers: json,
      bodyBytes: hundredMegabytes,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({
      error: { code: 'payload_too_large', message: 'The request body is larger than 64 KiB.' },
    });
    expect(answer.bytesSentBeforeAnswer).toBeLessThan(hundredMegabytes);
  });

  it('refuses a chunked body with 413 as soon as it passes the limit, not once it is all read', async () => {
    const answer = await sendSlowly(app.baseUrl, {
      path: '/api/dev/sign-in',
      headers: json,
      bodyBytes: hundredMegabytes,
      chunked: true,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(answer.bytesSentBeforeAnswer).toBeLessThan(hundredMegabytes);
  });

  it('covers routes with a body of their own: a pair write, and the import above its 5 MiB', async () => {
    const api = apiClient(app.baseUrl);
    const token = await api.signIn(demoPersonId(10));
    const note = await api.call('PUT', '/api/pairs/any/sessions/any/notes', {
      token,
      json: { text: 'x'.repeat(70 * 1024) },
    });
    expect(note.status).toBe(413);
    const lead = await api.signIn(demoPersonId(5));
    const answer = await sendSlowly(app.baseUrl, {
      path: '/api/programmes/any/imports/preview',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${lead}` },
      bodyBytes: 6 * 1024 * 1024,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({
      error: { code: 'payload_too_large', message: 'The request body is larger than 5 MiB.' },
    });
    // A programme with its 200 skills labelled at length is over the default but allowed (1 MiB).
    const skills = Array.from({ length: 200 }, (_, i) => ({
      id: `skill-${i}`,
      label: { fr: 'é'.repeat(300), en: 'e'.repeat(300) },
      kind: 'digital',
    }));
    const programme = await api.call('POST', '/api/programmes', {
      token: lead,
      json: { name: 'Large catalogue', skills },
    });
    expect(programme.status).not.toBe(413);
    expect(programme.status).toBe(400);
  });

  it('answers 415 to a body that is not JSON on a JSON route, naming the type expected', async () => {
    const api = apiClient(app.baseUrl);
    const plain = await api.call('POST', '/api/dev/sign-in', {
      raw: JSON.stringify({ personId: demoPersonId(10) }),
      type: 'text/plain',
    });
    expect(plain.status).toBe(415);
    expect(plain.body).toMatchObject({
      error: {
        code: 'unsupported_media_type',
        message: 'This route accepts application/json bodies, not text/plain.',
      },
    });
    const untyped = await fetch(`${app.baseUrl}/api/dev/sign-in`, {
      method: 'POST',
      body: new Blob([JSON.stringify({ personId: demoPersonId(10) })]),
    });
    expect(untyped.status).toBe(415);
  });

  it('refuses JSON nested deeper than 32 levels with a specific 400', async () => {
    const api = apiClient(app.baseUrl);
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const reply = await api.call('POST', '/api/dev/sign-in', { raw: deep });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      error: {
        code: 'validation_failed',
        message: 'The JSON body is nested 5000 levels deep; at most 32 are accepted.',
      },
    });
    // Brackets inside strings are text, not nesting.
    const inText = await api.call('POST', '/api/dev/sign-in', {
      json: { personId: '['.repeat(100) },
    });
    expect(inText.status).toBe(404);
  });

  it('sends a Content-Security-Policy on the tab and on API answers', async () => {
    const tab = await fetch(`${app.baseUrl}/`);
    const csp = tab.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' https://res.cdn.office.net");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com /);
    const api = await fetch(`${app.baseUrl}/api/auth/config`);
    expect(api.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    // Served over plain HTTP on loopback: no HSTS, and X-Forwarded-Proto is not believed here.
    const forwarded = await fetch(`${app.baseUrl}/api/auth/config`, {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(forwarded.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('the local bot endpoint (no BOT_APP_ID)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' } });
  });
  afterAll(async () => {
    await app?.stop();
  });

  // A well-formed activity: only where and how it is sent differs below.
  const activity = JSON.stringify({
    type: 'message',
    text: 'help',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: 'conv-1' },
    from: { id: 'user-1' },
    recipient: { id: 'bot' },
  });
  const post = (headers: Record<string, string>, body = activity) =>
    fetch(`${app.baseUrl}/api/messages`, { method: 'POST', headers, body });

  it('refuses anything but application/json (a simple cross-site form or text/plain post)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const response = await post({ 'content-type': type });
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    }
  });

  it('refuses a request from a page of another site, whatever its Content-Type', async () => {
    const fromElsewhere = await post({ ...json, origin: 'https://evil.example' });
    expect(fromElsewhere.status).toBe(403);
    expect(await fromElsewhere.json()).toMatchObject({
      error: {
        code: 'forbidden',
        message:
          'The bot endpoint refuses this request: it comes from another site (https://evil.example).',
      },
    });
    const crossSite = await post({ ...json, 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const nullOrigin = await post({ ...json, origin: 'null' });
    expect(nullOrigin.status).toBe(403);
  });

  it('refuses a request through a tunnel or addressed to another host name', async () => {
    const tunnelled = await post({ ...json, 'x-forwarded-for': '203.0.113.9' });
    expect(tunnelled.status).toBe(403);
    expect(await tunnelled.json()).toMatchObject({
      error: { message: expect.stringContaining('through a proxy or tunnel (x-forwarded-for)') },
    });
    const rebound = await sendSlowly(app.baseUrl, {
      path: '/api/messages',
      headers: { ...json, host: 'attacker.example:3978' },
      bodyBytes: 10,
    });
    expect(rebound.status).toBe(403);
  });

  it('answers a malformed activity with 400 and a clear JSON error, never a raw JavaScript error', async () => {
    const cases: [string, string][] = [
      ['{"type":"message"}', 'serviceUrl'],
      ['{"type":"message","serviceUrl":"x"}', 'serviceUrl'],
      [JSON.stringify({ ...JSON.parse(activity), recipient: undefined }), 'recipient'],
      [
        JSON.stringify({
          ...JSON.parse(activity),
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: 5,
        }),
        'value',
      ],
      [
        JSON.stringify({ ...JSON.parse(activity), type: 'invoke', name: 'nothing/known' }),
        'nothing/known',
      ],
      [
        JSON.stringify({ ...JSON.parse(activity), serviceUrl: 'https://attacker.example/' }),
        'serviceUrl',
      ],
      ['[1,2]', 'activity'],
      ['not json', 'JSON'],
    ];
    for (const [body, named] of cases) {
      const response = await post(json, body);
      const text = await response.text();
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      const parsed = JSON.parse(text) as { error: { code: string; message: string } };
      expect(parsed.error.code).toBe('validation_failed');
      expect(parsed.error.message).toContain(named);
      expect(text).not.toMatch(/Cannot read properties|TypeError|undefined \(reading/);
    }
  });
});

describe('the bot endpoint with production settings (BOT_APP_ID)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      env: {
        LOCAL_SNAPSHOT: 'false',
        BOT_APP_ID: '9c1d5b8e-3a7f-4d2e-b6c0-1f8e4a2d7b93',
        BOT_APP_PASSWORD: 'not-a-real-secret',
        BOT_TENANT_ID: '11111111-2222-4333-8444-555555555555',
      },
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('refuses an unauthenticated 100 MB post with 401 before the body is sent', async () => {
    for (const chunked of [false, true]) {
      const answer = await sendSlowly(app.baseUrl, {
        path: '/api/messages',
        headers: json,
        bodyBytes: hundredMegabytes,
        chunked,
      });
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'unauthenticated' } });
      expect(answer.bytesSentBeforeAnswer).toBeLessThan(hundredMegabytes);
    }
  });

  it('refuses a token that is not a Bot Framework token for this bot before reading', async () => {
    const payload = Buffer.from(JSON.stringify({ aud: 'someone-else' })).toString('base64url');
    for (const authorization of ['Bearer nonsense', `Bearer e30.${payload}.c2ln`]) {
      const answer = await sendSlowly(app.baseUrl, {
        path: '/api/messages',
        headers: { ...json, authorization },
        bodyBytes: hundredMegabytes,
      });
      expect(answer.status).toBe(401);
    }
  });
});

describe('development sign-in is for direct requests from this machine', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' } });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('refuses a sign-in that came through a proxy or tunnel, though its TCP peer is loopback', async () => {
    const api = apiClient(app.baseUrl);
    const forwarders: Record<string, string>[] = [
      { 'x-forwarded-for': '203.0.113.9' },
      { forwarded: 'for=203.0.113.9;proto=https' },
      { 'x-forwarded-host': 'mentoring.devtunnels.ms' },
      { 'x-forwarded-proto': 'https' },
      { via: '1.1 tunnel' },
    ];
    for (const headers of forwarders) {
      const reply = await api.call('POST', '/api/dev/sign-in', {
        json: { personId: demoPersonId(5) },
        headers,
      });
      expect({ headers, status: reply.status }).toEqual({ headers, status: 403 });
      expect(errorCode(reply)).toBe('forbidden');
    }
    const personas = await api.call('GET', '/api/dev/personas', {
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(personas.status).toBe(403);
  });

  it('refuses a sign-in addressed to a host name that is not loopback (a tunnel, DNS rebinding)', async () => {
    const answer = await sendSlowly(app.baseUrl, {
      path: '/api/dev/sign-in',
      headers: { ...json, host: 'abc123.euw.devtunnels.ms' },
      bodyBytes: 0,
    });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({
      error: {
        message:
          'Development sign-in is available from this machine only: it is addressed to a host name that is not loopback.',
      },
    });
  });

  it('refuses a sign-in posted by a page of another site', async () => {
    const reply = await apiClient(app.baseUrl).call('POST', '/api/dev/sign-in', {
      json: { personId: demoPersonId(5) },
      headers: { origin: 'https://evil.example' },
    });
    expect(reply.status).toBe(403);
  });

  it('does not accept a development token that arrives through a tunnel', async () => {
    const api = apiClient(app.baseUrl);
    const token = await api.signIn(demoPersonId(5));
    expect((await api.call('GET', '/api/me', { token })).status).toBe(200);
    const tunnelled = await api.call('GET', '/api/me', {
      token,
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(tunnelled.status).toBe(401);
  });
});

describe('rate limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      env: {
        LOCAL_SNAPSHOT: 'false',
        RATE_LIMIT_PER_MINUTE: '3',
        RATE_LIMIT_ANONYMOUS_PER_MINUTE: '2',
      },
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('answers 429 with Retry-After once a person or an anonymous address is over its rate', async () => {
    const api = apiClient(app.baseUrl);
    const token = await api.signIn(demoPersonId(10)); // anonymous request 1 of 2
    for (let i = 0; i < 3; i++)
      expect((await api.call('GET', '/api/me', { token })).status).toBe(200);
    const over = await fetch(`${app.baseUrl}/api/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await over.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // Someone else is not held back by that person's rate.
    const other = await api.signIn(demoPersonId(11)); // anonymous request 2 of 2
    expect((await api.call('GET', '/api/me', { token: other })).status).toBe(200);
    // The address has used its two anonymous requests.
    const anonymous = await fetch(`${app.baseUrl}/api/auth/config`);
    expect(anonymous.status).toBe(429);
    expect(Number(anonymous.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

describe('behind a trusted proxy (TRUST_PROXY=true, as on App Service)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false', TRUST_PROXY: 'true' } });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('sends HSTS on answers to requests that came in over HTTPS only', async () => {
    const https = await fetch(`${app.baseUrl}/api/auth/config`, {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(https.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
    const http = await fetch(`${app.baseUrl}/api/auth/config`);
    expect(http.headers.get('strict-transport-security')).toBeNull();
  });
});
