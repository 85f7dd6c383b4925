import { z } from 'zod';
import { localeSchema, plannedDateTime, weekdaySchema } from '../domain/common';
import { sessionStatusSchema } from '../domain/pair/schema';
import { frequencySchema } from '../domain/programme';
import { recurrenceRuleSchema } from '../domain/calendar/calendar-series';
import { idParam, idParams, route } from './route';

/**
 * A pair's sessions in both calendars: the contract of the calendar routes (proposed recurring
 * slots, booking the series, moving one session, the .ics download, refreshing from the calendar).
 * Same conventions as src/contracts/common.ts and src/contracts/pairs.ts: zod and src/domain only;
 * the tab imports only the types.
 *
 * Conventions
 * - Every route needs `Authorization: Bearer <token>`. Only the pair's two members see or change
 *   its calendar; anyone else gets 404 `pair_not_found`, as for a pair that does not exist.
 * - The organiser is the mentor: the series lives in the mentor's calendar (Outlook through Graph,
 *   or the local calendar), the mentee is invited; a proposal's times are the mentor's wall clock,
 *   so both members see the same proposals and either may book.
 * - Labels (`*Label`, `summary`) are in `?locale=fr|en` (default: the caller's language in the
 *   directory). Times are wall-clock `HH:mm` in each member's own zone.
 * - Every answer that shows the booked sessions is `PairCalendarResponse`, whose `version` is the
 *   pair's ETag after the write (also the `ETag` header): the dashboard can adopt it.
 * - Booking is idempotent: booking the slot already booked (a double click, the partner did it)
 *   answers 200 with the series, and never makes a second one. Booking another slot once a series
 *   exists is 409 `already_exists`: move single sessions instead.
 * - Errors: 400 `validation_failed` (details.issues[].path: `slot.firstDate`, `start`…; a slot that
 *   does not match the agreement's frame any more); 404 `pair_not_found`, `not_found` (session, or
 *   no .ics outside the local calendar); 409 `invalid_transition` (the pair is paused, completed or
 *   ended; nothing left to book), `already_exists`; 503 `calendar_unavailable` with a message that
 *   names the person ("Marc's calendar could not be read: permission missing").
 *
 * The routes: `calendarApi` at the end of this file.
 *
 * Refresh: reads the series (Graph: its instances) unless the last read is under
 * CALENDAR_REFRESH_MINUTES old (default 5) or another instance is reading it: then it answers from
 * the store with `changes: []`. `changes` lists each decline once (the read that first saw it);
 * `declinedBy` shows every decline seen at the last read. A read that finds nothing leaves the
 * pair's version as it was.
 *
 * Cost: finding slots is one calendar call (Graph: one getSchedule for both people) and booking
 * one more (Graph: one POST /events), so a pair is planned in two Graph calls.
 */

export const calendarQuerySchema = z.object({ locale: localeSchema.optional() });
export type CalendarQuery = z.infer<typeof calendarQuerySchema>;

/** A proposed slot as the tab sends it back to book it (the proposal's `slot`, unchanged). */
export const slotSchema = recurrenceRuleSchema;
export type Slot = z.infer<typeof slotSchema>;

export const bookingBodySchema = z.object({ slot: slotSchema });
export type BookingBody = z.infer<typeof bookingBodySchema>;

export const rescheduleBodySchema = z.object({
  /** The new start (ISO date-time); the session keeps its duration. */
  start: plannedDateTime('start'),
});
export type RescheduleBody = z.infer<typeof rescheduleBodySchema>;

// ---------------------------------------------------------------------------------------------
// Views

/** When a session or a proposal falls for one member, in their own zone. */
export const memberTimeSchema = z.object({
  personId: z.string(),
  displayName: z.string(),
  /** True for the caller. */
  isMe: z.boolean(),
  timeZone: z.string(),
  weekday: weekdaySchema,
  /** 'HH:mm' in their zone. */
  start: z.string(),
  end: z.string(),
  /** e.g. "mardi" / "Tuesday". */
  weekdayLabel: z.string(),
  /** e.g. "10:00–11:00". */
  timeLabel: z.string(),
});
export type MemberTime = z.infer<typeof memberTimeSchema>;

