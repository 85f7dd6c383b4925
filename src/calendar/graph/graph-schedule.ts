import type { ScheduleInformation } from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import { DomainError } from '../../domain/errors';
import type {
  CalendarPerson,
  PersonSchedule,
  ScheduleQuery,
  ScheduleQueryOutcome,
  TimeWindow,
} from '../calendar-port';
import {
  calendarError,
  errorSummary,
  malformed,
  parseOrMalformed,
  reasonText,
} from './graph-errors';
import { dateTimeTimeZone, graphInstant, graphUtc, UTC_PREFER } from './graph-shapes';
import type { GraphRequestSpec, GraphTransport } from './graph-transport';

export type GraphScheduleDeps = {
  readonly transport: GraphTransport;
  /** Minutes per availabilityView slot in getSchedule (5..1440). */
  readonly availabilityViewInterval?: number;
};

/** Free/busy through getSchedule: one call for a pair, a $batch for a cohort. */
export class GraphSchedule {
  constructor(private readonly deps: GraphScheduleDeps) {}

  /** The busy times of `people`, read from the organiser's mailbox in one call. */
  async getSchedules(
    organiser: CalendarPerson,
    people: readonly CalendarPerson[],
    window: TimeWindow,
  ): Promise<PersonSchedule[]> {
    assertWindow(window);
    const spec = this.scheduleSpec(organiser, people, window);
    let body: unknown;
    try {
      body = await this.deps.transport.send(spec);
    } catch (error) {
      throw calendarError(error, organiser, 'read');
    }
    return parseSchedules(body, organiser, people);
  }

  /** One outcome per query, in order: a failed query does not fail the others. */
  async getCohortSchedules(queries: readonly ScheduleQuery[]): Promise<ScheduleQueryOutcome[]> {
    for (const query of queries) assertWindow(query.window);
    const outcomes = await this.deps.transport.sendMany(
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
}

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
