import type { PairRepository, PairRef } from '../../../src/store/pair-repository';
import { aPair, aSession } from '../../fixtures/builders';
import { startLocalCosmos, type LocalCosmos } from '../../support/local-cosmos';

const since = '2027-01-12T00:00:00.000Z';
const future = '2027-01-20T09:00:00.000Z';
const past = '2027-01-05T09:00:00.000Z';

describe('pairs whose calendar series the sweep re-reads', () => {
  let cosmos: LocalCosmos;
  let pairs: PairRepository;
  beforeAll(async () => {
    cosmos = await startLocalCosmos();
    pairs = cosmos.repos.pairs;
  }, 60_000);
  afterAll(async () => {
    await cosmos?.stop();
  });

  it('are found across tenants, a page at a time, with their tenant; the others are not', async () => {
    const booked = (tenantId: string, id: string, start = future, key = start) =>
      aPair({
        id,
        tenantId,
        calendar: { seriesId: `series-${id}`, organiserId: 'mentor-1', provider: 'graph' },
        sessions: [aSession({ id: `${id}-s1`, start, calendarEventId: key })],
      });
    const watched = [
      booked('tenant-a', 'a-1'),
      booked('tenant-a', 'a-2'),
      booked('tenant-b', 'b-1'),
      // Moved from the past into the future: its session is still to come.
      booked('tenant-b', 'b-2', future, past),
      // Same id in another tenant: both are named with their tenant.
      booked('tenant-c', 'a-1'),
    ];
    const ignored = [
      // All of its sessions are behind it.
      booked('tenant-a', 'a-past', past),
      // No series.
      aPair({ id: 'a-hand', tenantId: 'tenant-a', sessions: [aSession({ start: future })] }),
      // Its only session left in the series was cancelled.
      aPair({
        id: 'b-cancelled',
        tenantId: 'tenant-b',
        calendar: { seriesId: 'series-x', organiserId: 'mentor-1', provider: 'local' },
        sessions: [aSession({ start: future, calendarEventId: future, status: 'cancelled' })],
      }),
    ];
    for (const pair of [...watched, ...ignored]) await pairs.create(pair);

    const seen: PairRef[] = [];
    let pages = 0;
    let token: string | undefined;
    do {
      const page = await pairs.withSeriesToWatch(since, 2, token);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      token = page.continuationToken;
      pages += 1;
    } while (token);

    expect(pages).toBeGreaterThanOrEqual(3);
    const key = (p: PairRef) => `${p.tenantId}/${p.pairId}`;
    expect(seen.map(key).sort()).toEqual(
      watched.map((p) => key({ tenantId: p.tenantId, pairId: p.id })).sort(),
    );
  });
});
