import type { Clock } from '../domain/clock';
import { DomainError } from '../domain/errors';
import type { CalendarSeries, StoredOccurrence } from '../domain/calendar/calendar-series';
import { sessionInvitation } from '../domain/calendar/invitation';
import { addDays, parseLocalTime, toUtc, weekdayOf } from '../domain/calendar/local-time';
import { occurrenceKeyOf, type AttendeeResponse } from '../domain/calendar/occurrences';
import { expandRecurrence } from '../domain/calendar/recurrence';
import type { Interval } from '../domain/calendar/slot-finder';
import type { CalendarRepository } from '../store/calendar-repository';
import type {
  BookedSeries,
  CalendarPerson,
  CalendarPort,
  CohortBookingOutcome,
  ListedOccurrence,
  PersonSchedule,
  RescheduleRequest,
  ScheduleQuery,
  ScheduleQueryOutcome,
  SeriesRef,
  SeriesRequest,
  TimeWindow,
} from './calendar-port';
import { seriesToIcs } from './ics';

export type LocalCalendarDeps = {
  readonly repository: CalendarRepository;
  /** The tenant whose calendar this is (the Graph adapter is bound to one tenant the same way). */
  readonly tenantId: string;
  readonly clock: Clock;
};

/**
 * The calendar when Graph is not configured: series stored in Cosmos (calendar container),
 * free/busy from them and from each person's working hours, an .ics download of each series.
 * Same port, same recurrence maths as the Graph adapter, so `npm start` books for real.
 */
export class LocalCalendar implements CalendarPort {
  constructor(private readonly deps: LocalCalendarDeps) {}

  async getSchedules(
    _organiser: CalendarPerson,
    people: readonly CalendarPerson[],
    window: TimeWindow,
  ): Promise<PersonSchedule[]> {
    const start = instant(window.start, 'window.start');
    const end = instant(window.end, 'window.end');
    const series = await this.deps.repository.involving(
      this.deps.tenantId,
      people.map((p) => p.id),
      window,
    );
    return people.map((person) => {
      const busy: [number, number][] = offHours(person, start, end);
      for (const { value } of series) {
        if (!value.participantIds.includes(person.id)) continue;
        for (const o of value.occurrences) {
          if (o.cancelled) continue;
          const answer = o.responses.find((r) => r.email === person.email);
          if (answer?.response === 'declined') continue;
          const s = Date.parse(o.start);
          const e = Date.parse(o.end);
          if (e > start && s < end) busy.push([Math.max(s, start), Math.min(e, end)]);
        }
      }
      return { personId: person.id, email: person.email, busy: merge(busy).map(toInterval) };
    });
  }

  async getCohortSchedules(queries: readonly ScheduleQuery[]): Promise<ScheduleQueryOutcome[]> {
    const outcomes: ScheduleQueryOutcome[] = [];
    for (const query of queries) {
      try {
        outcomes.push({
          ok: true,
          schedules: await this.getSchedules(query.organiser, query.people, query.window),
        });
      } catch (error) {
        outcomes.push({ ok: false, error: summary(error) });
      }
    }
    return outcomes;
  }

