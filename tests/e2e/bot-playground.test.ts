import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createBotAdapter, createBotEndpoint } from '../../bot/bot-endpoint';
import { MentoringBot } from '../../bot/mentoring-bot';
import { ProactiveNotifier } from '../../bot/proactive-notifier';
import { verbs } from '../../bot/cards/templates';
import { systemClock } from '../../src/domain/clock';
import { notificationKey } from '../../src/domain/notification';
import { NotificationDispatcher } from '../../src/notifications/notification-dispatcher';
import { PacedSender } from '../../src/notifications/paced-sender';
import { SendPacer } from '../../src/notifications/pacer';
import { systemTimer } from '../../src/notifications/timer';
import type { ConversationRepository } from '../../src/store/conversation-repository';
import type { NotificationRepository } from '../../src/store/notification-repository';
import { aPair, aPerson, aProgramme, aSession, anApproval } from '../fixtures/builders';
import { botServicesOf, startWorld, type World } from '../support/world';
import { startPlayground, type Playground, type PlaygroundEvent } from '../support/playground';

// The mock tenant of tests/fixtures/playground/.m365agentsplayground.yml.
const tenantId = '00000000-0000-0000-0000-0000000000001';
const chat = '__PERSONAL_CHAT_ID__';
// Bernard's personal chat holds only him; the others meet the bot in the group chat.
const groupChat = '__GROUP_CHAT_ID__';
const bernard = { user: 'user-id-0', aad: '00000000-0000-0000-0000-0000000000020' };
const sophie = { user: 'user-id-1', aad: '00000000-0000-0000-0000-0000000000021' };
const lea = { user: 'user-id-2', aad: '00000000-0000-0000-0000-0000000000022' };
const marc = { user: 'user-id-3', aad: '00000000-0000-0000-0000-0000000000023' };

let world: World;
let server: ServerType;
let playground: Playground;
let dispatcher: NotificationDispatcher;
let notifications: NotificationRepository;
let conversations: ConversationRepository;
let approvalId: string;
let pairId: string;
let sessionStart: string;
const turnErrors: unknown[] = [];

beforeAll(async () => {
  world = await startWorld();
  const { people, programmes, pairs, approvals } = world.repos;
  ({ conversations, notifications } = world.repos);

  for (const [person, name, managerId] of [
    [bernard, 'Bernard Martin', sophie.aad],
    [sophie, 'Sophie Laurent', null],
    [lea, 'Léa Dubois', null],
    [marc, 'Marc Petit', sophie.aad],
  ] as const) {
    await people.create(
      aPerson({ tenantId, id: person.aad, displayName: name, managerId, timeZone: 'Europe/Paris' }),
    );
  }
  const programme = aProgramme({ tenantId, name: 'Mentorat inversé 2027' });
  await programmes.create(programme);
  const start = new Date(Date.now() + 3 * 24 * 3600_000);
  start.setUTCHours(13, 0, 0, 0);
  sessionStart = start.toISOString();
  const pair = aPair({
    tenantId,
    programmeId: programme.id,
    mentorId: lea.aad,
    menteeId: bernard.aad,
    state: 'awaiting_approval',
    sessions: [aSession({ id: 'session-1', start: start.toISOString() })],
  });
  pairId = pair.id;
  await pairs.create(pair);
  const approval = anApproval({
    tenantId,
    pairId: pair.id,
    personId: bernard.aad,
    managerId: sophie.aad,
    requestedBy: bernard.aad,
    createdAt: new Date().toISOString(),
  });
  approvalId = approval.id;
  await approvals.create(approval);

  // The tab's services, wired as src/app wires them.
  const app = world.services;
  const services = botServicesOf(world, app, systemClock);
  const adapter = createBotAdapter({}, (_message, error) => turnErrors.push(error));
  const endpoint = createBotEndpoint({ adapter, bot: new MentoringBot({ services }) });
  server = serve({ fetch: (request) => endpoint(request), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;

  dispatcher = new NotificationDispatcher({
    queue: notifications,
    delivery: new ProactiveNotifier({
      adapter,
      botAppId: '',
      conversations,
      approvals: app.approvals,
    }),
    sender: new PacedSender({ pacer: new SendPacer({ timer: systemTimer }), timer: systemTimer }),
    timer: systemTimer,
    owner: 'e2e',
  });
  playground = await startPlayground(`http://127.0.0.1:${port}/api/messages`);
});

afterAll(async () => {
  await playground?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await world?.stop();
});

afterEach(() => expect(turnErrors).toEqual([]));

/** Bot messages created in the chat, newest last. */
const created = (event: PlaygroundEvent) => event.action === 'createMessage';
const messageOf = (event: PlaygroundEvent) =>
  event.message as { messageId: string; text?: string; attachments?: Array<{ content: unknown }> };
const contentOf = (event: PlaygroundEvent) => JSON.stringify(messageOf(event));

async function say(from: string, text: string) {
  const response = await playground.post(`/_conversation/v1/conversations/${chat}/messages`, {
    from: { id: from },
    text,
    textFormat: 'plain',
  });
  expect(response.status).toBe(200);
}

async function sayAs(person: { user: string; aad: string }, name: string, text: string) {
  const template = await playground.get<Record<string, unknown>>(
    `/_internal/v1/customActivities/template?conversationId=${groupChat}`,
  );
  const response = await playground.post('/_internal/v1/customActivities', {
    ...template,
    type: 'message',
    text,
    locale: 'en-US',
    from: { id: person.user, aadObjectId: person.aad, name },
  });
  expect(response.status).toBeLessThan(300);
}

async function press(from: string, replyToId: string, verb: string, data: object) {
  return playground.post<{ statusCode?: number; type?: string; value?: unknown }>(
    '/_conversation/v1/invoke',
    {
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data } },
      from: { id: from },
      conversation: { id: groupChat },
      replyToId,
    },
  );
}

