import { recordingLogger } from '../../support/logger';
import { matchingThatMakesNoPairs } from '../../support/world';
import { fixedClock } from '../../../src/domain/clock';
import { isDomainError } from '../../../src/domain/errors';
import { isPairClosed } from '../../../src/domain/pair/membership';
import { isAvailableForMatching, leave, pause } from '../../../src/domain/profile';
import type { Principal } from '../../../src/services/auth/principal';
import type { MatchingService } from '../../../src/services/matching/matching-service';
import type { PairRepository } from '../../../src/store/pair-repository';
import type { ProfileRepository } from '../../../src/store/profile-repository';
import { demoPersonId, demoProgrammeId } from '../../../src/local/seed/demo-data';
import { seedDemoData } from '../../../src/local/seed/seed-demo';
import { startLocalCosmos, type LocalCosmos } from '../../support/local-cosmos';
import { aPrincipal } from '../../fixtures/builders';

// The hard rules that come from the store rather than from the engine's input file: pairs of the
// past (this programme's ended ones, earlier programmes'), paused volunteers.
const tenant = 'tenant-constraints';
const clock = fixedClock('2026-12-01T09:00:00Z');
const claire = aPrincipal({
  tenantId: tenant,
  personId: demoPersonId(5),
  name: 'Claire Dubois',
  email: 'claire.dubois@maison-lumiere.example',
});

