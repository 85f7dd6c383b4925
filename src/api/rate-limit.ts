import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { DomainError } from '../domain/errors';

declare module 'hono' {
  interface ContextVariableMap {
    /** Charges one request to a signed-in person's bucket (requireAuth calls it once it knows who). */
    chargeUser?: (personKey: string) => void;
  }
}

export type RateLimits = {
  /** Requests a minute a signed-in person may make, sustained; bursts up to the same number. */
  readonly perUserPerMinute: number;
  /** Requests a minute from one address without a valid sign-in (sign-in, config, refused tokens). */
  readonly perAddressPerMinute: number;
  /** Behind App Service: the client is the last address of `X-Forwarded-For`, not the TCP peer. */
  readonly trustProxy: boolean;
  /** Monotonic milliseconds (performance.now by default). */
  readonly now?: () => number;
};

/** Buckets kept at most; the idle (full) ones are dropped first when there are more. */
const maxBuckets = 50_000;

/**
 * In-process token buckets: `capacity` tokens, refilled at `capacity` per minute. One instance
 * keeps its own counts, so N instances allow N times the rate: a guard against a runaway client
 * or a script, not a quota.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly now: () => number,
  ) {}

  /** Takes a token for `key`; returns 0 when granted, else the seconds until one is back. */
  take(key: string): number {
    const now = this.now();
    const refillPerMs = this.capacity / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * refillPerMs);
    bucket.at = now;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= maxBuckets) this.dropIdle(now);
      this.buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
  }

  private dropIdle(now: number): void {
    const refillPerMs = this.capacity / 60_000;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * refillPerMs >= this.capacity)
        this.buckets.delete(key);
    }
    // Still full of active callers: forget the oldest rather than grow without bound.
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < maxBuckets) break;
      this.buckets.delete(key);
    }
  }
}

/**
 * Rate limits on the API (the bot endpoint excepted: the Bot Connector speaks for a whole tenant
 * from a few addresses, and its requests are authenticated before they are read). A request
 * without a bearer token is charged to its address; one with a token is charged to the person
 * once `requireAuth` knows who it is, and to the address as well when the token is refused. Over
 * the limit: 429 `rate_limited` with `Retry-After`.
 */
export function rateLimit(limits: RateLimits): MiddlewareHandler {
  const now = limits.now ?? performance.now.bind(performance);
  const users = new TokenBuckets(limits.perUserPerMinute, now);
  const addresses = new TokenBuckets(limits.perAddressPerMinute, now);
  const refuse = (retryAfterSeconds: number) =>
    new DomainError('rate_limited', `Too many requests; try again in ${retryAfterSeconds} s.`, {
      retryAfterSeconds,
    });
  return async (c, next) => {
    if (!c.req.path.startsWith('/api/') || c.req.path === '/api/messages') return next();
    const address = clientAddress(c, limits.trustProxy);
    const anonymous = !c.req.header('authorization');
    if (anonymous) {
      const wait = addresses.take(address);
      if (wait > 0) throw refuse(wait);
    }
    c.set('chargeUser', (personKey: string) => {
      const wait = users.take(personKey);
      if (wait > 0) throw refuse(wait);
    });
    try {
      await next();
    } finally {
      // A refused token costs its address a token, so guessing tokens is limited too.
      if (!anonymous && c.res.status === 401) addresses.take(address);
    }
  };
}

/** The caller's address: the TCP peer, or behind a trusted proxy what it appended last. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return withoutPort(forwarded);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** `1.2.3.4:5678` → `1.2.3.4`, `[2001:db8::1]:443` → `2001:db8::1`; a bare IPv6 address stays. */
function withoutPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) return bracketed[1];
  return address.split(':').length === 2 ? (address.split(':')[0] ?? address) : address;
}
