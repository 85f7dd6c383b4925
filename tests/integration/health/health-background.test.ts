import { fixedClock } from '../../../src/domain/clock';
import { startWorld, type World } from '../../support/world';
import { healthNow, programmeId, seedHealthProgramme } from './health-kit';

const tenantId = 'tenant-health-background';
let world: World;
const clock = fixedClock(healthNow);

beforeAll(async () => {
  world = await startWorld({ clock });
  await seedHealthProgramme(world.repos, tenantId);
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

describe('the background loop keeps programme figures fresh, once per programme', () => {
  it('recomputes a programme under way once, not again within 10 minutes, and again after', async () => {
    const first = world.servicesAt(clock);
    const second = world.servicesAt(clock);
    // Two instances at once: the lease written with its ETag lets one of them work.
    const runs = await Promise.all([first.health.refreshDue(), second.health.refreshDue()]);
    expect(runs.map((r) => r.refreshed).sort()).toEqual([0, 1]);
    const slice = await world.repos.figures.slice(tenantId, programmeId, null, null);
    expect(slice?.generatedAt).toBe(healthNow);
    expect(slice?.health.pairs.total).toBe(7);
    const lease = await world.repos.figures.lease(tenantId, programmeId);
    expect(lease?.value).toMatchObject({ lease: null, lastRunAt: healthNow });

    clock.advance(9 * 60_000);
    expect(await first.health.refreshDue()).toEqual({ refreshed: 0 });
    clock.advance(2 * 60_000);
    expect(await second.health.refreshDue()).toEqual({ refreshed: 1 });
    const later = await world.repos.figures.slice(tenantId, programmeId, null, null);
    expect(later?.generatedAt).toBe(clock.now().toISOString());
  });

  it('leaves a programme whose lease another instance holds', async () => {
    const now = clock.now();
    const current = await world.repos.figures.lease(tenantId, programmeId);
    await world.repos.figures.claimLease(current, tenantId, programmeId, {
      by: 'another-instance',
      until: new Date(now.getTime() + 60 * 60_000).toISOString(),
    });
    clock.advance(30 * 60_000);
    expect(await world.services.health.refreshDue()).toEqual({ refreshed: 0 });
  });
});
