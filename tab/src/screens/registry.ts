import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { PlainMessageKey } from '../i18n/catalogue';

/**
 * One entry per screen. Each screen is its own chunk, loaded when first shown, so the initial
 * download stays the shell only. To add a screen: a folder under `screens/`, a default-exported
 * component, catalogue keys for its title and nav label in `i18n/en.ts` and `i18n/fr.ts`, and an
 * entry here. Screens appear in the nav in this order.
 */
export type ScreenDefinition = {
  id: string;
  /** Path under the tab's base URL; `/` is the landing screen. */
  path: string;
  /** The screen's `<h1>` and document title. */
  titleKey: PlainMessageKey;
  /** The label in the nav. */
  navKey: PlainMessageKey;
  load: () => Promise<{ default: ComponentType }>;
};

export const screens: readonly ScreenDefinition[] = [
  {
    id: 'home',
    path: '/',
    titleKey: 'home.title',
    navKey: 'nav.home',
    load: () => import('./home/HomeScreen'),
  },
];

const homeScreen = screens[0] as ScreenDefinition;

/** The screen for a path; unknown paths show the landing screen. */
export function screenForPath(path: string): ScreenDefinition {
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return screens.find((screen) => screen.path === normalised) ?? homeScreen;
}

const loading = new Map<string, Promise<{ default: ComponentType }>>();
const components = new Map<string, LazyExoticComponent<ComponentType>>();

/** Starts downloading a screen's chunk (e.g. the landing screen while the host is detected). */
export function preloadScreen(screen: ScreenDefinition): Promise<{ default: ComponentType }> {
  let promise = loading.get(screen.id);
  if (!promise) {
    promise = screen.load();
    // A failed download may be retried (the error boundary's "Try again").
    promise.catch(() => loading.delete(screen.id));
    loading.set(screen.id, promise);
  }
  return promise;
}

/** The lazy component of a screen, created once per screen. */
export function screenComponent(screen: ScreenDefinition): LazyExoticComponent<ComponentType> {
  let component = components.get(screen.id);
  if (!component) {
    component = lazy(() => preloadScreen(screen));
    components.set(screen.id, component);
  }
  return component;
}

/** Forgets a screen whose download failed so the next render tries again. */
export function forgetScreen(screen: ScreenDefinition): void {
  loading.delete(screen.id);
  components.delete(screen.id);
}
