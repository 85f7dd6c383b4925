import { countHelp } from '../../../../src/domain/buddy/buddy-settings';
import { startRound } from '../../../../src/domain/buddy/help-request';
import { eligibleBuddies, exclusionOf, type Asker } from '../../../../src/domain/buddy/ranking';
import { aBuddy, aHelpRequest } from '../../../fixtures/buddy-builders';

// Monday 7 December 2026, 09:00 in Paris (08:00 UTC) = 03:00 in Toronto.
const nineInParis = new Date('2026-12-07T08:00:00Z');
const asker: Asker = {
  id: 'asker-1',
  managerId: 'boss-1',
  reportIds: new Set(['report-1']),
  languages: ['fr'],
};

const ids = (request = aHelpRequest(), buddies = [aBuddy()], now = nineInParis) =>
  eligibleBuddies(request, asker, buddies, now).map((b) => b.settings.id);

describe('who may be offered a request', () => {
  it('a "now" request at 09:00 in Paris is not offered to a buddy in Toronto at 03:00', () => {
    const toronto = aBuddy({
      id: 'toronto',
      timeZone: 'America/Toronto',
      languages: ['fr', 'en'],
      quietHours: null,
    });
    const paris = aBuddy({ id: 'paris' });
    expect(exclusionOf(aHelpRequest(), asker, toronto, nineInParis)).toBe('outside_working_hours');
    expect(ids(aHelpRequest(), [toronto, paris])).toEqual(['paris']);
  });

  it('the same Toronto buddy may take a request for this week once widened, but never in quiet hours', () => {
    const toronto = aBuddy({ id: 'toronto', timeZone: 'America/Toronto', quietHours: null });
    const later = { ...aHelpRequest({ when: 'this_week' }), widened: true };
    expect(ids(later, [toronto])).toEqual(['toronto']);
    const sleeping = aBuddy({ id: 'toronto', timeZone: 'America/Toronto' });
    expect(exclusionOf(later, asker, sleeping, nineInParis)).toBe('quiet_hours');
  });

  it('never the asker, their direct manager or their direct report', () => {
    expect(exclusionOf(aHelpRequest(), asker, aBuddy({ id: 'asker-1' }), nineInParis)).toBe(
      'asker',
    );
    expect(exclusionOf(aHelpRequest(), asker, aBuddy({ id: 'boss-1' }), nineInParis)).toBe(
      'hierarchy',
    );
    expect(exclusionOf(aHelpRequest(), asker, aBuddy({ id: 'report-1' }), nineInParis)).toBe(
      'hierarchy',
    );
  });

  it('never someone at their weekly cap, paused or switched off', () => {
    let busy = aBuddy({ id: 'busy', weeklyCap: 2 });
    busy = countHelp(countHelp(busy, nineInParis), nineInParis);
    expect(exclusionOf(aHelpRequest(), asker, busy, nineInParis)).toBe('at_cap');
    // A new week starts the count again.
    expect(
      exclusionOf(aHelpRequest(), asker, busy, new Date('2026-12-14T08:00:00Z')),
    ).toBeUndefined();
    const paused = aBuddy({ pausedUntil: '2026-12-10T00:00:00.000Z' });
    expect(exclusionOf(aHelpRequest(), asker, paused, nineInParis)).toBe('paused');
    expect(exclusionOf(aHelpRequest(), asker, aBuddy({ active: false }), nineInParis)).toBe(
      'inactive',
    );
  });

  it('never in their quiet hours, in their own time zone', () => {
    const early = aBuddy({ quietHours: { start: '18:00', end: '09:30' } });
    expect(exclusionOf(aHelpRequest(), asker, early, nineInParis)).toBe('quiet_hours');
    expect(
      exclusionOf(aHelpRequest(), asker, early, new Date('2026-12-07T09:00:00Z')),
    ).toBeUndefined();
  });

  it('needs a shared language until widened, and the skill or "anything digital"', () => {
    const english = aBuddy({ id: 'en', languages: ['en-GB'] });
    expect(exclusionOf(aHelpRequest(), asker, english, nineInParis)).toBe('no_shared_language');
    const teams = aBuddy({ id: 'teams', skills: [{ skillId: 'teams', level: 5 }] });
    expect(exclusionOf(aHelpRequest(), asker, teams, nineInParis)).toBe('no_skill');
    const generalist = aBuddy({ id: 'all', skills: [], anythingDigital: true });
    expect(ids(aHelpRequest({ topicText: 'Photoshop' }), [teams, generalist])).toEqual(['all']);
  });

  it('is not offered twice to the same buddy', () => {
    const offered = startRound(aHelpRequest(), ['buddy-1'], nineInParis);
    expect(exclusionOf(offered, asker, aBuddy(), nineInParis)).toBe('already_offered');
  });
});

describe('ranking', () => {
  it('by skill level, then fewest helps this week', () => {
    const expert = aBuddy({ id: 'expert', skills: [{ skillId: 'excel-advanced', level: 5 }] });
    const helpful = countHelp(aBuddy({ id: 'helpful' }), nineInParis);
    const fresh = aBuddy({ id: 'fresh' });
    const generalist = aBuddy({ id: 'generalist', skills: [], anythingDigital: true });
    expect(ids(aHelpRequest(), [generalist, helpful, fresh, expert])).toEqual([
      'expert',
      'fresh',
      'helpful',
      'generalist',
    ]);
  });
});
