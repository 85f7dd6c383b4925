import { randomUUID } from 'node:crypto';
import { startTeamsConnector, type TeamsConnector } from '../../../bench/support/teams-connector';
import type { PairResponse } from '../../../src/contracts/pairs';
import { fixedClock } from '../../../src/domain/clock';
import { roleIn } from '../../../src/domain/pair/membership';
import { NotificationPlanner } from '../../../src/notifications/notification-planner';
import { clockTimer } from '../../../src/notifications/timer';
import { demoPersonId } from '../../../src/local/seed/demo-data';
import { startTestApp, type TestApp } from '../../support/app-server';
import { apiClient } from '../api/api-client';
import { demoTenant, pairKit, people } from './pair-kit';

/**
 * Pausing and resuming from the tab (HTTP API) and from the bot (Teams message on /api/messages)
 * is one use case: two equivalent pairs, one driven from each edge, end up alike, pending
 * reminders included. Both run in the real application.
 */

const day = 86_400_000;
// The app's only clock: both edges act at the same instant, so even history times compare.
const clock = fixedClock('2026-03-09T09:00:00.000Z');
/** The bot's pair: two demo people with no pair in the demo data. */
const botSide = { mentor: demoPersonId(11), mentee: demoPersonId(12) };

let app: TestApp;
let api: ReturnType<typeof apiClient>;
let kit: ReturnType<typeof pairKit>;
let connector: TeamsConnector;
const tokens = new Map<string, string>();

beforeAll(async () => {
  app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' }, clock });
  api = apiClient(app.baseUrl);
  kit = pairKit(app, clock);
  await kit.openProgramme();
  for (const personId of [people.mentor, people.mentee, botSide.mentor, botSide.mentee]) {
    tokens.set(personId, await api.signIn(personId));
  }
  connector = await startTeamsConnector();
}, 60_000);

afterAll(async () => {
  await connector?.close();
  await app?.stop();
});

function asPerson<T = PairResponse>(
  personId: string,
  method: string,
  path: string,
  json?: unknown,
) {
  return api.call<T>(method, path, {
    token: tokens.get(personId) ?? '',
    ...(json !== undefined ? { json } : {}),
  });
}

/** An active pair (goals written, both signed) with a session in three days. */
async function activePairWithSession(members: { mentor: string; mentee: string }) {
  const id = await kit.acceptedPair(members);
  const edited = await asPerson(members.mentor, 'PUT', `/api/pairs/${id}/agreement`, {
    menteeGoals: ['Build my sales dashboard'],
    mentorGoals: ['Understand how a region is steered'],
    version: (await asPerson(members.mentor, 'GET', `/api/pairs/${id}/dashboard`)).body.version,
  });
  const { revision } = edited.body.pair.agreement;
  await asPerson(members.mentor, 'POST', `/api/pairs/${id}/agreement/sign`, { revision });
  const signed = await asPerson(members.mentee, 'POST', `/api/pairs/${id}/agreement/sign`, {
    revision,
  });
  expect(signed.body.pair.state).toBe('active');
  const start = new Date(clock.now().getTime() + 3 * day).toISOString();
  const planned = await asPerson(members.mentor, 'POST', `/api/pairs/${id}/sessions`, { start });
  expect(planned.status).toBe(201);
  return id;
}

/** The bot's turn for a message typed in Teams, through the app's Bot Framework endpoint. */
async function say(personId: string, text: string): Promise<string[]> {
  const before = connector.received.length;
  const response = await fetch(`${app.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: connector.url,
      locale: 'fr-FR',
      text,
      from: { id: `29:${personId}`, name: '', aadObjectId: personId },
      recipient: { id: '28:mentoring-bot', name: 'Mentoring' },
      conversation: {
        id: `a:chat-${personId}`,
        conversationType: 'personal',
        tenantId: demoTenant,
      },
      channelData: { tenant: { id: demoTenant } },
    }),
  });
  expect(response.status).toBeLessThan(300);
  return connector.received
    .slice(before)
    .map((r) => String(r.activity.text ?? JSON.stringify(r.activity.attachments)));
}

/** What a member of the pair lives with, comparable across pairs (people become roles). */
async function stateOf(pairId: string) {
  const pair = (await kit.pairs.get(demoTenant, pairId)).value;
  const queued = await app.repos.notifications.query(demoTenant, {
    where: 'c.pairId = @pairId',
    parameters: [{ name: '@pairId', value: pairId }],
  });
  const role = (personId: string) => roleIn(pair, personId);
  return {
    state: pair.state,
    pausedUntil: pair.pausedUntil ?? null,
    history: pair.history.map((h) => ({ from: h.from, to: h.to, at: h.at, by: role(h.by) })),
    sessions: pair.sessions.map((s) => ({ start: s.start, status: s.status })),
    notifications: queued
      .map((n) => `${n.value.kind} ${role(n.value.recipientId)} ${n.value.dueAt} ${n.value.status}`)
      .sort(),
  };
}

/** The scheduler's planning pass (off in the test app), over the app's store. */
async function planReminders() {
  const { repos } = app;
  await new NotificationPlanner({
    tenants: async () => [demoTenant],
    pairs: repos.pairs,
    programmes: repos.programmes,
    people: repos.people,
    approvals: repos.approvals,
    notifications: repos.notifications,
    timer: clockTimer(clock),
  }).planAll();
}

describe('pausing and resuming a pair from the tab or from the bot', () => {
  it('has one effect: the same pair state, and the pending reminders cancelled, either way', async () => {
    const fromTab = await activePairWithSession({ mentor: people.mentor, mentee: people.mentee });
    const fromBot = await activePairWithSession(botSide);
    await planReminders();
    const before = await stateOf(fromTab);
    // 24 h and 15 min before the session, for each member.
    expect(before.notifications).toHaveLength(4);
    expect(before.notifications.every((n) => n.endsWith(' pending'))).toBe(true);
    expect(await stateOf(fromBot)).toEqual(before);

    // The bot pauses for 14 days; the tab is asked for the same date.
    const until = new Date(clock.now().getTime() + 14 * day).toISOString();
    const botReplies = await say(botSide.mentee, 'pause');
    expect(botReplies.join('\n')).toContain('en pause jusqu’au');
    const tabReply = await asPerson(people.mentee, 'POST', `/api/pairs/${fromTab}/pause`, {
      until,
    });
    expect(tabReply.status).toBe(200);

    const paused = await stateOf(fromTab);
    expect(paused).toMatchObject({ state: 'paused', pausedUntil: until });
    expect(paused.notifications).toHaveLength(4);
    expect(paused.notifications.every((n) => n.endsWith(' cancelled'))).toBe(true);
    expect(await stateOf(fromBot)).toEqual(paused);

    // Resumed either way: the same state again, and the scheduler treats both alike.
    clock.advance(60_000);
    expect((await say(botSide.mentee, 'reprendre')).join('\n')).toContain('reprennent');
    const tabResume = await asPerson(people.mentee, 'POST', `/api/pairs/${fromTab}/resume`, {});
    expect(tabResume.status).toBe(200);
    await planReminders();
    const resumed = await stateOf(fromTab);
    expect(resumed).toMatchObject({ state: 'active', pausedUntil: null });
    expect(resumed.history.at(-1)).toMatchObject({ from: 'paused', to: 'active', by: 'mentee' });
    expect(await stateOf(fromBot)).toEqual(resumed);
  });
});
