import { z } from 'zod';
import type { Clock } from './clock';
import {
  dateTime,
  group,
  idOf,
  idSchema,
  integer,
  languageSchema,
  list,
  minutesOfDay,
  parseOrThrow,
  skillIdSchema,
  skillLevelSchema,
  tenantIdSchema,
  text,
  timeZoneSchema,
  type WeeklySlot,
  weeklySlotSchema,
} from './common';
import { DomainError } from './errors';
import type { Programme } from './programme';

export const optInStatuses = ['not_joined', 'opted_in', 'paused', 'left'] as const;
export const optInStatusSchema = z.enum(optInStatuses, {
  error: 'opt-in status must be one of not_joined, opted_in, paused, left',
});
export type OptInStatus = z.infer<typeof optInStatusSchema>;

/** One change of opt-in state, kept for the record (volunteering must be provable). */
export const optInChangeSchema = group('opt-in change', {
  from: optInStatusSchema,
  to: optInStatusSchema,
  at: dateTime('at'),
  consentTextVersion: text('consentTextVersion', { max: 40 }).optional(),
  pausedUntil: dateTime('pausedUntil').optional(),
});
export type OptInChange = z.infer<typeof optInChangeSchema>;

export const optInSchema = group('optIn', {
  status: optInStatusSchema,
  consentedAt: dateTime('consentedAt').optional(),
  consentTextVersion: text('consentTextVersion', { min: 1, max: 40 }).optional(),
  pausedUntil: dateTime('pausedUntil').optional(),
  leftAt: dateTime('leftAt').optional(),
  history: list('optIn.history', optInChangeSchema),
});
export type OptIn = z.infer<typeof optInSchema>;

export const roleWishes = ['mentor', 'mentee', 'both'] as const;
export const roleWishSchema = z.enum(roleWishes, {
  error: 'roleWish must be "mentor", "mentee" or "both"',
});
export type RoleWish = z.infer<typeof roleWishSchema>;

export const workModes = ['remote', 'hybrid', 'on_site'] as const;
export const workModeSchema = z.enum(workModes, {
  error: 'workMode must be "remote", "hybrid" or "on_site"',
});
export type WorkMode = z.infer<typeof workModeSchema>;

/** A skill someone shares or wants to learn, with their level (1–5) and an optional goal. */
export const skillEntrySchema = group('skill', {
  skillId: skillIdSchema,
  level: skillLevelSchema,
  goal: text('goal', { max: 300 }).optional(),
});
export type SkillEntry = z.infer<typeof skillEntrySchema>;

const skillList = (field: 'teaches' | 'learns') =>
  list(field, skillEntrySchema)
    .max(20, { error: `${field} must have at most 20 skills` })
    .superRefine((entries, ctx) => {
      const seen = new Set<string>();
      entries.forEach((entry, index) => {
        if (seen.has(entry.skillId)) {
          ctx.addIssue({
            code: 'custom',
            message: `${field} lists skill "${entry.skillId}" more than once`,
            path: [index, 'skillId'],
          });
        }
        seen.add(entry.skillId);
      });
    });

/** Index pairs of slots that overlap on the same day (touching ends do not overlap). */
export function overlappingSlots(slots: readonly WeeklySlot[]): [number, number][] {
  const clashes: [number, number][] = [];
  for (let i = 0; i < slots.length; i++) {
    for (let j = i + 1; j < slots.length; j++) {
      const a = slots[i];
      const b = slots[j];
      if (!a || !b || a.day !== b.day) continue;
      if (
        minutesOfDay(a.start) < minutesOfDay(b.end) &&
        minutesOfDay(b.start) < minutesOfDay(a.end)
      ) {
        clashes.push([i, j]);
      }
    }
  }
  return clashes;
}

