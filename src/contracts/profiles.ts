import { z } from 'zod';
import { plannedDayOrDateTime, text, timeZoneSchema } from '../domain/common';
import { matchingGaps, profileSchema } from '../domain/profile';
import { versionSchema } from './common';
import { personCardSchema } from './identity';

/** Each person's profile in a programme: edit, opt in, pause, resume, leave. See the conventions in ./common.ts. */

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

/** The routes (src/contracts/route.ts): declared as the handlers move to declaredRoutes. */
export const profileApi = {};
