import {
  createTranslateFor,
  type CatalogueFor,
  type Locale,
  type TranslateFor,
} from '../i18n/catalogue';
import { createFrenchTranslateFor } from '../i18n/french-elision';
import { useLocale } from '../i18n/I18nProvider';

// The persona picker and the sign-in gate.
// These strings load with the lazy screens that use them, not with the shell.

const en = {
  'session.loading': 'Signing you in…',
  'session.openInTeams': 'Open Mentoring from Microsoft Teams to sign in.',
  'session.actingAs': 'Demo mode: you are acting as {name}.',
  'session.switch': 'Switch persona',
  'persona.title': 'Who are you today?',
  'persona.intro':
    'Development sign-in: choose a person of the demo company to use the app as them. Employees volunteer, managers approve time, programme leads set up programmes.',
  'persona.loading': 'Loading the demo people…',
  'persona.search': 'Search by name, department or job',
  'persona.count': { zero: 'Nobody matches.', one: '{count} person', other: '{count} people' },
  'persona.group.employee': 'Employees',
  'persona.group.manager': 'Managers',
  'persona.group.lead': 'Programme leads',
} as const;

const fr: CatalogueFor<typeof en> = {
  'session.loading': 'Connexion…',
  'session.openInTeams': 'Ouvrez Mentoring depuis Microsoft Teams pour vous connecter.',
  'session.actingAs': 'Mode démo : vous agissez en tant que {name}.',
  'session.switch': 'Changer de persona',
  'persona.title': "Qui êtes-vous aujourd'hui ?",
  'persona.intro':
    "Connexion de développement : choisissez une personne de l'entreprise de démonstration pour utiliser l'application à sa place. Les salariés se portent volontaires, les managers approuvent le temps, les responsables de programme créent les programmes.",
  'persona.loading': 'Chargement des personnes de démonstration…',
  'persona.search': 'Rechercher par nom, service ou poste',
  'persona.count': {
    zero: 'Personne ne correspond.',
    one: '{count} personne',
    other: '{count} personnes',
  },
  'persona.group.employee': 'Salariés',
  'persona.group.manager': 'Managers',
  'persona.group.lead': 'Responsables de programme',
};

// French elides before a name: « en tant qu’Adam Henry », « en tant que Louise Bernard ».
const translations: Record<Locale, TranslateFor<typeof en>> = {
  en: createTranslateFor<typeof en>('en', en),
  fr: createFrenchTranslateFor<typeof en>(fr),
};

/** `t()` of this catalogue in a given language (tests, code outside React). */
export const authTranslate = (locale: Locale): TranslateFor<typeof en> => translations[locale];
/** `t()` of this catalogue in the active language. */
export const useAuthT = (): TranslateFor<typeof en> => authTranslate(useLocale());
export type AuthTranslate = TranslateFor<typeof en>;
