import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { verbs } from '../../../bot/cards/templates';
import { ProactiveNotifier } from '../../../bot/proactive-notifier';
import { approvalIdFor } from '../../../src/domain/approval';
import { fixedClock } from '../../../src/domain/clock';
import { notificationKey, type Notification } from '../../../src/domain/notification';
import { aPair, aPerson, aProgramme, somePairMembers, aPrincipal } from '../../fixtures/builders';
import type { Repositories } from '../../../src/store/repositories';
import { botServicesOf, startWorld, type World } from '../../support/world';
import { cardProblems } from '../../support/validate-card';
import { botInPersonalChat } from '../../support/proactive-test-adapter';

let world: World;
let repos: Repositories;

beforeAll(async () => {
  world = await startWorld();
  repos = world.repos;
});
afterAll(async () => world?.stop());

/**
 * A pair whose mentee (Sam, manager Sophie) and mentor (Mona, manager Marc) signed revision 1,
 * then changed the agreement to 4 sessions and both signed revision 2 while both requests were
 * still pending: the revision-1 requests are superseded.
 */
async function aWorld() {
  const tenantId = `tenant-${randomUUID()}`;
  const clock = fixedClock('2026-03-05T09:00:00.000Z');
  const people = [
    aPerson({ tenantId, id: 'manager-1', displayName: 'Sophie Laurent' }),
    aPerson({ tenantId, id: 'manager-2', displayName: 'Marc Petit' }),
    aPerson({ tenantId, id: 'mentee-1', displayName: 'Sam Senior', managerId: 'manager-1' }),
    aPerson({ tenantId, id: 'mentor-1', displayName: 'Mona Mentor', managerId: 'manager-2' }),
  ];
  for (const person of people) await repos.people.create(person);
  const programme = aProgramme({ tenantId, name: 'Mentorat inversé 2026' });
  await repos.programmes.create(programme);
  const pair = aPair({
    tenantId,
    programmeId: programme.id,
    state: 'accepted',
    members: somePairMembers(),
  });
  await repos.pairs.create(pair);

  const app = world.servicesAt(clock);
  const pairs = app.pairs;
  const services = botServicesOf(world, app, clock);
  const as = (personId: string) => aPrincipal({ tenantId, personId });
  const signBoth = async (revision: number) => {
    await pairs.sign(as('mentor-1'), pair.id, revision, undefined);
    return pairs.sign(as('mentee-1'), pair.id, revision, undefined);
  };
  await signBoth(1);
  clock.set('2026-03-09T08:00:00.000Z');
  const read = await pairs.dashboard(as('mentor-1'), pair.id);
  await pairs.editAgreement(
    as('mentor-1'),
    pair.id,
    { frame: { ...read.pair.agreement.frame, sessions: 4 } },
    read.version,
  );
  await signBoth(2);

  const { adapter, turnErrors } = botInPersonalChat(services, tenantId);
  const user = (personId: string, name: string) => ({
    id: `29:${personId}`,
    name,
    aadObjectId: personId,
  });
  return {
    tenantId,
    pair,
    services,
    adapter,
    turnErrors,
    user,
    old: approvalIdFor(pair.id, 'mentee-1', 1),
    fresh: approvalIdFor(pair.id, 'mentee-1', 2),
  };
}

function invoke(from: { id: string; name: string }, verb: string, data: object, locale: string) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    locale,
    from,
    replyToId: 'card-message-1',
    value: { action: { type: 'Action.Execute', verb, data } },
  } as Partial<Activity>;
}

/** The card of an invoke response (Universal Actions answer with the card to show). */
function invokeCard(activity: Partial<Activity>): Record<string, unknown> {
  expect(activity.type).toBe('invokeResponse');
  const value = activity.value as {
    status: number;
    body: { statusCode: number; type: string; value: Record<string, unknown> };
  };
  expect(value.status).toBe(200);
  expect(value.body.type).toBe('application/vnd.microsoft.card.adaptive');
  return value.body.value;
}

