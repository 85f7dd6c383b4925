import type { CatalogueFor } from '../i18n/catalogue';
import { screenCatalogue } from '../i18n/screen-catalogue';

// Form parts shared by the profile and programme screens: skills, week grid, time zone, languages.
// These strings load with the lazy screens that use them, not with the shell.

const en = {
  'skills.teaches.legend': 'Skills I can share',
  'skills.learns.legend': 'Skills I want to learn',
  'skills.teaches.empty': 'No skill yet. Add the ones you could teach a colleague.',
  'skills.learns.empty': 'No skill yet. Add the ones you would like to learn.',
  'skills.teaches.level': 'My level in {skill}',
  'skills.learns.level': 'My current level in {skill}',
  'skills.teaches.goal': 'What I could show in {skill}',
  'skills.learns.goal': 'My goal in {skill}',
  'skills.goal.hint': 'Optional, 300 characters at most.',
  'skills.level.1': '1 – Beginner',
  'skills.level.2': '2 – Basics',
  'skills.level.3': '3 – Comfortable',
  'skills.level.4': '4 – Advanced',
  'skills.level.5': '5 – Expert',
  'skills.remove': 'Remove {skill}',
  'skills.teaches.add': 'Add a skill to share',
  'skills.learns.add': 'Add a skill to learn',
  'skills.choose': 'Choose a skill',
  'skills.addButton': 'Add',
  'skills.kind.digital': 'Digital',
  'skills.kind.know_how': 'Know-how',
  'profile.languages': 'Languages I can hold a session in',
  'timeZone.none': 'No time zone matches.',
  'weekGrid.step': 'Cell size',
  'weekGrid.step.hour': '1 hour',
  'weekGrid.step.halfHour': '30 minutes',
  'weekGrid.localTime': 'Times are in {zone}, where it is now {now}.',
  'weekGrid.deviceTime': 'On this device it is {now}.',
  'weekGrid.cell': '{day}, {start} to {end}',
  'weekGrid.total': 'Available {hours} h a week.',
  'dateInput.spelledOut': 'That is {date}.',
} as const;

const fr: CatalogueFor<typeof en> = {
  'skills.teaches.legend': 'Compétences que je peux partager',
  'skills.learns.legend': 'Compétences que je veux apprendre',
  'skills.teaches.empty':
    'Aucune compétence pour le moment. Ajoutez celles que vous pourriez transmettre.',
  'skills.learns.empty':
    'Aucune compétence pour le moment. Ajoutez celles que vous aimeriez apprendre.',
  'skills.teaches.level': 'Mon niveau en {skill}',
  'skills.learns.level': 'Mon niveau actuel en {skill}',
  'skills.teaches.goal': 'Ce que je pourrais montrer en {skill}',
  'skills.learns.goal': 'Mon objectif en {skill}',
  'skills.goal.hint': 'Facultatif, 300 caractères au plus.',
  'skills.level.1': '1 – Débutant',
  'skills.level.2': '2 – Notions',
  'skills.level.3': '3 – À l’aise',
  'skills.level.4': '4 – Avancé',
  'skills.level.5': '5 – Expert',
  'skills.remove': 'Retirer {skill}',
  'skills.teaches.add': 'Ajouter une compétence à partager',
  'skills.learns.add': 'Ajouter une compétence à apprendre',
  'skills.choose': 'Choisir une compétence',
  'skills.addButton': 'Ajouter',
  'skills.kind.digital': 'Numérique',
  'skills.kind.know_how': 'Savoir-faire',
  'profile.languages': 'Langues dans lesquelles je peux échanger',
  'timeZone.none': 'Aucun fuseau ne correspond.',
  'weekGrid.step': 'Taille des cases',
  'weekGrid.step.hour': '1 heure',
  'weekGrid.step.halfHour': '30 minutes',
  'weekGrid.localTime': 'Heures de {zone}, où il est actuellement {now}.',
  'weekGrid.deviceTime': 'Sur cet appareil, il est {now}.',
  'weekGrid.cell': '{day}, de {start} à {end}',
  'weekGrid.total': 'Disponible {hours} h par semaine.',
  'dateInput.spelledOut': 'Soit le {date}.',
};

const catalogue = screenCatalogue(en, fr);

/** `t()` of this catalogue in the active language. */
export const useComponentsT = catalogue.useScreenT;
/** `t()` of this catalogue in a given language (tests, code outside React). */
export const componentsTranslate = catalogue.translate;
export type ComponentsTranslate = ReturnType<typeof catalogue.translate>;
