import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type {
  PairDashboardResponse,
  PairResponse,
  PairView,
  PrivateNoteView,
} from '../../../../src/contracts/pairs';
import { writePair, type PairWritePath } from '../../api/pairs';
import { isVersionConflict } from '../../data/useMutation';
import { useVisuallyHiddenStyles } from '../../components/visually-hidden';
import { conflictCurrent } from './pair-model';

/** What a write on the pair came to. A conflict carries the latest pair from the server. */
export type WriteOutcome =
  | { ok: true; pair: PairView; version: string }
  | { ok: false; error: unknown; conflict: PairResponse | null };

type PairContextValue = {
  pair: PairView;
  version: string;
  privateNotes: readonly PrivateNoteView[];
  /**
   * Sends a write on the pair with the version the person is looking at (a form sends the version
   * it was opened on in `body.version`, so a change made meanwhile is a conflict, never overwritten). On success the dashboard
   * shows the answer; on a `version_conflict` nothing changes on screen until `adopt(conflict)`.
   */
  write: (
    method: 'POST' | 'PUT',
    path: PairWritePath,
    body?: Record<string, unknown>,
  ) => Promise<WriteOutcome>;
  /** Shows a pair the server sent (the `details.current` of a conflict). */
  adopt: (response: PairResponse) => void;
  /**
   * The agreement was signed, then changed while this dashboard was open (here or by the partner):
   * both must sign again. The server clears signatures on a change, so only the change itself shows it.
   */
  signaturesDropped: boolean;
  /** Says `message` through the dashboard's polite live region (present from the start, so heard). */
  announce: (message: string) => void;
  /** Keeps a saved private note. */
  noteSaved: (note: PrivateNoteView) => void;
};

const PairContext = createContext<PairContextValue | null>(null);

/** The dashboard's pair and its writes; only inside `<PairProvider>`. */
export function usePair(): PairContextValue {
  const value = useContext(PairContext);
  if (!value) throw new Error('usePair() needs a <PairProvider> above it');
  return value;
}

/** A newer revision of the agreement without the signatures the previous one had. */
function dropsSignatures(before: PairView, after: PairView): boolean {
  const was = before.agreement;
  const now = after.agreement;
  return (
    now.revision > was.revision &&
    (was.signatures.mentor !== undefined || was.signatures.mentee !== undefined) &&
    now.signatures.mentor === undefined &&
    now.signatures.mentee === undefined
  );
}

/** Holds one pair's dashboard and sends its writes with the current ETag. */
export function PairProvider({
  initial,
  children,
}: {
  initial: PairDashboardResponse;
  children: ReactNode;
}) {
  const hidden = useVisuallyHiddenStyles();
  const [data, setData] = useState<PairDashboardResponse & { signaturesDropped?: boolean }>(
    initial,
  );
  // Writes in a row (several self-assessments) each need the version the previous one returned.
  const versionRef = useRef(initial.version);

  const adopt = useCallback((response: PairResponse) => {
    versionRef.current = response.version;
    setData((current) => ({
      ...current,
      pair: response.pair,
      version: response.version,
      signaturesDropped:
        current.signaturesDropped === true || dropsSignatures(current.pair, response.pair),
    }));
  }, []);

  const write = useCallback(
    async (
      method: 'POST' | 'PUT',
      path: PairWritePath,
      body: Record<string, unknown> = {},
    ): Promise<WriteOutcome> => {
      try {
        const response = await writePair(initial.pair.id, method, path, {
          version: versionRef.current,
          ...body,
        });
        adopt(response);
        return { ok: true, pair: response.pair, version: response.version };
      } catch (error) {
        const conflict = isVersionConflict(error) ? conflictCurrent(error.details) : null;
        return { ok: false, error, conflict };
      }
    },
    [adopt, initial.pair.id],
  );

  const [announcement, setAnnouncement] = useState('');
  const announce = useCallback((message: string) => {
    // The same words twice in a row must still be heard: clear, then set.
    setAnnouncement('');
    setTimeout(() => setAnnouncement(message), 50);
  }, []);

  const noteSaved = useCallback((note: PrivateNoteView) => {
    setData((current) => ({
      ...current,
      privateNotes: [...current.privateNotes.filter((n) => n.sessionId !== note.sessionId), note],
    }));
  }, []);

  const value = useMemo(
    () => ({
      pair: data.pair,
      version: data.version,
      privateNotes: data.privateNotes,
      signaturesDropped: data.signaturesDropped === true && !data.pair.agreement.fullySigned,
      write,
      adopt,
      announce,
      noteSaved,
    }),
    [data, write, adopt, announce, noteSaved],
  );
  return (
    <PairContext.Provider value={value}>
      <div role="status" aria-live="polite" className={hidden.hidden}>
        {announcement}
      </div>
      {children}
    </PairContext.Provider>
  );
}
