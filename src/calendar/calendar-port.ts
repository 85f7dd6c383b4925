import type { Locale } from '../domain/common';
import type { ObservedOccurrence } from '../domain/calendar/occurrences';
import type { PlannedOccurrence, RecurrenceRule } from '../domain/calendar/recurrence';
import type { Interval, WeeklyHours } from '../domain/calendar/slot-finder';

/** A person whose calendar the app reads or writes. */
export type CalendarPerson = {
  /** Entra object id (or the local person id). */
  readonly id: string;
  /** SMTP address: Graph addresses mailboxes and attendees by it. */
  readonly email: string;
  readonly displayName: string;
  /** IANA zone, e.g. 'Europe/Paris'. */
  readonly timeZone: string;
  /** Weekly working hours in their zone (the local adapter derives free/busy from them). */
  readonly workingHours: readonly WeeklyHours[];
};

/** A span in UTC (ISO instants), half-open. */
export type TimeWindow = Interval;

/** A person's busy time over a window. Tentative and out-of-office count as busy. */
export type PersonSchedule = {
  readonly personId: string;
  readonly email: string;
  readonly busy: readonly Interval[];
};

/** Everything needed to book a pair's sessions as one recurring online meeting. */
export type SeriesRequest = {
  /** Idempotency: a retried booking for the same pair never creates a second series. */
  readonly pairId: string;
  readonly organiser: CalendarPerson;
  readonly attendees: readonly CalendarPerson[];
  readonly rule: RecurrenceRule;
  /** The organiser's language, for the subject and body. */
  readonly locale: Locale;
  /** The agreement's subject. */
  readonly topic: string;
  /** Deep link back to the pair's page in the tab. */
  readonly tabUrl: string;
};

/** Where a series lives: the organiser's calendar and the series id there. */
export type SeriesRef = { readonly organiser: CalendarPerson; readonly seriesId: string };

/** One occurrence as booked. `occurrenceKey` (its original start, ISO UTC) identifies it for ever. */
export type BookedOccurrence = PlannedOccurrence & { readonly occurrenceKey: string };

export type BookedSeries = {
  readonly seriesId: string;
  readonly organiserId: string;
  readonly occurrences: readonly BookedOccurrence[];
  /** The Teams meeting link, when the provider made one. */
  readonly joinUrl?: string;
};

/** An occurrence as the calendar shows it now (moved, declined…), with the provider's own id. */
export type ListedOccurrence = ObservedOccurrence & { readonly providerId: string };

export type RescheduleRequest = {
  readonly series: SeriesRef;
  readonly occurrenceKey: string;
  /** New start (ISO UTC); the duration is kept unless given. */
  readonly start: string;
  readonly durationMinutes?: number;
  /** Where the occurrence is now, if it was moved before (to find it again). */
  readonly currentStart?: string;
};

/** The result of one booking in a cohort: every request gets one, nothing is dropped. */
export type CohortBookingOutcome =
  | { readonly pairId: string; readonly ok: true; readonly series: BookedSeries }
  | {
      readonly pairId: string;
      readonly ok: false;
      readonly error: {
        readonly code: string;
        readonly message: string;
        readonly details?: Record<string, unknown>;
      };
    };

/** A free/busy query for one pair, for cohort scheduling. */
export type ScheduleQuery = {
  readonly organiser: CalendarPerson;
  readonly people: readonly CalendarPerson[];
  readonly window: TimeWindow;
};

export type ScheduleQueryOutcome =
  | { readonly ok: true; readonly schedules: readonly PersonSchedule[] }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

/**
 * The calendar as the app needs it. Adapters: Microsoft Graph (graph/graph-calendar.ts) and the local
 * calendar in Cosmos (local-calendar.ts). Failures are DomainError('calendar_unavailable' | …) whose
 * message names the person ("Marc's calendar could not be read: permission missing").
 */
export interface CalendarPort {
  /** Busy time of each person over the window (Graph: one getSchedule call), in `people` order. */
  getSchedules(
    organiser: CalendarPerson,
    people: readonly CalendarPerson[],
    window: TimeWindow,
  ): Promise<PersonSchedule[]>;
  /** Free/busy for many pairs at once (Graph: $batch), one outcome per query, in order. */
  getCohortSchedules(queries: readonly ScheduleQuery[]): Promise<ScheduleQueryOutcome[]>;
  /** Books the series in the organiser's calendar with the attendees invited, as a Teams meeting. */
  bookSeries(request: SeriesRequest): Promise<BookedSeries>;
  /** Books many series (Graph: $batch of ≤ 20), one outcome per request, in order. */
  bookCohort(requests: readonly SeriesRequest[]): Promise<CohortBookingOutcome[]>;
  /** Moves one occurrence; the others stay. */
  rescheduleOccurrence(request: RescheduleRequest): Promise<ListedOccurrence>;
  /** Cancels every occurrence starting at or after `from` (the whole series if none came before). */
  cancelRemaining(series: SeriesRef, from: string): Promise<{ readonly cancelled: number }>;
  /** Occurrences in the window as they are now: moves, declines; a booked key missing was cancelled. */
  listOccurrences(series: SeriesRef, window: TimeWindow): Promise<ListedOccurrence[]>;
}
