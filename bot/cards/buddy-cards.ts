import type { HelpRequestView, OfferView } from '../../src/contracts/buddy';
import type { Locale } from '../locale';
import type { AdaptiveCardJson } from './cards';
import { fill, formatDateTime } from './format';
import { verbs } from './templates';

/** Every sentence of the quick-help cards, in French and English. */
export const buddyCardStrings = {
  fr: {
    offerTitle: 'Un coup de main sur {topic} ?',
    offerBody: '{asker} demande un coup de main sur **{topic}** ({minutes} min, {when}).',
    when: { now: 'maintenant', today: 'aujourd’hui', this_week: 'cette semaine' },
    question: 'Sa question : « {question} »',
    yourQuestion: 'Votre question : « {question} »',
    accept: 'J’accepte',
    pass: 'Pas maintenant',
    taken: 'Quelqu’un s’en occupe déjà. Merci !',
    takenBody: 'Une autre personne a pris la demande sur {topic} : merci d’avoir été disponible.',
    noLongerNeeded: 'Cette demande sur {topic} n’attend plus de réponse. Merci !',
    passed: 'C’est noté, merci. Personne ne saura que vous avez passé votre tour.',
    connectTitle: 'Vous êtes en contact avec {other}',
    connectAsker: '{other} a accepté de vous aider sur **{topic}**.',
    connectBuddy: 'Merci ! Vous aidez {other} sur **{topic}**.',
    chat: 'Écrire dans Teams',
    call: 'Appeler',
    book: 'Réserver {minutes} minutes',
    booked: 'Réservé : {when}',
    closeAskerTitle: 'Ce coup de main a-t-il été utile ?',
    closeBuddyTitle: 'C’est fait ?',
    closeBody: 'Votre échange avec {other} sur {topic}.',
    thanksLabel: 'Un mot de remerciement (facultatif)',
    helpedYes: 'Oui, merci',
    helpedNo: 'Pas vraiment',
    done: 'C’est fait',
    closed: 'Merci, c’est clôturé.',
    helpsTotal: 'Vous avez aidé {count} collègue(s) jusqu’ici. Merci !',
    thanksReceived: 'Message reçu : « {note} »',
    unansweredTitle: 'Personne n’a pu répondre pour {topic}',
    unansweredBody:
      'Trois séries de collègues ont été sollicitées sans réponse. Vous pouvez élargir la recherche (toutes langues, plus tard dans la semaine) ou vous porter volontaire pour le prochain programme de mentorat inversé.',
    widen: 'Élargir la recherche',
    volunteer: 'Me porter volontaire',
    widened: 'C’est relancé : je cherche plus largement pour {topic}.',
  },
  en: {
    offerTitle: 'Quick help with {topic}?',
    offerBody: '{asker} is asking for a hand with **{topic}** ({minutes} min, {when}).',
    when: { now: 'now', today: 'today', this_week: 'this week' },
    question: 'Their question: “{question}”',
    yourQuestion: 'Your question: “{question}”',
    accept: 'Accept',
    pass: 'Not now',
    taken: 'A colleague took it, thank you!',
    takenBody: 'Someone else took the request on {topic}: thank you for being available.',
    noLongerNeeded: 'This request on {topic} no longer needs an answer. Thank you!',
    passed: 'Noted, thank you. Nobody will know you passed.',
    connectTitle: 'You are connected with {other}',
    connectAsker: '{other} accepted to help you with **{topic}**.',
    connectBuddy: 'Thank you! You are helping {other} with **{topic}**.',
    chat: 'Chat in Teams',
    call: 'Call',
    book: 'Book {minutes} minutes',
    booked: 'Booked: {when}',
    closeAskerTitle: 'Did it help?',
    closeBuddyTitle: 'Done?',
    closeBody: 'Your exchange with {other} on {topic}.',
    thanksLabel: 'A thank-you note (optional)',
    helpedYes: 'Yes, thanks',
    helpedNo: 'Not really',
    done: 'Done',
    closed: 'Thank you, it is closed.',
    helpsTotal: 'You have helped {count} colleague(s) so far. Thank you!',
    thanksReceived: 'Note received: “{note}”',
    unansweredTitle: 'Nobody could help with {topic} yet',
    unansweredBody:
      'Three rounds of colleagues were asked with no answer. You can widen the search (any language, later this week) or volunteer for the next reverse-mentoring programme.',
    widen: 'Widen the search',
    volunteer: 'Volunteer',
    widened: 'Asked again: I am looking more widely for {topic}.',
  },
} as const;

