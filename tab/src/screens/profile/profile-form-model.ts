import type { ApiValidationIssue } from '../../../../src/contracts/common';
import type { ProfileEditBody } from '../../../../src/contracts/profiles';
import type { WeeklySlot } from '../../../../src/domain/common';
import type { Profile, RoleWish, SkillEntry, WorkMode } from '../../../../src/domain/profile';
import type { SkillListErrors } from '../../components/SkillListEditor';
import type { ProfileTranslate } from './profile-i18n';
import { keepTyped } from '../../data/keep-typed';

/** Limits of the profile (src/domain/profile.ts), checked here first so messages are specific. */
export const BIO_MAX = 500;
export const GOAL_MAX = 300;
export const SKILLS_MAX = 20;
export const SLOTS_MAX = 50;
export const LANGUAGES_MAX = 10;

/** What the person edits; everything else of the profile is kept as it was. */
export type ProfileFormValues = {
  roleWish: RoleWish;
  teaches: SkillEntry[];
  learns: SkillEntry[];
  languages: string[];
  timeZone: string;
  availability: WeeklySlot[];
  workMode: WorkMode;
  bio: string;
};

export type ProfileField = keyof ProfileFormValues;

export type ProfileFormErrors = {
  fields: Partial<Record<ProfileField, string>>;
  teaches: SkillListErrors;
  learns: SkillListErrors;
};

export const noErrors: ProfileFormErrors = { fields: {}, teaches: {}, learns: {} };

export function hasErrors(errors: ProfileFormErrors): boolean {
  return (
    Object.keys(errors.fields).length > 0 ||
    Object.keys(errors.teaches).length > 0 ||
    Object.keys(errors.learns).length > 0
  );
}

/** The editable part of a stored profile. */
export function formValuesOf(profile: Profile): ProfileFormValues {
  return {
    roleWish: profile.roleWish,
    teaches: profile.teaches,
    learns: profile.learns,
    languages: profile.languages,
    timeZone: profile.timeZone,
    availability: profile.availability,
    workMode: profile.workMode,
    bio: profile.bio,
  };
}

/** The body of `PUT .../profile/me`; the version travels as `If-Match`. */
export function editBodyOf(values: ProfileFormValues, profile: Profile): ProfileEditBody {
  return {
    ...values,
    bio: values.bio.trim(),
    teaches: values.teaches.map(cleanEntry),
    learns: values.learns.map(cleanEntry),
    location: profile.location,
    mentorCapacity: profile.mentorCapacity,
  };
}

function cleanEntry(entry: SkillEntry): SkillEntry {
  const goal = entry.goal?.trim();
  return goal ? { ...entry, goal } : { skillId: entry.skillId, level: entry.level };
}

function skillErrors(entries: readonly SkillEntry[], t: ProfileTranslate): SkillListErrors {
  const errors: SkillListErrors = {};
  entries.forEach((entry, index) => {
    const length = entry.goal?.trim().length ?? 0;
    if (length > GOAL_MAX) {
      errors[index] = { goal: t('profile.error.goalTooLong', { length, max: GOAL_MAX }) };
    }
  });
  return errors;
}

/**
 * Checks the form before it is sent, with one specific message per field in the user's language.
 * `knownZones` is the list the time-zone picker offers.
 */
export function validateProfileForm(
  values: ProfileFormValues,
  t: ProfileTranslate,
  knownZones: readonly string[],
): ProfileFormErrors {
  const fields: ProfileFormErrors['fields'] = {};
  if (values.languages.length === 0) fields.languages = t('profile.error.languagesRequired');
  else if (values.languages.length > LANGUAGES_MAX) {
    fields.languages = t('profile.error.tooManyLanguages', { max: LANGUAGES_MAX });
  }
  if (!knownZones.includes(values.timeZone)) {
    fields.timeZone = t('profile.error.timeZoneUnknown', { zone: values.timeZone });
  }
  const bioLength = values.bio.trim().length;
  if (bioLength > BIO_MAX) {
    fields.bio = t('profile.error.bioTooLong', { length: bioLength, max: BIO_MAX });
  }
  if (values.teaches.length > SKILLS_MAX) {
    fields.teaches = t('profile.error.tooManySkills', { max: SKILLS_MAX });
  }
  if (values.learns.length > SKILLS_MAX) {
    fields.learns = t('profile.error.tooManySkills', { max: SKILLS_MAX });
  }
  if (values.availability.length > SLOTS_MAX) {
    fields.availability = t('profile.error.tooManySlots', {
      count: values.availability.length,
      max: SLOTS_MAX,
    });
  }
  return {
    fields,
    teaches: skillErrors(values.teaches, t),
    learns: skillErrors(values.learns, t),
  };
}

const topFields: readonly ProfileField[] = [
  'roleWish',
  'teaches',
  'learns',
  'languages',
  'timeZone',
  'availability',
  'workMode',
  'bio',
];

/**
 * Places the server's validation issues (`teaches.0.level`, `bio`...) on the fields they name, in
 * the user's language; the server's English wording is never shown.
 */
export function errorsFromIssues(
  issues: readonly ApiValidationIssue[],
  t: ProfileTranslate,
): ProfileFormErrors {
  const errors: ProfileFormErrors = { fields: {}, teaches: {}, learns: {} };
  for (const issue of issues) {
    const [head, index, leaf] = issue.path.split('.');
    const field = topFields.find((name) => name === head);
    if (!field) continue;
    if ((field === 'teaches' || field === 'learns') && index !== undefined) {
      const i = Number(index);
      const entry = { ...errors[field][i] };
      if (leaf === 'goal') entry.goal = t('profile.error.goalInvalid', { max: GOAL_MAX });
      else if (leaf === 'skillId') errors.fields[field] = t('profile.error.skillUnknown');
      else entry.level = t('profile.error.level');
      if (entry.goal || entry.level) errors[field][i] = entry;
      continue;
    }
    errors.fields[field] ??= t(`profile.error.invalid.${field}`);
  }
  return errors;
}

/** Every message, in the order of the form, for the summary at the top. */
export function errorList(
  errors: ProfileFormErrors,
  t: ProfileTranslate,
): { field: ProfileField; message: string }[] {
  const list: { field: ProfileField; message: string }[] = [];
  for (const field of topFields) {
    const message = errors.fields[field];
    if (message) list.push({ field, message });
    if (field === 'teaches' || field === 'learns') {
      for (const entry of Object.values(errors[field])) {
        for (const message of [entry?.level, entry?.goal]) {
          if (message)
            list.push({
              field,
              message: t('profile.error.inSection', {
                section: t(`profile.${field}.short`),
                message,
              }),
            });
        }
      }
    }
  }
  return list;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** True when the form differs from what was loaded. */
export function isDirty(values: ProfileFormValues, base: ProfileFormValues): boolean {
  return !same(values, base);
}

/**
 * After a `version_conflict`: the latest saved profile, with every field the person changed since
 * loading kept as they typed it. Fields they did not touch take the latest saved value, so saving
 * again does not undo someone else's change to them.
 */
export function mergeAfterConflict(
  base: ProfileFormValues,
  typed: ProfileFormValues,
  latest: ProfileFormValues,
): ProfileFormValues {
  return keepTyped(base, typed, latest, same);
}
