import type { PreparedCohort } from '../domain/matching/cohort';
import {
  availabilityTerm,
  diversityTerm,
  languageTerm,
  scoreOf,
  scoreScale,
  seniorityTerm,
  skillTerm,
  skillValueNumerator,
} from '../domain/matching/scoring';
import type { ViolationCode } from '../domain/matching/pair-evaluation';

// Local bindings: a call through an imported binding costs a property read in transpiled modules.
const valueOf = skillValueNumerator;
const termOf = skillTerm;
const availabilityOf = availabilityTerm;
const languageOf = languageTerm;
const diversityOf = diversityTerm;
const seniorityOf = seniorityTerm;
const combine = scoreOf;

/**
 * The cohort as flat typed arrays (CSR lists) for the hot path: scanning hundreds of millions of
 * (mentor, mentee) pairs at 50k per side leaves no room for Maps and objects.
 */
export type CompiledCohort = {
  n: number;
  canMentor: Uint8Array;
  canBeMentored: Uint8Array;
  active: Uint8Array;
  capacity: Uint8Array;
  teachStart: Int32Array;
  teachSkill: Int32Array;
  teachLevel: Uint8Array;
  learnStart: Int32Array;
  learnSkill: Int32Array;
  learnLevel: Uint8Array;
  langStart: Int32Array;
  lang: Int32Array;
  ivStart: Int32Array;
  iv: Int32Array;
  /**
   * The hours of the UTC week (168 bits, `hourMaskWords` int32 per person) in which the person has
   * some availability: two people whose masks share no bit have no overlap at all, which rules out
   * most pairs before their interval lists are merged.
   */
  hourMask: Int32Array;
  department: Int32Array;
  seniority: Float64Array;
  tin: Int32Array;
  tout: Int32Array;
  prevStart: Int32Array;
  prev: Int32Array;
  blockStart: Int32Array;
  block: Int32Array;
  skills: string[];
  languages: string[];
  /** Mentor-capable people by (skill, language): key skill * languages + language; active ones only. */
  teachersStart: Int32Array;
  teachers: Int32Array;
  /**
   * A copy of each `teachers` entry's hot fields, 16 int32 per entry (see `rec`), so the scan reads
   * its lists sequentially instead of missing the cache on a dozen arrays per candidate.
   */
  teacherRecords: Int32Array;
  teacherSeniority: Float64Array;
  /** Each `teachers` entry's hour mask (see `hourMask`), read in list order by the scan. */
  teacherMask: Int32Array;
  /** Each `teachers` entry's UTC intervals (a copy of `iv`, CSR by entry), read in list order. */
  teacherIvStart: Int32Array;
  teacherIv: Int32Array;
  /** Upper bound on the score of any pair through each `teachers` entry; lists are sorted by it. */
  teacherBound: Int32Array;
  /** Everyone able to mentor / be mentored, by skill (active or not): for explaining who is left out. */
  allTeachersStart: Int32Array;
  allTeachers: Int32Array;
  allLearnersStart: Int32Array;
  allLearners: Int32Array;
  weights: PreparedCohort['weights'];
  sessionMinutes: number;
};

function csr(
  n: number,
  lists: (i: number) => readonly number[],
): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(n + 1);
  const all: (readonly number[])[] = [];
  for (let i = 0; i < n; i++) {
    const list = lists(i);
    all.push(list);
    start[i + 1] = start[i]! + list.length;
  }
  const items = new Int32Array(start[n]!);
  for (let i = 0; i < n; i++) items.set(all[i]!, start[i]!);
  return { start, items };
}

/**
 * Inverted lists: person i is listed under every key `keysOf(i, add)` adds, in ascending order of
 * person (two passes over typed arrays: no list per key, no garbage per person).
 */
function bucket(
  keys: number,
  n: number,
  keysOf: (i: number, add: (key: number) => void) => void,
): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(keys + 1);
  for (let i = 0; i < n; i++) keysOf(i, (key) => start[key + 1]!++);
  for (let k = 0; k < keys; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, keys);
  const items = new Int32Array(start[keys]!);
  for (let i = 0; i < n; i++) keysOf(i, (key) => (items[fill[key]!++] = i));
  return { start, items };
}

