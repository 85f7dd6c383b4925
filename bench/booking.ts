/**
 * Books a cohort of 1,000 pairs through the Graph calendar adapter against msw handlers that
 * behave like Graph (latency, 4 concurrent requests per mailbox, injected 429 + Retry-After).
 * Prints readable lines, then one JSON line. `npm run bench:booking`.
 */
import type { AccessToken } from '@azure/identity';
import { setupServer } from 'msw/node';
import type { CalendarPerson, SeriesRequest } from '../src/calendar/calendar-port';
import { GraphCalendar } from '../src/calendar/graph/graph-calendar';
import { findRecurringSlots } from '../src/domain/calendar/slot-finder';
import { createGraphFake, mulberry32 } from './support/graph-fake';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 1000);
const ORGANISERS = Math.max(1, Math.round(PAIRS / 5)); // a mentor may run several pairs
const ORIGIN = 'https://127.0.0.1:9';

const zones = ['Europe/Paris', 'Europe/Paris', 'Europe/London', 'America/Toronto', 'Europe/Berlin'];
const random = mulberry32(7);
const hours = (start: string, end: string) =>
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start, end }));

const person = (kind: string, i: number, zone: string): CalendarPerson => ({
  id: `${kind}-${i}`,
  email: `${kind}${i}@contoso.example`,
  displayName: `${kind} ${i}`,
  timeZone: zone,
  workingHours: zone === 'America/Toronto' ? hours('08:00', '17:00') : hours('09:00', '18:00'),
});

const organisers = Array.from({ length: ORGANISERS }, (_, i) =>
  person('mentor', i, zones[i % zones.length] as string),
);
const pairs = Array.from({ length: PAIRS }, (_, i) => ({
  pairId: `pair-${i}`,
  // Consecutive pairs share an organiser, so one $batch holds 5 requests for one mailbox.
  organiser: organisers[Math.floor(i / 5) % ORGANISERS] as CalendarPerson,
  partner: person('mentee', i, zones[Math.floor(random() * zones.length)] as string),
}));

const fake = createGraphFake({
  root: `${ORIGIN}/v1.0`,
  latencyMs: [3, 12],
  throttleRate: 0.05,
  retryAfterSeconds: 1,
  batchOutageRate: 0.02,
});
const server = setupServer(...fake.handlers);
server.listen({ onUnhandledRequest: 'error' });

const credential = {
  getToken: async (): Promise<AccessToken> => ({
    token: 'bench',
    expiresOnTimestamp: Date.now() + 3_600_000,
  }),
};
let waited = 0;
const calendar = new GraphCalendar({
  credential,
  baseUrl: ORIGIN,
  sleep: (ms) => {
    waited += ms;
    return new Promise((resolve) => setTimeout(resolve, ms));
  },
});

const from = '2027-01-11T00:00:00.000Z';
const horizon = '2027-03-08T00:00:00.000Z';
const frame = { durationMinutes: 60, frequency: 'biweekly' as const, sessions: 6 };

console.log(
  `booking ${PAIRS} pairs (${ORGANISERS} organiser mailboxes) against Graph-like msw handlers`,
);
const started = performance.now();

const schedulesStarted = performance.now();
const schedules = await calendar.getCohortSchedules(
  pairs.map((p) => ({
    organiser: p.organiser,
    people: [p.organiser, p.partner],
    window: { start: from, end: horizon },
  })),
);
const schedulesMs = performance.now() - schedulesStarted;

const findStarted = performance.now();
const requests: SeriesRequest[] = [];
let noSlot = 0;
const noSlotReasons: Record<string, number> = {};
let scheduleFailures = 0;
pairs.forEach((pair, i) => {
  const outcome = schedules[i];
  if (!outcome?.ok) {
    scheduleFailures++;
    return;
  }
  const [mine, theirs] = outcome.schedules;
  const result = findRecurringSlots({
    organiser: { ...pair.organiser, busy: mine?.busy ?? [] },
    partner: { ...pair.partner, busy: theirs?.busy ?? [] },
    frame,
    from,
    horizon,
  });
  if (result.kind === 'none') {
    noSlot++;
    noSlotReasons[result.reason.code] = (noSlotReasons[result.reason.code] ?? 0) + 1;
    return;
  }
  requests.push({
    pairId: pair.pairId,
    organiser: pair.organiser,
    attendees: [pair.partner],
    rule: (result.proposals[0] as { rule: SeriesRequest['rule'] }).rule,
    locale: i % 2 === 0 ? 'fr' : 'en',
    topic: 'Power BI',
    tabUrl: `https://teams.example/tab/pairs/${pair.pairId}`,
  });
});
const findMs = performance.now() - findStarted;

const bookStarted = performance.now();
const outcomes = await calendar.bookCohort(requests);
const bookMs = performance.now() - bookStarted;
const cohortBookingMs = performance.now() - started;
server.close();

const booked = outcomes.filter((o) => o.ok).length;
const failed = outcomes.length - booked;
// A pair is dropped when it had a slot but ended with neither a booking nor a reported failure.
const dropped = requests.length - outcomes.length + scheduleFailures;
const bookings = booked || 1;
const figures = {
  pairs: PAIRS,
  booked,
  failed,
  noSlot,
  noSlotReasons,
  dropped,
  // Free/busy + booking of the booked pairs; a pair without a slot made only its free/busy call.
  graphCallsPerBooking: Number(((fake.stats.distinctRequests - noSlot) / bookings).toFixed(3)),
  graphCallsPerPair: Number((fake.stats.distinctRequests / PAIRS).toFixed(3)),
  graphRequestsPerBookingWithRetries: Number((fake.stats.requests / bookings).toFixed(3)),
  httpCalls: fake.stats.httpCalls,
  injected429: fake.stats.injected429,
  batchOutages503: fake.stats.batchOutages,
  mailboxLimit429: fake.stats.mailboxLimit429,
  maxConcurrentPerMailbox: fake.stats.maxConcurrentPerMailbox,
  maxBatchSize: fake.stats.maxBatchSize,
  retryAfterWaitedMs: waited,
  schedulesMs: Math.round(schedulesMs),
  slotFindingMs: Math.round(findMs),
  slotFindingMsPerPair: Number((findMs / PAIRS).toFixed(2)),
  bookingMs: Math.round(bookMs),
  cohortBookingMs: Math.round(cohortBookingMs),
};

console.log(`free/busy for ${PAIRS} pairs: ${figures.schedulesMs} ms`);
console.log(
  `slot finding: ${figures.slotFindingMs} ms (${figures.slotFindingMsPerPair} ms a pair), ${noSlot} without a slot`,
);
console.log(
  `booking: ${booked} booked, ${failed} failed with a reason, ${dropped} dropped, ${figures.bookingMs} ms`,
);
console.log(
  `Graph: ${figures.graphCallsPerBooking} calls a booking, ${figures.graphCallsPerPair} a pair (${figures.graphRequestsPerBookingWithRetries} with retries), ${figures.httpCalls} HTTP exchanges, batches of at most ${figures.maxBatchSize}`,
);
console.log(
  `throttling: ${figures.injected429} injected 429s, ${figures.batchOutages503} whole-batch 503s, ${figures.mailboxLimit429} mailbox-limit 429s, ${waited} ms waited on Retry-After`,
);
console.log(`max concurrent requests per mailbox: ${figures.maxConcurrentPerMailbox}`);
console.log(`whole cohort: ${figures.cohortBookingMs} ms`);
console.log(JSON.stringify(figures));
