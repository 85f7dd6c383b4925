import type { ApiValidationIssue } from '../../../../src/contracts/common';
import type { ProgrammeCreateBody, ProgrammeEditBody } from '../../../../src/contracts/programmes';
import type {
  Frequency,
  MatchingWeights,
  Place,
  Programme,
  ProgrammeStatus,
  SkillKind,
} from '../../../../src/domain/programme';
import type { ProgrammesTranslate } from './programmes-i18n';

/** The same order as `matchingWeightKeys` in src/domain/programme.ts. */
export const weightKeys = [
  'teach',
  'reciprocity',
  'availability',
  'language',
  'diversity',
  'seniority',
] as const satisfies readonly (keyof MatchingWeights)[];

export const frequencies: readonly Frequency[] = ['weekly', 'biweekly', 'monthly'];
export const places: readonly Place[] = ['online', 'on_site', 'hybrid'];

/**
 * Allowed moves (mirrors `programmeTransitions` in src/domain/programme.ts; the tab may not import
 * server code, and the API refuses any other move with `invalid_transition`).
 */
export const nextStatuses: Readonly<Record<ProgrammeStatus, readonly ProgrammeStatus[]>> = {
  draft: ['enrolling', 'closed'],
  enrolling: ['matching', 'closed'],
  matching: ['enrolling', 'running', 'closed'],
  running: ['closed'],
  closed: [],
};

/** One catalogue line as edited: `id` is fixed once saved (profiles refer to it). */
export type SkillRow = {
  key: string;
  id: string;
  saved: boolean;
  fr: string;
  en: string;
  kind: SkillKind;
};

/** Numbers are kept as typed (strings) so nothing is lost when a value is not valid yet. */
export type ProgrammeFormValues = {
  name: string;
  description: string;
  startDate: string;
  endDate: string;
  skills: SkillRow[];
  sessions: string;
  durationMinutes: string;
  frequency: Frequency;
  place: Place;
  location: string;
  managerApprovalRequired: boolean;
  /** Percentages, e.g. "35" for 0.35. */
  weights: Record<keyof MatchingWeights, string>;
};

export type ProgrammeField =
  | 'name'
  | 'description'
  | 'startDate'
  | 'endDate'
  | 'skills'
  | 'sessions'
  | 'durationMinutes'
  | 'location'
  | 'weights';

export type SkillRowErrors = { fr?: string; en?: string; id?: string };

export type ProgrammeFormErrors = {
  fields: Partial<Record<ProgrammeField, string>>;
  skills: Partial<Record<number, SkillRowErrors>>;
  weights: Partial<Record<keyof MatchingWeights, string>>;
};

export const noProgrammeErrors: ProgrammeFormErrors = { fields: {}, skills: {}, weights: {} };

export function hasProgrammeErrors(errors: ProgrammeFormErrors): boolean {
  return (
    Object.keys(errors.fields).length > 0 ||
    Object.keys(errors.skills).length > 0 ||
    Object.keys(errors.weights).length > 0
  );
}

let rowCounter = 0;
const rowKey = () => `skill-row-${++rowCounter}`;

