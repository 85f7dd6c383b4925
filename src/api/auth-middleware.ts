import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { DomainError } from '../domain/errors';
import type { Authenticator, Principal } from '../services/auth/principal';

/** The hono environment of authenticated routes. */
export type AuthEnv = { Variables: { principal: Principal } };

/** Requires `Authorization: Bearer <token>` and puts the caller in `c.var.principal`. */
export function requireAuth(authenticator: Authenticator): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) {
      throw new DomainError(
        'unauthenticated',
        header ? 'Sign-in failed: expected "Authorization: Bearer <token>".' : 'Please sign in.',
      );
    }
    const principal = await authenticator.authenticate(match[1], { loopback: isLoopback(c) });
    c.set('principal', principal);
    await next();
  };
}

/** True when the TCP peer is this machine (127.0.0.0/8, ::1, IPv4-mapped loopback). */
export function isLoopback(c: Context): boolean {
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

/** Refuses a request that does not come from this machine (development sign-in). */
export function requireLoopback(): MiddlewareHandler {
  return async (c, next) => {
    if (!isLoopback(c)) {
      throw new DomainError(
        'forbidden',
        'Development sign-in is available from this machine only.',
      );
    }
    await next();
  };
}
