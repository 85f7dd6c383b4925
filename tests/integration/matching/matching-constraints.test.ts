import { fixedClock } from '../../../src/domain/clock';
import { isDomainError } from '../../../src/domain/errors';
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

// The hard rules that come from the store rather than from the engine's input file: pairs of the
// past (this programme's ended ones, earlier programmes'), paused volunteers.
const tenant = 'tenant-constraints';
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

describe('matching keeps the rules that live in the store', () => {
  let cosmos: LocalCosmos;
  let matching: MatchingService;
  let pairs: PairRepository;
  const errors: unknown[] = [];

  const run = async () => {
    // Runs are listed newest first: each starts a minute after the last.
    clock.advance(60_000);
    const started = await matching.startRun(claire, demoProgrammeId);
    await matching.drain();
    const done = await matching.getRun(claire, demoProgrammeId, started.id);
    expect(done.error).toBeNull();
    expect(done.status).toBe('succeeded');
    return matching.review(claire, demoProgrammeId);
  };
  const proposes = (
    review: Awaited<ReturnType<MatchingService['review']>>,
    mentorId: string,
    menteeId: string,
  ) =>
    review.proposals.some((p) => p.mentor.personId === mentorId && p.mentee.personId === menteeId);

  beforeAll(async () => {
    cosmos = await startLocalCosmos();
    await seedDemoData(cosmos.store, tenant, clock);
    const { store } = cosmos;
    pairs = new PairRepository(store.container('pairs'));
    matching = new MatchingService({
      programmes: new ProgrammeRepository(store.container('programmes')),
      profiles: new ProfileRepository(store.container('profiles')),
      people: new PeopleRepository(store.container('people')),
      proposals: new ProposalRepository(store.container('proposals')),
      runs: new MatchingRunRepository(store.container('jobs')),
      locks: new MatchingLockRepository(store.container('jobs')),
      pairs,
      pairCreator: { createFromProposal: () => Promise.reject(new Error('not expected')) },
      clock,
      log: (_message, error) => errors.push(error),
    });
  });
  afterAll(async () => {
    await cosmos?.stop();
  });
  afterEach(() => {
    expect(errors).toEqual([]);
  });

  it('never proposes former partners again: a pair that ended here, or one of an earlier programme', async () => {
    const first = await run();
    const [a, b] = first.proposals;
    expect(a && b).toBeTruthy();
    // Two of the best pairs the engine found were, in fact, partners before: one pair ended in this
    // programme, the other was completed in a past programme.
    const template = (await pairs.ofProgramme(tenant, demoProgrammeId))[0]!.value;
    const former = [
      { ...template, id: 'pair-ended-here', state: 'ended' as const },
      {
        ...template,
        id: 'pair-of-2025',
        programmeId: 'programme-2025',
        state: 'completed' as const,
      },
    ].map((pair, i) => {
      const p = [a!, b!][i]!;
      return { ...pair, mentorId: p.mentor.personId, menteeId: p.mentee.personId };
    });
    for (const pair of former) await pairs.create(pair);

    const review = await run();
    const seen = new Set([
      ...review.proposals.flatMap((p) => [p.mentor.personId, p.mentee.personId]),
      ...review.unmatched.map((u) => u.personId),
    ]);
    for (const pair of former) {
      // Both are still in the pool (proposed to someone else, or told why not)...
      expect([pair.mentorId, pair.menteeId].filter((id) => !seen.has(id))).toEqual([]);
      // ...but never with each other again.
      expect(proposes(review, pair.mentorId, pair.menteeId)).toBe(false);
      // Nor can the lead impose them.
      const refused = await matching
        .pin(claire, demoProgrammeId, { mentorId: pair.mentorId, menteeId: pair.menteeId })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(isDomainError(refused, 'validation_failed')).toBe(true);
      expect((refused as { details?: unknown }).details).toEqual({
        violations: [
          { mentorId: pair.mentorId, menteeId: pair.menteeId, codes: ['previous_partners'] },
        ],
      });
    }
  });
});
