import { DomainError } from '../errors';
import {
  blockIds,
  normaliseWeights,
  type MatchingInput,
  type MatchingParticipant,
  type ScoreWeights,
} from './input';
import { weeklyUtcIntervals } from './week-time';

/** A participant with what pair checks need precomputed (UTC availability, ids). */
export type PreparedPerson = {
  index: number;
  participant: MatchingParticipant;
  id: string;
  name: string;
  canMentor: boolean;
  canBeMentored: boolean;
  /** Opted in and not paused. */
  active: boolean;
  languages: readonly string[];
  departmentId: number;
  seniority: number;
  previous: ReadonlySet<string>;
};

const noPreviousPartners: ReadonlySet<string> = new Set();

/**
 * What each person teaches (or learns), for the whole cohort in three arrays rather than a Map per
 * person: person i's entries are `start[i]` to `start[i + 1]`, by ascending skill id (an index into
 * `PreparedCohort.skills`), one entry per skill with the best level listed for it.
 */
export type SkillLevels = {
  start: Int32Array;
  skill: Int32Array;
  level: Uint8Array;
};

/** The whole cohort ready for scoring: people sorted by id, reporting lines, blocks, settings. */
export type PreparedCohort = {
  people: PreparedPerson[];
  byId: ReadonlyMap<string, PreparedPerson>;
  /** Euler-tour entry/exit times over the org forest: a manages b (transitively) iff tin[a] < tin[b] < tout[a]. */
  tin: Int32Array;
  tout: Int32Array;
  blocked: ReadonlySet<string>;
  pins: { mentorId: string; menteeId: string }[];
  weights: ScoreWeights;
  sessionMinutes: number;
  referenceWeek: string;
  skillNames: Readonly<Record<string, string>>;
  departments: string[];
  /** Every skill id of the cohort, lower-cased, in code-unit order: a skill's id is its index. */
  skills: string[];
  /**
   * Everyone's weekly availability as sorted, merged [start, end) UTC minutes of the reference week,
   * flattened (start0, end0, start1, …): person i's are `minutes[start[i]]` to `minutes[start[i + 1]]`.
   */
  availability: { start: Int32Array; minutes: Int32Array };
  teaches: SkillLevels;
  learns: SkillLevels;
};

