import type { Persona } from '../../../src/contracts/identity';
import { setTokenProvider } from '../api/client';
import { devSignIn } from '../api/identity';

/**
 * Development sign-in outside Teams: the persona picker asks the API for a token acting as a demo
 * person, and the tab sends it as the bearer token. Kept in localStorage so a reload stays signed in;
 * the token is only valid for the server process that issued it (a restart means picking again).
 */
export type DevSession = {
  token: string;
  expiresAt: string;
  personId: string;
  displayName: string;
};

const STORAGE_KEY = 'mentoring.devSession';
const listeners = new Set<() => void>();
// Storage is the source of truth (another tab may switch persona); the parsed value is cached by
// its raw text so React's useSyncExternalStore sees the same object until something changes.
let memory: string | null = null;
let cached: { raw: string | null; session: DevSession | null } = { raw: null, session: null };

function isSession(value: unknown): value is DevSession {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.token === 'string' &&
    typeof v.expiresAt === 'string' &&
    typeof v.personId === 'string' &&
    typeof v.displayName === 'string'
  );
}

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage blocked: the session lasts for this page only.
    return memory;
  }
}

function writeRaw(raw: string | null): void {
  memory = raw;
  try {
    if (raw === null) window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, raw);
  } catch {
    // Kept in memory only.
  }
}

function parse(raw: string | null): DevSession | null {
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return isSession(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** The development session, if someone picked a persona (and its token has not expired). */
export function getDevSession(): DevSession | null {
  const raw = readRaw();
  if (raw !== cached.raw) cached = { raw, session: parse(raw) };
  const session = cached.session;
  return session && Date.parse(session.expiresAt) > Date.now() ? session : null;
}

/** Reads the current token on every call, so a switch of persona applies to the next request. */
export function devTokenProvider(): string | null {
  return getDevSession()?.token ?? null;
}

/** Makes the API client send the development token (outside Teams only). */
export function installDevTokenProvider(): void {
  setTokenProvider(devTokenProvider);
}

function set(session: DevSession | null): void {
  writeRaw(session ? JSON.stringify(session) : null);
  for (const listener of listeners) listener();
}

/** Calls `listener` when someone signs in, switches or signs out; returns the unsubscribe function. */
export function subscribeDevSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Asks the API for a token acting as `persona` and makes it the current session. */
export async function signInAs(persona: Pick<Persona, 'personId' | 'displayName'>) {
  const response = await devSignIn(persona.personId);
  const session: DevSession = {
    token: response.token,
    expiresAt: response.expiresAt,
    personId: persona.personId,
    displayName: persona.displayName,
  };
  set(session);
  return session;
}

/** Forgets the persona (to pick another, or because the server no longer knows the token). */
export function signOut(): void {
  set(null);
}