type SkillLists = { start: Int32Array; items: Int32Array; level: Uint8Array };

/** Flatten a prepared cohort into typed arrays plus inverted lists by skill and language. */
export function compileCohort(cohort: PreparedCohort): CompiledCohort {
  const people = cohort.people;
  const n = people.length;
  const skillIds = new Map<string, number>();
  const languageIds = new Map<string, number>();
  const idOf = (map: Map<string, number>, key: string) => {
    let v = map.get(key);
    if (v === undefined) {
      v = map.size;
      map.set(key, v);
    }
    return v;
  };
  // The prepared cohort's skill ids: in name order, so every later tie-break does not depend on
  // record order; its skill lists are already by ascending id.
  for (const s of cohort.skills) idOf(skillIds, s);
  const allLanguages = new Set<string>();
  for (const p of people) for (const l of p.languages) allLanguages.add(l);
  for (const l of [...allLanguages].sort()) idOf(languageIds, l);

  const teach = {
    start: cohort.teaches.start,
    items: cohort.teaches.skill,
    level: cohort.teaches.level,
  };
  const learn = {
    start: cohort.learns.start,
    items: cohort.learns.skill,
    level: cohort.learns.level,
  };
  // Languages keep the person's order: the first one is their preferred language.
  const langStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) langStart[i + 1] = langStart[i]! + people[i]!.languages.length;
  const langItems = new Int32Array(langStart[n]!);
  for (let i = 0; i < n; i++)
    people[i]!.languages.forEach((l, k) => (langItems[langStart[i]! + k] = languageIds.get(l)!));
  const langs = { start: langStart, items: langItems };
  const ivs = { start: cohort.availability.start, items: cohort.availability.minutes };
  const byId = cohort.byId;
  // Previous partnership counts whichever side recorded it.
  const prevPairs: number[] = [];
  for (const p of people) {
    for (const id of p.previous) {
      const other = byId.get(id);
      if (other) prevPairs.push(p.index, other.index, other.index, p.index);
    }
  }
  const prev = symmetricLists(n, prevPairs);
  const blockLists: number[][] = people.map(() => []);
  for (const key of cohort.blocked) {
    const [a, b] = key.split('\u0000');
    const ia = byId.get(a!)!.index;
    const ib = byId.get(b!)!.index;
    blockLists[ia]!.push(ib);
    blockLists[ib]!.push(ia);
  }
  const block = csr(n, (i) => blockLists[i]!.sort((a, b) => a - b));

  const L = languageIds.size;
  const S = skillIds.size;
  const w = cohort.weights;
  // The best score a mentor could reach, through one of their skills, with anyone for whom that
  // skill is the best shared one: a beginner learner on it, the other shared skills counted at most
  // as much, a partner teaching every skill the mentor wants to learn at level 5, full marks on the
  // rest. A pair is reached through the lists of every skill it shares, its best one among them, so
  // a list may be cut where this bound falls below what a mentee still needs.
  const restCache = new Float64Array(n).fill(NaN);
  const restOf = (i: number): number => {
    const cached = restCache[i]!;
    if (!Number.isNaN(cached)) return cached;
    let recBest = 0;
    let recSum = 0;
    for (let a = learn.start[i]!; a < learn.start[i + 1]!; a++) {
      const v = skillValueNumerator(5, learn.level[a]!);
      recSum += v;
      if (v > recBest) recBest = v;
    }
    const iv = ivs.items.subarray(ivs.start[i], ivs.start[i + 1]);
    let minutes = 0;
    for (let k = 0; k < iv.length; k += 2) minutes += iv[k + 1]! - iv[k]!;
    const value =
      w.reciprocity * skillTerm(recBest, recSum) +
      w.availability * availabilityTerm(minutes, cohort.sessionMinutes) +
      w.language +
      w.diversity +
      w.seniority;
    restCache[i] = value;
    return value;
  };
  const staticOf = (i: number, skill: number): number => {
    let main = 0;
    for (let a = teach.start[i]!; a < teach.start[i + 1]!; a++)
      if (teach.items[a] === skill) main = skillValueNumerator(teach.level[a]!, 1);
    let sum = main;
    for (let a = teach.start[i]!; a < teach.start[i + 1]!; a++)
      if (teach.items[a] !== skill) sum += Math.min(main, skillValueNumerator(teach.level[a]!, 1));
    return 1 + Math.ceil((w.teach * skillTerm(Math.max(main, 1), sum) + restOf(i)) * scoreScale);
  };
  const hourMask = hourMasksOf(n, ivs);
  const teachers = bucket(S * L, n, (i, add) => {
    const p = people[i]!;
    if (!p.canMentor || !p.active) return;
    for (let a = teach.start[i]!; a < teach.start[i + 1]!; a++)
      for (let k = langs.start[i]!; k < langs.start[i + 1]!; k++)
        add(teach.items[a]! * L + langs.items[k]!);
  });
  // Highest possible score first, then by index: the scan can stop a list as soon as its next
  // entry cannot make the cut.
  const teacherBound = sortByBound(teachers, L, staticOf);
  const allTeachers = bucket(S, n, (i, add) => {
    if (people[i]!.canMentor)
      for (let a = teach.start[i]!; a < teach.start[i + 1]!; a++) add(teach.items[a]!);
  });
  const allLearners = bucket(S, n, (i, add) => {
    if (people[i]!.canBeMentored)
      for (let a = learn.start[i]!; a < learn.start[i + 1]!; a++) add(learn.items[a]!);
  });

  return {
    n,
    canMentor: Uint8Array.from(people, (p) => (p.canMentor ? 1 : 0)),
    canBeMentored: Uint8Array.from(people, (p) => (p.canBeMentored ? 1 : 0)),
    active: Uint8Array.from(people, (p) => (p.active ? 1 : 0)),
    capacity: Uint8Array.from(people, (p) => p.participant.capacity),
    teachStart: teach.start,
    teachSkill: teach.items,
    teachLevel: teach.level,
    learnStart: learn.start,
    learnSkill: learn.items,
    learnLevel: learn.level,
    langStart: langs.start,
    lang: langs.items,
    ivStart: ivs.start,
    iv: ivs.items,
    hourMask,
    department: Int32Array.from(people, (p) => p.departmentId),
    seniority: Float64Array.from(people, (p) => p.seniority),
    tin: cohort.tin,
    tout: cohort.tout,
    prevStart: prev.start,
    prev: prev.items,
    blockStart: block.start,
    block: block.items,
    skills: [...skillIds.keys()],
    languages: [...languageIds.keys()],
    teachersStart: teachers.start,
    teachers: teachers.items,
    teacherBound,
    ...teacherRecordsOf(
      teachers.items,
      teach,
      langs,
      cohort,
      (i) => prev.start[i + 1]! > prev.start[i]! || block.start[i + 1]! > block.start[i]!,
      hourMask,
      ivs,
    ),
    allTeachersStart: allTeachers.start,
    allTeachers: allTeachers.items,
    allLearnersStart: allLearners.start,
    allLearners: allLearners.items,
    weights: cohort.weights,
    sessionMinutes: cohort.sessionMinutes,
  };
}

