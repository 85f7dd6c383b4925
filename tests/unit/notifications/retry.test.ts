import { backoffMs, isTransient, retryAfterMs, statusOf } from '../../../src/notifications/retry';

function restError(status: number, headers: Record<string, string> = {}) {
  const map = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return Object.assign(new Error(`status ${status}`), {
    statusCode: status,
    response: { status, headers: { get: (name: string) => map.get(name.toLowerCase()) } },
  });
}

describe('retry helpers', () => {
  it('reads Retry-After in seconds from a botbuilder RestError', () => {
    expect(retryAfterMs(restError(429, { 'Retry-After': '2' }), 0)).toBe(2000);
    expect(retryAfterMs(restError(429, { 'Retry-After': '0.5' }), 0)).toBe(500);
  });

  it('reads Retry-After as an HTTP date', () => {
    const now = Date.parse('2027-01-05T10:00:00Z');
    expect(
      retryAfterMs(restError(429, { 'Retry-After': 'Tue, 05 Jan 2027 10:00:03 GMT' }), now),
    ).toBe(3000);
  });

  it('reads plain header objects too, and gives undefined without the header', () => {
    expect(retryAfterMs({ headers: { 'retry-after': '4' } }, 0)).toBe(4000);
    expect(retryAfterMs(restError(429), 0)).toBeUndefined();
    expect(retryAfterMs(restError(429, { 'Retry-After': 'soon' }), 0)).toBeUndefined();
  });

  it('treats 429, 412, 5xx and network resets as transient, 403 and 404 as final', () => {
    for (const status of [429, 412, 500, 502, 503, 504])
      expect(isTransient(restError(status))).toBe(true);
    for (const status of [400, 401, 403, 404]) expect(isTransient(restError(status))).toBe(false);
    expect(isTransient(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransient(new Error('bug'))).toBe(false);
    expect(statusOf(restError(503))).toBe(503);
  });

  it('backs off exponentially with jitter between half and all of the ceiling, capped', () => {
    expect(backoffMs(1, { random: () => 0 })).toBe(250);
    expect(backoffMs(1, { random: () => 0.999999 })).toBe(500);
    expect(backoffMs(3, { random: () => 0 })).toBe(1000);
    expect(backoffMs(3, { random: () => 0.999999 })).toBe(2000);
    expect(backoffMs(20, { random: () => 0.999999, maxMs: 30_000 })).toBe(30_000);
  });
});
