// Loaded only when the page is framed or opened (see detect-host.ts): this module is the only one that
// imports teams-js, so the SDK stays out of the initial bundle.
import { app, authentication } from '@microsoft/teams-js';
import { matchLocale, pickLocale } from '../i18n/catalogue';
import { themeFromTeams, type TeamsHost, type ThemeName } from './host';

const CONTEXT_TIMEOUT_MS = 5000;

function timeout(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms));
}

/**
 * Initialises teams-js and reads the context. Resolves null when the parent does not answer
 * `initialize` within `initTimeoutMs` (a frame that is not a Microsoft 365 host) or rejects it.
 */
export async function connectToTeams(options: {
  initTimeoutMs: number;
}): Promise<TeamsHost | null> {
  const initialized = await Promise.race([
    app.initialize().then(
      () => 'ready' as const,
      () => 'failed' as const,
    ),
    timeout(options.initTimeoutMs),
  ]);
  if (initialized !== 'ready') return null;

  const context = await Promise.race([
    app.getContext().catch(() => null),
    timeout(CONTEXT_TIMEOUT_MS).then(() => null),
  ]);
  if (!context) console.warn('Teams did not give its context; using the browser language');

  const listeners = new Set<(theme: ThemeName) => void>();
  // teams-js keeps a single theme handler: register it once and fan out.
  app.registerOnThemeChangeHandler((name) => {
    const theme = themeFromTeams(name);
    for (const listener of listeners) listener(theme);
  });

  let notified = false;
  return {
    kind: 'teams',
    locale: context
      ? (matchLocale(context.app.locale) ?? 'en')
      : pickLocale(navigator.languages ?? [navigator.language]),
    theme: themeFromTeams(context?.app.theme),
    user: {
      id: context?.user?.id ?? '',
      displayName: context?.user?.displayName,
      userPrincipalName: context?.user?.userPrincipalName,
      tenantId: context?.user?.tenant?.id,
    },
    onThemeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notifySuccess() {
      if (notified) return;
      notified = true;
      app.notifySuccess().catch((error: unknown) => console.warn('notifySuccess failed', error));
    },
    getAuthToken: () => authentication.getAuthToken(),
  };
}
