import type { PairCalendarResponse, SlotsResponse } from '../../../src/contracts/calendar';
import type { PairDashboardResponse, PairResponse } from '../../../src/contracts/pairs';
import { LocalCalendar } from '../../../src/calendar/local-calendar';
import { fixedClock } from '../../../src/domain/clock';
import { parseLocalTime } from '../../../src/domain/calendar/local-time';
import type { CalendarRepository } from '../../../src/store/calendar-repository';
import { demoPersonId } from '../../../src/local/seed/demo-data';
import { demoPairIds } from '../../../src/local/seed/demo-pairs';
import { startTestApp, type TestApp } from '../../support/app-server';
import { apiClient, errorCode } from '../api/api-client';

const tenantId = '11111111-2222-4333-8444-555555555555';
const ethan = demoPersonId(39); // mentor, Toronto
const michel = demoPersonId(35); // mentee, Paris
const martine = demoPersonId(16); // in another pair
const yanis = demoPersonId(28);

// Toronto and Paris share 3 working hours, except in the weeks when only one has changed clocks
// (then 4): the app lives on a fixed day far from a change, so what it explains does not depend on
// the day the suite runs.
const clock = fixedClock('2027-01-13T09:00:00Z');

let app: TestApp;
let api: ReturnType<typeof apiClient>;
let repository: CalendarRepository;

