import { TurnContext, type Activity } from 'botbuilder';
import type { BotServices, BotUser, ConversationTarget } from '../bot-services';
import { cardAttachment, helpCard, welcomeCard } from '../cards/cards';
import type { Locale } from '../locale';
import { say } from '../messages';

/**
 * Stores how to reach the person (the conversation reference the notifications use); the
 * welcome card on the first contact.
 */
export async function rememberConversation(
  context: TurnContext,
  services: BotServices,
  user: BotUser,
): Promise<void> {
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
  const name = firstName(user.name || person?.displayName || '');
  await context.sendActivity({
    attachments: [cardAttachment(welcomeCard(user.locale, { name }))],
  });
}

/** "aide" / "help" / "?": the list of commands, as text and as a card. */
export async function replyHelp(context: TurnContext, locale: Locale): Promise<void> {
  await context.sendActivity({
    text: say('help', locale),
    attachments: [cardAttachment(helpCard(locale))],
  });
}

/** A message with nothing to read (only a mention, or punctuation): a pointer to help. */
export async function replyEmpty(context: TurnContext, locale: Locale): Promise<void> {
  await context.sendActivity(say('empty', locale));
}

/** Text the bot does not understand: quoted back, with a pointer to help. */
export async function replyUnknown(
  context: TurnContext,
  locale: Locale,
  text: string | undefined,
): Promise<void> {
  await context.sendActivity(say('unknown', locale, { text: (text ?? '').trim().slice(0, 80) }));
}

function targetOf(activity: Activity): ConversationTarget {
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
