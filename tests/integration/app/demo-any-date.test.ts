import type { ApprovalListResponse } from '../../../src/contracts/approvals';
import type { ProgrammeListResponse } from '../../../src/contracts/programmes';
import type { PairDashboardResponse } from '../../../src/contracts/pairs';
import { fixedClock } from '../../../src/domain/clock';
import { toLocal } from '../../../src/domain/calendar/local-time';
import { demoPersonId, demoProgrammeId } from '../../../src/local/seed/demo-data';
import { demoPairIds } from '../../../src/local/seed/demo-pairs';
import { startTestApp } from '../../support/app-server';
import { apiClient } from '../api/api-client';

const tenant = '11111111-2222-4333-8444-555555555555';

/**
 * `npm start` on any day gives a newcomer the same demo: the app loads it relative to its clock.
 * Dates that broke fixed or naive dates: a Friday evening (tomorrow is Saturday), a Saturday, a
 * Sunday, the nights European clocks change, 29 February, New Year's Eve, a year from now.
 */
const dates = [
  '2026-12-04T18:00:00Z',
  '2027-01-09T10:00:00Z',
  '2027-01-10T23:30:00Z',
  '2027-03-28T01:30:00Z',
  '2027-10-31T01:30:00Z',
  '2028-02-29T12:00:00Z',
  '2027-12-31T23:00:00Z',
  '2031-06-15T08:00:00Z',
];

describe('the demo data loaded at any date', () => {
  it.each(dates)(
    'on %s: a pair with a next session, a pending approval, a programme open for enrolment, sessions on working days',
    async (at) => {
      const clock = fixedClock(at);
      const app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' }, clock });
      try {
        const api = apiClient(app.baseUrl);
        const now = clock.now().getTime();

        // Martine's Power BI pair: held sessions behind, the next one ahead.
        const martine = await api.signIn(demoPersonId(16));
        const dashboard = await api.call<PairDashboardResponse>(
          'GET',
          `/api/pairs/${demoPairIds.powerBi}/dashboard`,
          { token: martine },
        );
        expect(dashboard.status).toBe(200);
        const { pair } = dashboard.body;
        expect(pair.state).toBe('active');
        expect(pair.nextSession).toBeTruthy();
        expect(Date.parse(pair.nextSession!.start)).toBeGreaterThan(now);
        const held = pair.sessions.filter((s) => s.status === 'held');
        expect(held.length).toBeGreaterThan(0);
        expect(held.every((s) => Date.parse(s.start) < now)).toBe(true);

        // Sylvie Garnier has Romain's request to decide.
        const sylvie = await api.signIn(demoPersonId(3));
        const approvals = await api.call<ApprovalListResponse>('GET', '/api/approvals', {
          token: sylvie,
        });
        expect(approvals.status).toBe(200);
        const pending = approvals.body.approvals.filter((a) => a.canDecide);
        expect(pending.map((a) => a.pairId)).toEqual([demoPairIds.linkedIn]);
        expect(pending[0]!.request.from >= toLocal(now, 'Europe/Paris').date).toBe(true);

        // Claire's programme is open for enrolment and starts later than today.
        const claire = await api.signIn(demoPersonId(5));
        const programmes = await api.call<ProgrammeListResponse>('GET', '/api/programmes', {
          token: claire,
        });
        const demo = programmes.body.programmes.find((p) => p.id === demoProgrammeId);
        expect(demo).toMatchObject({ status: 'enrolling', canManage: true });
        expect(demo!.startDate > toLocal(now, 'Europe/Paris').date).toBe(true);
        expect(demo!.endDate > demo!.startDate).toBe(true);

        // Every demo session falls on a working day for both members.
        const pairs = await app.repos.pairs.query(tenant, {
          where: 'true',
          parameters: [],
        });
        const sessions = pairs.flatMap(({ value: p }) =>
          p.sessions.flatMap((s) =>
            [p.members!.mentor.timeZone, p.members!.mentee.timeZone].map((zone) => ({
              id: s.id,
              zone,
              weekday: toLocal(Date.parse(s.start), zone).weekday,
            })),
          ),
        );
        expect(sessions.length).toBeGreaterThan(6);
        expect(sessions.filter((s) => s.weekday === 'sat' || s.weekday === 'sun')).toEqual([]);
      } finally {
        await app.stop();
      }
    },
  );
});
