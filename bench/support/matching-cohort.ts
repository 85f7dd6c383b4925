import type { MatchingInputRaw, MatchingParticipantInput } from '../../src/domain/matching/input';
import { seededRandom, weighted, zipfSampler } from './matching-prng';

/**
 * A synthetic but realistic reverse-mentoring cohort: juniors teach digital skills to seniors who
 * share business know-how back. Skill popularity is Zipf over 200 skills (120 digital,
 * 80 business), people sit in ten time zones with their languages, an org tree links managers and
 * reports, mentors take 1–3 mentees.
 */
export type CohortOptions = {
  perSide: number;
  seed?: number;
  /** Share of people with role `both` (0 by default: the benchmark counts per side). */
  bothShare?: number;
  /** Zipf exponent of skill popularity. */
  zipf?: number;
};

const digital = [
  'power-bi',
  'copilot',
  'teams',
  'excel',
  'genai-prompting',
  'python',
  'sharepoint',
  'linkedin',
  'power-automate',
  'data-literacy',
  'cybersecurity',
  'tiktok',
  'figma',
  'sql',
  'tableau',
];
const business = [
  'negotiation',
  'strategy',
  'leadership',
  'public-speaking',
  'finance',
  'client-relations',
  'project-management',
  'hiring',
  'budgeting',
  'change-management',
];

const zones = [
  ['Europe/Paris', 'fr', 26],
  ['Europe/London', 'en', 14],
  ['Europe/Berlin', 'de', 10],
  ['Europe/Madrid', 'es', 7],
  ['Europe/Rome', 'it', 5],
  ['Europe/Amsterdam', 'nl', 4],
  ['America/New_York', 'en', 14],
  ['America/Sao_Paulo', 'pt', 6],
  ['Asia/Singapore', 'en', 8],
  ['Asia/Tokyo', 'ja', 6],
] as const;

const departments = [
  'Finance',
  'IT',
  'Marketing',
  'Sales',
  'HR',
  'Operations',
  'Legal',
  'R&D',
  'Supply chain',
  'Customer service',
  'Communication',
  'Strategy',
];
const days = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Build the cohort; the same options give the same cohort. */
export function generateCohort(options: CohortOptions): MatchingInputRaw {
  const random = seededRandom(options.seed ?? 42);
  const s = options.zipf ?? 1;
  const digitalRank = zipfSampler(120, s, random);
  const businessRank = zipfSampler(80, s, random);
  const digitalSkill = (r: number) => digital[r] ?? `digital-${String(r + 1).padStart(3, '0')}`;
  const businessSkill = (r: number) => business[r] ?? `business-${String(r + 1).padStart(3, '0')}`;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const n = options.perSide;
  const total = 2 * n;

  // Seniors (mentees) first in the org, so managers are mostly seniors; a ~6-ary tree.
  const participants: MatchingParticipantInput[] = [];
  const departmentOf: number[] = [];
  for (let k = 0; k < total; k++) {
    const senior = k < n;
    const id = senior ? `e${String(k).padStart(6, '0')}` : `m${String(k - n).padStart(6, '0')}`;
    const parent = k === 0 ? -1 : Math.floor((k - 1) / 6) - (random() < 0.3 ? int(0, 3) : 0);
    const managerIndex = parent >= 0 && parent < k ? parent : -1;
    const department =
      managerIndex >= 0 && random() < 0.8
        ? departmentOf[managerIndex]!
        : int(0, departments.length - 1);
    departmentOf.push(department);
    const zone = weighted(
      random,
      zones.map((z) => [z, z[2]] as const),
    );
    const languages = [zone[1] as string];
    if (zone[1] !== 'en' && random() < 0.65) languages.push('en');
    else if (zone[1] === 'en' && random() < 0.15) languages.push(random() < 0.5 ? 'fr' : 'es');
    const availability: { day: (typeof days)[number]; start: string; end: string }[] = [];
    const slots = int(2, 4);
    for (let t = 0; t < slots; t++) {
      const start = int(16, 34) * 30; // 08:00–17:00 local
      const length = int(2, 6) * 30;
      availability.push({
        day: days[int(0, 4)]!,
        start: hhmm(start),
        end: hhmm(Math.min(start + length, 20 * 60)),
      });
    }
    const role =
      options.bothShare && random() < options.bothShare ? 'both' : senior ? 'mentee' : 'mentor';
    const pick = (
      count: number,
      sample: () => number,
      name: (r: number) => string,
      levels: [number, number],
    ) => {
      const seen = new Set<string>();
      const out: { skill: string; level: number }[] = [];
      for (let t = 0; t < count; t++) {
        const skill = name(sample());
        if (seen.has(skill)) continue;
        seen.add(skill);
        out.push({ skill, level: int(levels[0], levels[1]) });
      }
      return out;
    };
    const teachesDigital = role !== 'mentee';
    participants.push({
      id,
      name: id,
      role,
      teaches: teachesDigital
        ? pick(int(1, 3), digitalRank, digitalSkill, [2, 5])
        : pick(int(1, 3), businessRank, businessSkill, [3, 5]),
      learns: teachesDigital
        ? pick(int(0, 2), businessRank, businessSkill, [1, 3])
        : pick(int(1, 2), digitalRank, digitalSkill, [1, 3]),
      languages,
      timeZone: zone[0],
      availability,
      department: departments[department],
      managerId:
        managerIndex >= 0
          ? managerIndex < n
            ? `e${String(managerIndex).padStart(6, '0')}`
            : `m${String(managerIndex - n).padStart(6, '0')}`
          : null,
      capacity:
        role === 'mentee'
          ? 1
          : weighted(random, [
              [1, 5],
              [2, 3],
              [3, 2],
            ]),
      previousPartners: [],
      seniority: senior ? int(10, 35) : int(0, 8),
      optedIn: random() > 0.01,
      paused: random() < 0.01,
    });
  }
  // A few previous partnerships between seniors and juniors.
  for (let k = 0; k < n; k++) {
    if (random() < 0.03) participants[k]!.previousPartners = [participants[n + int(0, n - 1)]!.id];
  }
  return { participants, sessionMinutes: 60 };
}
