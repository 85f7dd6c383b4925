import { fixedClock } from '../../../src/domain/clock';
import { runMatching } from '../../../src/matching/engine';
import type { Person } from '../../../src/domain/person';
import { newProfile, optIn, type Profile } from '../../../src/domain/profile';
import { newProgramme } from '../../../src/domain/programme';
import {
  buildMatchingInput,
  localizeReason,
  referenceWeekFor,
} from '../../../src/services/matching/matching-input';

// Pure mapping from the stored profiles to the engine's input (no store needed).
const clock = fixedClock('2026-12-01T09:00:00Z');
const tenantId = 't';
const programme = newProgramme(
  {
    id: 'prog',
    tenantId,
    name: 'Pilote',
    startDate: '2027-03-04', // a Thursday
    endDate: '2027-06-30',
    leadIds: ['lead'],
    skills: [
      {
        id: 'copilot',
        label: { fr: 'Copilot et IA générative', en: 'Copilot and generative AI' },
        kind: 'digital',
      },
    ],
  },
  clock,
);

const person = (id: string, managerId: string | null, seniorityYears = 5): Person => ({
  id,
  tenantId,
  displayName: `Person ${id}`,
  email: `${id}@example.com`,
  department: 'Finance',
  jobTitle: '',
  managerId,
  seniorityYears,
  preferredLocale: 'fr',
  timeZone: 'Europe/Paris',
});

const profile = (id: string, roleWish: Profile['roleWish']): Profile =>
  optIn(
    newProfile(
      {
        id,
        tenantId,
        programmeId: 'prog',
        roleWish,
        teaches: roleWish === 'mentor' ? [{ skillId: 'copilot', level: 4 }] : [],
        learns: roleWish === 'mentee' ? [{ skillId: 'copilot', level: 1 }] : [],
        languages: ['fr'],
        timeZone: 'Europe/Paris',
        availability: [{ day: 'tue', start: '09:00', end: '12:00' }],
      },
      clock,
    ),
    'consent-v1',
    clock,
  ).profile;

describe('the engine input built from a programme', () => {
  // top (volunteer, mentee) manages mid (not a volunteer) who manages junior (volunteer, mentor).
  const directory = new Map(
    [
      person('top', null, 30),
      person('mid', 'top'),
      person('junior', 'mid'),
      person('other', null),
    ].map((p) => [p.id, p]),
  );
  const pool = [
    profile('top', 'mentee'),
    profile('junior', 'mentor'),
    profile('other', 'mentee'),
  ].map((p) => ({
    profile: p,
    person: directory.get(p.id),
    role: p.roleWish,
    capacity: 1,
    previousPartners: [],
  }));

  it('links reporting lines through managers who did not volunteer', () => {
    const input = buildMatchingInput({ programme, pool, directory, pins: [], blocks: [] });
    expect(input.participants.find((p) => p.id === 'junior')?.managerId).toBe('top');
    const result = runMatching(input);
    // top would score higher (more senior), but junior may not mentor their own chain's head.
    expect(result.pairs.map((p) => `${p.mentorId}>${p.menteeId}`)).toEqual(['junior>other']);
  });

  it('names skills in each language from the catalogue', () => {
    const input = buildMatchingInput({ programme, pool, directory, pins: [], blocks: [] });
    const [pair] = runMatching(input).pairs;
    const teaches = pair!.reasons.find((r) => r.code === 'teaches')!;
    const localized = localizeReason(teaches, programme);
    expect(localized.fr).toContain('Copilot et IA générative');
    expect(localized.en).toContain('Copilot and generative AI');
  });

  it('leaves out pins and blocks naming someone outside the pool', () => {
    const input = buildMatchingInput({
      programme,
      pool,
      directory,
      pins: [{ mentorId: 'junior', menteeId: 'gone' }],
      blocks: [{ mentorId: 'gone', menteeId: 'other' }],
    });
    expect(input.pins).toEqual([]);
    expect(input.blocks).toEqual([]);
  });

  it('requires the programme’s minimum weekly overlap, and never less than one session', () => {
    const withOverlap = (minOverlapMinutes: number, durationMinutes = 60) =>
      buildMatchingInput({
        programme: {
          ...programme,
          frame: { ...programme.frame, durationMinutes },
          constraints: { ...programme.constraints, minOverlapMinutes },
        },
        pool,
        directory,
        pins: [],
        blocks: [],
      });
    // Everyone is free on Tuesday 09:00–12:00: three hours together.
    expect(runMatching(withOverlap(180)).pairs).toHaveLength(1);
    const strict = withOverlap(240);
    expect(strict.sessionMinutes).toBe(240);
    const result = runMatching(strict);
    expect(result.pairs).toEqual([]);
    const junior = result.unmatched.find((u) => u.id === 'junior')!;
    expect(junior.reasons.map((r) => r.en).join(' ')).toMatch(/No overlapping availability of 4 h/);
    // A minimum left lower than the sessions (they were made longer since): one session still counts.
    expect(withOverlap(30, 90).sessionMinutes).toBe(90);
  });

  it('takes the Monday of the programme’s first week for time-zone offsets', () => {
    expect(referenceWeekFor(programme)).toBe('2027-03-01');
  });
});
