import type { Catalogue } from './catalogue';

/** French catalogue: the compiler requires every key of `en.ts`. */
export const fr: Catalogue = {
  'app.name': 'Mentoring',
  'app.loading': 'Chargement…',

  'shell.skipToContent': 'Aller au contenu principal',
  'shell.navLabel': 'Principale',
  'shell.language': 'Langue',
  'shell.theme': 'Thème',
  'shell.theme.system': 'Automatique',
  'shell.theme.light': 'Clair',
  'shell.theme.dark': 'Sombre',
  'shell.theme.contrast': 'Contraste élevé',
  'shell.screenFailed': 'Cet écran n’a pas pu être chargé. Vérifiez votre connexion et réessayez.',
  'shell.retry': 'Réessayer',
  'shell.documentTitle': '{screen} – Mentoring',

  'nav.home': 'Accueil',

  'home.title': 'Bienvenue dans Mentoring',
  'home.intro':
    'Le mentorat inversé associe un collègue à l’aise avec les outils numériques à un collègue plus ' +
    'expérimenté, qui apprend ces outils et partage en retour son savoir-faire.',
  'home.how':
    'Portez-vous volontaire, dites ce que vous pouvez partager et ce que vous voulez apprendre : ' +
    'nous vous proposons un binôme, un cadre pour vos séances et du temps dans vos deux agendas.',
  'home.greeting': 'Bonjour {name}.',
  'home.health.checking': 'Vérification du service…',
  'home.health.up': 'Service disponible',

  'error.validation_failed':
    'Des informations manquent ou sont invalides. Vérifiez les champs signalés.',
  'error.unauthenticated': 'Votre session a expiré. Reconnectez-vous.',
  'error.forbidden': 'Vous n’avez pas le droit de faire cette action.',
  'error.not_found': 'Nous n’avons pas trouvé ce que vous demandez.',
  'error.programme_not_found': 'Ce programme n’existe pas ou a été supprimé.',
  'error.profile_not_found': 'Ce profil n’existe pas encore.',
  'error.pair_not_found': 'Ce binôme n’existe pas ou est terminé.',
  'error.person_not_found': 'Nous n’avons pas trouvé cette personne dans votre organisation.',
  'error.not_pair_member': 'Seuls les deux membres de ce binôme peuvent faire cette action.',
  'error.invalid_transition': 'Cette action n’est pas possible à cette étape.',
  'error.version_conflict':
    'Quelqu’un a modifié cet élément entre-temps. Rechargez pour voir la dernière version, puis réessayez.',
  'error.already_exists': 'Cet élément existe déjà.',
  'error.store_unavailable':
    'Le service de données est indisponible. Réessayez dans quelques instants.',
  'error.calendar_unavailable':
    'Le service d’agenda est indisponible. Réessayez dans quelques instants.',
  'error.proposal_expired': 'Cette proposition a expiré. Demandez-en une nouvelle.',
  'error.nudge_too_soon':
    'Une relance a déjà été envoyée ces 7 derniers jours. Vous pourrez en envoyer une autre plus tard.',
  'error.offer_taken': 'Une autre personne s’occupe déjà de cette demande. Merci !',
  'error.request_not_found': "Cette demande de coup de main n’existe pas ou ne vous concerne pas.",
  'error.too_many_open_requests':
    'Vous avez déjà 5 demandes de coup de main en cours. Clôturez-en une avant d’en poser une autre.',
  'error.internal': 'Un problème est survenu de notre côté. Réessayez plus tard.',
  'error.payload_too_large':
    'Ce que vous avez envoyé est trop volumineux. Envoyez-en moins à la fois (un fichier : découpez-le).',
  'error.unsupported_media_type':
    "Cette requête a été envoyée dans un format que le service n’accepte pas.",
  'error.rate_limited': 'Trop de requêtes en peu de temps. Patientez un instant, puis réessayez.',
  'error.network': 'Le service est injoignable. Vérifiez votre connexion et réessayez.',
  'error.generic': 'Un problème est survenu. Réessayez plus tard.',

  'nav.profile': 'Mon profil',
  'profile.title': 'Mon profil',

  'nav.programmes': 'Programmes',
  'programmes.title': 'Programmes',

  'nav.matching': 'Appariement',
  'matching.title': 'Appariement',

  // Pas « Mon binôme » : c'est déjà le lien du binôme formé (nav.pair).
  'nav.proposal': 'Ma proposition',
  'proposal.title': 'Ma proposition de binôme',
  // Planifier les séances du binôme (tab/src/screens/scheduling ; ses propres textes : scheduling/i18n.ts).
  'nav.plan': 'Planifier nos séances',
  'plan.title': 'Planifier nos séances',

  // Binôme et boîte à outils (tab/src/screens/pair ; leurs propres textes : screens/pair/i18n).
  'nav.pair': 'Mon binôme',
  'pair.title': 'Mon binôme',
  'nav.toolkit': 'Boîte à outils du mentor',
  'toolkit.title': 'Boîte à outils du mentor',

  // Les approbations de temps d’un manager (tab/src/screens/approvals ; ses propres textes y sont).
  'nav.quickHelp': 'Coup de main',
  'quickHelp.title': 'Coup de main',
  'nav.approvals': 'Approbations',
  'approvals.title': 'Approbations',

  // Le suivi d’un programme en cours par son responsable et son bilan imprimable
  // (tab/src/screens/follow-up et screens/report ; leurs propres textes y sont).
  'nav.followUp': 'Suivi',
  'followUp.title': 'Suivi du programme',
  'nav.report': 'Bilan',
  'report.title': 'Bilan du programme',
  'nav.audit': 'Journal d’audit',
  'audit.title': 'Journal d’audit',
};
