import { randomUUID } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { Server as HttpsServer } from 'node:https';
import type { Activity } from 'botbuilder';
import { verbs } from '../../../bot/cards/templates';
import { approvalIdFor } from '../../../src/domain/approval';
import { fixedClock } from '../../../src/domain/clock';
import { isDomainError } from '../../../src/domain/errors';
import { signAgreement } from '../../../src/domain/pair/agreement';
import type { Pair } from '../../../src/domain/pair/schema';
import { planPairNotifications } from '../../../src/notifications/notification-plan';
import {
  aPair,
  aPerson,
  aProgramme,
  aSession,
  somePairMembers,
  aPrincipal,
} from '../../fixtures/builders';
import type { Repositories } from '../../../src/store/repositories';
import { botServicesOf, startWorld, type World } from '../../support/world';
import { botInPersonalChat } from '../../support/proactive-test-adapter';

let world: World;
let repos: Repositories;

beforeAll(async () => {
  world = await startWorld();
  repos = world.repos;
});
afterAll(async () => world?.stop());

// Thursday 5 March 2026, 10:00 in Paris.
const thursday = '2026-03-05T09:00:00.000Z';

type WorldOptions = {
  at?: string;
  managerApprovalRequired?: boolean;
  /** Which members have a manager in the directory (default both). */
  managed?: { mentor: boolean; mentee: boolean };
  pair?: Partial<Pair>;
  /** The programme's dates (default: the builder's). */
  programmeDates?: { startDate: string; endDate: string };
};

/**
 * A tenant with a mentor (manager: Marc), a mentee in Montréal (manager: Sophie), an accepted
 * pair with an unsigned agreement, and the real services over the local Cosmos server.
 */
async function aWorld(options: WorldOptions = {}) {
  const tenantId = `tenant-${randomUUID()}`;
  const clock = fixedClock(options.at ?? thursday);
  const managed = options.managed ?? { mentor: true, mentee: true };
  const people = [
    aPerson({ tenantId, id: 'manager-mentor', displayName: 'Marc Petit' }),
    aPerson({ tenantId, id: 'manager-mentee', displayName: 'Sophie Laurent' }),
    aPerson({
      tenantId,
      id: 'mentor-1',
      displayName: 'Mona Mentor',
      managerId: managed.mentor ? 'manager-mentor' : null,
    }),
    aPerson({
      tenantId,
      id: 'mentee-1',
      displayName: 'Sam Senior',
      timeZone: 'America/Montreal',
      managerId: managed.mentee ? 'manager-mentee' : null,
    }),
  ];
  for (const person of people) await repos.people.create(person);
  const programme = aProgramme({
    tenantId,
    name: 'Mentorat inversé 2026',
    managerApprovalRequired: options.managerApprovalRequired ?? true,
    ...options.programmeDates,
  });
  await repos.programmes.create(programme);
  const pair = aPair({
    tenantId,
    programmeId: programme.id,
    state: 'accepted',
    members: somePairMembers(),
    ...options.pair,
  });
  await repos.pairs.create(pair);
  const services = world.servicesAt(clock);
  const { approvals, pairs } = services;
  const as = (personId: string) => aPrincipal({ tenantId, personId });
  const signBoth = async (revision = 1) => {
    await pairs.sign(as('mentor-1'), pair.id, revision, undefined);
    return pairs.sign(as('mentee-1'), pair.id, revision, undefined);
  };
  const stored = async () =>
    (await repos.approvals.ofPair(tenantId, pair.id))
      .map((a) => a.value)
      .sort((a, b) => a.id.localeCompare(b.id));
  const manager = (personId: string) => ({ tenantId, personId });
  return { tenantId, clock, pair, services, pairs, approvals, as, signBoth, stored, manager };
}

