import { z } from 'zod';
import { DomainError } from './errors';

/** The two languages the product speaks. */
export const locales = ['fr', 'en'] as const;
export const localeSchema = z.enum(locales, { error: 'locale must be "fr" or "en"' });
export type Locale = z.infer<typeof localeSchema>;

/** A required string field whose messages name the field ("bio is required"). */
export function text(field: string, options: { min?: number; max?: number } = {}) {
  const min = options.min ?? 0;
  let schema = z.string({
    error: (issue) =>
      issue.input === undefined ? `${field} is required` : `${field} must be text`,
  });
  if (min > 0) {
    schema = schema.refine((value) => value.trim().length >= min, {
      error: min === 1 ? `${field} must not be empty` : `${field} needs at least ${min} characters`,
    });
  }
  if (options.max !== undefined) {
    schema = schema.max(options.max, {
      error: `${field} must be at most ${options.max} characters`,
    });
  }
  return schema;
}

const requiredOr = (field: string, what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? `${field} is required` : `${field} must be ${what}`;

/** An object field whose own messages name it ("agreement is required"). */
export function group<const T extends z.ZodRawShape>(field: string, shape: T) {
  return z.object(shape, { error: requiredOr(field, 'an object') });
}

/** A list field whose own messages name it ("teaches must be a list"). */
export function list<T extends z.ZodType>(field: string, item: T) {
  return z.array(item, { error: requiredOr(field, 'a list') });
}

/** A true/false field whose messages name it. */
export function flag(field: string) {
  return z.boolean({ error: requiredOr(field, 'true or false') });
}

/** An identifier: a non-empty string without the characters Cosmos DB forbids in ids. */
export function idOf(field: string) {
  return text(field, { min: 1, max: 255 }).refine((value) => !/[/\\?#]/.test(value), {
    error: `${field} must not contain / \\ ? or #`,
  });
}

export const idSchema = idOf('id');
export const tenantIdSchema = idOf('tenantId');
export type Id = z.infer<typeof idSchema>;

/** Text in both product languages; both are required so no screen falls back silently. */
export const localizedTextSchema = z.object(
  {
    fr: text('French text', { min: 1, max: 1000 }),
    en: text('English text', { min: 1, max: 1000 }),
  },
  { error: 'expected text in French and English ({ fr, en })' },
);
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** A UTC instant in ISO 8601 (`2026-03-02T09:00:00.000Z`), as stored and sent over the API. */
export function dateTime(field: string) {
  return z.iso.datetime({
    error: (issue) =>
      issue.input === undefined
        ? `${field} is required`
        : `${field} must be an ISO date-time in UTC, like 2026-03-02T09:00:00Z`,
  });
}
export const isoDateTimeSchema = dateTime('date-time');
export type IsoDateTime = z.infer<typeof isoDateTimeSchema>;

/** A calendar day (`2026-03-02`), for programme dates and due dates. */
export function date(field: string) {
  return z.iso.date({
    error: (issue) =>
      issue.input === undefined
        ? `${field} is required`
        : `${field} must be a date like 2026-03-02`,
  });
}
export const isoDateSchema = date('date');

/**
 * The years a date a person plans (a session, the end of a pause) may fall in: an instant in 1970
 * or 9999 is a slip or a probe, and would sort, expire or render absurdly downstream.
 */
export const plannedYears = { from: 2000, to: 2099 } as const;

function inPlannedYears(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return year >= plannedYears.from && year <= plannedYears.to;
}

const outOfYears = (field: string) =>
  `${field} must fall between the years ${plannedYears.from} and ${plannedYears.to}`;

/** A planned instant: an ISO date-time in UTC within `plannedYears` (a session's start). */
export function plannedDateTime(field: string) {
  return dateTime(field).refine(inPlannedYears, { error: outOfYears(field) });
}

/**
 * A planned day (`2027-03-01`, a real calendar day) or instant (ISO date-time in UTC), within
 * `plannedYears`: the end of a pause. `2027-02-30`, `2027`, `March 1, 2027` are refused.
 */
export function plannedDayOrDateTime(field: string) {
  const day = z.iso.date();
  const instant = z.iso.datetime();
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${field} is required` : `${field} must be text`,
    })
    .superRefine((value, ctx) => {
      if (!day.safeParse(value).success && !instant.safeParse(value).success) {
        ctx.addIssue({
          code: 'custom',
          message: `${field} must be a real date like 2027-03-01 or an ISO date-time in UTC like 2027-03-01T09:00:00Z`,
        });
      } else if (!inPlannedYears(value)) {
        ctx.addIssue({ code: 'custom', message: outOfYears(field) });
      }
    });
}
export type IsoDate = z.infer<typeof isoDateSchema>;

/**
 * Answers already known, per zone name. Building an Intl.DateTimeFormat costs about as much as
 * the rest of a document's validation, and every person, profile and pair read carries zones
 * (it was the API's costliest function under load: npm run bench:load). Unknown names are not
 * kept, so the map holds at most the zones the runtime knows.
 */
const knownZones = new Set<string>();

/** True when `zone` is an IANA time-zone name this runtime knows (Intl is pure, not I/O). */
export function isValidTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  if (zone.length === 0 || /^[+-]\d/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
  } catch {
    return false;
  }
  knownZones.add(zone);
  return true;
}

export const timeZoneSchema = text('timeZone', { min: 1, max: 64 }).refine(isValidTimeZone, {
  error: 'timeZone must be an IANA time zone such as Europe/Paris',
});
export type TimeZone = z.infer<typeof timeZoneSchema>;

/** True when `tag` is a well-formed BCP 47 language tag ("fr", "en-GB"). */
export function isLanguageTag(tag: string): boolean {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

export const languageSchema = text('language', { min: 1, max: 35 }).refine(isLanguageTag, {
  error: 'language must be a BCP 47 tag such as fr or en-GB',
});

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const weekdaySchema = z.enum(weekdays, {
  error: 'day must be one of mon, tue, wed, thu, fri, sat, sun',
});
export type Weekday = z.infer<typeof weekdaySchema>;

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;

function isTime(value: string): boolean {
  return hhmm.test(value) || value === '24:00';
}

/** True when both are well-formed `YYYY-MM-DD` days and `to` is not before `from` (or either is malformed). */
export function daysInOrder(from: string, to: string): boolean {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  return !day.test(from) || !day.test(to) || to >= from;
}

/** Minutes since midnight of an `HH:MM` string ('24:00' is the end of the day). */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** A weekly availability window in the person's own time zone; `end` may be '24:00'. */
export const weeklySlotSchema = group('availability slot', {
  day: weekdaySchema,
  start: text('start').regex(hhmm, {
    error: 'start must be a time HH:MM between 00:00 and 23:59',
  }),
  end: text('end').refine((value) => hhmm.test(value) || value === '24:00', {
    error: 'end must be a time HH:MM between 00:01 and 24:00',
  }),
})
  // Compared only when both times are well formed, so a bad time gets one message, not two.
  .refine(
    (slot) =>
      !isTime(slot.start) || !isTime(slot.end) || minutesOfDay(slot.end) > minutesOfDay(slot.start),
    {
      error: 'end must be later than start',
      path: ['end'],
    },
  );
export type WeeklySlot = z.infer<typeof weeklySlotSchema>;

/** A self-assessed level: 1 (beginner) to 5 (expert). */
export const skillLevelSchema = z
  .number({ error: 'level must be a number from 1 to 5' })
  .int({ error: 'level must be a whole number from 1 to 5' })
  .min(1, { error: 'level must be at least 1' })
  .max(5, { error: 'level must be at most 5' });
export type SkillLevel = z.infer<typeof skillLevelSchema>;

/** A skill identifier in a programme's catalogue: lowercase slug such as `power-bi`. */
export const skillIdSchema = text('skillId', { min: 1, max: 64 }).regex(
  /^[a-z0-9]+(-[a-z0-9]+)*$/,
  {
    error: 'skillId must be a lowercase slug such as power-bi',
  },
);
export type SkillId = z.infer<typeof skillIdSchema>;

/** A whole number within bounds, with messages that name the field. */
export function integer(field: string, min: number, max: number) {
  return z
    .number({ error: `${field} must be a number` })
    .int({ error: `${field} must be a whole number` })
    .min(min, { error: `${field} must be at least ${min}` })
    .max(max, { error: `${field} must be at most ${max}` });
}

/** What every stored document carries: its id and its tenant (the partition key). */
export const tenantDocumentSchema = z.object({ id: idSchema, tenantId: tenantIdSchema });
export type TenantDocument = z.infer<typeof tenantDocumentSchema>;

/** One validation problem, in the shape the API returns. */
export type ValidationIssue = { path: string; message: string };

/** The issues of a zod error as `{ path: 'availability.0.end', message }`. */
export function issuesOf(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** Parses `input` or throws `DomainError('validation_failed')` listing every issue. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  const first = issues[0];
  const summary = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'invalid';
  throw new DomainError('validation_failed', `Invalid ${what}: ${summary}`, { issues });
}
