import type { ReadinessResponse, ReadinessWarning, SkillBalance } from '../../contracts/programmes';
import type { Person } from '../../domain/person';
import { missingForMatching, type Profile } from '../../domain/profile';
import type { Programme } from '../../domain/programme';

/** What readiness needs of a proposal (the store's published proposals). */
export type ProposalForReadiness = {
  mentorId: string;
  menteeId: string;
  status: 'proposed' | 'accepted' | 'declined' | 'expired' | 'superseded';
  publishedAt: string | null;
};

/** DESIGN.md: a cohort needs at least about ten people. */
export const minimumParticipants = 10;
/** Below one person on a side for every this many on the other, the cohort is one-sided. */
const oneSidedRatio = 4;

/**
 * The readiness of a programme before matching: who is in, by role and state; supply against
 * demand per catalogue skill; and the warnings a lead must see. Active = opted in or paused.
 */
export function readinessOf(
  programme: Programme,
  profiles: readonly Profile[],
  people: ReadonlyMap<string, Person>,
  proposals: readonly ProposalForReadiness[] = [],
): ReadinessResponse {
  const byStatus = { not_joined: 0, opted_in: 0, paused: 0, left: 0 };
  const byRole = { mentor: 0, mentee: 0, both: 0 };
  const teachers = new Map<string, number>();
  const learners = new Map<string, number>();
  const departments = new Set<string>();
  let active = 0;
  let incomplete = 0;
  for (const profile of profiles) {
    byStatus[profile.optIn.status] += 1;
    if (profile.optIn.status !== 'opted_in' && profile.optIn.status !== 'paused') continue;
    active += 1;
    if (missingForMatching(profile).length > 0) incomplete += 1;
    byRole[profile.roleWish] += 1;
    const department = people.get(profile.id)?.department;
    if (department) departments.add(department);
    for (const entry of profile.teaches) {
      teachers.set(entry.skillId, (teachers.get(entry.skillId) ?? 0) + 1);
    }
    for (const entry of profile.learns) {
      learners.set(entry.skillId, (learners.get(entry.skillId) ?? 0) + 1);
    }
  }
  const skills: SkillBalance[] = programme.skills.map((skill) => ({
    skillId: skill.id,
    label: skill.label,
    kind: skill.kind,
    teachers: teachers.get(skill.id) ?? 0,
    learners: learners.get(skill.id) ?? 0,
  }));

  const warnings: ReadinessWarning[] = [];
  if (active < minimumParticipants) {
    warnings.push({
      code: 'too_few_participants',
      params: { count: active, minimum: minimumParticipants },
    });
  }
  if (incomplete > 0) {
    warnings.push({ code: 'incomplete_profiles', params: { count: incomplete } });
  }
  for (const skill of skills) {
    if (skill.learners > 0 && skill.teachers === 0) {
      warnings.push({
        code: 'skill_without_teacher',
        params: { skillId: skill.skillId, learners: skill.learners },
      });
    }
  }
  // "both" can take either side; the cohort is one-sided when one side cannot be filled.
  const mentors = byRole.mentor + byRole.both;
  const mentees = byRole.mentee + byRole.both;
  if (active > 0) {
    if (mentors === 0 || mentors * oneSidedRatio < mentees) {
      warnings.push({ code: 'one_sided_cohort', params: { mentors, mentees, missing: 'mentor' } });
    } else if (mentees === 0 || mentees * oneSidedRatio < mentors) {
      warnings.push({ code: 'one_sided_cohort', params: { mentors, mentees, missing: 'mentee' } });
    }
  }
  const published = proposals.filter((p) => p.publishedAt !== null);
  const matched = new Set(
    published
      .filter((p) => p.status === 'proposed' || p.status === 'accepted')
      .flatMap((p) => [p.mentorId, p.menteeId]),
  );
  const unmatched = profiles.filter(
    (p) => (p.optIn.status === 'opted_in' || p.optIn.status === 'paused') && !matched.has(p.id),
  ).length;
  return {
    programmeId: programme.id,
    status: programme.status,
    participants: { active, incomplete, byRole, byStatus, departments: departments.size },
    skills,
    warnings,
    ready: warnings.length === 0,
    launch: {
      publishedRun: published.length > 0,
      unansweredProposals: published.filter((p) => p.status === 'proposed').length,
      unmatched,
      notJoined: byStatus.not_joined,
    },
  };
}
