import type { CatalogueFor } from '../../i18n/catalogue';
import { screenCatalogue } from '../../i18n/screen-catalogue';

// The person’s proposal card (partner, reasons, deadline, accept or decline). These strings load with the lazy screen, not with the shell.

const en = {
  'proposal.intro': 'The partner proposed to you, why, and your answer.',
  'proposal.loading': 'Loading your proposal…',
  'proposal.none':
    'No proposal for you yet. It will appear here as soon as the programme lead publishes the pairs.',
  'proposal.youMentor': 'You would mentor {name}',
  'proposal.youAreMentored': '{name} would mentor you',
  'proposal.programme': 'Programme: {name}',
  'proposal.capacity': {
    one: 'Your profile says you can mentor up to {count} person at a time.',
    other: 'Your profile says you can mentor up to {count} people at a time.',
  },
  'proposal.languages': 'Speaks: {languages}',
  'proposal.timeZone': 'Time zone: {zone}',
  'proposal.why': 'Why this pairing',
  'proposal.deadline': 'Answer by {date}',
  'proposal.accept': 'Accept',
  'proposal.decline': 'Decline',
  'proposal.acceptLabel': 'Accept the pairing with {name}',
  'proposal.declineLabel': 'Decline the pairing with {name}',
  'proposal.accept.title': 'Accept this pairing?',
  'proposal.accept.body':
    'You agree to pair with {name} in {programme}. Once you have both accepted, your pair is formed.',
  'proposal.decline.title': 'Decline this pairing?',
  'proposal.decline.body':
    'We will look for someone else for you and for {name}. You cannot undo this.',
  'proposal.confirmAccept': 'Yes, accept',
  'proposal.confirmDecline': 'Yes, decline',
  'proposal.cancel': 'Cancel',
  'proposal.waiting': 'You accepted. We are waiting for {name}’s answer.',
  'proposal.paired': 'You have both accepted: your pair is formed.',
  'proposal.declined':
    'This pairing was declined. A new proposal follows when a good partner is available.',
  'proposal.expired':
    'The time to answer ran out. A new proposal follows when a good partner is available.',
  'proposal.openPair': 'Open our pair with {name}',
  'proposal.partnerDeclined': '{name} declined this pairing.',
  'proposal.withdrawn':
    'This proposal was withdrawn: one of you has paused or left the programme. Whoever is still taking part gets a new proposal when a good partner is available.',
  'proposal.unmatched.title': 'No partner found for you yet',
  'proposal.unmatched.why': 'Why, according to the last matching in {programme}:',
  'proposal.unmatched.unexplained':
    'The last matching in {programme} found no partner for you yet. The programme lead will run matching again.',
  'proposal.unmatched.help': 'What can help',
  'proposal.unmatched.availability': 'Widen your weekly availability',
  'proposal.unmatched.skills': 'Add skills you would like to learn',
  'proposal.unmatched.languages': 'Add the languages you can work in',
  'proposal.unmatched.next':
    'Each new matching takes your latest profile into account; a proposal will appear here.',
  'proposal.unmatched.profile': 'Update my profile',
  'proposal.havePair.title': 'You already have a pair',
  'proposal.havePair.proposed': '{partner} is proposed to you as a partner.',
  'proposal.havePair.accepted':
    'Your pair with {partner} is formed: the agreement is waiting to be signed.',
  'proposal.havePair.awaiting_approval':
    'Your pair with {partner} is waiting for your managers’ approval.',
  'proposal.havePair.declined':
    '{managers} declined the time asked for your pair with {partner}: change the agreement together and sign it again.',
  'proposal.havePair.active': 'Your pair with {partner} is under way.',
  'proposal.havePair.paused': 'Your pair with {partner} is paused.',
} as const;

const fr: CatalogueFor<typeof en> = {
  'proposal.intro': 'Le binôme qui vous est proposé, pourquoi, et votre réponse.',
  'proposal.loading': 'Chargement de votre proposition…',
  'proposal.none':
    'Pas encore de proposition pour vous. Elle apparaîtra ici dès que le responsable du programme publiera les binômes.',
  'proposal.youMentor': 'Vous seriez le mentor de {name}',
  'proposal.youAreMentored': '{name} serait votre mentor',
  'proposal.programme': 'Programme : {name}',
  'proposal.capacity': {
    one: 'Selon votre profil, vous pouvez accompagner jusqu’à {count} personne à la fois.',
    other: 'Selon votre profil, vous pouvez accompagner jusqu’à {count} personnes à la fois.',
  },
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
  'proposal.openPair': 'Ouvrir notre binôme avec {name}',
  'proposal.partnerDeclined': '{name} a refusé ce binôme.',
  'proposal.withdrawn':
    'Cette proposition a été retirée : l’un de vous a mis sa participation en pause ou quitté le programme. Qui participe encore recevra une nouvelle proposition dès qu’un bon partenaire sera disponible.',
  'proposal.unmatched.title': 'Pas encore de binôme pour vous',
  'proposal.unmatched.why': 'Pourquoi, d’après le dernier appariement de {programme} :',
  'proposal.unmatched.unexplained':
    'Le dernier appariement de {programme} ne vous a pas encore trouvé de binôme. Le responsable du programme relancera l’appariement.',
  'proposal.unmatched.help': 'Ce qui peut aider',
  'proposal.unmatched.availability': 'Élargir vos disponibilités hebdomadaires',
  'proposal.unmatched.skills': 'Ajouter des compétences que vous aimeriez apprendre',
  'proposal.unmatched.languages': 'Ajouter les langues dans lesquelles vous pouvez échanger',
  'proposal.unmatched.next':
    'Chaque nouvel appariement tient compte de votre profil à jour ; une proposition apparaîtra ici.',
  'proposal.unmatched.profile': 'Mettre à jour mon profil',
  'proposal.havePair.title': 'Vous avez déjà un binôme',
  'proposal.havePair.proposed': 'Un binôme avec {partner} vous est proposé.',
  'proposal.havePair.accepted':
    'Votre binôme avec {partner} est formé : l’accord attend d’être signé.',
  'proposal.havePair.awaiting_approval':
    'Votre binôme avec {partner} attend l’approbation de vos managers.',
  'proposal.havePair.declined':
    'Le temps demandé pour votre binôme avec {partner} a été refusé par {managers} : modifiez l’accord ensemble et signez-le à nouveau.',
  'proposal.havePair.active': 'Votre binôme avec {partner} est en cours.',
  'proposal.havePair.paused': 'Votre binôme avec {partner} est en pause.',
};

const catalogue = screenCatalogue(en, fr);

/** `t()` of this catalogue in the active language. */
export const useProposalT = catalogue.useScreenT;
/** `t()` of this catalogue in a given language (tests, code outside React). */
export const proposalTranslate = catalogue.translate;