beforeAll(async () => {
  app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' }, clock });
  api = apiClient(app.baseUrl);
  repository = app.repos.calendar;
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

const minutes = (hhmm: string) => parseLocalTime(hhmm);

describe('planning a pair’s sessions in both calendars (local calendar)', () => {
  const pair = demoPairIds.data;
  let slots: SlotsResponse;

  it('proposes the 5 best recurring slots for the Toronto–Paris pair, with both local times in French', async () => {
    const token = await api.signIn(michel);
    const reply = await api.call<SlotsResponse>('GET', `/api/pairs/${pair}/slots?locale=fr`, {
      token,
    });
    expect(reply.status).toBe(200);
    slots = reply.body;
    expect(slots).toMatchObject({
      pairId: pair,
      provider: 'local',
      organiser: { personId: ethan, displayName: 'Ethan Walker' },
      // 6 agreed, 1 held: 5 to book, every two weeks, 60 minutes.
      frame: { sessions: 5, durationMinutes: 60, frequency: 'biweekly' },
      none: null,
      booked: false,
    });
    expect(slots.proposals).toHaveLength(5);
    for (const proposal of slots.proposals) {
      const [me, partner] = proposal.times;
      expect(me).toMatchObject({ personId: michel, isMe: true, timeZone: 'Europe/Paris' });
      expect(partner).toMatchObject({ personId: ethan, isMe: false, timeZone: 'America/Toronto' });
      // Inside both working days, in each one's own zone.
      for (const t of [me!, partner!]) {
        expect(minutes(t.start)).toBeGreaterThanOrEqual(9 * 60);
        expect(minutes(t.end)).toBeLessThanOrEqual(18 * 60);
      }
      expect(proposal.slot).toMatchObject({
        timeZone: 'America/Toronto',
        frequency: 'biweekly',
        count: 5,
        durationMinutes: 60,
      });
      expect(proposal.occurrences).toBe(5);
      // Ethan prefers Toronto afternoons (evenings in Paris, outside Michel's working day).
      expect(proposal.preferredByBoth).toBe(false);
      expect(proposal.occurrencesLabel).toBe('5 séances');
      expect(proposal.cadenceLabel).toBe('toutes les deux semaines');
      expect(proposal.summary).toContain('pour vous');
      expect(proposal.summary).toContain('Ethan Walker');
      expect(new Date(proposal.firstStart).getTime()).toBeGreaterThan(
        clock.now().getTime() + 23 * 3_600_000,
      );
    }
  });

  it('says plainly why nothing fits: sessions longer than the hours Toronto and Paris share', async () => {
    const token = await api.signIn(ethan);
    const edit = async (durationMinutes: number) => {
      const dashboard = await api.call<PairDashboardResponse>(
        'GET',
        `/api/pairs/${pair}/dashboard`,
        { token },
      );
      const frame = { ...dashboard.body.pair.agreement.frame, durationMinutes };
      const reply = await api.call('PUT', `/api/pairs/${pair}/agreement`, {
        token,
        json: { frame, version: dashboard.body.version },
      });
      expect(reply.status).toBe(200);
    };
    await edit(240);
    const reply = await api.call<SlotsResponse>('GET', `/api/pairs/${pair}/slots?locale=en`, {
      token,
    });
    await edit(60);
    expect(reply.status).toBe(200);
    expect(reply.body.proposals).toEqual([]);
    expect(reply.body.none?.code).toBe('frame_too_long');
    expect(reply.body.none?.message).toContain(
      'Sessions of 240 minutes are longer than the 180 minutes',
    );
  });

  it('answers a person outside the pair as if the pair did not exist', async () => {
    const token = await api.signIn(martine);
    const reply = await api.call('GET', `/api/pairs/${pair}/slots`, { token });
    expect(reply.status).toBe(404);
    expect(errorCode(reply)).toBe('pair_not_found');
  });

  it('books the chosen slot: one series in Ethan’s calendar, the sessions linked, the pair versioned', async () => {
    const token = await api.signIn(michel);
    const chosen = slots.proposals[1]!;
    const reply = await api.call<PairCalendarResponse>('POST', `/api/pairs/${pair}/booking`, {
      token,
      json: { slot: chosen.slot },
    });
    expect(reply.status).toBe(201);
    expect(reply.etag?.replace(/^W\//, '')).toBe(reply.body.version);
    expect(reply.body.series).toMatchObject({
      organiserId: ethan,
      organiserName: 'Ethan Walker',
      provider: 'local',
      icsPath: `/api/pairs/${pair}/calendar.ics`,
    });
    expect(reply.body.canBook).toBe(false);
    const planned = reply.body.sessions.filter((s) => s.status === 'planned');
    expect(planned).toHaveLength(5);
    expect(planned.every((s) => s.calendarEventId !== null)).toBe(true);
    expect(planned[0]!.start).toBe(chosen.firstStart);
    // The session planned by hand kept its id (and agenda), now on the series' first occurrence.
    expect(planned[0]!.id).toBe(`${pair}-s2`);
    expect(reply.body.sessions.filter((s) => s.status === 'held')).toHaveLength(1);

    const stored = await repository.get(tenantId, reply.body.series!.seriesId);
    expect(stored.value).toMatchObject({
      pairId: pair,
      organiser: { id: ethan },
      attendees: [{ id: michel }],
      rule: chosen.slot,
    });
    expect(stored.value.subject).toContain('Python notebooks for market research');
    expect(stored.value.tabUrl).toBe(`${app.server.config.publicUrl}/plan?pair=${pair}`);
    expect(stored.value.occurrences.map((o) => o.start)).toEqual(planned.map((s) => s.start));

    // The pair dashboard shows the same sessions, linked to the calendar.
    const dashboard = await api.call<PairDashboardResponse>('GET', `/api/pairs/${pair}/dashboard`, {
      token: await api.signIn(ethan),
    });
    expect(dashboard.etag?.replace(/^W\//, '')).toBe(reply.body.version);
    expect(
      dashboard.body.pair.sessions
        .filter((s) => s.status === 'planned')
        .map((s) => s.calendarEventId),
    ).toEqual(planned.map((s) => s.calendarEventId));
  });

  it('a double click books once: the same slot again answers the series, another slot is refused', async () => {
    const token = await api.signIn(ethan);
    const chosen = slots.proposals[1]!;
    const [a, b] = await Promise.all([
      api.call<PairCalendarResponse>('POST', `/api/pairs/${pair}/booking`, {
        token,
        json: { slot: chosen.slot },
      }),
      api.call<PairCalendarResponse>('POST', `/api/pairs/${pair}/booking`, {
        token,
        json: { slot: chosen.slot },
      }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.sessions).toHaveLength(6);
    expect(a.body.series?.seriesId).toBe(b.body.series?.seriesId);
    const series = await repository.query(tenantId, {
      where: 'c.pairId = @pairId',
      parameters: [{ name: '@pairId', value: pair }],
    });
    expect(series).toHaveLength(1);

    const other = await api.call('POST', `/api/pairs/${pair}/booking`, {
      token,
      json: { slot: slots.proposals[0]!.slot },
    });
    expect(other.status).toBe(409);
    expect(errorCode(other)).toBe('already_exists');
  });

  it('refuses non-members on every calendar route, and anyone without a token', async () => {
    const token = await api.signIn(yanis);
    const session = `${pair}-s2`;
    const calls: [string, string, unknown?][] = [
      ['GET', `/api/pairs/${pair}/calendar`],
      ['POST', `/api/pairs/${pair}/booking`, { slot: slots.proposals[0]!.slot }],
      [
        'POST',
        `/api/pairs/${pair}/sessions/${session}/reschedule`,
        { start: slots.proposals[0]!.firstStart },
      ],
      ['POST', `/api/pairs/${pair}/calendar/refresh`],
      ['GET', `/api/pairs/${pair}/calendar.ics`],
    ];
    for (const [method, path, json] of calls) {
      const refused = await api.call(method, path, { token, ...(json ? { json } : {}) });
      expect(refused.status, `${method} ${path}`).toBe(404);
      expect(errorCode(refused)).toBe('pair_not_found');
      const anonymous = await api.call(method, path, json ? { json } : {});
      expect(anonymous.status, `${method} ${path} without a token`).toBe(401);
    }
  });

  it('reschedules one session in the calendar and the pair; the others stay', async () => {
    const token = await api.signIn(michel);
    const before = await api.call<PairCalendarResponse>('GET', `/api/pairs/${pair}/calendar`, {
      token,
    });
    const second = before.body.sessions.filter((s) => s.status === 'planned')[1]!;
    const start = new Date(Date.parse(second.start) + 86_400_000).toISOString();
    const reply = await api.call<PairCalendarResponse>(
      'POST',
      `/api/pairs/${pair}/sessions/${second.id}/reschedule?locale=en`,
      { token, json: { start } },
    );
    expect(reply.status).toBe(200);
    const moved = reply.body.sessions.find((s) => s.id === second.id)!;
    expect(moved).toMatchObject({ start, calendarEventId: second.calendarEventId });
    expect(moved.times[0]).toMatchObject({ isMe: true, timeZone: 'Europe/Paris' });
    const stored = await repository.get(tenantId, reply.body.series!.seriesId);
    const occurrence = stored.value.occurrences.find(
      (o) => o.occurrenceKey === second.calendarEventId,
    );
    expect(occurrence?.start).toBe(start);
    const unchanged = before.body.sessions.filter((s) => s.id !== second.id);
    for (const s of unchanged) {
      expect(reply.body.sessions.find((x) => x.id === s.id)?.start).toBe(s.start);
    }

    const past = await api.call('POST', `/api/pairs/${pair}/sessions/${second.id}/reschedule`, {
      token,
      json: { start: '2020-01-01T10:00:00Z' },
    });
    expect(past.status).toBe(400);
    const held = await api.call('POST', `/api/pairs/${pair}/sessions/${pair}-s1/reschedule`, {
      token,
      json: { start },
    });
    expect(held.status).toBe(409);
    expect(errorCode(held)).toBe('invalid_transition');
  });

  it('a refresh picks up an occurrence moved and one declined in the calendar', async () => {
    const token = await api.signIn(ethan);
    const current = await api.call<PairCalendarResponse>('GET', `/api/pairs/${pair}/calendar`, {
      token,
    });
    const planned = current.body.sessions.filter((s) => s.status === 'planned');
    const [, , third, fourth] = planned;
    const series = current.body.series!;
    const local = new LocalCalendar({ repository, tenantId, clock });
    const ref = {
      seriesId: series.seriesId,
      organiser: {
        id: ethan,
        email: 'x',
        displayName: 'Ethan Walker',
        timeZone: 'America/Toronto',
        workingHours: [],
      },
    };
    const later = new Date(Date.parse(third!.start) + 2 * 3_600_000).toISOString();
    await local.rescheduleOccurrence({
      series: ref,
      occurrenceKey: third!.calendarEventId!,
      start: later,
    });
    const michelEmail = (await repository.get(tenantId, series.seriesId)).value.attendees[0]!.email;
    await local.respond(ref, fourth!.calendarEventId!, michelEmail, 'declined');

    const refreshed = await api.call<PairCalendarResponse>(
      'POST',
      `/api/pairs/${pair}/calendar/refresh`,
      { token },
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.changes).toEqual(
      expect.arrayContaining([
        { kind: 'moved', sessionId: third!.id, start: later },
        { kind: 'declined', sessionId: fourth!.id, personId: michel },
      ]),
    );
    expect(refreshed.body.sessions.find((s) => s.id === third!.id)?.start).toBe(later);
    expect(refreshed.body.sessions.find((s) => s.id === fourth!.id)?.declinedBy).toEqual([michel]);
    expect(refreshed.etag?.replace(/^W\//, '')).toBe(refreshed.body.version);
    expect(refreshed.body.version).not.toBe(current.body.version);
  });

  it('downloads the series as an .ics file for a member', async () => {
    const token = await api.signIn(michel);
    const response = await fetch(`${app.baseUrl}/api/pairs/${pair}/calendar.ics`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(response.headers.get('content-disposition')).toContain(`mentoring-${pair}.ics`);
    const body = await response.text();
    expect(body).toMatch(/^BEGIN:VCALENDAR/);
    expect(body).toContain('RRULE:FREQ=WEEKLY;INTERVAL=2');
    expect(body).toContain('Ethan Walker');
    // The moved occurrence overrides the series.
    expect(body).toContain('RECURRENCE-ID');
  });

  it('cancels the rest of the series when the pair pauses, and forgets it so the pair can book again', async () => {
    const token = await api.signIn(michel);
    const before = await api.call<PairCalendarResponse>('GET', `/api/pairs/${pair}/calendar`, {
      token,
    });
    const seriesId = before.body.series!.seriesId;
    const until = new Date(clock.now().getTime() + 60 * 86_400_000).toISOString().slice(0, 10);
    const paused = await api.call<PairResponse>('POST', `/api/pairs/${pair}/pause`, {
      token,
      json: { until },
    });
    expect(paused.status).toBe(200);
    // The pause's answer already shows the sessions cancelled, with the version after them.
    expect(paused.body.pair.sessions.map((s) => s.status)).toEqual([
      'held',
      ...Array(5).fill('cancelled'),
    ]);
    const after = await api.call<PairCalendarResponse>('GET', `/api/pairs/${pair}/calendar`, {
      token,
    });
    expect(after.body.version).toBe(paused.body.version);
    expect(after.body.series).toBeNull();
    expect(after.body.canBook).toBe(false);
    const stored = await repository.get(tenantId, seriesId);
    expect(stored.value.occurrences.every((o) => o.cancelled)).toBe(true);
    // Nothing left to cancel: a refresh changes nothing.
    const again = await api.call<PairCalendarResponse>(
      'POST',
      `/api/pairs/${pair}/calendar/refresh`,
      { token },
    );
    expect(again.body.changes).toEqual([]);
    expect(again.body.version).toBe(paused.body.version);
    const slotsWhilePaused = await api.call('GET', `/api/pairs/${pair}/slots`, { token });
    expect(slotsWhilePaused.status).toBe(409);
    expect(errorCode(slotsWhilePaused)).toBe('invalid_transition');

    // Resumed, the pair books again; the first date of the cancelled series is not offered again
    // (the calendars key a series by pair and first date) and is refused if sent.
    expect((await api.call('POST', `/api/pairs/${pair}/resume`, { token })).status).toBe(200);
    const resumed = await api.call<SlotsResponse>('GET', `/api/pairs/${pair}/slots`, { token });
    expect(resumed.status).toBe(200);
    const cancelledFirst = slots.proposals[1]!;
    expect(resumed.body.proposals.map((p) => p.firstStart)).not.toContain(
      cancelledFirst.firstStart,
    );
    expect(resumed.body.proposals.map((p) => p.rank)).toEqual(
      resumed.body.proposals.map((_, i) => i + 1),
    );
    const reused = await api.call('POST', `/api/pairs/${pair}/booking`, {
      token,
      json: { slot: cancelledFirst.slot },
    });
    expect(reused.status).toBe(400);
    const rebooked = await api.call<PairCalendarResponse>('POST', `/api/pairs/${pair}/booking`, {
      token,
      json: { slot: resumed.body.proposals[0]!.slot },
    });
    expect(rebooked.status).toBe(201);
    expect(rebooked.body.series?.seriesId).not.toBe(seriesId);
    expect(rebooked.body.sessions.filter((s) => s.status === 'planned')).toHaveLength(5);
  });
});

describe('the Power BI pair', () => {
  it('a double click on the first booking books once, onto the 3 sessions planned by hand, keeping their agendas', async () => {
    const pair = demoPairIds.powerBi;
    const token = await api.signIn(martine);
    const slots = await api.call<SlotsResponse>('GET', `/api/pairs/${pair}/slots`, { token });
    expect(slots.status).toBe(200);
    expect(slots.body.frame.sessions).toBe(3);
    expect(slots.body.proposals.length).toBeGreaterThan(0);
    const slot = slots.body.proposals[0]!.slot;
    const replies = await Promise.all(
      [1, 2].map(() =>
        api.call<PairCalendarResponse>('POST', `/api/pairs/${pair}/booking`, {
          token,
          json: { slot },
        }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 201]);
    const [booked] = replies;
    expect(booked!.body.sessions.map((s) => s.id)).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => `${pair}-s${n}`),
    );
    const series = await repository.query(tenantId, {
      where: 'c.pairId = @pairId',
      parameters: [{ name: '@pairId', value: pair }],
    });
    expect(series).toHaveLength(1);
    const dashboard = await api.call<PairDashboardResponse>('GET', `/api/pairs/${pair}/dashboard`, {
      token,
    });
    const s4 = dashboard.body.pair.sessions.find((s) => s.id === `${pair}-s4`)!;
    expect(s4.agenda).toBe('Publier le rapport et le partager dans Teams');
    expect(s4.calendarEventId).toBe(slots.body.proposals[0]!.firstStart);
  });
});
