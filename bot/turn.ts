import type { Activity, AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { Principal } from '../src/services/auth/principal';
import type { BuddyCaller } from '../src/services/buddy/buddy-service';
import type { BotServices, BotUser } from './bot-services';
import type { PersonCommand } from './commands';
import { cardAttachment, type AdaptiveCardJson } from './cards/cards';
import type { CardVerb } from './cards/templates';
import { resolveLocale } from './locale';

/** A turn from a person Teams identified, with the services behind the bot. */
export type PersonTurn = {
  context: TurnContext;
  services: BotServices;
  user: BotUser;
};

/** A string field of a card button's data; '' when it is absent or not a string. */
export type CardField = (key: string) => string;

/** Answers a chat command (the router answers the errors it throws through replyForError). */
export type CommandHandler = (turn: PersonTurn, text: string | undefined) => Promise<void>;

/** Answers a card button (Action.Execute): the card or message the invoke response carries. */
export type CardActionHandler = (
  turn: PersonTurn,
  field: CardField,
) => Promise<AdaptiveCardInvokeResponse>;

/** One capability of the bot: the chat commands it answers and the card buttons it handles. */
export type BotFeature<C extends PersonCommand = never, V extends CardVerb = never> = {
  commands: Record<C, CommandHandler>;
  cardActions: Record<V, CardActionHandler>;
};

/** An invoke response that puts `card` in place of the one whose button was pressed. */
export const cardResponse = (card: AdaptiveCardJson): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.card.adaptive',
  value: card,
});

/** An invoke response that shows `text` to the person who pressed, and leaves the card as it is. */
export const messageResponse = (text: string): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.activity.message',
  value: text as unknown as Record<string, unknown>,
});

/** Updates the card message itself so every device shows the outcome, not only the invoker's. */
export async function replaceCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  const id = context.activity.replyToId;
  if (!id) return;
  await context.updateActivity({
    id,
    type: 'message',
    conversation: context.activity.conversation,
    attachments: [cardAttachment(card)],
  });
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

/** The bot's caller as the services know callers: Teams vouched for the Entra object id. */
export function principalOf(user: BotUser): Principal {
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
export function callerOf(user: BotUser): BuddyCaller {
  return { tenantId: user.tenantId, personId: user.personId, locale: user.locale };
}
