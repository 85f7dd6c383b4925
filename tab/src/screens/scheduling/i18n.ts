import { createTranslateFor, type CatalogueFor, type Locale } from '../../i18n/catalogue';
import { createFrenchTranslateFor } from '../../i18n/french-elision';
import { useLocale } from '../../i18n/I18nProvider';

// The planning screen's strings load with it (a lazy chunk), not with the shell.
const en = {
  'plan.intro':
    'Choose a time that suits you both: your sessions are booked as one recurring Teams meeting in both calendars.',
  'plan.loading': 'Looking at both calendars…',
  'plan.picker': 'Pair',
  'plan.picker.mentorOf': 'You mentor {name}',
  'plan.picker.menteeOf': '{name} mentors you',
  'plan.noPair': 'You are not in a pair yet. Sessions can be planned once your pair is formed.',
  'plan.noPair.volunteer': 'Volunteer in My profile',
  'plan.proposals.title': 'Proposed times',
  'plan.proposals.intro':
    '{sessions} in {organiser}’s calendar, {duration} minutes each, {cadence}, with a Teams meeting.',
  'plan.proposals.introMine':
    '{sessions} in your calendar, {duration} minutes each, {cadence}, with a Teams meeting.',
  'plan.summary': '{cadence} on {weekday}, {time} for you; {sessions} from {date}.',
  'plan.summary.both':
    '{cadence} on {weekday}, {time} for you and {partnerTime} for {partner} ({zone}); {sessions} from {date}.',
  'plan.proposals.none': 'No time fits yet',
  'plan.proposal.label': 'Proposal {rank}',
  'plan.proposal.you': 'You',
  'plan.proposal.time': '{weekday} {time}',
  'plan.proposal.zone': '({zone})',
  'plan.proposal.first': 'First session: {date}',
  'plan.proposal.preferred': 'In both your preferred hours',
  'plan.proposal.unchecked': {
    one: '{count} later session is checked against working hours only',
    other: '{count} later sessions are checked against working hours only',
  },
  'plan.book': 'Book this time',
  'plan.bookLabel': 'Book proposal {rank}: {summary}',
  'plan.confirm.title': 'Book these sessions?',
  'plan.confirm.body':
    '{summary} The invitation goes to {partner} from {organiser}’s calendar, with a Teams meeting.',
  'plan.confirm.bodyMine':
    '{summary} The invitation goes to {partner} from your calendar, with a Teams meeting.',
  'plan.confirm.bodyToMe':
    '{summary} The invitation comes to you from {organiser}’s calendar, with a Teams meeting.',
  'plan.confirm.yes': 'Yes, book',
  'plan.confirm.cancel': 'Cancel',
  'plan.booking': 'Booking…',
  'plan.booked': 'Your sessions are booked.',
  'plan.alreadyBooked':
    'Your sessions were already booked: here they are. To change one, move that session.',
  'plan.series.title': 'Our sessions',
  'plan.series.where': 'In {organiser}’s calendar, with a Teams meeting; {partner} is invited.',
  'plan.series.whereMine': 'In your calendar, with a Teams meeting; {partner} is invited.',
  'plan.series.whereToMe': 'In {organiser}’s calendar, with a Teams meeting; you are invited.',
  'plan.series.local':
    'This demo keeps the calendar in the app: download the sessions to add them to your own calendar.',
  'plan.ics': 'Download the sessions (.ics)',
  'plan.ics.failed': 'The file could not be downloaded. Try again.',
  'plan.session': 'Session {index}',
  'plan.status.planned': 'Planned',
  'plan.status.held': 'Held',
  'plan.status.missed': 'Missed',
  'plan.status.cancelled': 'Cancelled',
  'plan.declined': '{names} declined this session in their calendar.',
  'plan.declinedMine': 'You declined this session in your calendar.',
  'plan.changes': {
    one: 'The calendar changed since your last visit: {count} session updated.',
    other: 'The calendar changed since your last visit: {count} sessions updated.',
  },
  'plan.notBookable':
    'Sessions cannot be planned for this pair now (it is paused, finished, or every agreed session is behind it).',
  'plan.toDashboard': 'Back to my pair',
  'plan.move': 'Move',
  'plan.moveLabel': 'Move session {index}',
  'plan.move.title': 'Move session {index}',
  'plan.move.body':
    'Only this session moves, in both calendars; the others stay. {partner} is told by the calendar.',
  'plan.move.field': 'New date and time (your time)',
  'plan.move.invalid': 'Choose a date and time in the future.',
  'plan.move.confirm': 'Move it',
  'plan.moved': 'Session {index} moved to {date}.',
  'plan.calendarError': '{name}’s calendar could not be reached: {reason}.',
  'plan.calendarErrorMine': 'Your calendar could not be reached: {reason}.',
  'plan.reason.permission_missing':
    'permission missing (ask your administrator to add this mailbox)',
  'plan.reason.not_authorized': 'the app’s credentials were refused',
  'plan.reason.mailbox_not_found': 'no mailbox was found for this person',
  'plan.reason.throttled': 'Microsoft 365 is busy; try again in a few minutes',
  'plan.reason.unreachable': 'Microsoft 365 could not be reached',
  'plan.reason.timed_out': 'Microsoft 365 did not answer in time; try again in a few minutes',
  'plan.reason.malformed_response': 'Microsoft 365 sent an unexpected answer',
  'plan.reason.rejected': 'Microsoft 365 refused the request',
  'plan.reason.unavailable': 'the calendar is unavailable',
} as const;

