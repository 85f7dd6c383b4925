/** The claims of a development sign-in token (a demo persona acting as itself). */
export type DevClaims = {
  tid: string;
  oid: string;
  name: string;
  preferred_username: string;
  roles: string[];
};

/**
 * Development sign-in (local mode, loopback only): issues and checks tokens for demo personas.
 * Implemented in src/local/dev-sign-in.ts, which a production start never loads.
 */
export interface DevTokens {
  /** A bearer token acting as `claims.oid`. */
  issue(claims: DevClaims): Promise<{ token: string; expiresAt: string }>;
  /** The claims of a token this process issued, or `unauthenticated`. */
  verify(token: string): Promise<DevClaims>;
}
