import { z } from 'zod';
import type { Clock } from './clock';
import {
  date,
  dateTime,
  daysInOrder,
  flag,
  group,
  idOf,
  idSchema,
  integer,
  list,
  localizedTextSchema,
  parseOrThrow,
  skillIdSchema,
  tenantIdSchema,
  text,
} from './common';
import { DomainError } from './errors';
import { leaseSchema } from './lease';
import { anonymousSummarySchema, retentionMonthsSchema } from './privacy/retention';

export const skillKinds = ['digital', 'know_how'] as const;
export const skillKindSchema = z.enum(skillKinds, {
  error: 'kind must be "digital" or "know_how"',
});
export type SkillKind = z.infer<typeof skillKindSchema>;

/** One entry of a programme's skills catalogue. */
export const skillSchema = group('skill', {
  id: skillIdSchema,
  label: localizedTextSchema,
  kind: skillKindSchema,
});
export type Skill = z.infer<typeof skillSchema>;

export const frequencies = ['weekly', 'biweekly', 'monthly'] as const;
export const frequencySchema = z.enum(frequencies, {
  error: 'frequency must be "weekly", "biweekly" or "monthly"',
});
export type Frequency = z.infer<typeof frequencySchema>;

export const places = ['online', 'on_site', 'hybrid'] as const;
export const placeSchema = z.enum(places, {
  error: 'place must be "online", "on_site" or "hybrid"',
});
export type Place = z.infer<typeof placeSchema>;

/** How a pair meets: how many sessions, how long, how often, where. */
export const frameSchema = group('frame', {
  sessions: integer('sessions', 1, 52),
  durationMinutes: integer('durationMinutes', 15, 240),
  frequency: frequencySchema,
  place: placeSchema,
  location: text('location', { max: 200 }).optional(),
});
export type Frame = z.infer<typeof frameSchema>;

/** DESIGN.md: 6 sessions of 60 minutes every two weeks, online. */
export const defaultFrame: Frame = Object.freeze({
  sessions: 6,
  durationMinutes: 60,
  frequency: 'biweekly',
  place: 'online',
}) as Frame;

const weight = (field: string) =>
  z
    .number({ error: `weights.${field} must be a number` })
    .min(0, { error: `weights.${field} must not be negative` })
    .max(100, { error: `weights.${field} must be at most 100` });

export const matchingWeightKeys = [
  'teach',
  'reciprocity',
  'availability',
  'language',
  'diversity',
  'seniority',
] as const;

/** How much each criterion counts in a (mentor, mentee) score. */
export const matchingWeightsSchema = group('weights', {
  teach: weight('teach'),
  reciprocity: weight('reciprocity'),
  availability: weight('availability'),
  language: weight('language'),
  diversity: weight('diversity'),
  seniority: weight('seniority'),
});
export type MatchingWeights = z.infer<typeof matchingWeightsSchema>;

/** What the mentor teaches the mentee counts most; the reverse direction next (they sum to 1). */
export const defaultWeights: MatchingWeights = Object.freeze({
  teach: 0.35,
  reciprocity: 0.2,
  availability: 0.15,
  language: 0.1,
  diversity: 0.1,
  seniority: 0.1,
});

const pinSchema = group('pair', { mentorId: idOf('mentorId'), menteeId: idOf('menteeId') });
export type PinnedPair = z.infer<typeof pinSchema>;

/** Hard constraints of matching; a candidate pair that breaks one is never proposed. */
export const matchingConstraintsSchema = group('constraints', {
  /** Weekly overlap of availability both need; defaults to one session's duration. */
  minOverlapMinutes: integer('constraints.minOverlapMinutes', 0, 7 * 24 * 60),
  /** How many mentees a mentor takes when their profile does not say. */
  mentorCapacity: integer('constraints.mentorCapacity', 1, 3),
  /** Pairs the lead imposes. */
  pins: list('constraints.pins', pinSchema),
  /** Pairs the lead forbids. */
  blocks: list('constraints.blocks', pinSchema),
});
export type MatchingConstraints = z.infer<typeof matchingConstraintsSchema>;

export const programmeStatuses = ['draft', 'enrolling', 'matching', 'running', 'closed'] as const;
export const programmeStatusSchema = z.enum(programmeStatuses, {
  error: 'status must be one of draft, enrolling, matching, running, closed',
});
export type ProgrammeStatus = z.infer<typeof programmeStatusSchema>;

/** Allowed moves; matching may go back to enrolling (late volunteers), any open programme may close. */
export const programmeTransitions: Readonly<Record<ProgrammeStatus, readonly ProgrammeStatus[]>> = {
  draft: ['enrolling', 'closed'],
  enrolling: ['matching', 'closed'],
  matching: ['enrolling', 'running', 'closed'],
  running: ['closed'],
  closed: [],
};

/** Minutes before a session when its reminders go out: a day before and 15 minutes before. */
export const defaultReminderOffsetsMinutes: readonly number[] = Object.freeze([24 * 60, 15]);
/** Days a person has to answer a match proposal. */
export const defaultProposalResponseDays = 3;

