import { useSyncExternalStore } from 'react';

// A router of a few lines is enough: one level of screens, addressed by path (the server falls back
// to index.html for any path, so deep links and reloads work).
const NAVIGATE_EVENT = 'mentoring:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const currentPath = () => window.location.pathname;

/** The current path, re-rendering on navigation and on the browser's back and forward. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath, currentPath);
}

/** Goes to `path` inside the tab without reloading the page. */
export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
