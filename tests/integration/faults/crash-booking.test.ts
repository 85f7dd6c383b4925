import type { PairCalendarResponse, Slot, SlotsResponse } from '../../../src/contracts/calendar';
import type { Pair } from '../../../src/domain/pair/schema';
import { demoPersonId } from '../../../src/local/seed/demo-data';
import { demoPairIds } from '../../../src/local/seed/demo-pairs';
import {
  crash,
  holdNext,
  startCrashWorld,
  tenantId,
  type CrashWorld,
} from '../../support/crash-kit';
import { apiClient, errorCode } from '../api/api-client';

/**
 * Issue #18 item 6: the process killed (SIGKILL) in the middle of a booking, after the series was
 * written to the calendar and before the pair was, then started again. Whatever is booked next,
 * the pair must end with one series, in both people's calendars, and one set of sessions.
 */

const pairId = demoPairIds.data;
const ethan = demoPersonId(39); // the mentor: the organiser
const michel = demoPersonId(35); // the mentee: invited

let world: CrashWorld;
let pairAsSeeded: Pair;

beforeAll(async () => {
  world = await startCrashWorld();
  pairAsSeeded = (await world.stored.pairs.get(tenantId, pairId)).value;
}, 60_000);

afterAll(async () => world?.close());

/** Each test starts from the pair as seeded, nothing in the calendars. */
beforeEach(async () => {
  await world.stored.pairs.upsert(pairAsSeeded);
  for (const series of await seriesOf(ethan)) {
    await world.stored.calendar.delete(tenantId, series.id);
  }
  const underWay = await world.stored.bookingIntents.find(tenantId, `booking-${pairId}`);
  if (underWay) await world.stored.bookingIntents.delete(tenantId, underWay.value.id);
});

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

const proposals = async (api: ReturnType<typeof apiClient>, token: string) => {
  const reply = await api.call<SlotsResponse>('GET', `/api/pairs/${pairId}/slots?locale=en`, {
    token,
  });
  expect(reply.status).toBe(200);
  return reply.body.proposals.map((p) => p.slot);
};

const book = (api: ReturnType<typeof apiClient>, token: string, slot: Slot) =>
  api.call<PairCalendarResponse>('POST', `/api/pairs/${pairId}/booking?locale=en`, {
    token,
    json: { slot },
  });

/**
 * Starts the app, books the first slot proposed to the mentee, and kills the app right before
 * the pair's write (the calendar's is done). Then starts it again on the same data.
 */
async function bookThenCrash() {
  const first = world.startApp();
  const api = apiClient(await first.url);
  const token = await world.tokenFor(michel);
  const slot = (await proposals(api, token))[0]!;
  world.proxy.reset();
  const cut = book(api, token, slot).then(
    (reply) => reply.status,
    () => 'no answer',
  );
  await holdNext(world.proxy, (r) => r.write && r.path.includes('/colls/pairs/docs'));
  await crash(first);
  expect(await cut).toBe('no answer');
  // What the crash left: the series in the calendars, a pair that does not know it.
  expect(await seriesOf(ethan)).toHaveLength(1);
  expect((await world.stored.pairs.get(tenantId, pairId)).value.calendar.seriesId).toBeUndefined();

  const second = world.startApp();
  return { slot, token, api: apiClient(await second.url) };
}

/** One series, the one of `slot`, in both calendars; its sessions once each; both see it. */
async function expectOneBooking(api: ReturnType<typeof apiClient>, slot: Slot) {
  const [organiserSeries, inviteeSeries] = [await seriesOf(ethan), await seriesOf(michel)];
  expect(organiserSeries).toHaveLength(1);
  expect(inviteeSeries).toEqual(organiserSeries);
  const seriesId = organiserSeries[0]!.id;
  const stored = await world.stored.calendar.get(tenantId, seriesId);
  expect(stored.value.rule).toEqual(slot);
  const pair = (await world.stored.pairs.get(tenantId, pairId)).value;
  expect(pair.calendar.seriesId).toBe(seriesId);
  const linked = pair.sessions.filter((s) => s.calendarEventId !== undefined);
  expect(linked).toHaveLength(slot.count);
  expect(new Set(linked.map((s) => s.calendarEventId)).size).toBe(slot.count);
  for (const personId of [michel, ethan]) {
    const view = await api.call<PairCalendarResponse>(
      'GET',
      `/api/pairs/${pairId}/calendar?locale=en`,
      { token: await world.tokenFor(personId) },
    );
    expect(view.status).toBe(200);
    expect(view.body.series?.seriesId).toBe(seriesId);
    expect(view.body.canBook).toBe(false);
  }
  // Nothing left under way.
  expect(await world.stored.bookingIntents.find(tenantId, `booking-${pairId}`)).toBeUndefined();
}

describe(
  'a booking cut by kill -9 between the calendar write and the pair write',
  {
    timeout: 60_000,
  },
  () => {
    it('booked again with the same slot after the restart, gives one series in each calendar and one set of sessions', async () => {
      const { slot, token, api } = await bookThenCrash();
      expect((await book(api, token, slot)).status).toBe(201);
      // And once more, as a person unsure whether it went through would.
      expect((await book(api, token, slot)).status).toBe(200);
      await expectOneBooking(api, slot);
    });

    it('booking what is proposed after the restart completes the booking cut short instead of making a second series', async () => {
      const { slot, token, api } = await bookThenCrash();
      // The series cut short holds its hours in both calendars: the first proposal is another one.
      const now = await proposals(api, token);
      expect(now).not.toContainEqual(slot);
      const other = await book(api, token, now[0]!);
      expect(other.status).toBe(409);
      expect(errorCode(other)).toBe('already_exists');
      expect(other.body).toMatchObject({
        error: { message: expect.stringMatching(/booking started before was completed/) },
      });
      await expectOneBooking(api, slot);
    });
  },
);
