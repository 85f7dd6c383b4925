/** Who is calling the API, from a validated token. */
export type Principal = {
  readonly tenantId: string;
  /** The Entra object id (`oid`), also the person's id in the org directory and their profile id. */
  readonly personId: string;
  readonly name: string;
  /** `preferred_username` (usually the e-mail), lower-case; may be empty. */
  readonly email: string;
  /** The token's app roles (`roles` claim). */
  readonly appRoles: readonly string[];
  /** May create programmes and manage every programme of the tenant. */
  readonly isTenantLead: boolean;
  readonly signIn: 'sso' | 'dev';
};

/** The Entra app role that makes someone a programme lead for the whole tenant. */
export const programmeLeadAppRole = 'Programme.Lead';

/** Turns a validated token into a principal. */
export interface Authenticator {
  /** Resolves the caller, or throws `DomainError('unauthenticated')`. */
  authenticate(token: string, context: { loopback: boolean }): Promise<Principal>;
}

/** A tenant lead: configured e-mail (PROGRAMME_LEAD_EMAILS) or the `Programme.Lead` app role. */
export function isTenantLead(
  email: string,
  appRoles: readonly string[],
  leadEmails: readonly string[],
): boolean {
  return (
    appRoles.includes(programmeLeadAppRole) ||
    (email !== '' && leadEmails.includes(email.toLowerCase()))
  );
}
