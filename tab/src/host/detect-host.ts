import { browserHost, type Host, type TeamsHost } from './host';

/** How long `app.initialize()` may take before we decide we are not in Teams. */
export const TEAMS_INIT_TIMEOUT_MS = 1500;

/** What the lazily loaded Teams module offers (see teams-host.ts). */
export type TeamsConnector = {
  connectToTeams(options: { initTimeoutMs: number }): Promise<TeamsHost | null>;
};

export type DetectHostOptions = {
  /** Defaults to looking at `window.parent` and `window.opener`. */
  framed?: boolean;
  initTimeoutMs?: number;
  /** Defaults to a dynamic import, so teams-js is never downloaded outside a frame. */
  loadTeams?: () => Promise<TeamsConnector>;
};

/**
 * True when the page may be hosted: framed (Teams web and desktop) or opened by another window
 * (Teams popups). A plain browser tab is neither, and then Teams cannot be the host.
 */
export function mayBeHosted(win: Window = window): boolean {
  try {
    return win.parent !== win.self || Boolean(win.opener);
  } catch {
    // Reading a cross-origin opener can throw in some browsers: someone opened us, so we may be hosted.
    return true;
  }
}

/**
 * Finds out where the tab runs. Outside a frame it answers at once without loading teams-js
 * (teams-js would otherwise fetch a list of valid domains from a CDN and wait for a parent).
 * In a frame it loads teams-js and gives `app.initialize()` a short time to answer: a frame that is
 * not Teams never answers (teams-js waits 60 s), so the timeout is what keeps such pages usable.
 */
export async function detectHost(options: DetectHostOptions = {}): Promise<Host> {
  const framed = options.framed ?? mayBeHosted();
  if (!framed) return browserHost;
  const load = options.loadTeams ?? (() => import('./teams-host'));
  try {
    const connector = await load();
    const host = await connector.connectToTeams({
      initTimeoutMs: options.initTimeoutMs ?? TEAMS_INIT_TIMEOUT_MS,
    });
    return host ?? browserHost;
  } catch (error) {
    console.warn('Teams host detection failed; continuing as a browser tab', error);
    return browserHost;
  }
}
