import type { Clock } from '../../domain/clock';
import type { Locale } from '../../domain/common';
import type { RecurrenceRule } from '../../domain/calendar/recurrence';
import {
  findRecurringSlots,
  type SessionFrame,
  type SlotSearchResult,
  type WeeklyHours,
} from '../../domain/calendar/slot-finder';
import type {
  BookedSeries,
  CalendarPerson,
  CalendarPort,
  TimeWindow,
} from '../../calendar/calendar-port';

/** Graph's getSchedule refuses windows longer than 62 days (ErrorTimeIntervalTooBig). */
export const MAX_SCHEDULE_DAYS = 62;

export type SlotServiceDeps = {
  readonly calendar: CalendarPort;
  readonly clock: Clock;
  /** No first session sooner than this after now (default 24 h), so people can prepare. */
  readonly leadTimeHours?: number;
  /** Days in which the first session may fall (default 21). */
  readonly searchDays?: number;
};

export type ProposeInput = {
  readonly organiser: CalendarPerson;
  readonly partner: CalendarPerson;
  readonly frame: SessionFrame;
  readonly preferredHours?: {
    readonly organiser?: readonly WeeklyHours[];
    readonly partner?: readonly WeeklyHours[];
  };
  readonly limit?: number;
};

export type BookInput = {
  readonly pairId: string;
  readonly organiser: CalendarPerson;
  readonly partner: CalendarPerson;
  readonly rule: RecurrenceRule;
  readonly locale: Locale;
  readonly topic: string;
  readonly tabUrl: string;
};

const DAY = 86_400_000;
const periodDays = { weekly: 7, biweekly: 14, monthly: 31 } as const;

/**
 * Finding and booking a pair's recurring slot: one free/busy read for both people, the pure slot
 * finder, then one booking — two calendar calls in all, whatever the adapter.
 */
export class SlotService {
  constructor(private readonly deps: SlotServiceDeps) {}

  /** The best recurring slots for the pair, or why there is none; with the window that was read. */
  async propose(input: ProposeInput): Promise<SlotSearchResult & { readonly window: TimeWindow }> {
    const window = this.window(input.frame);
    const [mine, theirs] = await this.deps.calendar.getSchedules(
      input.organiser,
      [input.organiser, input.partner],
      window,
    );
    const result = findRecurringSlots({
      organiser: {
        ...input.organiser,
        busy: mine?.busy ?? [],
        ...(input.preferredHours?.organiser
          ? { preferredHours: input.preferredHours.organiser }
          : {}),
      },
      partner: {
        ...input.partner,
        busy: theirs?.busy ?? [],
        ...(input.preferredHours?.partner ? { preferredHours: input.preferredHours.partner } : {}),
      },
      frame: input.frame,
      from: window.start,
      horizon: window.end,
      searchDays: this.deps.searchDays ?? 21,
      ...(input.limit ? { limit: input.limit } : {}),
    });
    return { ...result, window };
  }

  /** Books the chosen slot as one recurring meeting in the organiser's calendar. */
  async book(input: BookInput): Promise<BookedSeries> {
    return this.deps.calendar.bookSeries({
      pairId: input.pairId,
      organiser: input.organiser,
      attendees: [input.partner],
      rule: input.rule,
      locale: input.locale,
      topic: input.topic,
      tabUrl: input.tabUrl,
    });
  }

  /** From now + lead time (on the hour) over the whole series, capped at Graph's 62 days. */
  window(frame: SessionFrame): TimeWindow {
    const now = this.deps.clock.now().getTime();
    const lead = (this.deps.leadTimeHours ?? 24) * 3_600_000;
    const start = Math.ceil((now + lead) / 3_600_000) * 3_600_000;
    const searchDays = this.deps.searchDays ?? 21;
    const span = searchDays + periodDays[frame.frequency] * (frame.sessions - 1) + 1;
    const days = Math.min(span, MAX_SCHEDULE_DAYS);
    return {
      start: new Date(start).toISOString(),
      end: new Date(start + days * DAY).toISOString(),
    };
  }
}