export const slotProposalViewSchema = z.object({
  rank: z.number(),
  /** Send it back unchanged in `BookingBody.slot`. */
  slot: slotSchema,
  /** First and last session (ISO UTC). */
  firstStart: z.string(),
  lastStart: z.string(),
  occurrences: z.number(),
  /** Sessions beyond the free/busy window (Graph reads at most 62 days): checked against working hours only. */
  uncheckedOccurrences: z.number(),
  /** Both members, the caller first, for the first session. */
  times: z.array(memberTimeSchema),
  /** Inside both members' preferred hours (their profile's availability). */
  preferredByBoth: z.boolean(),
  /** e.g. "Tuesday 17 March 2026" in the caller's zone. */
  firstDateLabel: z.string(),
  /** e.g. "every two weeks" / "toutes les deux semaines". */
  cadenceLabel: z.string(),
  /** e.g. "6 sessions" / "6 séances". */
  occurrencesLabel: z.string(),
  /** One sentence: "Every two weeks on Tuesday, 10:00–11:00 for you and 04:00–05:00 for Ethan, 6 sessions from Tuesday 17 March 2026." */
  summary: z.string(),
});
export type SlotProposalView = z.infer<typeof slotProposalViewSchema>;

export const noSlotViewSchema = z.object({
  /** missing_working_hours, no_shared_working_hours, frame_too_long, no_stable_shared_hours, calendars_full. */
  code: z.string(),
  /** Said plainly, in the requested language, naming the people. */
  message: z.string(),
});
export type NoSlotView = z.infer<typeof noSlotViewSchema>;

export const calendarProviderSchema = z.enum(['graph', 'local']);
export type CalendarProviderKind = z.infer<typeof calendarProviderSchema>;

export const slotsResponseSchema = z.object({
  pairId: z.string(),
  provider: calendarProviderSchema,
  organiser: z.object({ personId: z.string(), displayName: z.string() }),
  /** What would be booked: the agreement's frame, minus sessions already held or missed. */
  frame: z.object({
    sessions: z.number(),
    durationMinutes: z.number(),
    frequency: frequencySchema,
  }),
  /** Up to 5, best first; empty when none fits (see `none`). */
  proposals: z.array(slotProposalViewSchema),
  none: noSlotViewSchema.nullable(),
  /** A series is already booked for the pair (see GET /pairs/:id/calendar). */
  booked: z.boolean(),
});
export type SlotsResponse = z.infer<typeof slotsResponseSchema>;

export const calendarSessionViewSchema = z.object({
  id: z.string(),
  index: z.number(),
  start: z.string(),
  end: z.string(),
  durationMinutes: z.number(),
  status: sessionStatusSchema,
  /** The occurrence's key in the series (its original start), or null for a session planned by hand. */
  calendarEventId: z.string().nullable(),
  /** Both members, the caller first. */
  times: z.array(memberTimeSchema),
  /** e.g. "Tuesday 17 March 2026" in the caller's zone. */
  dateLabel: z.string(),
  /** Members who declined this occurrence in their calendar (seen at the last read of the series). */
  declinedBy: z.array(z.string()),
});
export type CalendarSessionView = z.infer<typeof calendarSessionViewSchema>;

export const calendarChangeSchema = z.object({
  kind: z.enum(['moved', 'declined', 'cancelled']),
  sessionId: z.string(),
  /** Moved: the new start. */
  start: z.string().optional(),
  /** Declined: who. */
  personId: z.string().optional(),
});
export type CalendarChange = z.infer<typeof calendarChangeSchema>;

