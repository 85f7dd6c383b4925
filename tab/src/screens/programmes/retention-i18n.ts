import type { CatalogueFor } from '../../i18n/catalogue';
import { screenCatalogue } from '../../i18n/screen-catalogue';

// Programmes: how long the programme keeps personal data (issue #16).

const en = {
  'retention.title': 'Personal data',
  'retention.loading': 'Loading the retention period…',
  'retention.open':
    'Kept {months} months after the programme closes, then erased; only anonymous figures remain.',
  'retention.closed':
    'The programme closed on {closed}. Its personal data will be erased on {date}; only anonymous figures will remain.',
  'retention.purged':
    'Personal data was erased on {date}. What remains: {pairs} pairs, {held} sessions held, {participants} participants.',
  'retention.months': 'Months kept after closing',
  'retention.save': 'Save the period',
  'retention.saved': 'Saved.',
  'retention.invalid': 'Enter a whole number of months from 1 to 120.',
  'retention.failed': 'The period was not saved: {message}',
} as const;

const fr: CatalogueFor<typeof en> = {
  'retention.title': 'Données personnelles',
  'retention.loading': 'Chargement de la durée de conservation…',
  'retention.open':
    'Conservées {months} mois après la clôture du programme, puis effacées ; seuls des chiffres anonymes restent.',
  'retention.closed':
    'Le programme a été clôturé le {closed}. Ses données personnelles seront effacées le {date} ; seuls des chiffres anonymes resteront.',
  'retention.purged':
    'Les données personnelles ont été effacées le {date}. Il reste : {pairs} binômes, {held} séances tenues, {participants} participants.',
  'retention.months': 'Mois de conservation après la clôture',
  'retention.save': 'Enregistrer la durée',
  'retention.saved': 'Enregistré.',
  'retention.invalid': 'Saisissez un nombre entier de mois, de 1 à 120.',
  'retention.failed': 'La durée n’a pas été enregistrée : {message}',
};

const catalogue = screenCatalogue(en, fr);

/** `t()` of this catalogue in the active language. */
export const useRetentionT = catalogue.useScreenT;
/** `t()` of this catalogue in a given language (tests). */
export const retentionTranslate = catalogue.translate;
