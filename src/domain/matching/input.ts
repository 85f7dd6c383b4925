import { z } from 'zod';

/** Days of the week as written in availability slots (local time of the person). */
export const weekDays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekDay = (typeof weekDays)[number];

export const matchingRoles = ['mentor', 'mentee', 'both'] as const;
export type MatchingRole = (typeof matchingRoles)[number];

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Minutes since local midnight for "HH:MM" (24:00 allowed as an end). */
export function minutesOfDay(value: string): number {
  const [h, m] = value.split(':');
  return Number(h) * 60 + Number(m);
}

const knownTimeZones = new Map<string, boolean>();

function isTimeZone(value: string): boolean {
  let known = knownTimeZones.get(value);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      known = true;
    } catch {
      known = false;
    }
    if (knownTimeZones.size < 10_000) knownTimeZones.set(value, known);
  }
  return known;
}

const id = z.string().trim().min(1, { error: 'must be a non-empty string' });

const skillLevel = z.object({
  skill: z.string().trim().min(1, { error: 'skill must be a non-empty string' }),
  level: z
    .number({ error: 'level must be a number from 1 to 5' })
    .int({ error: 'level must be a whole number from 1 to 5' })
    .min(1, { error: 'level must be from 1 to 5' })
    .max(5, { error: 'level must be from 1 to 5' }),
});
export type SkillLevel = z.infer<typeof skillLevel>;

const slot = z
  .object({
    day: z.enum(weekDays, { error: `day must be one of ${weekDays.join(', ')}` }),
    start: z.string().regex(hhmm, { error: 'start must be HH:MM (00:00–23:59)' }),
    end: z.string().regex(hhmm, { error: 'end must be HH:MM (00:01–24:00)' }),
  })
  .refine((s) => minutesOfDay(s.end) > minutesOfDay(s.start), {
    error: 'end must be after start (split a slot that crosses midnight in two)',
    path: ['end'],
  });
export type AvailabilitySlot = z.infer<typeof slot>;

/** One person of the cohort as the matching engine sees them (the CLI's record format). */
export const matchingParticipantSchema = z.strictObject({
  id,
  name: z.string().trim().min(1).optional(),
  role: z.enum(matchingRoles, { error: 'role must be mentor, mentee or both' }),
  teaches: z.array(skillLevel, { error: 'teaches must be a list of { skill, level }' }).default([]),
  learns: z.array(skillLevel, { error: 'learns must be a list of { skill, level }' }).default([]),
  languages: z
    .array(z.string().trim().min(1), { error: 'languages must be a list of language codes' })
    .min(1, { error: 'languages must name at least one language' }),
  timeZone: z.string().refine(isTimeZone, { error: 'timeZone must be an IANA time zone' }),
  availability: z.array(slot, { error: 'availability must be a list of { day, start, end }' }),
  department: z.string().trim().min(1).optional(),
  managerId: z.string().trim().min(1).nullable().optional(),
  capacity: z
    .number({ error: 'capacity must be a number from 1 to 3' })
    .int({ error: 'capacity must be a whole number from 1 to 3' })
    .min(1, { error: 'capacity must be from 1 to 3' })
    .max(3, { error: 'capacity must be from 1 to 3' })
    .default(1),
  previousPartners: z.array(id).default([]),
  /** Years of experience; reverse mentoring favours a mentee more senior than the mentor. */
  seniority: z.number().min(0, { error: 'seniority must be a number of years ≥ 0' }).optional(),
  optedIn: z.boolean({ error: 'optedIn must be true or false' }).default(true),
  paused: z.boolean({ error: 'paused must be true or false' }).default(false),
});
export type MatchingParticipant = z.infer<typeof matchingParticipantSchema>;
export type MatchingParticipantInput = z.input<typeof matchingParticipantSchema>;

const weight = z
  .number({ error: 'must be a number' })
  .min(0, { error: 'must not be negative' })
  .max(100, { error: 'must be at most 100' });

/** Relative weight of each criterion; they are normalised so a score lies in 0–100. */
export const scoreWeightsSchema = z.object({
  teach: weight,
  reciprocity: weight,
  availability: weight,
  language: weight,
  diversity: weight,
  seniority: weight,
});
export type ScoreWeights = z.infer<typeof scoreWeightsSchema>;
export const scoreWeightKeys = [
  'teach',
  'reciprocity',
  'availability',
  'language',
  'diversity',
  'seniority',
] as const satisfies readonly (keyof ScoreWeights)[];

export const defaultScoreWeights: ScoreWeights = Object.freeze({
  teach: 0.35,
  reciprocity: 0.2,
  availability: 0.15,
  language: 0.1,
  diversity: 0.1,
  seniority: 0.1,
});

const pinSchema = z.object({ mentorId: id, menteeId: id });
const blockSchema = z.union([
  z.object({ mentorId: id, menteeId: id }),
  z.tuple([id, id]),
  z.object({ a: id, b: id }),
]);

/** A Monday (YYYY-MM-DD) whose dates fix the UTC offsets of every weekly slot. */
export const defaultReferenceWeek = '2026-01-05';

export const matchingInputSchema = z.object({
  participants: z.array(matchingParticipantSchema, { error: 'participants must be a list' }),
  pins: z.array(pinSchema).default([]),
  blocks: z.array(blockSchema).default([]),
  weights: scoreWeightsSchema
    .partial()
    .default({})
    .refine((w) => scoreWeightKeys.some((key) => (w[key] ?? defaultScoreWeights[key]) > 0), {
      error: 'at least one weight must be above 0',
    }),
  sessionMinutes: z
    .number({ error: 'sessionMinutes must be a number of minutes' })
    .int({ error: 'sessionMinutes must be a whole number of minutes' })
    .min(15, { error: 'sessionMinutes must be at least 15' })
    .max(480, { error: 'sessionMinutes must be at most 480' })
    .default(60),
  referenceWeek: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'referenceWeek must be a date YYYY-MM-DD' })
    .refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, {
      error: 'referenceWeek must be a Monday',
    })
    .default(defaultReferenceWeek),
  /** Display names of skills ("power-bi" → "Power BI") used in reasons. */
  skillNames: z.record(z.string(), z.string()).default({}),
});
export type MatchingInput = z.infer<typeof matchingInputSchema>;
export type MatchingInputRaw = z.input<typeof matchingInputSchema>;

/** A block between two people, whatever way the lead wrote it. */
export function blockIds(block: MatchingInput['blocks'][number]): [string, string] {
  if (Array.isArray(block)) return [block[0], block[1]];
  if ('a' in block) return [block.a, block.b];
  return [block.mentorId, block.menteeId];
}

/** The weights with defaults filled in for missing keys, normalised to sum to 1. */
export function normaliseWeights(weights: Partial<ScoreWeights>): ScoreWeights {
  const merged = { ...defaultScoreWeights };
  for (const key of scoreWeightKeys) merged[key] = weights[key] ?? defaultScoreWeights[key];
  const total = scoreWeightKeys.reduce((sum, key) => sum + merged[key], 0);
  const out = { ...merged };
  for (const key of scoreWeightKeys) out[key] = total > 0 ? merged[key] / total : 0;
  return out;
}
