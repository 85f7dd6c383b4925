import type { Locale } from '../../../src/contracts/common';
import type {
  MyPairsResponse,
  PairDashboardResponse,
  PairResponse,
  PrivateNoteBody,
  PrivateNoteResponse,
  ToolkitResponse,
} from '../../../src/contracts/pairs';
import { api, apiDownload, apiRequest } from './client';

const pairPath = (pairId: string) => `/api/pairs/${encodeURIComponent(pairId)}`;

/** `GET /api/pairs/mine`: the pairs the person is a member of. */
export function getMyPairs(signal?: AbortSignal): Promise<MyPairsResponse> {
  return api.get('/api/pairs/mine', signal ? { signal } : {});
}

/** `GET /api/pairs/:id/dashboard`: the pair, its version and the person's private notes. */
export function getDashboard(pairId: string, signal?: AbortSignal): Promise<PairDashboardResponse> {
  return api.get(`${pairPath(pairId)}/dashboard`, signal ? { signal } : {});
}

/**
 * The writes on a pair that answer with the pair (`PairResponse`), each a path under
 * `/api/pairs/:id` (see `src/contracts/pairs.ts`); the body carries the pair's `version`.
 */
export type PairWritePath =
  | '/agreement'
  | '/agreement/sign'
  | '/sessions'
  | `/sessions/${string}/status`
  | `/sessions/${string}/notes`
  | `/sessions/${string}/action-items`
  | `/sessions/${string}/action-items/${string}/done`
  | `/sessions/${string}/feedback`
  | '/assessments'
  | '/pause'
  | '/resume'
  | '/complete'
  | '/end';

/** Sends a write on the pair; a stale `body.version` is a `version_conflict` carrying the pair. */
export async function writePair(
  pairId: string,
  method: 'POST' | 'PUT',
  path: PairWritePath,
  body: Record<string, unknown>,
): Promise<PairResponse> {
  const response = await apiRequest<PairResponse>(`${pairPath(pairId)}${path}`, { method, body });
  return response.data;
}

/** `PUT /api/pairs/:id/sessions/:sessionId/private-note`: the caller's own note on a session. */
export async function savePrivateNote(
  pairId: string,
  sessionId: string,
  body: PrivateNoteBody,
): Promise<PrivateNoteResponse> {
  const response = await apiRequest<PrivateNoteResponse>(
    `${pairPath(pairId)}/sessions/${encodeURIComponent(sessionId)}/private-note`,
    { method: 'PUT', body },
  );
  return response.data;
}

/** `GET /api/toolkit`: the mentoring guide, in the tab's language. */
export function getToolkit(locale: Locale, signal?: AbortSignal): Promise<ToolkitResponse> {
  return api.get(`/api/toolkit?locale=${locale}`, signal ? { signal } : {});
}

/** Downloads the series' `.ics` (local calendar only) from the path the calendar response gives. */
export function downloadIcs(icsPath: string): Promise<Blob> {
  return apiDownload(icsPath);
}
