import { parse } from 'csv-parse/sync';
import type { ImportColumn, ImportIssue, ImportIssueCode } from '../../contracts/imports';
import { isLanguageTag } from '../../domain/common';
import { emailSchema } from '../../domain/person';
import type { RoleWish } from '../../domain/profile';

/** A large company's whole cohort fits; beyond, split the file (a job document stays small). */
export const maxImportRows = 5000;

/** A row as it will be applied: values trimmed and normalised; absent = keep what is there. */
export type ParticipantRow = {
  line: number;
  email: string;
  displayName: string;
  department?: string;
  managerEmail?: string;
  roleWish?: RoleWish;
  languages?: string[];
};

export type ParsedRow = {
  line: number;
  email: string;
  displayName: string;
  /** The manager's e-mail when well formed (checked against the directory even on a bad row). */
  managerEmail?: string;
  issues: ImportIssue[];
  /** Present when the row has no error of its own. */
  row?: ParticipantRow;
};

export type ParsedFile = {
  headers: { header: string; column: ImportColumn | null }[];
  fileIssues: ImportIssue[];
  rows: ParsedRow[];
};

/** Headers, compared without case, accents, spaces, dashes, underscores, dots or apostrophes. */
const headerAliases: Record<ImportColumn, string[]> = {
  email: [
    'email',
    'mail',
    'courriel',
    'adresseemail',
    'adressemail',
    'emailaddress',
    'adressecourriel',
  ],
  displayName: ['displayname', 'name', 'fullname', 'nom', 'nomaffiche', 'nomcomplet', 'prenomnom'],
  department: ['department', 'dept', 'departement', 'service', 'direction'],
  managerEmail: [
    'manageremail',
    'manager',
    'managermail',
    'emaildumanager',
    'courrielduresponsable',
    'courrieldumanager',
    'emailduresponsable',
    'responsable',
  ],
  roleWish: ['rolewish', 'role', 'souhait', 'rolesouhaite', 'souhaitderole'],
  languages: ['languages', 'language', 'langues', 'langue'],
};

const columnLabels: Record<ImportColumn, { fr: string; en: string }> = {
  email: { fr: 'e-mail', en: 'email' },
  displayName: { fr: 'nom affiché', en: 'display name' },
  department: { fr: 'département', en: 'department' },
  managerEmail: { fr: 'e-mail du manager', en: 'manager email' },
  roleWish: { fr: 'souhait de rôle', en: 'role wish' },
  languages: { fr: 'langues', en: 'languages' },
};

const maxLength: Partial<Record<ImportColumn, number>> = {
  email: 254,
  displayName: 200,
  department: 200,
  managerEmail: 254,
};

const roleWishValues: Record<string, RoleWish> = {
  mentor: 'mentor',
  mentore: 'mentee',
  mentoree: 'mentee',
  mentee: 'mentee',
  both: 'both',
  lesdeux: 'both',
  deux: 'both',
};

const languageNames: Record<string, string> = {
  francais: 'fr',
  french: 'fr',
  anglais: 'en',
  english: 'en',
  espagnol: 'es',
  spanish: 'es',
  allemand: 'de',
  german: 'de',
  italien: 'it',
  italian: 'it',
  portugais: 'pt',
  portuguese: 'pt',
};

/** The directory's own check: a row it would refuse must be refused here, not fail when applied. */
const isEmail = (value: string) => emailSchema.safeParse(value).success;

function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\-_.'’]+/g, '');
}

type Params = Record<string, string | number>;

