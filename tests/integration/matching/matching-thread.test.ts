import { fixedClock } from '../../../src/domain/clock';
import type { Principal } from '../../../src/services/auth/principal';
import { MatchingService } from '../../../src/services/matching-service';
import { MatchingLockRepository, MatchingRunRepository } from '../../../src/store/job-repository';
import { PairRepository } from '../../../src/store/pair-repository';
import { PeopleRepository } from '../../../src/store/people-repository';
import { ProfileRepository } from '../../../src/store/profile-repository';
import { ProgrammeRepository } from '../../../src/store/programme-repository';
import { ProposalRepository } from '../../../src/store/proposal-repository';
import { demoPersonId, demoProgrammeId } from '../../../src/store/seed/demo-data';
import { seedDemoData } from '../../../src/store/seed/seed-demo';
import { startLocalCosmos, type LocalCosmos } from '../../support/local-cosmos';

const tenant = 'tenant-thread';
const clock = fixedClock('2026-12-01T09:00:00Z');
const claire: Principal = {
  tenantId: tenant,
  personId: demoPersonId(5),
  name: 'Claire Dubois',
  email: 'claire.dubois@maison-lumiere.example',
  appRoles: [],
  isTenantLead: false,
  signIn: 'dev',
};

describe('matching runs in the background', () => {
  let cosmos: LocalCosmos;
  const errors: unknown[] = [];
  const service = (offThreadPairLimit: number) => {
    const { store } = cosmos;
    return new MatchingService({
      programmes: new ProgrammeRepository(store.container('programmes')),
      profiles: new ProfileRepository(store.container('profiles')),
      people: new PeopleRepository(store.container('people')),
      proposals: new ProposalRepository(store.container('proposals')),
      runs: new MatchingRunRepository(store.container('jobs')),
      locks: new MatchingLockRepository(store.container('jobs')),
      pairs: new PairRepository(store.container('pairs')),
      pairCreator: { createFromProposal: () => Promise.reject(new Error('not expected')) },
      clock,
      log: (_message, error) => errors.push(error),
      offThreadPairLimit,
    });
  };
  const pairsOf = async () => {
    const review = await service(Infinity).review(claire, demoProgrammeId);
    return review.proposals.map((p) => `${p.mentor.personId}>${p.mentee.personId}`).sort();
  };

  beforeAll(async () => {
    cosmos = await startLocalCosmos();
    await seedDemoData(cosmos.store, tenant, clock);
  });
  afterAll(async () => {
    await cosmos?.stop();
  });

  it('gives the same proposals on the worker thread as in the process', async () => {
    const threaded = service(0);
    const run = await threaded.startRun(claire, demoProgrammeId);
    await threaded.drain();
    expect(errors).toEqual([]);
    const done = await threaded.getRun(claire, demoProgrammeId, run.id);
    expect(done.status).toBe('succeeded');
    const onThread = await pairsOf();
    expect(onThread.length).toBe(done.summary!.proposals);
    expect(onThread.length).toBeGreaterThan(0);

    const inline = service(Infinity);
    await inline.startRun(claire, demoProgrammeId);
    await inline.drain();
    expect(await pairsOf()).toEqual(onThread);
  });

  it('frees a programme held by a run lost in a restart once its lease runs out', async () => {
    const { store } = cosmos;
    const runs = new MatchingRunRepository(store.container('jobs'));
    const locks = new MatchingLockRepository(store.container('jobs'));
    const lost = {
      id: 'run-lost',
      tenantId: tenant,
      kind: 'matching_run' as const,
      programmeId: demoProgrammeId,
      trigger: 'lead' as const,
      status: 'running' as const,
      phase: 'solving' as const,
      progress: 20,
      requestedBy: claire.personId,
      createdAt: clock.now().toISOString(),
      updatedAt: clock.now().toISOString(),
      finishedAt: null,
      error: null,
      summary: null,
      unmatched: [],
      unmatchedTotal: 0,
      warnings: [],
    };
    await runs.upsert(lost);
    const lockId = MatchingLockRepository.idFor(demoProgrammeId);
    await locks.upsert({
      id: lockId,
      tenantId: tenant,
      kind: 'matching_lock',
      programmeId: demoProgrammeId,
      runId: lost.id,
      leaseUntil: new Date(clock.now().getTime() + 30_000).toISOString(),
      repairPending: false,
      updatedAt: clock.now().toISOString(),
    });
    const matching = service(Infinity);
    // Still within the lease: asking again returns the run under way.
    expect((await matching.startRun(claire, demoProgrammeId)).id).toBe(lost.id);
    clock.advance(61_000);
    const next = await matching.startRun(claire, demoProgrammeId);
    expect(next.id).not.toBe(lost.id);
    await matching.drain();
    expect((await matching.getRun(claire, demoProgrammeId, next.id)).status).toBe('succeeded');
    const old = await matching.getRun(claire, demoProgrammeId, lost.id);
    expect(old.status).toBe('failed');
    expect(old.error?.message).toMatch(/interrupted/);
    expect((await locks.get(tenant, lockId)).value.runId).toBeNull();
  });
});