type TypedArray = Int32Array | Uint8Array | Float64Array;

/** Int32 words of a person's weekly hour mask (168 hours). */
export const hourMaskWords = 6;

function hourMasksOf(n: number, ivs: { start: Int32Array; items: Int32Array }): Int32Array {
  const masks = new Int32Array(n * hourMaskWords);
  const hours = 7 * 24;
  for (let i = 0; i < n; i++) {
    for (let k = ivs.start[i]!; k < ivs.start[i + 1]!; k += 2) {
      const from = Math.floor(ivs.items[k]! / 60);
      const to = Math.floor((ivs.items[k + 1]! - 1) / 60);
      for (let h = from; h <= to; h++) {
        const hour = ((h % hours) + hours) % hours;
        masks[i * hourMaskWords + (hour >> 5)]! |= 1 << (hour & 31);
      }
    }
  }
  return masks;
}

/**
 * Move the cohort's typed arrays onto SharedArrayBuffers, in place: a worker thread handed them
 * then reads the same memory instead of a copy (about 20 MB at 50,000 per side).
 */
export function shareArrays(c: CompiledCohort): void {
  const fields = c as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (!ArrayBuffer.isView(value) || value.buffer instanceof SharedArrayBuffer) continue;
    const array = value as TypedArray;
    const Kind = array.constructor as new (buffer: SharedArrayBuffer) => TypedArray;
    const copy = new Kind(new SharedArrayBuffer(array.byteLength));
    copy.set(array);
    fields[key] = copy;
  }
}

