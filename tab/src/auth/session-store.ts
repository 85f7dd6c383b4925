import { useSyncExternalStore } from 'react';
import type { MeResponse } from '../../../src/contracts/identity';

// The signed-in person as `/api/me` last described them, shared by every screen behind a
// <SessionGate>: moving between screens shows them at once instead of a spinner, and anything
// outside the screens (the nav, for one) can follow who is signed in.
let me: MeResponse | null = null;
const listeners = new Set<() => void>();

/** The signed-in person, once a screen has loaded `/api/me`; null before or after signing out. */
export function getSignedInMe(): MeResponse | null {
  return me;
}

export function setSignedInMe(next: MeResponse | null): void {
  me = next;
  for (const listener of listeners) listener();
}

export function subscribeSignedInMe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `getSignedInMe()` as React state. */
export function useSignedInMe(): MeResponse | null {
  return useSyncExternalStore(subscribeSignedInMe, getSignedInMe, getSignedInMe);
}
