import {
  inSameReportingLine,
  issuesOf,
  managerChain,
  personSchema,
  type Person,
} from '../../../src/domain';
import { aPerson } from '../../fixtures/builders';

const directory = (people: Person[]) => new Map(people.map((p) => [p.id, p]));

describe('person', () => {
  it('accepts a directory entry with no manager at the top', () => {
    expect(personSchema.safeParse(aPerson({ managerId: null })).success).toBe(true);
  });

  it('explains a bad e-mail, time zone and locale', () => {
    const result = personSchema.safeParse({
      ...aPerson(),
      email: 'not-an-email',
      timeZone: 'Paris',
      preferredLocale: 'de',
    });
    expect(result.success ? [] : issuesOf(result.error)).toEqual([
      { path: 'email', message: 'email must be an e-mail address such as ana@contoso.com' },
      { path: 'preferredLocale', message: 'locale must be "fr" or "en"' },
      { path: 'timeZone', message: 'timeZone must be an IANA time zone such as Europe/Paris' },
    ]);
  });

  it('walks the manager chain nearest first and tells who is in the same reporting line', () => {
    const ceo = aPerson({ id: 'ceo', managerId: null });
    const director = aPerson({ id: 'director', managerId: 'ceo' });
    const analyst = aPerson({ id: 'analyst', managerId: 'director' });
    const other = aPerson({ id: 'other', managerId: 'ceo' });
    const people = directory([ceo, director, analyst, other]);
    expect(managerChain('analyst', people)).toEqual(['director', 'ceo']);
    expect(inSameReportingLine('analyst', 'ceo', people)).toBe(true);
    expect(inSameReportingLine('ceo', 'analyst', people)).toBe(true);
    expect(inSameReportingLine('analyst', 'other', people)).toBe(false);
  });

  it('stops on a cycle in bad directory data', () => {
    const a = aPerson({ id: 'a', managerId: 'b' });
    const b = aPerson({ id: 'b', managerId: 'a' });
    expect(managerChain('a', directory([a, b]))).toEqual(['b']);
  });
});
