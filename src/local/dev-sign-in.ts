import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Clock } from '../domain/clock';
import { DomainError } from '../domain/errors';
import type { DevClaims, DevTokens } from '../services/auth/dev-tokens';

const issuer = 'urn:mentoring:dev-sign-in';
const audience = 'urn:mentoring:api';
/** Short-lived: a development session, signed in again from the persona picker. */
const lifetimeSeconds = 8 * 60 * 60;

/**
 * Development sign-in tokens: HS256 with a random key made when the process starts, so a token is
 * accepted by this process only and by nothing else. Only wired when DEV_SIGN_IN is on (loopback).
 */
export class DevTokenIssuer implements DevTokens {
  private readonly key = randomBytes(32);

  constructor(private readonly deps: { clock: Clock }) {}

  /** A bearer token acting as `claims.oid`. */
  async issue(claims: DevClaims): Promise<{ token: string; expiresAt: string }> {
    const now = Math.floor(this.deps.clock.now().getTime() / 1000);
    const exp = now + lifetimeSeconds;
    const token = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** The claims of a token this process issued, or `unauthenticated`. */
  async verify(token: string): Promise<DevClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer,
        audience,
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'oid', 'tid'],
        currentDate: this.deps.clock.now(),
      });
      return {
        tid: String(payload.tid),
        oid: String(payload.oid),
        name: typeof payload.name === 'string' ? payload.name : '',
        preferred_username:
          typeof payload.preferred_username === 'string' ? payload.preferred_username : '',
        roles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
      };
    } catch (error) {
      const reason =
        error instanceof errors.JWTExpired
          ? 'the development sign-in has expired; pick a persona again'
          : 'the development token was not issued by this server (it may have restarted)';
      throw new DomainError('unauthenticated', `Sign-in failed: ${reason}.`, undefined, {
        cause: error,
      });
    }
  }
}
