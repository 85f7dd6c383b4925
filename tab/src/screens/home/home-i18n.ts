import type { CatalogueFor } from '../../i18n/catalogue';
import { screenCatalogue } from '../../i18n/screen-catalogue';

// Home: what to do next, for the person signed in.
// These strings load with the home screen, not with the shell.

const en = {
  'home.next.title': 'What you can do now',
  'home.next.loading': 'Looking at where you are in the programme…',
  'home.next.failed': 'We could not load what you can do now. {reason}',
  'home.next.signIn': 'Sign in to see where you are in the programme.',
  'home.next.signInLink': 'Choose who you are',
  'home.next.noProgramme':
    'No programme is open at the moment. You will be told in Teams when one opens to volunteers.',
  'home.next.volunteer': '“{programme}” is open to volunteers.',
  'home.next.volunteerLink': 'Volunteer and fill in my profile',
  'home.next.notEnrolling':
    'You are not taking part in “{programme}”. It no longer takes volunteers: ask its programme lead if you would like to join.',
  'home.next.notEnrollingLead':
    '“{programme}” no longer takes volunteers. As a programme lead, you can add participants or reopen enrolment from your Programmes screen (below).',
  'home.next.optedIn': 'You take part in “{programme}”.',
  'home.next.pairLink': 'My pair',
  'home.next.pair.proposed':
    '{partner} is proposed to you as a partner: tell us whether you accept.',
  'home.next.pair.accepted': 'Your pair with {partner}: the agreement is waiting to be signed.',
  'home.next.pair.awaiting_approval':
    'Your pair with {partner} is waiting for your managers’ approval.',
  'home.next.pair.declined':
    '{managers} declined the time asked for your pair with {partner}: it cannot start as agreed.',
  'home.next.pair.declinedComment': '{manager}’s comment: “{comment}”',
  'home.next.pair.declinedNext':
    'Next step: change the agreement with {partner} and both sign it again; the manager who declined is then asked again.',
  'home.next.agreementLink': 'Change the agreement',
  'home.next.pair.active': 'Your pair with {partner} is under way.',
  'home.next.pair.paused': 'Your pair with {partner} is paused.',
  'home.next.proposalLink': 'See the proposal and answer',
  'home.next.profileLink': 'Update my profile',
  'home.next.paused':
    'Your participation in “{programme}” is paused: you receive no suggestion or reminder.',
  'home.next.resumeLink': 'Resume in my profile',
  'home.next.manager': 'As a manager, you approve the time your team spends in mentoring.',
  'home.next.approvalsLink': 'See the requests to approve',
  'home.next.lead': 'As a programme lead, you prepare the cohort and form the pairs.',
  'home.next.programmesLink': 'Programmes',
  'home.next.matchingLink': 'Matching',
} as const;

const fr: CatalogueFor<typeof en> = {
  'home.next.title': 'Ce que vous pouvez faire maintenant',
  'home.next.loading': 'Nous regardons où vous en êtes dans le programme…',
  'home.next.failed': "Impossible d'afficher ce que vous pouvez faire maintenant. {reason}",
  'home.next.signIn': 'Connectez-vous pour voir où vous en êtes dans le programme.',
  'home.next.signInLink': 'Choisir qui vous êtes',
  'home.next.noProgramme':
    "Aucun programme n'est ouvert pour l'instant. Vous serez prévenu dans Teams dès qu'un programme accueille des volontaires.",
  'home.next.volunteer': '« {programme} » accueille des volontaires.',
  'home.next.volunteerLink': 'Me porter volontaire et remplir mon profil',
  'home.next.notEnrolling':
    "Vous ne participez pas à « {programme} ». Il n'accueille plus de volontaires : adressez-vous à son responsable si vous souhaitez le rejoindre.",
  'home.next.notEnrollingLead':
    '« {programme} » n’accueille plus de volontaires. En tant que responsable de programme, vous pouvez ajouter des participants ou rouvrir les inscriptions depuis votre écran Programmes (ci-dessous).',
  'home.next.optedIn': 'Vous participez à « {programme} ».',
  'home.next.pairLink': 'Mon binôme',
  'home.next.pair.proposed':
    'Un binôme avec {partner} vous est proposé : dites-nous si vous acceptez.',
  'home.next.pair.accepted': 'Votre binôme avec {partner} : l’accord attend d’être signé.',
  'home.next.pair.awaiting_approval':
    'Votre binôme avec {partner} attend l’approbation de vos managers.',
  'home.next.pair.declined':
    'Le temps demandé pour votre binôme avec {partner} a été refusé par {managers} : il ne peut pas démarrer tel quel.',
  'home.next.pair.declinedComment': '{manager} a commenté : « {comment} »',
  'home.next.pair.declinedNext':
    'Prochaine étape : modifiez l’accord avec {partner} et signez-le à nouveau tous les deux ; la demande repartira alors vers le manager qui a refusé.',
  'home.next.agreementLink': 'Modifier l’accord',
  'home.next.pair.active': 'Votre binôme avec {partner} est en cours.',
  'home.next.pair.paused': 'Votre binôme avec {partner} est en pause.',
  'home.next.proposalLink': 'Voir la proposition et répondre',
  'home.next.profileLink': 'Mettre à jour mon profil',
  'home.next.paused':
    'Votre participation à « {programme} » est en pause : vous ne recevez ni proposition ni rappel.',
  'home.next.resumeLink': 'Reprendre depuis mon profil',
  'home.next.manager':
    'En tant que manager, vous approuvez le temps que votre équipe consacre au mentorat.',
  'home.next.approvalsLink': 'Voir les demandes à approuver',
  'home.next.lead':
    'En tant que responsable de programme, vous préparez la cohorte et formez les binômes.',
  'home.next.programmesLink': 'Programmes',
  'home.next.matchingLink': 'Appariement',
};

const catalogue = screenCatalogue(en, fr);

/** `t()` of this catalogue in the active language. */
export const useHomeT = catalogue.useScreenT;
/** `t()` of this catalogue in a given language (tests, code outside React). */
export const homeTranslate = catalogue.translate;
