import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';
import type { BotServices } from './bot-services';
import type { CardVerb } from './cards/templates';
import { parseCommand, type PersonCommand } from './commands';
import { isServerFault, replyForError } from './error-replies';
import { approvalFeature } from './features/approvals';
import { pairFeature } from './features/pairs';
import { quickHelpFeature } from './features/quick-help';
import { rememberConversation, replyEmpty, replyHelp, replyUnknown } from './features/welcome';
import { resolveLocale } from './locale';
import { say } from './messages';
import { messageResponse, userOf, type CardActionHandler, type CommandHandler } from './turn';

export { askedTopic, parseCommand, type BotCommand } from './commands';
export { userOf } from './turn';

export type MentoringBotDeps = {
  /** The application's services; without them only help and unknown text are answered. */
  services?: BotServices;
  /** Days a "pause" lasts (the pair resumes by itself afterwards). */
  pauseDays?: number;
  /** The tab's address, for "volunteer for the next programme" (its profile screen). */
  tabUrl?: string;
};

/**
 * The Mentoring bot: commands in French and English, answers in the person's language
 * (fr-* → French, otherwise English), welcome on install or first message, manager approval and
 * feedback cards through Universal Actions (Action.Execute).
 *
 * This class only routes: each capability lives in `bot/features/` (welcome and help, the pair's
 * commands and feedback, approvals, quick help), and errors are answered here, once.
 */
export class MentoringBot extends TeamsActivityHandler {
  private readonly commands: Readonly<Record<PersonCommand, CommandHandler>>;
  /** A Map, not an object: a verb from a card is never looked up among Object's own keys. */
  private readonly cardActions: ReadonlyMap<string, CardActionHandler>;

  constructor(private readonly deps: MentoringBotDeps = {}) {
    super();
    const pairs = pairFeature(deps.pauseDays !== undefined ? { pauseDays: deps.pauseDays } : {});
    const approvals = approvalFeature();
    const quickHelp = quickHelpFeature(deps.tabUrl ? { tabUrl: deps.tabUrl } : {});
    this.commands = { ...pairs.commands, ...quickHelp.commands };
    const cardActions: Record<CardVerb, CardActionHandler> = {
      ...pairs.cardActions,
      ...approvals.cardActions,
      ...quickHelp.cardActions,
    };
    this.cardActions = new Map(Object.entries(cardActions));

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
    await rememberConversation(context, services, user);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const locale = resolveLocale(context.activity.locale);
    // In a channel or group chat Teams prefixes the text with "<at>Mentoring</at>".
    const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text;
    const command = parseCommand(text);
    const user = userOf(context.activity);
    const services = this.deps.services;

    if (user && services) await rememberConversation(context, services, user);

    switch (command) {
      case 'help':
        return replyHelp(context, locale);
      case 'empty':
        return replyEmpty(context, locale);
      case 'unknown':
        return replyUnknown(context, locale, text);
    }
    if (!user || !services) {
      await context.sendActivity(say('unidentified', locale));
      return;
    }
    try {
      await this.commands[command]({ context, services, user }, text);
    } catch (error) {
      if (isServerFault(error)) throw error;
      await context.sendActivity(replyForError(error, locale));
    }
  }

  /** Universal Actions: each button's verb goes to the capability that owns it. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const locale = resolveLocale(context.activity.locale);
    const user = userOf(context.activity);
    const services = this.deps.services;
    if (!user || !services) return messageResponse(say('unidentified', locale));
    const data = (invokeValue.action.data ?? {}) as Record<string, unknown>;
    const field = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');

    try {
      const handler = this.cardActions.get(invokeValue.action.verb);
      if (!handler) return messageResponse(say('invalidAction', locale));
      return await handler({ context, services, user }, field);
    } catch (error) {
      if (isServerFault(error)) throw error;
      return messageResponse(replyForError(error, locale));
    }
  }
}
