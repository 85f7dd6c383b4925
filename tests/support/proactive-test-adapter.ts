import { TestAdapter, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { BotServices } from '../../bot/bot-services';
import { MentoringBot } from '../../bot/mentoring-bot';

/**
 * botbuilder's TestAdapter that also runs proactive turns (TESTBED.md: it has no
 * continueConversationAsync of its own) and records the activities the bot updates (card refresh).
 */
export class ProactiveTestAdapter extends TestAdapter {
  readonly updates: Partial<Activity>[] = [];

  // One signature for BotAdapter's three overloads (app id or claims; with or without audience).
  override async continueConversationAsync(
    _botAppIdOrClaims: unknown,
    reference: Partial<ConversationReference>,
    logicOrAudience: unknown,
    maybeLogic?: unknown,
  ): Promise<void> {
    const logic = (typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic) as (
      context: TurnContext,
    ) => Promise<void>;
    const activity = TurnContext.applyConversationReference(
      { type: 'event', name: 'ContinueConversation' },
      reference,
      true,
    );
    await this.runMiddleware(this.createContext(activity), logic);
  }

  override async updateActivity(context: TurnContext, activity: Partial<Activity>) {
    this.updates.push(activity);
    return super.updateActivity(context, activity);
  }
}

/**
 * The bot over `services`, behind a test adapter whose conversation is a personal chat in
 * `tenantId`; `turnErrors` collects what a turn threw (a test expects it empty).
 */
export function botInPersonalChat(services: BotServices, tenantId: string) {
  const bot = new MentoringBot({ services });
  const adapter = new ProactiveTestAdapter(async (context) => bot.run(context));
  const turnErrors: unknown[] = [];
  adapter.onTurnError = async (_context, error) => {
    turnErrors.push(error);
  };
  adapter.conversation.conversation = {
    id: `a:chat-${tenantId}`,
    isGroup: false,
    name: '',
    conversationType: 'personal',
    tenantId,
  };
  return { bot, adapter, turnErrors };
}
