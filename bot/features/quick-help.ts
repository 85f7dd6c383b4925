import { isDomainError } from '../../src/domain/errors';
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
} from '../cards/buddy-cards';
import type { AdaptiveCardJson } from '../cards/cards';
import { fill } from '../cards/format';
import { verbs } from '../cards/templates';
import { askedTopic } from '../commands';
import { say } from '../messages';
import {
  callerOf,
  cardResponse,
  replaceCard,
  type BotFeature,
  type CardField,
  type PersonTurn,
} from '../turn';

export type QuickHelpFeatureOptions = {
  /** The tab's address, for "volunteer for the next programme" (its profile screen). */
  tabUrl?: string;
};

type CardKind = 'offer' | 'matched' | 'close' | 'unanswered';

/**
 * Quick help: "ask <topic>", "buddy on" / "buddy off", and the buttons of its cards (accept,
 * pass, book, close, widen, and the refresh Teams asks for), through the tab's BuddyService.
 */
export function quickHelpFeature(
  options: QuickHelpFeatureOptions = {},
): BotFeature<
  'ask' | 'buddy_on' | 'buddy_off',
  | typeof verbs.buddyAccept
  | typeof verbs.buddyPass
  | typeof verbs.buddyRefresh
  | typeof verbs.buddyBook
  | typeof verbs.buddyClose
  | typeof verbs.buddyWiden
> {
  const volunteerUrl = () =>
    options.tabUrl ? new URL('profile', options.tabUrl).toString() : undefined;
  /** The card of `kind` for a request, as the pressing person should see it now. */
  const cardNow = (turn: PersonTurn, requestId: string, kind: CardKind) =>
    buddyCard(turn, requestId, kind, volunteerUrl);
  /** The card in the invoke response, and in place of the pressed one on every device. */
  const replaceWith = async (turn: PersonTurn, card: AdaptiveCardJson) => {
    await replaceCard(turn.context, card);
    return cardResponse(card);
  };
  return {
    commands: {
      ask: async (turn, text) => {
        await turn.context.sendActivity(await askText(turn, text));
      },
      buddy_on: async (turn) => setActive(turn, true),
      buddy_off: async (turn) => setActive(turn, false),
    },
    cardActions: {
      [verbs.buddyAccept]: async (turn, field) => {
        const requestId = field('requestId');
        try {
          await turn.services.buddy.accept(callerOf(turn.user), requestId);
        } catch (error) {
          if (!isDomainError(error, 'offer_taken')) throw error;
          // Exactly one accept wins; the other buddy is told, on this card and every device.
          return replaceWith(turn, await cardNow(turn, requestId, 'offer'));
        }
        return replaceWith(turn, await cardNow(turn, requestId, 'matched'));
      },
      [verbs.buddyPass]: async (turn, field) => {
        await turn.services.buddy.pass(callerOf(turn.user), field('requestId'));
        const { locale } = turn.user;
        return replaceWith(turn, buddyNoticeCard(locale, buddyCardStrings[locale].passed));
      },
      [verbs.buddyBook]: async (turn, field) => {
        const requestId = field('requestId');
        await turn.services.buddy.book(callerOf(turn.user), requestId);
        return replaceWith(turn, await cardNow(turn, requestId, 'matched'));
      },
      [verbs.buddyClose]: async (turn, field) => {
        const requestId = field('requestId');
        const caller = callerOf(turn.user);
        const note = field('note').trim();
        const helped =
          field('helped') === 'yes' ? true : field('helped') === 'no' ? false : undefined;
        await turn.services.buddy.close(caller, requestId, helped);
        if (note) await turn.services.buddy.thanks(caller, requestId, note.slice(0, 500));
        return replaceWith(turn, await cardNow(turn, requestId, 'close'));
      },
      [verbs.buddyWiden]: async (turn, field) => {
        const { locale } = turn.user;
        const { request } = await turn.services.buddy.widen(
          callerOf(turn.user),
          field('requestId'),
        );
        const widened = buddyNoticeCard(
          locale,
          fill(buddyCardStrings[locale].widened, { topic: topicName(request.topic, locale) }),
        );
        return replaceWith(turn, widened);
      },
      [verbs.buddyRefresh]: async (turn, field) =>
        cardResponse(await cardNow(turn, field('requestId'), cardKind(field))),
    },
  };
}

/** "buddy on" lists what the person helps with; "buddy off" says how to come back. */
async function setActive({ context, services, user }: PersonTurn, active: boolean) {
  const { locale } = user;
  const me = await services.buddy.setActive(callerOf(user), active);
  if (!active) {
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
}

/** "ask Excel" / "coup de main Excel": asks at once ("now", 15 minutes) and names the topic. */
async function askText({ services, user }: PersonTurn, text: string | undefined) {
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

/** Which card a refresh asks for (the card says in its data); an offer when it does not say. */
function cardKind(field: CardField): CardKind {
  return (
    (['offer', 'matched', 'close', 'unanswered'] as const).find((k) => k === field('kind')) ??
    'offer'
  );
}

/** The card `user` should see for a request now (the service says which and with what). */
async function buddyCard(
  { services, user }: PersonTurn,
  requestId: string,
  kind: CardKind,
  volunteerUrl: () => string | undefined,
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
      return buddyUnansweredCard(locale, view.request, volunteerUrl());
  }
}
