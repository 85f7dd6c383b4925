import { z } from 'zod';
import {
  dateTime,
  flag,
  idSchema,
  integer,
  languageSchema,
  list,
  minutesOfDay,
  skillIdSchema,
  skillLevelSchema,
  tenantIdSchema,
  text,
  timeZoneSchema,
  weekdaySchema,
  type Weekday,
} from '../common';
import { toLocal } from '../calendar/local-time';
import type { Person } from '../person';
import type { Profile } from '../profile';

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = (field: string) =>
  text(field).regex(hhmm, { error: `${field} must be a time HH:MM between 00:00 and 23:59` });

/** Hours in the buddy's own zone; `end` before `start` runs past midnight (quiet hours 19:00–08:00). */
export const hoursSchema = z.object({ start: time('start'), end: time('end') });
export type Hours = z.infer<typeof hoursSchema>;

export const buddySkillEntrySchema = z.object({ skillId: skillIdSchema, level: skillLevelSchema });
export type BuddySkillEntry = z.infer<typeof buddySkillEntrySchema>;

/** Default weekly cap of helps (issue #17). */
export const defaultWeeklyCap = 3;

/**
 * A person's quick-help settings (buddies container, one per person per tenant, id = person id).
 * Any employee may be a buddy, no programme needed. `skillIds` repeats `skills` for queries.
 */
export const buddySettingsSchema = z.object({
  id: idSchema,
  tenantId: tenantIdSchema,
  /** Offered quick-help requests at all ("buddy on"). */
  active: flag('active'),
  skills: list('skills', buddySkillEntrySchema).max(30, {
    error: 'skills must have at most 30 entries',
  }),
  skillIds: z.array(skillIdSchema),
  /** Also asked about topics outside the catalogue. */
  anythingDigital: flag('anythingDigital'),
  languages: list('languages', languageSchema)
    .min(1, { error: 'languages must list at least one language' })
    .max(10, { error: 'languages must list at most 10 languages' }),
  timeZone: timeZoneSchema,
  workingHours: hoursSchema,
  workingDays: list('workingDays', weekdaySchema).min(1, {
    error: 'workingDays must list at least one day',
  }),
  quietHours: hoursSchema.nullable(),
  weeklyCap: integer('weeklyCap', 1, 20),
  pausedUntil: dateTime('pausedUntil').nullable(),
  /** Helps accepted in the ISO week `week.id` (UTC), for the cap and the ranking. */
  week: z.object({ id: text('week.id', { max: 10 }), helps: integer('week.helps', 0, 1000) }),
  helpsTotal: integer('helpsTotal', 0, 1_000_000),
  updatedAt: dateTime('updatedAt'),
});
export type BuddySettings = z.infer<typeof buddySettingsSchema>;

/** What the ranking reads of a buddy (the candidates query projects these fields only). */
export type BuddyCandidate = Pick<
  BuddySettings,
  | 'id'
  | 'active'
  | 'skills'
  | 'skillIds'
  | 'anythingDigital'
  | 'languages'
  | 'timeZone'
  | 'workingHours'
  | 'workingDays'
  | 'quietHours'
  | 'weeklyCap'
  | 'pausedUntil'
  | 'week'
>;

/** The candidate fields, for the projection (kept in step with `BuddyCandidate`). */
export const buddyCandidateFields = [
  'id',
  'active',
  'skills',
  'skillIds',
  'anythingDigital',
  'languages',
  'timeZone',
  'workingHours',
  'workingDays',
  'quietHours',
  'weeklyCap',
  'pausedUntil',
  'week',
] as const satisfies readonly (keyof BuddyCandidate)[];

/**
 * The candidate shape read back: plain types, no time-zone or language-tag checks (each costs an
 * Intl lookup; a query may read hundreds). Settings are fully validated when written.
 */
export const buddyCandidateSchema = z.object({
  id: z.string(),
  active: z.boolean(),
  skills: z.array(z.object({ skillId: z.string(), level: z.number() })),
  skillIds: z.array(z.string()),
  anythingDigital: z.boolean(),
  languages: z.array(z.string()),
  timeZone: z.string(),
  workingHours: z.object({ start: z.string(), end: z.string() }),
  workingDays: z.array(weekdaySchema),
  quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
  weeklyCap: z.number(),
  pausedUntil: z.string().nullable(),
  week: z.object({ id: z.string(), helps: z.number() }),
});

