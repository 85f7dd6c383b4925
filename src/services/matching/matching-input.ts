import type { LocalizedText } from '../../domain/common';
import type { MatchingInput, MatchingParticipant } from '../../domain/matching/input';
import { defaultReferenceWeek } from '../../domain/matching/input';
import type { Reason } from '../../domain/matching/reasons';
import { managerChain, type Person } from '../../domain/person';
import type { Profile, RoleWish } from '../../domain/profile';
import type { Programme } from '../../domain/programme';

/** One volunteer as a matching run sees them: their profile, their directory entry, what is left to pair. */
export type PoolMember = {
  profile: Profile;
  person: Person | undefined;
  /** The role left to fill (a mentor already paired to capacity can only be mentored, and so on). */
  role: RoleWish;
  /** Mentees they may still take. */
  capacity: number;
  /** People they must not be paired with again (earlier partners, current partners). */
  previousPartners: readonly string[];
};

export type PairIds = { mentorId: string; menteeId: string };

// Skill names go into the engine's reasons as tokens, replaced afterwards by the catalogue's French
// or English label: the engine speaks both languages but takes one name per skill.
const open = '\u27e6';
const close = '\u27e7';
const tokenPattern = new RegExp(`${open}([^${close}]*)${close}`, 'g');

/** The placeholder standing for a skill in reasons. */
export function skillToken(skillId: string): string {
  return `${open}${skillId}${close}`;
}

/** A reason with each skill token replaced by the programme's label in that language. */
export function localizeReason(
  reason: Reason,
  programme: Programme,
): LocalizedText & { code: string } {
  const label = (skillId: string, lang: 'fr' | 'en') =>
    programme.skills.find((s) => s.id === skillId)?.label[lang] ?? skillId;
  return {
    code: reason.code,
    fr: reason.fr.replace(tokenPattern, (_, id: string) => label(id, 'fr')),
    en: reason.en.replace(tokenPattern, (_, id: string) => label(id, 'en')),
  };
}

/** The Monday on or before the programme's start: its dates fix each time zone's UTC offset. */
export function referenceWeekFor(programme: Programme): string {
  const start = new Date(`${programme.startDate}T00:00:00Z`);
  if (Number.isNaN(start.getTime())) return defaultReferenceWeek;
  const back = (start.getUTCDay() + 6) % 7;
  return new Date(start.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The engine's input for a pool of volunteers. The engine links reporting lines only through
 * participants, so each person's `managerId` is their nearest manager who is also in the pool:
 * "neither is in the other's management chain" then holds through managers who did not volunteer.
 */
export function buildMatchingInput(args: {
  programme: Programme;
  pool: readonly PoolMember[];
  directory: ReadonlyMap<string, Person>;
  pins: readonly PairIds[];
  blocks: readonly PairIds[];
}): MatchingInput {
  const { programme, pool, directory } = args;
  const inPool = new Set(pool.map((m) => m.profile.id));
  const participants: MatchingParticipant[] = pool.map(
    ({ profile, person, role, capacity, previousPartners }) => {
      const manager = managerChain(profile.id, directory).find((id) => inPool.has(id)) ?? null;
      const participant: MatchingParticipant = {
        id: profile.id,
        name: person?.displayName ?? profile.id,
        role,
        teaches: profile.teaches.map((e) => ({ skill: e.skillId, level: e.level })),
        learns: profile.learns.map((e) => ({ skill: e.skillId, level: e.level })),
        languages: profile.languages,
        timeZone: profile.timeZone,
        availability: profile.availability,
        managerId: manager,
        capacity: Math.min(3, Math.max(1, capacity)),
        previousPartners: [...new Set(previousPartners)].filter((id) => id !== profile.id),
        optedIn: true,
        paused: false,
      };
      if (person?.department) participant.department = person.department;
      if (person) participant.seniority = person.seniorityYears;
      return participant;
    },
  );
  const both = (p: PairIds) => inPool.has(p.mentorId) && inPool.has(p.menteeId);
  return {
    participants,
    pins: args.pins.filter(both).map((p) => ({ mentorId: p.mentorId, menteeId: p.menteeId })),
    blocks: args.blocks.filter(both).map((p) => ({ mentorId: p.mentorId, menteeId: p.menteeId })),
    weights: { ...programme.weights },
    // The engine's one overlap threshold: at least one session a week, and at least the programme's
    // own minimum when it asks for more (the engine takes 15 to 480 minutes).
    sessionMinutes: Math.min(
      480,
      Math.max(15, programme.frame.durationMinutes, programme.constraints.minOverlapMinutes),
    ),
    referenceWeek: referenceWeekFor(programme),
    skillNames: Object.fromEntries(programme.skills.map((s) => [s.id, skillToken(s.id)])),
  };
}
