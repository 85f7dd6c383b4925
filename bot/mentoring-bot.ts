import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Activity,
} from 'botbuilder';
import type { ApprovalDecision } from '../src/domain/approval';
import { isDomainError } from '../src/domain/errors';
import type { Principal } from '../src/services/auth/principal';
import type { BuddyCaller } from '../src/services/buddy/buddy-service';
import {
  buddyCardStrings,
  buddyCloseCard,
  buddyConnectCard,
  buddyNoLongerNeeded,
  buddyNoticeCard,
  buddyOfferCard,
  buddyTakenCard,
  buddyUnansweredCard,
  topicName,
} from './cards/buddy-cards';
import type { ApprovalView, BotServices, BotUser, ConversationTarget } from './bot-services';
import {
  approvalOutcomeCard,
  approvalSupersededCard,
  approvalRequestCard,
  cardAttachment,
  feedbackCard,
  feedbackThanksCard,
  helpCard,
  refusalCard,
  welcomeCard,
  type AdaptiveCardJson,
  type ApprovalCardData,
} from './cards/cards';
import { fill, formatDateTime, formatMinutes } from './cards/format';
import { verbs } from './cards/templates';
import { isServerFault, replyForError } from './error-replies';
import { normaliseCommand, resolveLocale } from './locale';
import { say } from './messages';

/** A command the bot recognises, whatever the language it was typed in. */
export type BotCommand =
  | 'help'
  | 'next_session'
  | 'pause'
  | 'resume'
  | 'feedback'
  | 'ask'
  | 'buddy_on'
  | 'buddy_off'
  | 'unknown'
  | 'empty';

const commandWords: Record<Exclude<BotCommand, 'unknown' | 'empty' | 'ask'>, readonly string[]> = {
  help: ['help', 'aide', 'menu'],
  next_session: [
    'next session',
    'prochaine seance',
    'prochaine session',
    'next',
    'prochaine',
    'when is my next session',
  ],
  pause: ['pause', 'mettre en pause'],
  resume: ['resume', 'reprendre', 'unpause'],
  feedback: ['feedback', 'avis', 'donner mon avis', 'give feedback'],
  buddy_on: ['buddy on', 'dispo coup de main', 'dispo pour un coup de main', 'dispo'],
  buddy_off: ['buddy off', 'pas dispo', 'pas dispo coup de main', 'plus dispo'],
};

/** "ask Excel: my pivot table", "coup de main Teams" (also from the command menu, bare). */
const askPattern = /^\s*(?:ask|coup\s+de\s+main)(?:$|[\s:,-]+)([\s\S]*)$/i;

/** Which command a message asks for ("Aide", "Prochaine séance ?", "@Mentoring help" → …). */
export function parseCommand(text: string | undefined): BotCommand {
  const normalised = normaliseCommand(text);
  if (normalised === '') return (text ?? '').trim() === '?' ? 'help' : 'empty';
  for (const [command, words] of Object.entries(commandWords)) {
    if (words.includes(normalised)) return command as BotCommand;
  }
  if (askPattern.test(text ?? '')) return 'ask';
  return 'unknown';
}

/** The topic and optional question of an ask: "ask Excel: pivot tables?" → Excel, pivot tables? */
export function askedTopic(text: string | undefined): { topic: string; question: string } {
  const rest = askPattern.exec(text ?? '')?.[1]?.trim() ?? '';
  const colon = rest.indexOf(':');
  if (colon < 0) return { topic: rest.slice(0, 100), question: '' };
  return {
    topic: rest.slice(0, colon).trim().slice(0, 100),
    question: rest
      .slice(colon + 1)
      .trim()
      .slice(0, 500),
  };
}

export type MentoringBotDeps = {
  /** The application's services; without them only help and unknown text are answered. */
  services?: BotServices;
  /** Days a "pause" lasts (the pair resumes by itself afterwards). */
  pauseDays?: number;
  /** The tab's address, for "volunteer for the next programme" (its profile screen). */
  tabUrl?: string;
};

