import type { Clock } from '../../domain/clock';
import type { TokenCredential } from '@azure/identity';
import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import type {
  Attendee,
  DayOfWeek,
  Event,
  PatternedRecurrence,
  ScheduleInformation,
} from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import { DomainError } from '../../domain/errors';
import { sessionInvitation } from '../../domain/calendar/invitation';
import { formatLocalTime, toLocal } from '../../domain/calendar/local-time';
import {
  expandRecurrence,
  ruleLocalEnd,
  ruleWeekday,
  ruleWeekIndex,
  type RecurrenceRule,
} from '../../domain/calendar/recurrence';
import { occurrenceKeyOf, type AttendeeResponse } from '../../domain/calendar/occurrences';
import type { Weekday } from '../../domain/common';
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
} from '../calendar-port';
import { GraphCallError, GraphTransport, type GraphRequestSpec } from './graph-transport';
import { ianaTimeZone, outlookTimeZone } from './outlook-time-zones';

export type GraphCalendarDeps = {
  /** App credentials (e.g. ClientSecretCredential), built by src/main.ts from config. */
  readonly credential: TokenCredential;
  /** Default https://graph.microsoft.com; tests point it at a loopback address. */
  readonly baseUrl?: string;
  readonly sleep?: (ms: number) => Promise<void>;
  /** The app's clock (HTTP-date Retry-After). */
  readonly clock?: Clock;
  readonly maxConcurrentPerMailbox?: number;
  readonly maxAttempts?: number;
  /** Minutes per availabilityView slot in getSchedule (5..1440). */
  readonly availabilityViewInterval?: number;
};

const UTC_PREFER = { Prefer: 'outlook.timezone="UTC"' } as const;

const graphDays: Record<Weekday, DayOfWeek> = {
  mon: 'monday',
  tue: 'tuesday',
  wed: 'wednesday',
  thu: 'thursday',
  fri: 'friday',
  sat: 'saturday',
  sun: 'sunday',
};

/** Builds a Graph client with app credentials; our transport does the retries, not the SDK. */
export function createGraphClient(credential: TokenCredential, baseUrl?: string): Client {
  const authProvider = new TokenCredentialAuthenticationProvider(credential, {
    scopes: ['https://graph.microsoft.com/.default'],
  });
  const root = new URL(baseUrl ?? 'https://graph.microsoft.com/');
  return Client.initWithMiddleware({
    baseUrl: root.origin + '/',
    defaultVersion: 'v1.0',
    middleware: [new AuthenticationHandler(authProvider), new HTTPMessageHandler()],
    customHosts: new Set([root.hostname]),
  });
}

/**
 * The calendar through Microsoft Graph with application permissions (Calendars.ReadWrite limited
 * by an application access policy): getSchedule for free/busy, one recurring Teams meeting per pair.
 * Finding slots and booking one pair take two Graph calls; a cohort goes through $batch.
 */
export class GraphCalendar implements CalendarPort {
  private readonly transport: GraphTransport;

  constructor(private readonly deps: GraphCalendarDeps) {
    this.transport = new GraphTransport({
      client: createGraphClient(deps.credential, deps.baseUrl),
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ...(deps.clock ? { clock: deps.clock } : {}),
      ...(deps.maxConcurrentPerMailbox
        ? { maxConcurrentPerMailbox: deps.maxConcurrentPerMailbox }
        : {}),
      ...(deps.maxAttempts ? { maxAttempts: deps.maxAttempts } : {}),
    });
  }

  async getSchedules(
    organiser: CalendarPerson,
    people: readonly CalendarPerson[],
    window: TimeWindow,
  ): Promise<PersonSchedule[]> {
    assertWindow(window);
    const spec = this.scheduleSpec(organiser, people, window);
    let body: unknown;
    try {
      body = await this.transport.send(spec);
    } catch (error) {
      throw calendarError(error, organiser, 'read');
    }
    return parseSchedules(body, organiser, people);
  }

  async getCohortSchedules(queries: readonly ScheduleQuery[]): Promise<ScheduleQueryOutcome[]> {
    for (const query of queries) assertWindow(query.window);
    const outcomes = await this.transport.sendMany(
      queries.map((q) => this.scheduleSpec(q.organiser, q.people, q.window)),
    );
    return outcomes.map((outcome, i): ScheduleQueryOutcome => {
      const query = queries[i] as ScheduleQuery;
      try {
        if (!outcome.ok) throw calendarError(outcome.error, query.organiser, 'read');
        return { ok: true, schedules: parseSchedules(outcome.body, query.organiser, query.people) };
      } catch (error) {
        return { ok: false, error: errorSummary(error) };
      }
    });
  }

