import { z } from 'zod';
import { plannedDayOrDateTime, text, timeZoneSchema } from '../domain/common';
import { matchingGaps, profileSchema } from '../domain/profile';
import { versionBodySchema, versionSchema } from './common';
import { personCardSchema } from './identity';
import { idParam, idParams, route } from './route';

/**
 * Each person's profile in a programme: edit, opt in, pause, resume, leave. See the conventions in
 * ./common.ts. A draft programme exists only for its leads (404 `programme_not_found` for others).
 * The routes: `profileApi` at the end of this file.
 */

// Profiles

const profileShape = profileSchema.shape;

/** A profile as stored (see src/domain/profile.ts). */
export type ProfileDto = z.infer<typeof profileSchema>;

/**
 * `GET/PUT /api/programmes/:id/profile/me` and the opt-in moves. Before the person's first save the
 * profile is a default one (`not_joined`, prefilled from the org data) with `version: null`.
 */
export const profileResponseSchema = z.object({
  profile: profileSchema,
  version: z.string().nullable(),
  person: personCardSchema,
  /**
   * What the profile still lacks to be matched (`missingForMatching`: a skill for the role wished,
   * hours available); empty when matching can pair it. Saving is allowed anyway; the tab says it.
   */
  missingForMatching: z.array(z.enum(matchingGaps)),
});
export type ProfileResponse = z.infer<typeof profileResponseSchema>;

/** `PUT .../profile/me`: the whole editable profile (skills must be in the programme's catalogue). */
export const profileEditBodySchema = z.object({
  roleWish: profileShape.roleWish,
  teaches: profileShape.teaches,
  learns: profileShape.learns,
  languages: profileShape.languages,
  timeZone: timeZoneSchema,
  availability: profileShape.availability,
  workMode: profileShape.workMode,
  location: profileShape.location,
  bio: profileShape.bio,
  mentorCapacity: profileShape.mentorCapacity.optional(),
  version: versionSchema.optional(),
});
export type ProfileEditBody = z.infer<typeof profileEditBodySchema>;

/** `POST .../opt-in`: the version of the consent text the person was shown and accepted. */
export const optInBodySchema = z.object({
  consentTextVersion: text('consentTextVersion', { min: 1, max: 40 }),
  version: versionSchema.optional(),
});
export type OptInBody = z.infer<typeof optInBodySchema>;

/** `POST .../pause`: until a future instant (ISO date-time) or a day (`2027-03-01`, midnight UTC). */
export const pauseBodySchema = z.object({
  until: plannedDayOrDateTime('until'),
  version: versionSchema.optional(),
});
export type PauseBody = z.infer<typeof pauseBodySchema>;

// ---------------------------------------------------------------------------------------------

// Re-exported for the tab's forms (types only).
export type {
  MatchingGap,
  OptInStatus,
  Profile,
  RoleWish,
  SkillEntry,
  WorkMode,
} from '../domain/profile';

const unknownProgramme =
  'Unknown programme, or a draft the caller does not lead (`programme_not_found`)';
const mine = '/programmes/:id/profile/me';
const someone = '/programmes/:id/profiles/:personId';
const someoneParams = z.object({ id: idParam('id'), personId: idParam('personId') });
const moveConflict =
  "`invalid_transition` (a move the profile's status does not allow, or joining a draft or closed programme), `version_conflict` (a stale version), or `already_exists` (the caller is active in another programme)";

/** The routes (src/contracts/route.ts). */
export const profileApi = {
  mine: route({
    method: 'get',
    path: mine,
    summary:
      "The caller's profile in the programme (a default one, version null, before the first save)",
    access: 'tenant_member',
    params: idParams,
    responses: { 200: profileResponseSchema },
    errors: { 404: unknownProgramme },
  }),
  editMine: route({
    method: 'put',
    path: mine,
    summary: "Replace the caller's editable profile (its version required once saved)",
    access: 'tenant_member',
    params: idParams,
    body: profileEditBodySchema,
    responses: { 200: profileResponseSchema },
    errors: {
      404: unknownProgramme,
      409: '`version_conflict` (no version on a saved profile, or a stale one), `invalid_transition` (the programme is closed), or `already_exists` (the caller is active in another programme)',
    },
  }),
  optIn: route({
    method: 'post',
    path: `${mine}/opt-in`,
    summary: 'Volunteer, under the consent text shown (idempotent)',
    access: 'tenant_member',
    params: idParams,
    body: optInBodySchema,
    responses: { 200: profileResponseSchema },
    errors: { 404: unknownProgramme, 409: moveConflict },
  }),
  pause: route({
    method: 'post',
    path: `${mine}/pause`,
    summary: 'Step back until a day or an instant in the future (idempotent)',
    access: 'tenant_member',
    params: idParams,
    body: pauseBodySchema,
    responses: { 200: profileResponseSchema },
    errors: { 404: unknownProgramme, 409: moveConflict },
  }),
  resume: route({
    method: 'post',
    path: `${mine}/resume`,
    summary: 'Come back after a pause (idempotent; the body and its version are optional)',
    access: 'tenant_member',
    params: idParams,
    body: versionBodySchema,
    bodyOptional: true,
    responses: { 200: profileResponseSchema },
    errors: { 404: unknownProgramme, 409: moveConflict },
  }),
  leave: route({
    method: 'post',
    path: `${mine}/leave`,
    summary: 'Leave the programme, keeping the history (idempotent; the body is optional)',
    access: 'tenant_member',
    params: idParams,
    body: versionBodySchema,
    bodyOptional: true,
    responses: { 200: profileResponseSchema },
    errors: { 404: unknownProgramme, 409: moveConflict },
  }),
  of: route({
    method: 'get',
    path: someone,
    summary: "Someone's profile in the programme: their own, or anyone's for a lead",
    access: 'profile_owner_or_lead',
    params: someoneParams,
    responses: { 200: profileResponseSchema },
    errors: {
      403: 'Someone else who does not lead the programme (`forbidden`)',
      404: `${unknownProgramme}, or a person without a profile in it (\`profile_not_found\`)`,
    },
  }),
  edit: route({
    method: 'put',
    path: someone,
    summary: "Replace the editable profile: the caller's own only, leads included",
    access: 'profile_owner',
    params: someoneParams,
    body: profileEditBodySchema,
    responses: { 200: profileResponseSchema },
    errors: {
      403: 'Anyone but that person, programme leads included (`forbidden`)',
      404: unknownProgramme,
      409: '`version_conflict` (no version on a saved profile, or a stale one), `invalid_transition` (the programme is closed), or `already_exists` (the caller is active in another programme)',
    },
  }),
};