export const pairCalendarResponseSchema = z.object({
  pairId: z.string(),
  provider: calendarProviderSchema,
  /** The booked series, or null when none is booked. */
  series: z
    .object({
      seriesId: z.string(),
      organiserId: z.string(),
      organiserName: z.string(),
      provider: calendarProviderSchema,
      /** Local calendar only: the API path of the .ics download. */
      icsPath: z.string().nullable(),
    })
    .nullable(),
  /** Sessions still to come or planned, in time order (held, missed and cancelled too). */
  sessions: z.array(calendarSessionViewSchema),
  /** What a refresh found in the calendar; empty otherwise. */
  changes: z.array(calendarChangeSchema),
  /** When the series was last read from the calendar (ISO), or null if never. */
  refreshedAt: z.string().nullable().optional(),
  /** The caller may book a series now (no series yet, pair open, sessions left). */
  canBook: z.boolean(),
  /** The pair's ETag after this answer. */
  version: z.string(),
});
export type PairCalendarResponse = z.infer<typeof pairCalendarResponseSchema>;

const unknownPair = 'Unknown pair, or one the caller is not a member of (`pair_not_found`)';
const unavailable =
  "`calendar_unavailable`: a member's calendar could not be read or written (the message names them)";

/** The routes (src/contracts/route.ts). */
export const calendarApi = {
  slots: route({
    method: 'get',
    path: '/pairs/:id/slots',
    summary: 'Up to 5 recurring slots free in both calendars that fit the agreement, best first',
    access: 'pair_member',
    params: idParams,
    query: calendarQuerySchema,
    responses: { 200: slotsResponseSchema },
    errors: {
      404: unknownPair,
      409: '`invalid_transition`: the pair is paused, completed or ended, or nothing is left to book',
      503: unavailable,
    },
  }),
  calendar: route({
    method: 'get',
    path: '/pairs/:id/calendar',
    summary: "The pair's booked series and sessions, in each member's zone",
    access: 'pair_member',
    params: idParams,
    query: calendarQuerySchema,
    responses: { 200: pairCalendarResponseSchema },
    errors: { 404: unknownPair },
  }),
  book: route({
    method: 'post',
    path: '/pairs/:id/booking',
    summary:
      'Book a proposed slot as a series in both calendars (201; 200 when that slot is already booked)',
    access: 'pair_member',
    params: idParams,
    query: calendarQuerySchema,
    body: bookingBodySchema,
    responses: { 200: pairCalendarResponseSchema, 201: pairCalendarResponseSchema },
    errors: {
      404: unknownPair,
      409: '`already_exists` (another series is booked: move single sessions), or `invalid_transition` (the pair is paused, completed or ended; nothing left to book)',
      503: unavailable,
    },
  }),
  reschedule: route({
    method: 'post',
    path: '/pairs/:id/sessions/:sessionId/reschedule',
    summary: 'Move one session of the series to a new start (it keeps its duration)',
    access: 'pair_member',
    params: z.object({ id: idParam('id'), sessionId: idParam('sessionId') }),
    query: calendarQuerySchema,
    body: rescheduleBodySchema,
    responses: { 200: pairCalendarResponseSchema },
    errors: {
      404: `${unknownPair}, or an unknown session (\`not_found\`)`,
      409: '`invalid_transition`: the pair or the session can no longer move',
      503: unavailable,
    },
  }),
  refresh: route({
    method: 'post',
    path: '/pairs/:id/calendar/refresh',
    summary:
      'Read the series back from the calendar: moves, declines and cancellations (`changes`)',
    access: 'pair_member',
    params: idParams,
    query: calendarQuerySchema,
    responses: { 200: pairCalendarResponseSchema },
    errors: { 404: unknownPair, 503: unavailable },
  }),
  ics: route({
    method: 'get',
    path: '/pairs/:id/calendar.ics',
    summary: "The pair's series as a calendar file (local calendar only)",
    access: 'pair_member',
    params: idParams,
    responses: {
      200: {
        contentType: 'text/calendar',
        description: 'The booked series as an iCalendar file, as an attachment',
      },
    },
    errors: {
      404: `${unknownPair}, or no file to give (\`not_found\`: nothing booked, or the calendar is Outlook)`,
    },
  }),
};
