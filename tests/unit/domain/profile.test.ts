import {
  acceptsNudges,
  assertSkillsInCatalogue,
  fixedClock,
  isAvailableForMatching,
  issuesOf,
  leave,
  newProfile,
  optIn,
  overlappingSlots,
  pause,
  profileSchema,
  resume,
  unknownSkillIds,
} from '../../../src/domain';
import { aProfile, aProgramme } from '../../fixtures/builders';
import { thrown } from '../../support/thrown';

const clock = fixedClock('2026-03-02T09:00:00.000Z');
const fresh = () =>
  newProfile({ id: 'person-a', tenantId: 'tenant-1', programmeId: 'programme-1' }, clock);

const issues = (value: unknown) => {
  const result = profileSchema.safeParse(value);
  return result.success ? [] : issuesOf(result.error);
};

describe('profile schema', () => {
  it('a new profile has not joined and has schema-valid defaults', () => {
    const profile = fresh();
    expect(profile.optIn).toEqual({ status: 'not_joined', history: [] });
    expect(profile.roleWish).toBe('both');
    expect(profileSchema.safeParse(profile).success).toBe(true);
  });

  it('refuses overlapping availability on the same day, naming both slots', () => {
    const availability = [
      { day: 'tue', start: '09:00', end: '12:00' },
      { day: 'tue', start: '11:00', end: '13:00' },
    ];
    expect(issues({ ...aProfile(), availability })).toEqual([
      {
        path: 'availability.1',
        message: 'availability slots tue 09:00–12:00 and 11:00–13:00 overlap',
      },
    ]);
  });

  it('accepts back-to-back slots and the same hours on different days', () => {
    const availability = [
      { day: 'tue', start: '09:00', end: '12:00' },
      { day: 'tue', start: '12:00', end: '13:00' },
      { day: 'wed', start: '09:00', end: '12:00' },
    ] as const;
    expect(overlappingSlots([...availability])).toEqual([]);
    expect(issues({ ...aProfile(), availability })).toEqual([]);
  });

  it('limits the bio to 500 characters', () => {
    expect(issues({ ...aProfile(), bio: 'x'.repeat(500) })).toEqual([]);
    expect(issues({ ...aProfile(), bio: 'x'.repeat(501) })).toEqual([
      { path: 'bio', message: 'bio must be at most 500 characters' },
    ]);
  });

  it('keeps mentor capacity between 1 and 3', () => {
    expect(issues({ ...aProfile(), mentorCapacity: 0 })).toEqual([
      { path: 'mentorCapacity', message: 'mentorCapacity must be at least 1' },
    ]);
    expect(issues({ ...aProfile(), mentorCapacity: 4 })).toEqual([
      { path: 'mentorCapacity', message: 'mentorCapacity must be at most 3' },
    ]);
  });

  it('explains bad skills, levels, languages and role', () => {
    const profile = {
      ...aProfile(),
      teaches: [
        { skillId: 'teams', level: 6 },
        { skillId: 'teams', level: 3 },
      ],
      languages: ['fr', 'French'],
      roleWish: 'coach',
    };
    expect(issues(profile)).toEqual([
      { path: 'roleWish', message: 'roleWish must be "mentor", "mentee" or "both"' },
      { path: 'teaches.0.level', message: 'level must be at most 5' },
      { path: 'teaches.1.skillId', message: 'teaches lists skill "teams" more than once' },
      { path: 'languages.1', message: 'language must be a BCP 47 tag such as fr or en-GB' },
    ]);
    expect(
      issues({ ...aProfile(), teaches: profile.teaches.map((t) => ({ ...t, level: 3 })) }),
    ).toEqual([
      { path: 'teaches.1.skillId', message: 'teaches lists skill "teams" more than once' },
    ]);
  });

  it('names the field when a list or an object is missing or of the wrong kind', () => {
    const { optIn: _optIn, ...withoutOptIn } = aProfile();
    expect(issues({ ...withoutOptIn, teaches: 'power-bi', availability: {} })).toEqual([
      { path: 'optIn', message: 'optIn is required' },
      { path: 'teaches', message: 'teaches must be a list' },
      { path: 'availability', message: 'availability must be a list' },
    ]);
    expect(issues({ ...aProfile(), learns: [{ skillId: 'teams' }] })).toEqual([
      { path: 'learns.0.level', message: 'level must be a number from 1 to 5' },
    ]);
  });

  it('needs at least one language and no duplicates', () => {
    expect(issues({ ...aProfile(), languages: [] })).toEqual([
      { path: 'languages', message: 'languages must list at least one language' },
    ]);
    expect(issues({ ...aProfile(), languages: ['fr', 'FR'] })).toEqual([
      { path: 'languages', message: 'languages must not list a language twice' },
    ]);
  });

  it('refuses a person listed as their own previous partner', () => {
    const profile = aProfile({ id: 'person-z' });
    expect(issues({ ...profile, previousPartnerIds: ['person-z'] })).toEqual([
      {
        path: 'previousPartnerIds',
        message: 'previousPartnerIds must not include the person themself',
      },
    ]);
  });

  it('finds skills outside the programme catalogue', () => {
    const programme = aProgramme();
    const profile = aProfile({ teaches: ['teams', 'cobol'], learns: ['cobol', 'negotiation'] });
    expect(unknownSkillIds(profile, programme)).toEqual(['cobol']);
    const error = thrown(() => assertSkillsInCatalogue(profile, programme));
    expect(error.code).toBe('validation_failed');
    expect(error.details?.issues).toEqual([
      { path: 'teaches.1.skillId', message: 'skill "cobol" is not in the programme\'s catalogue' },
      { path: 'learns.0.skillId', message: 'skill "cobol" is not in the programme\'s catalogue' },
    ]);
    expect(() =>
      assertSkillsInCatalogue(aProfile({ teaches: ['teams'] }), programme),
    ).not.toThrow();
  });
});

