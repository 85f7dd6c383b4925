import { z } from 'zod';
import {
  idOf,
  idSchema,
  integer,
  localeSchema,
  tenantIdSchema,
  text,
  timeZoneSchema,
} from './common';

/** An e-mail address as the directory stores it (the import checks rows with it too). */
export const emailSchema = z.email({
  error: 'email must be an e-mail address such as ana@contoso.com',
});

/** Someone in the organisation's directory (Microsoft Graph, or the demo company); id = Entra object id. */
export const personSchema = z.object({
  id: idSchema,
  tenantId: tenantIdSchema,
  displayName: text('displayName', { min: 1, max: 200 }),
  email: emailSchema,
  department: text('department', { max: 200 }),
  jobTitle: text('jobTitle', { max: 200 }),
  /** Null for the top of the hierarchy. */
  managerId: idOf('managerId').nullable(),
  seniorityYears: integer('seniorityYears', 0, 70),
  preferredLocale: localeSchema,
  timeZone: timeZoneSchema,
  officeLocation: text('officeLocation', { max: 200 }).optional(),
});
export type Person = z.infer<typeof personSchema>;

/** The ids of `personId`'s managers, nearest first; stops on a cycle or a missing manager. */
export function managerChain(personId: string, people: ReadonlyMap<string, Person>): string[] {
  const chain: string[] = [];
  const seen = new Set<string>([personId]);
  let current = people.get(personId)?.managerId ?? null;
  while (current !== null && !seen.has(current)) {
    chain.push(current);
    seen.add(current);
    current = people.get(current)?.managerId ?? null;
  }
  return chain;
}

/** True when one of the two people manages the other, directly or through the hierarchy. */
export function inSameReportingLine(
  a: string,
  b: string,
  people: ReadonlyMap<string, Person>,
): boolean {
  return managerChain(a, people).includes(b) || managerChain(b, people).includes(a);
}