const schema = 'http://adaptivecards.io/schemas/adaptive-card.json';

const card = (body: unknown[], actions: unknown[] = [], extra: Record<string, unknown> = {}) =>
  ({
    type: 'AdaptiveCard',
    $schema: schema,
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    ...extra,
  }) as AdaptiveCardJson;

const title = (text: string) => ({
  type: 'TextBlock',
  text,
  size: 'Medium',
  weight: 'Bolder',
  wrap: true,
  style: 'heading',
});
const paragraph = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...extra,
});
const execute = (
  titleText: string,
  verb: string,
  data: Record<string, unknown>,
  style?: string,
) => ({
  type: 'Action.Execute',
  title: titleText,
  verb,
  data,
  ...(style ? { style } : {}),
});

/** The topic's name in the reader's language. */
export function topicName(topic: HelpRequestView['topic'], locale: Locale): string {
  return topic.label?.[locale] ?? topic.text;
}

/** An offer to a buddy: Accept / Not now; Teams refreshes it for them (Universal Actions). */
export function buddyOfferCard(
  locale: Locale,
  offer: OfferView,
  refreshUserIds: readonly string[],
): AdaptiveCardJson {
  const s = buddyCardStrings[locale];
  const topic = topicName(offer.topic, locale);
  const data = { requestId: offer.requestId, kind: 'offer' };
  return card(
    [
      title(fill(s.offerTitle, { topic })),
      paragraph(
        fill(s.offerBody, {
          asker: offer.asker.name,
          topic,
          minutes: offer.minutes,
          when: s.when[offer.when],
        }),
      ),
      ...(offer.question
        ? [paragraph(fill(s.question, { question: offer.question }), { isSubtle: true })]
        : []),
    ],
    [
      execute(s.accept, verbs.buddyAccept, data, 'positive'),
      execute(s.pass, verbs.buddyPass, data),
    ],
    refreshUserIds.length > 0
      ? {
          refresh: {
            action: { type: 'Action.Execute', verb: verbs.buddyRefresh, data },
            userIds: [...refreshUserIds],
          },
        }
      : {},
  );
}

/** "A colleague took it, thank you": what the other offers become. */
export function buddyTakenCard(locale: Locale, topic: HelpRequestView['topic']): AdaptiveCardJson {
  const s = buddyCardStrings[locale];
  return card([title(s.taken), paragraph(fill(s.takenBody, { topic: topicName(topic, locale) }))]);
}

/** Cancelled, unanswered or passed: nothing left to do on this card. */
export function buddyNoticeCard(locale: Locale, text: string): AdaptiveCardJson {
  return card([paragraph(text)]);
}

/** The request's name for notices. */
export function buddyNoLongerNeeded(locale: Locale, topic: HelpRequestView['topic']): string {
  return fill(buddyCardStrings[locale].noLongerNeeded, { topic: topicName(topic, locale) });
}

/** Teams deep links: a chat with the question typed in, and a call. */
export function teamsLinks(email: string, message: string) {
  const users = encodeURIComponent(email);
  return {
    chat: `https://teams.microsoft.com/l/chat/0/0?users=${users}${message ? `&message=${encodeURIComponent(message)}` : ''}`,
    call: `https://teams.microsoft.com/l/call/0/0?users=${users}`,
  };
}

