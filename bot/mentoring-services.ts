import type { ApprovalDecision } from '../src/domain/approval';
import type { Clock } from '../src/domain/clock';
import { sessionsAwaitingFeedback } from '../src/domain/pair-activity';
import {
  isPairClosed,
  nextSession,
  partnerOf,
  roleIn,
  transitionPair,
  type Pair,
} from '../src/domain/pair';
import { ApprovalService, type ApprovalDetails } from '../src/services/approval-service';
import type { Principal } from '../src/services/auth/principal';
import type { PairService } from '../src/services/pair-service';
import type { ApprovalRepository } from '../src/store/approval-repository';
import type { ConversationRepository } from '../src/store/conversation-repository';
import type { NotificationRepository } from '../src/store/notification-repository';
import type { PairRepository } from '../src/store/pair-repository';
import type { PeopleRepository } from '../src/store/people-repository';
import type { ProgrammeRepository } from '../src/store/programme-repository';
import type {
  ApprovalView,
  BotServices,
  BotUser,
  ConversationTarget,
  FeedbackInput,
  FeedbackRequest,
  NextSessionAnswer,
  PauseAnswer,
  ResumeAnswer,
} from './bot-services';

export type MentoringServicesDeps = {
  clock: Clock;
  conversations: ConversationRepository;
  pairs: PairRepository;
  people: PeopleRepository;
  programmes: ProgrammeRepository;
  approvals: ApprovalRepository;
  notifications: NotificationRepository;
  /**
   * The pair's own service (src/services/pair-service.ts): pausing, resuming and feedback go
   * through it so the bot does exactly what the tab does (a pause also cancels the calendar series).
   */
  pairActions: Pick<PairService, 'transition' | 'giveFeedback'>;
  /** How long "pause" pauses a pair (DESIGN.md: anyone can pause at any time). */
  pauseDays?: number;
  /**
   * The approvals the tab decides too (src/services/approval-service.ts); built over the
   * repositories above when not given.
   */
  approvalService?: ApprovalService;
};

/** The bot's caller as the services know callers: Teams vouched for the Entra object id. */
function principalOf(user: BotUser): Principal {
  return {
    tenantId: user.tenantId,
    personId: user.personId,
    name: user.name,
    email: '',
    appRoles: [],
    isTenantLead: false,
    // The Bot Framework authenticated the activity; like SSO, the identity comes from Entra ID.
    signIn: 'sso',
  };
}

const dayMs = 24 * 60 * 60 * 1000;

/** The bot's use cases over the Cosmos repositories. */
export class MentoringServices implements BotServices {
  private readonly approvals: ApprovalService;

  constructor(private readonly deps: MentoringServicesDeps) {
    this.approvals =
      deps.approvalService ??
      new ApprovalService({
        approvals: deps.approvals,
        pairs: deps.pairs,
        people: deps.people,
        programmes: deps.programmes,
        notifications: deps.notifications,
        clock: deps.clock,
      });
  }

  async rememberConversation(
    user: BotUser,
    target: ConversationTarget,
  ): Promise<{ created: boolean; displayName?: string }> {
    const { created } = await this.deps.conversations.remember(
      {
        tenantId: user.tenantId,
        personId: user.personId,
        reference: target,
        locale: user.locale,
      },
      this.deps.clock.now(),
    );
    if (!created) return { created };
    // Teams does not always send the name (installationUpdate): the directory has it.
    const person = await this.deps.people.find(user.tenantId, user.personId);
    return person ? { created, displayName: person.value.displayName } : { created };
  }

  async nextSession(user: BotUser): Promise<NextSessionAnswer> {
    const pairs = await this.openPairs(user);
    if (pairs.length === 0) return { kind: 'no_pair' };
    const upcoming = pairs
      .map((pair) => ({ pair, session: nextSession(pair, this.deps.clock) }))
      .filter((x) => x.session !== undefined)
      .sort((a, b) => (a.session?.start ?? '').localeCompare(b.session?.start ?? ''))[0];
    const timeZone = await this.timeZoneOf(user);
    if (!upcoming?.session) {
      const first = pairs[0] as Pair;
      return { kind: 'none_planned', partnerName: await this.partnerName(first, user) };
    }
    const { pair, session } = upcoming;
    return {
      kind: 'session',
      partnerName: await this.partnerName(pair, user),
      startsAt: session.start,
      durationMinutes: session.durationMinutes,
      timeZone,
      ...(pair.agreement.subject ? { topic: pair.agreement.subject } : {}),
    };
  }

  async pause(user: BotUser): Promise<PauseAnswer> {
    const active = (await this.openPairs(user)).filter((pair) => pair.state === 'active');
    if (active.length === 0) return { kind: 'nothing_to_pause' };
    const until = new Date(
      this.deps.clock.now().getTime() + (this.deps.pauseDays ?? 14) * dayMs,
    ).toISOString();
    const partnerNames: string[] = [];
    for (const pair of active) {
      await this.deps.pairActions.transition(
        principalOf(user),
        pair.id,
        { type: 'pause', until },
        undefined,
      );
      await this.deps.notifications.cancelPending(user.tenantId, pair.id);
      partnerNames.push(await this.partnerName(pair, user));
    }
    return { kind: 'paused', until, timeZone: await this.timeZoneOf(user), partnerNames };
  }