describe('opt-in', () => {
  it('opting in records consent, its text version and the history', () => {
    const { profile, changed } = optIn(fresh(), '2026-01', clock);
    expect(changed).toBe(true);
    expect(profile.optIn).toMatchObject({
      status: 'opted_in',
      consentedAt: '2026-03-02T09:00:00.000Z',
      consentTextVersion: '2026-01',
    });
    expect(profile.optIn.history).toEqual([
      {
        from: 'not_joined',
        to: 'opted_in',
        at: '2026-03-02T09:00:00.000Z',
        consentTextVersion: '2026-01',
      },
    ]);
    expect(profileSchema.safeParse(profile).success).toBe(true);
  });

  it('opting in twice is a no-op', () => {
    const once = optIn(fresh(), '2026-01', clock).profile;
    expect(optIn(once, '2026-01', clock)).toEqual({ profile: once, changed: false });
  });

  it('opting in needs a consent text version', () => {
    expect(thrown(() => optIn(fresh(), ' ', clock)).code).toBe('validation_failed');
  });

  it('pausing needs a future date and keeps it; pausing again moves it', () => {
    const joined = optIn(fresh(), '2026-01', clock).profile;
    expect(thrown(() => pause(joined, '2026-03-01T00:00:00.000Z', clock)).details?.issues).toEqual([
      { path: 'pausedUntil', message: 'pausedUntil must be a date-time in the future' },
    ]);
    expect(thrown(() => pause(joined, 'next week', clock)).code).toBe('validation_failed');
    const paused = pause(joined, '2026-04-01T00:00:00Z', clock).profile;
    expect(paused.optIn.status).toBe('paused');
    expect(paused.optIn.pausedUntil).toBe('2026-04-01T00:00:00.000Z');
    expect(pause(paused, '2026-04-01T00:00:00.000Z', clock).changed).toBe(false);
    const moved = pause(paused, '2026-05-01T00:00:00.000Z', clock);
    expect(moved.changed).toBe(true);
    expect(moved.profile.optIn.pausedUntil).toBe('2026-05-01T00:00:00.000Z');
    expect(profileSchema.safeParse(moved.profile).success).toBe(true);
  });

  it('someone who has not joined or has left cannot pause', () => {
    const error = thrown(() => pause(fresh(), '2026-04-01T00:00:00.000Z', clock));
    expect(error.code).toBe('invalid_transition');
    expect(error.details).toMatchObject({ from: 'not_joined', to: 'paused' });
    const gone = leave(optIn(fresh(), 'v1', clock).profile, clock).profile;
    expect(thrown(() => pause(gone, '2026-04-01T00:00:00.000Z', clock)).details).toMatchObject({
      from: 'left',
    });
  });

  it('resuming clears the pause; resuming an active profile is a no-op', () => {
    const joined = optIn(fresh(), 'v1', clock).profile;
    const paused = pause(joined, '2026-04-01T00:00:00.000Z', clock).profile;
    const back = resume(paused, clock);
    expect(back.changed).toBe(true);
    expect(back.profile.optIn.status).toBe('opted_in');
    expect(back.profile.optIn.pausedUntil).toBeUndefined();
    expect(back.profile.optIn.history.map((h) => `${h.from}>${h.to}`)).toEqual([
      'not_joined>opted_in',
      'opted_in>paused',
      'paused>opted_in',
    ]);
    expect(resume(back.profile, clock).changed).toBe(false);
    expect(thrown(() => resume(fresh(), clock)).code).toBe('invalid_transition');
  });

  it('leaving works from any state, keeps the history and stops nudges for good', () => {
    const joined = optIn(fresh(), 'v1', clock).profile;
    const paused = pause(joined, '2026-04-01T00:00:00.000Z', clock).profile;
    const { profile, changed } = leave(paused, clock);
    expect(changed).toBe(true);
    expect(profile.optIn.status).toBe('left');
    expect(profile.optIn.leftAt).toBe('2026-03-02T09:00:00.000Z');
    expect(profile.optIn.pausedUntil).toBeUndefined();
    expect(profile.optIn.history).toHaveLength(3);
    expect(acceptsNudges(profile, fixedClock('2030-01-01T00:00:00.000Z'))).toBe(false);
    expect(leave(profile, clock)).toEqual({ profile, changed: false });
    expect(leave(fresh(), clock).profile.optIn.status).toBe('left');
  });

  it('a person who left may opt in again by themselves, with fresh consent', () => {
    const gone = leave(optIn(fresh(), 'v1', clock).profile, clock).profile;
    const later = fixedClock('2026-06-01T09:00:00.000Z');
    const back = optIn(gone, 'v2', later).profile;
    expect(back.optIn.status).toBe('opted_in');
    expect(back.optIn.consentTextVersion).toBe('v2');
    expect(back.optIn.consentedAt).toBe('2026-06-01T09:00:00.000Z');
    expect(back.optIn.leftAt).toBeUndefined();
    expect(back.optIn.history).toHaveLength(3);
  });

  it('a paused person is neither matched nor nudged until the pause runs out', () => {
    const paused = pause(
      optIn(fresh(), 'v1', clock).profile,
      '2026-04-01T00:00:00.000Z',
      clock,
    ).profile;
    expect(isAvailableForMatching(paused, clock)).toBe(false);
    expect(acceptsNudges(paused, clock)).toBe(false);
    const after = fixedClock('2026-04-01T00:00:00.000Z');
    expect(isAvailableForMatching(paused, after)).toBe(true);
    expect(acceptsNudges(paused, after)).toBe(true);
  });

  it('only opted-in people are matched; people not yet joined may still be invited', () => {
    expect(isAvailableForMatching(fresh(), clock)).toBe(false);
    expect(acceptsNudges(fresh(), clock)).toBe(true);
    expect(isAvailableForMatching(optIn(fresh(), 'v1', clock).profile, clock)).toBe(true);
  });
});