describe('matching keeps the rules that live in the store', () => {
  let cosmos: LocalCosmos;
  let matching: MatchingService;
  let pairs: PairRepository;
  let profiles: ProfileRepository;
  const logger = recordingLogger();
  const errors = logger.errors;

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

  /** Every active volunteer is in a proposal, in an open pair, or listed as unmatched with why. */
  const expectEveryoneAccountedFor = async (
    review: Awaited<ReturnType<MatchingService['review']>>,
  ) => {
    const active = (await profiles.ofProgramme(tenant, demoProgrammeId))
      .map((p) => p.value)
      .filter((p) => isAvailableForMatching(p, clock));
    const open = (await pairs.ofProgramme(tenant, demoProgrammeId))
      .map((p) => p.value)
      .filter((p) => !isPairClosed(p));
    const paired = new Set([
      ...review.proposals.flatMap((p) => [p.mentor.personId, p.mentee.personId]),
      ...open.flatMap((p) => [p.mentorId, p.menteeId]),
    ]);
    for (const { id } of active) {
      if (paired.has(id)) continue;
      const reasons = review.unmatched.find((u) => u.personId === id)?.reasons ?? [];
      expect(reasons.length, `${id} is paired or told why not`).toBeGreaterThan(0);
      for (const r of reasons) expect(r.fr && r.en).toBeTruthy();
    }
    return paired;
  };

  beforeAll(async () => {
    cosmos = await startLocalCosmos();
    await seedDemoData(cosmos.store, tenant, clock);
    ({ pairs, profiles } = cosmos.repos);
    matching = matchingThatMakesNoPairs(cosmos.repos, { clock, log: logger });
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
    await expectEveryoneAccountedFor(review);
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

  it('pinning a mentee to someone new lets go of the draft the lead had kept for them', async () => {
    await run();
    const kept = await matching.acceptAll(claire, demoProgrammeId);
    const drafts = kept.proposals.filter((p) => p.stage === 'draft');
    expect(drafts.every((p) => p.kept)).toBe(true);
    // Find a mentee of a kept draft whom another draft's mentor may also mentor.
    let pinned: { draft: (typeof drafts)[number]; mentorId: string } | undefined;
    for (const draft of drafts) {
      for (const other of drafts.filter((d) => d.mentor.personId !== draft.mentor.personId)) {
        const pair = { mentorId: other.mentor.personId, menteeId: draft.mentee.personId };
        const ok = await matching.pin(claire, demoProgrammeId, pair).then(
          () => true,
          (error: unknown) => {
            if (!isDomainError(error, 'validation_failed')) throw error;
            return false;
          },
        );
        if (ok) {
          pinned = { draft, mentorId: other.mentor.personId };
          break;
        }
      }
      if (pinned) break;
    }
    expect(pinned, 'the demo cohort has such a pair').toBeDefined();
    const review = await matching.review(claire, demoProgrammeId);
    expect(review.proposals.find((p) => p.id === pinned!.draft.id)).toMatchObject({
      kept: false,
      pinned: false,
    });
    expect(review.needsRerun).toBe(true);
    // Accepting all now keeps no draft the pin contradicts: not the mentee's with someone else.
    const all = await matching.acceptAll(claire, demoProgrammeId);
    expect(all.proposals.find((p) => p.id === pinned!.draft.id)?.kept).toBe(false);
    expect(
      all.proposals.some(
        (p) => p.kept && p.mentee.personId !== pinned!.draft.mentee.personId && !p.pinned,
      ),
    ).toBe(true);
    // The next run honours the pin and re-pairs the mentor who lost their mentee.
    const after = await run();
    expect(
      after.proposals.some(
        (p) =>
          p.mentor.personId === pinned!.mentorId &&
          p.mentee.personId === pinned!.draft.mentee.personId &&
          p.pinned,
      ),
    ).toBe(true);
    expect(after.run?.warnings).toEqual([]);
    expect(after.needsRerun).toBe(false);
    await matching.unpin(claire, demoProgrammeId, {
      mentorId: pinned!.mentorId,
      menteeId: pinned!.draft.mentee.personId,
    });
  });

  it('withdraws the open proposals of someone who paused or left, and frees their partner', async () => {
    const as = (personId: string): Principal => ({ ...claire, personId, name: personId });
    await run();
    const kept = await matching.acceptAll(claire, demoProgrammeId);
    const drafts = kept.proposals.filter((p) => p.stage === 'draft');
    expect(drafts.length).toBeGreaterThanOrEqual(3);
    const open = (await pairs.ofProgramme(tenant, demoProgrammeId))
      .map((p) => p.value)
      .filter((p) => !isPairClosed(p));
    const appearances = (id: string) =>
      [
        ...drafts.map((d) => [d.mentor.personId, d.mentee.personId]),
        ...open.map((p) => [p.mentorId, p.menteeId]),
      ].filter((members) => members.includes(id)).length;
    // A mentor with this one draft: once their mentee leaves, they have nothing else.
    const leaving = drafts.find((d) => appearances(d.mentor.personId) === 1);
    const pausing = drafts.find(
      (d) =>
        d !== leaving &&
        ![d.mentor.personId, d.mentee.personId].some((id) =>
          [leaving!.mentor.personId, leaving!.mentee.personId].includes(id),
        ),
    );
    expect(leaving && pausing).toBeTruthy();

    // Someone leaves between the run and publishing: their draft is withdrawn, not shown to them.
    await profiles.update(tenant, leaving!.mentee.personId, (p) => leave(p, clock).profile);
    const published = await matching.publish(claire, demoProgrammeId);
    expect(published).toMatchObject({ published: drafts.length - 1, withheld: 1 });
    let review = await matching.review(claire, demoProgrammeId);
    expect(review.proposals.some((p) => p.id === leaving!.id)).toBe(false);
    // Their partner is not left out silently: listed, with what to do, until the next run.
    const paired = await expectEveryoneAccountedFor(review);
    const alone = leaving!.mentor.personId;
    expect(paired.has(alone)).toBe(false);
    expect(review.unmatched.find((u) => u.personId === alone)?.reasons[0]?.en).toMatch(
      /^Not part of the last run .*: run matching again/,
    );
    expect(review.needsRerun).toBe(true);
    expect(review.unmatched.some((u) => u.personId === leaving!.mentee.personId)).toBe(false);
    expect((await matching.mine(as(leaving!.mentee.personId))).proposals).toEqual([]);

    // Someone pauses with a proposal published: the next run withdraws it and frees the partner.
    const until = new Date(clock.now().getTime() + 30 * 86_400_000).toISOString();
    await profiles.update(tenant, pausing!.mentee.personId, (p) => pause(p, until, clock).profile);
    review = await run();
    expect(review.proposals.some((p) => p.id === pausing!.id)).toBe(false);
    const paused = pausing!.mentee.personId;
    expect(
      review.proposals.some((p) => p.mentor.personId === paused || p.mentee.personId === paused),
    ).toBe(false);
    expect(review.unmatched.some((u) => u.personId === paused)).toBe(false);
    // The partner is back in the pool (paired anew, or told why not), and their card says why.
    await expectEveryoneAccountedFor(review);
    const partner = await matching.mine(as(pausing!.mentor.personId), 'en');
    expect(partner.proposals.find((p) => p.id === pausing!.id)?.status).toBe('superseded');
    // Proposals to people still taking part are untouched.
    for (const p of drafts.filter((d) => d !== leaving && d !== pausing)) {
      expect(review.proposals.find((q) => q.id === p.id)).toMatchObject({
        stage: 'published',
        status: 'proposed',
      });
    }
  });
});