/** Order-free key of two ids. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Validate cross-record rules and precompute; throws DomainError('validation_failed') naming the record. */
export function prepareCohort(input: MatchingInput): PreparedCohort {
  const sorted = input.participants
    .map((participant, position) => ({ participant, position }))
    .sort((a, b) => byCodeUnits(a.participant.id, b.participant.id));
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k]!.participant.id === sorted[k - 1]!.participant.id) {
      const { participant, position } = sorted[k]!;
      throw new DomainError(
        'validation_failed',
        `participants[${position}] (id "${participant.id}"), field id: duplicate id (also participants[${sorted[k - 1]!.position}])`,
        { record: position, field: 'id' },
      );
    }
  }
  const departments: string[] = [];
  const departmentIds = new Map<string, number>();
  const people: PreparedPerson[] = sorted.map(({ participant: p }, index) => {
    let departmentId = -1;
    if (p.department !== undefined) {
      const key = p.department.toLowerCase();
      departmentId = departmentIds.get(key) ?? departments.length;
      if (departmentId === departments.length) {
        departments.push(p.department);
        departmentIds.set(key, departmentId);
      }
    }
    return {
      index,
      participant: p,
      id: p.id,
      name: p.name ?? p.id,
      canMentor: p.role !== 'mentee',
      canBeMentored: p.role !== 'mentor',
      active: p.optedIn && !p.paused,
      languages: [...new Set(p.languages.map((l) => l.toLowerCase()))],
      departmentId,
      seniority: p.seniority ?? Number.NaN,
      // Most people have no previous partner: they share one empty set (100,000 people, ~15 MB).
      previous: p.previousPartners.length > 0 ? new Set(p.previousPartners) : noPreviousPartners,
    };
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  const ordered = sorted.map((s) => s.participant);
  const skills = skillIndex(ordered);
  const { tin, tout } = reportingLines(
    people,
    byId,
    sorted.map((s) => s.position),
  );

  const blocked = new Set<string>();
  input.blocks.forEach((block, k) => {
    const [a, b] = blockIds(block);
    for (const [value, field] of [
      [a, 'first id'],
      [b, 'second id'],
    ] as const) {
      if (!byId.has(value)) {
        throw new DomainError(
          'validation_failed',
          `blocks[${k}], field ${field}: unknown participant "${value}"`,
          {
            record: k,
            field,
          },
        );
      }
    }
    blocked.add(pairKey(a, b));
  });

  const pinnedMentees = new Set<string>();
  const pinLoad = new Map<string, number>();
  input.pins.forEach((pin, k) => {
    const mentor = byId.get(pin.mentorId);
    const mentee = byId.get(pin.menteeId);
    const fail = (field: string, message: string) => {
      throw new DomainError('validation_failed', `pins[${k}], field ${field}: ${message}`, {
        record: k,
        field,
      });
    };
    if (!mentor) return fail('mentorId', `unknown participant "${pin.mentorId}"`);
    if (!mentee) return fail('menteeId', `unknown participant "${pin.menteeId}"`);
    if (!mentor.canMentor)
      return fail('mentorId', `"${mentor.id}" has role mentee and cannot mentor`);
    if (!mentee.canBeMentored)
      return fail('menteeId', `"${mentee.id}" has role mentor and cannot be mentored`);
    if (pinnedMentees.has(mentee.id)) return fail('menteeId', `"${mentee.id}" is pinned twice`);
    pinnedMentees.add(mentee.id);
    const load = (pinLoad.get(mentor.id) ?? 0) + 1;
    if (load > mentor.participant.capacity) {
      return fail(
        'mentorId',
        `"${mentor.id}" is pinned to more mentees than their capacity (${mentor.participant.capacity})`,
      );
    }
    pinLoad.set(mentor.id, load);
  });

  return {
    people,
    byId,
    tin,
    tout,
    blocked,
    pins: input.pins,
    weights: normaliseWeights(input.weights),
    sessionMinutes: input.sessionMinutes,
    referenceWeek: input.referenceWeek,
    skillNames: input.skillNames,
    departments,
    skills: skills.names,
    availability: availabilityOf(ordered, input.referenceWeek),
    teaches: skillLevels(ordered, (p) => p.teaches, skills.ids),
    learns: skillLevels(ordered, (p) => p.learns, skills.ids),
  };
}

/** The cohort's skill ids (lower-cased) in code-unit order, so ids do not depend on record order. */
function skillIndex(participants: readonly MatchingParticipant[]): {
  names: string[];
  ids: Map<string, number>;
} {
  const all = new Set<string>();
  for (const p of participants) {
    for (const { skill } of p.teaches) all.add(skill.toLowerCase());
    for (const { skill } of p.learns) all.add(skill.toLowerCase());
  }
  const names = [...all].sort(byCodeUnits);
  return { names, ids: new Map(names.map((name, id) => [name, id])) };
}

/** Everyone's weekly UTC intervals in two arrays (one small array per person weighs more). */
function availabilityOf(
  participants: readonly MatchingParticipant[],
  referenceWeek: string,
): { start: Int32Array; minutes: Int32Array } {
  const start = new Int32Array(participants.length + 1);
  const minutes: number[] = [];
  participants.forEach((p, i) => {
    for (const m of weeklyUtcIntervals(p.availability, p.timeZone, referenceWeek)) minutes.push(m);
    start[i + 1] = minutes.length;
  });
  return { start, minutes: Int32Array.from(minutes) };
}

/** A person's weekly UTC intervals (a view, no copy). */
export function intervalsOf(cohort: PreparedCohort, person: PreparedPerson): Int32Array {
  const { start, minutes } = cohort.availability;
  return minutes.subarray(start[person.index]!, start[person.index + 1]!);
}

type SkillEntry = { skill: string; level: number };

/** Each person's skills by ascending id, the best level kept when a skill is listed twice. */
function skillLevels(
  participants: readonly MatchingParticipant[],
  listOf: (p: MatchingParticipant) => readonly SkillEntry[],
  ids: ReadonlyMap<string, number>,
): SkillLevels {
  const n = participants.length;
  const start = new Int32Array(n + 1);
  const skill: number[] = [];
  const level: number[] = [];
  const own: number[] = [];
  for (let i = 0; i < n; i++) {
    // Packed as id × 8 + level: sorting orders by id, then level, so the best level comes last.
    own.length = 0;
    for (const entry of listOf(participants[i]!))
      own.push(ids.get(entry.skill.toLowerCase())! * 8 + entry.level);
    own.sort((a, b) => a - b);
    for (let k = 0; k < own.length; k++) {
      const id = Math.floor(own[k]! / 8);
      if (k + 1 < own.length && Math.floor(own[k + 1]! / 8) === id) continue;
      skill.push(id);
      level.push(own[k]! % 8);
    }
    start[i + 1] = skill.length;
  }
  return { start, skill: Int32Array.from(skill), level: Uint8Array.from(level) };
}

/** Euler tour of the management forest (iterative: org charts can be deep). */
function reportingLines(
  people: PreparedPerson[],
  byId: ReadonlyMap<string, PreparedPerson>,
  positions: number[],
): { tin: Int32Array; tout: Int32Array } {
  const n = people.length;
  // Managers outside the cohort still link their reports: give them nodes after the participants.
  const extra = new Map<string, number>();
  const parentOf: number[] = new Array<number>(n).fill(-1);
  people.forEach((p, k) => {
    const m = p.participant.managerId;
    if (m === undefined || m === null) return;
    if (m === p.id) {
      throw new DomainError(
        'validation_failed',
        `participants[${positions[k]}] (id "${p.id}"), field managerId: a person cannot be their own manager`,
        { record: positions[k], field: 'managerId' },
      );
    }
    let parent = byId.get(m)?.index;
    if (parent === undefined) {
      parent = extra.get(m) ?? n + extra.size;
      if (!extra.has(m)) {
        extra.set(m, parent);
        parentOf.push(-1);
      }
    }
    parentOf[k] = parent;
  });
  const total = parentOf.length;
  const childStart = new Int32Array(total + 1);
  for (let v = 0; v < total; v++) if (parentOf[v]! >= 0) childStart[parentOf[v]! + 1]!++;
  for (let v = 0; v < total; v++) childStart[v + 1]! += childStart[v]!;
  const children = new Int32Array(Math.max(0, childStart[total]!));
  const fill = childStart.slice(0, total);
  for (let v = 0; v < total; v++) {
    const parent = parentOf[v]!;
    if (parent >= 0) children[fill[parent]!++] = v;
  }
  const tin = new Int32Array(total).fill(-1);
  const tout = new Int32Array(total);
  const stack = new Int32Array(total);
  const cursor = new Int32Array(total);
  let clock = 0;
  for (let root = 0; root < total; root++) {
    if (parentOf[root]! >= 0) continue;
    let top = 0;
    stack[0] = root;
    tin[root] = clock++;
    cursor[root] = childStart[root]!;
    while (top >= 0) {
      const v = stack[top]!;
      if (cursor[v]! < childStart[v + 1]!) {
        const c = children[cursor[v]!++]!;
        tin[c] = clock++;
        cursor[c] = childStart[c]!;
        stack[++top] = c;
      } else {
        tout[v] = clock++;
        top--;
      }
    }
  }
  for (let v = 0; v < n; v++) {
    if (tin[v] === -1) {
      // Unvisited means the manager links loop back on themselves.
      throw new DomainError(
        'validation_failed',
        `participants[${positions[v]}] (id "${people[v]!.id}"), field managerId: the management chain loops`,
        { record: positions[v], field: 'managerId' },
      );
    }
  }
  return { tin: tin.slice(0, n), tout: tout.slice(0, n) };
}

/** True when one of the two is in the other's management chain. */
export function sameReportingLine(cohort: PreparedCohort, a: number, b: number): boolean {
  const { tin, tout } = cohort;
  return (tin[a]! < tin[b]! && tout[b]! < tout[a]!) || (tin[b]! < tin[a]! && tout[a]! < tout[b]!);
}