  async resume(user: BotUser): Promise<ResumeAnswer> {
    const paused = (await this.openPairs(user)).filter((pair) => pair.state === 'paused');
    if (paused.length === 0) return { kind: 'not_paused' };
    const partnerNames: string[] = [];
    for (const pair of paused) {
      await this.deps.pairs.update(
        user.tenantId,
        pair.id,
        (current) =>
          transitionPair(current, { type: 'resume' }, user.personId, this.deps.clock).pair,
      );
      partnerNames.push(await this.partnerName(pair, user));
    }
    return { kind: 'resumed', partnerNames };
  }

  async feedbackRequest(
    user: BotUser,
    wanted?: { pairId: string; sessionId: string },
  ): Promise<FeedbackRequest | undefined> {
    const timeZone = await this.timeZoneOf(user);
    if (wanted?.pairId && wanted.sessionId) {
      const found = await this.deps.pairs.find(user.tenantId, wanted.pairId);
      if (!found) return undefined;
      roleIn(found.value, user.personId);
      const session = found.value.sessions.find((s) => s.id === wanted.sessionId);
      if (!session) return undefined;
      return this.request(found.value, session.id, session.start, user, timeZone);
    }
    const candidates = (await this.openPairs(user)).flatMap((pair) =>
      sessionsAwaitingFeedback(pair, user.personId, this.deps.clock).map((session) => ({
        pair,
        session,
      })),
    );
    const latest = candidates.sort((a, b) => b.session.start.localeCompare(a.session.start))[0];
    if (!latest) return undefined;
    return this.request(latest.pair, latest.session.id, latest.session.start, user, timeZone);
  }

  async submitFeedback(
    user: BotUser,
    input: FeedbackInput,
  ): Promise<FeedbackRequest & { rating: number }> {
    // The tab's own feedback path (PairService.giveFeedback).
    await this.deps.pairActions.giveFeedback(principalOf(user), input.pairId, input.sessionId, {
      rating: input.rating,
      worked: input.worked,
      suggestion: input.suggestion,
    });
    const saved = await this.deps.pairs.get(user.tenantId, input.pairId);
    const session = saved.value.sessions.find((s) => s.id === input.sessionId);
    const request = await this.request(
      saved.value,
      input.sessionId,
      session?.start ?? this.deps.clock.now().toISOString(),
      user,
      await this.timeZoneOf(user),
    );
    return { ...request, rating: input.rating };
  }

  async approvalView(tenantId: string, approvalId: string): Promise<ApprovalView> {
    const details = await this.approvals.view(tenantId, approvalId);
    const managerConversation = await this.deps.conversations.ofPerson(
      tenantId,
      details.approval.managerId,
    );
    return viewOf(details, managerConversation?.value.reference.user.id);
  }

  async decideApproval(
    user: BotUser,
    approvalId: string,
    decision: ApprovalDecision,
    comment: string | undefined,
  ): Promise<{ view: ApprovalView; changed: boolean }> {
    // The tab's own decision path (ApprovalService.decide): same checks, same consequences.
    const result = await this.approvals.decide(user, approvalId, decision, comment);
    const managerConversation = await this.deps.conversations.ofPerson(
      user.tenantId,
      result.details.approval.managerId,
    );
    return {
      view: viewOf(result.details, managerConversation?.value.reference.user.id),
      changed: result.changed,
    };
  }

  private async request(
    pair: Pair,
    sessionId: string,
    start: string,
    user: BotUser,
    timeZone: string,
  ): Promise<FeedbackRequest> {
    return {
      tenantId: pair.tenantId,
      pairId: pair.id,
      sessionId,
      partnerName: await this.partnerName(pair, user),
      day: localDay(start, timeZone),
    };
  }

  private async openPairs(user: BotUser): Promise<Pair[]> {
    const pairs = await this.deps.pairs.ofPerson(user.tenantId, user.personId);
    const order = ['active', 'paused', 'awaiting_approval', 'accepted', 'proposed'];
    return pairs
      .map((p) => p.value)
      .filter((pair) => !isPairClosed(pair))
      .sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state));
  }

  private async partnerName(pair: Pair, user: BotUser): Promise<string> {
    const partnerId = partnerOf(pair, user.personId);
    const partner = await this.deps.people.find(user.tenantId, partnerId);
    return partner?.value.displayName ?? partnerId;
  }

  private async timeZoneOf(user: BotUser): Promise<string> {
    return (await this.deps.people.find(user.tenantId, user.personId))?.value.timeZone ?? 'UTC';
  }
}

function viewOf(details: ApprovalDetails, managerTeamsUserId: string | undefined): ApprovalView {
  return {
    approval: details.approval,
    personName: details.personName,
    partnerName: details.partnerName,
    programmeName: details.programmeName,
    managerName: details.managerName,
    managerTimeZone: details.managerTimeZone,
    ...(managerTeamsUserId ? { managerTeamsUserId } : {}),
  };
}

/** `YYYY-MM-DD` of an instant in a time zone. */
export function localDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}