const messages: Record<ImportIssueCode, (p: Params) => { fr: string; en: string }> = {
  file_empty: () => ({
    fr: 'Le fichier est vide : il faut une ligne d’en-têtes puis une ligne par personne.',
    en: 'The file is empty: it needs a header row, then one row per person.',
  }),
  file_unreadable: (p) => ({
    fr: `Le fichier n’est pas un CSV lisible (ligne ${p.line}) : ${p.reason}.`,
    en: `The file is not readable CSV (line ${p.line}): ${p.reason}.`,
  }),
  file_too_large: (p) => ({
    fr: `Le fichier a ${p.rows} lignes : ${p.max} au plus par import. Découpez-le.`,
    en: `The file has ${p.rows} rows: at most ${p.max} per import. Split it.`,
  }),
  column_missing: (p) => ({
    fr: `La colonne « ${p.labelFr} » manque.`,
    en: `The "${p.labelEn}" column is missing.`,
  }),
  column_duplicate: (p) => ({
    fr: `Deux colonnes sont « ${p.labelFr} » (« ${p.header} ») : gardez-en une.`,
    en: `Two columns are "${p.labelEn}" ("${p.header}"): keep one.`,
  }),
  column_unknown: (p) => ({
    fr: `La colonne « ${p.header} » n’est pas reconnue : elle sera ignorée.`,
    en: `The "${p.header}" column is not recognised: it will be ignored.`,
  }),
  row_malformed: (p) => ({
    fr: `La ligne a ${p.found} valeurs alors que l’en-tête a ${p.expected} colonnes.`,
    en: `The row has ${p.found} values but the header has ${p.expected} columns.`,
  }),
  email_missing: () => ({ fr: 'L’e-mail manque.', en: 'The email is missing.' }),
  email_invalid: (p) => ({
    fr: `« ${p.value} » n’est pas une adresse e-mail.`,
    en: `"${p.value}" is not an email address.`,
  }),
  email_duplicate: (p) => ({
    fr: `L’e-mail ${p.value} figure déjà ligne ${p.firstLine}.`,
    en: `The email ${p.value} is already on line ${p.firstLine}.`,
  }),
  display_name_missing: () => ({ fr: 'Le nom manque.', en: 'The name is missing.' }),
  value_too_long: (p) => ({
    fr: `« ${p.labelFr} » dépasse ${p.max} caractères.`,
    en: `"${p.labelEn}" is longer than ${p.max} characters.`,
  }),
  manager_email_invalid: (p) => ({
    fr: `L’e-mail du manager « ${p.value} » n’est pas une adresse e-mail.`,
    en: `The manager email "${p.value}" is not an email address.`,
  }),
  manager_unknown: (p) => ({
    fr: `Le manager ${p.value} n’est ni dans l’annuaire ni dans le fichier.`,
    en: `The manager ${p.value} is neither in the directory nor in the file.`,
  }),
  manager_is_self: () => ({
    fr: 'Une personne ne peut pas être son propre manager.',
    en: 'A person cannot be their own manager.',
  }),
  role_wish_invalid: (p) => ({
    fr: `Souhait de rôle « ${p.value} » inconnu : mentor, mentoré ou les deux.`,
    en: `Unknown role wish "${p.value}": mentor, mentee or both.`,
  }),
  language_invalid: (p) => ({
    fr: `Langue « ${p.value} » inconnue : utilisez un code comme fr ou en.`,
    en: `Unknown language "${p.value}": use a code such as fr or en.`,
  }),
  apply_failed: (p) => ({
    fr: `La ligne n’a pas pu être enregistrée : ${p.reason}.`,
    en: `The row could not be saved: ${p.reason}.`,
  }),
};

/** An issue with its messages in both languages. */
export function importIssue(
  code: ImportIssueCode,
  column: ImportColumn | null,
  params: Params = {},
): ImportIssue {
  const labelled =
    column === null
      ? params
      : { labelFr: columnLabels[column].fr, labelEn: columnLabels[column].en, ...params };
  return {
    code,
    column,
    params: labelled,
    message: messages[code](labelled),
    severity: code === 'column_unknown' ? 'warning' : 'error',
  };
}

/** Picks `;` or `,`, whichever the header row uses more (French Excel writes `;`). */
function detectDelimiter(text: string): ';' | ',' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => firstLine.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/**
 * Reads a participants file: recognises the columns, validates each row on its own and checks
 * duplicates across rows. What needs the directory (managers) is checked by the import service.
 */
