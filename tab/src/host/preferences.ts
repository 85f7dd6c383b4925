import { matchLocale, pickLocale, type Locale } from '../i18n/catalogue';
import type { ThemeName } from './host';

/** Outside Teams the user picks a theme, or `system` to follow the device. */
export type ThemePreference = ThemeName | 'system';

const LOCALE_KEY = 'mentoring.locale';
const THEME_KEY = 'mentoring.theme';

// Storage can be unavailable (blocked cookies, sandboxed frames): preferences then last for the page only.
function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Not remembered; the choice still applies to this page.
  }
}

/** The language chosen earlier with the switch, else the browser's first supported language, else English. */
export function initialBrowserLocale(): Locale {
  const saved = matchLocale(read(LOCALE_KEY));
  if (saved) return saved;
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  return pickLocale(languages);
}

export function saveLocale(locale: Locale): void {
  write(LOCALE_KEY, locale);
}

export function initialThemePreference(): ThemePreference {
  const saved = read(THEME_KEY);
  return saved === 'light' || saved === 'dark' || saved === 'contrast' ? saved : 'system';
}

export function saveThemePreference(preference: ThemePreference): void {
  write(THEME_KEY, preference);
}

function query(media: string): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia(media) : null;
}

/** The device's appearance: forced colours (Windows contrast themes) first, then dark or light. */
export function systemTheme(): ThemeName {
  if (query('(forced-colors: active)')?.matches) return 'contrast';
  if (query('(prefers-color-scheme: dark)')?.matches) return 'dark';
  return 'light';
}

/** Calls `listener` when the device's appearance changes; returns the unsubscribe function. */
export function onSystemThemeChange(listener: (theme: ThemeName) => void): () => void {
  const lists = ['(forced-colors: active)', '(prefers-color-scheme: dark)']
    .map(query)
    .filter((list): list is MediaQueryList => list !== null);
  const handler = () => listener(systemTheme());
  for (const list of lists) list.addEventListener('change', handler);
  return () => {
    for (const list of lists) list.removeEventListener('change', handler);
  };
}
