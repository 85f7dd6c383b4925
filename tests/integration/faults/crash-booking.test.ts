import type { PairCalendarResponse, SlotsResponse } from '../../../src/contracts/calendar';
import { demoPersonId } from '../../../src/local/seed/demo-data';
import { demoPairIds } from '../../../src/local/seed/demo-pairs';
import {
  crash,
  holdNext,
  startCrashWorld,
  tenantId,
  type CrashWorld,
} from '../../support/crash-kit';
import { apiClient } from '../api/api-client';

/**
 * Issue #18 item 6: the process killed (SIGKILL) in the middle of a booking, after the series was
 * written to the calendar and before the pair was, then started again. Booking the same slot again
 * must give one series in the calendar, in both people's calendars, and one set of sessions.
 */

const pairId = demoPairIds.data;
const ethan = demoPersonId(39); // the mentor: the organiser
const michel = demoPersonId(35); // the mentee: invited

let world: CrashWorld;

beforeAll(async () => {
  world = await startCrashWorld();
}, 60_000);

afterAll(async () => world?.close());

/** Every series document of the local calendar this person is in (organiser or invited). */
async function seriesOf(personId: string): Promise<{ id: string; pairId: string }[]> {
  const { resources } = await world.store
    .container('calendar')
    .items.query<{ id: string; pairId: string }>({
      query:
        "SELECT c.id, c.pairId FROM c WHERE c.tenantId = @tenantId AND c.kind = 'series' " +
        'AND ARRAY_CONTAINS(c.participantIds, @personId)',
      parameters: [
        { name: '@tenantId', value: tenantId },
        { name: '@personId', value: personId },
      ],
    })
    .fetchAll();
  return resources.filter((s) => s.pairId === pairId);
}

describe(
  'a booking cut by kill -9 between the calendar write and the pair write',
  { timeout: 60_000 },
  () => {
    it('booked again after the restart, gives one series in each calendar and one set of sessions', async () => {
      const first = world.startApp();
      const api = apiClient(await first.url);
      const token = await world.tokenFor(michel);
      const slots = await api.call<SlotsResponse>('GET', `/api/pairs/${pairId}/slots?locale=en`, {
        token,
      });
      expect(slots.status).toBe(200);
      const slot = slots.body.proposals[0]!.slot;

      // The pair's write, the one after the calendar's: the process dies right before it.
      world.proxy.reset();
      const cut = api
        .call('POST', `/api/pairs/${pairId}/booking?locale=en`, { token, json: { slot } })
        .then(
          (reply) => reply.status,
          () => 'no answer',
        );
      await holdNext(world.proxy, (r) => r.write && r.path.includes('/colls/pairs/docs'));
      await crash(first);
      expect(await cut).toBe('no answer');
      // What the crash left: the series in the calendar, a pair that does not know it.
      expect(world.proxy.seen.some((r) => r.write && r.path.includes('/colls/calendar/'))).toBe(
        true,
      );
      expect(await seriesOf(ethan)).toHaveLength(1);
      expect(
        (await world.stored.pairs.get(tenantId, pairId)).value.calendar.seriesId,
      ).toBeUndefined();

      const second = world.startApp();
      const again = apiClient(await second.url);
      const retried = await again.call<PairCalendarResponse>(
        'POST',
        `/api/pairs/${pairId}/booking?locale=en`,
        { token, json: { slot } },
      );
      expect(retried.status).toBe(201);
      // And once more, as a person unsure whether it went through would.
      const twice = await again.call<PairCalendarResponse>(
        'POST',
        `/api/pairs/${pairId}/booking?locale=en`,
        { token, json: { slot } },
      );
      expect(twice.status).toBe(200);

      // One series, in the organiser's and the invited person's calendars alike.
      const [organiserSeries, inviteeSeries] = [await seriesOf(ethan), await seriesOf(michel)];
      expect(organiserSeries).toHaveLength(1);
      expect(inviteeSeries).toEqual(organiserSeries);
      const pair = (await world.stored.pairs.get(tenantId, pairId)).value;
      expect(pair.calendar.seriesId).toBe(organiserSeries[0]!.id);
      // One session per occurrence: no session twice, none linked to another series.
      const linked = pair.sessions.filter((s) => s.calendarEventId !== undefined);
      expect(linked).toHaveLength(slot.count);
      expect(new Set(linked.map((s) => s.calendarEventId)).size).toBe(slot.count);
      // Both see the same series and sessions in the tab.
      for (const personId of [michel, ethan]) {
        const view = await again.call<PairCalendarResponse>(
          'GET',
          `/api/pairs/${pairId}/calendar?locale=en`,
          { token: await world.tokenFor(personId) },
        );
        expect(view.status).toBe(200);
        expect(view.body.series?.seriesId).toBe(organiserSeries[0]!.id);
        expect(view.body.canBook).toBe(false);
      }
    });
  },
);
