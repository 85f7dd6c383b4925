import {
  ActionTypes,
  CardFactory,
  type Attachment,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import { isDomainError } from '../src/domain/errors';
import type { Notification } from '../src/domain/notification';
import type {
  NotificationDelivery,
  PreparedDelivery,
} from '../src/notifications/notification-dispatcher';
import type { ApprovalService } from '../src/services/approval-service';
import type { BuddyService } from '../src/services/buddy/buddy-service';
import {
  buddyCloseCard,
  buddyConnectCard,
  buddyOfferCard,
  buddyUnansweredCard,
} from './cards/buddy-cards';
import type { ConversationRepository } from '../src/store/conversation-repository';
import {
  approvalRequestCard,
  cardAttachment,
  nudgeCard,
  reminderCard,
  welcomeCard,
} from './cards/cards';
import type { NudgeKind } from './cards/card-strings';
import type { Locale } from './locale';
import { formatDateTime } from './cards/format';
import { say } from './messages';

/** What the notifier needs of botbuilder's CloudAdapter (a TestAdapter subclass in tests). */
export interface ProactiveAdapter {
  continueConversationAsync(
    botAppId: string,
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}

export type ProactiveNotifierDeps = {
  adapter: ProactiveAdapter;
  /** The bot's app id ('' when running without one, locally). */
  botAppId: string;
  conversations: Pick<ConversationRepository, 'ofPerson'>;
  /** For approval cards and outcomes: the request as it stands, with names. */
  approvals: Pick<ApprovalService, 'view'>;
  /** Quick-help cards: what the person should see for the request now (absent: none sent). */
  buddy?: Pick<BuddyService, 'cardView'>;
  /** Teams deep link to the tab, for nudge buttons. */
  tabUrl?: string;
  /** The "My match" screen; by default `proposal` beside `tabUrl`. */
  proposalUrl?: string;
};

const reminderPayload = z.object({
  partnerName: z.string(),
  startsAt: z.iso.datetime(),
  durationMinutes: z.number().int().positive(),
  leadMinutes: z.number().int().nonnegative(),
  timeZone: z.string().optional(),
  topic: z.string().optional(),
  joinUrl: z.url().optional(),
});

const nudgePayload = z.object({
  partnerName: z.string(),
  day: z.string().optional(),
  sessionId: z.string().optional(),
});

const approvalPayload = z.object({
  approvalId: z.string().min(1),
  audience: z.enum(['person', 'partner']).optional(),
});
const welcomePayload = z.object({ name: z.string().optional() });
const sessionMovedPayload = z.object({
  partnerName: z.string(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  timeZone: z.string().optional(),
});
const sessionPayload = z.object({
  partnerName: z.string(),
  start: z.iso.datetime(),
  timeZone: z.string().optional(),
});

const leadNudgePayload = z.object({
  partnerName: z.string(),
  programmeName: z.string(),
  /** Absent from nudges queued before it was added. */
  leadName: z.string().optional(),
  reason: z.string().optional(),
});
const joinReminderPayload = z.object({
  programmeName: z.string(),
  leadName: z.string().optional(),
});

const proposalPublishedPayload = z.object({
  proposalId: z.string().min(1),
  programmeName: z.string(),
  partnerName: z.string(),
  role: z.enum(['mentor', 'mentee']),
  expiresAt: z.iso.datetime(),
  timeZone: z.string().optional(),
  cause: z.enum(['published', 'repair']).optional(),
});

const buddyPayload = z.object({ requestId: z.string().min(1), dueAt: z.iso.datetime().optional() });

const buddyCardKinds = {
  buddy_offer: 'offer',
  buddy_matched: 'matched',
  buddy_close: 'close',
  buddy_unanswered: 'unanswered',
} as const;

const nudgeKinds: readonly string[] = [
  'no_session_booked',
  'no_session_held',
  'feedback_pending',
  'agreement_unsigned',
  'proposal_expiring',
];

/** An approval card or reminder whose request no longer waits for the manager: skipped. */
class NothingToAsk extends Error {}

/**
 * Sends notifications proactively with `continueConversationAsync` to the conversation the person
 * installed the bot in, in the language they last used with it.
 */
export class ProactiveNotifier implements NotificationDelivery {
  constructor(private readonly deps: ProactiveNotifierDeps) {}

  async prepare(notification: Notification): Promise<PreparedDelivery> {
    const record = await this.deps.conversations.ofPerson(
      notification.tenantId,
      notification.recipientId,
    );
    if (!record) {
      return { skip: 'no_conversation: the person has not installed the bot' };
    }
    const { reference, locale } = record.value;
    let activity: { text?: string; attachments?: Attachment[] };
    try {
      activity = await this.activityFor(notification, locale, reference.user.id);
    } catch (error) {
      // A payload that does not parse, or an approval that no longer exists, will not get better.
      if (error instanceof z.ZodError) return { skip: `invalid_payload: ${error.message}` };
      if (error instanceof NothingToAsk) return { skip: error.message };
      if (
        isDomainError(error, 'not_found') ||
        isDomainError(error, 'pair_not_found') ||
        isDomainError(error, 'request_not_found')
      ) {
        return { skip: `gone: ${error.message}` };
      }
      throw error;
    }
    const conversationReference: Partial<ConversationReference> = {
      channelId: reference.channelId,
      serviceUrl: reference.serviceUrl,
      conversation: {
        id: reference.conversation.id,
        isGroup: false,
        name: '',
        conversationType: reference.conversation.conversationType ?? 'personal',
        ...(reference.conversation.tenantId ? { tenantId: reference.conversation.tenantId } : {}),
      },
      user: { id: reference.user.id, name: reference.user.name ?? '' },
      bot: { id: reference.bot.id, name: reference.bot.name ?? '' },
    };
    return {
      target: { tenantId: notification.tenantId, conversationId: reference.conversation.id },
      send: () => this.send(conversationReference, activity),
    };
  }

  /** Sends once; a failure is thrown to the caller (the pacer retries), not left to onTurnError. */
  private async send(
    reference: Partial<ConversationReference>,
    activity: { text?: string; attachments?: Attachment[] },
  ): Promise<void> {
    let failure: unknown;
    let sent = false;
    await this.deps.adapter.continueConversationAsync(
      this.deps.botAppId,
      reference,
      async (context) => {
        try {
          await context.sendActivity({ type: 'message', ...activity });
          sent = true;
        } catch (error) {
          failure = error;
        }
      },
    );
    if (failure !== undefined) throw failure;
    if (!sent) throw new Error('The proactive turn ended without sending the message.');
  }

  /** Who is proposed, the deadline in the person's zone and language, a button to "My match". */
  private proposalActivity(
    data: z.infer<typeof proposalPublishedPayload>,
    locale: Locale,
  ): { text: string; attachments?: Attachment[] } {
    const values = {
      programme: data.programmeName,
      partner: data.partnerName,
      deadline: formatDateTime(data.expiresAt, locale, data.timeZone),
    };
    const text = [
      ...(data.cause === 'repair' ? [say('proposalAfterRepair', locale)] : []),
      say(data.role === 'mentor' ? 'proposalForMentor' : 'proposalForMentee', locale, values),
      say('proposalWhere', locale),
    ].join('\n\n');
    const url =
      this.deps.proposalUrl ??
      (this.deps.tabUrl ? new URL('proposal', this.deps.tabUrl).toString() : undefined);
    if (!url) return { text };
    const card = CardFactory.heroCard('', undefined, [
      { type: ActionTypes.OpenUrl, title: say('proposalOpen', locale), value: url },
    ]);
    return { text, attachments: [card] };
  }

  /**
   * A quick-help card as the request stands when it goes out: an offer already taken, a match
   * already closed or a close card moved to after a booked slot is not sent.
   */
  private async buddyActivity(
    notification: Notification,
    locale: Locale,
    teamsUserId: string,
  ): Promise<{ attachments: Attachment[] }> {
    const data = buddyPayload.parse(notification.payload);
    if (!this.deps.buddy) throw new NothingToAsk('no_buddy_service: quick help is not wired here');
    const wanted = buddyCardKinds[notification.kind as keyof typeof buddyCardKinds];
    const view = await this.deps.buddy.cardView(
      notification.tenantId,
      data.requestId,
      notification.recipientId,
      wanted,
      data.dueAt,
    );
    const volunteerUrl = this.deps.tabUrl
      ? new URL('profile', this.deps.tabUrl).toString()
      : undefined;
    const card =
      view.kind === 'offer' && wanted === 'offer' && view.offer.state === 'open'
        ? buddyOfferCard(locale, view.offer, [teamsUserId])
        : view.kind === 'connect' && wanted === 'matched'
          ? buddyConnectCard(locale, view)
          : view.kind === 'close' && wanted === 'close' && view.request.status === 'matched'
            ? buddyCloseCard(locale, view)
            : view.kind === 'unanswered'
              ? buddyUnansweredCard(locale, view.request, volunteerUrl)
              : undefined;
    if (!card) throw new NothingToAsk(`not_needed: request ${data.requestId} is past ${wanted}`);
    return { attachments: [cardAttachment(card)] };
  }

  private async activityFor(
    notification: Notification,
    locale: Locale,
    teamsUserId: string,
  ): Promise<{ text?: string; attachments?: Attachment[] }> {
    const { kind, payload, tenantId } = notification;
    switch (kind) {
      case 'reminder_before_session':
        return {
          attachments: [cardAttachment(reminderCard(locale, reminderPayload.parse(payload)))],
        };
      case 'welcome':
        return {
          attachments: [
            cardAttachment(welcomeCard(locale, { name: welcomePayload.parse(payload).name ?? '' })),
          ],
        };
      case 'approval_request':
      case 'approval_pending': {
        const view = await this.deps.approvals.view(
          tenantId,
          approvalPayload.parse(payload).approvalId,
        );
        // Queued while it waited, due after it was decided or replaced by a newer request (the
        // pair signed a new agreement): the manager has nothing to decide on this one.
        if (view.approval.status !== 'pending') {
          throw new NothingToAsk(
            `not_pending: approval ${view.approval.id} is ${view.approval.status}`,
          );
        }
        const card = approvalRequestCard(locale, {
          approvalId: view.approval.id,
          tenantId,
          personName: view.personName,
          partnerName: view.partnerName,
          programmeName: view.programmeName,
          request: view.approval.request,
          refreshUserIds: [teamsUserId],
        });
        const attachments = [cardAttachment(card)];
        if (kind === 'approval_pending') {
          attachments.unshift(
            cardAttachment(
              nudgeCard(locale, {
                kind: 'approval_pending',
                tenantId,
                partnerName: view.personName,
              }),
            ),
          );
        }
        return { attachments };
      }
      case 'pair_told_outcome': {
        const told = approvalPayload.parse(payload);
        const view = await this.deps.approvals.view(tenantId, told.approvalId);
        const approved = view.approval.status === 'approved';
        const decision =
          locale === 'fr' ? (approved ? 'approuvé' : 'refusé') : approved ? 'approved' : 'declined';
        const quoted =
          locale === 'fr' ? ` « ${view.approval.comment} »` : ` “${view.approval.comment}”`;
        const comment = view.approval.comment ? quoted : '';
        const text =
          told.audience === 'partner'
            ? say('approvalOutcomeForPartner', locale, {
                manager: view.managerName,
                person: view.personName,
                decision,
              })
            : say('approvalOutcomeForPerson', locale, {
                manager: view.managerName,
                decision,
                partner: view.partnerName,
              });
        return { text: text + comment };
      }
      case 'session_moved': {
        const moved = sessionMovedPayload.parse(payload);
        return {
          text: say('sessionMoved', locale, {
            partner: moved.partnerName,
            from: formatDateTime(moved.from, locale, moved.timeZone),
            to: formatDateTime(moved.to, locale, moved.timeZone),
          }),
        };
      }
      case 'session_declined':
      case 'session_cancelled': {
        const data = sessionPayload.parse(payload);
        return {
          text: say(kind === 'session_declined' ? 'sessionDeclined' : 'sessionCancelled', locale, {
            partner: data.partnerName,
            when: formatDateTime(data.start, locale, data.timeZone),
          }),
        };
      }
      case 'partner_left':
        return { text: say('partnerLeft', locale, {}) };
      case 'proposal_published':
        return this.proposalActivity(proposalPublishedPayload.parse(payload), locale);
      case 'lead_nudge': {
        const data = leadNudgePayload.parse(payload);
        return {
          attachments: [
            cardAttachment(
              nudgeCard(locale, {
                kind: 'lead_nudge',
                tenantId,
                partnerName: data.partnerName,
                programmeName: data.programmeName,
                ...(data.leadName ? { leadName: data.leadName } : {}),
                ...(data.reason ? { reason: data.reason } : {}),
                ...(notification.pairId ? { pairId: notification.pairId } : {}),
                ...(this.deps.tabUrl ? { url: this.deps.tabUrl } : {}),
              }),
            ),
          ],
        };
      }
      case 'join_reminder': {
        const data = joinReminderPayload.parse(payload);
        const url = this.deps.tabUrl ? new URL('profile', this.deps.tabUrl).toString() : undefined;
        return {
          attachments: [
            cardAttachment(
              nudgeCard(locale, {
                kind: 'join_reminder',
                tenantId,
                partnerName: data.leadName ?? '',
                programmeName: data.programmeName,
                ...(url ? { url } : {}),
              }),
            ),
          ],
        };
      }
      case 'buddy_offer':
      case 'buddy_matched':
      case 'buddy_close':
      case 'buddy_unanswered':
        return this.buddyActivity(notification, locale, teamsUserId);
      default: {
        if (!nudgeKinds.includes(kind)) throw new Error(`No message for notification kind ${kind}`);
        const data = nudgePayload.parse(payload);
        return {
          attachments: [
            cardAttachment(
              nudgeCard(locale, {
                kind: kind as NudgeKind,
                tenantId,
                partnerName: data.partnerName,
                ...(data.day ? { day: data.day } : {}),
                ...(notification.pairId ? { pairId: notification.pairId } : {}),
                ...(data.sessionId ? { sessionId: data.sessionId } : {}),
                ...(this.deps.tabUrl ? { url: this.deps.tabUrl } : {}),
              }),
            ),
          ],
        };
      }
    }
  }
}
