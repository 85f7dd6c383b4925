import type { CatalogueFor } from '../../i18n/catalogue';
import { screenCatalogue } from '../../i18n/screen-catalogue';

// The lead’s matching review (run, proposals, unmatched, swap, pin, block, publish). These strings load with the lazy screen, not with the shell.

const en = {
  'matching.intro':
    'Run matching for a programme, review the proposed pairs, then publish them to the people concerned.',
  'matching.leadsOnly': 'Only programme leads can run matching.',
  'matching.loading': 'Loading matching…',
  'matching.programme': 'Programme',
  'matching.noProgramme': 'You do not lead any open programme yet.',
  'matching.run': 'Run matching',
  'matching.rerun': 'Run again, keeping kept pairs',
  'matching.progressLabel': 'Matching progress',
  'matching.running': 'Matching in progress: {progress} %. You can leave this page: it goes on.',
  'matching.phase.queued': 'Waiting to start',
  'matching.phase.loading': 'Reading the volunteers',
  'matching.phase.solving': 'Finding the best pairs',
  'matching.phase.saving': 'Saving the proposals',
  'matching.phase.done': 'Done',
  'matching.runFailed': 'The matching run failed. Try again.',
  'matching.runDone':
    'Last run: {proposals} new proposals, {unmatched} people without a partner, total score {score} (best possible at most {bound}).',
  'matching.acceptAll': 'Accept all',
  'matching.publish': 'Publish',
  'matching.publish.title': 'Publish the proposals?',
  'matching.publish.body': {
    one: '{count} proposal will be shown to the two people concerned. They will have {days} days to answer.',
    other:
      '{count} proposals will be shown to the people concerned. They will have {days} days to answer.',
  },
  'matching.publish.confirm': 'Publish',
  'matching.cancel': 'Cancel',
  'matching.published': {
    one: '{count} proposal published. Answers are due by {date}.',
    other: '{count} proposals published. Answers are due by {date}.',
  },
  'matching.nothingToPublish': 'Nothing to publish: every proposal is already published.',
  'matching.withheld': {
    one: '{count} draft was withdrawn instead: one of its two people has paused or left. Run matching again to find them partners.',
    other:
      '{count} drafts were withdrawn instead: one of their two people has paused or left. Run matching again to find them partners.',
  },
  'matching.swap': 'Swap mentees',
  'matching.swapHint': 'Select two draft proposals to swap their mentees.',
  'matching.pin': 'Pin',
  'matching.pinLabel': 'Pin the pair {mentor} and {mentee}',
  'matching.block': 'Block',
  'matching.blockLabel': 'Block the pair {mentor} and {mentee}',
  'matching.selectLabel': 'Select the proposal {mentor} and {mentee}',
  'matching.unpin': 'Unpin',
  'matching.unpinLabel': 'Unpin the pair {mentor} and {mentee}',
  'matching.unblock': 'Unblock',
  'matching.unblockLabel': 'Unblock the pair {mentor} and {mentee}',
  'matching.constraints': 'Pinned and blocked pairs',
  'matching.constraintsHint':
    'A pinned pair is always proposed; a blocked pair never is. Lifting one takes effect at the next run.',
  'matching.col.rule': 'Rule',
  'matching.rule.pin': 'Pinned',
  'matching.rule.block': 'Blocked',
  'matching.unpinned': 'Pin lifted: {mentor} and {mentee} may be paired otherwise at the next run.',
  'matching.unblocked': 'Block lifted: {mentor} and {mentee} may be paired at the next run.',
  'matching.proposals': 'Proposals',
  'matching.noProposals': 'No proposals yet: run matching.',
  'matching.col.select': 'Select',
  'matching.col.mentor': 'Mentor',
  'matching.col.mentee': 'Mentee',
  'matching.col.score': 'Score',
  'matching.col.reasons': 'Why',
  'matching.col.status': 'Status',
  'matching.col.actions': 'Actions',
  'matching.col.person': 'Person',
  'matching.score': '{score} / 100',
  'matching.status.draft': 'Draft',
  'matching.status.kept': 'Kept',
  'matching.status.pinned': 'Pinned',
  'matching.status.published': 'Awaiting answers',
  'matching.status.accepted': 'Accepted by both',
  'matching.answers': 'Mentor: {mentor} · Mentee: {mentee}',
  'matching.answer.none': 'no answer yet',
  'matching.answer.accepted': 'accepted',
  'matching.answer.declined': 'declined',
  'matching.unmatched': 'People without a partner',
  'matching.noUnmatched': 'Everyone has a partner.',
  'matching.moreUnmatched': { one: 'And {count} more person.', other: 'And {count} more people.' },
  'matching.needsRerun': 'Your pins and blocks take effect at the next run: run matching again.',
  'matching.counts':
    '{drafts} drafts, {published} awaiting answers, {accepted} accepted, {declined} declined, {expired} expired.',
  'matching.refused': 'This change would break a rule of matching:',
  'matching.violation.same_person': 'the same person on both sides',
  'matching.violation.cannot_mentor': 'the mentor did not volunteer as a mentor',
  'matching.violation.cannot_be_mentored': 'the mentee did not volunteer as a mentee',
  'matching.violation.inactive': 'one of them has paused or left',
  'matching.violation.no_common_skill': 'nothing the mentor teaches is wanted by the mentee',
  'matching.violation.no_common_language': 'no common language',
  'matching.violation.no_overlap': 'not enough common availability for one session a week',
  'matching.violation.same_reporting_line': 'one is in the other’s management chain',
  'matching.violation.previous_partners': 'they were partners before',
  'matching.violation.blocked': 'the pair is blocked',
} as const;

