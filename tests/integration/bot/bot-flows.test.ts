import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { ProactiveNotifier } from '../../../bot/proactive-notifier';
import { verbs } from '../../../bot/cards/templates';
import { messages } from '../../../bot/messages';
import { fixedClock } from '../../../src/domain/clock';
import { notificationKey, type Notification } from '../../../src/domain/notification';
import { NotificationDispatcher } from '../../../src/notifications/notification-dispatcher';
import { PacedSender } from '../../../src/notifications/paced-sender';
import { SendPacer } from '../../../src/notifications/pacer';
import { systemTimer } from '../../../src/notifications/timer';
import { aPair, aPerson, aProgramme, aSession, anApproval } from '../../fixtures/builders';
import { cardProblems } from '../../support/validate-card';
import type { Repositories } from '../../../src/store/repositories';
import { botServicesOf, startWorld, type World as AppWorld } from '../../support/world';
import { botInPersonalChat } from '../../support/proactive-test-adapter';

const now = '2026-03-12T09:00:00.000Z';
let app: AppWorld;
let repos: Repositories;

beforeAll(async () => {
  app = await startWorld();
  repos = app.repos;
});
afterAll(async () => app?.stop());

/** A tenant with a mentee, a mentor, the mentee's manager, a colleague, a pair and an approval. */
async function aWorld(at = now) {
  const tenantId = `tenant-${randomUUID()}`;
  const clock = fixedClock(at);
  const mentee = aPerson({
    tenantId,
    id: 'mentee-1',
    displayName: 'Bernard Martin',
    managerId: 'manager-1',
  });
  const mentor = aPerson({
    tenantId,
    id: 'mentor-1',
    displayName: 'Léa Dubois',
    preferredLocale: 'en',
  });
  const manager = aPerson({ tenantId, id: 'manager-1', displayName: 'Sophie Laurent' });
  const colleague = aPerson({ tenantId, id: 'other-1', displayName: 'Marc Petit' });
  for (const person of [mentee, mentor, manager, colleague]) await repos.people.create(person);
  const programme = aProgramme({ tenantId, name: 'Mentorat inversé 2026' });
  await repos.programmes.create(programme);
  const held = aSession({
    id: 'session-1',
    index: 1,
    start: '2026-03-10T09:00:00.000Z',
    status: 'held',
  });
  const planned = aSession({ id: 'session-2', index: 2, start: '2026-03-24T13:00:00.000Z' });
  const pair = aPair({
    tenantId,
    programmeId: programme.id,
    mentorId: mentor.id,
    menteeId: mentee.id,
    state: 'awaiting_approval',
    sessions: [held, planned],
  });
  await repos.pairs.create(pair);
  const approval = anApproval({
    tenantId,
    pairId: pair.id,
    personId: mentee.id,
    managerId: manager.id,
    requestedBy: mentee.id,
  });
  await repos.approvals.create(approval);

  // The tab's services, wired as src/app wires them.
  const services = botServicesOf(app, app.servicesAt(clock), clock);
  const { adapter, turnErrors } = botInPersonalChat(services, tenantId);
  const as = (personId: string, name: string) => ({
    id: `29:${personId}`,
    name,
    aadObjectId: personId,
  });
  return { tenantId, clock, pair, approval, programme, services, adapter, turnErrors, as };
}

type World = Awaited<ReturnType<typeof aWorld>>;

function message(world: World, from: { id: string; name: string }, text: string, locale = 'fr-FR') {
  return { type: 'message', text, locale, from } as Partial<Activity>;
}

function invoke(
  world: World,
  from: { id: string; name: string },
  verb: string,
  data: object,
  locale = 'fr-FR',
) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    locale,
    from,
    replyToId: 'card-message-1',
    value: { action: { type: 'Action.Execute', verb, data } },
  } as Partial<Activity>;
}

/** The next activity the bot sent outside a TestFlow (proactive sends). */
function nextReply(world: World): Partial<Activity> {
  const reply = world.adapter.getNextReply();
  if (!reply) throw new Error('the bot sent nothing');
  return reply;
}

