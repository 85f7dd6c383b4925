import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { verbs } from '../../../bot/cards/templates';
import { messages } from '../../../bot/messages';
import { fixedClock } from '../../../src/domain/clock';
import { aPerson } from '../../fixtures/builders';
import { aBuddy } from '../../fixtures/buddy-builders';
import { botInPersonalChat } from '../../support/proactive-test-adapter';
import { cardProblems } from '../../support/validate-card';
import { botServicesOf, startWorld, type World } from '../../support/world';

// The card actions the other bot flows do not press: each verb reaches its handler, and what a
// handler throws is answered the same way whichever handler threw it.

const at = '2026-12-07T09:00:00.000Z';
let app: World;

beforeAll(async () => {
  app = await startWorld();
});
afterAll(async () => app?.stop());

/** A tenant where Martine asks for help with Excel and Léa helps with it. */
async function aChat() {
  const tenantId = `tenant-${randomUUID()}`;
  const clock = fixedClock(at);
  const { repos } = app;
  await repos.people.create(aPerson({ tenantId, id: 'martine', displayName: 'Martine Chevalier' }));
  await repos.people.create(aPerson({ tenantId, id: 'lea', displayName: 'Léa Roux' }));
  await repos.buddies.create(aBuddy({ id: 'lea', tenantId, languages: ['fr', 'en'] }, clock.now()));
  const services = app.servicesAt(clock);
  const { adapter, turnErrors } = botInPersonalChat(botServicesOf(app, services, clock), tenantId);
  const martine = { tenantId, personId: 'martine', locale: 'fr' as const };
  const { request } = await services.buddy.ask(martine, {
    topic: 'Excel',
    when: 'now',
    minutes: 15,
  });
  const as = (id: string, name: string) => ({ id: `29:${id}`, name, aadObjectId: id });
  return { tenantId, requestId: request.id, adapter, turnErrors, as };
}

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

function invokeBody(activity: Partial<Activity>): InvokeBody {
  expect(activity.type).toBe('invokeResponse');
  const value = activity.value as { status: number; body: InvokeBody };
  expect(value.status).toBe(200);
  return value.body;
}

function saysMessage(activity: Partial<Activity>, text: string) {
  const body = invokeBody(activity);
  expect(body.type).toBe('application/vnd.microsoft.activity.message');
  expect(body.value).toBe(text);
}

describe('card actions: each verb reaches its handler (TestAdapter over Cosmos)', () => {
  it('"Not now" on an offer: the card says so, on this card and on every device', async () => {
    const chat = await aChat();
    await chat.adapter
      .send(
        invoke(
          chat.as('lea', 'Léa Roux'),
          verbs.buddyPass,
          { requestId: chat.requestId, kind: 'offer' },
          'en-GB',
        ),
      )
      .assertReply((reply) => {
        const body = invokeBody(reply);
        expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
        expect(cardProblems(body.value)).toEqual([]);
        expect(JSON.stringify(body.value)).toContain('Nobody will know you passed.');
      });
    expect(chat.adapter.updates).toHaveLength(1);
    expect(chat.adapter.updates[0]?.id).toBe('card-1');
    expect(chat.turnErrors).toEqual([]);
  });

  it('widening a request that is still being offered answers through replyForError', async () => {
    const chat = await aChat();
    await chat.adapter
      .send(
        invoke(
          chat.as('martine', 'Martine Chevalier'),
          verbs.buddyWiden,
          { requestId: chat.requestId, kind: 'unanswered' },
          'fr-FR',
        ),
      )
      .assertReply((reply) => saysMessage(reply, messages.changedMeanwhile.fr));
    expect(chat.adapter.updates).toHaveLength(0);
    expect(chat.turnErrors).toEqual([]);
  });

  it('"give feedback" with nothing to rate says so; an unknown verb is "no longer valid"', async () => {
    const chat = await aChat();
    const martine = chat.as('martine', 'Martine Chevalier');
    await chat.adapter
      .send(invoke(martine, verbs.openFeedback, { pairId: 'pair-gone', sessionId: 's-1' }, 'en-US'))
      .assertReply((reply) => saysMessage(reply, messages.noFeedbackPending.en))
      .send(invoke(martine, 'mentoring.unknownVerb', {}, 'fr-FR'))
      .assertReply((reply) => saysMessage(reply, messages.invalidAction.fr))
      // A verb named like an object's own key is no handler either.
      .send(invoke(martine, 'constructor', {}, 'en-US'))
      .assertReply((reply) => saysMessage(reply, messages.invalidAction.en));
    expect(chat.turnErrors).toEqual([]);
  });
});
