import { fixedClock } from '../../../../src/domain/clock';
import { buddySettingsSchema } from '../../../../src/domain/buddy/buddy-settings';
import { demoBuddies } from '../../../../src/local/seed/demo-buddies';
import { demoPeople, demoSkills } from '../../../../src/local/seed/demo-data';

describe('the demo company’s digital buddies', () => {
  const people = demoPeople('demo-tenant');
  const buddies = demoBuddies(people, fixedClock('2026-12-05T12:00:00Z'));

  it('are valid settings, active', () => {
    for (const b of buddies) expect(buddySettingsSchema.parse(b)).toEqual(b);
    expect(buddies.every((b) => b.active)).toBe(true);
  });

  it('cover every digital skill of the catalogue at least three times', () => {
    for (const skill of demoSkills.filter((s) => s.kind === 'digital')) {
      expect(
        buddies.filter((b) => b.skillIds.includes(skill.id)).length,
        skill.id,
      ).toBeGreaterThanOrEqual(3);
    }
  });

  it('live in at least two time zones and speak both languages', () => {
    expect(new Set(buddies.map((b) => b.timeZone))).toEqual(
      new Set(['Europe/Paris', 'America/Toronto']),
    );
    expect(buddies.some((b) => b.languages.includes('en'))).toBe(true);
    expect(buddies.some((b) => b.languages.includes('fr'))).toBe(true);
  });
});
