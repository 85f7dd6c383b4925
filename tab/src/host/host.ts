import type { Locale } from '../i18n/catalogue';

/** The three appearances every screen supports, named as Teams names them. */
export type ThemeName = 'light' | 'dark' | 'contrast';

export type HostUser = {
  id: string;
  displayName?: string;
  userPrincipalName?: string;
  tenantId?: string;
};

/** Running inside Teams (or another Microsoft 365 host): Teams decides language and theme. */
export type TeamsHost = {
  kind: 'teams';
  locale: Locale;
  theme: ThemeName;
  user: HostUser;
  /** Calls `listener` on every live theme change; returns the unsubscribe function. */
  onThemeChange(listener: (theme: ThemeName) => void): () => void;
  /** Tells Teams the first screen is shown (hides its loading indicator). */
  notifySuccess(): void;
  /** A Teams SSO token for the API. */
  getAuthToken(): Promise<string>;
};

/** A plain browser tab: the user picks language and theme. */
export type BrowserHost = { kind: 'browser' };

export type Host = TeamsHost | BrowserHost;

export const browserHost: BrowserHost = { kind: 'browser' };

/** Maps a Teams theme name (`default`, `dark`, `contrast`) to ours; unknown names are light. */
export function themeFromTeams(name: string | undefined): ThemeName {
  if (name === 'dark') return 'dark';
  if (name === 'contrast') return 'contrast';
  return 'light';
}