describe('asking the managers when both members sign', () => {
  it('the second signature moves the pair to awaiting approval and asks each member’s manager once', async () => {
    const w = await aWorld();
    const signed = await w.signBoth();
    expect(signed.pair.state).toBe('awaiting_approval');

    const asked = await w.stored();
    expect(asked.map((a) => [a.id, a.personId, a.managerId, a.status])).toEqual([
      [approvalIdFor(w.pair.id, 'mentee-1', 1), 'mentee-1', 'manager-mentee', 'pending'],
      [approvalIdFor(w.pair.id, 'mentor-1', 1), 'mentor-1', 'manager-mentor', 'pending'],
    ]);
    // The second signer asked; 6 sessions of 60 min every 2 weeks from the next working day.
    expect(asked[0]).toMatchObject({
      requestedBy: 'mentee-1',
      agreementRevision: 1,
      request: {
        sessions: 6,
        durationMinutes: 60,
        frequency: 'biweekly',
        from: '2026-03-06',
        to: '2026-05-15',
        totalMinutes: 360,
      },
    });

    // Signing again (a double click, a retry) asks nobody twice and changes nothing.
    const again = await w.pairs.sign(w.as('mentee-1'), w.pair.id, 1, undefined);
    expect(again.version).toBe(signed.version);
    expect(await w.stored()).toHaveLength(2);
  });

  it('asks for time from the next working day: signed on a Friday, the request starts on Monday', async () => {
    const w = await aWorld({ at: '2026-03-06T15:00:00.000Z' });
    await w.signBoth();
    const [mentee, mentor] = await w.stored();
    expect(mentee?.request.from).toBe('2026-03-09');
    expect(mentor?.request.from).toBe('2026-03-09');
  });

  it('never asks for time from before the programme starts, even with a session booked earlier', async () => {
    // Signed on Thursday 5 March for a programme that starts on Monday 13 April.
    const programmeDates = { startDate: '2026-04-13', endDate: '2026-09-30' };
    const w = await aWorld({ programmeDates });
    await w.signBoth();
    const [mentee, mentor] = await w.stored();
    expect(mentee?.request.from).toBe('2026-04-13');
    expect(mentor?.request).toMatchObject({ from: '2026-04-13', to: '2026-06-22' });

    const early = aSession({ id: 's-1', index: 1, start: '2026-03-20T09:00:00.000Z' });
    const booked = await aWorld({ programmeDates, pair: { sessions: [early] } });
    await booked.signBoth();
    expect((await booked.stored()).map((a) => a.request.from)).toEqual([
      '2026-04-13',
      '2026-04-13',
    ]);
  });

  it('asks for time from the first planned session when the pair already booked one, on each member’s own calendar day', async () => {
    // 02:00 UTC on 17 March: still 16 March in Montréal.
    const first = aSession({ id: 's-1', index: 1, start: '2026-03-17T02:00:00.000Z' });
    const w = await aWorld({ pair: { sessions: [first] } });
    await w.signBoth();
    const [mentee, mentor] = await w.stored();
    expect(mentee?.request.from).toBe('2026-03-16');
    expect(mentor?.request.from).toBe('2026-03-17');
  });

  it('asks only the manager there is when one member has none in the directory', async () => {
    const w = await aWorld({ managed: { mentor: false, mentee: true } });
    const signed = await w.signBoth();
    expect(signed.pair.state).toBe('awaiting_approval');
    expect((await w.stored()).map((a) => a.managerId)).toEqual(['manager-mentee']);
  });

  it('starts the pair at once when no member has a manager in the directory: nobody could decide', async () => {
    const w = await aWorld({ managed: { mentor: false, mentee: false } });
    const signed = await w.signBoth();
    expect(signed.pair.state).toBe('active');
    expect(await w.stored()).toEqual([]);
  });

  it('asks nobody when the programme does not require manager approval', async () => {
    const w = await aWorld({ managerApprovalRequired: false });
    const signed = await w.signBoth();
    expect(signed.pair.state).toBe('active');
    expect(await w.stored()).toEqual([]);
  });

  it('requests made by a signature whose pair write then failed are neither listed nor decidable, and the retried signature asks nobody twice', async () => {
    const w = await aWorld();
    await w.pairs.sign(w.as('mentor-1'), w.pair.id, 1, undefined);
    // The mentee's first attempt got as far as asking the managers, then its write failed.
    const loaded = await repos.pairs.get(w.tenantId, w.pair.id);
    await w.approvals.requestFor(loaded.value, 'mentee-1');
    expect(await w.stored()).toHaveLength(2);
    expect((await w.approvals.ofManager(w.manager('manager-mentee'))).approvals).toEqual([]);
    await expect(
      w.approvals.decide(
        w.manager('manager-mentee'),
        approvalIdFor(w.pair.id, 'mentee-1', 1),
        'approved',
        undefined,
      ),
    ).rejects.toMatchObject({ code: 'invalid_transition' });

    const retried = await w.pairs.sign(w.as('mentee-1'), w.pair.id, 1, undefined);
    expect(retried.pair.state).toBe('awaiting_approval');
    expect(await w.stored()).toHaveLength(2);
    expect((await w.approvals.ofManager(w.manager('manager-mentee'))).approvals).toHaveLength(1);
  });
});

