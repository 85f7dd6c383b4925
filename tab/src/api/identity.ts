import type {
  AuthConfigResponse,
  DevSignInResponse,
  MeResponse,
  PersonasResponse,
} from '../../../src/contracts/identity';
import { api } from './client';

/** `GET /api/auth/config` (public): how this deployment signs people in. */
export function getAuthConfig(signal?: AbortSignal): Promise<AuthConfigResponse> {
  return api.get('/api/auth/config', { auth: false, ...(signal ? { signal } : {}) });
}

/** `GET /api/me`: the signed-in person, their roles and the programmes they lead. */
export function getMe(signal?: AbortSignal): Promise<MeResponse> {
  return api.get('/api/me', signal ? { signal } : {});
}

/** `GET /api/dev/personas` (local mode only, public): whom a developer may act as. */
export function getPersonas(signal?: AbortSignal): Promise<PersonasResponse> {
  return api.get('/api/dev/personas', { auth: false, ...(signal ? { signal } : {}) });
}

/** `POST /api/dev/sign-in` (local mode only, public): a token acting as `personId`. */
export function devSignIn(personId: string): Promise<DevSignInResponse> {
  return api.post('/api/dev/sign-in', { personId }, { auth: false });
}
