import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { ProactiveNotifier } from '../../../bot/proactive-notifier';
import { verbs } from '../../../bot/cards/templates';
import { fixedClock } from '../../../src/domain/clock';
import { NotificationDispatcher } from '../../../src/notifications/notification-dispatcher';
import { PacedSender } from '../../../src/notifications/paced-sender';
import { SendPacer } from '../../../src/notifications/pacer';
import { systemTimer } from '../../../src/notifications/timer';
import { aPerson } from '../../fixtures/builders';
import { aBuddy } from '../../fixtures/buddy-builders';
import { botInPersonalChat } from '../../support/proactive-test-adapter';
import { cardProblems } from '../../support/validate-card';
import { botServicesOf, startWorld, type World } from '../../support/world';

// Monday 7 December 2026, 10:00 in Paris.
const at = '2026-12-07T09:00:00.000Z';
let app: World;

beforeAll(async () => {
  app = await startWorld();
});
afterAll(async () => app?.stop());

/** A tenant: Martine asks (French), Léa and Tom help with Excel (Tom speaks English). */
async function aChat() {
  const tenantId = `tenant-${randomUUID()}`;
  const clock = fixedClock(at);
  const { repos } = app;
  await repos.people.create(aPerson({ tenantId, id: 'martine', displayName: 'Martine Chevalier' }));
  for (const [id, name, locale] of [
    ['lea', 'Léa Roux', 'fr'],
    ['tom', 'Tom Walker', 'en'],
  ] as const) {
    await repos.people.create(
      aPerson({
        tenantId,
        id,
        displayName: name,
        preferredLocale: locale,
        email: `${id}@contoso.example`,
      }),
    );
    await repos.buddies.create(aBuddy({ id, tenantId, languages: ['fr', 'en'] }, clock.now()));
  }
  const services = app.servicesAt(clock);
  const { adapter, turnErrors } = botInPersonalChat(botServicesOf(app, services, clock), tenantId);
  const as = (id: string, name: string) => ({ id: `29:${id}`, name, aadObjectId: id });
  return { tenantId, clock, services, adapter, turnErrors, as };
}

type Chat = Awaited<ReturnType<typeof aChat>>;

const message = (from: { id: string; name: string }, text: string, locale: string) =>
  ({ type: 'message', text, locale, from }) as Partial<Activity>;

const invoke = (from: { id: string; name: string }, verb: string, data: object, locale: string) =>
  ({
    type: 'invoke',
    name: 'adaptiveCard/action',
    locale,
    from,
    replyToId: 'card-1',
    value: { action: { type: 'Action.Execute', verb, data } },
  }) as Partial<Activity>;

type InvokeBody = { statusCode: number; type: string; value: unknown };

function invokeCard(activity: Partial<Activity>): Record<string, unknown> {
  expect(activity.type).toBe('invokeResponse');
  const body = (activity.value as { body: InvokeBody }).body;
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  const card = body.value as Record<string, unknown>;
  expect(cardProblems(card)).toEqual([]);
  return card;
}

/** Sends what is queued through the real notifier, as the dispatcher does. */
async function dispatch(chat: Chat) {
  const dispatcher = new NotificationDispatcher({
    queue: app.repos.notifications,
    delivery: new ProactiveNotifier({
      adapter: chat.adapter,
      botAppId: '',
      conversations: app.repos.conversations,
      approvals: chat.services.approvals,
      buddy: chat.services.buddy,
      tabUrl: 'https://mentoring.example/pair',
    }),
    sender: new PacedSender({ pacer: new SendPacer({ timer: systemTimer }), timer: systemTimer }),
    timer: { now: () => Date.parse(at) + 1000, sleep: systemTimer.sleep },
    owner: `test-${chat.tenantId}`,
    batchSize: 1000,
  });
  return dispatcher.sweep();
}

async function greet(chat: Chat, who: { id: string; name: string }, locale: string) {
  await chat.adapter
    .send(message(who, locale.startsWith('fr') ? 'aide' : 'help', locale))
    .assertReply(() => undefined)
    .assertReply(() => undefined);
}