const fr: CatalogueFor<typeof en> = {
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
  'matching.withheld': {
    one: '{count} brouillon a été retiré à la place : l’une des deux personnes a mis sa participation en pause ou quitté le programme. Relancez l’appariement pour leur trouver un partenaire.',
    other:
      '{count} brouillons ont été retirés à la place : l’une des deux personnes a mis sa participation en pause ou quitté le programme. Relancez l’appariement pour leur trouver un partenaire.',
  },
  'matching.swap': 'Échanger les mentorés',
  'matching.swapHint': 'Sélectionnez deux propositions en brouillon pour échanger leurs mentorés.',
  'matching.pin': 'Fixer',
  'matching.pinLabel': 'Fixer le binôme {mentor} et {mentee}',
  'matching.block': 'Bloquer',
  'matching.blockLabel': 'Bloquer le binôme {mentor} et {mentee}',
  'matching.selectLabel': 'Sélectionner la proposition {mentor} et {mentee}',
  'matching.unpin': 'Ne plus fixer',
  'matching.unpinLabel': 'Ne plus fixer le binôme {mentor} et {mentee}',
  'matching.unblock': 'Débloquer',
  'matching.unblockLabel': 'Débloquer le binôme {mentor} et {mentee}',
  'matching.constraints': 'Binômes fixés et bloqués',
  'matching.constraintsHint':
    'Un binôme fixé est toujours proposé ; un binôme bloqué ne l’est jamais. Lever l’un ou l’autre prend effet au prochain calcul.',
  'matching.col.rule': 'Règle',
  'matching.rule.pin': 'Fixé',
  'matching.rule.block': 'Bloqué',
  'matching.unpinned':
    'Binôme libéré : {mentor} et {mentee} pourront être appariés autrement au prochain calcul.',
  'matching.unblocked':
    'Blocage levé : {mentor} et {mentee} pourront être appariés au prochain calcul.',
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
};

const catalogue = screenCatalogue(en, fr);

/** `t()` of this catalogue in the active language. */
export const useMatchingT = catalogue.useScreenT;
/** `t()` of this catalogue in a given language (tests, code outside React). */
export const matchingTranslate = catalogue.translate;
