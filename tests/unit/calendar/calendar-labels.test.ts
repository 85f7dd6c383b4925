import type { MemberTime } from '../../../src/contracts/calendar';
import {
  dateLabel,
  memberTime,
  proposalSummary,
} from '../../../src/services/calendar/calendar-labels';

const start = '2026-03-17T09:00:00.000Z';
const end = '2026-03-17T10:00:00.000Z';
const louise = { personId: 'louise', displayName: 'Louise Nicolas', timeZone: 'Europe/Paris' };
const pierre = { personId: 'pierre', displayName: 'Pierre Gaillard', timeZone: 'Europe/Paris' };
const ethan = { personId: 'ethan', displayName: 'Ethan Walker', timeZone: 'America/Toronto' };
const times = (locale: 'en' | 'fr', ...members: (typeof louise)[]): MemberTime[] =>
  members.map((m) => memberTime(locale, m, 'louise', start, end));

describe('calendar labels', () => {
  it('writes dates the British way in English and the French way in French', () => {
    expect(dateLabel('en', start, 'Europe/Paris')).toBe('Tuesday, 17 March 2026');
    expect(dateLabel('fr', start, 'Europe/Paris')).toBe('mardi 17 mars 2026');
  });

  it('gives the partner’s time only when they are in another time zone', () => {
    const first = dateLabel('en', start, 'Europe/Paris');
    expect(proposalSummary('en', 'biweekly', times('en', louise, pierre), 6, first)).toBe(
      'Every two weeks on Tuesday, 10:00–11:00 for you; 6 sessions from Tuesday, 17 March 2026.',
    );
    expect(proposalSummary('en', 'biweekly', times('en', louise, ethan), 6, first)).toBe(
      'Every two weeks on Tuesday, 10:00–11:00 for you and 05:00–06:00 for Ethan Walker (America/Toronto); 6 sessions from Tuesday, 17 March 2026.',
    );
    expect(
      proposalSummary(
        'fr',
        'weekly',
        times('fr', louise, pierre),
        6,
        dateLabel('fr', start, 'Europe/Paris'),
      ),
    ).toBe(
      'Chaque semaine le mardi, 10:00–11:00 pour vous ; 6 séances à partir du mardi 17 mars 2026.',
    );
  });
});
