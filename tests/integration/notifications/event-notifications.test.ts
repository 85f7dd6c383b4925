import { randomUUID } from 'node:crypto';
import { createBackgroundLoops } from '../../../src/app/background';
import { lazyBot } from '../../../src/app/lazy-bot';
import { createServices, type Services } from '../../../src/app/services';
import { approvalIdFor } from '../../../src/domain/approval';
import { fixedClock, systemClock } from '../../../src/domain/clock';
import { eventNotification } from '../../../src/domain/notification';
import { NotificationPlanner } from '../../../src/notifications/notification-planner';
import { clockTimer, manualTimer, type ManualTimer } from '../../../src/notifications/timer';
import { WakeSignal } from '../../../src/notifications/wake-signal';
import { DevTokenIssuer } from '../../../src/local/dev-sign-in';
import { createNotificationOutbox } from '../../../src/services/outbox/notification-outbox';
import type { BackgroundLoops } from '../../../src/app/background-loops';
import { startTeamsConnector, type TeamsConnector } from '../../../bench/support/teams-connector';
import {
  aPair,
  aPerson,
  aPrincipal,
  aProfile,
  aProgramme,
  aProposal,
  somePairMembers,
} from '../../fixtures/builders';
import { recordingLogger } from '../../support/logger';
import { startWorld, type World } from '../../support/world';

// Thursday 5 March 2026, 10:00 in Paris.
const at = '2026-03-05T09:00:00.000Z';
const clock = fixedClock(at);

let world: World;
let connector: TeamsConnector;
let services: Services;
/** The dispatcher's time: it never moves, so its idle poll (2 s) never ends by itself. */
let timer: ManualTimer;
let loops: BackgroundLoops;
/** The dispatcher's pause between polls that found nothing (src/notifications). */
const dispatcherIdleMs = 2_000;
/** How many planning passes ran (the planner is the app's, counted). */
let planningPasses = 0;

beforeAll(async () => {
  world = await startWorld({ clock });
  connector = await startTeamsConnector();
  // As src/app/start-server.ts wires it: one wake-up shared by the services' outbox and the
  // dispatcher among the background loops.
  const wake = new WakeSignal();
  services = createServices({
    config: world.config,
    repos: world.repos,
    clock,
    log: world.log,
    devTokens: new DevTokenIssuer({ clock }),
    dispatchWake: wake,
  });
  const bot = lazyBot({
    credentials: {},
    clock,
    services: {
      pairs: services.pairs,
      approvals: services.approvals,
      directory: services.directory,
      buddy: services.buddy,
    },
    conversations: world.repos.conversations,
    log: recordingLogger(),
  });
  // Load botbuilder now, so that no test waits for it.
  await bot.load();
  timer = manualTimer(clock.now().getTime());
  loops = createBackgroundLoops({
    log: recordingLogger(),
    planner: {
      planAll: () => {
        planningPasses += 1;
        return services.planner.planAll();
      },
    },
    notifications: {
      queue: world.repos.notifications,
      delivery: bot.delivery,
      instanceId: 'events-test',
      clock,
      timer,
      wake,
    },
    // Once at start (nothing to plan yet), then not for an hour: no pass during a test.
    planEveryMs: 3_600_000,
  });
  loops.start();
});
afterAll(async () => {
  await loops?.stop();
  await connector?.close();
  await world?.stop();
});

/** The person chats with the bot in Teams: their conversation goes to the loopback connector. */
async function installed(tenantId: string, personId: string, locale: 'fr' | 'en' = 'fr') {
  await world.repos.conversations.remember(
    {
      tenantId,
      personId,
      locale,
      reference: {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: `a:${tenantId}-${personId}`, conversationType: 'personal', tenantId },
        user: { id: `29:${personId}`, aadObjectId: personId },
        bot: { id: '28:mentoring-bot', name: 'Mentoring' },
      },
    },
    clock.now(),
  );
}

/** What the connector received for `personId` of `tenantId`, as text. */
function chatOf(tenantId: string, personId: string): string[] {
  return connector.received
    .filter((r) => r.conversationId === `a:${tenantId}-${personId}`)
    .map((r) => JSON.stringify(r.activity));
}