/** Field offsets of a teacher record (stride 16). */
export const rec = {
  stride: 16,
  person: 0,
  tin: 1,
  tout: 2,
  department: 3,
  /** Languages: up to 4 ids, -1 padded; `manyLanguages` = 1 when the person speaks more. */
  lang0: 4,
  manyLanguages: 8,
  /** 1 when the person has previous partners or blocks to check. */
  hasExclusions: 9,
  /** Number of skills taught; up to 4 are packed as skill << 3 | level, sorted by skill. */
  teachCount: 10,
  teach0: 11,
} as const;

function teacherRecordsOf(
  items: Int32Array,
  teach: SkillLists,
  langs: { start: Int32Array; items: Int32Array },
  cohort: PreparedCohort,
  hasExclusions: (person: number) => boolean,
  hourMask: Int32Array,
  ivs: { start: Int32Array; items: Int32Array },
): {
  teacherRecords: Int32Array;
  teacherSeniority: Float64Array;
  teacherMask: Int32Array;
  teacherIvStart: Int32Array;
  teacherIv: Int32Array;
} {
  const records = new Int32Array(items.length * rec.stride);
  const seniority = new Float64Array(items.length);
  for (let t = 0; t < items.length; t++) {
    const i = items[t]!;
    const p = cohort.people[i]!;
    const base = t * rec.stride;
    records[base + rec.person] = i;
    records[base + rec.tin] = cohort.tin[i]!;
    records[base + rec.tout] = cohort.tout[i]!;
    records[base + rec.department] = p.departmentId;
    const ls = langs.items.subarray(langs.start[i], langs.start[i + 1]);
    for (let k = 0; k < 4; k++) records[base + rec.lang0 + k] = k < ls.length ? ls[k]! : -1;
    records[base + rec.manyLanguages] = ls.length > 4 ? 1 : 0;
    records[base + rec.hasExclusions] = hasExclusions(i) ? 1 : 0;
    const from = teach.start[i]!;
    const count = teach.start[i + 1]! - from;
    records[base + rec.teachCount] = count;
    for (let k = 0; k < Math.min(4, count); k++) {
      records[base + rec.teach0 + k] = (teach.items[from + k]! << 3) | teach.level[from + k]!;
    }
    seniority[t] = p.seniority;
  }
  const masks = new Int32Array(items.length * hourMaskWords);
  for (let t = 0; t < items.length; t++)
    masks.set(
      hourMask.subarray(items[t]! * hourMaskWords, (items[t]! + 1) * hourMaskWords),
      t * hourMaskWords,
    );
  const ivStart = new Int32Array(items.length + 1);
  for (let t = 0; t < items.length; t++)
    ivStart[t + 1] = ivStart[t]! + ivs.start[items[t]! + 1]! - ivs.start[items[t]!]!;
  const iv = new Int32Array(ivStart[items.length]!);
  for (let t = 0; t < items.length; t++)
    iv.set(ivs.items.subarray(ivs.start[items[t]!], ivs.start[items[t]! + 1]), ivStart[t]!);
  return {
    teacherRecords: records,
    teacherSeniority: seniority,
    teacherMask: masks,
    teacherIvStart: ivStart,
    teacherIv: iv,
  };
}

