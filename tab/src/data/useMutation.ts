import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

/** True for the server's "someone saved in between" answer (a stale version or ETag). */
export function isVersionConflict(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === 'version_conflict';
}

/** How a write ended. `conflict` is a `version_conflict`: reload, and keep what the person typed. */
export type MutationOutcome<R> =
  { ok: true; data: R } | { ok: false; error: unknown; conflict: boolean };

export type Mutation<A extends unknown[], R> = {
  /** Sends the write; never throws: the outcome says how it ended. */
  run: (...args: A) => Promise<MutationOutcome<R>>;
  /** A write is under way. */
  busy: boolean;
  /** The last write's failure (null after a success or `reset`). */
  error: unknown;
  /** The last write failed on a `version_conflict`. */
  conflict: boolean;
  /** Forgets the last failure (the person dismissed it or typed again). */
  reset: () => void;
};

/**
 * Runs a write (`send`) and tracks whether it is under way and how it failed. Unlike a load, a
 * write is not aborted on unmount (the server may already have applied it); its outcome is then
 * simply not shown.
 */
export function useMutation<A extends unknown[], R>(
  send: (...args: A) => Promise<R>,
): Mutation<A, R> {
  const sendRef = useRef(send);
  sendRef.current = send;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = useCallback(async (...args: A): Promise<MutationOutcome<R>> => {
    setBusy(true);
    setError(null);
    try {
      const data = await sendRef.current(...args);
      return { ok: true, data };
    } catch (caught) {
      if (mounted.current) setError(caught);
      return { ok: false, error: caught, conflict: isVersionConflict(caught) };
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, []);

  const reset = useCallback(() => setError(null), []);
  return { run, busy, error, conflict: isVersionConflict(error), reset };
}