/**
 * Waits until `done` and every notification of `tenantId` is sent (the connector is real I/O on
 * loopback). The dispatcher's clock moves only for the pacer's spacing between sends of a tenant
 * (21 ms), never as far as its idle pause (2 s): only a wake-up can make it claim, so without one
 * this fails. No planning pass runs meanwhile.
 */
async function handedToTeams(tenantId: string, done: () => boolean): Promise<void> {
  const passes = planningPasses;
  const idleSince = timer.now();
  const settled = async () =>
    done() &&
    (await world.repos.notifications.query(tenantId)).every(
      (n) => n.value.status !== 'pending' && n.value.status !== 'claimed',
    );
  for (let i = 0; i < 400 && !(await settled()); i++) {
    await new Promise((r) => setTimeout(r, 25));
    if (timer.now() - idleSince < 500) await timer.advance(5);
  }
  expect(await settled()).toBe(true);
  expect(planningPasses).toBe(passes);
  expect(timer.now() - idleSince).toBeLessThan(dispatcherIdleMs);
}

/** An accepted pair whose members and managers chat with the bot; the mentor has signed. */
async function aPairSignedByTheMentor() {
  const tenantId = `tenant-${randomUUID()}`;
  const people = [
    aPerson({ tenantId, id: 'manager-mentor', displayName: 'Marc Petit' }),
    aPerson({ tenantId, id: 'manager-mentee', displayName: 'Sophie Laurent' }),
    aPerson({ tenantId, id: 'mentor-1', displayName: 'Mona Mentor', managerId: 'manager-mentor' }),
    aPerson({ tenantId, id: 'mentee-1', displayName: 'Sam Senior', managerId: 'manager-mentee' }),
  ];
  for (const person of people) {
    await world.repos.people.create(person);
    await installed(tenantId, person.id, person.id === 'manager-mentee' ? 'en' : 'fr');
  }
  const programme = aProgramme({ tenantId, managerApprovalRequired: true });
  await world.repos.programmes.create(programme);
  const pair = aPair({
    tenantId,
    programmeId: programme.id,
    state: 'accepted',
    members: somePairMembers(),
  });
  await world.repos.pairs.create(pair);
  const as = (personId: string) => aPrincipal({ tenantId, personId });
  await services.pairs.sign(as('mentor-1'), pair.id, 1, undefined);
  return { tenantId, pair, as };
}