describe('the bot’s card on a request replaced by a newer one', () => {
  it('Sophie presses Approve on the old card: nothing is decided, the card says the request was replaced, on every device', async () => {
    const w = await aWorld();
    const sophie = w.user('manager-1', 'Sophie Laurent');
    await w.adapter
      .send(invoke(sophie, verbs.approve, { approvalId: w.old, tenantId: w.tenantId }, 'fr-FR'))
      .assertReply((reply) => {
        const card = invokeCard(reply);
        expect(cardProblems(card)).toEqual([]);
        const text = JSON.stringify(card);
        expect(text).toContain('Demande remplacée');
        expect(text).toContain(
          'Cette demande a été remplacée par une plus récente : Sam Senior et Mona Mentor ont modifié leur accord et l’ont signé à nouveau.',
        );
        expect(text).toContain('Remplacée le lundi 9 mars 2026 à 09:00.');
        expect(text).toContain('Votre clic n’a rien changé : décidez la nouvelle demande.');
        // What was asked then: 6 sessions, not the new 4.
        expect(text).toContain('6 séances × 1 h');
        expect(card.actions).toBeUndefined();
      });

    // The message itself now shows the replaced request, without buttons, for every device.
    expect(w.adapter.updates).toHaveLength(1);
    const updated = w.adapter.updates[0]?.attachments?.[0]?.content as Record<string, unknown>;
    expect(w.adapter.updates[0]?.id).toBe('card-message-1');
    expect(JSON.stringify(updated)).toContain('Demande remplacée');
    expect(JSON.stringify(updated)).not.toContain('Votre clic');
    expect(updated.actions).toBeUndefined();

    expect((await repos.approvals.get(w.tenantId, w.old)).value.status).toBe('superseded');
    expect((await repos.approvals.get(w.tenantId, w.fresh)).value.status).toBe('pending');
    expect((await repos.pairs.get(w.tenantId, w.pair.id)).value.state).toBe('awaiting_approval');
    // Nobody is told of a decision that was not taken.
    expect(
      await repos.notifications.query(w.tenantId, { where: "c.kind = 'pair_told_outcome'" }),
    ).toEqual([]);
    expect(w.turnErrors).toEqual([]);
  });

  it('Decline on the old card, even without a comment, gets the same answer, in English', async () => {
    const w = await aWorld();
    await w.adapter
      .send(
        invoke(
          w.user('manager-1', 'Sophie Laurent'),
          verbs.decline,
          { approvalId: w.old, tenantId: w.tenantId },
          'en-US',
        ),
      )
      .assertReply((reply) => {
        const text = JSON.stringify(invokeCard(reply));
        expect(text).toContain('Request replaced');
        expect(text).toContain('This request was replaced by a newer one');
        expect(text).toContain('Your click changed nothing: decide on the new request.');
        expect(text).not.toContain('Please say in the comment why you decline.');
      });
    expect((await repos.approvals.get(w.tenantId, w.old)).value.status).toBe('superseded');
  });

  it('the card’s refresh shows the old request as replaced and the new one to decide', async () => {
    const w = await aWorld();
    const sophie = w.user('manager-1', 'Sophie Laurent');
    await w.adapter
      .send(invoke(sophie, verbs.refreshApproval, { approvalId: w.old }, 'en-US'))
      .assertReply((reply) => {
        const card = invokeCard(reply);
        const text = JSON.stringify(card);
        expect(text).toContain('This request was replaced by a newer one');
        expect(text).not.toContain('Your click changed nothing');
        expect(card.actions).toBeUndefined();
      })
      .send(invoke(sophie, verbs.refreshApproval, { approvalId: w.fresh }, 'en-US'))
      .assertReply((reply) => {
        const card = invokeCard(reply);
        const text = JSON.stringify(card);
        expect(text).toContain('Request for dedicated mentoring time');
        expect(text).toContain('4 sessions');
        expect(text).toContain(verbs.approve);
      });
    expect(w.adapter.updates).toHaveLength(0);
  });

  it('anyone but Sophie pressing the old card gets the refusal, as before', async () => {
    const w = await aWorld();
    await w.adapter
      .send(
        invoke(
          w.user('manager-2', 'Marc Petit'),
          verbs.approve,
          { approvalId: w.old, tenantId: w.tenantId },
          'fr-FR',
        ),
      )
      .assertReply((reply) =>
        expect(JSON.stringify(invokeCard(reply))).toContain('Action réservée au manager'),
      );
    expect(w.adapter.updates).toHaveLength(0);
  });

  it('a card or reminder queued for the old request is not sent; the new request’s is', async () => {
    const w = await aWorld();
    // Sophie talked to the bot before: her conversation is known.
    await w.adapter
      .send({
        type: 'message',
        text: 'aide',
        locale: 'fr-FR',
        from: w.user('manager-1', 'Sophie Laurent'),
      })
      .assertReply(() => undefined)
      .assertReply(() => undefined);
    const notifier = new ProactiveNotifier({
      adapter: w.adapter,
      botAppId: '',
      conversations: repos.conversations,
      approvals: w.services.approvals,
    });
    const due = '2026-03-09T09:00:00.000Z';
    const queued = (kind: 'approval_request' | 'approval_pending', approvalId: string) =>
      ({
        id: notificationKey(kind, approvalId, due),
        tenantId: w.tenantId,
        kind,
        recipientId: 'manager-1',
        pairId: w.pair.id,
        dueAt: due,
        status: 'pending',
        attempts: 0,
        payload: { approvalId },
      }) satisfies Notification;
    for (const kind of ['approval_request', 'approval_pending'] as const) {
      expect(await notifier.prepare(queued(kind, w.old))).toEqual({
        skip: `not_pending: approval ${w.old} is superseded`,
      });
    }
    const fresh = await notifier.prepare(queued('approval_request', w.fresh));
    expect('send' in fresh).toBe(true);
    if (!('send' in fresh)) return;
    await fresh.send();
    const sent = w.adapter.getNextReply();
    expect(JSON.stringify(sent?.attachments?.[0]?.content)).toContain(
      'Demande de temps dédié au mentorat',
    );
    expect(w.turnErrors).toEqual([]);
  });
});