/** A lowercase slug for a new skill's id: "Power BI" → "power-bi", "Négociation" → "negociation". */
export function slugOf(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

export function newSkillRow(): SkillRow {
  return { key: rowKey(), id: '', saved: false, fr: '', en: '', kind: 'digital' };
}

/** Rounds a weight to a readable percentage (0.35 → "35"). */
const percent = (weight: number) => String(Math.round(weight * 1000) / 10);

/** Defaults of a new programme (DESIGN.md: 6 sessions of 60 minutes every two weeks, online). */
export function emptyProgrammeForm(): ProgrammeFormValues {
  return {
    name: '',
    description: '',
    startDate: '',
    endDate: '',
    skills: [],
    sessions: '6',
    durationMinutes: '60',
    frequency: 'biweekly',
    place: 'online',
    location: '',
    managerApprovalRequired: true,
    weights: {
      teach: '35',
      reciprocity: '20',
      availability: '15',
      language: '10',
      diversity: '10',
      seniority: '10',
    },
  };
}

export function programmeFormOf(programme: Programme): ProgrammeFormValues {
  return {
    name: programme.name,
    description: programme.description,
    startDate: programme.startDate,
    endDate: programme.endDate,
    skills: programme.skills.map((skill) => ({
      key: rowKey(),
      id: skill.id,
      saved: true,
      fr: skill.label.fr,
      en: skill.label.en,
      kind: skill.kind,
    })),
    sessions: String(programme.frame.sessions),
    durationMinutes: String(programme.frame.durationMinutes),
    frequency: programme.frame.frequency,
    place: programme.frame.place,
    location: programme.frame.location ?? '',
    managerApprovalRequired: programme.managerApprovalRequired,
    weights: Object.fromEntries(
      weightKeys.map((key) => [key, percent(programme.weights[key])]),
    ) as ProgrammeFormValues['weights'],
  };
}

/** The id a row is saved with: fixed once saved, else derived from the English (or French) name. */
export function skillIdOf(row: SkillRow): string {
  return row.saved ? row.id : slugOf(row.en || row.fr);
}

function wholeNumber(value: string): number | null {
  return /^\s*\d+\s*$/.test(value) ? Number(value) : null;
}

function decimal(value: string): number | null {
  const normalised = value.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : null;
}

/** Checks the form with one specific message per problem, in the user's language. */
export function validateProgrammeForm(
  values: ProgrammeFormValues,
  t: ProgrammesTranslate,
): ProgrammeFormErrors {
  const fields: ProgrammeFormErrors['fields'] = {};
  const name = values.name.trim();
  if (!name) fields.name = t('programmeForm.error.nameRequired');
  else if (name.length > 120) fields.name = t('programmeForm.error.tooLong', { max: 120 });
  if (values.description.length > 2000) {
    fields.description = t('programmeForm.error.tooLong', { max: 2000 });
  }
  if (!values.startDate) fields.startDate = t('programmeForm.error.startDateRequired');
  if (!values.endDate) fields.endDate = t('programmeForm.error.endDateRequired');
  else if (values.startDate && values.endDate < values.startDate) {
    fields.endDate = t('programmeForm.error.endBeforeStart');
  }

  const sessions = wholeNumber(values.sessions);
  if (sessions === null || sessions < 1 || sessions > 52) {
    fields.sessions = t('programmeForm.error.between', { min: 1, max: 52 });
  }
  const duration = wholeNumber(values.durationMinutes);
  if (duration === null || duration < 15 || duration > 240) {
    fields.durationMinutes = t('programmeForm.error.between', { min: 15, max: 240 });
  }
  if (values.location.length > 200) {
    fields.location = t('programmeForm.error.tooLong', { max: 200 });
  }

  const skills: ProgrammeFormErrors['skills'] = {};
  const seen = new Map<string, number>();
  values.skills.forEach((row, index) => {
    const errors: SkillRowErrors = {};
    if (!row.fr.trim()) errors.fr = t('programmeForm.error.labelRequired');
    if (!row.en.trim()) errors.en = t('programmeForm.error.labelRequired');
    const id = skillIdOf(row);
    if ((row.fr.trim() || row.en.trim()) && !id) errors.id = t('programmeForm.error.skillIdEmpty');
    const first = seen.get(id);
    if (id && first !== undefined) {
      errors.id = t('programmeForm.error.skillDuplicate', { other: first + 1 });
    }
    if (id) seen.set(id, first ?? index);
    if (Object.keys(errors).length > 0) skills[index] = errors;
  });
  if (values.skills.length > 200) fields.skills = t('programmeForm.error.tooManySkills');

  const weights: ProgrammeFormErrors['weights'] = {};
  let total = 0;
  for (const key of weightKeys) {
    const value = decimal(values.weights[key]);
    if (value === null || value > 100) weights[key] = t('programmeForm.error.weight');
    else total += value;
  }
  if (Object.keys(weights).length === 0 && total === 0) {
    fields.weights = t('programmeForm.error.weightsZero');
  }
  return { fields, skills, weights };
}

function commonBody(values: ProgrammeFormValues) {
  const location = values.location.trim();
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    startDate: values.startDate,
    endDate: values.endDate,
    skills: values.skills.map((row) => ({
      id: skillIdOf(row),
      label: { fr: row.fr.trim(), en: row.en.trim() },
      kind: row.kind,
    })),
    frame: {
      sessions: Number(values.sessions),
      durationMinutes: Number(values.durationMinutes),
      frequency: values.frequency,
      place: values.place,
      ...(location ? { location } : {}),
    },
    managerApprovalRequired: values.managerApprovalRequired,
    weights: Object.fromEntries(
      weightKeys.map((key) => [key, Number(values.weights[key].trim().replace(',', '.')) / 100]),
    ) as MatchingWeights,
  };
}

/** `POST /api/programmes` from a validated form. */
export function createBodyOf(values: ProgrammeFormValues): ProgrammeCreateBody {
  return commonBody(values);
}

/** `PUT /api/programmes/:id`: what the form edits, the rest of the programme as it was. */
export function editBodyOf(values: ProgrammeFormValues, programme: Programme): ProgrammeEditBody {
  return {
    ...commonBody(values),
    leadIds: programme.leadIds,
    reminderOffsetsMinutes: programme.reminderOffsetsMinutes,
    proposalResponseDays: programme.proposalResponseDays,
  };
}

const issueFields: Record<string, ProgrammeField> = {
  name: 'name',
  description: 'description',
  startDate: 'startDate',
  endDate: 'endDate',
  skills: 'skills',
  frame: 'sessions',
  weights: 'weights',
};

/** Places the server's validation issues on the fields they name, in the user's language. */
export function programmeErrorsFromIssues(
  issues: readonly ApiValidationIssue[],
  t: ProgrammesTranslate,
): ProgrammeFormErrors {
  const errors: ProgrammeFormErrors = { fields: {}, skills: {}, weights: {} };
  for (const issue of issues) {
    const [head, second] = issue.path.split('.');
    if (head === 'frame' && second === 'durationMinutes') {
      errors.fields.durationMinutes = t('programmeForm.error.between', { min: 15, max: 240 });
      continue;
    }
    if (head === 'frame' && second === 'location') {
      errors.fields.location = t('programmeForm.error.tooLong', { max: 200 });
      continue;
    }
    const field = head ? issueFields[head] : undefined;
    if (field) errors.fields[field] ??= t(`programmeForm.error.invalid.${field}`);
  }
  return errors;
}
