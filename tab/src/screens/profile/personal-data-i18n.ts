import type { CatalogueFor } from '../../i18n/catalogue';
import { screenCatalogue } from '../../i18n/screen-catalogue';

// My profile: "Your data" (export and erasure, issue #16).

const en = {
  'data.title': 'Your data',
  'data.intro':
    'Download everything Mentoring holds about you, or have it erased. The privacy page explains what is kept and for how long.',
  'data.privacyLink': 'Privacy',
  'data.export': 'Download my data (JSON)',
  'data.exporting': 'Preparing your file…',
  'data.exported': 'Your file was downloaded.',
  'data.exportFailed': 'Your data could not be downloaded: {message}',
  'data.erase': 'Erase my data…',
  'data.erase.title': 'Erase all your data?',
  'data.erase.body':
    'This cannot be undone. Your profile, private notes, the feedback text and self-assessments you wrote are deleted; your open proposals are withdrawn; a pair in progress ends, your partner is told and your future sessions are cancelled in both calendars. Elsewhere you will appear as “former participant”.',
  'data.erase.tip': 'You may want to download your data first.',
  'data.erase.check': 'I understand that this is permanent',
  'data.erase.checkRequired': 'Tick the box to confirm.',
  'data.erase.confirm': 'Erase my data',
  'data.erase.cancel': 'Cancel',
  'data.erase.busy': 'Erasing…',
  'data.erased':
    'Your data was erased: {pairs} pair(s) ended, {proposals} proposal(s) withdrawn. You can close Mentoring.',
  'data.erasedNothing': 'There was nothing left to erase.',
  'data.eraseFailed': 'Your data could not be erased: {message} Nothing was changed; try again.',
} as const;

const fr: CatalogueFor<typeof en> = {
  'data.title': 'Vos données',
  'data.intro':
    'Téléchargez tout ce que Mentoring conserve sur vous, ou faites-le effacer. La page de confidentialité explique ce qui est gardé et combien de temps.',
  'data.privacyLink': 'Confidentialité',
  'data.export': 'Télécharger mes données (JSON)',
  'data.exporting': 'Préparation de votre fichier…',
  'data.exported': 'Votre fichier a été téléchargé.',
  'data.exportFailed': 'Vos données n’ont pas pu être téléchargées : {message}',
  'data.erase': 'Effacer mes données…',
  'data.erase.title': 'Effacer toutes vos données ?',
  'data.erase.body':
    'C’est définitif. Votre profil, vos notes privées, le texte des retours et les auto-évaluations que vous avez écrits sont supprimés ; vos propositions en cours sont retirées ; un binôme en cours se termine, votre binôme en est informé et vos séances à venir sont annulées dans les deux agendas. Ailleurs, vous apparaîtrez comme « ancien participant ».',
  'data.erase.tip': 'Vous pouvez d’abord télécharger vos données.',
  'data.erase.check': 'Je comprends que c’est définitif',
  'data.erase.checkRequired': 'Cochez la case pour confirmer.',
  'data.erase.confirm': 'Effacer mes données',
  'data.erase.cancel': 'Annuler',
  'data.erase.busy': 'Effacement…',
  'data.erased':
    'Vos données ont été effacées : binômes terminés : {pairs} ; propositions retirées : {proposals}. Vous pouvez fermer Mentoring.',
  'data.erasedNothing': 'Il ne restait rien à effacer.',
  'data.eraseFailed':
    'Vos données n’ont pas pu être effacées : {message} Rien n’a été modifié ; réessayez.',
};

const catalogue = screenCatalogue(en, fr);

/** `t()` of this catalogue in the active language. */
export const usePersonalDataT = catalogue.useScreenT;
/** `t()` of this catalogue in a given language (tests). */
export const personalDataTranslate = catalogue.translate;