  async bookSeries(request: SeriesRequest): Promise<BookedSeries> {
    const planned = expandRecurrence(request.rule);
    const now = this.deps.clock.now().toISOString();
    const invitation = sessionInvitation({
      locale: request.locale,
      topic: request.topic,
      organiserName: request.organiser.displayName,
      partnerName: request.attendees[0]?.displayName ?? '',
      tabUrl: request.tabUrl,
      sessions: request.rule.count,
      durationMinutes: request.rule.durationMinutes,
      frequency: request.rule.frequency,
    });
    const person = (p: CalendarPerson) => ({
      id: p.id,
      email: p.email,
      displayName: p.displayName,
    });
    const series: CalendarSeries = {
      // Deterministic: booking the same pair and start again finds the first booking.
      id: `series-${request.pairId}-${request.rule.firstDate}`,
      tenantId: this.deps.tenantId,
      kind: 'series',
      pairId: request.pairId,
      organiser: person(request.organiser),
      attendees: request.attendees.map(person),
      participantIds: [request.organiser.id, ...request.attendees.map((a) => a.id)],
      rule: request.rule,
      subject: invitation.subject,
      bodyText: invitation.bodyText,
      tabUrl: request.tabUrl,
      firstStart: planned[0]?.start ?? now,
      lastEnd: planned[planned.length - 1]?.end ?? now,
      occurrences: planned.map((o) => ({
        occurrenceKey: o.originalStart,
        start: o.start,
        end: o.end,
        localDate: o.localDate,
        cancelled: false,
        responses: request.attendees.map((a) => ({ email: a.email, response: 'none' as const })),
      })),
      createdAt: now,
      updatedAt: now,
    };
    let stored: CalendarSeries;
    try {
      stored = (await this.deps.repository.create(series)).value;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'already_exists')) throw error;
      stored = (await this.deps.repository.get(this.deps.tenantId, series.id)).value;
    }
    return {
      seriesId: stored.id,
      organiserId: stored.organiser.id,
      occurrences: stored.occurrences.map((o) => ({
        originalStart: o.occurrenceKey,
        occurrenceKey: o.occurrenceKey,
        start: o.start,
        end: o.end,
        localDate: o.localDate,
      })),
    };
  }

  async bookCohort(requests: readonly SeriesRequest[]): Promise<CohortBookingOutcome[]> {
    const outcomes: CohortBookingOutcome[] = [];
    for (const request of requests) {
      try {
        outcomes.push({ pairId: request.pairId, ok: true, series: await this.bookSeries(request) });
      } catch (error) {
        outcomes.push({ pairId: request.pairId, ok: false, error: summary(error) });
      }
    }
    return outcomes;
  }

  async listOccurrences(series: SeriesRef, window: TimeWindow): Promise<ListedOccurrence[]> {
    const start = instant(window.start, 'window.start');
    const end = instant(window.end, 'window.end');
    const { value } = await this.get(series);
    return value.occurrences
      .filter((o) => !o.cancelled && Date.parse(o.end) > start && Date.parse(o.start) < end)
      .map((o) => listed(value, o));
  }

  async rescheduleOccurrence(request: RescheduleRequest): Promise<ListedOccurrence> {
    const key = occurrenceKeyOf(request.occurrenceKey);
    const start = instant(request.start, 'start');
    await this.get(request.series);
    const updated = await this.deps.repository.update(
      this.deps.tenantId,
      request.series.seriesId,
      (current) => {
        const occurrence = current.occurrences.find((o) => o.occurrenceKey === key);
        if (!occurrence || occurrence.cancelled) {
          throw new DomainError('not_found', `No session of ${key} in this series`, {
            occurrenceKey: key,
          });
        }
        const duration =
          (request.durationMinutes ?? 0) * 60_000 ||
          Date.parse(occurrence.end) - Date.parse(occurrence.start);
        return withOccurrences(
          current,
          current.occurrences.map((o) =>
            o.occurrenceKey === key
              ? {
                  ...o,
                  start: new Date(start).toISOString(),
                  end: new Date(start + duration).toISOString(),
                }
              : o,
          ),
          this.deps.clock,
        );
      },
    );
    const moved = updated.value.occurrences.find((o) => o.occurrenceKey === key);
    return listed(updated.value, moved as StoredOccurrence);
  }

  async cancelRemaining(series: SeriesRef, from: string): Promise<{ cancelled: number }> {
    const fromMs = instant(from, 'from');
    await this.get(series);
    let cancelled = 0;
    await this.deps.repository.update(this.deps.tenantId, series.seriesId, (current) => {
      cancelled = 0;
      const occurrences = current.occurrences.map((o) => {
        if (o.cancelled || Date.parse(o.start) < fromMs) return o;
        cancelled++;
        return { ...o, cancelled: true };
      });
      return cancelled === 0 ? current : withOccurrences(current, occurrences, this.deps.clock);
    });
    return { cancelled };
  }

  /** An attendee's answer to one occurrence (the tab's accept/decline in local mode). */
  async respond(
    series: SeriesRef,
    occurrenceKey: string,
    email: string,
    response: AttendeeResponse,
  ): Promise<void> {
    const key = occurrenceKeyOf(occurrenceKey);
    await this.get(series);
    await this.deps.repository.update(this.deps.tenantId, series.seriesId, (current) =>
      withOccurrences(
        current,
        current.occurrences.map((o) =>
          o.occurrenceKey === key
            ? {
                ...o,
                responses: [...o.responses.filter((r) => r.email !== email), { email, response }],
              }
            : o,
        ),
        this.deps.clock,
      ),
    );
  }

  /** The series as an .ics file (RFC 5545) to import into any calendar. */
  async exportIcs(series: SeriesRef): Promise<string> {
    const { value } = await this.get(series);
    return seriesToIcs(value, this.deps.clock.now());
  }

  private async get(series: SeriesRef) {
    const found = await this.deps.repository.find(this.deps.tenantId, series.seriesId);
    if (!found || found.value.organiser.id !== series.organiser.id) {
      throw new DomainError(
        'not_found',
        `The series ${series.seriesId} is not in ${series.organiser.displayName}'s calendar`,
        { seriesId: series.seriesId, personId: series.organiser.id },
      );
    }
    return found;
  }
}

