import { parse as parseCsv } from 'csv-parse/sync';
import type { z } from 'zod';
import { DomainError } from '../domain/errors';
import { matchingInputSchema, weekDays, type MatchingInput } from '../domain/matching/input';

/** How a record is named in messages: "participants[3]" for JSON, "row 4 (line 5)" for CSV. */
type RecordLabel = (index: number) => string;

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** One line per problem, naming the record (with its id when it has one) and the field. */
function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  raw: unknown,
  participantLabel: RecordLabel,
): string[] {
  const participants =
    raw && typeof raw === 'object' && 'participants' in raw && Array.isArray(raw.participants)
      ? (raw.participants as unknown[])
      : [];
  return issues.slice(0, 20).map((issue) => {
    const [head, index, ...rest] = issue.path;
    const extraKeys =
      issue.code === 'unrecognized_keys' ? ` (${issue.keys.map((k) => `"${k}"`).join(', ')})` : '';
    if (head === 'participants' && typeof index === 'number') {
      const record = participants[index];
      const id =
        record && typeof record === 'object' && 'id' in record && typeof record.id === 'string'
          ? ` (id "${record.id}")`
          : '';
      const field = rest.length > 0 ? pathText(rest) : extraKeys ? 'keys' : 'record';
      return `${participantLabel(index)}${id}, field ${field}: ${issue.message}${extraKeys}`;
    }
    if (typeof index === 'number') {
      const field = rest.length > 0 ? pathText(rest) : 'record';
      return `${String(head)}[${index}], field ${field}: ${issue.message}${extraKeys}`;
    }
    return `field ${pathText(issue.path) || 'input'}: ${issue.message}${extraKeys}`;
  });
}

function validate(raw: unknown, participantLabel: RecordLabel): MatchingInput {
  const parsed = matchingInputSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = describeIssues(parsed.error.issues, raw, participantLabel);
  const more =
    parsed.error.issues.length > lines.length
      ? `\n… and ${parsed.error.issues.length - lines.length} more`
      : '';
  throw new DomainError('validation_failed', lines.join('\n') + more, { issues: lines });
}

/** Parse the JSON input: `{ participants, pins?, blocks?, weights?, sessionMinutes? }` or a bare array. */
export function parseMatchingJson(text: string): MatchingInput {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DomainError('validation_failed', `not valid JSON: ${(error as Error).message}`);
  }
  if (Array.isArray(raw)) raw = { participants: raw };
  if (!raw || typeof raw !== 'object') {
    throw new DomainError(
      'validation_failed',
      'the input must be an object with "participants" or an array of participants',
    );
  }
  return validate(raw, (k) => `participants[${k}]`);
}

/** Columns of the CSV input, in the order of the documentation. */
export const csvColumns = [
  'id',
  'name',
  'role',
  'teaches',
  'learns',
  'languages',
  'timeZone',
  'availability',
  'department',
  'managerId',
  'capacity',
  'previousPartners',
  'seniority',
  'optedIn',
  'paused',
] as const;

class CsvFieldError extends Error {}

function list(value: string): string[] {
  return value
    .split(/[;|]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function skills(value: string): { skill: string; level: number }[] {
  return list(value).map((item) => {
    const match = /^(.+?):\s*(\d+)$/.exec(item);
    if (!match) throw new CsvFieldError(`"${item}" is not skill:level (for example power-bi:4)`);
    return { skill: match[1]!.trim(), level: Number(match[2]) };
  });
}

function slots(value: string): { day: string; start: string; end: string }[] {
  return list(value).map((item) => {
    const match = /^([a-z]{3})\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/i.exec(item);
    if (!match)
      throw new CsvFieldError(`"${item}" is not "day HH:MM-HH:MM" (for example mon 09:00-11:00)`);
    const day = match[1]!.toLowerCase();
    if (!(weekDays as readonly string[]).includes(day)) {
      throw new CsvFieldError(`"${match[1]}" is not a day (${weekDays.join(', ')})`);
    }
    const pad = (t: string) => t.padStart(5, '0');
    return { day, start: pad(match[2]!), end: pad(match[3]!) };
  });
}

function number(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || Number.isNaN(n)) throw new CsvFieldError(`"${value}" is not a number`);
  return n;
}

function flag(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (['true', 'yes', 'y', '1', 'oui'].includes(v)) return true;
  if (['false', 'no', 'n', '0', 'non'].includes(v)) return false;
  throw new CsvFieldError(`"${value}" is not true or false`);
}

const csvFields: Record<(typeof csvColumns)[number], (value: string) => unknown> = {
  id: (v) => v,
  name: (v) => v,
  role: (v) => v.toLowerCase(),
  teaches: skills,
  learns: skills,
  languages: list,
  timeZone: (v) => v,
  availability: slots,
  department: (v) => v,
  managerId: (v) => v,
  capacity: number,
  previousPartners: list,
  seniority: number,
  optedIn: flag,
  paused: flag,
};

/** Parse the CSV input (one participant per row, header row with the documented column names). */
export function parseMatchingCsv(
  text: string,
  settings: { sessionMinutes?: number } = {},
): { input: MatchingInput; ignoredColumns: string[] } {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parseCsv(text, {
      columns: (header: string[]) => header.map((h) => h.trim()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
  } catch (error) {
    throw new DomainError('validation_failed', `not valid CSV: ${(error as Error).message}`);
  }
  const header = rows.length > 0 ? Object.keys(rows[0]!.record) : [];
  const known = new Set<string>(csvColumns);
  const ignoredColumns = header.filter((h) => !known.has(h));
  const label = (k: number) => `row ${k + 1} (line ${rows[k]?.info.lines ?? '?'})`;
  const participants = rows.map(({ record }, k) => {
    const out: Record<string, unknown> = {};
    for (const column of csvColumns) {
      const value = record[column];
      if (value === undefined || value === '') continue;
      try {
        out[column] = csvFields[column](value);
      } catch (error) {
        if (!(error instanceof CsvFieldError)) throw error;
        const id = record.id ? ` (id "${record.id}")` : '';
        throw new DomainError(
          'validation_failed',
          `${label(k)}${id}, column ${column}: ${error.message}`,
          {
            record: k,
            field: column,
          },
        );
      }
    }
    if (out.availability === undefined) out.availability = [];
    return out;
  });
  const raw: Record<string, unknown> = { participants };
  if (settings.sessionMinutes !== undefined) raw.sessionMinutes = settings.sessionMinutes;
  return { input: validate(raw, label), ignoredColumns };
}
