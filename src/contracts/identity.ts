import { z } from 'zod';
import { idOf, localeSchema } from '../domain/common';
import { route } from './route';

/**
 * Sign-in and the signed-in person: auth config, development personas, /me. See the conventions in
 * ./common.ts. The routes: `identityApi` at the end of this file; the `/dev/*` routes exist only
 * when development sign-in is on (`GET /auth/config` says `devSignIn`).
 */

export const appRoles = ['participant', 'manager', 'lead'] as const;
export const appRoleSchema = z.enum(appRoles);
/** participant: everyone; manager: has reports in the org data; lead: leads a programme or may create them. */
export type AppRole = z.infer<typeof appRoleSchema>;

/** `GET /api/auth/config`: how the tab signs in. */
export const authConfigResponseSchema = z.object({
  /** True: outside Teams, show the persona picker (`/api/dev/*`). */
  devSignIn: z.boolean(),
  /** The Entra app's client id, for teams-js `getAuthToken` (absent when only dev sign-in). */
  clientId: z.string().optional(),
  appIdUri: z.string().optional(),
});
export type AuthConfigResponse = z.infer<typeof authConfigResponseSchema>;

export const roleHints = ['employee', 'manager', 'lead'] as const;
export const personaSchema = z.object({
  personId: z.string(),
  displayName: z.string(),
  email: z.string(),
  department: z.string(),
  jobTitle: z.string(),
  locale: localeSchema,
  /** What acting as this person shows: lead > manager > employee. */
  roleHint: z.enum(roleHints),
});
export type Persona = z.infer<typeof personaSchema>;

/** `GET /api/dev/personas`: the demo people, leads and managers first. */
export const personasResponseSchema = z.object({
  tenantId: z.string(),
  personas: z.array(personaSchema),
});
export type PersonasResponse = z.infer<typeof personasResponseSchema>;

/** `POST /api/dev/sign-in`. */
export const devSignInBodySchema = z.object({ personId: idOf('personId') });
export type DevSignInBody = z.infer<typeof devSignInBodySchema>;

export const devSignInResponseSchema = z.object({
  /** Send as `Authorization: Bearer <token>`; valid for this server process only. */
  token: z.string(),
  tokenType: z.literal('Bearer'),
  expiresAt: z.string(),
});
export type DevSignInResponse = z.infer<typeof devSignInResponseSchema>;

/** A person as the tab shows them: prefilled from the org directory. */
export const personCardSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string(),
  department: z.string(),
  jobTitle: z.string(),
  managerId: z.string().nullable(),
  managerName: z.string().nullable(),
  /** A URL the tab can put in an <img> (same origin); null: show initials. */
  photoUrl: z.string().nullable(),
  timeZone: z.string(),
  officeLocation: z.string().nullable(),
  /** False when the person is not in the org directory (the card comes from the token alone). */
  inDirectory: z.boolean(),
});
export type PersonCard = z.infer<typeof personCardSchema>;

/** `GET /api/me`. */
export const meResponseSchema = z.object({
  tenantId: z.string(),
  person: personCardSchema,
  roles: z.array(appRoleSchema),
  /** May create programmes (configured lead e-mail or the `Programme.Lead` app role). */
  canCreateProgrammes: z.boolean(),
  /** Programmes this person leads (their `leadIds` contain them). */
  leadOf: z.array(z.string()),
  /**
   * The sides the person takes in their current pairs (not completed or ended): the nav offers
   * the mentor toolkit to mentors and session planning to pair members only. Empty with no pair.
   */
  pairRoles: z.array(z.enum(['mentor', 'mentee'])),
  /** The person's preferred locale from the org data; the tab may prefer Teams' locale. */
  locale: localeSchema,
  signIn: z.enum(['sso', 'dev']),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

// ---------------------------------------------------------------------------------------------

const notLocal =
  '`forbidden`: the request does not come directly from this machine (a proxy, a tunnel, another host name) or comes from another site';

/** The routes (src/contracts/route.ts). */
export const identityApi = {
  authConfig: route({
    method: 'get',
    path: '/auth/config',
    summary: 'How the tab signs in: Teams SSO (client id, app id URI) and/or development sign-in',
    access: 'anyone',
    responses: { 200: authConfigResponseSchema },
  }),
  personas: route({
    method: 'get',
    path: '/dev/personas',
    summary: 'The demo people one may act as, leads and managers first (development sign-in)',
    access: 'local_dev',
    responses: { 200: personasResponseSchema },
    errors: { 403: notLocal },
  }),
  devSignIn: route({
    method: 'post',
    path: '/dev/sign-in',
    summary: 'A token acting as a demo person, valid for this server process (development sign-in)',
    access: 'local_dev',
    body: devSignInBodySchema,
    responses: { 200: devSignInResponseSchema },
    errors: { 403: notLocal, 404: '`person_not_found`: not a demo person' },
  }),
  me: route({
    method: 'get',
    path: '/me',
    summary: 'The signed-in person: their card, roles, the programmes they lead, their pair roles',
    access: 'signed_in',
    responses: { 200: meResponseSchema },
  }),
};