describe('messages caused by an event go out at once', () => {
  it('the second signature hands each manager the approval card within one dispatcher wake-up, and the planner adds none', async () => {
    const { tenantId, pair, as } = await aPairSignedByTheMentor();
    // The mentor's signature alone asks nobody.
    expect(await world.repos.notifications.query(tenantId)).toEqual([]);

    const signed = await services.pairs.sign(as('mentee-1'), pair.id, 1, undefined);
    expect(signed.pair.state).toBe('awaiting_approval');
    await handedToTeams(
      tenantId,
      () =>
        chatOf(tenantId, 'manager-mentor').length === 1 &&
        chatOf(tenantId, 'manager-mentee').length === 1,
    );
    // Each manager's own card, in their language, naming whose time is asked.
    expect(chatOf(tenantId, 'manager-mentor')[0]).toContain('Mona Mentor');
    expect(chatOf(tenantId, 'manager-mentee')[0]).toContain('Sam Senior');
    expect(chatOf(tenantId, 'manager-mentee')[0]).toContain(
      'application/vnd.microsoft.card.adaptive',
    );
    const stored = await world.repos.notifications.query(tenantId);
    expect(stored.map((n) => [n.value.kind, n.value.recipientId, n.value.status]).sort()).toEqual([
      ['approval_request', 'manager-mentee', 'sent'],
      ['approval_request', 'manager-mentor', 'sent'],
    ]);

    // The planning pass over the same pair finds the same keys: nothing new, nothing sent again.
    const planned = await new NotificationPlanner({
      tenants: async () => [tenantId],
      ...world.repos,
      timer: clockTimer(clock),
    }).planAll();
    expect(planned).toEqual({ pairs: 1, created: 0 });
    expect(await world.repos.notifications.query(tenantId)).toHaveLength(2);
    const claimedAgain = await world.repos.notifications.claimDue({
      now: clock.now(),
      owner: 'someone-else',
      leaseMs: 60_000,
      limit: 100,
    });
    expect(claimedAgain.filter((c) => c.value.tenantId === tenantId)).toEqual([]);
    expect(chatOf(tenantId, 'manager-mentor')).toHaveLength(1);
  });

  it('a manager’s decision reaches both members within one dispatcher wake-up', async () => {
    const { tenantId, pair, as } = await aPairSignedByTheMentor();
    await services.pairs.sign(as('mentee-1'), pair.id, 1, undefined);
    await handedToTeams(tenantId, () => chatOf(tenantId, 'manager-mentee').length === 1);

    await services.approvals.decide(
      { tenantId, personId: 'manager-mentee' },
      approvalIdFor(pair.id, 'mentee-1', 1),
      'declined',
      'Pas avant la clôture trimestrielle',
    );
    await handedToTeams(
      tenantId,
      () => chatOf(tenantId, 'mentee-1').length === 1 && chatOf(tenantId, 'mentor-1').length === 1,
    );
    expect(chatOf(tenantId, 'mentee-1')[0]).toContain('Sophie Laurent');
    expect(chatOf(tenantId, 'mentee-1')[0]).toContain('Pas avant la clôture trimestrielle');
    expect(chatOf(tenantId, 'mentor-1')[0]).toContain('Sam Senior');
    const told = (await world.repos.notifications.query(tenantId)).filter(
      (n) => n.value.kind === 'pair_told_outcome',
    );
    expect(told.map((n) => n.value.status)).toEqual(['sent', 'sent']);
  });

  it('a published proposal reaches both people within one dispatcher wake-up', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    const programme = aProgramme({ tenantId, name: 'Binômes 2026', leadIds: ['lead-1'] });
    await world.repos.programmes.create(programme);
    for (const [id, name] of [
      ['mentor-1', 'Mona Mentor'],
      ['mentee-1', 'Sam Senior'],
    ] as const) {
      await world.repos.people.create(aPerson({ tenantId, id, displayName: name }));
      await world.repos.profiles.create(aProfile({ tenantId, id, programmeId: programme.id }));
      await installed(tenantId, id, 'en');
    }
    await world.repos.proposals.create({
      ...aProposal({ tenantId, programmeId: programme.id }),
      publishedAt: null,
      kept: true,
      pairId: null,
    });

    const published = await services.matching.publish(
      aPrincipal({ tenantId, personId: 'lead-1' }),
      programme.id,
    );
    expect(published.published).toBe(1);
    await handedToTeams(
      tenantId,
      () => chatOf(tenantId, 'mentor-1').length === 1 && chatOf(tenantId, 'mentee-1').length === 1,
    );
    expect(chatOf(tenantId, 'mentor-1')[0]).toContain('Sam Senior');
    expect(chatOf(tenantId, 'mentee-1')[0]).toContain('Mona Mentor');
  });
});

describe('the notification outbox', () => {
  it('wakes the dispatcher once a new message due now is stored, not for one already queued or due later', async () => {
    let wakes = 0;
    const outbox = createNotificationOutbox({
      store: world.repos.notifications,
      clock,
      wake: { wake: () => (wakes += 1) },
    });
    const tenantId = `tenant-${randomUUID()}`;
    const notice = {
      tenantId,
      kind: 'pair_told_outcome' as const,
      recipientId: 'mentee-1',
      subjectId: 'approval-1.mentee-1',
      at,
      payload: { approvalId: 'approval-1', audience: 'person' },
    };
    expect(await outbox.enqueue(notice)).toEqual({
      id: `pair_told_outcome:approval-1.mentee-1:${at}`,
      created: true,
    });
    expect(wakes).toBe(1);
    const stored = await world.repos.notifications.get(
      tenantId,
      `pair_told_outcome:approval-1.mentee-1:${at}`,
    );
    expect(stored.value).toMatchObject({ status: 'pending', dueAt: at, recipientId: 'mentee-1' });
    expect((await outbox.enqueue(notice)).created).toBe(false);
    expect(wakes).toBe(1);
    // A reminder planned ahead is stored; the dispatcher's poll finds it when it is due.
    const later = new Date(clock.now().getTime() + 3_600_000).toISOString();
    expect(
      (await outbox.enqueue({ ...notice, subjectId: 'approval-2.mentee-1', at: later })).created,
    ).toBe(true);
    expect(wakes).toBe(1);
  });
});

