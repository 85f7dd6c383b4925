import { elideBeforePlaceholders } from '../src/domain/french';
import type { Locale } from './locale';

/** Every sentence the bot says in plain text, in French and English. */
export const messages = {
  help: {
    fr: [
      'Voici ce que je sais faire :',
      '- **prochaine séance** : la date de votre prochaine séance de mentorat',
      '- **pause** : mettre en pause les rappels de votre binôme',
      '- **feedback** : donner votre avis sur la dernière séance',
      '- **coup de main <sujet>** : demander un coup de main rapide sur un outil numérique (par ex. coup de main Excel)',
      '- **dispo coup de main** / **pas dispo** : proposer ou non vos coups de main',
      '- **aide** : afficher ce message',
    ].join('\n\n'),
    en: [
      'Here is what I can do:',
      '- **next session**: when your next mentoring session is',
      '- **pause**: pause your pair’s reminders',
      '- **feedback**: give feedback on your last session',
      '- **ask <topic>**: ask a colleague for quick help with a digital tool (e.g. ask Excel)',
      '- **buddy on** / **buddy off**: offer your quick help, or stop',
      '- **help**: show this message',
    ].join('\n\n'),
  },
  unknown: {
    fr: 'Je n’ai pas compris « {text} ». Écrivez **aide** pour voir ce que je sais faire.',
    en: 'I did not understand “{text}”. Type **help** to see what I can do.',
  },
  empty: {
    fr: 'Écrivez **aide** pour voir ce que je sais faire.',
    en: 'Type **help** to see what I can do.',
  },
  nextSession: {
    fr: 'Votre prochaine séance avec {partner} : **{when}** ({duration}).',
    en: 'Your next session with {partner}: **{when}** ({duration}).',
  },
  nextSessionTopic: {
    fr: 'Sujet : {topic}',
    en: 'Topic: {topic}',
  },
  noSessionPlanned: {
    fr: 'Aucune séance n’est planifiée avec {partner}. Planifiez la prochaine depuis l’onglet Mentoring.',
    en: 'No session is booked with {partner}. Book the next one from the Mentoring tab.',
  },
  noPair: {
    fr: 'Vous n’avez pas encore de binôme actif. Inscrivez-vous ou suivez votre proposition depuis l’onglet Mentoring.',
    en: 'You have no active pair yet. Opt in or follow your proposal from the Mentoring tab.',
  },
  paused: {
    fr: 'C’est noté : les rappels de votre binôme avec {partners} sont en pause jusqu’au {until}. Écrivez **reprendre** pour les relancer.',
    en: 'Done: reminders for your pair with {partners} are paused until {until}. Type **resume** to start them again.',
  },
  nothingToPause: {
    fr: 'Vous n’avez pas de binôme actif à mettre en pause.',
    en: 'You have no active pair to pause.',
  },
  resumed: {
    fr: 'C’est reparti : les rappels de votre binôme avec {partners} reprennent.',
    en: 'Back on: reminders for your pair with {partners} are running again.',
  },
  notPaused: {
    fr: 'Aucun de vos binômes n’est en pause.',
    en: 'None of your pairs is paused.',
  },
  noFeedbackPending: {
    fr: 'Aucune séance n’attend votre avis pour le moment. Merci !',
    en: 'No session is waiting for your feedback right now. Thank you!',
  },
  unidentified: {
    fr: 'Je n’arrive pas à identifier votre compte professionnel dans ce message. Écrivez-moi depuis Teams avec votre compte d’entreprise.',
    en: 'I cannot tell which work account sent this message. Please write to me from Teams with your work account.',
  },
  invalidAction: {
    fr: 'Ce bouton n’est plus valable. Rouvrez la carte la plus récente.',
    en: 'This button is no longer valid. Please open the latest card.',
  },
  approvalConflict: {
    fr: 'Cette demande a déjà reçu une autre décision ; elle ne peut plus changer.',
    en: 'This request already received another decision; it can no longer change.',
  },
  approvalOutcomeForPerson: {
    fr: '{manager} a {decision} votre temps de mentorat avec {partner}.',
    en: '{manager} {decision} your mentoring time with {partner}.',
  },
  approvalOutcomeForPartner: {
    fr: '{manager}, manager de {person}, a {decision} le temps de mentorat de votre binôme.',
    en: '{manager}, {person}’s manager, {decision} the mentoring time for your pair.',
  },
  sessionMoved: {
    fr: 'Votre séance avec {partner} du {from} a été déplacée au **{to}** dans l’agenda.',
    en: 'Your session with {partner} on {from} was moved to **{to}** in the calendar.',
  },
  sessionDeclined: {
    fr: '{partner} a décliné la séance du **{when}** dans son agenda.',
    en: '{partner} declined the session on **{when}** in their calendar.',
  },
  partnerLeft: {
    fr: 'Votre binôme a quitté le programme et a demandé l’effacement de ses données : votre binôme est terminé. Vous pouvez retrouver votre historique dans l’onglet Mentoring.',
    en: 'Your partner left the programme and asked for their data to be erased: your pair has ended. Your history stays in the Mentoring tab.',
  },
  sessionCancelled: {
    fr: 'Votre séance avec {partner} du **{when}** a été annulée dans l’agenda.',
    en: 'Your session with {partner} on **{when}** was cancelled in the calendar.',
  },
  proposalForMentor: {
    fr: 'Nouvelle proposition de binôme dans {programme} : vous seriez le mentor de **{partner}**. Répondez avant le **{deadline}**.',
    en: 'New pairing proposal in {programme}: you would mentor **{partner}**. Please answer by **{deadline}**.',
  },
  proposalForMentee: {
    fr: 'Nouvelle proposition de binôme dans {programme} : **{partner}** serait votre mentor. Répondez avant le **{deadline}**.',
    en: 'New pairing proposal in {programme}: **{partner}** would mentor you. Please answer by **{deadline}**.',
  },
  proposalAfterRepair: {
    fr: 'Votre proposition précédente n’a pas abouti ; voici la suivante.',
    en: 'Your previous proposal did not go ahead, so here is the next one.',
  },
  proposalWhere: {
    fr: 'Voyez pourquoi et répondez dans l’onglet **Ma proposition** de Mentoring.',
    en: 'See why and answer in the **My match** tab of Mentoring.',
  },
  proposalOpen: {
    fr: 'Ouvrir Ma proposition',
    en: 'Open My match',
  },
  notAllowed: {
    fr: 'Vous ne pouvez pas faire cela ici.',
    en: 'You are not allowed to do this.',
  },
  changedMeanwhile: {
    fr: 'Cela a changé entre-temps. Rouvrez la carte la plus récente ou réessayez.',
    en: 'This changed in the meantime. Please open the latest card or try again.',
  },
  invalidInput: {
    fr: 'Ce que vous avez envoyé n’est pas valable. Vérifiez et réessayez.',
    en: 'What you sent is not valid. Please check it and try again.',
  },
  unavailable: {
    fr: 'Le service est momentanément indisponible. Réessayez dans un instant.',
    en: 'The service is briefly unavailable. Please try again in a moment.',
  },
  buddyAsked: {
    fr: 'C’est parti : je cherche quelqu’un pour vous aider sur **{topic}**. Je vous écris dès qu’une personne accepte.',
    en: 'On it: I am looking for someone to help you with **{topic}**. I will message you as soon as someone accepts.',
  },
  buddyAskedNobodyNow: {
    fr: 'Je cherche quelqu’un pour vous aider sur **{topic}**. Personne n’est disponible à l’instant : je continue de chercher et je vous tiens au courant.',
    en: 'I am looking for someone to help you with **{topic}**. Nobody is available right now: I will keep looking and let you know.',
  },
  buddyAskMerged: {
    fr: 'Vous avez déjà une demande en cours sur **{topic}** : je continue avec celle-ci.',
    en: 'You already have a request open on **{topic}**: I am carrying on with that one.',
  },
  buddyUnknownTopic: {
    fr: '« {topic} » n’est pas dans le catalogue : je le demande aux personnes qui aident sur tout le numérique.',
    en: '“{topic}” is not in the catalogue: I am asking people who help with anything digital.',
  },
  buddyAskNeedsTopic: {
    fr: 'Sur quel sujet ? Écrivez par exemple **coup de main Excel** (ajoutez votre question après deux-points).',
    en: 'Which topic? Type for example **ask Excel** (add your question after a colon).',
  },
  buddyOn: {
    fr: 'Merci ! Vous êtes disponible pour des coups de main sur : {skills} (au plus {cap} par semaine). Ajustez vos sujets, vos langues et vos heures calmes dans l’onglet **Coup de main**.',
    en: 'Thank you! You are available for quick help on: {skills} (at most {cap} a week). Adjust your topics, languages and quiet hours in the **Quick help** tab.',
  },
  buddyAnythingDigital: {
    fr: 'tout le numérique',
    en: 'anything digital',
  },
  buddyOff: {
    fr: 'C’est noté : vous ne recevrez plus de demandes de coup de main. Écrivez **dispo coup de main** pour revenir.',
    en: 'Done: you will not receive quick-help requests any more. Type **buddy on** to come back.',
  },
  buddyTaken: {
    fr: 'Une autre personne s’occupe déjà de cette demande. Merci !',
    en: 'A colleague took it, thank you!',
  },
  buddyTooManyOpen: {
    fr: 'Vous avez déjà 5 demandes de coup de main en cours. Clôturez-en une avant d’en poser une autre.',
    en: 'You already have 5 quick-help requests open. Close one before asking another.',
  },
  buddyRateLimited: {
    fr: 'Vous avez posé beaucoup de demandes en peu de temps. Réessayez dans une heure.',
    en: 'You asked a lot in a short time. Please try again in an hour.',
  },
  turnError: {
    fr: 'Désolé, une erreur est survenue de mon côté. Réessayez dans un instant.',
    en: 'Sorry, something went wrong on my side. Please try again in a moment.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;

/** The sentence `key` in `locale`, with `{name}` placeholders filled from `values`. */
export function say(
  key: MessageKey,
  locale: Locale,
  values: Record<string, string | number> = {},
): string {
  const template = messages[key][locale];
  // French elides « de {person} » before a vowel or a mute h: « manager d’Anaïs ».
  const elided = locale === 'fr' ? elideBeforePlaceholders(template, values) : template;
  return elided.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