describe('deciding', () => {
  it('only the manager asked decides; a decline needs a comment', async () => {
    const w = await aWorld();
    await w.signBoth();
    const id = approvalIdFor(w.pair.id, 'mentee-1', 1);
    const attempts = [
      () => w.approvals.decide(w.manager('manager-mentor'), id, 'approved', undefined),
      () => w.approvals.decide(w.manager('mentee-1'), id, 'approved', undefined),
    ];
    for (const attempt of attempts) {
      await expect(attempt()).rejects.toMatchObject({
        code: 'forbidden',
        message: 'Only Sophie Laurent can decide this request',
      });
    }
    await expect(
      w.approvals.decide(w.manager('manager-mentee'), id, 'declined', '   '),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: { issues: [{ path: 'comment' }] },
    });
    expect((await w.stored()).every((a) => a.status === 'pending')).toBe(true);
  });

  it('the pair becomes active when the last manager approves, and both members are told of each decision', async () => {
    const w = await aWorld();
    await w.signBoth();
    const first = await w.approvals.decide(
      w.manager('manager-mentee'),
      approvalIdFor(w.pair.id, 'mentee-1', 1),
      'approved',
      'Bonne idée',
    );
    expect(first.changed).toBe(true);
    expect(first.details.pair.state).toBe('awaiting_approval');
    const last = await w.approvals.decide(
      w.manager('manager-mentor'),
      approvalIdFor(w.pair.id, 'mentor-1', 1),
      'approved',
      undefined,
    );
    expect(last.details.pair.state).toBe('active');
    expect(last.details.pair.history.at(-1)).toMatchObject({
      from: 'awaiting_approval',
      to: 'active',
      by: 'manager-mentor',
    });
    const told = await repos.notifications.query(w.tenantId);
    expect(
      told
        .map((n) => `${n.value.kind} → ${n.value.recipientId}`)
        .sort()
        .filter((line, i, all) => all.indexOf(line) === i),
    ).toEqual([
      // Each manager's card, queued by the second signature; then each decision to both members.
      'approval_request → manager-mentee',
      'approval_request → manager-mentor',
      'pair_told_outcome → mentee-1',
      'pair_told_outcome → mentor-1',
    ]);
    expect(told).toHaveLength(6);

    // The same click again, from the card or the tab: nothing changes, nobody is told twice.
    const again = await w.approvals.decide(
      w.manager('manager-mentor'),
      approvalIdFor(w.pair.id, 'mentor-1', 1),
      'approved',
      undefined,
    );
    expect(again.changed).toBe(false);
    expect(await repos.notifications.query(w.tenantId)).toHaveLength(6);
  });

  it('a decline keeps the pair waiting; a new signed revision asking the same time asks that manager again, and only that one', async () => {
    const w = await aWorld();
    await w.signBoth();
    await w.approvals.decide(
      w.manager('manager-mentor'),
      approvalIdFor(w.pair.id, 'mentor-1', 1),
      'approved',
      undefined,
    );
    const declined = await w.approvals.decide(
      w.manager('manager-mentee'),
      approvalIdFor(w.pair.id, 'mentee-1', 1),
      'declined',
      '  Pas avant la clôture trimestrielle : commencez en avril.  ',
    );
    expect(declined.details.approval).toMatchObject({
      status: 'declined',
      comment: 'Pas avant la clôture trimestrielle : commencez en avril.',
      decidedBy: 'manager-mentee',
    });
    expect(declined.details.pair.state).toBe('awaiting_approval');

    // The pair writes its April start into the agreement and both sign revision 2 in April: the
    // same time (6 × 60 min every 2 weeks) over a later period, so Marc's approval stands.
    const dashboard = await w.pairs.dashboard(w.as('mentee-1'), w.pair.id);
    await w.pairs.editAgreement(
      w.as('mentee-1'),
      w.pair.id,
      { subject: 'Excel et Power BI, à partir d’avril' },
      dashboard.version,
    );
    w.clock.set('2026-04-01T08:00:00.000Z');
    const resigned = await w.signBoth(2);
    expect(resigned.pair.state).toBe('awaiting_approval');
    const asked = await w.stored();
    expect(asked.map((a) => [a.id, a.status])).toEqual([
      [approvalIdFor(w.pair.id, 'mentee-1', 1), 'declined'],
      [approvalIdFor(w.pair.id, 'mentee-1', 2), 'pending'],
      [approvalIdFor(w.pair.id, 'mentor-1', 1), 'approved'],
    ]);
    expect(asked[1]?.request).toMatchObject({ sessions: 6, from: '2026-04-02' });

    // The old decline no longer holds the pair back.
    const approved = await w.approvals.decide(
      w.manager('manager-mentee'),
      approvalIdFor(w.pair.id, 'mentee-1', 2),
      'approved',
      undefined,
    );
    expect(approved.details.pair.state).toBe('active');
  });

  it('two devices deciding at once: one decision is taken, the opposite click sees it (409 with the current approval)', async () => {
    const w = await aWorld();
    await w.signBoth();
    const id = approvalIdFor(w.pair.id, 'mentee-1', 1);
    const results = await Promise.allSettled([
      w.approvals.decide(w.manager('manager-mentee'), id, 'approved', undefined),
      w.approvals.decide(w.manager('manager-mentee'), id, 'declined', 'Non'),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = (lost[0] as PromiseRejectedResult).reason as unknown;
    expect(isDomainError(error, 'invalid_transition')).toBe(true);
    const stored = (await w.stored()).find((a) => a.id === id);
    expect((error as { details: { current: { status: string } } }).details.current.status).toBe(
      stored?.status,
    );
    // Two identical clicks at once: one decides, the other answers changed: false.
    const other = approvalIdFor(w.pair.id, 'mentor-1', 1);
    const same = await Promise.all([
      w.approvals.decide(w.manager('manager-mentor'), other, 'approved', undefined),
      w.approvals.decide(w.manager('manager-mentor'), other, 'approved', undefined),
    ]);
    expect(same.map((r) => r.changed).sort()).toEqual([false, true]);
  });

  it('a stale version is a conflict carrying the current approval; a missing one is not', async () => {
    const w = await aWorld();
    await w.signBoth();
    const id = approvalIdFor(w.pair.id, 'mentee-1', 1);
    await expect(
      w.approvals.decide(w.manager('manager-mentee'), id, 'approved', undefined, '"stale"'),
    ).rejects.toMatchObject({
      code: 'version_conflict',
      details: { current: { id, status: 'pending' } },
    });
    const list = await w.approvals.ofManager(w.manager('manager-mentee'));
    const result = await w.approvals.decide(
      w.manager('manager-mentee'),
      id,
      'approved',
      undefined,
      list.approvals[0]?.version,
    );
    expect(result.changed).toBe(true);
  });

  it('a request of a pair that ended meanwhile cannot be decided and leaves the manager’s list', async () => {
    const w = await aWorld();
    await w.signBoth();
    await w.pairs.transition(
      w.as('mentor-1'),
      w.pair.id,
      { type: 'end', reason: 'Changed teams' },
      undefined,
    );
    const id = approvalIdFor(w.pair.id, 'mentee-1', 1);
    await expect(
      w.approvals.decide(w.manager('manager-mentee'), id, 'approved', undefined),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    expect((await w.approvals.ofManager(w.manager('manager-mentee'))).approvals).toEqual([]);
  });
});

describe('a manager’s list', () => {
  it('shows the manager’s own requests only, pending first, with names, request and version', async () => {
    const w = await aWorld();
    await w.signBoth();
    const empty = await w.approvals.ofManager(w.manager('mentor-1'));
    expect(empty.approvals).toEqual([]);

    const list = await w.approvals.ofManager(w.manager('manager-mentee'));
    expect(list.approvals).toHaveLength(1);
    expect(list.approvals[0]).toMatchObject({
      id: approvalIdFor(w.pair.id, 'mentee-1', 1),
      status: 'pending',
      person: { id: 'mentee-1', displayName: 'Sam Senior' },
      partner: { id: 'mentor-1', displayName: 'Mona Mentor' },
      role: 'mentee',
      programmeName: 'Mentorat inversé 2026',
      pairState: 'awaiting_approval',
      subject: 'Power BI for a sales director',
      request: { sessions: 6, totalMinutes: 360 },
      comment: null,
      decidedAt: null,
      canDecide: true,
    });
    expect(list.approvals[0]?.version).toEqual(expect.any(String));

    // A second pair of the same mentee, decided: it follows the pending one.
    const second = aPair({
      tenantId: w.tenantId,
      programmeId: w.pair.programmeId,
      state: 'accepted',
      mentorId: 'manager-mentor',
      menteeId: 'mentee-1',
    });
    await repos.pairs.create(second);
    await w.pairs.sign(w.as('manager-mentor'), second.id, 1, undefined);
    await w.pairs.sign(w.as('mentee-1'), second.id, 1, undefined);
    await w.approvals.decide(
      w.manager('manager-mentee'),
      approvalIdFor(second.id, 'mentee-1', 1),
      'declined',
      'Une paire suffit',
    );
    w.clock.advance(60_000);
    const both = await w.approvals.ofManager(w.manager('manager-mentee'));
    expect(both.approvals.map((a) => [a.pairId, a.status, a.canDecide])).toEqual([
      [w.pair.id, 'pending', true],
      [second.id, 'declined', false],
    ]);
    expect(both.approvals[1]).toMatchObject({
      comment: 'Une paire suffit',
      decidedAt: thursday,
      partner: { displayName: 'Marc Petit' },
    });
  });
});

describe('the bot’s card and the tab decide through the same service', () => {
  it('a decision on the card shows in the manager’s tab list, and one in the tab shows on the card', async () => {
    const w = await aWorld();
    await w.signBoth();
    const services = botServicesOf(world, w.services, w.clock);
    const { adapter, turnErrors } = botInPersonalChat(services, w.tenantId);
    const press = (personId: string, verb: string, approvalId: string) =>
      ({
        type: 'invoke',
        name: 'adaptiveCard/action',
        locale: 'fr-FR',
        from: { id: `29:${personId}`, name: personId, aadObjectId: personId },
        replyToId: 'card-message-1',
        value: { action: { type: 'Action.Execute', verb, data: { approvalId } } },
      }) as Partial<Activity>;
    const card = (reply: Partial<Activity>) => {
      expect(reply.type).toBe('invokeResponse');
      return JSON.stringify((reply.value as { body: { value: unknown } }).body.value);
    };
    const menteeRequest = approvalIdFor(w.pair.id, 'mentee-1', 1);
    const mentorRequest = approvalIdFor(w.pair.id, 'mentor-1', 1);

    // Someone else pressing the card's button is refused by the same rule as in the tab.
    await adapter
      .send(press('manager-mentor', verbs.approve, menteeRequest))
      .assertReply((reply) => expect(card(reply)).toContain('Action réservée au manager'))
      .send(press('manager-mentee', verbs.approve, menteeRequest))
      .assertReply((reply) => expect(card(reply)).toContain('Temps de mentorat approuvé'));
    const tab = await w.approvals.ofManager(w.manager('manager-mentee'));
    expect(tab.approvals[0]).toMatchObject({
      id: menteeRequest,
      status: 'approved',
      canDecide: false,
    });

    const inTab = await w.approvals.decideForTab(
      w.manager('manager-mentor'),
      mentorRequest,
      'approved',
      undefined,
    );
    expect(inTab.approval.pairState).toBe('active');
    await adapter
      .send(press('manager-mentor', verbs.refreshApproval, mentorRequest))
      .assertReply((reply) => {
        const text = card(reply);
        expect(text).toContain('Temps de mentorat approuvé');
        expect(text).toContain('Mona Mentor');
        expect(text).toContain('Marc Petit');
        expect(text).toContain('Mentorat inversé 2026');
      })
      // The card's second click: already decided, nothing changes.
      .send(press('manager-mentor', verbs.approve, mentorRequest))
      .assertReply((reply) => expect(card(reply)).toContain('Cette demande a déjà été traitée.'));
    expect((await w.approvals.view(w.tenantId, mentorRequest)).approval).toMatchObject({
      status: 'approved',
      decidedBy: 'manager-mentor',
    });
    expect(turnErrors).toEqual([]);
  });
});

/** Counts the requests the local Cosmos server (this worker's only HTTPS server) receives. */
function cosmosRequestCounter() {
  let count = 0;
  const onRequest = (message: unknown) => {
    if ((message as { server: unknown }).server instanceof HttpsServer) count += 1;
  };
  diagnostics.subscribe('http.server.request.start', onRequest);
  return {
    async during(work: () => Promise<unknown>): Promise<number> {
      count = 0;
      await work();
      return count;
    },
    stop: () => diagnostics.unsubscribe('http.server.request.start', onRequest),
  };
}

describe('what the pair’s dashboard shows of the managers’ approvals', () => {
  it('after both signed, each member sees whose manager was asked, their own first, pending', async () => {
    const w = await aWorld();
    await w.signBoth();
    const mentee = await w.pairs.dashboard(w.as('mentee-1'), w.pair.id);
    expect(mentee.pair.state).toBe('awaiting_approval');
    expect(mentee.pair.approvals).toEqual([
      {
        personId: 'mentee-1',
        role: 'mentee',
        mine: true,
        managerName: 'Sophie Laurent',
        status: 'pending',
        revision: 1,
        requestedAt: thursday,
        comment: null,
        decidedAt: null,
      },
      {
        personId: 'mentor-1',
        role: 'mentor',
        mine: false,
        managerName: 'Marc Petit',
        status: 'pending',
        revision: 1,
        requestedAt: thursday,
        comment: null,
        decidedAt: null,
      },
    ]);
    const mentor = await w.pairs.dashboard(w.as('mentor-1'), w.pair.id);
    expect(mentor.pair.approvals.map((a) => [a.managerName, a.mine])).toEqual([
      ['Marc Petit', true],
      ['Sophie Laurent', false],
    ]);
  });

  it('a decline shows to both members with its comment and date; signing a new revision of the same time shows only that manager asked again', async () => {
    const w = await aWorld();
    await w.signBoth();
    w.clock.set('2026-03-06T10:00:00.000Z');
    await w.approvals.decide(
      w.manager('manager-mentor'),
      approvalIdFor(w.pair.id, 'mentor-1', 1),
      'approved',
      undefined,
    );
    w.clock.set('2026-03-09T14:30:00.000Z');
    await w.approvals.decide(
      w.manager('manager-mentee'),
      approvalIdFor(w.pair.id, 'mentee-1', 1),
      'declined',
      'Pas avant la clôture trimestrielle.',
    );
    for (const member of ['mentor-1', 'mentee-1']) {
      const seen = await w.pairs.dashboard(w.as(member), w.pair.id);
      expect(seen.pair.state).toBe('awaiting_approval');
      const byManager = Object.fromEntries(seen.pair.approvals.map((a) => [a.managerName, a]));
      expect(byManager['Sophie Laurent']).toMatchObject({
        personId: 'mentee-1',
        status: 'declined',
        comment: 'Pas avant la clôture trimestrielle.',
        decidedAt: '2026-03-09T14:30:00.000Z',
        revision: 1,
      });
      expect(byManager['Marc Petit']).toMatchObject({
        status: 'approved',
        comment: null,
        decidedAt: '2026-03-06T10:00:00.000Z',
      });
    }

    // They change the agreement (not the time asked): the decline still shows until both sign
    // the new revision.
    const before = await w.pairs.dashboard(w.as('mentee-1'), w.pair.id);
    const edited = await w.pairs.editAgreement(
      w.as('mentee-1'),
      w.pair.id,
      { subject: 'Excel, après la clôture trimestrielle' },
      before.version,
    );
    expect(edited.pair.agreement.revision).toBe(2);
    expect(edited.pair.approvals.find((a) => a.mine)?.status).toBe('declined');

    w.clock.set('2026-03-10T08:00:00.000Z');
    const resigned = await w.signBoth(2);
    expect(resigned.pair.approvals.map((a) => [a.managerName, a.status, a.revision])).toEqual([
      ['Sophie Laurent', 'pending', 2],
      ['Marc Petit', 'approved', 1],
    ]);
    expect(resigned.pair.approvals[0]).toMatchObject({
      requestedAt: '2026-03-10T08:00:00.000Z',
      comment: null,
      decidedAt: null,
    });

    await w.approvals.decide(
      w.manager('manager-mentee'),
      approvalIdFor(w.pair.id, 'mentee-1', 2),
      'approved',
      'OK pour avril',
    );
    const active = await w.pairs.dashboard(w.as('mentor-1'), w.pair.id);
    expect(active.pair.state).toBe('active');
    expect(active.pair.approvals.map((a) => [a.managerName, a.status, a.comment])).toEqual([
      ['Marc Petit', 'approved', null],
      ['Sophie Laurent', 'approved', 'OK pour avril'],
    ]);
  });

  it('two managers deciding at the same moment: the pair records both decisions and starts', async () => {
    const w = await aWorld();
    await w.signBoth();
    await Promise.all([
      w.approvals.decide(
        w.manager('manager-mentor'),
        approvalIdFor(w.pair.id, 'mentor-1', 1),
        'approved',
        undefined,
      ),
      w.approvals.decide(
        w.manager('manager-mentee'),
        approvalIdFor(w.pair.id, 'mentee-1', 1),
        'approved',
        undefined,
      ),
    ]);
    const stored = (await repos.pairs.get(w.tenantId, w.pair.id)).value;
    expect(stored.state).toBe('active');
    expect(stored.approvals?.map((a) => [a.personId, a.status])).toEqual([
      ['mentor-1', 'approved'],
      ['mentee-1', 'approved'],
    ]);
  });

  it('a pair asked before the summary was kept shows nothing, then all of it after the next decision', async () => {
    const w = await aWorld();
    await w.signBoth();
    // As such a pair was stored: awaiting approval, requests in the approvals container only.
    const stored = await repos.pairs.get(w.tenantId, w.pair.id);
    const { approvals: _dropped, ...older } = stored.value;
    await repos.pairs.replace(older, stored.etag);
    expect((await w.pairs.dashboard(w.as('mentee-1'), w.pair.id)).pair.approvals).toEqual([]);

    await w.approvals.decide(
      w.manager('manager-mentor'),
      approvalIdFor(w.pair.id, 'mentor-1', 1),
      'approved',
      undefined,
    );
    const seen = await w.pairs.dashboard(w.as('mentee-1'), w.pair.id);
    expect(seen.pair.approvals.map((a) => [a.managerName, a.status])).toEqual([
      ['Sophie Laurent', 'pending'],
      ['Marc Petit', 'approved'],
    ]);
  });

  it('the dashboard still costs 2 Cosmos requests: it never reads the approvals', async () => {
    const w = await aWorld();
    await w.signBoth();
    await w.approvals.decide(
      w.manager('manager-mentee'),
      approvalIdFor(w.pair.id, 'mentee-1', 1),
      'declined',
      'Pas ce trimestre',
    );
    const counter = cosmosRequestCounter();
    try {
      // Warm: the client's first requests to a container read its metadata.
      await w.pairs.dashboard(w.as('mentor-1'), w.pair.id);
      const requests = await counter.during(() => w.pairs.dashboard(w.as('mentor-1'), w.pair.id));
      expect(requests).toBe(2);
    } finally {
      counter.stop();
    }
    const seen = await w.pairs.dashboard(w.as('mentor-1'), w.pair.id);
    expect(seen.pair.approvals.find((a) => !a.mine)).toMatchObject({
      status: 'declined',
      comment: 'Pas ce trimestre',
    });
  });
});

describe('signing a new revision while requests wait: superseded requests, approvals that stand', () => {
  /** The agreement's frame changed by `change`, as both members edit and sign revision 2. */
  async function resign(
    w: Awaited<ReturnType<typeof aWorld>>,
    change: { frame?: Partial<Pair['agreement']['frame']>; subject?: string },
  ) {
    const before = await w.pairs.dashboard(w.as('mentor-1'), w.pair.id);
    const { frame, ...rest } = change;
    await w.pairs.editAgreement(
      w.as('mentor-1'),
      w.pair.id,
      { ...rest, ...(frame && { frame: { ...before.pair.agreement.frame, ...frame } }) },
      before.version,
    );
    return w.signBoth(2);
  }

  it('a request still pending for the old agreement is superseded: the manager is asked for the new time and cannot decide the old one', async () => {
    const w = await aWorld();
    await w.signBoth();
    w.clock.set('2026-03-09T08:00:00.000Z');
    const resigned = await resign(w, { frame: { sessions: 4 } });
    expect(resigned.pair.state).toBe('awaiting_approval');

    const old = (person: string) => approvalIdFor(w.pair.id, person, 1);
    const fresh = (person: string) => approvalIdFor(w.pair.id, person, 2);
    const asked = await w.stored();
    expect(asked.map((a) => [a.id, a.status, a.supersededBy ?? null])).toEqual([
      [old('mentee-1'), 'superseded', fresh('mentee-1')],
      [fresh('mentee-1'), 'pending', null],
      [old('mentor-1'), 'superseded', fresh('mentor-1')],
      [fresh('mentor-1'), 'pending', null],
    ]);
    expect(asked[0]).toMatchObject({ supersededAt: '2026-03-09T08:00:00.000Z' });
    expect(asked[0]?.decidedAt).toBeUndefined();
    expect(asked[1]).toMatchObject({
      managerId: 'manager-mentee',
      agreementRevision: 2,
      requestedBy: 'mentee-1',
      request: { sessions: 4, durationMinutes: 60, totalMinutes: 240, from: '2026-03-10' },
    });

    // The pair's dashboard shows the new requests (the last signer's view: own manager first).
    expect(resigned.pair.approvals.map((a) => [a.managerName, a.status, a.revision])).toEqual([
      ['Sophie Laurent', 'pending', 2],
      ['Marc Petit', 'pending', 2],
    ]);

    // Sophie's old card or tab: whatever she decides on the old request is refused, nothing changes.
    for (const decision of ['approved', 'declined'] as const) {
      const attempt = w.approvals.decide(
        w.manager('manager-mentee'),
        old('mentee-1'),
        decision,
        'ok',
      );
      await expect(attempt).rejects.toMatchObject({
        code: 'invalid_transition',
        message: 'This request was replaced by a newer one: decide the new request',
        details: {
          supersededBy: fresh('mentee-1'),
          current: { id: old('mentee-1'), status: 'superseded', canDecide: false },
        },
      });
    }
    // Anyone else still gets the plain refusal.
    await expect(
      w.approvals.decide(w.manager('manager-mentor'), old('mentee-1'), 'approved', undefined),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await w.stored()).map((a) => a.status)).toEqual([
      'superseded',
      'pending',
      'superseded',
      'pending',
    ]);
    // The cards of the requests as each signature asked them; the refused decisions told nobody.
    const queued = await repos.notifications.query(w.tenantId);
    expect(
      queued.map((n) => `${n.value.kind} ${String(n.value.payload.approvalId)}`).sort(),
    ).toEqual(
      [old('mentee-1'), fresh('mentee-1'), old('mentor-1'), fresh('mentor-1')]
        .map((id) => `approval_request ${id}`)
        .sort(),
    );

    // Her list: the new request to decide first, the old one shown as replaced.
    const list = await w.approvals.ofManager(w.manager('manager-mentee'));
    expect(list.approvals.map((a) => [a.id, a.status, a.canDecide, a.supersededAt])).toEqual([
      [fresh('mentee-1'), 'pending', true, null],
      [old('mentee-1'), 'superseded', false, '2026-03-09T08:00:00.000Z'],
    ]);

    // Signing again (a double click) changes nothing.
    const again = await w.pairs.sign(w.as('mentee-1'), w.pair.id, 2, undefined);
    expect(again.version).toBe(resigned.version);
    expect(await w.stored()).toHaveLength(4);

    // The new requests decide the pair.
    await w.approvals.decide(w.manager('manager-mentee'), fresh('mentee-1'), 'approved', undefined);
    const last = await w.approvals.decide(
      w.manager('manager-mentor'),
      fresh('mentor-1'),
      'approved',
      undefined,
    );
    expect(last.details.pair.state).toBe('active');
  });

  it('the scheduler plans cards and reminders for the new requests only, never for superseded ones', async () => {
    const w = await aWorld();
    await w.signBoth();
    await resign(w, { frame: { durationMinutes: 90 } });
    const pair = (await repos.pairs.get(w.tenantId, w.pair.id)).value;
    // Four days later: the 3-day reminder is due for every request still pending.
    const planned = planPairNotifications({
      pair,
      programme: { reminderOffsetsMinutes: [] },
      people: new Map(),
      approvals: await w.stored(),
      now: new Date('2026-03-09T10:00:00.000Z'),
    });
    expect(
      planned
        .filter((n) => n.kind.startsWith('approval_'))
        .map((n) => `${n.kind} ${String(n.payload.approvalId)}`)
        .sort(),
    ).toEqual([
      `approval_pending ${approvalIdFor(w.pair.id, 'mentee-1', 2)}`,
      `approval_pending ${approvalIdFor(w.pair.id, 'mentor-1', 2)}`,
      `approval_request ${approvalIdFor(w.pair.id, 'mentee-1', 2)}`,
      `approval_request ${approvalIdFor(w.pair.id, 'mentor-1', 2)}`,
    ]);
  });

  it('an approval of the same time stands when only the period moved; the pending one is superseded', async () => {
    const w = await aWorld();
    await w.signBoth();
    await w.approvals.decide(
      w.manager('manager-mentor'),
      approvalIdFor(w.pair.id, 'mentor-1', 1),
      'approved',
      undefined,
    );
    // A week later the pair rewords its subject and signs again: the same 6 × 60 min every two
    // weeks, from a later day.
    w.clock.set('2026-03-12T09:00:00.000Z');
    const resigned = await resign(w, { subject: 'Excel avancé pour le contrôle de gestion' });
    const asked = await w.stored();
    expect(asked.map((a) => [a.id, a.status])).toEqual([
      [approvalIdFor(w.pair.id, 'mentee-1', 1), 'superseded'],
      [approvalIdFor(w.pair.id, 'mentee-1', 2), 'pending'],
      [approvalIdFor(w.pair.id, 'mentor-1', 1), 'approved'],
    ]);
    expect(asked[1]?.request).toMatchObject({ sessions: 6, from: '2026-03-13' });
    expect(resigned.pair.approvals.map((a) => [a.managerName, a.status, a.revision])).toEqual([
      ['Sophie Laurent', 'pending', 2],
      ['Marc Petit', 'approved', 1],
    ]);
    const started = await w.approvals.decide(
      w.manager('manager-mentee'),
      approvalIdFor(w.pair.id, 'mentee-1', 2),
      'approved',
      undefined,
    );
    expect(started.details.pair.state).toBe('active');
  });

  it.each([
    ['sessions', { sessions: 8 }],
    ['duration', { durationMinutes: 45 }],
    ['frequency', { frequency: 'weekly' as const }],
  ])(
    'an approval given for other time (%s changed) does not count: that manager is asked again',
    async (_what, frame) => {
      const w = await aWorld();
      await w.signBoth();
      await w.approvals.decide(
        w.manager('manager-mentor'),
        approvalIdFor(w.pair.id, 'mentor-1', 1),
        'approved',
        undefined,
      );
      await w.approvals.decide(
        w.manager('manager-mentee'),
        approvalIdFor(w.pair.id, 'mentee-1', 1),
        'declined',
        'Trop de séances pour ce trimestre.',
      );
      const resigned = await resign(w, { frame });
      const asked = await w.stored();
      // Decisions already taken stay as they were (history); new requests ask for the new time.
      expect(asked.map((a) => [a.id, a.status])).toEqual([
        [approvalIdFor(w.pair.id, 'mentee-1', 1), 'declined'],
        [approvalIdFor(w.pair.id, 'mentee-1', 2), 'pending'],
        [approvalIdFor(w.pair.id, 'mentor-1', 1), 'approved'],
        [approvalIdFor(w.pair.id, 'mentor-1', 2), 'pending'],
      ]);
      expect(asked[3]?.request).toMatchObject(frame);
      expect(resigned.pair.approvals.map((a) => [a.managerName, a.status, a.revision])).toEqual([
        ['Sophie Laurent', 'pending', 2],
        ['Marc Petit', 'pending', 2],
      ]);
      // Sophie's approval alone does not start the pair: Marc's old approval was for other time.
      const one = await w.approvals.decide(
        w.manager('manager-mentee'),
        approvalIdFor(w.pair.id, 'mentee-1', 2),
        'approved',
        undefined,
      );
      expect(one.details.pair.state).toBe('awaiting_approval');
      const both = await w.approvals.decide(
        w.manager('manager-mentor'),
        approvalIdFor(w.pair.id, 'mentor-1', 2),
        'approved',
        undefined,
      );
      expect(both.details.pair.state).toBe('active');
    },
  );

  it('a re-signature whose pair write failed after asking: the new request waits for the signature, the retry asks nobody twice', async () => {
    const w = await aWorld();
    await w.signBoth();
    const before = await w.pairs.dashboard(w.as('mentor-1'), w.pair.id);
    await w.pairs.editAgreement(
      w.as('mentor-1'),
      w.pair.id,
      { frame: { ...before.pair.agreement.frame, sessions: 3 } },
      before.version,
    );
    await w.pairs.sign(w.as('mentor-1'), w.pair.id, 2, undefined);
    // The mentee's signature asked the managers, then its pair write failed.
    const stored = (await repos.pairs.get(w.tenantId, w.pair.id)).value;
    await w.approvals.askManagers(signAgreement(stored, 'mentee-1', w.clock).pair, 'mentee-1');
    const fresh = approvalIdFor(w.pair.id, 'mentee-1', 2);
    expect((await w.stored()).map((a) => [a.id, a.status])).toEqual([
      [approvalIdFor(w.pair.id, 'mentee-1', 1), 'superseded'],
      [fresh, 'pending'],
      [approvalIdFor(w.pair.id, 'mentor-1', 1), 'superseded'],
      [approvalIdFor(w.pair.id, 'mentor-1', 2), 'pending'],
    ]);
    // Sophie cannot grant time the pair has not both signed yet.
    await expect(
      w.approvals.decide(w.manager('manager-mentee'), fresh, 'approved', undefined),
    ).rejects.toMatchObject({
      code: 'invalid_transition',
      message:
        'The pair has not finished signing revision 2 of its agreement; this request waits for both signatures',
    });
    const waiting = await w.approvals.ofManager(w.manager('manager-mentee'));
    expect(waiting.approvals.map((a) => [a.status, a.canDecide])).toEqual([['superseded', false]]);

    // The mentee signs again: the same requests, now decidable.
    const retried = await w.pairs.sign(w.as('mentee-1'), w.pair.id, 2, undefined);
    expect(retried.pair.approvals.map((a) => [a.status, a.revision])).toEqual([
      ['pending', 2],
      ['pending', 2],
    ]);
    expect(await w.stored()).toHaveLength(4);
    const listed = await w.approvals.ofManager(w.manager('manager-mentee'));
    expect(listed.approvals.map((a) => [a.id, a.canDecide])).toEqual([
      [fresh, true],
      [approvalIdFor(w.pair.id, 'mentee-1', 1), false],
    ]);
  });

  it('a member whose manager changed meanwhile: the new manager is asked, the old one’s pending request is superseded', async () => {
    const w = await aWorld();
    await w.signBoth();
    const mentee = (await repos.people.get(w.tenantId, 'mentee-1')).value;
    await repos.people.create(
      aPerson({ tenantId: w.tenantId, id: 'manager-new', displayName: 'Nadia Roux' }),
    );
    await repos.people.upsert({ ...mentee, managerId: 'manager-new' });
    await resign(w, { frame: { sessions: 5 } });
    const asked = await w.stored();
    expect(asked.map((a) => [a.id, a.managerId, a.status])).toEqual([
      [approvalIdFor(w.pair.id, 'mentee-1', 1), 'manager-mentee', 'superseded'],
      [approvalIdFor(w.pair.id, 'mentee-1', 2), 'manager-new', 'pending'],
      [approvalIdFor(w.pair.id, 'mentor-1', 1), 'manager-mentor', 'superseded'],
      [approvalIdFor(w.pair.id, 'mentor-1', 2), 'manager-mentor', 'pending'],
    ]);
  });
});