function withOccurrences(
  series: CalendarSeries,
  occurrences: StoredOccurrence[],
  clock: Clock,
): CalendarSeries {
  const starts = occurrences.map((o) => Date.parse(o.start));
  const ends = occurrences.map((o) => Date.parse(o.end));
  return {
    ...series,
    occurrences,
    firstStart: new Date(Math.min(...starts, Date.parse(series.firstStart))).toISOString(),
    lastEnd: new Date(Math.max(...ends, Date.parse(series.lastEnd))).toISOString(),
    updatedAt: clock.now().toISOString(),
  };
}

function listed(series: CalendarSeries, o: StoredOccurrence): ListedOccurrence {
  return {
    providerId: `${series.id}:${o.occurrenceKey}`,
    occurrenceKey: o.occurrenceKey,
    start: o.start,
    end: o.end,
    responses: o.responses,
  };
}

/** Time outside the person's working hours, as busy spans within [start, end). */
function offHours(person: CalendarPerson, start: number, end: number): [number, number][] {
  const zone = person.timeZone;
  const open: [number, number][] = [];
  const first = new Date(start - 86_400_000).toISOString().slice(0, 10);
  for (let date = first; toUtc(date, 0, zone) < end; date = addDays(date, 1)) {
    const day = weekdayOf(date);
    for (const slot of person.workingHours.filter((h) => h.day === day)) {
      open.push([
        toUtc(date, parseLocalTime(slot.start), zone),
        toUtc(date, parseLocalTime(slot.end), zone),
      ]);
    }
  }
  const sorted = merge(open);
  const busy: [number, number][] = [];
  let cursor = start;
  for (const [s, e] of sorted) {
    if (e <= cursor) continue;
    if (s > cursor) busy.push([cursor, Math.min(s, end)]);
    cursor = Math.max(cursor, e);
    if (cursor >= end) break;
  }
  if (cursor < end) busy.push([cursor, end]);
  return busy.filter(([s, e]) => e > s);
}

function merge(spans: [number, number][]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

function toInterval([start, end]: [number, number]): Interval {
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

function instant(value: string, field: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new DomainError('validation_failed', `${field} must be an ISO date-time`, { field });
  }
  return ms;
}

function summary(error: unknown): { code: string; message: string } {
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