const cardResponse = (card: AdaptiveCardJson): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.card.adaptive',
  value: card,
});

const messageResponse = (text: string): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.activity.message',
  value: text as unknown as Record<string, unknown>,
});

/**
 * The Mentoring bot: commands in French and English, answers in the person's language
 * (fr-* → French, otherwise English), welcome on install or first message, manager approval and
 * feedback cards through Universal Actions (Action.Execute).
 */
export class MentoringBot extends TeamsActivityHandler {
  constructor(private readonly deps: MentoringBotDeps = {}) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.greet(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
      if (botAdded) await this.greet(context);
      await next();
    });
  }

  /** Welcome card, once: on the first contact the conversation reference is stored. */
  private async greet(context: TurnContext): Promise<void> {
    const user = userOf(context.activity);
    const services = this.deps.services;
    if (!user || !services) return;
    await this.remember(context, services, user);
  }

  /** Stores how to reach the person; the welcome card on the first contact. */
  private async remember(context: TurnContext, services: BotServices, user: BotUser) {
    const target: ConversationTarget = targetOf(context.activity);
    const { created } = await services.conversations.remember(
      {
        tenantId: user.tenantId,
        personId: user.personId,
        reference: target,
        locale: user.locale,
      },
      services.clock.now(),
    );
    if (!created) return;
    const person = user.name
      ? undefined
      : await services.directory.person(user.tenantId, user.personId);
    await this.welcome(context, user, person?.displayName);
  }

  private async welcome(context: TurnContext, user: BotUser, displayName?: string) {
    const name = firstName(user.name || displayName || '');
    await context.sendActivity({
      attachments: [cardAttachment(welcomeCard(user.locale, { name }))],
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const locale = resolveLocale(context.activity.locale);
    // In a channel or group chat Teams prefixes the text with "<at>Mentoring</at>".
    const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text;
    const command = parseCommand(text);
    const user = userOf(context.activity);
    const services = this.deps.services;

    if (user && services) await this.remember(context, services, user);

    switch (command) {
      case 'help':
        await context.sendActivity({
          text: say('help', locale),
          attachments: [cardAttachment(helpCard(locale))],
        });
        return;
      case 'empty':
        await context.sendActivity(say('empty', locale));
        return;
      case 'unknown':
        await context.sendActivity(
          say('unknown', locale, { text: (text ?? '').trim().slice(0, 80) }),
        );
        return;
    }
    if (!user || !services) {
      await context.sendActivity(say('unidentified', locale));
      return;
    }
    try {
      await this.runCommand(context, services, user, command, text);
    } catch (error) {
      if (isServerFault(error)) throw error;
      await context.sendActivity(replyForError(error, locale));
    }
  }

  private async runCommand(
    context: TurnContext,
    services: BotServices,
    user: BotUser,
    command: 'next_session' | 'pause' | 'resume' | 'feedback' | 'ask' | 'buddy_on' | 'buddy_off',
    text: string | undefined,
  ): Promise<void> {
    const { locale } = user;
    const principal = principalOf(user);
    switch (command) {
      case 'ask':
        await context.sendActivity(await this.askText(services, user, text));
        return;
      case 'buddy_on':
      case 'buddy_off': {
        const me = await services.buddy.setActive(callerOf(user), command === 'buddy_on');
        if (command === 'buddy_off') {
          await context.sendActivity(say('buddyOff', locale));
          return;
        }
        const names = me.settings.skills.map((s) => {
          const skill = me.catalogue.find((c) => c.id === s.skillId);
          return skill ? skill.label[locale] : s.skillId;
        });
        if (me.settings.anythingDigital) names.push(say('buddyAnythingDigital', locale));
        await context.sendActivity(
          say('buddyOn', locale, { skills: names.join(', '), cap: me.settings.weeklyCap }),
        );
        return;
      }
      case 'next_session':
        await context.sendActivity(await this.nextSessionText(services, user));
        return;
      case 'pause':
        await context.sendActivity(await this.pauseText(services, user));
        return;
      case 'resume': {
        const answer = await services.pairs.resumeMine(principal);
        await context.sendActivity(
          answer.kind === 'resumed'
            ? say('resumed', locale, { partners: answer.partnerNames.join(', ') })
            : say('notPaused', locale),
        );
        return;
      }
      case 'feedback': {
        const request = await services.pairs.feedbackRequest(principal);
        await context.sendActivity(
          request
            ? { attachments: [cardAttachment(feedbackCard(locale, request))] }
            : say('noFeedbackPending', locale),
        );
        return;
      }
    }
  }

  /** "ask Excel" / "coup de main Excel": asks at once ("now", 15 minutes) and names the topic. */
  private async askText(services: BotServices, user: BotUser, text: string | undefined) {
    const { locale } = user;
    const { topic, question } = askedTopic(text);
    if (topic === '') return say('buddyAskNeedsTopic', locale);
    const answer = await services.buddy.ask(callerOf(user), {
      topic,
      ...(question ? { question } : {}),
      when: 'now',
      minutes: 15,
    });
    const { request } = answer;
    const name = topicName(request.topic, locale);
    const lines = [
      say(
        answer.merged
          ? 'buddyAskMerged'
          : request.status === 'offered'
            ? 'buddyAsked'
            : 'buddyAskedNobodyNow',
        locale,
        { topic: name },
      ),
    ];
    if (request.topic.skillId === null && !answer.merged) {
      lines.push(say('buddyUnknownTopic', locale, { topic: name }));
    }
    return lines.join('\n\n');
  }

  /** The quick-help card `user` should see for a request now. */
  private async buddyCard(
    services: BotServices,
    user: BotUser,
    requestId: string,
    kind: 'offer' | 'matched' | 'close' | 'unanswered',
  ): Promise<AdaptiveCardJson> {
    const { locale } = user;
    const view = await services.buddy.cardView(user.tenantId, requestId, user.personId, kind);
    switch (view.kind) {
      case 'offer':
        return buddyOfferCard(locale, view.offer, [user.teamsUserId]);
      case 'taken':
        return buddyTakenCard(locale, view.topic);
      case 'no_longer_needed':
        return buddyNoticeCard(locale, buddyNoLongerNeeded(locale, view.topic));
      case 'connect':
        return buddyConnectCard(locale, view);
      case 'close': {
        const helpsTotal =
          view.role === 'buddy' && view.request.status === 'closed'
            ? (await services.buddy.me(callerOf(user))).helpsTotal
            : undefined;
        return buddyCloseCard(locale, {
          ...view,
          ...(helpsTotal !== undefined ? { helpsTotal } : {}),
        });
      }
      case 'unanswered':
        return buddyUnansweredCard(locale, view.request, this.volunteerUrl());
    }
  }

  private volunteerUrl(): string | undefined {
    return this.deps.tabUrl ? new URL('profile', this.deps.tabUrl).toString() : undefined;
  }

  /** Quick-help buttons: accept, pass, book, close, widen, and the offer card's refresh. */
  private async buddyAction(
    context: TurnContext,
    services: BotServices,
    user: BotUser,
    verb: string,
    str: (key: string) => string,
  ): Promise<AdaptiveCardInvokeResponse> {
    const { locale } = user;
    const requestId = str('requestId');
    const caller = callerOf(user);
    const kind =
      (['offer', 'matched', 'close', 'unanswered'] as const).find((k) => k === str('kind')) ??
      'offer';
    switch (verb) {
      case verbs.buddyAccept: {
        try {
          await services.buddy.accept(caller, requestId);
        } catch (error) {
          if (!isDomainError(error, 'offer_taken')) throw error;
          // Exactly one accept wins; the other buddy is told, on this card and every device.
          const taken = await this.buddyCard(services, user, requestId, 'offer');
          await this.replaceCard(context, taken);
          return cardResponse(taken);
        }
        const connect = await this.buddyCard(services, user, requestId, 'matched');
        await this.replaceCard(context, connect);
        return cardResponse(connect);
      }
      case verbs.buddyPass: {
        await services.buddy.pass(caller, requestId);
        const passed = buddyNoticeCard(locale, buddyCardStrings[locale].passed);
        await this.replaceCard(context, passed);
        return cardResponse(passed);
      }
      case verbs.buddyBook: {
        await services.buddy.book(caller, requestId);
        const connect = await this.buddyCard(services, user, requestId, 'matched');
        await this.replaceCard(context, connect);
        return cardResponse(connect);
      }
      case verbs.buddyClose: {
        const note = str('note').trim();
        const helped = str('helped') === 'yes' ? true : str('helped') === 'no' ? false : undefined;
        await services.buddy.close(caller, requestId, helped);
        if (note) await services.buddy.thanks(caller, requestId, note.slice(0, 500));
        const closed = await this.buddyCard(services, user, requestId, 'close');
        await this.replaceCard(context, closed);
        return cardResponse(closed);
      }
      case verbs.buddyWiden: {
        const { request } = await services.buddy.widen(caller, requestId);
        const widened = buddyNoticeCard(
          locale,
          fill(buddyCardStrings[locale].widened, { topic: topicName(request.topic, locale) }),
        );
        await this.replaceCard(context, widened);
        return cardResponse(widened);
      }
      default:
        return cardResponse(await this.buddyCard(services, user, requestId, kind));
    }
  }

  private async nextSessionText(services: BotServices, user: BotUser): Promise<string> {
    const answer = await services.pairs.nextSession(principalOf(user));
    const { locale } = user;
    switch (answer.kind) {
      case 'no_pair':
        return say('noPair', locale);
      case 'none_planned':
        return say('noSessionPlanned', locale, { partner: answer.partnerName });
      case 'session': {
        const line = say('nextSession', locale, {
          partner: answer.partnerName,
          when: formatDateTime(answer.startsAt, locale, answer.timeZone),
          duration: formatMinutes(answer.durationMinutes, locale),
        });
        return answer.topic
          ? `${line}\n\n${say('nextSessionTopic', locale, { topic: answer.topic })}`
          : line;
      }
    }
  }

  private async pauseText(services: BotServices, user: BotUser): Promise<string> {
    const answer = await services.pairs.pauseMine(
      principalOf(user),
      this.deps.pauseDays ?? defaultPauseDays,
    );
    if (answer.kind === 'nothing_to_pause') return say('nothingToPause', user.locale);
    return say('paused', user.locale, {
      partners: answer.partnerNames.join(', '),
      until: formatDateTime(answer.until, user.locale, answer.timeZone),
    });
  }

  /** Universal Actions: approval and feedback buttons. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const locale = resolveLocale(context.activity.locale);
    const user = userOf(context.activity);
    const services = this.deps.services;
    if (!user || !services) return messageResponse(say('unidentified', locale));
    const data = (invokeValue.action.data ?? {}) as Record<string, unknown>;
    const str = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');

    try {
      switch (invokeValue.action.verb) {
        case verbs.approve:
        case verbs.decline:
          return await this.decide(
            context,
            services,
            user,
            str('approvalId'),
            invokeValue.action.verb === verbs.approve ? 'approved' : 'declined',
            str('comment'),
          );
        case verbs.refreshApproval:
          return cardResponse(
            this.approvalCardFor(
              await approvalView(services, user.tenantId, str('approvalId')),
              user,
            ),
          );
        case verbs.openFeedback: {
          const request = await services.pairs.feedbackRequest(principalOf(user), {
            pairId: str('pairId'),
            sessionId: str('sessionId'),
          });
          return request
            ? cardResponse(feedbackCard(locale, request))
            : messageResponse(say('noFeedbackPending', locale));
        }
        case verbs.submitFeedback: {
          const rating = Number(str('rating'));
          const session = { pairId: str('pairId'), sessionId: str('sessionId') };
          const principal = principalOf(user);
          if (!Number.isInteger(rating) || rating < 1 || rating > 4) {
            const request = await services.pairs.feedbackRequest(principal, session);
            return request
              ? cardResponse(feedbackCard(locale, { ...request, error: 'rating_required' }))
              : messageResponse(say('invalidAction', locale));
          }
          // The tab's own feedback path: repeating it overwrites this person's feedback.
          await services.pairs.giveFeedback(principal, session.pairId, session.sessionId, {
            rating,
            worked: str('whatWorked').trim(),
            suggestion: str('suggestion').trim(),
            shareWithLead: str('shareWithLead') === 'true',
          });
          const request = await services.pairs.feedbackRequest(principal, session);
          if (!request) return messageResponse(say('invalidAction', locale));
          const thanks = feedbackThanksCard(locale, { ...request, rating });
          await this.replaceCard(context, thanks);
          return cardResponse(thanks);
        }
        case verbs.buddyAccept:
        case verbs.buddyPass:
        case verbs.buddyRefresh:
        case verbs.buddyBook:
        case verbs.buddyClose:
        case verbs.buddyWiden:
          return await this.buddyAction(context, services, user, invokeValue.action.verb, str);
        default:
          return messageResponse(say('invalidAction', locale));
      }
    } catch (error) {
      if (isServerFault(error)) throw error;
      return messageResponse(replyForError(error, locale));
    }
  }

  private async decide(
    context: TurnContext,
    services: BotServices,
    user: BotUser,
    approvalId: string,
    decision: ApprovalDecision,
    comment: string,
  ): Promise<AdaptiveCardInvokeResponse> {
    const { locale } = user;
    const view = await approvalView(services, user.tenantId, approvalId);
    if (view.approval.managerId !== user.personId) {
      // Nothing is written; the manager's card is untouched.
      return cardResponse(refusalCard(locale, { managerName: view.managerName }));
    }
    if (decision === 'declined' && comment.trim() === '' && view.approval.status === 'pending') {
      return cardResponse(
        approvalRequestCard(locale, { ...approvalData(view), error: 'decline_needs_comment' }),
      );
    }
    try {
      // The tab's own decision path: same checks, same consequences.
      const result = await services.approvals.decide(
        user,
        approvalId,
        decision,
        comment || undefined,
      );
      const decided = await withManagerTeamsId(services, result.details);
      const card = this.approvalCardFor(decided, user, !result.changed);
      if (result.changed) await this.replaceCard(context, card);
      return cardResponse(card);
    } catch (error) {
      if (isDomainError(error, 'invalid_transition')) {
        // Decided the other way already (another device), or replaced by a newer request: show
        // the request as it stands, on this card and on every device.
        const current = await approvalView(services, user.tenantId, approvalId);
        if (current.approval.status === 'superseded') {
          // The message itself stops offering buttons, on every device.
          await this.replaceCard(context, this.approvalCardFor(current, user));
        }
        return cardResponse(this.approvalCardFor(current, user, true));
      }
      if (isDomainError(error, 'forbidden')) {
        return cardResponse(refusalCard(locale, { managerName: view.managerName }));
      }
      throw error;
    }
  }

  /**
   * The card an approval shows now: the request while pending, the outcome once decided, and
   * "replaced by a newer one" once superseded (`clicked`: a button of the old card was pressed).
   */
  private approvalCardFor(view: ApprovalView, user: BotUser, clicked = false) {
    const { approval } = view;
    if (approval.status === 'superseded') {
      return approvalSupersededCard(user.locale, {
        ...approvalData(view),
        supersededAt: approval.supersededAt ?? approval.createdAt,
        timeZone: view.managerTimeZone,
        clicked,
      });
    }
    if (approval.status === 'pending') {
      if (approval.managerId !== user.personId) {
        return refusalCard(user.locale, { managerName: view.managerName });
      }
      return approvalRequestCard(user.locale, approvalData(view));
    }
    return approvalOutcomeCard(user.locale, {
      ...approvalData(view),
      status: approval.status,
      managerName: view.managerName,
      decidedAt: approval.decidedAt ?? approval.createdAt,
      timeZone: view.managerTimeZone,
      ...(approval.comment ? { comment: approval.comment } : {}),
      alreadyDecided: clicked,
    });
  }

  /** Updates the card message itself so every device shows the outcome, not only the invoker's. */
  private async replaceCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
    const id = context.activity.replyToId;
    if (!id) return;
    await context.updateActivity({
      id,
      type: 'message',
      conversation: context.activity.conversation,
      attachments: [cardAttachment(card)],
    });
  }
}

