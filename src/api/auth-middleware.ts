import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../domain/errors';
import type { Authenticator, Principal } from '../services/auth/principal';
import { notDirectlyLocal } from './local-only';

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
    // Development tokens count only on a direct request from this machine, not through a tunnel.
    const loopback = notDirectlyLocal(c) === undefined;
    const principal = await authenticator.authenticate(match[1], { loopback });
    c.get('chargeUser')?.(`${principal.tenantId}/${principal.personId}`);
    c.set('principal', principal);
    await next();
  };
}
