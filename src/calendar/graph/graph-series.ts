import type { Event, PatternedRecurrence } from '@microsoft/microsoft-graph-types';
import { DomainError } from '../../domain/errors';
import { expandRecurrence } from '../../domain/calendar/recurrence';
import { occurrenceKeyOf } from '../../domain/calendar/occurrences';
import type {
  BookedSeries,
  CohortBookingOutcome,
  ListedOccurrence,
  RescheduleRequest,
  SeriesRef,
  SeriesRequest,
  TimeWindow,
} from '../calendar-port';
import { calendarError, errorSummary, parseOrMalformed } from './graph-errors';
import {
  bookedSeries,
  eventUrl,
  graphUtc,
  instanceSchema,
  instancesSchema,
  masterSchema,
  ruleFromGraph,
  seriesEvent,
  toListed,
  UTC_PREFER,
} from './graph-shapes';
import type { GraphRequestSpec, GraphTransport } from './graph-transport';

export type GraphSeriesDeps = { readonly transport: GraphTransport };

/**
 * The pairs' recurring Teams meetings in the organiser's mailbox: booking one (or a cohort through
 * $batch), listing its instances, moving one instance, cancelling the rest of the series.
 */
export class GraphSeries {
  constructor(private readonly deps: GraphSeriesDeps) {}

  /** Creates the series in one call. */
  async bookSeries(request: SeriesRequest): Promise<BookedSeries> {
    const spec = bookingSpec(request);
    let body: unknown;
    try {
      body = await this.deps.transport.send(spec);
    } catch (error) {
      throw calendarError(error, request.organiser, 'updated');
    }
    return bookedSeries(body, request);
  }

  /** One outcome per request, in order: an invalid or failed request does not fail the others. */
  async bookCohort(requests: readonly SeriesRequest[]): Promise<CohortBookingOutcome[]> {
    const specs: GraphRequestSpec[] = [];
    const failures = new Map<number, unknown>();
    requests.forEach((request, i) => {
      try {
        specs.push(bookingSpec(request));
      } catch (error) {
        failures.set(i, error);
      }
    });
    const sent = await this.deps.transport.sendMany(specs);
    // Outcomes of the requests that were sent, back at their request's index.
    const validIndexes = requests.map((_, i) => i).filter((i) => !failures.has(i));
    const byIndex = new Map(validIndexes.map((index, k) => [index, sent[k]]));
    return requests.map((request, i): CohortBookingOutcome => {
      try {
        if (failures.has(i)) throw failures.get(i);
        const outcome = byIndex.get(i);
        if (!outcome) throw new DomainError('internal', 'Booking outcome missing');
        if (!outcome.ok) throw calendarError(outcome.error, request.organiser, 'updated');
        return { pairId: request.pairId, ok: true, series: bookedSeries(outcome.body, request) };
      } catch (error) {
        return { pairId: request.pairId, ok: false, error: errorSummary(error) };
      }
    });
  }

  /** The series' instances in `window`, following Graph's pages. */
  async listOccurrences(series: SeriesRef, window: TimeWindow): Promise<ListedOccurrence[]> {
    const query = new URLSearchParams({
      startDateTime: new Date(window.start).toISOString(),
      endDateTime: new Date(window.end).toISOString(),
      $select: 'id,start,end,originalStart,attendees,type',
      $top: '100',
    });
    let url = `${eventUrl(series)}/instances?${query.toString()}`;
    const listed: ListedOccurrence[] = [];
    for (let page = 0; page < 50; page++) {
      let body: unknown;
      try {
        body = await this.deps.transport.send({
          mailbox: series.organiser.email,
          method: 'GET',
          url,
          headers: UTC_PREFER,
        });
      } catch (error) {
        throw calendarError(error, series.organiser, 'read');
      }
      const parsed = parseOrMalformed(instancesSchema, body, series.organiser, 'read');
      listed.push(...parsed.value.map(toListed));
      const next = parsed['@odata.nextLink'];
      if (!next) return listed;
      url = next;
    }
    return listed;
  }

