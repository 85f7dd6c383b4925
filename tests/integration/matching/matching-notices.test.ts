import { recordingLogger } from '../../support/logger';
import { ProactiveNotifier } from '../../../bot/proactive-notifier';
import { en as tabEn } from '../../../tab/src/i18n/en';
import { fr as tabFr } from '../../../tab/src/i18n/fr';
import type { MatchingRunResponse, MyProposalsResponse } from '../../../src/contracts/matching';
import { fixedClock } from '../../../src/domain/clock';
import { notificationKey, type Notification } from '../../../src/domain/notification';
import type { MatchingService } from '../../../src/services/matching/matching-service';
import { createNotificationOutbox } from '../../../src/services/outbox/notification-outbox';
import { ProfileService } from '../../../src/services/programmes/profile-service';
import type { MatchingRunDocument } from '../../../src/store/job-repository';
import type { StoredProposal } from '../../../src/store/proposal-repository';
import { demoPersonId, demoProgrammeId } from '../../../src/local/seed/demo-data';
import { startTestApp, type TestApp } from '../../support/app-server';
import { matchingThatMakesNoPairs } from '../../support/world';
import type { Repositories } from '../../../src/store/repositories';
import { apiClient } from '../api/api-client';
import { ProactiveTestAdapter } from '../../support/proactive-test-adapter';
import { aPrincipal } from '../../fixtures/builders';

const tenant = '11111111-2222-4333-8444-555555555555';
const claire = demoPersonId(5); // leads the demo programme
const base = `/api/programmes/${demoProgrammeId}/matching`;
// Publishing at 09:00 UTC with the programme's 3 days: the deadline is 29 November, 10:00 in Paris.
const clock = fixedClock('2026-11-26T09:00:00.000Z');
const deadline = '2026-11-29T09:00:00.000Z';

const principalOf = (personId: string) => aPrincipal({ tenantId: tenant, personId });