type InvokeBody = { statusCode: number; type: string; value: unknown };

function invokeBody(activity: Partial<Activity>): InvokeBody {
  expect(activity.type).toBe('invokeResponse');
  const value = activity.value as { status: number; body: InvokeBody };
  expect(value.status).toBe(200);
  return value.body;
}

function cardText(activity: Partial<Activity>): string {
  return JSON.stringify(activity.attachments?.[0]?.content ?? activity.value);
}

describe('the bot over Cosmos (TestAdapter)', () => {
  it('stores the conversation reference on the first message, greets once, and answers', async () => {
    const world = await aWorld();
    const bernard = world.as('mentee-1', 'Bernard Martin');
    await world.adapter
      .send(message(world, bernard, 'aide'))
      .assertReply((reply) => {
        expect(cardText(reply)).toContain('Bienvenue dans Mentoring, Bernard');
        expect(cardProblems(reply.attachments?.[0]?.content)).toEqual([]);
      })
      .assertReply((reply) => expect(reply.text).toContain('Voici ce que je sais faire'))
      .send(message(world, bernard, 'aide'))
      .assertReply((reply) => expect(reply.text).toContain('Voici ce que je sais faire'));

    const stored = await repos.conversations.ofPerson(world.tenantId, 'mentee-1');
    expect(stored?.value).toMatchObject({
      personId: 'mentee-1',
      locale: 'fr',
      reference: {
        conversation: { id: `a:chat-${world.tenantId}`, tenantId: world.tenantId },
        user: { id: '29:mentee-1', aadObjectId: 'mentee-1' },
      },
    });
    expect(world.turnErrors).toEqual([]);
  });

  it('keeps the one-to-one chat: a message in a group chat does not redirect private cards there', async () => {
    const world = await aWorld();
    const bernard = world.as('mentee-1', 'Bernard Martin');
    await world.adapter
      .send(message(world, bernard, 'aide'))
      .assertReply(() => undefined)
      .assertReply(() => undefined)
      .send({
        ...message(world, bernard, 'aide'),
        conversation: {
          id: `19:group-${world.tenantId}`,
          isGroup: true,
          name: 'Équipe',
          conversationType: 'groupChat',
          tenantId: world.tenantId,
        },
      })
      .assertReply(() => undefined);
    const stored = await repos.conversations.ofPerson(world.tenantId, 'mentee-1');
    expect(stored?.value.reference.conversation.id).toBe(`a:chat-${world.tenantId}`);
  });

  it('greets on install (installationUpdate) and stores the reference', async () => {
    const world = await aWorld();
    await world.adapter
      .send({
        type: 'installationUpdate',
        action: 'add',
        locale: 'en-US',
        from: world.as('mentor-1', 'Léa Dubois'),
      })
      .assertReply((reply) => expect(cardText(reply)).toContain('Welcome to Mentoring, Léa!'));
    expect(await repos.conversations.ofPerson(world.tenantId, 'mentor-1')).toBeDefined();
  });

  it('answers "prochaine séance" with the next planned session in the person’s time zone', async () => {
    const world = await aWorld();
    const lea = world.as('mentor-1', 'Léa Dubois');
    await world.adapter
      .send(message(world, lea, 'next session', 'en-GB'))
      .assertReply(() => undefined) // welcome card
      .assertReply((reply) => {
        expect(reply.text).toContain('Your next session with Bernard Martin');
        // 13:00 UTC is 14:00 in Paris (the builders' time zone).
        expect(reply.text).toContain('Tuesday, 24 March 2026 at 14:00');
        expect(reply.text).toContain('Power BI for a sales director');
      });
  });

  it('pauses the pair’s reminders, cancels what was pending, and resumes', async () => {
    const world = await aWorld();
    await repos.pairs.update(world.tenantId, world.pair.id, (p) => ({ ...p, state: 'active' }));
    const dueAt = '2026-03-23T13:00:00.000Z';
    await repos.notifications.schedule({
      id: notificationKey('reminder_before_session', 'session-2', dueAt),
      tenantId: world.tenantId,
      kind: 'reminder_before_session',
      recipientId: 'mentee-1',
      pairId: world.pair.id,
      dueAt,
      status: 'pending',
      attempts: 0,
      payload: {},
    });
    const bernard = world.as('mentee-1', 'Bernard Martin');
    await world.adapter
      .send(message(world, bernard, 'Pause'))
      .assertReply(() => undefined)
      .assertReply((reply) => {
        expect(reply.text).toContain('en pause jusqu’au');
        expect(reply.text).toContain('Léa Dubois');
      });
    expect((await repos.pairs.get(world.tenantId, world.pair.id)).value.state).toBe('paused');
    const [reminder] = await repos.notifications.query(world.tenantId);
    expect(reminder?.value.status).toBe('cancelled');

    await world.adapter
      .send(message(world, bernard, 'reprendre'))
      .assertReply((reply) => expect(reply.text).toContain('reprennent'));
    expect((await repos.pairs.get(world.tenantId, world.pair.id)).value.state).toBe('active');
  });

  it('"feedback" opens the card for the last session without feedback; the card writes it on the pair', async () => {
    const world = await aWorld();
    await repos.pairs.update(world.tenantId, world.pair.id, (p) => ({ ...p, state: 'active' }));
    const bernard = world.as('mentee-1', 'Bernard Martin');
    await world.adapter
      .send(message(world, bernard, 'feedback'))
      .assertReply(() => undefined)
      .assertReply((reply) => {
        const text = cardText(reply);
        expect(text).toContain('Séance avec Léa Dubois le 10 mars 2026.');
        expect(text).toContain(verbs.submitFeedback);
      })
      // No rating: the card comes back asking for one, nothing written.
      .send(
        invoke(world, bernard, verbs.submitFeedback, {
          pairId: world.pair.id,
          sessionId: 'session-1',
        }),
      )
      .assertReply((reply) =>
        expect(JSON.stringify(invokeBody(reply).value)).toContain('Choisissez une note'),
      )
      .send(
        invoke(world, bernard, verbs.submitFeedback, {
          pairId: world.pair.id,
          sessionId: 'session-1',
          rating: '4',
          whatWorked: 'Des exemples concrets',
          suggestion: 'Plus de pratique',
        }),
      )
      .assertReply((reply) => {
        const body = invokeBody(reply);
        expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
        expect(JSON.stringify(body.value)).toContain('Merci pour votre avis');
      });

    const pair = (await repos.pairs.get(world.tenantId, world.pair.id)).value;
    expect(pair.feedback).toEqual([
      expect.objectContaining({
        sessionId: 'session-1',
        fromId: 'mentee-1',
        toId: 'mentor-1',
        rating: 4,
        worked: 'Des exemples concrets',
        suggestion: 'Plus de pratique',
      }),
    ]);
    expect(world.adapter.updates).toHaveLength(1);
    await world.adapter
      .send(message(world, bernard, 'feedback'))
      .assertReply((reply) => expect(reply.text).toContain('Aucune séance n’attend votre avis'));
  });

  it('a card button for a pair that is not yours, or a request that is gone, answers through replyForError', async () => {
    const world = await aWorld();
    const marc = world.as('other-1', 'Marc Petit');
    const says = (reply: Partial<Activity>, text: string) => {
      const body = invokeBody(reply);
      expect(body.type).toBe('application/vnd.microsoft.activity.message');
      expect(body.value).toBe(text);
    };
    await world.adapter
      // not_pair_member: Marc is not in the pair.
      .send(
        invoke(world, marc, verbs.submitFeedback, {
          pairId: world.pair.id,
          sessionId: 'session-1',
          rating: '4',
        }),
      )
      .assertReply((reply) => says(reply, messages.invalidAction.fr))
      // not_found: no such approval.
      .send(invoke(world, marc, verbs.refreshApproval, { approvalId: 'approval-gone' }, 'en-US'))
      .assertReply((reply) => says(reply, messages.invalidAction.en));
    expect((await repos.pairs.get(world.tenantId, world.pair.id)).value.feedback).toEqual([]);
    expect(world.turnErrors).toEqual([]);
  });

  it('only the manager can approve: anyone else gets a refusal card and nothing changes', async () => {
    const world = await aWorld();
    const data = { approvalId: world.approval.id, tenantId: world.tenantId };
    await world.adapter
      .send(invoke(world, world.as('other-1', 'Marc Petit'), verbs.approve, data))
      .assertReply((reply) => {
        const text = JSON.stringify(invokeBody(reply).value);
        expect(text).toContain('Action réservée au manager');
        expect(text).toContain(
          'Cette demande ne peut être approuvée ou refusée que par Sophie Laurent.',
        );
      })
      // The mentee cannot approve their own time either.
      .send(invoke(world, world.as('mentee-1', 'Bernard Martin'), verbs.approve, data))
      .assertReply((reply) =>
        expect(JSON.stringify(invokeBody(reply).value)).toContain('Action réservée'),
      );
    expect((await repos.approvals.get(world.tenantId, world.approval.id)).value.status).toBe(
      'pending',
    );
    expect(world.adapter.updates).toHaveLength(0);
  });

  it('the manager approves: the card shows the outcome, the pair starts, the person is told; a second click sees the decision', async () => {
    const world = await aWorld();
    const sophie = world.as('manager-1', 'Sophie Laurent');
    const data = { approvalId: world.approval.id, tenantId: world.tenantId };
    await world.adapter
      .send(invoke(world, sophie, verbs.approve, { ...data, comment: 'Bonne idée' }))
      .assertReply((reply) => {
        const card = invokeBody(reply).value;
        expect(cardProblems(card)).toEqual([]);
        const text = JSON.stringify(card);
        expect(text).toContain('Temps de mentorat approuvé');
        expect(text).toContain('Approuvé par Sophie Laurent le jeudi 12 mars 2026 à 10:00.');
        expect(text).toContain('Bonne idée');
      })
      .send(invoke(world, sophie, verbs.approve, data))
      .assertReply((reply) =>
        expect(JSON.stringify(invokeBody(reply).value)).toContain(
          'Cette demande a déjà été traitée.',
        ),
      )
      // Declining afterwards (another device with a stale card) shows the decision taken.
      .send(invoke(world, sophie, verbs.decline, { ...data, comment: 'Finalement non' }))
      .assertReply((reply) => {
        const text = JSON.stringify(invokeBody(reply).value);
        expect(text).toContain('Temps de mentorat approuvé');
        expect(text).toContain('Cette demande a déjà été traitée.');
      });

    const approval = (await repos.approvals.get(world.tenantId, world.approval.id)).value;
    expect(approval).toMatchObject({
      status: 'approved',
      decidedBy: 'manager-1',
      comment: 'Bonne idée',
    });
    expect((await repos.pairs.get(world.tenantId, world.pair.id)).value.state).toBe('active');
    // The message itself was updated once, for every device.
    expect(world.adapter.updates).toHaveLength(1);
    expect(world.adapter.updates[0]?.id).toBe('card-message-1');
    const told = await repos.notifications.query(world.tenantId, {
      where: "c.kind = 'pair_told_outcome'",
    });
    expect(told.map((n) => n.value.recipientId).sort()).toEqual(['mentee-1', 'mentor-1']);
  });

  it('declining needs a comment; with one, it is declined and the card says so', async () => {
    const world = await aWorld();
    const sophie = world.as('manager-1', 'Sophie Laurent');
    const data = { approvalId: world.approval.id, tenantId: world.tenantId };
    await world.adapter
      .send(invoke(world, sophie, verbs.decline, data, 'en-US'))
      .assertReply((reply) =>
        expect(JSON.stringify(invokeBody(reply).value)).toContain(
          'Please say in the comment why you decline.',
        ),
      )
      .send(invoke(world, sophie, verbs.decline, { ...data, comment: 'Busy quarter' }, 'en-US'))
      .assertReply((reply) => {
        const text = JSON.stringify(invokeBody(reply).value);
        expect(text).toContain('Mentoring time declined');
        expect(text).toContain('Comment: Busy quarter');
      });
    expect((await repos.approvals.get(world.tenantId, world.approval.id)).value.status).toBe(
      'declined',
    );
    expect((await repos.pairs.get(world.tenantId, world.pair.id)).value.state).toBe(
      'awaiting_approval',
    );
  });

  it('the refresh action shows the manager the current state of the request', async () => {
    const world = await aWorld();
    await world.adapter
      .send(
        invoke(world, world.as('manager-1', 'Sophie Laurent'), verbs.refreshApproval, {
          approvalId: world.approval.id,
        }),
      )
      .assertReply((reply) => {
        const text = JSON.stringify(invokeBody(reply).value);
        expect(text).toContain('Demande de temps dédié au mentorat');
        expect(text).toContain(verbs.approve);
      });
  });

  it('sends due notifications proactively: the approval request reaches the manager, the outcome the person', async () => {
    // A day earlier than the other tests, whose notifications share this database and are
    // therefore not yet due for this test's scheduler.
    const at = '2026-03-11T09:00:00.000Z';
    const world = await aWorld(at);
    // Both have talked to the bot before.
    await world.adapter
      .send(message(world, world.as('manager-1', 'Sophie Laurent'), 'aide'))
      .assertReply(() => undefined)
      .assertReply(() => undefined)
      .send(message(world, world.as('mentee-1', 'Bernard Martin'), 'help', 'en-US'))
      .assertReply(() => undefined)
      .assertReply(() => undefined)
      .send(message(world, world.as('mentor-1', 'Léa Dubois'), 'aide'))
      .assertReply(() => undefined)
      .assertReply(() => undefined);

    const request: Notification = {
      id: notificationKey('approval_request', world.approval.id, at),
      tenantId: world.tenantId,
      kind: 'approval_request',
      recipientId: 'manager-1',
      pairId: world.pair.id,
      dueAt: at,
      status: 'pending',
      attempts: 0,
      payload: { approvalId: world.approval.id },
    };
    await repos.notifications.schedule(request);

    const dispatcher = new NotificationDispatcher({
      queue: repos.notifications,
      delivery: new ProactiveNotifier({
        adapter: world.adapter,
        botAppId: '',
        conversations: repos.conversations,
        approvals: world.services.approvals,
      }),
      sender: new PacedSender({ pacer: new SendPacer({ timer: systemTimer }), timer: systemTimer }),
      timer: { now: () => Date.parse(at) + 1000, sleep: systemTimer.sleep },
      owner: 'test-instance',
    });
    expect(await dispatcher.sweep()).toMatchObject({ claimed: 1, sent: 1 });
    {
      const reply = nextReply(world);
      const card = reply.attachments?.[0]?.content as Record<string, unknown>;
      expect(cardProblems(card)).toEqual([]);
      expect(JSON.stringify(card)).toContain('Demande de temps dédié au mentorat');
      expect(card.refresh).toMatchObject({ userIds: ['29:manager-1'] });
      expect(reply.conversation?.id).toBe(`a:chat-${world.tenantId}`);
    }

    // The manager approves; both members are told, each in their language.
    await world.adapter
      .send(
        invoke(world, world.as('manager-1', 'Sophie Laurent'), verbs.approve, {
          approvalId: world.approval.id,
        }),
      )
      .assertReply(() => undefined);
    expect(await dispatcher.sweep()).toMatchObject({ claimed: 2, sent: 2 });
    const told = [nextReply(world).text, nextReply(world).text];
    expect(told).toContain('Sophie Laurent approved your mentoring time with Léa Dubois.');
    expect(told).toContain(
      'Sophie Laurent, manager de Bernard Martin, a approuvé le temps de mentorat de votre binôme.',
    );
    expect(world.turnErrors).toEqual([]);
    const stored = await repos.notifications.get(world.tenantId, request.id);
    expect(stored.value.status).toBe('sent');
  });
});
