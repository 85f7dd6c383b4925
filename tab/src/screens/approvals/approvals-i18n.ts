import type { CatalogueFor } from '../../i18n/catalogue';
import { screenCatalogue } from '../../i18n/screen-catalogue';

// A manager's approvals of dedicated mentoring time (the same requests as the bot's card). These
// strings load with the lazy screen, not with the shell.

const en = {
  'approvals.intro':
    'People in your team who join a reverse-mentoring pair ask for your approval of the time it takes. The same requests reach you in Teams chat: decide here or there.',
  'approvals.loading': 'Loading your requests…',
  'approvals.none': 'Nobody has asked for your approval yet.',
  'approvals.waiting': {
    zero: 'No request is waiting for your decision.',
    one: '1 request is waiting for your decision.',
    other: '{count} requests are waiting for your decision.',
  },
  'approvals.listLabel': 'Requests for dedicated time',
  'approvals.cardTitle': '{person} with {partner}',
  'approvals.role.mentor': '{person} is the mentor: they share digital skills.',
  'approvals.role.mentee': '{person} is the mentee: they learn digital skills.',
  'approvals.programme': 'Programme',
  'approvals.subject': 'Subject',
  'approvals.subjectNone': 'Not written yet',
  'approvals.time': 'Time requested',
  'approvals.timeValue': '{sessions} sessions × {duration}, {frequency} ({total} in total)',
  'approvals.period': 'Period',
  'approvals.periodValue': 'from {from} to {to}',
  'approvals.frequency.weekly': 'every week',
  'approvals.frequency.biweekly': 'every 2 weeks',
  'approvals.frequency.monthly': 'every month',
  'approvals.hours': { one: '{count} h', other: '{count} h' },
  'approvals.minutes': '{minutes} min',
  'approvals.hoursMinutes': '{hours} h {minutes}',
  'approvals.asked': 'Asked on {date}',
  'approvals.commentLabel': 'Comment (required to decline)',
  'approvals.commentHint': '{person} and {partner} will read it.',
  'approvals.approve': 'Approve',
  'approvals.decline': 'Decline',
  'approvals.declineNeedsComment': 'Please say in the comment why you decline.',
  'approvals.status.pending': 'Waiting',
  'approvals.status.approved': 'Approved',
  'approvals.status.declined': 'Declined',
  'approvals.status.superseded': 'Replaced',
  'approvals.approvedOn': 'You approved on {date}.',
  'approvals.declinedOn': 'You declined on {date}.',
  'approvals.comment': 'Comment: {comment}',
  'approvals.pairStarted': 'Every manager approved: the pair has started.',
  'approvals.pairWaiting': 'The pair waits for the other manager’s approval.',
  'approvals.didApprove': 'You approved {person}’s time.',
  'approvals.didDecline': 'You declined {person}’s time. {person} and {partner} are told.',
  'approvals.alreadyDecided': 'This request was already decided: here it is as it stands.',
  'approvals.conflict':
    'This request changed meanwhile (decided in Teams, perhaps): here it is as it stands now. What you typed is kept.',
  'approvals.unsentComment': 'Your comment, not sent: {comment}',
  'approvals.superseded':
    'This request was replaced by a newer one: {person} and {partner} changed their agreement and signed it again. Nobody can decide it any more.',
  'approvals.supersededOn': 'Replaced on {date}.',
  'approvals.supersededConflict':
    'This request was replaced by a newer one: nothing was decided. The new request is in your list. What you typed is kept.',
} as const;

const fr: CatalogueFor<typeof en> = {
  'approvals.intro':
    'Les personnes de votre équipe qui rejoignent un binôme de mentorat inversé vous demandent d’approuver le temps qu’il demande. Les mêmes demandes vous arrivent dans la conversation Teams : décidez ici ou là-bas.',
  'approvals.loading': 'Chargement de vos demandes…',
  'approvals.none': 'Personne ne vous a encore demandé votre accord.',
  'approvals.waiting': {
    zero: 'Aucune demande n’attend votre décision.',
    one: '1 demande attend votre décision.',
    other: '{count} demandes attendent votre décision.',
  },
  'approvals.listLabel': 'Demandes de temps dédié',
  'approvals.cardTitle': '{person} avec {partner}',
  // Neutral wordings: the directory does not say the person's gender (no « mentoré·e », « il ou elle »).
  'approvals.role.mentor': 'Rôle de {person} : mentor, pour partager ses compétences numériques.',
  'approvals.role.mentee':
    'Rôle de {person} : personne mentorée, pour apprendre des compétences numériques.',
  'approvals.programme': 'Programme',
  'approvals.subject': 'Sujet',
  'approvals.subjectNone': 'Pas encore rédigé',
  'approvals.time': 'Temps demandé',
  'approvals.timeValue': '{sessions} séances × {duration}, {frequency} ({total} au total)',
  'approvals.period': 'Période',
  'approvals.periodValue': 'du {from} au {to}',
  'approvals.frequency.weekly': 'chaque semaine',
  'approvals.frequency.biweekly': 'toutes les deux semaines',
  'approvals.frequency.monthly': 'chaque mois',
  'approvals.hours': { one: '{count} h', other: '{count} h' },
  'approvals.minutes': '{minutes} min',
  'approvals.hoursMinutes': '{hours} h {minutes}',
  'approvals.asked': 'Demandé le {date}',
  'approvals.commentLabel': 'Commentaire (obligatoire pour refuser)',
  'approvals.commentHint': '{person} et {partner} le liront.',
  'approvals.approve': 'Approuver',
  'approvals.decline': 'Refuser',
  'approvals.declineNeedsComment': 'Merci d’indiquer en commentaire pourquoi vous refusez.',
  'approvals.status.pending': 'En attente',
  'approvals.status.approved': 'Approuvée',
  'approvals.status.declined': 'Refusée',
  'approvals.status.superseded': 'Remplacée',
  'approvals.approvedOn': 'Vous avez approuvé le {date}.',
  'approvals.declinedOn': 'Vous avez refusé le {date}.',
  'approvals.comment': 'Commentaire : {comment}',
  'approvals.pairStarted': 'Tous les managers ont approuvé : le binôme a démarré.',
  'approvals.pairWaiting': 'Le binôme attend l’accord de l’autre manager.',
  'approvals.didApprove': 'Vous avez approuvé le temps de {person}.',
  'approvals.didDecline':
    'Vous avez refusé le temps de {person}. {person} et {partner} en sont informés.',
  'approvals.alreadyDecided': 'Cette demande a déjà été traitée : la voici telle qu’elle est.',
  'approvals.conflict':
    'Cette demande a changé entre-temps (traitée dans Teams, peut-être) : la voici telle qu’elle est maintenant. Ce que vous avez écrit est conservé.',
  'approvals.unsentComment': 'Votre commentaire, non envoyé : {comment}',
  'approvals.superseded':
    'Cette demande a été remplacée par une plus récente : {person} et {partner} ont modifié leur accord et l’ont signé à nouveau. Personne ne peut plus la décider.',
  'approvals.supersededOn': 'Remplacée le {date}.',
  'approvals.supersededConflict':
    'Cette demande a été remplacée par une plus récente : rien n’a été décidé. La nouvelle demande est dans votre liste. Ce que vous avez écrit est conservé.',
};

const catalogue = screenCatalogue(en, fr);

/** `t()` of this catalogue in the active language. */
export const useApprovalsT = catalogue.useScreenT;
/** `t()` of this catalogue in a given language (tests, code outside React). */
export const approvalsTranslate = catalogue.translate;
