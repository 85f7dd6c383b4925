import type { Clock } from '../../domain/clock';
import type { TokenCredential } from '@azure/identity';
import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
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
import { GraphSchedule } from './graph-schedule';
import { GraphSeries } from './graph-series';
import { GraphTransport } from './graph-transport';

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
  /** How long one Graph call may take (default 30 s). */
  readonly requestTimeoutMs?: number;
  /** Minutes per availabilityView slot in getSchedule (5..1440). */
  readonly availabilityViewInterval?: number;
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
 * by an application access policy): getSchedule for free/busy (graph-schedule.ts), one recurring
 * Teams meeting per pair (graph-series.ts), both over one transport that keeps Outlook's limits.
 * Finding slots and booking one pair take two Graph calls; a cohort goes through $batch.
 */
export class GraphCalendar implements CalendarPort {
  private readonly schedule: GraphSchedule;
  private readonly series: GraphSeries;

  constructor(deps: GraphCalendarDeps) {
    const transport = new GraphTransport({
      client: createGraphClient(deps.credential, deps.baseUrl),
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ...(deps.clock ? { clock: deps.clock } : {}),
      ...(deps.maxConcurrentPerMailbox
        ? { maxConcurrentPerMailbox: deps.maxConcurrentPerMailbox }
        : {}),
      ...(deps.maxAttempts ? { maxAttempts: deps.maxAttempts } : {}),
      ...(deps.requestTimeoutMs ? { requestTimeoutMs: deps.requestTimeoutMs } : {}),
    });
    this.schedule = new GraphSchedule({
      transport,
      ...(deps.availabilityViewInterval !== undefined
        ? { availabilityViewInterval: deps.availabilityViewInterval }
        : {}),
    });
    this.series = new GraphSeries({ transport });
  }

  getSchedules(
    organiser: CalendarPerson,
    people: readonly CalendarPerson[],
    window: TimeWindow,
  ): Promise<PersonSchedule[]> {
    return this.schedule.getSchedules(organiser, people, window);
  }

  getCohortSchedules(queries: readonly ScheduleQuery[]): Promise<ScheduleQueryOutcome[]> {
    return this.schedule.getCohortSchedules(queries);
  }

  bookSeries(request: SeriesRequest): Promise<BookedSeries> {
    return this.series.bookSeries(request);
  }

  bookCohort(requests: readonly SeriesRequest[]): Promise<CohortBookingOutcome[]> {
    return this.series.bookCohort(requests);
  }

  listOccurrences(series: SeriesRef, window: TimeWindow): Promise<ListedOccurrence[]> {
    return this.series.listOccurrences(series, window);
  }

  rescheduleOccurrence(request: RescheduleRequest): Promise<ListedOccurrence> {
    return this.series.rescheduleOccurrence(request);
  }

  cancelRemaining(series: SeriesRef, from: string): Promise<{ cancelled: number }> {
    return this.series.cancelRemaining(series, from);
  }
}
