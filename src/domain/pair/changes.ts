import { DomainError } from '../errors';
import type { Pair } from './schema';

/** What every change to a pair shares: its result and the errors it raises. */

/** A pair after a change; `changed` false when the change was a no-op (the same pair). */
export type PairChange = { pair: Pair; changed: boolean };

/** `validation_failed` with one issue at `path`. */
export function validationError(path: string, message: string): DomainError {
  return new DomainError('validation_failed', message, { issues: [{ path, message }] });
}

/** `validation_failed` for an invalid `what`, naming its first issue. */
export function validation(
  what: string,
  error: { issues: { path: string; message: string }[] },
): DomainError {
  const first = error.issues[0];
  return new DomainError(
    'validation_failed',
    `Invalid ${what}: ${first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'invalid'}`,
    { issues: error.issues },
  );
}

/** `invalid_transition` for a change the pair's state does not allow. */
export function pairStateError(pair: Pair, why: string): DomainError {
  return new DomainError('invalid_transition', why, {
    entity: 'pair',
    id: pair.id,
    from: pair.state,
    to: pair.state,
  });
}

/** Deep equality of plain data (what JSON keeps). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
