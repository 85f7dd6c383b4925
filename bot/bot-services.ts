import type { Approval, ApprovalDecision } from '../src/domain/approval';
import type { Locale } from './locale';

/** The person behind an activity: Entra object id and tenant, as Teams sends them. */
export type BotUser = {
  tenantId: string;
  /** Entra object id (`activity.from.aadObjectId`) = the person's id in the directory. */
  personId: string;
  /** Teams user id (`29:…`), for card refresh. */
  teamsUserId: string;
  name: string;
  locale: Locale;
};

/** What a Teams activity gives to reach the person later. */
export type ConversationTarget = {
  channelId: string;
  serviceUrl: string;
  conversation: { id: string; conversationType?: string; tenantId?: string };
  user: { id: string; name?: string; aadObjectId?: string };
  bot: { id: string; name?: string };
};

export type NextSessionAnswer =
  | {
      kind: 'session';
      partnerName: string;
      startsAt: string;
      durationMinutes: number;
      timeZone: string;
      topic?: string;
    }
  | { kind: 'none_planned'; partnerName: string }
  | { kind: 'no_pair' };

export type PauseAnswer =
  | { kind: 'paused'; until: string; timeZone: string; partnerNames: string[] }
  | { kind: 'nothing_to_pause' };

export type ResumeAnswer = { kind: 'resumed'; partnerNames: string[] } | { kind: 'not_paused' };

/** A session waiting for this person's feedback. */
export type FeedbackRequest = {
  tenantId: string;
  pairId: string;
  sessionId: string;
  partnerName: string;
  /** The session's day in the person's time zone, `YYYY-MM-DD`. */
  day: string;
};

export type FeedbackInput = {
  pairId: string;
  sessionId: string;
  rating: number;
  worked: string;
  suggestion: string;
};

/** An approval with the names a card shows. */
export type ApprovalView = {
  approval: Approval;
  personName: string;
  partnerName: string;
  programmeName: string;
  managerName: string;
  managerTimeZone: string;
  /** The manager's Teams user id, when the bot has talked with them (card refresh). */
  managerTeamsUserId?: string;
};

/** What the bot asks of the rest of the application; bot/mentoring-services.ts implements it. */
export interface BotServices {
  /** Stores how to reach the person; `created` on the first contact (install or first message). */
  rememberConversation(
    user: BotUser,
    target: ConversationTarget,
  ): Promise<{ created: boolean; displayName?: string }>;
  nextSession(user: BotUser): Promise<NextSessionAnswer>;
  pause(user: BotUser): Promise<PauseAnswer>;
  resume(user: BotUser): Promise<ResumeAnswer>;
  /** The given session, or the latest one this person has not given feedback on. */
  feedbackRequest(
    user: BotUser,
    session?: { pairId: string; sessionId: string },
  ): Promise<FeedbackRequest | undefined>;
  /** Writes the feedback on the pair, as the tab does; repeating it overwrites this person's. */
  submitFeedback(
    user: BotUser,
    input: FeedbackInput,
  ): Promise<FeedbackRequest & { rating: number }>;
  approvalView(tenantId: string, approvalId: string): Promise<ApprovalView>;
  /**
   * The invoker decides. `forbidden` when they are not the manager asked; `changed: false` when
   * the same decision was already taken; `invalid_transition` for the opposite one.
   */
  decideApproval(
    user: BotUser,
    approvalId: string,
    decision: ApprovalDecision,
    comment: string | undefined,
  ): Promise<{ view: ApprovalView; changed: boolean }>;
}