/** Per person, the sorted distinct partners of the (person, partner) pairs given flat. */
function symmetricLists(
  n: number,
  pairs: readonly number[],
): { start: Int32Array; items: Int32Array } {
  const count = new Int32Array(n + 1);
  for (let k = 0; k < pairs.length; k += 2) count[pairs[k]! + 1]!++;
  for (let i = 0; i < n; i++) count[i + 1]! += count[i]!;
  const fill = count.slice(0, n);
  const all = new Int32Array(count[n]!);
  for (let k = 0; k < pairs.length; k += 2) all[fill[pairs[k]!]!++] = pairs[k + 1]!;
  const start = new Int32Array(n + 1);
  let size = 0;
  for (let i = 0; i < n; i++) {
    const list = all.subarray(count[i]!, count[i + 1]!).sort();
    for (let k = 0; k < list.length; k++)
      if (k === 0 || list[k] !== list[k - 1]) all[size++] = list[k]!;
    start[i + 1] = size;
  }
  return { start, items: all.slice(0, size) };
}

/**
 * Order each list by descending bound, then ascending person (in place), and return the bounds in
 * that order. Bounds are below 2^14 and people below 2^22: one numeric sort of a packed key.
 */
function sortByBound(
  lists: { start: Int32Array; items: Int32Array },
  languages: number,
  boundOf: (person: number, skill: number) => number,
): Int32Array {
  const out = new Int32Array(lists.items.length);
  const keys = new Float64Array(lists.items.length);
  const span = 4_194_304;
  for (let key = 0; key + 1 < lists.start.length; key++) {
    const skill = Math.floor(key / languages);
    const from = lists.start[key]!;
    const to = lists.start[key + 1]!;
    for (let t = from; t < to; t++) {
      const person = lists.items[t]!;
      if (person >= span) throw new RangeError(`more than ${span} people`);
      keys[t] = (16383 - boundOf(person, skill)) * span + person;
    }
    keys.subarray(from, to).sort();
    for (let t = from; t < to; t++) {
      const person = keys[t]! % span;
      lists.items[t] = person;
      out[t] = 16383 - (keys[t]! - person) / span;
    }
  }
  return out;
}

function contains(start: Int32Array, items: Int32Array, i: number, value: number): boolean {
  for (let k = start[i]!; k < start[i + 1]!; k++) if (items[k] === value) return true;
  return false;
}

function shareLanguage(c: CompiledCohort, a: number, b: number): boolean {
  for (let x = c.langStart[a]!; x < c.langStart[a + 1]!; x++) {
    if (contains(c.langStart, c.lang, b, c.lang[x]!)) return true;
  }
  return false;
}

/** Weekly overlap in minutes of two people's UTC intervals. */
export function overlapOf(c: CompiledCohort, a: number, b: number): number {
  const iv = c.iv;
  let i = c.ivStart[a]!;
  const ie = c.ivStart[a + 1]!;
  let j = c.ivStart[b]!;
  const je = c.ivStart[b + 1]!;
  let total = 0;
  while (i < ie && j < je) {
    const s = iv[i]! > iv[j]! ? iv[i]! : iv[j]!;
    const e = iv[i + 1]! < iv[j + 1]! ? iv[i + 1]! : iv[j + 1]!;
    if (e > s) total += e - s;
    if (iv[i + 1]! < iv[j + 1]!) i += 2;
    else j += 2;
  }
  return total;
}

/** True when the two have some time in a common hour of the week (needed for any overlap). */
function shareHour(c: CompiledCohort, a: number, b: number): boolean {
  const m = c.hourMask;
  for (let k = 0; k < hourMaskWords; k++)
    if ((m[a * hourMaskWords + k]! & m[b * hourMaskWords + k]!) !== 0) return true;
  return false;
}

/** True when the two are in one management chain. */
export function sameLine(c: CompiledCohort, a: number, b: number): boolean {
  const { tin, tout } = c;
  return (tin[a]! < tin[b]! && tout[b]! < tout[a]!) || (tin[b]! < tin[a]! && tout[a]! < tout[b]!);
}

/**
 * First rule a pair breaks, once skill and language are known to match (the inverted lists ensure
 * it on the hot path), or null when the pair is allowed.
 */
