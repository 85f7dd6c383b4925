import type {
  Attendee,
  DayOfWeek,
  Event,
  PatternedRecurrence,
} from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { Weekday } from '../../domain/common';
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
import type {
  BookedSeries,
  CalendarPerson,
  ListedOccurrence,
  SeriesRef,
  SeriesRequest,
} from '../calendar-port';
import { malformed, parseOrMalformed } from './graph-errors';
import { ianaTimeZone, outlookTimeZone } from './outlook-time-zones';

/**
 * Graph's shapes and ours: the event a booking creates, the schemas of what Graph answers, and
 * the mapping of its answers (instances, series master, times) back to the port's types.
 */

/** Times in requests and answers in UTC, so no Windows zone name has to be read back. */
export const UTC_PREFER = { Prefer: 'outlook.timezone="UTC"' } as const;

const graphDays: Record<Weekday, DayOfWeek> = {
  mon: 'monday',
  tue: 'tuesday',
  wed: 'wednesday',
  thu: 'thursday',
  fri: 'friday',
  sat: 'saturday',
  sun: 'sunday',
};

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

export const dateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string().nullish() });

const createdSchema = z.object({
  id: z.string().min(1),
  onlineMeeting: z.object({ joinUrl: z.string().nullish() }).nullish(),
});

export const instanceSchema = z.object({
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

export const instancesSchema = z.object({
  value: z.array(instanceSchema),
  '@odata.nextLink': z.string().nullish(),
});

export const masterSchema = z.object({
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

/** The series Graph created for `request`, with the occurrences the rule expands to. */
export function bookedSeries(body: unknown, request: SeriesRequest): BookedSeries {
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

/** One instance of the series as the port lists it. */
export function toListed(instance: Instance): ListedOccurrence {
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

/** The rule of a series master the app booked; any other series is a malformed answer. */
export function ruleFromGraph(master: z.infer<typeof masterSchema>, organiser: CalendarPerson) {
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

/** An instant as Graph's UTC dateTime (no offset, no fraction). */
export function graphUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** A free/busy time, which must have come back in UTC, as an ISO instant. */
export function graphInstant(
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

/** The series master in the organiser's mailbox. */
export function eventUrl(series: SeriesRef): string {
  return `/users/${encodeURIComponent(series.organiser.email)}/events/${encodeURIComponent(series.seriesId)}`;
}
