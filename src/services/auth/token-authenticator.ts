import { decodeProtectedHeader } from 'jose';
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
};

/** Entra ID v2 tokens in production; this process's development tokens when enabled. */
export class TokenAuthenticator implements Authenticator {
  constructor(private readonly deps: TokenAuthenticatorDeps) {}

  async authenticate(token: string, context: { loopback: boolean }): Promise<Principal> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new DomainError('unauthenticated', 'Sign-in failed: the bearer token is not a JWT.');
    }
    if (alg === 'HS256' && this.deps.dev) {
      if (!context.loopback) {
        throw new DomainError(
          'unauthenticated',
          'Sign-in failed: development sign-in is accepted from this machine only.',
        );
      }
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