export const programmeSchema = z
  .object({
    id: idSchema,
    tenantId: tenantIdSchema,
    name: text('name', { min: 1, max: 120 }),
    description: text('description', { max: 2000 }),
    startDate: date('startDate'),
    endDate: date('endDate'),
    status: programmeStatusSchema,
    skills: list('skills', skillSchema)
      .max(200, { error: 'skills must have at most 200 entries' })
      .superRefine((skills, ctx) => {
        const seen = new Set<string>();
        skills.forEach((skill, index) => {
          if (seen.has(skill.id)) {
            ctx.addIssue({
              code: 'custom',
              message: `skill id "${skill.id}" appears more than once in the catalogue`,
              path: [index, 'id'],
            });
          }
          seen.add(skill.id);
        });
      }),
    frame: frameSchema,
    managerApprovalRequired: flag('managerApprovalRequired'),
    weights: matchingWeightsSchema,
    constraints: matchingConstraintsSchema,
    leadIds: list('leadIds', idOf('leadId')).min(1, {
      error: 'a programme needs at least one lead',
    }),
    reminderOffsetsMinutes: list(
      'reminderOffsetsMinutes',
      integer('reminderOffsetsMinutes', 1, 14 * 24 * 60),
    ).max(5, { error: 'reminderOffsetsMinutes must have at most 5 entries' }),
    proposalResponseDays: integer('proposalResponseDays', 1, 30),
    /** Months personal data is kept after the programme closes (absent: the default, 12). */
    retentionMonths: retentionMonthsSchema.optional(),
    /** When it closed (absent on programmes closed before it was recorded: their updatedAt). */
    closedAt: dateTime('closedAt').optional(),
    /** When its personal data was purged; only `anonymousSummary` remains of its people. */
    purgedAt: dateTime('purgedAt').optional(),
    anonymousSummary: anonymousSummarySchema.optional(),
    /** The retention purge's lease (one instance purges a programme). */
    purgeClaim: leaseSchema('purgeClaim').optional(),
    createdAt: dateTime('createdAt'),
    updatedAt: dateTime('updatedAt'),
  })
  .refine((programme) => daysInOrder(programme.startDate, programme.endDate), {
    error: 'endDate must be on or after startDate',
    path: ['endDate'],
  });
export type Programme = z.infer<typeof programmeSchema>;

/** What a lead provides to create a programme; everything else has a default. */
export type NewProgrammeInput = {
  id: string;
  tenantId: string;
  name: string;
  description?: string;
  startDate: string;
  endDate: string;
  leadIds: string[];
  skills?: Skill[];
  frame?: Partial<Frame>;
  managerApprovalRequired?: boolean;
  weights?: Partial<MatchingWeights>;
  constraints?: Partial<MatchingConstraints>;
  reminderOffsetsMinutes?: number[];
  proposalResponseDays?: number;
};

/** A new draft programme with DESIGN defaults; throws `validation_failed` listing every issue. */
export function newProgramme(input: NewProgrammeInput, clock: Clock): Programme {
  const now = clock.now().toISOString();
  const frame = { ...defaultFrame, ...input.frame };
  return parseOrThrow(
    programmeSchema,
    {
      id: input.id,
      tenantId: input.tenantId,
      name: input.name,
      description: input.description ?? '',
      startDate: input.startDate,
      endDate: input.endDate,
      status: 'draft',
      skills: input.skills ?? [],
      frame,
      managerApprovalRequired: input.managerApprovalRequired ?? true,
      weights: { ...defaultWeights, ...input.weights },
      constraints: {
        minOverlapMinutes: frame.durationMinutes,
        mentorCapacity: 1,
        pins: [],
        blocks: [],
        ...input.constraints,
      },
      leadIds: input.leadIds,
      reminderOffsetsMinutes: input.reminderOffsetsMinutes ?? [...defaultReminderOffsetsMinutes],
      proposalResponseDays: input.proposalResponseDays ?? defaultProposalResponseDays,
      createdAt: now,
      updatedAt: now,
    },
    'programme',
  );
}

/** True when a programme may move from `from` to `to`. */
export function canTransitionProgramme(from: ProgrammeStatus, to: ProgrammeStatus): boolean {
  return programmeTransitions[from].includes(to);
}

/** Moves a programme to `to`; repeating the move is a no-op, a forbidden move is `invalid_transition`. */
export function transitionProgramme(
  programme: Programme,
  to: ProgrammeStatus,
  clock: Clock,
): { programme: Programme; changed: boolean } {
  if (programme.status === to) return { programme, changed: false };
  if (!canTransitionProgramme(programme.status, to)) {
    throw new DomainError(
      'invalid_transition',
      `A ${programme.status} programme cannot become ${to}`,
      { entity: 'programme', id: programme.id, from: programme.status, to },
    );
  }
  const now = clock.now().toISOString();
  return {
    programme: {
      ...programme,
      status: to,
      updatedAt: now,
      ...(to === 'closed' ? { closedAt: now } : {}),
    },
    changed: true,
  };
}

/** True when `personId` leads the programme. */
export function isProgrammeLead(programme: Programme, personId: string): boolean {
  return programme.leadIds.includes(personId);
}

/** The catalogue entry of `skillId`, or undefined. */
export function findSkill(programme: Programme, skillId: string): Skill | undefined {
  return programme.skills.find((skill) => skill.id === skillId);
}
