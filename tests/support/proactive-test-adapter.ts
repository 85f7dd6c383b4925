import { TestAdapter, TurnContext, type Activity, type ConversationReference } from 'botbuilder';

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
