import type { HealthResponse, SkillProgress } from '../../contracts/health';
import { round1 } from '../../domain/health';
import type { Programme } from '../../domain/programme';
import type { PairFacts } from './figures';

/**
 * Skills progress per catalogue skill over a slice's pairs: each assessed goal mapped to the skill
 * it names, a person counted with a start and an end (or middle) level (docs/health.md).
 */
export function skillsOf(
  facts: readonly PairFacts[],
  programme: Programme,
  skillOf: (goal: string) => string | undefined,
  /** Filled with the people behind each skill's figures, hidden or not. */
  people: Map<string, number>,
): HealthResponse['skills'] {
  // Per skill, per person: their start and end levels over the goals naming the skill.
  const levels = new Map<string, Map<string, { start: number[]; end: number[] }>>();
  const unmapped = new Set<string>();
  for (const { pair } of facts) {
    const byGoal = new Map<string, { start?: number; middle?: number; end?: number }>();
    for (const a of pair.assessments) {
      const key = `${a.personId}\u0000${a.goal}`;
      const entry = byGoal.get(key) ?? {};
      entry[a.phase] = a.level;
      byGoal.set(key, entry);
    }
    for (const [key, phases] of byGoal) {
      const [personId = '', goal = ''] = key.split('\u0000');
      const skillId = skillOf(goal);
      if (!skillId) {
        unmapped.add(key);
        continue;
      }
      const later = phases.end ?? phases.middle;
      if (phases.start === undefined || later === undefined) continue;
      const perPerson =
        levels.get(skillId) ?? new Map<string, { start: number[]; end: number[] }>();
      const entry = perPerson.get(personId) ?? { start: [], end: [] };
      entry.start.push(phases.start);
      entry.end.push(later);
      perPerson.set(personId, entry);
      levels.set(skillId, perPerson);
    }
  }
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const bySkill: SkillProgress[] = programme.skills.map((skill) => {
    const perPerson = [...(levels.get(skill.id)?.values() ?? [])];
    people.set(skill.id, perPerson.length);
    const base = { skillId: skill.id, label: skill.label, kind: skill.kind };
    if (perPerson.length < 5) {
      // Zero people is shown as zero, not hidden: nobody worked on it.
      return perPerson.length === 0
        ? {
            ...base,
            progress: {
              suppressed: false,
              people: 0,
              averageStart: 0,
              averageEnd: 0,
              averageGain: 0,
            },
          }
        : { ...base, progress: { suppressed: true } };
    }
    const start = mean(perPerson.map((p) => mean(p.start)));
    const end = mean(perPerson.map((p) => mean(p.end)));
    return {
      ...base,
      progress: {
        suppressed: false,
        people: perPerson.length,
        averageStart: round1(start),
        averageEnd: round1(end),
        averageGain: round1(end - start),
      },
    };
  });
  return { bySkill, unmappedGoals: unmapped.size };
}