/** Both sides: who the other is, a chat prefilled with the question, a call, book the minutes. */
export function buddyConnectCard(
  locale: Locale,
  data: {
    role: 'asker' | 'buddy';
    request: HelpRequestView;
    other: { name: string; email: string };
    timeZone: string;
  },
): AdaptiveCardJson {
  const s = buddyCardStrings[locale];
  const topic = topicName(data.request.topic, locale);
  const links = teamsLinks(data.other.email, data.request.question);
  const body = [
    title(fill(s.connectTitle, { other: data.other.name })),
    paragraph(
      fill(data.role === 'asker' ? s.connectAsker : s.connectBuddy, {
        other: data.other.name,
        topic,
      }),
    ),
    ...(data.request.question
      ? [
          paragraph(
            fill(data.role === 'asker' ? s.yourQuestion : s.question, {
              question: data.request.question,
            }),
            { isSubtle: true },
          ),
        ]
      : []),
    ...(data.request.slot
      ? [
          paragraph(
            fill(s.booked, {
              when: formatDateTime(data.request.slot.start, locale, data.timeZone),
            }),
            { weight: 'Bolder' },
          ),
        ]
      : []),
  ];
  const actions: unknown[] = [];
  if (data.other.email) {
    actions.push({ type: 'Action.OpenUrl', title: s.chat, url: links.chat });
    actions.push({ type: 'Action.OpenUrl', title: s.call, url: links.call });
  }
  if (!data.request.slot && data.request.status === 'matched') {
    actions.push(
      execute(fill(s.book, { minutes: data.request.minutes }), verbs.buddyBook, {
        requestId: data.request.id,
        kind: 'matched',
      }),
    );
  }
  return card(body, actions);
}

/** After the slot or 24 hours: "Did it help?" / "Done?", with an optional thank-you note. */
export function buddyCloseCard(
  locale: Locale,
  data: {
    role: 'asker' | 'buddy';
    request: HelpRequestView;
    other: { name: string };
    /** The buddy's helps so far, once closed. */
    helpsTotal?: number;
  },
): AdaptiveCardJson {
  const s = buddyCardStrings[locale];
  const topic = topicName(data.request.topic, locale);
  const received = data.request.thanksReceived
    ? [paragraph(fill(s.thanksReceived, { note: data.request.thanksReceived }), { isSubtle: true })]
    : [];
  if (data.request.status === 'closed') {
    return card([
      paragraph(s.closed, { weight: 'Bolder' }),
      ...(data.helpsTotal !== undefined
        ? [paragraph(fill(s.helpsTotal, { count: data.helpsTotal }))]
        : []),
      ...received,
    ]);
  }
  const base = { requestId: data.request.id, kind: 'close' };
  return card(
    [
      title(data.role === 'asker' ? s.closeAskerTitle : s.closeBuddyTitle),
      paragraph(fill(s.closeBody, { other: data.other.name, topic })),
      ...received,
      { type: 'Input.Text', id: 'note', label: s.thanksLabel, isMultiline: true, maxLength: 500 },
    ],
    data.role === 'asker'
      ? [
          execute(s.helpedYes, verbs.buddyClose, { ...base, helped: 'yes' }, 'positive'),
          execute(s.helpedNo, verbs.buddyClose, { ...base, helped: 'no' }),
        ]
      : [execute(s.done, verbs.buddyClose, base, 'positive')],
  );
}

/** Three rounds and nobody: widen, or volunteer for the next programme. */
export function buddyUnansweredCard(
  locale: Locale,
  request: HelpRequestView,
  volunteerUrl?: string,
): AdaptiveCardJson {
  const s = buddyCardStrings[locale];
  const topic = topicName(request.topic, locale);
  return card(
    [title(fill(s.unansweredTitle, { topic })), paragraph(s.unansweredBody)],
    [
      execute(s.widen, verbs.buddyWiden, { requestId: request.id, kind: 'unanswered' }, 'positive'),
      ...(volunteerUrl ? [{ type: 'Action.OpenUrl', title: s.volunteer, url: volunteerUrl }] : []),
    ],
  );
}
