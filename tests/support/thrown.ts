import { isDomainError, type DomainError } from '../../src/domain/errors';

/** The DomainError `fn` throws; fails the test when it throws nothing or something else. */
export function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}