  /** Moves one instance: found by its key around its current start, then patched. */
  async rescheduleOccurrence(request: RescheduleRequest): Promise<ListedOccurrence> {
    const key = occurrenceKeyOf(request.occurrenceKey);
    const around = [Date.parse(key), Date.parse(request.currentStart ?? key)];
    const window = {
      start: new Date(Math.min(...around) - 86_400_000).toISOString(),
      end: new Date(Math.max(...around) + 2 * 86_400_000).toISOString(),
    };
    const instances = await this.listOccurrences(request.series, window);
    const instance = instances.find((o) => o.occurrenceKey === key);
    if (!instance) {
      throw new DomainError(
        'not_found',
        `The session of ${key} is no longer in ${request.series.organiser.displayName}'s calendar`,
        { occurrenceKey: key, seriesId: request.series.seriesId },
      );
    }
    const duration =
      (request.durationMinutes ?? 0) * 60_000 ||
      Date.parse(instance.end) - Date.parse(instance.start);
    const start = Date.parse(request.start);
    if (Number.isNaN(start)) {
      throw new DomainError('validation_failed', 'start must be an ISO date-time', {
        start: request.start,
      });
    }
    const patch: Event = {
      start: { dateTime: graphUtc(start), timeZone: 'UTC' },
      end: { dateTime: graphUtc(start + duration), timeZone: 'UTC' },
    };
    let body: unknown;
    try {
      body = await this.deps.transport.send({
        mailbox: request.series.organiser.email,
        method: 'PATCH',
        url: `/users/${encodeURIComponent(request.series.organiser.email)}/events/${encodeURIComponent(instance.providerId)}`,
        body: patch,
        headers: UTC_PREFER,
      });
    } catch (error) {
      throw calendarError(error, request.series.organiser, 'updated');
    }
    const updated = parseOrMalformed(instanceSchema, body, request.series.organiser, 'updated');
    return { ...toListed(updated), occurrenceKey: key };
  }

  /** Cancels the occurrences from `from` on: the whole series, or its end moved back. */
  async cancelRemaining(series: SeriesRef, from: string): Promise<{ cancelled: number }> {
    const fromMs = Date.parse(from);
    if (Number.isNaN(fromMs)) {
      throw new DomainError('validation_failed', 'from must be an ISO date-time', { from });
    }
    let body: unknown;
    try {
      body = await this.deps.transport.send({
        mailbox: series.organiser.email,
        method: 'GET',
        url: `${eventUrl(series)}?$select=id,start,end,recurrence,type`,
        headers: UTC_PREFER,
      });
    } catch (error) {
      throw calendarError(error, series.organiser, 'read');
    }
    const master = parseOrMalformed(masterSchema, body, series.organiser, 'read');
    const rule = ruleFromGraph(master, series.organiser);
    const occurrences = expandRecurrence(rule);
    const before = occurrences.filter((o) => Date.parse(o.start) < fromMs);
    const remaining = occurrences.length - before.length;
    if (remaining === 0) return { cancelled: 0 };
    try {
      if (before.length === 0) {
        // Nothing held yet: cancel the whole series; Outlook notifies the attendees.
        await this.deps.transport.send({
          mailbox: series.organiser.email,
          method: 'POST',
          url: `${eventUrl(series)}/cancel`,
          body: { comment: 'Mentoring: the pair has ended or paused its sessions.' },
        });
      } else {
        // Keep the sessions already held; end the series after the last one.
        const last = before[before.length - 1] as { localDate: string };
        const recurrence = master.recurrence;
        const update: Event = {
          recurrence: {
            pattern: recurrence.pattern,
            range: {
              type: 'endDate',
              startDate: recurrence.range.startDate,
              endDate: last.localDate,
              recurrenceTimeZone: recurrence.range.recurrenceTimeZone,
            },
          } as PatternedRecurrence,
        };
        await this.deps.transport.send({
          mailbox: series.organiser.email,
          method: 'PATCH',
          url: eventUrl(series),
          body: update,
        });
      }
    } catch (error) {
      throw calendarError(error, series.organiser, 'updated');
    }
    return { cancelled: remaining };
  }
}

function bookingSpec(request: SeriesRequest): GraphRequestSpec {
  return {
    mailbox: request.organiser.email,
    method: 'POST',
    url: `/users/${encodeURIComponent(request.organiser.email)}/events`,
    headers: UTC_PREFER,
    body: seriesEvent(request),
  };
}
