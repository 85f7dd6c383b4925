import { z } from 'zod';
import { dateTime, idOf, idSchema, tenantIdSchema, text } from '../common';
import { frequencySchema } from '../programme';

/** How an attendee answered (Graph's responseType values). */
export const attendeeResponses = [
  'none',
  'organizer',
  'tentativelyAccepted',
  'accepted',
  'declined',
  'notResponded',
] as const;

const personSchema = z.object({
  id: idOf('person.id'),
  email: text('email', { min: 3, max: 320 }),
  displayName: text('displayName', { min: 1, max: 200 }),
});

export const recurrenceRuleSchema = z.object({
  frequency: frequencySchema,
  timeZone: text('timeZone', { min: 1, max: 64 }),
  firstDate: z.iso.date({ error: 'firstDate must be a date like 2026-03-17' }),
  localStart: text('localStart').regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
    error: 'localStart must be a time HH:MM',
  }),
  durationMinutes: z.number().int().min(5).max(1440),
  count: z.number().int().min(1).max(52),
});

export const storedOccurrenceSchema = z.object({
  /** Original start (ISO UTC): the occurrence's key for ever. */
  occurrenceKey: dateTime('occurrenceKey'),
  start: dateTime('start'),
  end: dateTime('end'),
  localDate: z.iso.date(),
  cancelled: z.boolean(),
  responses: z.array(
    z.object({ email: text('email', { min: 3, max: 320 }), response: z.enum(attendeeResponses) }),
  ),
});

/**
 * A recurring series booked by the local calendar adapter (calendar container), with its
 * occurrences inline: one point read shows the whole series, one query finds a person's busy time.
 */
export const calendarSeriesSchema = z.object({
  id: idSchema,
  tenantId: tenantIdSchema,
  kind: z.literal('series'),
  pairId: idOf('pairId'),
  organiser: personSchema,
  attendees: z.array(personSchema).min(1).max(20),
  /** Organiser and attendee ids, for ARRAY_CONTAINS queries. */
  participantIds: z.array(idOf('participantId')),
  rule: recurrenceRuleSchema,
  subject: text('subject', { min: 1, max: 400 }),
  bodyText: text('bodyText', { max: 4000 }),
  tabUrl: text('tabUrl', { max: 2000 }),
  /** First start and last end over all occurrences (ISO), to filter by window in SQL. */
  firstStart: dateTime('firstStart'),
  lastEnd: dateTime('lastEnd'),
  occurrences: z.array(storedOccurrenceSchema).min(1).max(52),
  createdAt: dateTime('createdAt'),
  updatedAt: dateTime('updatedAt'),
});

export type CalendarSeries = z.infer<typeof calendarSeriesSchema>;
export type StoredOccurrence = z.infer<typeof storedOccurrenceSchema>;