/** How long "pause" pauses a pair when the deployment does not say. */
const defaultPauseDays = 14;

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

/** The bot's caller as quick help knows callers. */
function callerOf(user: BotUser): BuddyCaller {
  return { tenantId: user.tenantId, personId: user.personId, locale: user.locale };
}

/** The approval as a card shows it: the service's details and the manager's Teams id. */
async function approvalView(
  services: BotServices,
  tenantId: string,
  approvalId: string,
): Promise<ApprovalView> {
  return withManagerTeamsId(services, await services.approvals.view(tenantId, approvalId));
}

async function withManagerTeamsId(
  services: BotServices,
  details: Awaited<ReturnType<BotServices['approvals']['view']>>,
): Promise<ApprovalView> {
  const { approval } = details;
  const managerConversation = await services.conversations.ofPerson(
    approval.tenantId,
    approval.managerId,
  );
  const managerTeamsUserId = managerConversation?.value.reference.user.id;
  return {
    approval,
    personName: details.personName,
    partnerName: details.partnerName,
    programmeName: details.programmeName,
    managerName: details.managerName,
    managerTimeZone: details.managerTimeZone,
    ...(managerTeamsUserId ? { managerTeamsUserId } : {}),
  };
}

function approvalData(view: ApprovalView): ApprovalCardData {
  const { approval } = view;
  return {
    approvalId: approval.id,
    tenantId: approval.tenantId,
    personName: view.personName,
    partnerName: view.partnerName,
    programmeName: view.programmeName,
    request: approval.request,
    refreshUserIds: view.managerTeamsUserId ? [view.managerTeamsUserId] : [],
  };
}

