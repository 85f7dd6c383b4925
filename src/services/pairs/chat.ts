import { localDay } from '../../domain/local-day';
import { isPairClosed, partnerOf, roleIn } from '../../domain/pair/membership';
import { sessionsAwaitingFeedback } from '../../domain/pair/feedback';
import type { Pair } from '../../domain/pair/schema';
import { nextSession } from '../../domain/pair/sessions';
import type { Principal } from '../auth/principal';
import type { PairLifecycle } from './lifecycle';
import type { PairUseCaseDeps } from './pair-access';

/** The caller's next session across their open pairs (the chat's "next session"). */
export type NextSessionAnswer =
  | {
      kind: 'session';
      partnerName: string;
      startsAt: string;
      durationMinutes: number;
      /** The caller's time zone, to say the time in. */
      timeZone: string;
      topic?: string;
    }
  | { kind: 'none_planned'; partnerName: string }
  | { kind: 'no_pair' };

export type PauseAnswer =
  | { kind: 'paused'; until: string; timeZone: string; partnerNames: string[] }
  | { kind: 'nothing_to_pause' };

export type ResumeAnswer = { kind: 'resumed'; partnerNames: string[] } | { kind: 'not_paused' };

/** A session waiting for the caller's feedback. */
export type FeedbackRequest = {
  tenantId: string;
  pairId: string;
  sessionId: string;
  partnerName: string;
  /** The session's day in the caller's time zone, `YYYY-MM-DD`. */
  day: string;
};

/** The chat pauses and resumes through the tab's own lifecycle use case. */
export type PairChatDeps = PairUseCaseDeps & { lifecycle: PairLifecycle };

const dayMs = 24 * 60 * 60 * 1000;

/** Open pairs in the order the chat answers about them: the running ones first. */
const chatOrder = ['active', 'paused', 'awaiting_approval', 'accepted', 'proposed'];

/** What the bot answers in chat about the caller's pairs, through the same use cases as the tab. */
export class PairChat {
  constructor(private readonly deps: PairChatDeps) {}

  /** The soonest planned session of the caller's open pairs. */
  async nextSession(principal: Principal): Promise<NextSessionAnswer> {
    const pairs = await this.openPairs(principal);
    const [first] = pairs;
    if (!first) return { kind: 'no_pair' };
    const upcoming = pairs
      .map((pair) => ({ pair, session: nextSession(pair, this.deps.clock) }))
      .filter((x) => x.session !== undefined)
      .sort((a, b) => (a.session?.start ?? '').localeCompare(b.session?.start ?? ''))[0];
    const timeZone = await this.timeZoneOf(principal);
    if (!upcoming?.session) {
      return {
        kind: 'none_planned',
        partnerName: await this.partnerName(first, principal.personId),
      };
    }
    const { pair, session } = upcoming;
    return {
      kind: 'session',
      partnerName: await this.partnerName(pair, principal.personId),
      startsAt: session.start,
      durationMinutes: session.durationMinutes,
      timeZone,
      ...(pair.agreement.subject ? { topic: pair.agreement.subject } : {}),
    };
  }

  /**
   * Pauses every active pair of the caller for `days` days through `transition` (the chat's
   * "pause"): the same effect as pausing each one from the tab.
   */
  async pauseMine(principal: Principal, days: number): Promise<PauseAnswer> {
    const active = (await this.openPairs(principal)).filter((pair) => pair.state === 'active');
    if (active.length === 0) return { kind: 'nothing_to_pause' };
    const until = new Date(this.deps.clock.now().getTime() + days * dayMs).toISOString();
    const partnerNames: string[] = [];
    for (const pair of active) {
      await this.deps.lifecycle.transition(principal, pair.id, { type: 'pause', until }, undefined);
      partnerNames.push(await this.partnerName(pair, principal.personId));
    }
    return { kind: 'paused', until, timeZone: await this.timeZoneOf(principal), partnerNames };
  }

  /** Resumes every paused pair of the caller through `transition` (the chat's "resume"). */
  async resumeMine(principal: Principal): Promise<ResumeAnswer> {
    const paused = (await this.openPairs(principal)).filter((pair) => pair.state === 'paused');
    if (paused.length === 0) return { kind: 'not_paused' };
    const partnerNames: string[] = [];
    for (const pair of paused) {
      await this.deps.lifecycle.transition(principal, pair.id, { type: 'resume' }, undefined);
      partnerNames.push(await this.partnerName(pair, principal.personId));
    }
    return { kind: 'resumed', partnerNames };
  }

  /**
   * The given session (`not_pair_member` when the caller is not in the pair; undefined when the
   * pair or session is gone), or else the latest session of the caller's open pairs still waiting
   * for their feedback.
   */
  async feedbackRequest(
    principal: Principal,
    wanted?: { pairId: string; sessionId: string },
  ): Promise<FeedbackRequest | undefined> {
    const timeZone = await this.timeZoneOf(principal);
    if (wanted?.pairId && wanted.sessionId) {
      const found = await this.deps.pairs.find(principal.tenantId, wanted.pairId);
      if (!found) return undefined;
      roleIn(found.value, principal.personId);
      const session = found.value.sessions.find((s) => s.id === wanted.sessionId);
      if (!session) return undefined;
      return this.feedbackRequestFor(found.value, session.start, session.id, principal, timeZone);
    }
    const candidates = (await this.openPairs(principal)).flatMap((pair) =>
      sessionsAwaitingFeedback(pair, principal.personId, this.deps.clock).map((session) => ({
        pair,
        session,
      })),
    );
    const latest = candidates.sort((a, b) => b.session.start.localeCompare(a.session.start))[0];
    if (!latest) return undefined;
    return this.feedbackRequestFor(
      latest.pair,
      latest.session.start,
      latest.session.id,
      principal,
      timeZone,
    );
  }

  /** The caller's pairs that are not closed, in `chatOrder`. One query. */
  private async openPairs(principal: Principal): Promise<Pair[]> {
    const pairs = await this.deps.pairs.ofPerson(principal.tenantId, principal.personId);
    return pairs
      .map((p) => p.value)
      .filter((pair) => !isPairClosed(pair))
      .sort((a, b) => chatOrder.indexOf(a.state) - chatOrder.indexOf(b.state));
  }

  private async feedbackRequestFor(
    pair: Pair,
    start: string,
    sessionId: string,
    principal: Principal,
    timeZone: string,
  ): Promise<FeedbackRequest> {
    return {
      tenantId: pair.tenantId,
      pairId: pair.id,
      sessionId,
      partnerName: await this.partnerName(pair, principal.personId),
      day: localDay(start, timeZone),
    };
  }

  /**
   * The partner's name in the directory, else the pair's snapshot of them (an erased partner is
   * "former participant" there), else their id.
   */
  private async partnerName(pair: Pair, personId: string): Promise<string> {
    const partnerId = partnerOf(pair, personId);
    const snapshot = pair.members?.[partnerId === pair.mentorId ? 'mentor' : 'mentee'];
    return (
      (await this.deps.directory.person(pair.tenantId, partnerId))?.displayName ??
      snapshot?.displayName ??
      partnerId
    );
  }

  private async timeZoneOf(principal: Principal): Promise<string> {
    return (
      (await this.deps.directory.person(principal.tenantId, principal.personId))?.timeZone ?? 'UTC'
    );
  }
}
