import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { Clock } from '../../domain/clock';
import { DomainError } from '../../domain/errors';
import type { DevTokens } from './dev-tokens';
import type { EntraTokenVerifier } from './entra-token-verifier';
import { isTenantLead, type Authenticator, type Principal } from './principal';

export type TokenAuthenticatorDeps = {
  /** Absent when AUTH_CLIENT_ID is not configured: Entra tokens are then refused. */
  entra?: EntraTokenVerifier;
  /** Present only with development sign-in (loopback, embedded store). */
  dev?: DevTokens;
  /** PROGRAMME_LEAD_EMAILS, lower-case. */
  leadEmails: readonly string[];
  /** The clock the verifiers use: a remembered token stops counting at its `exp` by it. */
  clock: Clock;
};

/**
 * Tokens remembered at most. A tab sends the same token for up to an hour, on every call; past
 * this many (far more than one instance's active users) the oldest is forgotten and verified again.
 */
const maxRemembered = 5_000;

/** Entra ID v2 tokens in production; this process's development tokens when enabled. */
export class TokenAuthenticator implements Authenticator {
  /**
   * Tokens already verified, with the instant they expire: verifying a signature on every request
   * (an HMAC through WebCrypto's thread pool for development tokens, RSA for Entra's) was 7 % of
   * the CPU the API spent under load. A token is the key, so any change to it is a new token;
   * an Entra token stays accepted until its `exp` even if its signing key is rotated meanwhile,
   * as it would be by any instance that verified it before the rotation.
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAtMs: number }>();

  constructor(private readonly deps: TokenAuthenticatorDeps) {}

  async authenticate(token: string, context: { loopback: boolean }): Promise<Principal> {
    const known = this.verified.get(token);
    if (known && this.deps.clock.now().getTime() < known.expiresAtMs) {
      if (known.principal.signIn === 'dev' && !context.loopback) throw notFromThisMachine();
      return known.principal;
    }
    this.verified.delete(token);
    const principal = await this.verify(token, context);
    this.remember(token, principal);
    return principal;
  }

  private remember(token: string, principal: Principal): void {
    const exp = decodeJwt(token).exp;
    if (typeof exp !== 'number') return;
    if (this.verified.size >= maxRemembered) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, { principal, expiresAtMs: exp * 1000 });
  }

  private async verify(token: string, context: { loopback: boolean }): Promise<Principal> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new DomainError('unauthenticated', 'Sign-in failed: the bearer token is not a JWT.');
    }
    if (alg === 'HS256' && this.deps.dev) {
      if (!context.loopback) throw notFromThisMachine();
      const claims = await this.deps.dev.verify(token);
      return this.principal({ ...claims, signIn: 'dev' });
    }
    if (!this.deps.entra) {
      throw new DomainError(
        'unauthenticated',
        'Sign-in failed: Microsoft Entra ID sign-in is not configured (AUTH_CLIENT_ID).',
      );
    }
    const claims = await this.deps.entra.verify(token);
    return this.principal({
      tid: claims.tid,
      oid: claims.oid,
      name: typeof claims.name === 'string' ? claims.name : '',
      preferred_username:
        typeof claims.preferred_username === 'string' ? claims.preferred_username : '',
      roles: Array.isArray(claims.roles) ? claims.roles.map(String) : [],
      signIn: 'sso',
    });
  }

  private principal(claims: {
    tid: string;
    oid: string;
    name: string;
    preferred_username: string;
    roles: string[];
    signIn: Principal['signIn'];
  }): Principal {
    const email = claims.preferred_username.toLowerCase();
    return {
      tenantId: claims.tid,
      personId: claims.oid,
      name: claims.name,
      email,
      appRoles: claims.roles,
      isTenantLead: isTenantLead(email, claims.roles, this.deps.leadEmails),
      signIn: claims.signIn,
    };
  }
}

function notFromThisMachine(): DomainError {
  return new DomainError(
    'unauthenticated',
    'Sign-in failed: development sign-in is accepted from this machine only.',
  );
}