/** What a person edits (tab form, bot on/off); the counters are the service's. */
export const buddySettingsEditSchema = buddySettingsSchema
  .pick({
    active: true,
    skills: true,
    anythingDigital: true,
    languages: true,
    timeZone: true,
    workingHours: true,
    workingDays: true,
    quietHours: true,
    weeklyCap: true,
    pausedUntil: true,
  })
  .superRefine((edit, ctx) => {
    const seen = new Set<string>();
    edit.skills.forEach((s, i) => {
      if (seen.has(s.skillId)) {
        ctx.addIssue({
          code: 'custom',
          message: `skills lists "${s.skillId}" more than once`,
          path: ['skills', i, 'skillId'],
        });
      }
      seen.add(s.skillId);
    });
    if (edit.workingHours.end <= edit.workingHours.start) {
      ctx.addIssue({
        code: 'custom',
        message: 'workingHours.end must be later than workingHours.start',
        path: ['workingHours', 'end'],
      });
    }
  });
export type BuddySettingsEdit = z.infer<typeof buddySettingsEditSchema>;

/** The ISO week of an instant, in UTC: '2026-W49'. */
export function isoWeek(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Helps accepted this week (0 once a new week started). */
export function helpsThisWeek(settings: BuddyCandidate, now: Date): number {
  return settings.week.id === isoWeek(now) ? settings.week.helps : 0;
}

/** One more help counted (on accept). */
export function countHelp(settings: BuddySettings, now: Date): BuddySettings {
  const week = isoWeek(now);
  return {
    ...settings,
    week: { id: week, helps: helpsThisWeek(settings, now) + 1 },
    helpsTotal: settings.helpsTotal + 1,
  };
}

/** True when `minutes` (since local midnight) falls in `hours`, which may run past midnight. */
export function withinHours(hours: Hours, minutes: number): boolean {
  const start = minutesOfDay(hours.start);
  const end = minutesOfDay(hours.end);
  return start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/** The buddy's wall clock now. */
export function localNow(settings: Pick<BuddySettings, 'timeZone'>, now: Date) {
  return toLocal(now.getTime(), settings.timeZone);
}

/** In quiet hours now, in their own zone. */
export function inQuietHours(settings: BuddyCandidate, now: Date): boolean {
  return (
    settings.quietHours !== null &&
    withinHours(settings.quietHours, localNow(settings, now).minutes)
  );
}

/** Within working hours on a working day now, in their own zone. */
export function inWorkingHours(settings: BuddyCandidate, now: Date): boolean {
  const local = localNow(settings, now);
  return (
    settings.workingDays.includes(local.weekday) &&
    withinHours(settings.workingHours, local.minutes)
  );
}

/** Paused until a later time. */
export function isPaused(settings: BuddyCandidate, now: Date): boolean {
  return settings.pausedUntil !== null && settings.pausedUntil > now.toISOString();
}

const weekdaysMonFri: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/**
 * First settings for a person: their programme profile's digital skills and levels, languages and
 * zone when they have one; otherwise "anything digital" in their directory language and zone.
 */
export function defaultBuddySettings(
  person: Pick<Person, 'id' | 'tenantId' | 'preferredLocale' | 'timeZone'>,
  now: Date,
  profile?: Pick<Profile, 'teaches' | 'languages' | 'timeZone'>,
  digitalSkillIds: ReadonlySet<string> = new Set(),
): BuddySettings {
  const skills = (profile?.teaches ?? [])
    .filter((t) => digitalSkillIds.has(t.skillId))
    .map((t) => ({ skillId: t.skillId, level: t.level }));
  return {
    id: person.id,
    tenantId: person.tenantId,
    active: false,
    skills,
    skillIds: skills.map((s) => s.skillId),
    anythingDigital: skills.length === 0,
    languages: profile?.languages.length ? [...profile.languages] : [person.preferredLocale],
    timeZone: profile?.timeZone ?? person.timeZone,
    workingHours: { start: '09:00', end: '18:00' },
    workingDays: [...weekdaysMonFri],
    quietHours: { start: '19:00', end: '08:00' },
    weeklyCap: defaultWeeklyCap,
    pausedUntil: null,
    week: { id: isoWeek(now), helps: 0 },
    helpsTotal: 0,
    updatedAt: now.toISOString(),
  };
}

/** The settings with an edit applied (`skillIds` kept in step). */
export function applyBuddyEdit(
  settings: BuddySettings,
  edit: BuddySettingsEdit,
  now: Date,
): BuddySettings {
  return {
    ...settings,
    ...edit,
    skillIds: edit.skills.map((s) => s.skillId),
    updatedAt: now.toISOString(),
  };
}
