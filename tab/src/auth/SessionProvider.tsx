import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { MeResponse } from '../../../src/contracts/identity';
import { ApiError } from '../api/client';
import { getAuthConfig, getMe } from '../api/identity';
import { describeError } from '../api/errors';
import { useHost } from '../host/HostProvider';
import { useT } from '../i18n/I18nProvider';
import {
  getDevSession,
  installDevTokenProvider,
  signOut,
  subscribeDevSession,
} from './dev-session';
import { PersonaPicker } from './PersonaPicker';
import { getSignedInMe, setSignedInMe } from './session-store';
import { useAuthT } from './auth-i18n';

type SessionValue = {
  me: MeResponse;
  /** True when signed in with a demo persona (outside Teams). */
  dev: boolean;
  /** Reloads `/api/me` (after becoming a lead of a new programme, for instance). */
  refresh: () => Promise<void>;
  /** Back to the persona picker (development sign-in only). */
  switchPersona: () => void;
};

const SessionContext = createContext<SessionValue | null>(null);

/** The signed-in person; only inside a `<SessionGate>`. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() needs a <SessionGate> above it');
  return value;
}

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Back to the persona picker: forgets the token and who it was. */
function forget(): void {
  setSignedInMe(null);
  signOut();
}

type GateState =
  | { kind: 'loading' }
  | { kind: 'pick' }
  | { kind: 'no-sign-in' }
  | { kind: 'ready'; me: MeResponse }
  | { kind: 'failed'; error: unknown };

/**
 * Makes sure someone is signed in before a screen shows: in Teams with the SSO token set at
 * start-up; outside Teams with a demo persona when the server allows development sign-in (the
 * picker shows until one is chosen). Then loads `/api/me` for the screen.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const t = useT();
  const at = useAuthT();
  const host = useHost();
  const inBrowser = host.kind === 'browser';
  const session = useSyncExternalStore(subscribeDevSession, getDevSession, getDevSession);
  // Whom another screen already loaded: shown at once, then checked again in the background.
  const known = (): MeResponse | null => {
    const cached = getSignedInMe();
    if (!cached) return null;
    return !inBrowser || cached.person.id === getDevSession()?.personId ? cached : null;
  };
  const [state, setState] = useState<GateState>(() => {
    const cached = known();
    return cached ? { kind: 'ready', me: cached } : { kind: 'loading' };
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    const load = async () => {
      if (inBrowser) {
        installDevTokenProvider();
        if (!session) {
          const config = await getAuthConfig(signal);
          if (!signal.aborted) setState({ kind: config.devSignIn ? 'pick' : 'no-sign-in' });
          return;
        }
      }
      if (!known()) setState({ kind: 'loading' });
      const me = await getMe(signal);
      if (signal.aborted) return;
      setSignedInMe(me);
      setState({ kind: 'ready', me });
    };
    load().catch((error: unknown) => {
      if (signal.aborted) return;
      // A development token dies with the server process that issued it: pick a persona again.
      if (inBrowser && error instanceof ApiError && error.code === 'unauthenticated') {
        forget();
        return;
      }
      setState({ kind: 'failed', error });
    });
    return () => controller.abort();
  }, [inBrowser, session, attempt]);

  const refresh = useCallback(async () => {
    const me = await getMe();
    setSignedInMe(me);
    setState({ kind: 'ready', me });
  }, []);

  switch (state.kind) {
    case 'loading':
      return <Spinner size="small" label={at('session.loading')} />;
    case 'pick':
      return <PersonaPicker />;
    case 'no-sign-in':
      return (
        <MessageBar intent="info">
          <MessageBarBody>{at('session.openInTeams')}</MessageBarBody>
        </MessageBar>
      );
    case 'failed':
      return (
        <div role="alert" className={styles.column}>
          <Body1>{describeError(state.error, t)}</Body1>
          <Button onClick={() => setAttempt((n) => n + 1)}>{t('shell.retry')}</Button>
        </div>
      );
    case 'ready': {
      const dev = inBrowser && session !== null;
      const value: SessionValue = { me: state.me, dev, refresh, switchPersona: forget };
      return (
        <SessionContext.Provider value={value}>
          {dev && (
            <div className={styles.bar} data-no-print="">
              <Caption1>{at('session.actingAs', { name: state.me.person.displayName })}</Caption1>
              <Button size="small" appearance="subtle" onClick={forget}>
                {at('session.switch')}
              </Button>
            </div>
          )}
          {children}
        </SessionContext.Provider>
      );
    }
  }
}
