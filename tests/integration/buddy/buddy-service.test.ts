import { randomUUID } from 'node:crypto';
import { fixedClock } from '../../../src/domain/clock';
import { isDomainError } from '../../../src/domain/errors';
import type { BuddySettings } from '../../../src/domain/buddy/buddy-settings';
import type { Notification } from '../../../src/domain/notification';
import { aPerson } from '../../fixtures/builders';
import { aBuddy } from '../../fixtures/buddy-builders';
import { startWorld, type World } from '../../support/world';

// Monday 7 December 2026, 10:00 in Paris.
const monday = '2026-12-07T09:00:00.000Z';
let world: World;

beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world?.stop());

/** A tenant with an asker (whose manager is boss), and buddies for Excel. */
async function aTenant(buddies: Partial<BuddySettings>[], at = monday) {
  const tenantId = `tenant-${randomUUID()}`;
  const clock = fixedClock(at);
  const services = world.servicesAt(clock);
  const { repos } = world;
  await repos.people.create(aPerson({ tenantId, id: 'boss', displayName: 'Bernard Boss' }));
  await repos.people.create(
    aPerson({ tenantId, id: 'asker', displayName: 'Martine Asker', managerId: 'boss' }),
  );
  for (const b of buddies) {
    const id = b.id ?? 'buddy';
    if (id !== 'boss')
      await repos.people.create(
        aPerson({
          tenantId,
          id,
          displayName: `Buddy ${id}`,
          timeZone: b.timeZone ?? 'Europe/Paris',
          // `report…` buddies report to the asker.
          managerId: id.startsWith('report') ? 'asker' : null,
        }),
      );
    await repos.buddies.create(aBuddy({ ...b, id, tenantId }, clock.now()));
  }
  const asker = { tenantId, personId: 'asker', locale: 'fr' as const };
  const as = (personId: string) => ({ tenantId, personId, locale: 'fr' as const });
  const queued = async (kind: Notification['kind']) =>
    (
      await repos.notifications.query(tenantId, {
        where: 'c.kind = @kind',
        parameters: [{ name: '@kind', value: kind }],
      })
    )
      .map((n) => n.value.recipientId)
      .sort();
  return { tenantId, clock, services, buddy: services.buddy, asker, as, queued };
}

const excel = (id: string, level = 4): Partial<BuddySettings> => ({
  id,
  skills: [{ skillId: 'excel-advanced', level }],
});