describe('claiming what an event handed over', () => {
  it('claims a notification by the ETag it was written with, not once it changed or if it is not due', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    const notice = {
      tenantId,
      kind: 'pair_told_outcome' as const,
      recipientId: 'mentee-1',
      at,
      payload: { approvalId: 'approval-1', audience: 'person' },
    };
    const { notifications } = world.repos;
    const options = { now: clock.now(), owner: 'instance-a', leaseMs: 60_000 };
    const written = (subjectId: string, dueAt = at) =>
      notifications
        .schedule(eventNotification({ ...notice, subjectId, at: dueAt }))
        .then((r) => r.notification);

    const fresh = await written('approval-1.mentee-1');
    const [claimed] = await notifications.claim([fresh], options);
    expect(claimed?.value).toMatchObject({ status: 'claimed', attempts: 1 });
    // Claimed already (by us or another instance): the old ETag no longer matches.
    expect(await notifications.claim([fresh], { ...options, owner: 'instance-b' })).toEqual([]);

    const cancelled = await written('approval-2.mentee-1');
    await notifications.update(tenantId, cancelled.value.id, (n) => ({
      ...n,
      status: 'cancelled',
    }));
    expect(await notifications.claim([cancelled], options)).toEqual([]);

    const later = await written(
      'approval-3.mentee-1',
      new Date(clock.now().getTime() + 60_000).toISOString(),
    );
    expect(await notifications.claim([later], options)).toEqual([]);
    expect((await notifications.get(tenantId, later.value.id)).value.status).toBe('pending');
  });
});

describe('several instances', () => {
  it('an event handled where no dispatcher runs is sent by another instance on its poll', async () => {
    // The instance handling the event runs no scheduler: its services have no dispatcher to wake.
    const web = world.servicesAt(systemClock);
    const tenantId = `tenant-${randomUUID()}`;
    await installed(tenantId, 'mentor-1');
    const now = systemClock.now().toISOString();
    const queued = await web.outbox.enqueue({
      tenantId,
      kind: 'session_declined',
      recipientId: 'mentor-1',
      subjectId: 'pair-1.session-1.mentor-1',
      at: now,
      pairId: 'pair-1',
      payload: { partnerName: 'Sam Senior', start: now, timeZone: 'Europe/Paris' },
    });
    expect(queued.created).toBe(true);
    // The scheduler instance, woken by nobody, polls every 2 s.
    const bot = lazyBot({
      credentials: {},
      clock: systemClock,
      services: {
        pairs: web.pairs,
        approvals: web.approvals,
        directory: web.directory,
        buddy: web.buddy,
      },
      conversations: world.repos.conversations,
      log: recordingLogger(),
    });
    const scheduler = createBackgroundLoops({
      log: recordingLogger(),
      planner: { planAll: async () => ({ pairs: 0, created: 0 }) },
      notifications: {
        queue: world.repos.notifications,
        delivery: bot.delivery,
        instanceId: 'events-test-scheduler',
        clock: systemClock,
      },
    });
    scheduler.start();
    try {
      for (let i = 0; i < 600 && chatOf(tenantId, 'mentor-1').length === 0; i++) {
        await new Promise((r) => setTimeout(r, 25));
      }
    } finally {
      await scheduler.stop();
    }
    expect(chatOf(tenantId, 'mentor-1')).toHaveLength(1);
    expect(chatOf(tenantId, 'mentor-1')[0]).toContain('Sam Senior');
    expect((await world.repos.notifications.get(tenantId, queued.id)).value.status).toBe('sent');
  });
});