export const profileSchema = z
  .object({
    /** The person's Entra object id: one profile per person per tenant. */
    id: idSchema,
    tenantId: tenantIdSchema,
    programmeId: idOf('programmeId'),
    optIn: optInSchema,
    roleWish: roleWishSchema,
    teaches: skillList('teaches'),
    learns: skillList('learns'),
    languages: list('languages', languageSchema)
      .min(1, { error: 'languages must list at least one language' })
      .max(10, { error: 'languages must list at most 10 languages' })
      .refine(
        (languages) => new Set(languages.map((l) => l.toLowerCase())).size === languages.length,
        {
          error: 'languages must not list a language twice',
        },
      ),
    timeZone: timeZoneSchema,
    availability: list('availability', weeklySlotSchema)
      .max(50, { error: 'availability must have at most 50 slots' })
      .superRefine((slots, ctx) => {
        for (const [i, j] of overlappingSlots(slots)) {
          const a = slots[i];
          const b = slots[j];
          if (!a || !b) continue;
          ctx.addIssue({
            code: 'custom',
            message: `availability slots ${a.day} ${a.start}–${a.end} and ${b.start}–${b.end} overlap`,
            path: [j],
          });
        }
      }),
    workMode: workModeSchema,
    location: text('location', { max: 200 }).optional(),
    bio: text('bio', { max: 500 }),
    mentorCapacity: integer('mentorCapacity', 1, 3),
    previousPartnerIds: list('previousPartnerIds', idOf('previousPartnerId')),
    updatedAt: dateTime('updatedAt'),
  })
  .refine((profile) => !profile.previousPartnerIds.includes(profile.id), {
    error: 'previousPartnerIds must not include the person themself',
    path: ['previousPartnerIds'],
  });
export type Profile = z.infer<typeof profileSchema>;

/** What is needed to create a profile; the rest has defaults (not joined, both roles, French). */
export type NewProfileInput = Partial<
  Omit<Profile, 'id' | 'tenantId' | 'programmeId' | 'optIn' | 'updatedAt'>
> & {
  id: string;
  tenantId: string;
  programmeId: string;
};

/** A profile nobody has opted in yet; throws `validation_failed` listing every issue. */
export function newProfile(input: NewProfileInput, clock: Clock): Profile {
  return parseOrThrow(
    profileSchema,
    {
      roleWish: 'both',
      teaches: [],
      learns: [],
      languages: ['fr'],
      timeZone: 'Europe/Paris',
      availability: [],
      workMode: 'hybrid',
      bio: '',
      mentorCapacity: 1,
      previousPartnerIds: [],
      ...input,
      optIn: { status: 'not_joined', history: [] },
      updatedAt: clock.now().toISOString(),
    },
    'profile',
  );
}

type ProfileChange = { profile: Profile; changed: boolean };

function moveOptIn(
  profile: Profile,
  to: OptInStatus,
  now: string,
  patch: Partial<Omit<OptIn, 'status' | 'history'>>,
  change: Partial<OptInChange> = {},
): ProfileChange {
  const { status: from, history, ...rest } = profile.optIn;
  const next: OptIn = {
    ...rest,
    ...patch,
    status: to,
    history: [...history, { ...change, from, to, at: now }],
  };
  if (to !== 'paused') delete next.pausedUntil;
  return { profile: { ...profile, optIn: next, updatedAt: now }, changed: true };
}

/** The person volunteers (again) under consent text `consentTextVersion`; repeating is a no-op. */
export function optIn(profile: Profile, consentTextVersion: string, clock: Clock): ProfileChange {
  if (consentTextVersion.trim().length === 0) {
    throw new DomainError('validation_failed', 'consentTextVersion must not be empty', {
      issues: [{ path: 'consentTextVersion', message: 'consentTextVersion must not be empty' }],
    });
  }
  if (profile.optIn.status === 'opted_in') return { profile, changed: false };
  const now = clock.now().toISOString();
  const next = moveOptIn(
    profile,
    'opted_in',
    now,
    { consentedAt: now, consentTextVersion },
    { consentTextVersion },
  );
  delete next.profile.optIn.leftAt;
  return next;
}

/** The person steps back until `until` (a future instant); pausing again moves the date. */
export function pause(profile: Profile, until: string, clock: Clock): ProfileChange {
  const now = clock.now();
  const status = profile.optIn.status;
  if (status !== 'opted_in' && status !== 'paused') {
    throw new DomainError('invalid_transition', `A profile that is ${status} cannot be paused`, {
      entity: 'profile',
      id: profile.id,
      from: status,
      to: 'paused',
    });
  }
  const untilDate = new Date(until);
  if (Number.isNaN(untilDate.getTime()) || untilDate.getTime() <= now.getTime()) {
    throw new DomainError('validation_failed', 'pausedUntil must be a date-time in the future', {
      issues: [{ path: 'pausedUntil', message: 'pausedUntil must be a date-time in the future' }],
    });
  }
  const pausedUntil = untilDate.toISOString();
  if (status === 'paused' && profile.optIn.pausedUntil === pausedUntil) {
    return { profile, changed: false };
  }
  return moveOptIn(profile, 'paused', now.toISOString(), { pausedUntil }, { pausedUntil });
}

