import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { isLoopbackHost } from '../config';
import { DomainError } from '../domain/errors';

/**
 * Headers a proxy, a tunnel (dev tunnels, ngrok) or a load balancer adds. A request carrying any
 * of them came through something that may be reachable from elsewhere, whatever its TCP peer.
 */
const forwardingHeaders = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-forwarded-server',
  'x-real-ip',
  'x-client-ip',
  'x-original-host',
  'x-original-url',
  'x-arr-log-id',
  'x-azure-clientip',
  'x-azure-socketip',
  'cf-connecting-ip',
  'true-client-ip',
  'via',
];

/** True when the TCP peer is this machine (127.0.0.0/8, ::1, IPv4-mapped loopback). */
export function isLoopbackPeer(c: Context): boolean {
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    return false;
  }
  if (!address) return false;
  const a = address.replace(/^::ffff:/i, '');
  return a === '::1' || /^127(\.\d{1,3}){3}$/.test(a);
}

/** The host name of the `Host` header, without its port. */
function hostName(c: Context): string {
  const host = c.req.header('host') ?? '';
  const bracketed = /^\[([^\]]+)\]/.exec(host);
  return bracketed?.[1] ?? host.split(':')[0] ?? '';
}

/**
 * Why a request is not a direct one from this machine, or undefined when it is: a loopback TCP
 * peer, no forwarding header, and a loopback `Host` (a page on another site that resolves its
 * name to 127.0.0.1 — DNS rebinding — still sends its own name).
 */
export function notDirectlyLocal(c: Context): string | undefined {
  if (!isLoopbackPeer(c)) return 'it does not come from this machine';
  const forwarded = forwardingHeaders.find((h) => c.req.header(h) !== undefined);
  if (forwarded) return `it came through a proxy or tunnel (${forwarded})`;
  if (!isLoopbackHost(hostName(c))) return 'it is addressed to a host name that is not loopback';
  return undefined;
}

/** Why a browser request is cross-site (an `Origin` not in `own`), or undefined. */
export function crossSite(c: Context, own: readonly string[]): string | undefined {
  const origin = c.req.header('origin');
  if (origin !== undefined && !own.includes(origin.toLowerCase())) {
    return `it comes from another site (${origin.slice(0, 100)})`;
  }
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return `it comes from another site (Sec-Fetch-Site: ${site.slice(0, 20)})`;
  }
  return undefined;
}

/** The origins a request to this server may carry: `PUBLIC_URL`'s, and the request's own host. */
export function ownOrigins(c: Context, publicUrl: string): string[] {
  const own = [new URL(publicUrl).origin.toLowerCase()];
  const host = c.req.header('host');
  if (host) own.push(`http://${host.toLowerCase()}`, `https://${host.toLowerCase()}`);
  return own;
}

/** Refuses what is not a direct, same-site request from this machine (development sign-in). */
export function requireDirectlyLocal(what: string, publicUrl: string): MiddlewareHandler {
  return async (c, next) => {
    const why = notDirectlyLocal(c) ?? crossSite(c, ownOrigins(c, publicUrl));
    if (why) {
      throw new DomainError('forbidden', `${what} is available from this machine only: ${why}.`);
    }
    await next();
  };
}
