import type { LocalizedText } from '../../domain/common';
import { isDomainError } from '../../domain/errors';
import { isPairClosed } from '../../domain/pair/membership';
import type { Person } from '../../domain/person';
import { isAvailableForMatching, type Profile } from '../../domain/profile';
import type { Programme } from '../../domain/programme';
import type { Versioned } from '../../domain/versioned';
import type { MatchingResult, RoundInfo } from '../../matching/engine';
import type { MatchingRunDocument } from '../../store/job-repository';
import type { StoredProposal } from '../../store/proposal-repository';
import { buildMatchingInput, type PairIds, type PoolMember } from './matching-input';
import { solveCohort } from './matching-runner';
import { key, pastPartners, type MatchingServiceDeps } from './shared';

export type SnapshotDeps = Pick<
  MatchingServiceDeps,
  | 'programmes'
  | 'profiles'
  | 'people'
  | 'proposals'
  | 'pairs'
  | 'clock'
  | 'engine'
  | 'offThreadPairLimit'
>;

/** What a run reads before solving. */
export type Snapshot = {
  programme: Programme;
  active: Profile[];
  directory: Map<string, Person>;
  proposals: Versioned<StoredProposal>[];
  carried: PairIds[];
  replaced: Versioned<StoredProposal>[];
  blocks: PairIds[];
  /** Partners from earlier pairs (ended, completed, or of another programme): never again. */
  pastPartners: Map<string, string[]>;
};

/** What a run starts from: the active volunteers, the pairs it keeps, the pairs it must avoid. */
export async function loadSnapshot(
  deps: SnapshotDeps,
  tenantId: string,
  programmeId: string,
  trigger: MatchingRunDocument['trigger'],
): Promise<Snapshot> {
  const [programme, profiles, people, proposals, pairs] = await Promise.all([
    deps.programmes.get(tenantId, programmeId),
    deps.profiles.ofProgramme(tenantId, programmeId),
    deps.people.all(tenantId),
    deps.proposals.ofProgramme(tenantId, programmeId),
    deps.pairs.query(tenantId),
  ]);
  const active = profiles.map((p) => p.value).filter((p) => isAvailableForMatching(p, deps.clock));
  const activeIds = new Set(active.map((p) => p.id));
  const carried = new Map<string, PairIds>();
  const replaced: Versioned<StoredProposal>[] = [];
  for (const found of proposals) {
    const p = found.value;
    // An open proposal to someone who has since paused or left is withdrawn, kept or published:
    // their partner goes back into the pool instead of waiting for an answer that will not come.
    const available = activeIds.has(p.mentorId) && activeIds.has(p.menteeId);
    const keep =
      p.status === 'accepted' ||
      (p.status === 'proposed' &&
        available &&
        (trigger === 'repair' || p.publishedAt !== null || p.kept || p.pinned === true));
    if (keep) carried.set(key(p), { mentorId: p.mentorId, menteeId: p.menteeId });
    else if (p.status === 'proposed') replaced.push(found);
  }
  for (const { value: pair } of pairs) {
    if (pair.programmeId === programmeId && !isPairClosed(pair))
      carried.set(key(pair), { mentorId: pair.mentorId, menteeId: pair.menteeId });
  }
  const blocks = [
    ...programme.value.constraints.blocks,
    // "Never propose again": a declined or expired proposal blocks its pair.
    ...proposals
      .map((p) => p.value)
      .filter((p) => p.status === 'declined' || p.status === 'expired'),
  ].map((b) => ({ mentorId: b.mentorId, menteeId: b.menteeId }));
  return {
    programme: programme.value,
    active,
    directory: new Map(people.map((p) => [p.value.id, p.value])),
    proposals,
    carried: [...carried.values()],
    replaced,
    blocks,
    pastPartners: pastPartners(
      pairs.map((p) => p.value),
      (pair) => !carried.has(key(pair)),
    ),
  };
}