describe('quick help over the local Cosmos server', () => {
  it('asking queues offers to the three best buddies at once, never the asker’s manager or report', async () => {
    const t = await aTenant([
      excel('a', 5),
      excel('b', 4),
      excel('c', 3),
      excel('d', 2),
      excel('boss', 5),
      excel('report', 5),
    ]);
    const { request, merged } = await t.buddy.ask(t.asker, {
      topic: 'xls',
      when: 'now',
      minutes: 15,
    });
    expect(merged).toBe(false);
    expect(request).toMatchObject({
      status: 'offered',
      topic: { skillId: 'excel-advanced' },
      buddy: null,
    });
    expect(await t.queued('buddy_offer')).toEqual(['a', 'b', 'c']);
    const offers = await t.buddy.myOffers(t.as('a'));
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({ state: 'open', asker: { name: 'Martine Asker' } });
    expect(await t.buddy.myOffers(t.as('d'))).toEqual([]);
  });

  it('two buddies accepting at once: exactly one wins and the other is told someone took it', async () => {
    const t = await aTenant([excel('a'), excel('b'), excel('c')]);
    const { request } = await t.buddy.ask(t.asker, { topic: 'Excel', when: 'now', minutes: 15 });
    const outcomes = await Promise.allSettled([
      t.buddy.accept(t.as('a'), request.id),
      t.buddy.accept(t.as('b'), request.id),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o) => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(isDomainError((lost[0] as PromiseRejectedResult).reason, 'offer_taken')).toBe(true);
    const winner = (won[0] as PromiseFulfilledResult<{ asker: unknown; state: string }>).value;
    expect(winner.state).toBe('accepted');
    const [mine] = await t.buddy.myRequests(t.asker);
    expect(mine?.status).toBe('matched');
    expect(['Buddy a', 'Buddy b']).toContain(mine?.buddy?.name);
    expect((await t.queued('buddy_matched')).length).toBe(2);
    const loser = mine?.buddy?.id === 'a' ? 'b' : 'a';
    const view = await t.buddy.cardView(t.tenantId, request.id, loser, 'offer');
    expect(view.kind).toBe('taken');
    expect((await t.buddy.cardView(t.tenantId, request.id, 'c', 'offer')).kind).toBe('taken');
    // The winner's help counts toward their weekly cap.
    expect((await t.buddy.me(t.as(mine!.buddy!.id))).helpsThisWeek).toBe(1);
  });

  it('a round with no accept expires: the next three after 20 minutes, then the asker is told', async () => {
    const t = await aTenant(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => excel(id)));
    const { request } = await t.buddy.ask(t.asker, { topic: 'Excel', when: 'now', minutes: 15 });
    t.clock.advance(19 * 60_000);
    // The sweep goes across tenants (other tests' requests too): look at this tenant's queue.
    await t.buddy.advanceRounds();
    expect(await t.queued('buddy_offer')).toEqual(['a', 'b', 'c']);
    t.clock.advance(60_000);
    await t.buddy.advanceRounds();
    expect(await t.queued('buddy_offer')).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    t.clock.advance(20 * 60_000);
    await t.buddy.advanceRounds();
    expect(await t.queued('buddy_offer')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    t.clock.advance(20 * 60_000);
    await t.buddy.advanceRounds();
    expect(await t.queued('buddy_unanswered')).toEqual(['asker']);
    const [unanswered] = await t.buddy.myRequests(t.asker);
    expect(unanswered?.status).toBe('unanswered');
    // Widening asks again at once, in any language, for later this week.
    const widened = await t.buddy.widen(t.asker, request.id);
    expect(widened.request).toMatchObject({ widened: true, when: 'this_week' });
  });

  it('"not now" from every buddy of a round starts the next round at once', async () => {
    const t = await aTenant([excel('a'), excel('b'), excel('c', 2)]);
    const { request } = await t.buddy.ask(t.asker, { topic: 'Excel', when: 'now', minutes: 15 });
    await t.buddy.pass(t.as('a'), request.id);
    await t.buddy.pass(t.as('b'), request.id);
    expect(await t.queued('buddy_offer')).toEqual(['a', 'b', 'c']);
    const passed = await t.buddy.pass(t.as('c'), request.id);
    expect(passed.state).toBe('passed');
    const [mine] = await t.buddy.myRequests(t.asker);
    // Nobody left: the next round started with no offers, the asker never learns who passed.
    expect(mine).toMatchObject({ status: 'offered', buddy: null });
  });

  it('limits: the same topic is merged, at most 5 open requests, 10 asks an hour', async () => {
    const t = await aTenant([{ id: 'all', skills: [], anythingDigital: true }]);
    const first = await t.buddy.ask(t.asker, { topic: 'Excel', when: 'today', minutes: 30 });
    const again = await t.buddy.ask(t.asker, { topic: 'tableur', when: 'now', minutes: 15 });
    expect(again).toMatchObject({ merged: true, request: { id: first.request.id } });
    for (const topic of ['Teams', 'Power BI', 'LinkedIn', 'Photoshop']) {
      await t.buddy.ask(t.asker, { topic, when: 'today', minutes: 15 });
    }
    const sixth = await t.buddy
      .ask(t.asker, { topic: 'Copilot', when: 'today', minutes: 15 })
      .catch((e: unknown) => e);
    expect(isDomainError(sixth, 'too_many_open_requests')).toBe(true);
    const mine = await t.buddy.myRequests(t.asker);
    for (const r of mine.slice(0, 5)) await t.buddy.close(t.asker, r.id);
    for (const topic of ['Copilot', 'Cyber', 'Instagram', 'Visio', 'Outlook']) {
      await t.buddy.ask(t.asker, { topic, when: 'today', minutes: 15 });
      const open = (await t.buddy.myRequests(t.asker)).filter((r) => r.status !== 'cancelled');
      for (const r of open) await t.buddy.close(t.asker, r.id);
    }
    const eleventh = await t.buddy
      .ask(t.asker, { topic: 'Word', when: 'today', minutes: 15 })
      .catch((e: unknown) => e);
    expect(isDomainError(eleventh, 'rate_limited')).toBe(true);
    t.clock.advance(61 * 60_000);
    await expect(
      t.buddy.ask(t.asker, { topic: 'Word', when: 'today', minutes: 15 }),
    ).resolves.toMatchObject({ merged: false });
  });

  it('closing the loop: did it help, a thank-you note, the buddy’s count of helps', async () => {
    const t = await aTenant([excel('a')]);
    const { request } = await t.buddy.ask(t.asker, {
      topic: 'Excel',
      question: 'Un TCD ?',
      when: 'now',
      minutes: 15,
    });
    await t.buddy.accept(t.as('a'), request.id);
    expect(await t.queued('buddy_close')).toEqual(['a', 'asker']);
    await t.buddy.close(t.asker, request.id, true);
    const thanked = await t.buddy.thanks(t.asker, request.id, 'Merci beaucoup !');
    expect(thanked.request).toMatchObject({ status: 'closed', helped: true });
    const [offer] = await t.buddy.myOffers(t.as('a'));
    expect(offer).toMatchObject({ state: 'closed', thanksReceived: 'Merci beaucoup !' });
    expect((await t.buddy.me(t.as('a'))).helpsTotal).toBe(1);
    const stranger = await t.buddy.close(t.as('b'), request.id).catch((e: unknown) => e);
    expect(isDomainError(stranger, 'request_not_found')).toBe(true);
  });

  it('book 15 minutes: the first time both are free, in both calendars (local calendar)', async () => {
    const t = await aTenant([excel('a')]);
    const { request } = await t.buddy.ask(t.asker, { topic: 'Excel', when: 'now', minutes: 15 });
    await t.buddy.accept(t.as('a'), request.id);
    const booked = await t.buddy.book(t.as('a'), request.id);
    expect(booked.request.slot).toEqual({
      start: '2026-12-07T09:15:00.000Z',
      end: '2026-12-07T09:30:00.000Z',
    });
    // The close-the-loop cards now come after the slot.
    expect(await t.queued('buddy_close')).toEqual(['a', 'a', 'asker', 'asker']);
  });

  it('requests older than 90 days become anonymous weekly counts, still in the figures', async () => {
    const t = await aTenant([excel('a')]);
    const { request } = await t.buddy.ask(t.asker, { topic: 'Excel', when: 'now', minutes: 15 });
    t.clock.advance(4 * 60_000);
    await t.buddy.accept(t.as('a'), request.id);
    await t.buddy.ask(t.asker, { topic: 'Photoshop', when: 'today', minutes: 15 });
    const before = await t.buddy.quickHelpFigures(t.tenantId, 20);
    expect(before.medianMinutesToBuddy).toBe(4);
    expect(before.topTopics).toEqual([
      { key: 'excel-advanced', skillId: 'excel-advanced', count: 1 },
      { key: 'photoshop', skillId: null, count: 1 },
    ]);
    t.clock.advance(91 * 86_400_000);
    const { purged } = await t.buddy.purge();
    expect(purged).toBeGreaterThanOrEqual(2);
    expect(await world.repos.helpRequests.find(t.tenantId, request.id)).toBeUndefined();
    const after = await t.buddy.quickHelpFigures(t.tenantId, 20);
    expect(after.weeks.reduce((n, w) => n + w.helped, 0)).toBe(1);
    expect(after.medianMinutesToBuddy).toBe(4);
    const [week] = await world.repos.buddyWeeks.query(t.tenantId);
    expect(JSON.stringify(week?.value)).not.toMatch(/asker|Martine|buddy-|"a"/);
  });
});
