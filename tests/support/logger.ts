import type { Logger } from '../../src/logger';

/** A logger for tests: drops debug/info/warn, records each error as [message, error]. */
export function recordingLogger(): Logger & { readonly errors: [string, unknown][] } {
  const errors: [string, unknown][] = [];
  return {
    errors,
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (message, error) => {
      errors.push([message, error]);
    },
  };
}