describe('matching tells people in Teams, and withdraws the proposals of someone who steps back', () => {
  let app: TestApp;
  let matching: MatchingService;
  let profileService: ProfileService;
  let api: ReturnType<typeof apiClient>;
  let leadRun: MatchingRunDocument;
  let repos: Repositories;
  const logger = recordingLogger();
  const log = logger.errors;

  const queued = async (kind = 'proposal_published') =>
    (
      await repos.notifications.query(tenant, {
        where: 'c.kind = @kind',
        parameters: [{ name: '@kind', value: kind }],
      })
    ).map((n) => n.value);
  const openProposals = async () =>
    (await repos.proposals.ofProgramme(tenant, demoProgrammeId, ['proposed', 'accepted'])).map(
      (p) => p.value,
    );

  beforeAll(async () => {
    app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' }, clock });
    repos = app.repos;
    // The lead's run and review go through the API; publishing and pausing through services
    // wired with the notification queue and the withdrawal hook, at a known time.
    api = apiClient(app.baseUrl);
    const lead = await api.signIn(claire);
    const started = await api.call<MatchingRunResponse>('POST', `${base}/runs`, { token: lead });
    expect(started.status).toBe(202);
    for (let i = 0; ; i++) {
      const run = await api.call<MatchingRunResponse>('GET', `${base}/runs/${started.body.id}`, {
        token: lead,
      });
      if (run.body.status === 'succeeded') {
        leadRun = (await repos.matchingRuns.get(tenant, run.body.id)).value;
        break;
      }
      expect(run.body.status).not.toBe('failed');
      expect(i).toBeLessThan(300);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await api.call('POST', `${base}/accept-all`, { token: lead })).status).toBe(200);

    // Matching makes no pair here; the profiles' withdrawal hook is this matching service.
    matching = matchingThatMakesNoPairs(repos, {
      outbox: createNotificationOutbox({ store: repos.notifications, clock }),
      notifications: repos.notifications,
      clock,
      log: logger,
    });
    const services = app.servicesAt(clock);
    profileService = new ProfileService({
      profiles: repos.profiles,
      programmes: services.programmes,
      identity: services.identity,
      directory: services.directory,
      clock,
      proposals: matching,
    });
  });
  afterAll(async () => {
    await matching?.drain();
    await app?.stop();
  });

  const mine = async (personId: string, locale: 'fr' | 'en') => {
    const reply = await api.call<MyProposalsResponse>(
      'GET',
      `/api/proposals/mine?locale=${locale}`,
      { token: await api.signIn(personId) },
    );
    expect(reply.status).toBe(200);
    return reply.body;
  };

  it('publishing queues exactly one message per person and proposal; publishing again queues none', async () => {
    // Drafts are the lead's: nobody is told they were left out before the run is published.
    const left = leadRun.unmatched[0]!;
    expect((await mine(left.personId, 'fr')).unmatched).toBeUndefined();
    const published = await matching.publish(principalOf(claire), demoProgrammeId);
    expect(published.published).toBeGreaterThan(3);
    expect(published.expiresAt).toBe(deadline);
    const proposals = (await openProposals()).filter((p) => p.publishedAt !== null);
    expect(proposals).toHaveLength(published.published);
    const notices = await queued();
    expect(notices).toHaveLength(2 * proposals.length);
    for (const p of proposals) {
      for (const [recipientId, role] of [
        [p.mentorId, 'mentor'],
        [p.menteeId, 'mentee'],
      ] as const) {
        const mine = notices.filter(
          (n) => n.recipientId === recipientId && n.payload.proposalId === p.id,
        );
        expect(mine, `${role} of ${p.id}`).toHaveLength(1);
        expect(mine[0]).toMatchObject({
          status: 'pending',
          dueAt: clock.now().toISOString(),
          payload: { role, expiresAt: deadline, cause: 'published' },
        });
      }
    }
    const again = await matching.publish(principalOf(claire), demoProgrammeId);
    expect(again.published).toBe(0);
    expect(await queued()).toHaveLength(notices.length);
    expect(log).toEqual([]);
  });

  it('after publishing, someone left out sees that no partner was found and the run’s reasons for them only, in their language', async () => {
    expect(leadRun.unmatched.length).toBeGreaterThan(1);
    const shown = leadRun.unmatched.filter(
      (u) => !u.reasons.some((r) => r.code.startsWith('blocked')),
    );
    for (const entry of shown) {
      for (const locale of ['fr', 'en'] as const) {
        const view = await mine(entry.personId, locale);
        expect(view.proposals).toEqual([]);
        expect(view.unmatched).toEqual({
          programmeId: demoProgrammeId,
          programmeName: expect.any(String),
          runAt: leadRun.finishedAt,
          explained: true,
          reasons: entry.reasons.map((r) => r[locale]),
        });
      }
    }
    // Someone with a proposal gets none of this; nor does anyone get another person's reasons.
    const proposed = (await openProposals())[0]!;
    expect((await mine(proposed.menteeId, 'fr')).unmatched).toBeUndefined();
    const all = new Set(leadRun.unmatched.flatMap((u) => u.reasons.map((r) => r.fr)));
    const first = shown[0]!;
    const own = new Set(first.reasons.map((r) => r.fr));
    const theirs = (await mine(first.personId, 'fr')).unmatched!.reasons;
    expect(theirs.every((r) => own.has(r))).toBe(true);
    expect([...all].some((r) => !own.has(r))).toBe(true);
  });

  it('the message names the partner and the deadline in the person’s language and time zone, with a button to My match', async () => {
    const [notice] = await queued();
    const recipient = notice!.recipientId;
    const adapter = new ProactiveTestAdapter();
    const notifier = new ProactiveNotifier({
      adapter,
      botAppId: '',
      conversations: repos.conversations,
      approvals: {
        view: () => Promise.reject(new Error('no approval in these tests')),
      },
      tabUrl: 'https://mentoring.example/pair',
    });
    const talk = (locale: 'fr' | 'en') =>
      repos.conversations.remember(
        {
          tenantId: tenant,
          personId: recipient,
          locale,
          reference: {
            channelId: 'msteams',
            serviceUrl: 'https://smba.example/',
            conversation: { id: `a:${recipient}`, conversationType: 'personal' },
            user: { id: `29:${recipient}` },
            bot: { id: '28:bot' },
          },
        },
        clock.now(),
      );
    const send = async (n: Notification) => {
      const prepared = await notifier.prepare(n);
      if (!('send' in prepared)) throw new Error(`skipped: ${prepared.skip}`);
      await prepared.send();
      return adapter.getNextReply()!;
    };
    const partner = String(notice!.payload.partnerName);
    const role = notice!.payload.role;

    await talk('fr');
    const fr = await send(notice!);
    expect(fr.text).toContain(`**${partner}**`);
    expect(fr.text).toContain(
      role === 'mentor' ? 'vous seriez le mentor de' : 'serait votre mentor',
    );
    expect(fr.text).toContain('Répondez avant le **dimanche 29 novembre 2026 à 10:00**');
    // The tab's names for the screen (nav link « Ma proposition », "My match"), not My pair's.
    expect(tabFr['nav.proposal']).toBe('Ma proposition');
    expect(tabEn['nav.proposal']).toBe('My match');
    expect(fr.text).toContain('l’onglet **Ma proposition** de Mentoring');
    expect(fr.text).not.toContain('Mon binôme');
    const frButton = fr.attachments?.[0]?.content as {
      buttons: { title: string; value: string }[];
    };
    expect(frButton.buttons).toEqual([
      expect.objectContaining({
        title: 'Ouvrir Ma proposition',
        value: 'https://mentoring.example/proposal',
      }),
    ]);

    // The same proposal for someone in Toronto who talks English to the bot, after a repair.
    await talk('en');
    const en = await send({
      ...notice!,
      id: notificationKey('proposal_published', `${notice!.payload.proposalId}.x`, deadline),
      payload: { ...notice!.payload, timeZone: 'America/Toronto', cause: 'repair' },
    });
    expect(en.text).toContain('Your previous proposal did not go ahead');
    expect(en.text).toContain('Please answer by **Sunday, 29 November 2026 at 04:00**');
    expect(en.text).toContain(`**${partner}**`);
    expect(en.text).toContain('the **My match** tab');
    const enButton = en.attachments?.[0]?.content as { buttons: { title: string }[] };
    expect(enButton.buttons[0]!.title).toBe('Open My match');

    // A payload that does not say who or when is not sent half-written.
    const broken = await notifier.prepare({ ...notice!, payload: { proposalId: 'p' } });
    expect(broken).toMatchObject({ skip: expect.stringContaining('invalid_payload') });
  });

  it('a mentee who pauses has their proposals withdrawn at once; their partner gets the next best, published and announced; accepted proposals stay', async () => {
    const before = await openProposals();
    // One pair has both accepted: it must come through untouched.
    const accepted = before.find((p) => p.publishedAt !== null)!;
    await repos.proposals.update(tenant, accepted.id, (p) => ({
      ...p,
      status: 'accepted',
      answers: {
        mentor: { answer: 'accepted', at: clock.now().toISOString() },
        mentee: { answer: 'accepted', at: clock.now().toISOString() },
      },
    }));
    const target = before.find(
      (p) => p.publishedAt !== null && p.id !== accepted.id && p.mentorId !== accepted.mentorId,
    )!;
    const mentee = target.menteeId;
    const theirs = before.filter(
      (p) => p.mentorId === mentee || p.menteeId === mentee,
    ) as StoredProposal[];

    // A newcomer who wants what the mentee wanted, joined after the run: the best next partner.
    const twin = demoPersonId(990);
    const person = await repos.people.get(tenant, mentee);
    await repos.people.create({
      ...person.value,
      id: twin,
      displayName: 'Zoé Nouvelle',
      managerId: null,
    });
    const profile = await repos.profiles.get(tenant, mentee);
    await repos.profiles.create({ ...profile.value, id: twin, previousPartnerIds: [] });

    await profileService.pause(principalOf(mentee), demoProgrammeId, '2027-02-01');
    // At once, not at the next run or the deadline.
    for (const p of theirs) {
      expect((await repos.proposals.get(tenant, p.id)).value.status, p.id).toBe('superseded');
    }
    // The messages about the withdrawn proposal, not sent yet, are not sent at all.
    const stale = (await queued()).filter((n) => n.payload.proposalId === target.id);
    expect(stale.map((n) => n.status)).toEqual(['cancelled', 'cancelled']);
    await matching.drain();

    const after = await openProposals();
    expect(after.find((p) => p.id === accepted.id)).toMatchObject({ status: 'accepted' });
    expect(after.some((p) => p.mentorId === mentee || p.menteeId === mentee)).toBe(false);
    // The other open proposals were not disturbed by the repair.
    const untouched = before.filter((p) => !theirs.includes(p) && p.id !== accepted.id);
    for (const p of untouched) expect(after.find((q) => q.id === p.id)?.status).toBe(p.status);
    const freed = target.mentorId;
    const next = after.filter(
      (p) => (p.menteeId === freed || p.mentorId === freed) && p.id !== target.id,
    );
    expect(next, 'the freed mentor has a new proposal').toHaveLength(1);
    expect(next[0]).toMatchObject({ mentorId: freed, menteeId: twin, status: 'proposed' });
    expect(next[0]!.publishedAt).toBe(clock.now().toISOString());
    const told = (await queued()).filter((n) => n.payload.proposalId === next[0]!.id);
    expect(told.map((n) => n.recipientId).sort()).toEqual(
      [next[0]!.mentorId, next[0]!.menteeId].sort(),
    );
    expect(told.every((n) => n.payload.cause === 'repair')).toBe(true);

    // The paused mentee is not waiting for anyone; a freed person is repaired, not told "left out".
    expect((await mine(mentee, 'en')).unmatched).toBeUndefined();

    // Pausing again changes nothing and withdraws nothing more.
    const count = (await queued()).length;
    await profileService.pause(principalOf(mentee), demoProgrammeId, '2027-02-01');
    await matching.drain();
    expect(await queued()).toHaveLength(count);
    expect(log).toEqual([]);
  });

  it('someone who leaves the programme has their published proposal withdrawn at once, and its message cancelled', async () => {
    const open = (await openProposals()).filter((p) => p.status === 'proposed');
    const target = open.find((p) => p.publishedAt !== null)!;
    const leaver = target.mentorId;
    await profileService.leave(principalOf(leaver), demoProgrammeId);
    const withdrawn = (await repos.proposals.get(tenant, target.id)).value;
    expect(withdrawn.status).toBe('superseded');
    const stale = (await queued()).filter((n) => n.payload.proposalId === target.id);
    expect(stale.map((n) => n.status)).toEqual(['cancelled', 'cancelled']);
    await matching.drain();
    const after = await openProposals();
    expect(after.some((p) => p.mentorId === leaver || p.menteeId === leaver)).toBe(false);
    expect(log).toEqual([]);
  });

  it('someone the last published run did not list (joined since, or beyond the 2,000 it keeps) is told plainly that the lead will run matching again', async () => {
    const newcomer = demoPersonId(991);
    const template = await repos.people.get(tenant, demoPersonId(990));
    await repos.people.create({ ...template.value, id: newcomer, displayName: 'Yann Arrivé' });
    const profile = await repos.profiles.get(tenant, demoPersonId(990));
    await repos.profiles.create({ ...profile.value, id: newcomer });
    for (const locale of ['fr', 'en'] as const) {
      expect((await mine(newcomer, locale)).unmatched).toMatchObject({
        programmeId: demoProgrammeId,
        explained: false,
        reasons: [],
      });
    }
  });
});