/** The engine on everyone not in a kept pair; pins that cannot hold are dropped with a warning. */
export async function solveSnapshot(
  deps: SnapshotDeps,
  snapshot: Snapshot,
  onRound: (info: RoundInfo) => void,
): Promise<{
  result: MatchingResult;
  poolSize: number;
  warnings: LocalizedText[];
}> {
  const { programme, carried } = snapshot;
  const menteeTaken = new Set(carried.map((p) => p.menteeId));
  const mentorLoad = new Map<string, number>();
  const partners = new Map<string, string[]>();
  for (const p of carried) {
    mentorLoad.set(p.mentorId, (mentorLoad.get(p.mentorId) ?? 0) + 1);
    partners.set(p.mentorId, [...(partners.get(p.mentorId) ?? []), p.menteeId]);
    partners.set(p.menteeId, [...(partners.get(p.menteeId) ?? []), p.mentorId]);
  }
  const pool: PoolMember[] = [];
  for (const profile of snapshot.active) {
    const remaining = profile.mentorCapacity - (mentorLoad.get(profile.id) ?? 0);
    const canMentor = profile.roleWish !== 'mentee' && remaining > 0;
    const canBeMentored = profile.roleWish !== 'mentor' && !menteeTaken.has(profile.id);
    if (!canMentor && !canBeMentored) continue;
    pool.push({
      profile,
      person: snapshot.directory.get(profile.id),
      role: canMentor && canBeMentored ? 'both' : canMentor ? 'mentor' : 'mentee',
      capacity: Math.max(1, remaining),
      previousPartners: [
        ...profile.previousPartnerIds,
        ...(partners.get(profile.id) ?? []),
        ...(snapshot.pastPartners.get(profile.id) ?? []),
      ],
    });
  }
  const carriedKeys = new Set(carried.map(key));
  const warnings: LocalizedText[] = [];
  const name = (id: string) => snapshot.directory.get(id)?.displayName ?? id;
  let pins = programme.constraints.pins.filter((p) => !carriedKeys.has(key(p)));
  for (const pin of pins.filter((p) => menteeTaken.has(p.menteeId))) {
    // Their mentee has since been promised to someone else (published, accepted, kept): say so.
    warnings.push({
      fr: `Le binôme imposé ${name(pin.mentorId)} → ${name(pin.menteeId)} n'a pas pu être respecté : ${name(pin.menteeId)} a déjà un partenaire.`,
      en: `The pinned pair ${name(pin.mentorId)} → ${name(pin.menteeId)} could not be kept: ${name(pin.menteeId)} already has a partner.`,
    });
  }
  pins = pins.filter((p) => !menteeTaken.has(p.menteeId));
  for (;;) {
    const input = buildMatchingInput({
      programme,
      pool,
      directory: snapshot.directory,
      pins,
      blocks: snapshot.blocks,
    });
    try {
      return {
        result: await solveCohort(
          input,
          {
            ...deps.engine,
            onRound: (info) => {
              deps.engine?.onRound?.(info);
              onRound(info);
            },
          },
          deps.offThreadPairLimit,
        ),
        poolSize: pool.length,
        warnings,
      };
    } catch (error) {
      if (!isDomainError(error, 'validation_failed') || !error.message.startsWith('pins[')) {
        throw error;
      }
      const record = error.details?.record;
      const pin = typeof record === 'number' ? input.pins[record] : undefined;
      if (!pin) throw error;
      // The lead's pin breaks a hard rule now (a pause, a capacity): leave it out, say so.
      warnings.push({
        fr: `Le binôme imposé ${name(pin.mentorId)} → ${name(pin.menteeId)} n'a pas pu être respecté (${error.message}).`,
        en: `The pinned pair ${name(pin.mentorId)} → ${name(pin.menteeId)} could not be kept (${error.message}).`,
      });
      pins = pins.filter((p) => key(p) !== key(pin));
    }
  }
}
