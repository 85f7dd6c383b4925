import type { AccessToken, TokenCredential } from '@azure/identity';
import { setupServer } from 'msw/node';
import type { CalendarPerson, SeriesRequest } from '../../src/calendar/calendar-port';
import { GraphCalendar } from '../../src/calendar/graph/graph-calendar';
import type { RecurrenceRule } from '../../src/domain/calendar/recurrence';

/** Loopback only (https: the SDK attaches tokens to https hosts only); msw answers in-process. */
export const GRAPH_ORIGIN = 'https://127.0.0.1:9';
export const GRAPH = `${GRAPH_ORIGIN}/v1.0`;

export const server = setupServer();

/** A credential that hands out a fixed token (the real one comes from @azure/identity). */
export const testCredential: TokenCredential = {
  getToken: async (): Promise<AccessToken> => ({
    token: 'test-token',
    expiresOnTimestamp: Date.now() + 3_600_000,
  }),
};

export const weekdayHours = (start = '09:00', end = '18:00') =>
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start, end }));

export const marc: CalendarPerson = {
  id: 'marc-id',
  email: 'marc@contoso.com',
  displayName: 'Marc',
  timeZone: 'Europe/Paris',
  workingHours: weekdayHours(),
};

export const chloe: CalendarPerson = {
  id: 'chloe-id',
  email: 'chloe@contoso.com',
  displayName: 'Chloé',
  timeZone: 'America/Toronto',
  workingHours: weekdayHours('09:00', '17:00'),
};

export const aRule = (overrides: Partial<RecurrenceRule> = {}): RecurrenceRule => ({
  frequency: 'weekly',
  timeZone: 'Europe/Paris',
  firstDate: '2026-03-17',
  localStart: '15:00',
  durationMinutes: 60,
  count: 6,
  ...overrides,
});

export const aSeriesRequest = (overrides: Partial<SeriesRequest> = {}): SeriesRequest => ({
  pairId: 'pair-1',
  organiser: marc,
  attendees: [chloe],
  rule: aRule(),
  locale: 'en',
  topic: 'Power BI',
  tabUrl: 'https://teams.microsoft.com/l/entity/app/pairs?context=pair-1',
  ...overrides,
});

/** A GraphCalendar against the msw handlers, recording the waits it would have slept. */
export function graphCalendar(options: { maxAttempts?: number; requestTimeoutMs?: number } = {}) {
  const waits: number[] = [];
  const calendar = new GraphCalendar({
    credential: testCredential,
    baseUrl: GRAPH_ORIGIN,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  return { calendar, waits };
}
