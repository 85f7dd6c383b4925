import { useEffect, useRef } from 'react';

/**
 * While `runId` names a run, asks `read(runId)` for it every 400 ms (first after 300 ms) and hands
 * each answer to `onRun`, until `onRun`'s run is over or the component goes; a failure goes to
 * `onError` and stops the polling.
 */
export function useRunPolling<R extends { status: string }>(
  runId: string | null,
  read: (runId: string) => Promise<R>,
  onRun: (run: R) => Promise<void> | void,
  onError: (error: unknown) => void,
): void {
  // The latest callbacks, so the polling restarts only when the run changes.
  const latest = useRef({ read, onRun, onError });
  latest.current = { read, onRun, onError };
  useEffect(() => {
    if (!runId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await latest.current.read(runId);
        if (stopped) return;
        const active = next.status === 'queued' || next.status === 'running';
        await latest.current.onRun(next);
        if (active && !stopped) timer = setTimeout(() => void poll(), 400);
      } catch (e) {
        if (!stopped) latest.current.onError(e);
      }
    };
    timer = setTimeout(() => void poll(), 300);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [runId]);
}