/** The person behind an activity, or undefined when Teams did not say who (or which tenant). */
export function userOf(activity: Activity): BotUser | undefined {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  const tenantId = activity.conversation?.tenantId ?? channelData?.tenant?.id;
  const personId = activity.from?.aadObjectId;
  if (!tenantId || !personId) return undefined;
  return {
    tenantId,
    personId,
    teamsUserId: activity.from.id,
    name: activity.from.name ?? '',
    locale: resolveLocale(activity.locale),
  };
}

function targetOf(activity: Activity) {
  const reference = TurnContext.getConversationReference(activity);
  return {
    channelId: reference.channelId ?? activity.channelId,
    serviceUrl: reference.serviceUrl ?? activity.serviceUrl,
    conversation: {
      id: activity.conversation.id,
      ...(activity.conversation.conversationType
        ? { conversationType: activity.conversation.conversationType }
        : {}),
      ...(activity.conversation.tenantId ? { tenantId: activity.conversation.tenantId } : {}),
    },
    user: {
      id: activity.from.id,
      ...(activity.from.name ? { name: activity.from.name } : {}),
      ...(activity.from.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}),
    },
    bot: {
      id: activity.recipient.id,
      ...(activity.recipient.name ? { name: activity.recipient.name } : {}),
    },
  };
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}