describe('quick help in chat (TestAdapter over Cosmos)', () => {
  it('"coup de main Excel" in French: acknowledged with the topic, offers go out as cards', async () => {
    const chat = await aChat();
    const martine = chat.as('martine', 'Martine Chevalier');
    await greet(chat, chat.as('lea', 'Léa Roux'), 'fr-FR');
    await greet(chat, chat.as('tom', 'Tom Walker'), 'en-GB');
    await chat.adapter
      .send(message(martine, 'coup de main Excel : un tableau croisé dynamique ?', 'fr-FR'))
      .assertReply(() => undefined) // welcome card
      .assertReply((reply) => {
        expect(reply.text).toContain('je cherche quelqu’un pour vous aider sur **Excel avancé**');
      });
    const sent = await dispatch(chat);
    expect(sent).toMatchObject({ sent: 2 });
    const cards = [chat.adapter.getNextReply(), chat.adapter.getNextReply()].map(
      (r) => r?.attachments?.[0]?.content as Record<string, unknown>,
    );
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
    const texts = cards.map((c) => JSON.stringify(c)).sort();
    expect(texts.some((t) => t.includes('Un coup de main sur Excel avancé ?'))).toBe(true);
    expect(texts.some((t) => t.includes('Quick help with Advanced Excel?'))).toBe(true);
    expect(texts.every((t) => t.includes('un tableau croisé dynamique ?'))).toBe(true);
    expect(chat.turnErrors).toEqual([]);
  });

  it('two buddies press Accept at once: one gets the connect card, the other “a colleague took it”', async () => {
    const chat = await aChat();
    const { request } = await chat.services.buddy.ask(
      { tenantId: chat.tenantId, personId: 'martine', locale: 'fr' },
      { topic: 'xls', question: 'Un TCD ?', when: 'now', minutes: 15 },
    );
    const data = { requestId: request.id, kind: 'offer' };
    const replies: Partial<Activity>[] = [];
    await Promise.all([
      chat.adapter
        .send(invoke(chat.as('lea', 'Léa Roux'), verbs.buddyAccept, data, 'fr-FR'))
        .assertReply((r) => void replies.push(r)),
      chat.adapter
        .send(invoke(chat.as('tom', 'Tom Walker'), verbs.buddyAccept, data, 'en-GB'))
        .assertReply((r) => void replies.push(r)),
    ]);
    const cards = replies.map((r) => JSON.stringify(invokeCard(r)));
    const connected = cards.filter(
      (c) => c.includes('Martine Chevalier') && c.includes('teams.microsoft.com/l/chat/0/0'),
    );
    const taken = cards.filter(
      (c) => c.includes('Quelqu’un s’en occupe déjà') || c.includes('A colleague took it'),
    );
    expect(connected).toHaveLength(1);
    expect(taken).toHaveLength(1);
    // The chat link carries the question; the call link and "book" are there too.
    expect(connected[0]).toContain('message=Un%20TCD%20%3F');
    expect(connected[0]).toContain('teams.microsoft.com/l/call/0/0');
    expect(chat.turnErrors).toEqual([]);
  });

  it('in English: "buddy on" lists what they help with, "ask" with no topic asks which, "buddy off"', async () => {
    const chat = await aChat();
    const tom = chat.as('tom', 'Tom Walker');
    await chat.adapter
      .send(message(tom, 'buddy on', 'en-GB'))
      .assertReply(() => undefined)
      .assertReply((reply) =>
        expect(reply.text).toContain(
          'You are available for quick help on: Advanced Excel (at most 3 a week)',
        ),
      )
      .send(message(tom, 'ask', 'en-GB'))
      .assertReply((reply) =>
        expect(reply.text).toContain('Which topic? Type for example **ask Excel**'),
      )
      .send(message(tom, 'ask Photoshop', 'en-GB'))
      .assertReply((reply) => expect(reply.text).toContain('“Photoshop” is not in the catalogue'))
      .send(message(tom, 'buddy off', 'en-GB'))
      .assertReply((reply) =>
        expect(reply.text).toContain('you will not receive quick-help requests'),
      );
    expect(
      (await chat.services.buddy.me({ tenantId: chat.tenantId, personId: 'tom' })).settings.active,
    ).toBe(false);
  });

  it('in French: "dispo coup de main", then a refusal after 5 open requests in plain French', async () => {
    const chat = await aChat();
    const martine = chat.as('martine', 'Martine Chevalier');
    await chat.adapter
      .send(message(martine, 'dispo coup de main', 'fr-FR'))
      .assertReply(() => undefined)
      .assertReply((reply) =>
        expect(reply.text).toContain(
          'Merci ! Vous êtes disponible pour des coups de main sur : tout le numérique',
        ),
      );
    for (const topic of ['Excel', 'Teams', 'Power BI', 'LinkedIn', 'Copilot']) {
      await chat.adapter
        .send(message(martine, `coup de main ${topic}`, 'fr-FR'))
        .assertReply(() => undefined);
    }
    await chat.adapter
      .send(message(martine, 'coup de main Excel', 'fr-FR'))
      .assertReply((reply) =>
        expect(reply.text).toContain('Vous avez déjà une demande en cours sur **Excel avancé**'),
      )
      .send(message(martine, 'coup de main cyber', 'fr-FR'))
      .assertReply((reply) =>
        expect(reply.text).toBe(
          'Vous avez déjà 5 demandes de coup de main en cours. Clôturez-en une avant d’en poser une autre.',
        ),
      );
    expect(chat.turnErrors).toEqual([]);
  });

  it('closing the loop from the card: "Oui, merci" with a note, and the buddy sees their count', async () => {
    const chat = await aChat();
    const martine = { tenantId: chat.tenantId, personId: 'martine', locale: 'fr' as const };
    const { request } = await chat.services.buddy.ask(martine, {
      topic: 'Excel',
      when: 'now',
      minutes: 15,
    });
    await chat.services.buddy.accept({ tenantId: chat.tenantId, personId: 'lea' }, request.id);
    await chat.adapter
      .send(
        invoke(
          chat.as('martine', 'Martine Chevalier'),
          verbs.buddyClose,
          { requestId: request.id, kind: 'close', helped: 'yes', note: 'Merci Léa !' },
          'fr-FR',
        ),
      )
      .assertReply((reply) =>
        expect(JSON.stringify(invokeCard(reply))).toContain('Merci, c’est clôturé.'),
      )
      .send(
        invoke(
          chat.as('lea', 'Léa Roux'),
          verbs.buddyRefresh,
          { requestId: request.id, kind: 'close' },
          'fr-FR',
        ),
      )
      .assertReply((reply) => {
        const card = JSON.stringify(invokeCard(reply));
        expect(card).toContain('Vous avez aidé 1 collègue(s) jusqu’ici');
        expect(card).toContain('Message reçu : « Merci Léa ! »');
      });
  });
});
