import { api } from './client';

/** `GET /api/health`'s body (the route has no contract module: it is not part of the product API). */
export type HealthResponse = { status: string; store: string };

/** `GET /api/health` (public): whether the service and its store are up. */
export function getHealth(signal?: AbortSignal): Promise<HealthResponse> {
  return api.get('/api/health', { auth: false, ...(signal ? { signal } : {}) });
}
