import type { Approval } from '../src/domain/approval';
import type { Clock } from '../src/domain/clock';
import type { ApprovalService } from '../src/services/approval-service';
import type { BuddyService } from '../src/services/buddy/buddy-service';
import type { OrgDirectory } from '../src/services/people/org-directory';
import type { PairService } from '../src/services/pairs/pair-service';
import type { ConversationRepository } from '../src/store/conversation-repository';
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

/**
 * What the bot calls: the application's services, the very instances the tab's API calls
 * (src/main.ts builds them), and the conversation references that reach people in Teams.
 */
export type BotServices = {
  /** Next session, pause, resume and feedback: the pair's own service. */
  pairs: Pick<
    PairService,
    'nextSession' | 'pauseMine' | 'resumeMine' | 'feedbackRequest' | 'giveFeedback'
  >;
  /** The manager's approval cards decide as the tab does. */
  approvals: Pick<ApprovalService, 'view' | 'decide'>;
  /** Names for the welcome card: Teams does not always send one (installationUpdate). */
  directory: Pick<OrgDirectory, 'person'>;
  conversations: Pick<ConversationRepository, 'remember' | 'ofPerson'>;
  /** Quick help: ask, buddy on/off, offers, connect and close cards (the tab's own service). */
  buddy: Pick<
    BuddyService,
    'me' | 'setActive' | 'ask' | 'accept' | 'pass' | 'close' | 'thanks' | 'widen' | 'book' | 'cardView'
  >;
  clock: Clock;
};