function after(count: number, match: (event: PlaygroundEvent) => boolean) {
  return (event: PlaygroundEvent) => playground.events.indexOf(event) >= count && match(event);
}

describe('the bot in the Microsoft 365 Agents Playground', () => {
  it('install → a welcome card with the person’s name', async () => {
    const response = await playground.post(`/_debug/conversation/${chat}/installation`, {});
    expect(response.status).toBe(200);
    const welcome = await playground.waitFor(
      (e) => created(e) && contentOf(e).includes('Welcome to Mentoring, Bernard!'),
    );
    expect(messageOf(welcome).attachments?.[0]?.content).toMatchObject({
      type: 'AdaptiveCard',
      version: '1.5',
    });
  });

  it('"next session" is answered with the planned session', async () => {
    const seen = playground.events.length;
    await say(bernard.user, 'next session');
    const answer = await playground.waitFor(
      after(seen, (e) => created(e) && contentOf(e).includes('Your next session')),
    );
    expect(messageOf(answer).text).toContain('Léa Dubois');
    // 13:00 UTC shown in Bernard's time zone (Europe/Paris), whatever the season.
    const local = new Intl.DateTimeFormat('en-GB', {
      timeStyle: 'short',
      timeZone: 'Europe/Paris',
    }).format(new Date(sessionStart));
    expect(messageOf(answer).text).toContain(local);
  });

  it('"ask Excel" in chat gets an acknowledgement naming the topic', async () => {
    const seen = playground.events.length;
    await say(bernard.user, 'ask Excel');
    const answer = await playground.waitFor(
      after(seen, (e) => created(e) && contentOf(e).includes('help you with')),
    );
    // "Excel" matched to the catalogue's skill, named in Bernard's language.
    expect(messageOf(answer).text).toContain('**Advanced Excel**');
    const [request] = await world.services.buddy.myRequests({ tenantId, personId: bernard.aad });
    expect(request).toMatchObject({ topic: { skillId: 'excel-advanced' }, when: 'now', minutes: 15 });
  });

  it('the manager gets the approval card proactively, another person is refused, the manager approves and the card updates', async () => {
    // Sophie and Marc talk to the bot once (in the group chat, through the custom-activity API),
    // which stores how to reach them.
    await sayAs(sophie, 'Sophie Laurent', 'help');
    await sayAs(marc, 'Marc Petit', 'help');
    await notifications.schedule({
      id: notificationKey('approval_request', approvalId, new Date(Date.now() - 1000)),
      tenantId,
      kind: 'approval_request',
      recipientId: sophie.aad,
      pairId,
      dueAt: new Date(Date.now() - 1000).toISOString(),
      status: 'pending',
      attempts: 0,
      payload: { approvalId },
    });
    const seen = playground.events.length;
    expect(await dispatcher.sweep()).toMatchObject({ sent: 1 });
    const card = await playground.waitFor(
      after(seen, (e) => created(e) && contentOf(e).includes(verbs.approve)),
    );
    expect(contentOf(card)).toContain('Bernard Martin');
    expect(contentOf(card)).toContain('6 sessions × 1 h, every 2 weeks');
    const cardId = messageOf(card).messageId;
    const data = { approvalId, tenantId };

    const refused = await press(marc.user, cardId, verbs.approve, data);
    expect(refused, JSON.stringify(refused)).toMatchObject({ status: 200 });
    expect(JSON.stringify(refused.body)).toContain('Only Sophie Laurent can approve or decline');

    const beforeApprove = playground.events.length;
    const approved = await press(sophie.user, cardId, verbs.approve, { ...data, comment: 'Go!' });
    expect(approved.status).toBe(200);
    expect(JSON.stringify(approved.body)).toContain('Mentoring time approved');
    const updated = await playground.waitFor(
      after(
        beforeApprove,
        (e) => e.action === 'updateMessage' && contentOf(e).includes('Approved by Sophie Laurent'),
      ),
    );
    expect(contentOf(updated)).toContain('Comment: Go!');

    const again = await press(sophie.user, cardId, verbs.approve, data);
    expect(JSON.stringify(again.body)).toContain('This request was already decided.');

    // Bernard is told, proactively.
    const beforeTold = playground.events.length;
    expect(await dispatcher.sweep()).toMatchObject({ sent: 1 });
    await playground.waitFor(
      after(
        beforeTold,
        (e) =>
          created(e) &&
          contentOf(e).includes('Sophie Laurent approved your mentoring time with Léa Dubois'),
      ),
    );
  });

  it('a reminder reaches the chat proactively', async () => {
    const startsAt = new Date(Date.now() + 15 * 60_000).toISOString();
    await notifications.schedule({
      id: notificationKey('reminder_before_session', `${pairId}.session-1.e2e`, startsAt),
      tenantId,
      kind: 'reminder_before_session',
      recipientId: bernard.aad,
      pairId,
      dueAt: new Date(Date.now() - 1000).toISOString(),
      status: 'pending',
      attempts: 0,
      payload: {
        partnerName: 'Léa Dubois',
        startsAt,
        durationMinutes: 60,
        leadMinutes: 15,
        timeZone: 'Europe/Paris',
      },
    });
    const seen = playground.events.length;
    expect(await dispatcher.sweep()).toMatchObject({ sent: 1 });
    const reminder = await playground.waitFor(
      after(seen, (e) => created(e) && contentOf(e).includes('Session in 15 minutes')),
    );
    expect(contentOf(reminder)).toContain('Your session with Léa Dubois starts');
  });

  it('answers in French once Teams says the person reads French (and keeps to it for later reminders)', async () => {
    const seen = playground.events.length;
    const template = await playground.get<Record<string, unknown>>(
      `/_internal/v1/customActivities/template?conversationId=${chat}`,
    );
    const response = await playground.post('/_internal/v1/customActivities', {
      ...template,
      type: 'message',
      text: 'Prochaine séance ?',
      locale: 'fr-FR',
      from: { id: bernard.user, aadObjectId: bernard.aad, name: 'Bernard Martin' },
    });
    expect(response.status).toBeLessThan(300);
    const answer = await playground.waitFor(
      after(
        seen,
        (e) => created(e) && contentOf(e).includes('Votre prochaine séance avec Léa Dubois'),
      ),
    );
    const stored = await conversations.ofPerson(tenantId, bernard.aad);
    expect(stored?.value.locale).toBe('fr');
    expect(messageOf(answer).text).toMatch(/\d{1,2} \p{L}+ \d{4}/u);
  });
});