export function parseParticipantsCsv(text: string): ParsedFile {
  const empty: ParsedFile = { headers: [], fileIssues: [], rows: [] };
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    return { ...empty, fileIssues: [importIssue('file_empty', null)] };
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    const reason =
      error instanceof Error ? (error.message.split(':')[0] ?? error.message) : 'error';
    return { ...empty, fileIssues: [importIssue('file_unreadable', null, { line, reason })] };
  }
  const [head, ...body] = records;
  if (!head || body.length === 0) {
    return { ...empty, fileIssues: [importIssue('file_empty', null)] };
  }

  const fileIssues: ImportIssue[] = [];
  const seenColumns = new Set<ImportColumn>();
  const headers = head.record.map((header) => {
    const folded = fold(header);
    const column =
      (Object.keys(headerAliases) as ImportColumn[]).find((c) =>
        headerAliases[c].includes(folded),
      ) ?? null;
    if (column === null) {
      if (header !== '') fileIssues.push(importIssue('column_unknown', null, { header }));
      return { header, column: null };
    }
    if (seenColumns.has(column)) {
      fileIssues.push(importIssue('column_duplicate', column, { header }));
      return { header, column: null };
    }
    seenColumns.add(column);
    return { header, column };
  });
  for (const required of ['email', 'displayName'] as const) {
    if (!seenColumns.has(required)) fileIssues.push(importIssue('column_missing', required));
  }
  if (body.length > maxImportRows) {
    fileIssues.push(importIssue('file_too_large', null, { rows: body.length, max: maxImportRows }));
  }
  if (fileIssues.some((i) => i.severity === 'error')) return { headers, fileIssues, rows: [] };

  const firstLineOf = new Map<string, number>();
  const rows = body.map(({ record, info }) => {
    // info.lines is where the record ends; a quoted value may span lines.
    const line = info.lines - record.reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    const parsed = parseRow(record, line, headers);
    if (parsed.email !== '' && !parsed.issues.some((i) => i.column === 'email')) {
      const first = firstLineOf.get(parsed.email);
      if (first === undefined) firstLineOf.set(parsed.email, line);
      else {
        parsed.issues.push(
          importIssue('email_duplicate', 'email', { value: parsed.email, firstLine: first }),
        );
        delete parsed.row;
      }
    }
    return parsed;
  });
  return { headers, fileIssues, rows };
}

function parseRow(record: string[], line: number, headers: ParsedFile['headers']): ParsedRow {
  const issues: ImportIssue[] = [];
  const value = (column: ImportColumn) => {
    const index = headers.findIndex((h) => h.column === column);
    return index < 0 ? '' : (record[index] ?? '').trim();
  };
  if (
    record.length !== headers.length &&
    !(record.length > headers.length && record.slice(headers.length).every((v) => v === ''))
  ) {
    issues.push(
      importIssue('row_malformed', null, { found: record.length, expected: headers.length }),
    );
  }
  for (const column of Object.keys(maxLength) as ImportColumn[]) {
    const max = maxLength[column] ?? Infinity;
    if (value(column).length > max) issues.push(importIssue('value_too_long', column, { max }));
  }

  const email = value('email').toLowerCase();
  if (email === '') issues.push(importIssue('email_missing', 'email'));
  else if (!isEmail(email)) issues.push(importIssue('email_invalid', 'email', { value: email }));

  const displayName = value('displayName').replace(/\s+/g, ' ');
  if (displayName === '') issues.push(importIssue('display_name_missing', 'displayName'));

  const managerEmail = value('managerEmail').toLowerCase();
  if (managerEmail !== '') {
    if (!isEmail(managerEmail)) {
      issues.push(importIssue('manager_email_invalid', 'managerEmail', { value: managerEmail }));
    } else if (managerEmail === email) {
      issues.push(importIssue('manager_is_self', 'managerEmail'));
    }
  }

  const roleText = value('roleWish');
  const roleWish = roleText === '' ? undefined : roleWishValues[fold(roleText)];
  if (roleText !== '' && roleWish === undefined) {
    issues.push(importIssue('role_wish_invalid', 'roleWish', { value: roleText }));
  }

  const languages: string[] = [];
  for (const token of value('languages')
    .split(/[;,/\s|]+/)
    .filter(Boolean)) {
    const tag = languageNames[fold(token)] ?? token;
    if (!isLanguageTag(tag)) {
      issues.push(importIssue('language_invalid', 'languages', { value: token }));
      continue;
    }
    const canonical = Intl.getCanonicalLocales(tag)[0] ?? tag;
    if (!languages.some((l) => l.toLowerCase() === canonical.toLowerCase()))
      languages.push(canonical);
  }

  const department = value('department');
  const parsed: ParsedRow = { line, email, displayName, issues };
  if (managerEmail !== '' && isEmail(managerEmail) && managerEmail !== email) {
    parsed.managerEmail = managerEmail;
  }
  if (issues.length === 0) {
    parsed.row = {
      line,
      email,
      displayName,
      ...(department !== '' ? { department } : {}),
      ...(managerEmail !== '' ? { managerEmail } : {}),
      ...(roleWish ? { roleWish } : {}),
      ...(languages.length > 0 ? { languages: languages.slice(0, 10) } : {}),
    };
  }
  return parsed;
}
