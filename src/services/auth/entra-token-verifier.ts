import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Clock } from '../../domain/clock';
import { DomainError } from '../../domain/errors';

export type EntraTokenVerifierDeps = {
  /** The app's client id: the `aud` of v2 tokens Teams SSO issues for it. */
  clientId: string;
  /** `api://<domain>/<client-id>`, also accepted as audience. */
  appIdUri?: string;
  /** Allowed tenants (`tid`). */
  tenantIds: readonly string[];
  /** Overrides the tenant's key set URL (tests serve their own on loopback). */
  jwksUri?: string;
  clock: Clock;
};

/** Validated claims of an Entra ID v2 access token. */
export type EntraClaims = JWTPayload & {
  tid: string;
  oid: string;
  name?: string;
  preferred_username?: string;
  roles?: string[];
};

/** Entra's clocks and ours may differ a little; a token's lifetime is about an hour. */
const clockToleranceSeconds = 60;

/**
 * Validates Entra ID v2 access tokens (Teams SSO): RS256 signature against the tenant's published
 * keys, issuer `https://login.microsoftonline.com/{tid}/v2.0`, audience, expiry, tenant allow-list.
 */
export class EntraTokenVerifier {
  private readonly keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  private readonly audiences: string[];

  constructor(private readonly deps: EntraTokenVerifierDeps) {
    this.audiences = [deps.clientId, ...(deps.appIdUri ? [deps.appIdUri] : [])];
  }

  /** The token's claims, or `unauthenticated` saying what is wrong. */
  async verify(token: string): Promise<EntraClaims> {
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw unauthenticated('the bearer token is not a JWT');
    }
    // The tenant decides which key set and issuer apply, so it is checked first (then verified).
    const tid = typeof unverified.tid === 'string' ? unverified.tid : undefined;
    if (!tid || !this.deps.tenantIds.includes(tid)) {
      throw unauthenticated('the token is from a tenant this app does not serve');
    }
    try {
      const { payload } = await jwtVerify(token, this.keySet(tid), {
        issuer: `https://login.microsoftonline.com/${tid}/v2.0`,
        audience: this.audiences,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'oid', 'tid'],
        clockTolerance: clockToleranceSeconds,
        currentDate: this.deps.clock.now(),
      });
      if (payload.tid !== tid || typeof payload.oid !== 'string' || payload.oid === '') {
        throw unauthenticated('the token has no object id (oid)');
      }
      return payload as EntraClaims;
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw unauthenticated(reasonOf(error), error);
    }
  }

  private keySet(tid: string) {
    const url = this.deps.jwksUri ?? `https://login.microsoftonline.com/${tid}/discovery/v2.0/keys`;
    let set = this.keySets.get(url);
    if (!set) {
      set = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000 });
      this.keySets.set(url, set);
    }
    return set;
  }
}

function unauthenticated(reason: string, cause?: unknown): DomainError {
  return new DomainError(
    'unauthenticated',
    `Sign-in failed: ${reason}.`,
    undefined,
    cause ? { cause } : undefined,
  );
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'the token is for another application (audience)';
    if (error.claim === 'iss')
      return 'the token was not issued by Microsoft Entra ID for this tenant';
    return `the token's ${error.claim} claim is not valid`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the signature does not match';
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token is signed by an unknown key';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is not signed with RS256';
  if (error instanceof errors.JWKSTimeout) return 'the signing keys could not be fetched';
  // jose lets a failed fetch of the key set through as it is (TypeError: fetch failed).
  if (!(error instanceof errors.JOSEError)) return 'the signing keys could not be fetched';
  return 'the token is not valid';
}