const fr: CatalogueFor<typeof en> = {
  'plan.intro':
    'Choisissez un horaire qui vous convient à tous les deux : vos séances sont réservées comme une seule réunion Teams récurrente dans vos deux agendas.',
  'plan.loading': 'Lecture des deux agendas…',
  'plan.picker': 'Binôme',
  'plan.picker.mentorOf': 'Vous êtes mentor de {name}',
  'plan.picker.menteeOf': '{name} est votre mentor',
  'plan.noPair':
    'Vous n’êtes pas encore en binôme. Les séances se planifient une fois le binôme formé.',
  'plan.noPair.volunteer': 'Se porter volontaire dans Mon profil',
  'plan.proposals.title': 'Horaires proposés',
  'plan.proposals.intro':
    '{sessions} dans l’agenda de {organiser}, {duration} minutes chacune, {cadence}, avec une réunion Teams.',
  'plan.proposals.introMine':
    '{sessions} dans votre agenda, {duration} minutes chacune, {cadence}, avec une réunion Teams.',
  'plan.summary': '{cadence} le {weekday}, {time} pour vous ; {sessions} à partir du {date}.',
  'plan.summary.both':
    '{cadence} le {weekday}, {time} pour vous et {partnerTime} pour {partner} ({zone}) ; {sessions} à partir du {date}.',
  'plan.proposals.none': 'Aucun horaire ne convient pour l’instant',
  'plan.proposal.label': 'Proposition {rank}',
  'plan.proposal.you': 'Vous',
  'plan.proposal.time': '{weekday} {time}',
  'plan.proposal.zone': '({zone})',
  'plan.proposal.first': 'Première séance : {date}',
  'plan.proposal.preferred': 'Dans vos horaires préférés à tous les deux',
  'plan.proposal.unchecked': {
    one: '{count} séance plus lointaine n’est vérifiée que sur les heures de travail',
    other: '{count} séances plus lointaines ne sont vérifiées que sur les heures de travail',
  },
  'plan.book': 'Réserver cet horaire',
  'plan.bookLabel': 'Réserver la proposition {rank} : {summary}',
  'plan.confirm.title': 'Réserver ces séances ?',
  'plan.confirm.body':
    '{summary} L’invitation part de l’agenda de {organiser} vers {partner}, avec une réunion Teams.',
  'plan.confirm.bodyMine':
    '{summary} L’invitation part de votre agenda vers {partner}, avec une réunion Teams.',
  'plan.confirm.bodyToMe':
    '{summary} Vous recevez l’invitation depuis l’agenda de {organiser}, avec une réunion Teams.',
  'plan.confirm.yes': 'Oui, réserver',
  'plan.confirm.cancel': 'Annuler',
  'plan.booking': 'Réservation…',
  'plan.booked': 'Vos séances sont réservées.',
  'plan.alreadyBooked':
    'Vos séances étaient déjà réservées : les voici. Pour en changer une, déplacez cette séance.',
  'plan.series.title': 'Nos séances',
  'plan.series.where':
    'Dans l’agenda de {organiser}, avec une réunion Teams ; {partner} reçoit l’invitation.',
  'plan.series.whereMine':
    'Dans votre agenda, avec une réunion Teams ; {partner} reçoit l’invitation.',
  'plan.series.whereToMe':
    'Dans l’agenda de {organiser}, avec une réunion Teams ; vous recevez l’invitation.',
  'plan.series.local':
    'Cette démo garde l’agenda dans l’application : téléchargez les séances pour les ajouter à votre propre agenda.',
  'plan.ics': 'Télécharger les séances (.ics)',
  'plan.ics.failed': 'Le fichier n’a pas pu être téléchargé. Réessayez.',
  'plan.session': 'Séance {index}',
  'plan.status.planned': 'Prévue',
  'plan.status.held': 'Tenue',
  'plan.status.missed': 'Manquée',
  'plan.status.cancelled': 'Annulée',
  'plan.declined': '{names} a décliné cette séance dans son agenda.',
  'plan.declinedMine': 'Vous avez décliné cette séance dans votre agenda.',
  'plan.changes': {
    one: 'L’agenda a changé depuis votre dernière visite : {count} séance mise à jour.',
    other: 'L’agenda a changé depuis votre dernière visite : {count} séances mises à jour.',
  },
  'plan.notBookable':
    'Les séances ne peuvent pas être planifiées pour ce binôme maintenant (il est en pause, terminé, ou toutes les séances convenues ont eu lieu).',
  'plan.toDashboard': 'Retour à mon binôme',
  'plan.move': 'Déplacer',
  'plan.moveLabel': 'Déplacer la séance {index}',
  'plan.move.title': 'Déplacer la séance {index}',
  'plan.move.body':
    'Seule cette séance change, dans les deux agendas ; les autres restent. l’agenda prévient {partner}.',
  'plan.move.field': 'Nouvelle date et heure (votre heure)',
  'plan.move.invalid': 'Choisissez une date et une heure à venir.',
  'plan.move.confirm': 'La déplacer',
  'plan.moved': 'Séance {index} déplacée au {date}.',
  'plan.calendarError': 'Agenda de {name} inaccessible : {reason}.',
  'plan.calendarErrorMine': 'Votre agenda est inaccessible : {reason}.',
  'plan.reason.permission_missing':
    'autorisation manquante (demandez à votre administrateur d’ajouter cette boîte aux lettres)',
  'plan.reason.not_authorized': 'les identifiants de l’application ont été refusés',
  'plan.reason.mailbox_not_found': 'aucune boîte aux lettres trouvée pour cette personne',
  'plan.reason.throttled': 'Microsoft 365 est surchargé ; réessayez dans quelques minutes',
  'plan.reason.unreachable': 'Microsoft 365 est injoignable',
  'plan.reason.timed_out':
    'Microsoft 365 n’a pas répondu à temps ; réessayez dans quelques minutes',
  'plan.reason.malformed_response': 'Microsoft 365 a envoyé une réponse inattendue',
  'plan.reason.rejected': 'Microsoft 365 a refusé la demande',
  'plan.reason.unavailable': 'l’agenda est indisponible',
};

// Built like screenCatalogue(en, fr), but French elides « de » before a name that needs it:
// « l’agenda d’Ethan Walker », not « l’agenda de Ethan Walker ».
const translators = {
  en: createTranslateFor<typeof en>('en', en),
  fr: createFrenchTranslateFor<typeof en>(fr),
};

/** The planning screen's translate function of one language (tests and code outside React). */
export function planTranslate(locale: Locale) {
  return translators[locale];
}

/** The planning screen's translate function in the active language. */
export function usePlanT() {
  return translators[useLocale()];
}

const reasons = [
  'permission_missing',
  'not_authorized',
  'mailbox_not_found',
  'throttled',
  'unreachable',
  'timed_out',
  'malformed_response',
  'rejected',
  'unavailable',
] as const;
type CalendarReason = (typeof reasons)[number];

/** The reason key of a `calendar_unavailable` error's `details.reason`, if it is one we know. */
export function calendarReasonKey(reason: unknown): `plan.reason.${CalendarReason}` | null {
  return reasons.includes(reason as CalendarReason)
    ? `plan.reason.${reason as CalendarReason}`
    : null;
}