export function pairRuleAfterSkillAndLanguage(
  c: CompiledCohort,
  mentor: number,
  mentee: number,
): ViolationCode | null {
  if (!shareHour(c, mentor, mentee) || overlapOf(c, mentor, mentee) < c.sessionMinutes)
    return 'no_overlap';
  if (sameLine(c, mentor, mentee)) return 'same_reporting_line';
  if (
    c.prevStart[mentor + 1]! > c.prevStart[mentor]! &&
    contains(c.prevStart, c.prev, mentor, mentee)
  ) {
    return 'previous_partners';
  }
  if (
    c.blockStart[mentor + 1]! > c.blockStart[mentor]! &&
    contains(c.blockStart, c.block, mentor, mentee)
  ) {
    return 'blocked';
  }
  return null;
}

/** First rule a (mentor, mentee) pair sharing a skill breaks, or null when allowed. */
export function pairRule(c: CompiledCohort, mentor: number, mentee: number): ViolationCode | null {
  if (mentor === mentee) return 'same_person';
  if (!c.active[mentor] || !c.active[mentee]) return 'inactive';
  if (!shareLanguage(c, mentor, mentee)) return 'no_common_language';
  return pairRuleAfterSkillAndLanguage(c, mentor, mentee);
}

function skillNumerators(
  tStart: Int32Array,
  tSkill: Int32Array,
  tLevel: Uint8Array,
  teacher: number,
  lStart: Int32Array,
  lSkill: Int32Array,
  lLevel: Uint8Array,
  learner: number,
): number {
  let a = tStart[teacher]!;
  const ae = tStart[teacher + 1]!;
  let b = lStart[learner]!;
  const be = lStart[learner + 1]!;
  let best = 0;
  let sum = 0;
  while (a < ae && b < be) {
    const sa = tSkill[a]!;
    const sb = lSkill[b]!;
    if (sa === sb) {
      const v = valueOf(tLevel[a]!, lLevel[b]!);
      sum += v;
      if (v > best) best = v;
      a++;
      b++;
    } else if (sa < sb) a++;
    else b++;
  }
  return termOf(best, sum);
}

function sharesFirstLanguage(c: CompiledCohort, mentor: number, mentee: number): boolean {
  return (
    contains(c.langStart, c.lang, mentor, c.lang[c.langStart[mentee]!]!) ||
    contains(c.langStart, c.lang, mentee, c.lang[c.langStart[mentor]!]!)
  );
}

/** Teach term of a (mentor, mentee) pair. */
export function teachTermOf(c: CompiledCohort, mentor: number, mentee: number): number {
  return skillNumerators(
    c.teachStart,
    c.teachSkill,
    c.teachLevel,
    mentor,
    c.learnStart,
    c.learnSkill,
    c.learnLevel,
    mentee,
  );
}

/** Reciprocity term: what the mentee teaches against what the mentor wants to learn. */
export function reciprocityTermOf(c: CompiledCohort, mentor: number, mentee: number): number {
  return skillNumerators(
    c.teachStart,
    c.teachSkill,
    c.teachLevel,
    mentee,
    c.learnStart,
    c.learnSkill,
    c.learnLevel,
    mentor,
  );
}

/** Language term of a pair sharing a language. */
export function languageTermOf(c: CompiledCohort, mentor: number, mentee: number): number {
  return languageOf(sharesFirstLanguage(c, mentor, mentee));
}

/** The pair's integer score (hundredths), identical to the domain's evaluatePair score. */
export function scorePair(
  c: CompiledCohort,
  mentor: number,
  mentee: number,
  overlap: number,
): number {
  return combine(
    c.weights,
    teachTermOf(c, mentor, mentee),
    reciprocityTermOf(c, mentor, mentee),
    availabilityOf(overlap, c.sessionMinutes),
    languageTermOf(c, mentor, mentee),
    diversityOf(c.department[mentor]!, c.department[mentee]!),
    seniorityOf(c.seniority[mentor]!, c.seniority[mentee]!),
  );
}