describe('event messages and the Teams limits', () => {
  it('a burst of event messages to one person is still paced under 7 per second per conversation, each sent once', async () => {
    // A second instance on the wall clock (the first one's clock stays in March: it never finds
    // these due), wired the same way, sending to a connector that answers 429 beyond the limits.
    const wake = new WakeSignal();
    const live = createServices({
      config: world.config,
      repos: world.repos,
      clock: systemClock,
      log: world.log,
      devTokens: new DevTokenIssuer({ clock: systemClock }),
      dispatchWake: wake,
    });
    const bot = lazyBot({
      credentials: {},
      clock: systemClock,
      services: {
        pairs: live.pairs,
        approvals: live.approvals,
        directory: live.directory,
        buddy: live.buddy,
      },
      conversations: world.repos.conversations,
      log: recordingLogger(),
    });
    // When the pacer lets each send go (a retry after a 429 included): the bot's own delivery.
    const letGo: number[] = [];
    const instance = createBackgroundLoops({
      log: recordingLogger(),
      planner: { planAll: async () => ({ pairs: 0, created: 0 }) },
      notifications: {
        queue: world.repos.notifications,
        delivery: {
          prepare: async (notification) => {
            const prepared = await bot.delivery.prepare(notification);
            if ('skip' in prepared) return prepared;
            return {
              target: prepared.target,
              send: () => {
                letGo.push(systemClock.now().getTime());
                return prepared.send();
              },
            };
          },
        },
        instanceId: 'events-test-live',
        clock: systemClock,
        wake,
      },
    });
    const tenantId = `tenant-${randomUUID()}`;
    await installed(tenantId, 'mentee-1');
    instance.start();
    const burst = 12;
    try {
      const now = systemClock.now();
      for (let i = 0; i < burst; i++) {
        const queued = await live.outbox.enqueue({
          tenantId,
          kind: 'session_moved',
          recipientId: 'mentee-1',
          subjectId: `pair-1.session-${i}.mentee-1`,
          at: now.toISOString(),
          pairId: 'pair-1',
          payload: {
            partnerName: 'Mona Mentor',
            from: new Date(now.getTime() + (i + 1) * 86_400_000).toISOString(),
            to: new Date(now.getTime() + (i + 2) * 86_400_000).toISOString(),
            timeZone: 'Europe/Paris',
          },
        });
        expect(queued.created).toBe(true);
      }
      // The same event again: stored once.
      const again = await live.outbox.enqueue({
        tenantId,
        kind: 'session_moved',
        recipientId: 'mentee-1',
        subjectId: 'pair-1.session-0.mentee-1',
        at: now.toISOString(),
        pairId: 'pair-1',
        payload: { partnerName: 'Mona Mentor', from: now.toISOString(), to: now.toISOString() },
      });
      expect(again.created).toBe(false);
      const mine = () => connector.received.filter((r) => r.tenantId === tenantId);
      for (let i = 0; i < 600 && mine().length < burst; i++) {
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(mine()).toHaveLength(burst);
      // The pacer let at most 7 go in any second (a 429 the connector answers anyway, when the
      // network bunches arrivals, is waited out after Retry-After: sent once all the same).
      const sorted = [...letGo].sort((a, b) => a - b);
      const inAnySecond = Math.max(
        ...sorted.map((start) => sorted.filter((t) => t >= start && t < start + 1000).length),
      );
      expect(inAnySecond).toBeLessThanOrEqual(7);
      expect(sorted.length).toBeGreaterThanOrEqual(burst);
      const texts = new Set(mine().map((r) => String(r.activity.text)));
      expect(texts.size).toBe(burst);
    } finally {
      await instance.stop();
    }
    // Stopping lets the sends in flight finish: each is marked sent.
    const stored = await world.repos.notifications.query(tenantId);
    expect(stored.map((n) => n.value.status)).toEqual(Array(burst).fill('sent'));
  });
});