  async bookSeries(request: SeriesRequest): Promise<BookedSeries> {
    const spec = this.bookingSpec(request);
    let body: unknown;
    try {
      body = await this.transport.send(spec);
    } catch (error) {
      throw calendarError(error, request.organiser, 'updated');
    }
    return bookedSeries(body, request);
  }

  async bookCohort(requests: readonly SeriesRequest[]): Promise<CohortBookingOutcome[]> {
    const specs: GraphRequestSpec[] = [];
    const failures = new Map<number, unknown>();
    requests.forEach((request, i) => {
      try {
        specs.push(this.bookingSpec(request));
      } catch (error) {
        failures.set(i, error);
      }
    });
    const sent = await this.transport.sendMany(specs);
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
        body = await this.transport.send({
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
      body = await this.transport.send({
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

  async cancelRemaining(series: SeriesRef, from: string): Promise<{ cancelled: number }> {
    const fromMs = Date.parse(from);
    if (Number.isNaN(fromMs)) {
      throw new DomainError('validation_failed', 'from must be an ISO date-time', { from });
    }
    let body: unknown;
    try {
      body = await this.transport.send({
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
        await this.transport.send({
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
        await this.transport.send({
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

  private scheduleSpec(
    organiser: CalendarPerson,
    people: readonly CalendarPerson[],
    window: TimeWindow,
  ): GraphRequestSpec {
    return {
      mailbox: organiser.email,
      method: 'POST',
      url: `/users/${encodeURIComponent(organiser.email)}/calendar/getSchedule`,
      headers: UTC_PREFER,
      body: {
        schedules: people.map((p) => p.email),
        startTime: { dateTime: graphUtc(Date.parse(window.start)), timeZone: 'UTC' },
        endTime: { dateTime: graphUtc(Date.parse(window.end)), timeZone: 'UTC' },
        availabilityViewInterval: this.deps.availabilityViewInterval ?? 30,
      },
    };
  }

  private bookingSpec(request: SeriesRequest): GraphRequestSpec {
    return {
      mailbox: request.organiser.email,
      method: 'POST',
      url: `/users/${encodeURIComponent(request.organiser.email)}/events`,
      headers: UTC_PREFER,
      body: seriesEvent(request),
    };
  }
}

/** The recurring Teams meeting Graph creates for a pair (POST /users/{organiser}/events). */
export function seriesEvent(request: SeriesRequest): Event {
  const { rule } = request;
  expandRecurrence(rule); // validates the rule
  const timeZone = outlookTimeZone(rule.timeZone);
  const startMinutes = Number(rule.localStart.slice(0, 2)) * 60 + Number(rule.localStart.slice(3));
  const endTotal = startMinutes + rule.durationMinutes;
  const endDate = endTotal >= 24 * 60 ? nextDate(rule.firstDate) : rule.firstDate;
  const partner = request.attendees[0];
  const invitation = sessionInvitation({
    locale: request.locale,
    topic: request.topic,
    organiserName: request.organiser.displayName,
    partnerName: partner?.displayName ?? '',
    tabUrl: request.tabUrl,
    sessions: rule.count,
    durationMinutes: rule.durationMinutes,
    frequency: rule.frequency,
  });
  const day = graphDays[ruleWeekday(rule)];
  const pattern: PatternedRecurrence['pattern'] =
    rule.frequency === 'monthly'
      ? { type: 'relativeMonthly', interval: 1, daysOfWeek: [day], index: ruleWeekIndex(rule) }
      : {
          type: 'weekly',
          interval: rule.frequency === 'biweekly' ? 2 : 1,
          daysOfWeek: [day],
          firstDayOfWeek: 'monday',
        };
  const attendees: Attendee[] = request.attendees.map((person) => ({
    emailAddress: { address: person.email, name: person.displayName },
    type: 'required',
  }));
  return {
    subject: invitation.subject,
    body: { contentType: 'html', content: invitation.bodyHtml },
    start: { dateTime: `${rule.firstDate}T${rule.localStart}:00`, timeZone },
    end: { dateTime: `${endDate}T${ruleLocalEnd(rule)}:00`, timeZone },
    recurrence: {
      pattern,
      range: {
        type: 'numbered',
        startDate: rule.firstDate,
        numberOfOccurrences: rule.count,
        recurrenceTimeZone: timeZone,
      },
    },
    attendees,
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    allowNewTimeProposals: true,
    showAs: 'busy',
    isReminderOn: true,
    reminderMinutesBeforeStart: 15,
    transactionId: `mentoring-${request.pairId}-${rule.firstDate}`,
  };
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

const dateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string().nullish() });

const scheduleSchema = z.object({
  value: z.array(
    z.object({
      scheduleId: z.string(),
      scheduleItems: z
        .array(
          z.object({
            status: z.string().nullish(),
            start: dateTimeTimeZone,
            end: dateTimeTimeZone,
          }),
        )
        .nullish(),
      error: z
        .object({ message: z.string().nullish(), responseCode: z.string().nullish() })
        .nullish(),
    }),
  ),
});

const createdSchema = z.object({
  id: z.string().min(1),
  onlineMeeting: z.object({ joinUrl: z.string().nullish() }).nullish(),
});

const instanceSchema = z.object({
  id: z.string().min(1),
  start: dateTimeTimeZone,
  end: dateTimeTimeZone,
  originalStart: z.string().nullish(),
  attendees: z
    .array(
      z.object({
        emailAddress: z.object({ address: z.string().nullish() }).nullish(),
        status: z.object({ response: z.string().nullish() }).nullish(),
      }),
    )
    .nullish(),
});

const instancesSchema = z.object({
  value: z.array(instanceSchema),
  '@odata.nextLink': z.string().nullish(),
});

const masterSchema = z.object({
  id: z.string(),
  start: z.object({ dateTime: z.string(), timeZone: z.string() }),
  end: z.object({ dateTime: z.string(), timeZone: z.string() }),
  recurrence: z.object({
    // Loose: the PATCH that ends the series sends the pattern back exactly as Graph gave it.
    pattern: z.looseObject({
      type: z.string(),
      interval: z.number(),
      daysOfWeek: z.array(z.string()).nullish(),
      index: z.string().nullish(),
    }),
    range: z.object({
      type: z.string(),
      startDate: z.string(),
      numberOfOccurrences: z.number().nullish(),
      recurrenceTimeZone: z.string().nullish(),
    }),
  }),
});

type Instance = z.infer<typeof instanceSchema>;

const BUSY = new Set(['busy', 'tentative', 'oof']);

function parseSchedules(
  body: unknown,
  organiser: CalendarPerson,
  people: readonly CalendarPerson[],
): PersonSchedule[] {
  const parsed = parseOrMalformed(scheduleSchema, body, organiser, 'read') as {
    value: ScheduleInformation[];
  };
  return people.map((person) => {
    const info = parsed.value.find(
      (v) => (v.scheduleId ?? '').toLowerCase() === person.email.toLowerCase(),
    );
    if (!info) throw malformed(person, 'read', `no schedule returned for ${person.email}`);
    if (info.error) {
      const code = info.error.responseCode ?? '';
      const reason = /access|denied|permission/i.test(code) ? 'permission_missing' : 'unavailable';
      throw new DomainError(
        'calendar_unavailable',
        `${person.displayName}'s calendar could not be read: ${reasonText[reason]}`,
        { personId: person.id, reason, graphCode: code },
      );
    }
    const busy = (info.scheduleItems ?? [])
      .filter((item) => BUSY.has((item.status ?? '').toLowerCase()))
      .map((item) => ({
        start: graphInstant(item.start as z.infer<typeof dateTimeTimeZone>, person),
        end: graphInstant(item.end as z.infer<typeof dateTimeTimeZone>, person),
      }));
    return { personId: person.id, email: person.email, busy };
  });
}

function bookedSeries(body: unknown, request: SeriesRequest): BookedSeries {
  const created = parseOrMalformed(createdSchema, body, request.organiser, 'updated');
  return {
    seriesId: created.id,
    organiserId: request.organiser.id,
    occurrences: expandRecurrence(request.rule).map((o) => ({
      ...o,
      occurrenceKey: o.originalStart,
    })),
    ...(created.onlineMeeting?.joinUrl ? { joinUrl: created.onlineMeeting.joinUrl } : {}),
  };
}

function toListed(instance: Instance): ListedOccurrence {
  const start = graphInstantLoose(instance.start);
  return {
    providerId: instance.id,
    occurrenceKey: occurrenceKeyOf(instance.originalStart ?? start),
    start,
    end: graphInstantLoose(instance.end),
    responses: (instance.attendees ?? []).map((a) => ({
      email: a.emailAddress?.address ?? '',
      response: (a.status?.response ?? 'none') as AttendeeResponse,
    })),
  };
}

function ruleFromGraph(master: z.infer<typeof masterSchema>, organiser: CalendarPerson) {
  const { pattern, range } = master.recurrence;
  // Read with Prefer UTC, so only the range says which zone the series keeps its wall time in.
  const timeZone = range.recurrenceTimeZone ? ianaTimeZone(range.recurrenceTimeZone) : undefined;
  const count = range.numberOfOccurrences ?? 0;
  const frequency =
    pattern.type === 'relativeMonthly'
      ? 'monthly'
      : pattern.type === 'weekly' && pattern.interval === 2
        ? 'biweekly'
        : pattern.type === 'weekly' && pattern.interval === 1
          ? 'weekly'
          : undefined;
  if (!timeZone || !frequency || range.type !== 'numbered' || count < 1) {
    throw malformed(organiser, 'read', 'the series is not one the app booked');
  }
  const start = Date.parse(`${master.start.dateTime.slice(0, 19)}Z`);
  const local = toLocal(start, timeZone);
  const end = Date.parse(`${master.end.dateTime.slice(0, 19)}Z`);
  const rule: RecurrenceRule = {
    frequency,
    timeZone,
    firstDate: range.startDate,
    localStart: formatLocalTime(local.minutes),
    durationMinutes: Math.max(5, Math.round((end - start) / 60_000) || 60),
    count,
  };
  return rule;
}

/** getSchedule answers ErrorTimeIntervalTooBig past 62 days: say so before calling. */
function assertWindow(window: TimeWindow): void {
  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) {
    throw new DomainError('validation_failed', 'The free/busy window must end after it starts', {
      window,
    });
  }
  if (end - start > 62 * 86_400_000) {
    throw new DomainError(
      'validation_failed',
      'Free/busy can be read for at most 62 days at a time',
      { window, maxDays: 62 },
    );
  }
}

function graphUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

function graphInstant(
  value: { dateTime: string; timeZone?: string | null },
  person: CalendarPerson,
) {
  const zone = value.timeZone ?? 'UTC';
  if (!/^(UTC|Etc\/UTC|Etc\/GMT|Coordinated Universal Time)$/i.test(zone)) {
    throw malformed(person, 'read', `times came back in ${zone}, not UTC`);
  }
  const ms = Date.parse(`${value.dateTime.slice(0, 19)}Z`);
  if (Number.isNaN(ms)) throw malformed(person, 'read', `"${value.dateTime}" is not a date-time`);
  return new Date(ms).toISOString();
}

function graphInstantLoose(value: { dateTime: string }): string {
  const ms = Date.parse(`${value.dateTime.slice(0, 19)}Z`);
  return new Date(ms).toISOString();
}

function eventUrl(series: SeriesRef): string {
  return `/users/${encodeURIComponent(series.organiser.email)}/events/${encodeURIComponent(series.seriesId)}`;
}

type Verb = 'read' | 'updated';
type Reason =
  | 'permission_missing'
  | 'not_authorized'
  | 'mailbox_not_found'
  | 'throttled'
  | 'unreachable'
  | 'malformed_response'
  | 'rejected'
  | 'unavailable';

const reasonText: Record<Reason, string> = {
  permission_missing: 'permission missing',
  not_authorized: 'the app’s credentials were refused',
  mailbox_not_found: 'no mailbox was found for this person',
  throttled: 'Microsoft 365 is throttling requests; try again in a few minutes',
  unreachable: 'Microsoft 365 could not be reached',
  malformed_response: 'Microsoft 365 sent an unexpected answer',
  rejected: 'Microsoft 365 refused the request',
  unavailable: 'the calendar is unavailable',
};

function calendarError(error: unknown, person: CalendarPerson, verb: Verb): DomainError {
  if (error instanceof DomainError) return error;
  const failure =
    error instanceof GraphCallError
      ? error
      : new GraphCallError(0, undefined, String(error), { cause: error });
  if (failure.status === 404 && failure.graphCode === 'ErrorItemNotFound') {
    return new DomainError(
      'not_found',
      `The sessions are no longer in ${person.displayName}'s calendar (deleted in Outlook)`,
      { personId: person.id, reason: 'series_not_found', status: 404 },
      { cause: failure },
    );
  }
  const reason: Reason =
    failure.graphCode === 'malformed_response'
      ? 'malformed_response'
      : failure.status === 403
        ? 'permission_missing'
        : failure.status === 401
          ? 'not_authorized'
          : failure.status === 404
            ? 'mailbox_not_found'
            : failure.status === 429 || failure.status === 503 || failure.status === 504
              ? 'throttled'
              : failure.status === 0
                ? 'unreachable'
                : failure.status >= 500
                  ? 'unavailable'
                  : 'rejected';
  return new DomainError(
    'calendar_unavailable',
    `${person.displayName}'s calendar could not be ${verb}: ${reasonText[reason]}`,
    {
      personId: person.id,
      reason,
      status: failure.status,
      ...(failure.graphCode ? { graphCode: failure.graphCode } : {}),
      graphMessage: failure.message,
    },
    { cause: failure },
  );
}

function malformed(person: CalendarPerson, verb: Verb, detail: string): DomainError {
  return new DomainError(
    'calendar_unavailable',
    `${person.displayName}'s calendar could not be ${verb}: ${reasonText.malformed_response}`,
    { personId: person.id, reason: 'malformed_response', detail },
  );
}

function parseOrMalformed<S extends z.ZodType>(
  schema: S,
  body: unknown,
  person: CalendarPerson,
  verb: Verb,
): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw malformed(person, verb, `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  return result.data;
}

function errorSummary(error: unknown): {
  code: string;
  message: string;
  details?: Record<string, unknown>;
} {
  if (error instanceof DomainError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
