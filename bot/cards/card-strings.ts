import type { Locale } from '../locale';

/** Every sentence shown on a card, in French and English. `{name}` marks a value filled in. */
export const cardStrings = {
  fr: {
    welcome: {
      title: 'Bienvenue dans Mentoring, {name} !',
      titleNoName: 'Bienvenue dans Mentoring !',
      body: 'Je vous accompagne dans votre binôme de mentorat inversé : rappels de séances, avis après chaque séance et validation du temps par votre manager.',
      hint: 'Écrivez **aide** à tout moment pour voir ce que je sais faire.',
      nextSession: 'Prochaine séance',
      help: 'Aide',
    },
    help: {
      title: 'Ce que je sais faire',
      commands: [
        { command: 'prochaine séance', description: 'la date de votre prochaine séance' },
        { command: 'pause', description: 'mettre en pause les rappels de votre binôme' },
        { command: 'reprendre', description: 'reprendre les rappels après une pause' },
        { command: 'feedback', description: 'donner votre avis sur la dernière séance' },
        { command: 'aide', description: 'afficher ce message' },
      ],
      nextSession: 'Prochaine séance',
      feedback: 'Donner mon avis',
    },
    approval: {
      title: 'Demande de temps dédié au mentorat',
      intro:
        '{person} rejoint un binôme de mentorat inversé et a besoin de votre accord pour y consacrer du temps.',
      who: 'Qui',
      with: 'Avec',
      programme: 'Programme',
      time: 'Temps demandé',
      period: 'Période',
      timeValue: '{sessions} séances × {duration}, {frequency} ({total} au total)',
      periodValue: 'du {from} au {to}',
      commentLabel: 'Commentaire (obligatoire pour refuser)',
      commentPlaceholder: 'Votre message à {person}',
      approve: 'Approuver',
      decline: 'Refuser',
      declineNeedsComment: 'Merci d’indiquer en commentaire pourquoi vous refusez.',
    },
    outcome: {
      approvedTitle: 'Temps de mentorat approuvé',
      declinedTitle: 'Temps de mentorat refusé',
      approvedBy: 'Approuvé par {manager} le {date}.',
      declinedBy: 'Refusé par {manager} le {date}.',
      comment: 'Commentaire : {comment}',
      alreadyDecided: 'Cette demande a déjà été traitée.',
    },
    superseded: {
      title: 'Demande remplacée',
      body: 'Cette demande a été remplacée par une plus récente : {person} et {partner} ont modifié leur accord et l’ont signé à nouveau. La nouvelle demande vous arrive dans un autre message.',
      replacedOn: 'Remplacée le {date}. Personne ne peut plus la décider.',
      clicked: 'Votre clic n’a rien changé : décidez la nouvelle demande.',
    },
    refusal: {
      title: 'Action réservée au manager',
      body: 'Cette demande ne peut être approuvée ou refusée que par {manager}. Votre clic n’a rien changé.',
    },
    reminder: {
      soonTitle: 'Séance dans {minutes} minutes',
      laterTitle: 'Séance de mentorat à venir',
      body: 'Votre séance avec {partner} commence le {when} ({duration}).',
      topic: 'Sujet : {topic}',
      join: 'Rejoindre la réunion',
    },
    nudge: {
      no_session_booked: {
        title: 'Aucune séance planifiée',
        body: 'Votre binôme avec {partner} a démarré il y a une semaine et aucune séance n’est encore planifiée.',
        action: 'Planifier une séance',
      },
      no_session_held: {
        title: 'Pas de séance depuis deux semaines',
        body: 'Vous n’avez pas eu de séance avec {partner} depuis 14 jours. Un petit créneau cette semaine ?',
        action: 'Voir le tableau de bord',
      },
      feedback_pending: {
        title: 'Votre avis compte',
        body: 'Comment s’est passée votre séance avec {partner} le {date} ? Cela prend une minute.',
        action: 'Donner mon avis',
      },
      agreement_unsigned: {
        title: 'Charte du binôme à signer',
        body: 'La charte de votre binôme avec {partner} n’est pas encore signée. Signez-la avant la troisième séance.',
        action: 'Signer la charte',
      },
      proposal_expiring: {
        title: 'Proposition de binôme bientôt expirée',
        body: 'La proposition de binôme avec {partner} expire le {date}. Acceptez-la ou déclinez-la d’ici là.',
        action: 'Répondre à la proposition',
      },
      approval_pending: {
        title: 'Demande en attente de votre accord',
        body: '{partner} attend votre réponse depuis 3 jours pour son temps de mentorat.',
        action: 'Voir la demande',
      },
      lead_nudge: {
        title: 'Des nouvelles de votre binôme ?',
        body: 'L’équipe du programme {programme} prend des nouvelles de votre binôme avec {partner}. {ask}',
        bodyByLead:
          '{lead}, responsable du programme {programme}, prend des nouvelles de votre binôme avec {partner}. {ask}',
        // What the pair can do about the reason the lead nudged for.
        asks: {
          meet: 'Un petit créneau ensemble cette semaine ?',
          approval:
            'L’accord d’un manager est attendu depuis plus d’une semaine : un mot de votre part peut l’aider à décider.',
          agreement:
            'La charte de votre binôme n’est pas encore signée par vous deux : prenez un moment pour la finaliser.',
        },
        action: 'Voir le tableau de bord',
      },
      join_reminder: {
        title: 'Le programme {programme} vous attend',
        body: 'Une invitation au programme de mentorat inversé {programme} vous attend. Remplissez votre profil pour le rejoindre : cela prend quelques minutes.',
        action: 'Rejoindre le programme',
      },
    },
    feedback: {
      title: 'Votre avis sur la séance',
      intro: 'Séance avec {partner} le {date}.',
      ratingLabel: 'Cette séance vous a-t-elle été utile ?',
      ratingError: 'Choisissez une note de 1 à 4.',
      ratings: ['1 – Pas utile', '2 – Un peu utile', '3 – Utile', '4 – Très utile'],
      workedLabel: 'Ce qui a bien marché',
      workedPlaceholder: 'Un moment, une explication, un outil…',
      suggestionLabel: 'Une suggestion pour la prochaine fois',
      suggestionPlaceholder: 'Ce que votre binôme pourrait faire autrement',
      shareLabel:
        'Partager ces commentaires avec le ou la responsable du programme pour le bilan (sans votre nom)',
      submit: 'Envoyer',
      thanksTitle: 'Merci pour votre avis !',
      thanksBody: 'Votre avis sur la séance du {date} avec {partner} est enregistré ({rating}/4).',
    },
  },
  en: {
    welcome: {
      title: 'Welcome to Mentoring, {name}!',
      titleNoName: 'Welcome to Mentoring!',
      body: 'I help your reverse-mentoring pair along: session reminders, feedback after each session and your manager’s approval of the time.',
      hint: 'Type **help** at any time to see what I can do.',
      nextSession: 'Next session',
      help: 'Help',
    },
    help: {
      title: 'What I can do',
      commands: [
        { command: 'next session', description: 'when your next session is' },
        { command: 'pause', description: 'pause your pair’s reminders' },
        { command: 'resume', description: 'resume reminders after a pause' },
        { command: 'feedback', description: 'give feedback on your last session' },
        { command: 'help', description: 'show this message' },
      ],
      nextSession: 'Next session',
      feedback: 'Give feedback',
    },
    approval: {
      title: 'Request for dedicated mentoring time',
      intro:
        '{person} is joining a reverse-mentoring pair and needs your approval to spend time on it.',
      who: 'Who',
      with: 'With',
      programme: 'Programme',
      time: 'Time requested',
      period: 'Period',
      timeValue: '{sessions} sessions × {duration}, {frequency} ({total} in total)',
      periodValue: 'from {from} to {to}',
      commentLabel: 'Comment (required to decline)',
      commentPlaceholder: 'Your message to {person}',
      approve: 'Approve',
      decline: 'Decline',
      declineNeedsComment: 'Please say in the comment why you decline.',
    },
    outcome: {
      approvedTitle: 'Mentoring time approved',
      declinedTitle: 'Mentoring time declined',
      approvedBy: 'Approved by {manager} on {date}.',
      declinedBy: 'Declined by {manager} on {date}.',
      comment: 'Comment: {comment}',
      alreadyDecided: 'This request was already decided.',
    },
    superseded: {
      title: 'Request replaced',
      body: 'This request was replaced by a newer one: {person} and {partner} changed their agreement and signed it again. The new request reaches you in another message.',
      replacedOn: 'Replaced on {date}. Nobody can decide it any more.',
      clicked: 'Your click changed nothing: decide on the new request.',
    },
    refusal: {
      title: 'Only the manager can act',
      body: 'Only {manager} can approve or decline this request. Your click changed nothing.',
    },
    reminder: {
      soonTitle: 'Session in {minutes} minutes',
      laterTitle: 'Upcoming mentoring session',
      body: 'Your session with {partner} starts on {when} ({duration}).',
      topic: 'Topic: {topic}',
      join: 'Join the meeting',
    },
    nudge: {
      no_session_booked: {
        title: 'No session booked yet',
        body: 'Your pair with {partner} started a week ago and no session is booked yet.',
        action: 'Book a session',
      },
      no_session_held: {
        title: 'No session for two weeks',
        body: 'You have not met {partner} for 14 days. A short slot this week?',
        action: 'Open the dashboard',
      },
      feedback_pending: {
        title: 'Your feedback matters',
        body: 'How did your session with {partner} on {date} go? It takes a minute.',
        action: 'Give feedback',
      },
      agreement_unsigned: {
        title: 'Pair agreement to sign',
        body: 'Your pair agreement with {partner} is not signed yet. Please sign it before the third session.',
        action: 'Sign the agreement',
      },
      proposal_expiring: {
        title: 'Pair proposal expiring soon',
        body: 'The proposal to pair with {partner} expires on {date}. Accept or decline it before then.',
        action: 'Answer the proposal',
      },
      approval_pending: {
        title: 'A request awaits your approval',
        body: '{partner} has been waiting 3 days for your answer about their mentoring time.',
        action: 'See the request',
      },
      lead_nudge: {
        title: 'How is your pair going?',
        body: 'The {programme} programme team is checking in on your pair with {partner}. {ask}',
        bodyByLead:
          '{lead}, who leads the {programme} programme, is checking in on your pair with {partner}. {ask}',
        asks: {
          meet: 'Could you find a short slot together this week?',
          approval:
            'A manager’s approval has been awaited for more than a week: a word from you may help them decide.',
          agreement:
            'Your pair agreement is not signed by both of you yet: take a moment to finish it.',
        },
        action: 'Open the dashboard',
      },
      join_reminder: {
        title: '{programme} is waiting for you',
        body: 'You are invited to the {programme} reverse-mentoring programme. Fill in your profile to join: it takes a few minutes.',
        action: 'Join the programme',
      },
    },
    feedback: {
      title: 'Your feedback on the session',
      intro: 'Session with {partner} on {date}.',
      ratingLabel: 'How useful was this session?',
      ratingError: 'Choose a rating from 1 to 4.',
      ratings: ['1 – Not useful', '2 – A little useful', '3 – Useful', '4 – Very useful'],
      workedLabel: 'What worked well',
      workedPlaceholder: 'A moment, an explanation, a tool…',
      suggestionLabel: 'One suggestion for next time',
      suggestionPlaceholder: 'What your partner could do differently',
      shareLabel: 'Share these comments with the programme lead for the report (without your name)',
      submit: 'Send',
      thanksTitle: 'Thank you for your feedback!',
      thanksBody: 'Your feedback on the session of {date} with {partner} is saved ({rating}/4).',
    },
  },
} as const satisfies Record<Locale, unknown>;

export type CardStrings = (typeof cardStrings)[Locale];
export type NudgeKind = keyof CardStrings['nudge'];
export const nudgeKinds = Object.keys(cardStrings.en.nudge) as NudgeKind[];
