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
  'shell.screenFailed': "Cet écran n'a pas pu être chargé. Vérifiez votre connexion et réessayez.",
  'shell.retry': 'Réessayer',
  'shell.documentTitle': '{screen} – Mentoring',

  'nav.home': 'Accueil',

  'home.title': 'Bienvenue dans Mentoring',
  'home.intro':
    "Le mentorat inversé associe un collègue à l'aise avec les outils numériques à un collègue plus " +
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
  'error.forbidden': "Vous n'avez pas le droit de faire cette action.",
  'error.not_found': "Nous n'avons pas trouvé ce que vous demandez.",
  'error.programme_not_found': "Ce programme n'existe pas ou a été supprimé.",
  'error.profile_not_found': "Ce profil n'existe pas encore.",
  'error.pair_not_found': "Ce binôme n'existe pas ou est terminé.",
  'error.person_not_found': "Nous n'avons pas trouvé cette personne dans votre organisation.",
  'error.not_pair_member': 'Seuls les deux membres de ce binôme peuvent faire cette action.',
  'error.invalid_transition': "Cette action n'est pas possible à cette étape.",
  'error.version_conflict':
    "Quelqu'un a modifié cet élément entre-temps. Rechargez pour voir la dernière version, puis réessayez.",
  'error.already_exists': 'Cet élément existe déjà.',
  'error.store_unavailable':
    'Le service de données est indisponible. Réessayez dans quelques instants.',
  'error.calendar_unavailable':
    "Le service d'agenda est indisponible. Réessayez dans quelques instants.",
  'error.proposal_expired': 'Cette proposition a expiré. Demandez-en une nouvelle.',
  'error.internal': 'Un problème est survenu de notre côté. Réessayez plus tard.',
  'error.network': 'Le service est injoignable. Vérifiez votre connexion et réessayez.',
  'error.generic': 'Un problème est survenu. Réessayez plus tard.',

  'nav.profile': 'Mon profil',
  'profile.title': 'Mon profil',

  'nav.programmes': 'Programmes',
  'programmes.title': 'Programmes',

  'nav.matching': 'Appariement',
  'matching.title': 'Appariement',
  'matching.intro':
    'Lancez l’appariement d’un programme, revoyez les binômes proposés, puis publiez-les aux personnes concernées.',
  'matching.leadsOnly': 'Seuls les responsables de programme peuvent lancer l’appariement.',
  'matching.loading': 'Chargement de l’appariement…',
  'matching.programme': 'Programme',
  'matching.noProgramme': 'Vous ne pilotez encore aucun programme ouvert.',
  'matching.run': 'Lancer l’appariement',
  'matching.rerun': 'Relancer en gardant les binômes retenus',
  'matching.progressLabel': 'Avancement de l’appariement',
  'matching.running':
    'Appariement en cours : {progress} %. Vous pouvez quitter cette page : il continue.',
  'matching.phase.queued': 'En attente de démarrage',
  'matching.phase.loading': 'Lecture des volontaires',
  'matching.phase.solving': 'Recherche des meilleurs binômes',
  'matching.phase.saving': 'Enregistrement des propositions',
  'matching.phase.done': 'Terminé',
  'matching.runFailed': 'L’appariement a échoué. Réessayez.',
  'matching.runDone':
    'Dernier calcul : {proposals} nouvelles propositions, {unmatched} personnes sans binôme, score total {score} (au mieux {bound}).',
  'matching.acceptAll': 'Tout accepter',
  'matching.publish': 'Publier',
  'matching.publish.title': 'Publier les propositions ?',
  'matching.publish.body': {
    one: '{count} proposition sera montrée aux deux personnes concernées. Elles auront {days} jours pour répondre.',
    other:
      '{count} propositions seront montrées aux personnes concernées. Elles auront {days} jours pour répondre.',
  },
  'matching.publish.confirm': 'Publier',
  'matching.cancel': 'Annuler',
  'matching.published': {
    one: '{count} proposition publiée. Réponses attendues avant le {date}.',
    other: '{count} propositions publiées. Réponses attendues avant le {date}.',
  },
  'matching.nothingToPublish': 'Rien à publier : toutes les propositions sont déjà publiées.',
  'matching.swap': 'Échanger les mentorés',
  'matching.swapHint': 'Sélectionnez deux propositions en brouillon pour échanger leurs mentorés.',
  'matching.pin': 'Fixer',
  'matching.pinLabel': 'Fixer le binôme {mentor} et {mentee}',
  'matching.block': 'Bloquer',
  'matching.blockLabel': 'Bloquer le binôme {mentor} et {mentee}',
  'matching.selectLabel': 'Sélectionner la proposition {mentor} et {mentee}',
  'matching.proposals': 'Propositions',
  'matching.noProposals': 'Aucune proposition pour l’instant : lancez l’appariement.',
  'matching.col.select': 'Sélection',
  'matching.col.mentor': 'Mentor',
  'matching.col.mentee': 'Mentoré',
  'matching.col.score': 'Score',
  'matching.col.reasons': 'Pourquoi',
  'matching.col.status': 'État',
  'matching.col.actions': 'Actions',
  'matching.col.person': 'Personne',
  'matching.score': '{score} / 100',
  'matching.status.draft': 'Brouillon',
  'matching.status.kept': 'Retenu',
  'matching.status.pinned': 'Fixé',
  'matching.status.published': 'En attente des réponses',
  'matching.status.accepted': 'Accepté par les deux',
  'matching.answers': 'Mentor : {mentor} · Mentoré : {mentee}',
  'matching.answer.none': 'pas encore de réponse',
  'matching.answer.accepted': 'accepté',
  'matching.answer.declined': 'refusé',
  'matching.unmatched': 'Personnes sans binôme',
  'matching.noUnmatched': 'Tout le monde a un binôme.',
  'matching.moreUnmatched': {
    one: 'Et {count} autre personne.',
    other: 'Et {count} autres personnes.',
  },
  'matching.needsRerun':
    'Vos binômes fixés et bloqués s’appliquent au prochain calcul : relancez l’appariement.',
  'matching.counts':
    '{drafts} brouillons, {published} en attente de réponse, {accepted} acceptés, {declined} refusés, {expired} expirés.',
  'matching.refused': 'Ce changement enfreindrait une règle de l’appariement :',
  'matching.violation.same_person': 'la même personne des deux côtés',
  'matching.violation.cannot_mentor': 'le mentor ne s’est pas porté volontaire comme mentor',
  'matching.violation.cannot_be_mentored': 'le mentoré ne s’est pas porté volontaire comme mentoré',
  'matching.violation.inactive': 'l’une des deux personnes est en pause ou a quitté le programme',
  'matching.violation.no_common_skill':
    'le mentor n’enseigne rien de ce que le mentoré veut apprendre',
  'matching.violation.no_common_language': 'aucune langue commune',
  'matching.violation.no_overlap':
    'pas assez de disponibilités communes pour une séance par semaine',
  'matching.violation.same_reporting_line': 'l’un est dans la ligne hiérarchique de l’autre',
  'matching.violation.previous_partners': 'ils ont déjà été binôme',
  'matching.violation.blocked': 'le binôme est bloqué',

  'nav.proposal': 'Mon binôme',
  'proposal.title': 'Mon binôme',
  'proposal.intro': 'Le binôme qui vous est proposé, pourquoi, et votre réponse.',
  'proposal.loading': 'Chargement de votre proposition…',
  'proposal.none':
    'Pas encore de proposition pour vous. Elle apparaîtra ici dès que le responsable du programme publiera les binômes.',
  'proposal.youMentor': 'Vous seriez le mentor de {name}',
  'proposal.youAreMentored': '{name} serait votre mentor',
  'proposal.programme': 'Programme : {name}',
  'proposal.languages': 'Langues : {languages}',
  'proposal.timeZone': 'Fuseau horaire : {zone}',
  'proposal.why': 'Pourquoi ce binôme',
  'proposal.deadline': 'Répondez avant le {date}',
  'proposal.accept': 'Accepter',
  'proposal.decline': 'Refuser',
  'proposal.acceptLabel': 'Accepter le binôme avec {name}',
  'proposal.declineLabel': 'Refuser le binôme avec {name}',
  'proposal.accept.title': 'Accepter ce binôme ?',
  'proposal.accept.body':
    'Vous acceptez de former un binôme avec {name} dans {programme}. Dès que vous aurez accepté tous les deux, le binôme sera formé.',
  'proposal.decline.title': 'Refuser ce binôme ?',
  'proposal.decline.body':
    'Nous chercherons quelqu’un d’autre pour vous et pour {name}. Ce choix est définitif.',
  'proposal.confirmAccept': 'Oui, accepter',
  'proposal.confirmDecline': 'Oui, refuser',
  'proposal.cancel': 'Annuler',
  'proposal.waiting': 'Vous avez accepté. Nous attendons la réponse de {name}.',
  'proposal.paired': 'Vous avez accepté tous les deux : votre binôme est formé.',
  'proposal.declined':
    'Ce binôme a été refusé. Une nouvelle proposition suivra dès qu’un bon partenaire sera disponible.',
  'proposal.expired':
    'Le délai de réponse est passé. Une nouvelle proposition suivra dès qu’un bon partenaire sera disponible.',
  // Planifier les séances du binôme (tab/src/screens/scheduling ; ses propres textes : scheduling/i18n.ts).
  'nav.plan': 'Planifier nos séances',
  'plan.title': 'Planifier nos séances',

  // Binôme et boîte à outils (tab/src/screens/pair ; leurs propres textes : screens/pair/i18n).
  'nav.pair': 'Mon binôme',
  'pair.title': 'Mon binôme',
  'nav.toolkit': 'Boîte à outils du mentor',
  'toolkit.title': 'Boîte à outils du mentor',
};
