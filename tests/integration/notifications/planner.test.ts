import { randomUUID } from 'node:crypto';
import { createBackgroundLoops } from '../../../src/app/background';
import { recordingLogger } from '../../support/logger';
import { lazyBot } from '../../../src/app/lazy-bot';
import { systemClock } from '../../../src/domain/clock';
import { NotificationPlanner } from '../../../src/notifications/notification-planner';
import { systemTimer } from '../../../src/notifications/timer';
import { startTeamsConnector, type TeamsConnector } from '../../../bench/support/teams-connector';
import { aPair, aPerson, aProgramme, aSession } from '../../fixtures/builders';
import type { Repositories } from '../../../src/store/repositories';
import { startWorld, type World } from '../../support/world';

let world: World;
let connector: TeamsConnector;
let repositories: Repositories;

beforeAll(async () => {
  world = await startWorld();
  connector = await startTeamsConnector();
  repositories = world.repos;
});
afterAll(async () => {
  await connector?.close();
  await world?.stop();
});

/** An active pair whose members installed the bot, with a session `minutes` from now. */
async function anActivePair(minutes: number) {
  const tenantId = `tenant-${randomUUID()}`;
  const now = Date.now();
  for (const [id, name] of [
    ['mentor-1', 'Léa Dubois'],
    ['mentee-1', 'Bernard Martin'],
  ]) {
    await repositories.people.create(aPerson({ tenantId, id, displayName: name }));
    await repositories.conversations.remember(
      {
        tenantId,
        personId: id!,
        locale: 'fr',
        reference: {
          channelId: 'msteams',
          serviceUrl: connector.url,
          conversation: { id: `a:${tenantId}-${id}`, conversationType: 'personal', tenantId },
          user: { id: `29:${id}`, aadObjectId: id },
          bot: { id: '28:bot' },
        },
      },
      new Date(now),
    );
  }
  const programme = aProgramme({ tenantId });
  await repositories.programmes.create(programme);
  const pair = aPair({
    tenantId,
    programmeId: programme.id,
    state: 'active',
    history: [
      {
        from: 'accepted',
        to: 'active',
        at: new Date(now - 86_400_000).toISOString(),
        by: 'mentee-1',
      },
    ],
    sessions: [
      aSession({ id: 'session-1', start: new Date(now + minutes * 60_000).toISOString() }),
    ],
  });
  await repositories.pairs.create(pair);
  return { tenantId, pair };
}

describe('planning notifications from pairs in Cosmos', () => {
  it('two planners at once store each reminder once', async () => {
    const { tenantId } = await anActivePair(3 * 24 * 60);
    const planner = () =>
      new NotificationPlanner({
        tenants: async () => [tenantId],
        ...repositories,
        timer: systemTimer,
      });
    const [a, b] = await Promise.all([planner().planAll(), planner().planAll()]);
    const stored = await repositories.notifications.query(tenantId);
    // 2 members × (24 h + 15 min before) = 4 reminders, each created by exactly one planner.
    expect(stored).toHaveLength(4);
    expect(a.created + b.created).toBe(4);
    const again = await planner().planAll();
    expect(again.created).toBe(0);
  });

  it('the runtime plans the 15-minute reminder and sends it to both members proactively', async () => {
    const { tenantId } = await anActivePair(10);
    const services = world.servicesAt(systemClock);
    // As src/app wires it: the bot over the services (loaded on first use), the queue, a planner.
    const bot = lazyBot({
      credentials: {},
      clock: systemClock,
      services: {
        pairs: services.pairs,
        approvals: services.approvals,
        directory: services.directory,
        buddy: services.buddy,
      },
      conversations: repositories.conversations,
      log: recordingLogger(),
    });
    // As src/app starts it: the dispatcher and the planner among the background loops.
    const loops = createBackgroundLoops({
      log: recordingLogger(),
      planner: services.planner,
      notifications: {
        queue: repositories.notifications,
        delivery: bot.delivery,
        instanceId: 'runtime-test',
        clock: systemClock,
      },
      planEveryMs: 200,
    });
    const before = connector.received.length;
    loops.start();
    try {
      const deadline = Date.now() + 20_000;
      while (
        connector.received.filter((r) => r.tenantId === tenantId).length < 2 &&
        Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await loops.stop();
    }
    const mine = connector.received.slice(before).filter((r) => r.tenantId === tenantId);
    expect(mine.map((r) => r.conversationId).sort()).toEqual([
      `a:${tenantId}-mentee-1`,
      `a:${tenantId}-mentor-1`,
    ]);
    expect(JSON.stringify(mine[0]?.activity.attachments)).toContain('Séance dans 15 minutes');
    // The 24-hour reminder was more than half its lead late: never planned.
    const stored = await repositories.notifications.query(tenantId);
    expect(stored.map((n) => n.value.status)).toEqual(['sent', 'sent']);
  });
});
