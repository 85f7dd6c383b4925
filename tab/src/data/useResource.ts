import { useCallback, useEffect, useRef, useState } from 'react';

/** How a load ended: its data, or its error (`aborted` when a newer load or unmount cancelled it). */
export type LoadOutcome<T> =
  { ok: true; data: T } | { ok: false; error: unknown; aborted: boolean };

export type Resource<T> = {
  /** The last data loaded for the current key; kept while reloading and when a reload fails. */
  data: T | undefined;
  /** Why the last load failed, or null. */
  error: unknown;
  /** A load for the current key is under way. */
  loading: boolean;
  /** Loads again, keeping the data on screen meanwhile (a 409 reload, a retry button). */
  reload: () => Promise<LoadOutcome<T>>;
  /** Replaces the data with what a write returned, without a round trip. */
  setData: (update: T | ((current: T | undefined) => T | undefined)) => void;
};

type State<T> = { key: string | null; data: T | undefined; error: unknown; loading: boolean };

/**
 * Loads what `key` names with `load(signal)`: again whenever the key changes (the previous data is
 * dropped unless `keepPrevious`, the previous request aborted), never when `key` is null. The request is aborted on
 * unmount and when a newer load starts, so a late answer never overwrites a newer one.
 */
export function useResource<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  options: {
    /** Keep showing the previous key's data while the new key loads (the next page of a list). */
    keepPrevious?: boolean;
  } = {},
): Resource<T> {
  const keepPrevious = options.keepPrevious === true;
  const [state, setState] = useState<State<T>>(() => ({
    key,
    data: undefined,
    error: null,
    loading: key !== null,
  }));
  // The latest `load` (a closure over the caller's props), read when a load starts.
  const loadRef = useRef(load);
  loadRef.current = load;
  const controllerRef = useRef<AbortController | null>(null);
  const keyRef = useRef(key);
  keyRef.current = key;

  const start = useCallback(async (): Promise<LoadOutcome<T>> => {
    controllerRef.current?.abort();
    const forKey = keyRef.current;
    if (forKey === null) return { ok: false, error: new Error('Nothing to load'), aborted: true };
    const controller = new AbortController();
    controllerRef.current = controller;
    setState((current) => ({ ...current, loading: true }));
    try {
      const data = await loadRef.current(controller.signal);
      if (controller.signal.aborted) return { ok: false, error: abortError(), aborted: true };
      setState({ key: forKey, data, error: null, loading: false });
      return { ok: true, data };
    } catch (error) {
      if (controller.signal.aborted) return { ok: false, error, aborted: true };
      setState((current) => ({ ...current, error, loading: false }));
      return { ok: false, error, aborted: false };
    } finally {
      if (controllerRef.current === controller) controllerRef.current = null;
    }
  }, []);

  useEffect(() => {
    setState((current) =>
      current.key === key
        ? { ...current, loading: key !== null }
        : {
            key,
            data: keepPrevious && key !== null ? current.data : undefined,
            error: null,
            loading: key !== null,
          },
    );
    if (key !== null) void start();
    return () => {
      controllerRef.current?.abort();
      controllerRef.current = null;
    };
  }, [key, start, keepPrevious]);

  const setData = useCallback((update: T | ((current: T | undefined) => T | undefined)) => {
    setState((current) => ({
      ...current,
      data:
        typeof update === 'function'
          ? (update as (current: T | undefined) => T | undefined)(current.data)
          : update,
    }));
  }, []);

  // Between a key change and its effect, the previous key's data must not show as the new one's.
  const current = state.key === key;
  return {
    data: current || (keepPrevious && key !== null) ? state.data : undefined,
    error: current ? state.error : null,
    loading: current ? state.loading : key !== null,
    reload: start,
    setData,
  };
}

function abortError(): Error {
  return new DOMException('The load was superseded', 'AbortError');
}
