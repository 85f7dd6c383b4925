import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarPerson } from '../../../src/calendar/calendar-port';
import { GraphCalendar } from '../../../src/calendar/graph/graph-calendar';
import { createGraphFake } from '../../../bench/support/graph-fake';
import { aRule, aSeriesRequest, chloe, marc, testCredential } from '../../support/graph-kit';

// Its own origin, so these handlers never meet the other files' server.
const ORIGIN = 'https://127.0.0.2:9';

const organisers: CalendarPerson[] = Array.from({ length: 6 }, (_, i) => ({
  ...marc,
  id: `org-${i}`,
  email: `org${i}@contoso.com`,
}));

function cohort(size: number) {
  return Array.from({ length: size }, (_, i) =>
    aSeriesRequest({
      pairId: `pair-${i}`,
      // Ten pairs in a row per organiser: every batch carries many requests for one mailbox.
      organiser: organisers[Math.floor(i / 10) % organisers.length] as CalendarPerson,
      attendees: [{ ...chloe, id: `p-${i}`, email: `p${i}@contoso.com` }],
      rule: aRule({ firstDate: '2026-03-17' }),
    }),
  );
}

const fake = createGraphFake({
  root: `${ORIGIN}/v1.0`,
  latencyMs: [1, 4],
  throttleRate: 0.15,
  batchOutageRate: 0.1,
  seed: 3,
});
const server = setupServer(...fake.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('cohort booking under Outlook’s limits', () => {
  it('books 120 pairs with throttling injected: none dropped, never more than 4 in flight per mailbox', async () => {
    const waits: number[] = [];
    const calendar = new GraphCalendar({
      credential: testCredential,
      baseUrl: ORIGIN,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const requests = cohort(120);
    const before = { ...fake.stats };
    const outcomes = await calendar.bookCohort(requests);
    expect(outcomes.map((o) => o.pairId)).toEqual(requests.map((r) => r.pairId));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(fake.stats.eventsCreated - before.eventsCreated).toBe(120);
    expect(fake.stats.injected429).toBeGreaterThan(0);
    expect(waits.length).toBeGreaterThan(0);
    expect(fake.stats.maxConcurrentPerMailbox).toBeLessThanOrEqual(4);
    expect(fake.stats.mailboxLimit429).toBe(0);
    expect(fake.stats.maxBatchSize).toBeLessThanOrEqual(20);
  });

  it('keeps single calls to one mailbox at 4 in flight too', async () => {
    const calendar = new GraphCalendar({
      credential: testCredential,
      baseUrl: ORIGIN,
      sleep: async () => {},
    });
    const window = { start: '2026-03-16T00:00:00.000Z', end: '2026-04-13T00:00:00.000Z' };
    const before = fake.stats.getSchedule;
    const results = await Promise.all(
      Array.from({ length: 24 }, () => calendar.getSchedules(marc, [marc, chloe], window)),
    );
    expect(results).toHaveLength(24);
    expect(fake.stats.getSchedule - before).toBeGreaterThanOrEqual(24);
    expect(fake.stats.maxConcurrentPerMailbox).toBeLessThanOrEqual(4);
    expect(fake.stats.mailboxLimit429).toBe(0);
  });

  it('is what keeps the limit: allowing 8 a mailbox trips Outlook’s concurrency 429s', async () => {
    const calendar = new GraphCalendar({
      credential: testCredential,
      baseUrl: ORIGIN,
      maxConcurrentPerMailbox: 8,
      sleep: async () => {},
    });
    const outcomes = await calendar.bookCohort(
      cohort(60).map((r) => ({ ...r, pairId: `${r.pairId}-wide` })),
    );
    // Still nothing dropped (the 429s are retried), but the fake saw more than 4 at once.
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(fake.stats.maxConcurrentPerMailbox).toBeGreaterThan(4);
    expect(fake.stats.mailboxLimit429).toBeGreaterThan(0);
  });
});
