import type { z } from 'zod';
import { DomainError } from '../../domain/errors';
import type { CalendarPerson } from '../calendar-port';
import { GraphCallError } from './graph-transport';

/** What the calendar could not be: the verb of "Marc's calendar could not be read". */
export type Verb = 'read' | 'updated';

type Reason =
  | 'permission_missing'
  | 'not_authorized'
  | 'mailbox_not_found'
  | 'throttled'
  | 'unreachable'
  | 'timed_out'
  | 'malformed_response'
  | 'rejected'
  | 'unavailable';

/** The end of a calendar_unavailable message, per reason. */
export const reasonText: Record<Reason, string> = {
  permission_missing: 'permission missing',
  not_authorized: 'the app’s credentials were refused',
  mailbox_not_found: 'no mailbox was found for this person',
  throttled: 'Microsoft 365 is throttling requests; try again in a few minutes',
  unreachable: 'Microsoft 365 could not be reached',
  timed_out: 'Microsoft 365 did not answer in time; try again in a few minutes',
  malformed_response: 'Microsoft 365 sent an unexpected answer',
  rejected: 'Microsoft 365 refused the request',
  unavailable: 'the calendar is unavailable',
};

/** A failed Graph call as the DomainError the app shows, naming the person; keeps the cause. */
export function calendarError(error: unknown, person: CalendarPerson, verb: Verb): DomainError {
  if (error instanceof DomainError) return error;
  const failure =
    error instanceof GraphCallError
      ? error
      : new GraphCallError(0, undefined, String(error), { cause: error });
  if (failure.status === 404 && failure.graphCode === 'ErrorItemNotFound') {
    return new DomainError(
      'not_found',
      `The sessions are no longer in ${person.displayName}'s calendar (deleted in Outlook)`,
      { personId: person.id, reason: 'series_not_found', status: 404 },
      { cause: failure },
    );
  }
  const reason: Reason =
    failure.graphCode === 'malformed_response'
      ? 'malformed_response'
      : failure.graphCode === 'timeout'
        ? 'timed_out'
        : failure.status === 403
          ? 'permission_missing'
          : failure.status === 401
            ? 'not_authorized'
            : failure.status === 404
              ? 'mailbox_not_found'
              : failure.status === 429 || failure.status === 503 || failure.status === 504
                ? 'throttled'
                : failure.status === 0
                  ? 'unreachable'
                  : failure.status >= 500
                    ? 'unavailable'
                    : 'rejected';
  return new DomainError(
    'calendar_unavailable',
    `${person.displayName}'s calendar could not be ${verb}: ${reasonText[reason]}`,
    {
      personId: person.id,
      reason,
      status: failure.status,
      ...(failure.graphCode ? { graphCode: failure.graphCode } : {}),
      graphMessage: failure.message,
    },
    { cause: failure },
  );
}

/** Graph answered, but not in the documented shape. */
export function malformed(person: CalendarPerson, verb: Verb, detail: string): DomainError {
  return new DomainError(
    'calendar_unavailable',
    `${person.displayName}'s calendar could not be ${verb}: ${reasonText.malformed_response}`,
    { personId: person.id, reason: 'malformed_response', detail },
  );
}

/** The body parsed with `schema`, or a malformed-response error naming the first issue. */
export function parseOrMalformed<S extends z.ZodType>(
  schema: S,
  body: unknown,
  person: CalendarPerson,
  verb: Verb,
): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw malformed(person, verb, `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  return result.data;
}

/** One failed item of a cohort call, as the port reports it (the others go on). */
export function errorSummary(error: unknown): {
  code: string;
  message: string;
  details?: Record<string, unknown>;
} {
  if (error instanceof DomainError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