/** The person comes back from a pause; resuming an active profile is a no-op. */
export function resume(profile: Profile, clock: Clock): ProfileChange {
  const status = profile.optIn.status;
  if (status === 'opted_in') return { profile, changed: false };
  if (status !== 'paused') {
    throw new DomainError('invalid_transition', `A profile that is ${status} cannot be resumed`, {
      entity: 'profile',
      id: profile.id,
      from: status,
      to: 'opted_in',
    });
  }
  return moveOptIn(profile, 'opted_in', clock.now().toISOString(), {});
}

/** The person leaves, at any time; they are never nudged again unless they opt in themselves. */
export function leave(profile: Profile, clock: Clock): ProfileChange {
  if (profile.optIn.status === 'left') return { profile, changed: false };
  const now = clock.now().toISOString();
  return moveOptIn(profile, 'left', now, { leftAt: now });
}

/** True when the person may be matched now (opted in, or a pause that has run out). */
export function isAvailableForMatching(profile: Profile, clock: Clock): boolean {
  const { status, pausedUntil } = profile.optIn;
  if (status === 'opted_in') return true;
  return (
    status === 'paused' && pausedUntil !== undefined && pausedUntil <= clock.now().toISOString()
  );
}

/**
 * What a profile still lacks to be matched (a profile may be saved without them, but matching
 * cannot pair it): a skill on the side(s) the person wishes to take, and some hours a week.
 * - `skill_to_learn`: a mentee names nothing to learn; `skill_to_teach`: a mentor nothing to
 *   teach; `skill`: someone open to both names nothing at all.
 * - `availability`: no weekly slot, so 0 h available.
 */
export const matchingGaps = ['skill_to_learn', 'skill_to_teach', 'skill', 'availability'] as const;
export type MatchingGap = (typeof matchingGaps)[number];

export function missingForMatching(
  profile: Pick<Profile, 'roleWish' | 'teaches' | 'learns' | 'availability'>,
): MatchingGap[] {
  const gaps: MatchingGap[] = [];
  if (profile.roleWish === 'mentee' && profile.learns.length === 0) gaps.push('skill_to_learn');
  if (profile.roleWish === 'mentor' && profile.teaches.length === 0) gaps.push('skill_to_teach');
  if (profile.roleWish === 'both' && profile.teaches.length + profile.learns.length === 0)
    gaps.push('skill');
  if (profile.availability.length === 0) gaps.push('availability');
  return gaps;
}

/** True when reminders and nudges may reach the person: never after leaving, not during a pause. */
export function acceptsNudges(profile: Profile, clock: Clock): boolean {
  const { status } = profile.optIn;
  if (status === 'left') return false;
  if (status === 'paused') return isAvailableForMatching(profile, clock);
  return true;
}

/** Skill ids of the profile that the programme's catalogue does not have. */
export function unknownSkillIds(profile: Profile, programme: Programme): string[] {
  const known = new Set(programme.skills.map((skill) => skill.id));
  return [...profile.teaches, ...profile.learns]
    .map((entry) => entry.skillId)
    .filter((id, index, all) => !known.has(id) && all.indexOf(id) === index);
}

/** Throws `validation_failed` when the profile names skills outside the programme's catalogue. */
export function assertSkillsInCatalogue(profile: Profile, programme: Programme): void {
  const issues: { path: string; message: string }[] = [];
  for (const field of ['teaches', 'learns'] as const) {
    profile[field].forEach((entry, index) => {
      if (!programme.skills.some((skill) => skill.id === entry.skillId)) {
        issues.push({
          path: `${field}.${index}.skillId`,
          message: `skill "${entry.skillId}" is not in the programme's catalogue`,
        });
      }
    });
  }
  const first = issues[0];
  if (first) {
    throw new DomainError('validation_failed', `Invalid profile: ${first.path}: ${first.message}`, {
      issues,
    });
  }
}
