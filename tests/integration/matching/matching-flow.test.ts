import { recordingLogger } from '../../support/logger';
import { matchingThatMakesNoPairs } from '../../support/world';
import type {
  MatchingReviewResponse,
  MatchingRunResponse,
  MyProposal,
  MyProposalsResponse,
  PublishResponse,
  ReviewProposal,
  VolunteersResponse,
} from '../../../src/contracts/matching';
import { fixedClock } from '../../../src/domain/clock';
import { inSameReportingLine } from '../../../src/domain/person';
import {
  demoPeople,
  demoPersonId,
  demoProfiles,
  demoProgrammeId,
} from '../../../src/local/seed/demo-data';
import { startTestApp, type TestApp } from '../../support/app-server';
import { apiClient, errorCode } from '../api/api-client';

const tenant = '11111111-2222-4333-8444-555555555555';
const claire = demoPersonId(5); // leads the demo programme
const base = `/api/programmes/${demoProgrammeId}/matching`;
const people = new Map(demoPeople(tenant).map((p) => [p.id, p]));
const profiles = new Map(
  demoProfiles(tenant, fixedClock('2026-11-01T00:00:00Z')).map((p) => [p.id, p]),
);
const nameOf = (id: string) => people.get(id)?.displayName ?? id;

describe('the matching flow through the API, on the local Cosmos server', () => {
  let app: TestApp;
  let api: ReturnType<typeof apiClient>;
  let lead: string;
  const tokens = new Map<string, string>();

  const as = async (personId: string) => {
    let token = tokens.get(personId);
    if (!token) {
      token = await api.signIn(personId);
      tokens.set(personId, token);
    }
    return token;
  };
  const review = async () => {
    const reply = await api.call<MatchingReviewResponse>('GET', base, { token: lead });
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const waitForRun = async (runId: string): Promise<MatchingRunResponse> => {
    for (let i = 0; i < 300; i++) {
      const reply = await api.call<MatchingRunResponse>('GET', `${base}/runs/${runId}`, {
        token: lead,
      });
      expect(reply.status).toBe(200);
      if (reply.body.status === 'succeeded' || reply.body.status === 'failed') return reply.body;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`run ${runId} did not finish`);
  };
  /** Waits until no run holds the programme (repair runs start in the background). */
  const settle = async () => {
    for (let i = 0; i < 300; i++) {
      const { run } = await review();
      if (run && (run.status === 'succeeded' || run.status === 'failed')) return run;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('matching did not settle');
  };
  const run = async () => {
    const reply = await api.call<MatchingRunResponse>('POST', `${base}/runs`, { token: lead });
    expect(reply.status).toBe(202);
    const done = await waitForRun(reply.body.id);
    expect(done.error).toBeNull();
    expect(done.status).toBe('succeeded');
    return done;
  };
  const mine = async (personId: string, locale?: string) => {
    const reply = await api.call<MyProposalsResponse>(
      'GET',
      `/api/proposals/mine${locale ? `?locale=${locale}` : ''}`,
      { token: await as(personId) },
    );
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const answer = async (personId: string, proposalId: string, value: 'accepted' | 'declined') =>
    api.call<MyProposal>('POST', `/api/proposals/${proposalId}/answer`, {
      token: await as(personId),
      json: { answer: value },
    });

  const proposalMessages = async () =>
    (await app.repos.notifications.query(tenant))
      .map((n) => n.value)
      .filter((n) => n.kind === 'proposal_published');

  const openPairs = async () =>
    (await app.repos.pairs.ofProgramme(tenant, demoProgrammeId))
      .map((p) => p.value)
      .filter((p) => p.state !== 'completed' && p.state !== 'ended');

  beforeAll(async () => {
    app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' } });
    api = apiClient(app.baseUrl);
    lead = await as(claire);
  });
  afterAll(async () => {
    await app?.stop();
  });

  function expectHardRules(proposals: readonly ReviewProposal[]) {
    const load = new Map<string, number>();
    const mentees = new Set<string>();
    for (const p of proposals) {
      const mentor = profiles.get(p.mentor.personId)!;
      const mentee = profiles.get(p.mentee.personId)!;
      expect(mentor, `${p.mentor.personId} is a volunteer`).toBeDefined();
      expect(mentee, `${p.mentee.personId} is a volunteer`).toBeDefined();
      expect(mentor.roleWish).not.toBe('mentee');
      expect(mentee.roleWish).not.toBe('mentor');
      expect(
        inSameReportingLine(mentor.id, mentee.id, people),
        `${nameOf(mentor.id)} / ${nameOf(mentee.id)}`,
      ).toBe(false);
      expect(mentor.languages.some((l) => mentee.languages.includes(l))).toBe(true);
      expect(mentees.has(mentee.id), `${nameOf(mentee.id)} has one mentor`).toBe(false);
      mentees.add(mentee.id);
      load.set(mentor.id, (load.get(mentor.id) ?? 0) + 1);
      expect(load.get(mentor.id)!).toBeLessThanOrEqual(mentor.mentorCapacity);
      expect(p.score).toBeGreaterThan(0);
      expect(p.reasons.length).toBeGreaterThan(0);
      for (const r of p.reasons) {
        expect(r.fr.length).toBeGreaterThan(0);
        expect(r.en.length).toBeGreaterThan(0);
        // Skill tokens are replaced by the catalogue's labels.
        expect(r.fr + r.en).not.toMatch(/[\u27e6\u27e7]/);
      }
    }
  }

  it('refuses matching to anyone who does not lead the programme', async () => {
    const emma = await as(demoPersonId(10));
    const start = await api.call('POST', `${base}/runs`, { token: emma });
    expect(start.status).toBe(403);
    expect(errorCode(start)).toBe('forbidden');
    const pair = { mentorId: demoPersonId(9), menteeId: demoPersonId(8) };
    for (const [method, path, json] of [
      ['GET', base, undefined],
      ['GET', `${base}/runs/run-x`, undefined],
      ['GET', `${base}/volunteers`, undefined],
      ['POST', `${base}/accept-all`, {}],
      ['POST', `${base}/swap`, { proposalIds: ['a', 'b'] }],
      ['POST', `${base}/pins`, pair],
      ['POST', `${base}/blocks`, pair],
      ['DELETE', `${base}/pins/${pair.mentorId}/${pair.menteeId}`, undefined],
      ['DELETE', `${base}/blocks/${pair.mentorId}/${pair.menteeId}`, undefined],
      ['POST', `${base}/publish`, {}],
    ] as const) {
      const reply = await api.call(method, path, { token: emma, json });
      expect(reply.status, `${method} ${path}`).toBe(403);
    }
    const anonymous = await api.call('POST', `${base}/runs`);
    expect(anonymous.status).toBe(401);
  });

  it('runs in the background, one run at a time: a double click gets the same run', async () => {
    const [first, second] = await Promise.all([
      api.call<MatchingRunResponse>('POST', `${base}/runs`, { token: lead }),
      api.call<MatchingRunResponse>('POST', `${base}/runs`, { token: lead }),
    ]);
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body.id).toBe(first.body.id);
    expect(first.body.status).toMatch(/queued|running/);
    const done = await waitForRun(first.body.id);
    expect(done.status).toBe('succeeded');
    expect(done.progress).toBe(100);
    // Pairs already under way (the demo seeds a few) are kept out of the pool.
    const open = await openPairs();
    const volunteers = demoProfiles(tenant, fixedClock('2026-11-01T00:00:00Z')).length;
    expect(done.summary).toMatchObject({ participants: volunteers, carried: open.length });
    expect(done.summary!.pool).toBeLessThanOrEqual(volunteers - open.length);
    expect(done.summary!.proposals).toBeGreaterThanOrEqual(4);
  });

  it('proposes pairs that keep every hard rule, and explains everyone left out', async () => {
    const view = await review();
    expect(view.proposals.length).toBeGreaterThanOrEqual(4);
    expect(view.proposals.every((p) => p.stage === 'draft' && p.status === 'proposed')).toBe(true);
    expectHardRules(view.proposals);
    const paired = new Set(
      [
        ...view.proposals.map((p) => [p.mentor.personId, p.mentee.personId]),
        ...(await openPairs()).map((p) => [p.mentorId, p.menteeId]),
      ].flat(),
    );
    for (const id of profiles.keys()) {
      if (paired.has(id)) continue;
      const entry = view.unmatched.find((u) => u.personId === id);
      expect(entry, `${nameOf(id)} is listed as unmatched`).toBeDefined();
      expect(entry!.reasons.length).toBeGreaterThan(0);
      for (const r of entry!.reasons) {
        // In both languages, skills named by the catalogue's labels (never an id or a token).
        expect(r.fr.length > 0 && r.en.length > 0).toBe(true);
        expect(r.fr + r.en).not.toMatch(/[\u27e6\u27e7]/);
      }
    }
    // Sorted best first.
    const scores = view.proposals.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('gives a large review a page at a time, every page in order, with the totals', async () => {
    const whole = await review();
    expect(whole.paging).toEqual({ page: 1, unmatchedPage: 1, pageSize: 100 });
    expect(whole.proposalsTotal).toBe(whole.proposals.length);
    expect(whole.unmatchedListed).toBe(whole.unmatched.length);
    const pageOf = async (page: number, unmatchedPage: number) => {
      const reply = await api.call<MatchingReviewResponse>(
        'GET',
        `${base}?page=${page}&unmatchedPage=${unmatchedPage}&pageSize=3`,
        { token: lead },
      );
      expect(reply.status).toBe(200);
      return reply.body;
    };
    const proposals: string[] = [];
    const unmatched: string[] = [];
    const last = Math.ceil(Math.max(whole.proposalsTotal, whole.unmatchedListed) / 3) + 1;
    for (let page = 1; page <= last; page++) {
      const body = await pageOf(page, page);
      expect(body.proposals.length).toBeLessThanOrEqual(3);
      expect(body.proposalsTotal).toBe(whole.proposalsTotal);
      expect(body.unmatchedListed).toBe(whole.unmatchedListed);
      proposals.push(...body.proposals.map((p) => p.id));
      unmatched.push(...body.unmatched.map((u) => u.personId));
    }
    expect(proposals).toEqual(whole.proposals.map((p) => p.id));
    expect(unmatched).toEqual(whole.unmatched.map((u) => u.personId));
    const bad = await api.call('GET', `${base}?page=0`, { token: lead });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { message: string } }).error.message).toMatch(
      /page must be a whole number from 1 to/,
    );
  });

  it('keeps drafts from the two people until the lead publishes', async () => {
    const [first] = (await review()).proposals;
    expect((await mine(first!.mentor.personId)).proposals).toEqual([]);
    const early = await answer(first!.mentee.personId, first!.id, 'accepted');
    expect(early.status).toBe(404);
  });

  it('swaps two mentees when both new pairs keep the rules, and refuses a swap that breaks one', async () => {
    let swapped = 0;
    let refused = 0;
    let proposals = (await review()).proposals;
    const tried = new Set<string>();
    for (let attempt = 0; attempt < 80 && (swapped === 0 || refused === 0); attempt++) {
      const pick = proposals
        .flatMap((a, i) => proposals.slice(i + 1).map((b) => [a, b] as const))
        .find(([a, b]) => !tried.has(`${a.id}|${a.mentee.personId}|${b.id}|${b.mentee.personId}`));
      if (!pick) break;
      const [a, b] = pick;
      tried.add(`${a.id}|${a.mentee.personId}|${b.id}|${b.mentee.personId}`);
      const reply = await api.call<MatchingReviewResponse>('POST', `${base}/swap`, {
        token: lead,
        json: { proposalIds: [a.id, b.id] },
      });
      if (reply.status === 200) {
        swapped++;
        const after = reply.body.proposals;
        const a2 = after.find((p) => p.id === a.id)!;
        const b2 = after.find((p) => p.id === b.id)!;
        expect(a2.mentee.personId).toBe(b.mentee.personId);
        expect(b2.mentee.personId).toBe(a.mentee.personId);
        expect(a2.kept && b2.kept).toBe(true);
        expectHardRules(after);
        proposals = after;
      } else {
        expect(reply.status).toBe(400);
        expect(errorCode(reply)).toBe('validation_failed');
        refused++;
      }
    }
    expect(swapped).toBeGreaterThan(0);
    // The demo cohort is small: most exchanges of mentees break a rule (skills, availability).
    expect(refused).toBeGreaterThan(0);
  });

  it('pins a pair and blocks another; a rerun keeps kept and pinned pairs and never proposes a blocked one', async () => {
    const before = await review();
    const kept = before.proposals.filter((p) => p.kept);
    const [toPin, toBlock] = before.proposals.filter((p) => !p.kept);
    const pinned = await api.call<MatchingReviewResponse>('POST', `${base}/pins`, {
      token: lead,
      json: { mentorId: toPin!.mentor.personId, menteeId: toPin!.mentee.personId },
    });
    expect(pinned.status).toBe(200);
    expect(pinned.body.proposals.find((p) => p.id === toPin!.id)).toMatchObject({
      pinned: true,
      kept: true,
    });
    expect(pinned.body.pins).toContainEqual({
      mentorId: toPin!.mentor.personId,
      menteeId: toPin!.mentee.personId,
      mentor: toPin!.mentor,
      mentee: toPin!.mentee,
    });
    const blockedPair = { mentorId: toBlock!.mentor.personId, menteeId: toBlock!.mentee.personId };
    const blocked = await api.call<MatchingReviewResponse>('POST', `${base}/blocks`, {
      token: lead,
      json: blockedPair,
    });
    expect(blocked.status).toBe(200);
    expect(blocked.body.proposals.some((p) => p.id === toBlock!.id)).toBe(false);
    expect(blocked.body.needsRerun).toBe(true);
    for (const id of [blockedPair.mentorId, blockedPair.menteeId]) {
      expect(blocked.body.unmatched.find((u) => u.personId === id)?.reasons[0]?.en).toMatch(
        /blocked/,
      );
    }

    const again = await run();
    expect(again.summary!.carried).toBe(kept.length + 1 + (await openPairs()).length);
    const after = await review();
    for (const p of [...kept, toPin!]) {
      expect(
        after.proposals.find((q) => q.id === p.id),
        `kept ${p.id}`,
      ).toMatchObject({
        mentor: p.mentor,
        mentee: p.mentee,
        kept: true,
      });
    }
    expect(
      after.proposals.some(
        (p) =>
          p.mentor.personId === blockedPair.mentorId && p.mentee.personId === blockedPair.menteeId,
      ),
    ).toBe(false);
    expect(after.needsRerun).toBe(false);
    expectHardRules(after.proposals);
  });

  it('lifts a block and a pin: the next run may pair them again, and an unpinned draft is no longer kept', async () => {
    const before = await review();
    expect(before.blocks).toHaveLength(1);
    expect(before.blocks[0]!.mentor.displayName).toBe(nameOf(before.blocks[0]!.mentorId));
    const pairPath = (p: { mentor: { personId: string }; mentee: { personId: string } }) =>
      `${p.mentor.personId}/${p.mentee.personId}`;

    // Block a draft, then lift the block: its two people are told a rerun will find them a partner.
    const toBlock = before.proposals.find((p) => !p.kept && p.stage === 'draft')!;
    const blocked = await api.call<MatchingReviewResponse>('POST', `${base}/blocks`, {
      token: lead,
      json: { mentorId: toBlock.mentor.personId, menteeId: toBlock.mentee.personId },
    });
    expect(blocked.body.blocks).toHaveLength(2);
    const lifted = await api.call<MatchingReviewResponse>(
      'DELETE',
      `${base}/blocks/${pairPath(toBlock)}`,
      { token: lead },
    );
    expect(lifted.status).toBe(200);
    expect(lifted.body.blocks).toEqual(before.blocks);
    expect(lifted.body.needsRerun).toBe(true);
    for (const id of [toBlock.mentor.personId, toBlock.mentee.personId]) {
      const reasons = lifted.body.unmatched.find((u) => u.personId === id)?.reasons;
      expect(reasons?.map((r) => r.en)).toEqual([
        'Block lifted by the lead: run matching again to find a partner',
      ]);
      expect(reasons?.[0]?.fr).toMatch(/^Blocage levé/);
    }
    const twice = await api.call('DELETE', `${base}/blocks/${pairPath(toBlock)}`, { token: lead });
    expect(twice.status).toBe(404);
    expect(errorCode(twice)).toBe('not_found');

    // Same pool, same kept pairs, same blocks as the last run: the engine proposes that pair again.
    await run();
    const rerun = await review();
    expect(rerun.needsRerun).toBe(false);
    expect(
      rerun.proposals.some(
        (p) =>
          p.mentor.personId === toBlock.mentor.personId &&
          p.mentee.personId === toBlock.mentee.personId,
      ),
    ).toBe(true);

    // Lift the pin: the draft stays, no longer pinned nor kept, without the "imposed" reason.
    const pin = rerun.pins[0]!;
    const draft = rerun.proposals.find(
      (p) => p.mentor.personId === pin.mentorId && p.mentee.personId === pin.menteeId,
    )!;
    expect(draft.reasons[0]!.en).toBe('Paired by the programme lead');
    const unpinned = await api.call<MatchingReviewResponse>(
      'DELETE',
      `${base}/pins/${pin.mentorId}/${pin.menteeId}`,
      { token: lead },
    );
    expect(unpinned.status).toBe(200);
    expect(unpinned.body.pins).toEqual([]);
    const after = unpinned.body.proposals.find((p) => p.id === draft.id)!;
    expect(after).toMatchObject({ pinned: false, kept: false, stage: 'draft' });
    expect(after.reasons.map((r) => r.en)).not.toContain('Paired by the programme lead');
    expect(after.reasons.length).toBeGreaterThan(0);
    const again = await api.call('DELETE', `${base}/pins/${pin.mentorId}/${pin.menteeId}`, {
      token: lead,
    });
    expect(again.status).toBe(404);
    const same = await api.call('DELETE', `${base}/pins/${pin.mentorId}/${pin.mentorId}`, {
      token: lead,
    });
    expect(same.status).toBe(400);
    expect(errorCode(same)).toBe('validation_failed');
  });

  it('lists the active volunteers by name, with the role each volunteered for, to pin or block any two', async () => {
    const reply = await api.call<VolunteersResponse>('GET', `${base}/volunteers`, { token: lead });
    expect(reply.status).toBe(200);
    const { volunteers } = reply.body;
    expect(volunteers.map((v) => v.personId).sort()).toEqual([...profiles.keys()].sort());
    for (const v of volunteers) {
      expect(v).toMatchObject({
        displayName: nameOf(v.personId),
        role: profiles.get(v.personId)!.roleWish,
      });
    }
    const names = volunteers.map((v) => v.displayName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('refuses to swap a pinned pair away, saying to unpin it first', async () => {
    const { proposals } = await review();
    const pin = {
      mentorId: proposals[0]!.mentor.personId,
      menteeId: proposals[0]!.mentee.personId,
    };
    const pinned = await api.call<MatchingReviewResponse>('POST', `${base}/pins`, {
      token: lead,
      json: pin,
    });
    expect(pinned.status).toBe(200);
    const reply = await api.call('POST', `${base}/swap`, {
      token: lead,
      json: { proposalIds: [proposals[0]!.id, proposals[1]!.id] },
    });
    expect(reply.status).toBe(400);
    expect(
      (reply.body as { error: { details: { violations: unknown[] } } }).error.details.violations,
    ).toEqual([{ ...pin, codes: ['pinned'] }]);
    const after = await review();
    expect(after.proposals.find((p) => p.id === proposals[0]!.id)?.mentee).toEqual(
      proposals[0]!.mentee,
    );
    const lifted = await api.call('DELETE', `${base}/pins/${pin.mentorId}/${pin.menteeId}`, {
      token: lead,
    });
    expect(lifted.status).toBe(200);
  });

  it('refuses a pin that breaks a hard rule, naming it', async () => {
    // Two volunteers in one reporting line: a manager and someone in their chain.
    const volunteers = [...profiles.values()];
    const mentor = volunteers.find(
      (m) =>
        m.roleWish !== 'mentee' &&
        volunteers.some((e) => e.roleWish !== 'mentor' && inSameReportingLine(m.id, e.id, people)),
    )!;
    const mentee = volunteers.find(
      (e) => e.roleWish !== 'mentor' && inSameReportingLine(mentor.id, e.id, people),
    )!;
    const reply = await api.call('POST', `${base}/pins`, {
      token: lead,
      json: { mentorId: mentor.id, menteeId: mentee.id },
    });
    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe('validation_failed');
    expect(JSON.stringify(reply.body)).toContain('same_reporting_line');
    const outsider = await api.call('POST', `${base}/pins`, {
      token: lead,
      json: { mentorId: mentor.id, menteeId: demoPersonId(1) },
    });
    expect(outsider.status).toBe(400);
    expect((outsider.body as { error: { message: string } }).error.message).toMatch(
      /not an active volunteer/,
    );
  });

  it('accepts all, publishes with the programme deadline, and shows each person their own proposal', async () => {
    const accepted = await api.call<MatchingReviewResponse>('POST', `${base}/accept-all`, {
      token: lead,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.proposals.every((p) => p.kept)).toBe(true);
    const drafts = accepted.body.proposals.length;

    const before = Date.now();
    const published = await api.call<PublishResponse>('POST', `${base}/publish`, { token: lead });
    expect(published.status).toBe(200);
    expect(published.body.published).toBe(drafts);
    const deadline = Date.parse(published.body.expiresAt!);
    expect(deadline - before).toBeGreaterThanOrEqual(3 * 86_400_000 - 1000);
    expect(deadline - before).toBeLessThan(3 * 86_400_000 + 60_000);
    const again = await api.call<PublishResponse>('POST', `${base}/publish`, { token: lead });
    expect(again.body.published).toBe(0);
    // Each person is told in Teams chat, once per proposal (the app's composition root wires it).
    const told = (await proposalMessages()).map((n) => n.recipientId).sort();
    const concerned = accepted.body.proposals
      .flatMap((q) => [q.mentor.personId, q.mentee.personId])
      .sort();
    expect(told).toEqual(concerned);

    const view = await review();
    expect(view.proposals.every((p) => p.stage === 'published')).toBe(true);
    const p = view.proposals[0]!;
    const mentorView = await mine(p.mentor.personId);
    expect(mentorView.locale).toBe('fr');
    expect(mentorView.proposals).toHaveLength(
      view.proposals.filter(
        (q) => q.mentor.personId === p.mentor.personId || q.mentee.personId === p.mentor.personId,
      ).length,
    );
    const card = mentorView.proposals.find((q) => q.id === p.id)!;
    expect(card).toMatchObject({
      role: 'mentor',
      status: 'proposed',
      myAnswer: null,
      partner: { personId: p.mentee.personId, displayName: p.mentee.displayName },
    });
    expect(card.reasons).toEqual(p.reasons.map((r) => r.fr));
    const english = await mine(p.mentor.personId, 'en');
    expect(english.proposals.find((q) => q.id === p.id)!.reasons).toEqual(
      p.reasons.map((r) => r.en),
    );
    // A published mentee cannot be pinned to someone else: no run would re-pair them.
    const other = view.proposals.find((q) => q.mentor.personId !== p.mentor.personId)!;
    const refused = await api.call('POST', `${base}/pins`, {
      token: lead,
      json: { mentorId: other.mentor.personId, menteeId: p.mentee.personId },
    });
    expect(refused.status).toBe(400);
    expect(
      (refused.body as { error: { details: { violations: { codes: string[] }[] } } }).error.details
        .violations[0]!.codes,
    ).toContain('already_paired');
    // Someone else sees none of it and cannot answer it.
    const outsider = view.unmatched[0]?.personId ?? demoPersonId(1);
    expect((await mine(outsider)).proposals.some((q) => q.id === p.id)).toBe(false);
    const meddling = await answer(outsider, p.id, 'accepted');
    // As for an unknown proposal: who was proposed to whom is private.
    expect(meddling.status).toBe(404);
    expect(meddling.body).toEqual({
      error: {
        code: 'not_found',
        message: `Proposal ${p.id} was not found`,
        details: { proposalId: p.id },
      },
    });
  });

  it('creates the pair once both accept; accepting twice changes nothing', async () => {
    const [p] = (await review()).proposals;
    const first = await answer(p!.mentor.personId, p!.id, 'accepted');
    expect(first.status).toBe(200);
    // The mentor is told how many people they can mentor at once; the mentee is not asked.
    const mentorProfile = await app.repos.profiles.find(tenant, p!.mentor.personId);
    expect(first.body).toMatchObject({
      myAnswer: 'accepted',
      waitingForPartner: true,
      pairId: null,
      mentorCapacity: mentorProfile!.value.mentorCapacity,
    });
    const twice = await answer(p!.mentor.personId, p!.id, 'accepted');
    expect(twice.status).toBe(200);
    const change = await answer(p!.mentor.personId, p!.id, 'declined');
    expect(change.status).toBe(409);
    expect(errorCode(change)).toBe('invalid_transition');

    const second = await answer(p!.mentee.personId, p!.id, 'accepted');
    expect(second.status).toBe(200);
    expect(second.body.status).toBe('accepted');
    expect(second.body.mentorCapacity).toBeNull();
    expect(second.body.pairId).toBeTruthy();
    const pairs = app.repos.pairs;
    const pair = await pairs.get(tenant, second.body.pairId!);
    expect(pair.value).toMatchObject({
      state: 'accepted',
      mentorId: p!.mentor.personId,
      menteeId: p!.mentee.personId,
      proposalId: p!.id,
    });
    const repeat = await answer(p!.mentee.personId, p!.id, 'accepted');
    expect(repeat.body.pairId).toBe(second.body.pairId);
    expect((await pairs.ofPerson(tenant, p!.mentee.personId)).length).toBe(1);
  });

  it('creates one pair when both accept at the same moment', async () => {
    const open = (await review()).proposals.find((p) => p.status === 'proposed')!;
    const [a, b] = await Promise.all([
      answer(open.mentor.personId, open.id, 'accepted'),
      answer(open.mentee.personId, open.id, 'accepted'),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const settled = (await review()).proposals.find((p) => p.id === open.id)!;
    expect(settled).toMatchObject({
      status: 'accepted',
      answers: { mentor: 'accepted', mentee: 'accepted' },
    });
    const pairs = app.repos.pairs;
    const theirs = (await pairs.ofPerson(tenant, open.mentee.personId)).filter(
      (p) => p.value.proposalId === open.id,
    );
    expect(theirs.map((p) => p.value.id)).toEqual([settled.pairId]);
  });

  it('after a decline proposes the next best to both, never the declined pair, without touching accepted pairs', async () => {
    const before = await review();
    const accepted = before.proposals.filter((p) => p.status === 'accepted');
    expect(accepted.length).toBe(2);
    const declined = before.proposals.find((p) => p.status === 'proposed')!;
    const reply = await answer(declined.mentee.personId, declined.id, 'declined');
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe('declined');

    const repair = await settle();
    expect(repair.trigger).toBe('repair');
    const after = await review();
    expect(after.counts.declined).toBe(1);
    for (const p of accepted) {
      expect(after.proposals.find((q) => q.id === p.id)).toMatchObject({
        status: 'accepted',
        mentor: p.mentor,
        mentee: p.mentee,
      });
    }
    // Proposals published before the decline are untouched.
    for (const p of before.proposals.filter((q) => q.id !== declined.id)) {
      expect(after.proposals.find((q) => q.id === p.id)?.mentee).toEqual(p.mentee);
    }
    expect(
      after.proposals.some(
        (p) =>
          p.mentor.personId === declined.mentor.personId &&
          p.mentee.personId === declined.mentee.personId,
      ),
    ).toBe(false);
    for (const id of [declined.mentor.personId, declined.mentee.personId]) {
      const fresh = after.proposals.find(
        (p) =>
          p.id !== declined.id &&
          (p.mentor.personId === id || p.mentee.personId === id) &&
          !before.proposals.some((b) => b.id === p.id),
      );
      const left = after.unmatched.find((u) => u.personId === id);
      const stillPaired =
        after.proposals.some(
          (p) =>
            p.id !== declined.id &&
            before.proposals.some((b) => b.id === p.id) &&
            (p.mentor.personId === id || p.mentee.personId === id),
        ) || (await openPairs()).some((p) => p.mentorId === id || p.menteeId === id);
      // A new proposal, published at once with a deadline; or an explanation; or (a mentor with
      // room for two) the other pair they already have.
      if (stillPaired) continue;
      if (fresh) {
        expect(fresh.stage).toBe('published');
        expect(fresh.expiresAt).not.toBeNull();
        expect((await mine(id)).proposals.some((q) => q.id === fresh.id)).toBe(true);
      } else {
        expect(
          left?.reasons.length,
          `${nameOf(id)} gets a new proposal or a reason`,
        ).toBeGreaterThan(0);
      }
    }
    const freed = [declined.mentor.personId, declined.mentee.personId];
    const fresh = after.proposals.filter(
      (p) =>
        !before.proposals.some((b) => b.id === p.id) &&
        (freed.includes(p.mentor.personId) || freed.includes(p.mentee.personId)),
    );
    // In the demo cohort someone compatible is free for at least one of the two.
    expect(fresh.length).toBeGreaterThan(0);
    expectHardRules(after.proposals);
    const tooLate = await answer(declined.mentor.personId, declined.id, 'accepted');
    expect(tooLate.status).toBe(409);
  });

  it('expires unanswered proposals after the deadline and proposes again (the scheduler entry point)', async () => {
    const clock = fixedClock(new Date(Date.now() + 4 * 86_400_000));
    const service = matchingThatMakesNoPairs(app.repos, { clock, log: recordingLogger() });
    const before = await review();
    const open = before.proposals.filter((p) => p.status === 'proposed');
    expect(open.length).toBeGreaterThan(0);
    const { expired } = await service.expireEverywhere();
    expect(expired).toBe(open.length);
    await service.drain();
    const again = await service.expireDue(tenant, demoProgrammeId);
    expect(again.expired).toBe(0);
    const after = await review();
    expect(after.counts.expired).toBe(open.length);
    expect(after.run).toMatchObject({ trigger: 'repair', status: 'succeeded' });
    // Accepted pairs are untouched.
    const accepted = before.proposals.filter((p) => p.status === 'accepted');
    expect(accepted.length).toBeGreaterThan(0);
    for (const p of accepted) {
      expect(after.proposals.find((q) => q.id === p.id)).toMatchObject({
        status: 'accepted',
        mentor: p.mentor,
        mentee: p.mentee,
      });
    }
    // Everyone freed by the expiry gets the next best (published at once), never the same pair
    // again, or is told why not.
    const fresh = after.proposals.filter((q) => !before.proposals.some((b) => b.id === q.id));
    expect(fresh.length).toBeGreaterThan(0);
    for (const q of fresh) {
      expect(q.stage).toBe('published');
      expect(
        open.some(
          (o) => o.mentor.personId === q.mentor.personId && o.mentee.personId === q.mentee.personId,
        ),
      ).toBe(false);
    }
    for (const id of new Set(open.flatMap((o) => [o.mentor.personId, o.mentee.personId]))) {
      const placed = after.proposals.some(
        (q) => q.mentor.personId === id || q.mentee.personId === id,
      );
      const told = (after.unmatched.find((u) => u.personId === id)?.reasons.length ?? 0) > 0;
      const inPair = (await openPairs()).some((p) => p.mentorId === id || p.menteeId === id);
      expect(placed || told || inPair, `${nameOf(id)} gets a proposal or a reason`).toBe(true);
    }
    const late = await answer(open[0]!.mentor.personId, open[0]!.id, 'accepted');
    expect(late.status).toBe(409);
    const mineAfter = await mine(open[0]!.mentor.personId);
    expect(mineAfter.proposals.find((q) => q.id === open[0]!.id)?.status).toBe('expired');
  });

  it('withdraws at once the open proposals of someone who pauses through their profile', async () => {
    const before = await review();
    const open = before.proposals.find((p) => p.stage === 'published' && p.status === 'proposed');
    expect(open, 'a published proposal still open').toBeDefined();
    const menteeToken = await as(open!.mentee.personId);
    const paused = await api.call('POST', `/api/programmes/${demoProgrammeId}/profile/me/pause`, {
      token: menteeToken,
      json: { until: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) },
    });
    expect(paused.status).toBe(200);
    const after = await settle().then(review);
    expect(after.proposals.some((q) => q.id === open!.id && q.status === 'proposed')).toBe(false);
    expect(
      after.proposals.some(
        (q) => q.mentee.personId === open!.mentee.personId && q.status === 'proposed',
      ),
    ).toBe(false);
    const partner = await mine(open!.mentor.personId);
    expect(partner.proposals.find((q) => q.id === open!.id)?.status).not.toBe('proposed');
  });
});
