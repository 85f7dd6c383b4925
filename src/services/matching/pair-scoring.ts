import { DomainError } from '../../domain/errors';
import { prepareCohort, type PreparedCohort } from '../../domain/matching/cohort';
import { evaluatePair } from '../../domain/matching/pair-evaluation';
import { pairReasons } from '../../domain/matching/reasons';
import { displayScore } from '../../domain/matching/scoring';
import type { Person } from '../../domain/person';
import { isAvailableForMatching } from '../../domain/profile';
import type { Programme } from '../../domain/programme';
import { buildMatchingInput, localizeReason, type PairIds } from './matching-input';
import { directoryOf, key, pastPartners, type MatchingServiceDeps } from './shared';

export type PairScoringDeps = Pick<
  MatchingServiceDeps,
  'profiles' | 'proposals' | 'pairs' | 'people' | 'clock'
>;

/** A few people prepared as the engine sees them, and their directory entries. */
export type Cohort = { prepared: PreparedCohort; directory: Map<string, Person> };

/**
 * The people of the pairs the lead is choosing (a pin, a swap), as the engine would see them:
 * a pair's rules and score depend on the two people only, so a large cohort is not read for it.
 */
export async function cohortOf(
  deps: PairScoringDeps,
  tenantId: string,
  programme: Programme,
  ids: readonly string[],
  unblock: PairIds[] = [],
): Promise<Cohort> {
  const people = [...new Set(ids)];
  const [profiles, proposals, pairs, directory] = await Promise.all([
    Promise.all(people.map((id) => deps.profiles.find(tenantId, id))),
    deps.proposals.involving(tenantId, programme.id, people, ['declined', 'expired']),
    deps.pairs.query(tenantId, {
      where: 'ARRAY_CONTAINS(@ids, c.mentorId) OR ARRAY_CONTAINS(@ids, c.menteeId)',
      parameters: [{ name: '@ids', value: people }],
    }),
    managementChains(deps, tenantId, people),
  ]);
  // Everyone they were ever paired with (any programme, any state): a pin or a swap must not
  // bring two former partners together again.
  const partnersOf = pastPartners(
    pairs.map((p) => p.value),
    () => true,
  );
  const active = profiles
    .filter((p) => p !== undefined && p.value.programmeId === programme.id)
    .map((p) => p!.value)
    .filter((p) => isAvailableForMatching(p, deps.clock));
  const lifted = new Set(unblock.map(key));
  const input = buildMatchingInput({
    programme,
    pool: active.map((profile) => ({
      profile,
      person: directory.get(profile.id),
      role: profile.roleWish,
      capacity: profile.mentorCapacity,
      previousPartners: [...profile.previousPartnerIds, ...(partnersOf.get(profile.id) ?? [])],
    })),
    directory,
    pins: [],
    blocks: [
      ...programme.constraints.blocks.filter((b) => !lifted.has(key(b))),
      ...proposals.map((p) => p.value),
    ],
  });
  return { prepared: prepareCohort(input), directory };
}

/** The directory entries of `ids` and of everyone above them (to tell reporting lines). */
async function managementChains(
  deps: Pick<MatchingServiceDeps, 'people'>,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, Person>> {
  const directory = new Map<string, Person>();
  let next = [...new Set(ids)];
  // One query per level of the hierarchy; a cycle in the directory stops at people already read.
  while (next.length > 0) {
    const found = await directoryOf(deps, tenantId, next);
    for (const [id, person] of found) directory.set(id, person);
    next = [
      ...new Set(
        [...found.values()]
          .map((p) => p.managerId)
          .filter((m): m is string => m !== null && !directory.has(m)),
      ),
    ];
  }
  return directory;
}

/** A pair's hard-rule violations, score and reasons, as the engine would give them. */
export function scorePair(
  cohort: Cohort,
  programme: Programme,
  mentorId: string,
  menteeId: string,
  pinned = false,
) {
  const mentor = cohort.prepared.byId.get(mentorId);
  const mentee = cohort.prepared.byId.get(menteeId);
  const mentorName = cohort.directory.get(mentorId)?.displayName ?? mentorId;
  const menteeName = cohort.directory.get(menteeId)?.displayName ?? menteeId;
  if (!mentor || !mentee) {
    const missing = !mentor ? mentorName : menteeName;
    throw new DomainError(
      'validation_failed',
      `${missing} is not an active volunteer of this programme`,
      { personId: !mentor ? mentorId : menteeId },
    );
  }
  const evaluation = evaluatePair(cohort.prepared, mentor, mentee);
  return {
    mentorId,
    menteeId,
    mentorName,
    menteeName,
    violations: evaluation.violations,
    score: displayScore(evaluation.score),
    reasons: pairReasons(cohort.prepared, mentor, mentee, evaluation, pinned).map((r) => {
      const { fr, en } = localizeReason(r, programme);
      return { fr, en };
    }),
  };
}
