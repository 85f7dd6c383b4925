import { recordingLogger } from '../../support/logger';
import { matchingThatMakesNoPairs } from '../../support/world';
import { fixedClock } from '../../../src/domain/clock';
import { matchingInputSchema, type AvailabilitySlot } from '../../../src/domain/matching/input';
import type { MatchingOptions } from '../../../src/matching/engine';
import { MatchingLockRepository, MatchingRunRepository } from '../../../src/store/job-repository';
import { demoPersonId, demoProgrammeId } from '../../../src/local/seed/demo-data';
import { seedDemoData } from '../../../src/local/seed/seed-demo';
import { generateCohort } from '../../../bench/support/matching-cohort';
import { aPerson, aProfile, aProgramme, aPrincipal } from '../../fixtures/builders';
import { startLocalCosmos, type LocalCosmos } from '../../support/local-cosmos';

const tenant = 'tenant-thread';
const clock = fixedClock('2026-12-01T09:00:00Z');
const claire = aPrincipal({
  tenantId: tenant,
  personId: demoPersonId(5),
  name: 'Claire Dubois',
  email: 'claire.dubois@maison-lumiere.example',
});

type Slot = AvailabilitySlot;

/** The generator's slots with those that overlap on a day joined (profiles refuse overlaps). */
function merged(slots: readonly Slot[]): Slot[] {
  const out: Slot[] = [];
  for (const slot of [...slots].sort(
    (a, b) => a.day.localeCompare(b.day) || a.start.localeCompare(b.start),
  )) {
    const last = out.at(-1);
    if (last && last.day === slot.day && slot.start <= last.end) {
      if (slot.end > last.end) last.end = slot.end;
    } else out.push({ ...slot });
  }
  return out;
}

describe('matching runs in the background', () => {
  let cosmos: LocalCosmos;
  const logger = recordingLogger();
  const errors = logger.errors;
  const service = (
    offThreadPairLimit: number,
    extra: { runs?: MatchingRunRepository; engine?: MatchingOptions } = {},
  ) => {
    return matchingThatMakesNoPairs(cosmos.repos, {
      clock,
      log: logger,
      offThreadPairLimit,
      ...(extra.runs ? { runs: extra.runs } : {}),
      ...(extra.engine ? { engine: extra.engine } : {}),
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

  it('reports the engine’s pricing rounds from the worker thread while it solves', async () => {
    // 200 per side from the benchmark's generator: large enough for the engine to price rows.
    const cohort = matchingInputSchema.parse(generateCohort({ perSide: 200, seed: 7 }));
    const programmeId = 'programme-large';
    const { people, profiles } = cosmos.repos;
    await cosmos.repos.programmes.create(
      aProgramme({ id: programmeId, tenantId: tenant, leadIds: [claire.personId] }),
    );
    for (let i = 0; i < cohort.participants.length; i += 50) {
      await Promise.all(
        cohort.participants.slice(i, i + 50).flatMap((p) => [
          people.create(
            aPerson({
              id: p.id,
              tenantId: tenant,
              managerId: p.managerId ?? null,
              department: p.department ?? 'Finance',
              seniorityYears: p.seniority ?? 5,
            }),
          ),
          profiles.create(
            aProfile({
              id: p.id,
              tenantId: tenant,
              programmeId,
              roleWish: p.role,
              teaches: p.teaches.map((t) => ({ skillId: t.skill, level: t.level })),
              learns: p.learns.map((t) => ({ skillId: t.skill, level: t.level })),
              languages: p.languages,
              timeZone: p.timeZone,
              availability: merged(p.availability),
              mentorCapacity: p.capacity,
            }),
          ),
        ]),
      );
    }
    // Every write to the run, as the lead's polls would see it, on the real store.
    const seen: { phase: string; progress: number; solving: unknown }[] = [];
    class RecordingRuns extends MatchingRunRepository {
      override async update(...args: Parameters<MatchingRunRepository['update']>) {
        const saved = await super.update(...args);
        const { phase, progress, solving } = saved.value;
        seen.push({ phase, progress, solving: solving ?? null });
        return saved;
      }
    }
    // Sparse mode with two mentors per mentee: the bound starts loose, so the engine prices rows.
    const threaded = service(0, {
      runs: new RecordingRuns(cosmos.store.container('jobs')),
      engine: { mode: 'sparse', candidatesPerMentee: 2, targetGapPct: 0 },
    });
    const run = await threaded.startRun(claire, programmeId);
    await threaded.drain();
    expect(errors).toEqual([]);
    const done = await threaded.getRun(claire, programmeId, run.id);
    expect(done.status).toBe('succeeded');
    const rounds = seen.filter((s) => s.phase === 'solving' && s.solving !== null);
    expect(rounds.length).toBeGreaterThan(0);
    expect(rounds[0]).toMatchObject({
      progress: 40,
      solving: { round: 1, gapPct: expect.any(Number), elapsedMs: expect.any(Number) },
    });
    for (const r of rounds) {
      expect(r.progress).toBeGreaterThan(20);
      expect(r.progress).toBeLessThan(60);
    }
    // Progress never goes back, and the run keeps the last round it heard of.
    const progress = seen.map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(done.solving).toEqual(rounds.at(-1)!.solving);
  });

  it('frees a programme held by a run lost in a restart once its lease runs out', async () => {
    const { matchingRuns: runs, matchingLocks: locks } = cosmos.repos;
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
