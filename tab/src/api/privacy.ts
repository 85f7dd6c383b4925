import type {
  AuditListResponse,
  AuditQuery,
  EraseResponse,
  RetentionBody,
  RetentionResponse,
} from '../../../src/contracts/privacy';
import { api, apiDownload, apiRequest } from './client';

/** `GET /api/me/export`: everything the app holds about the signed-in person, as a JSON file. */
export function downloadMyData(): Promise<Blob> {
  return apiDownload('/api/me/export');
}

/** `POST /api/me/erase`: irreversible; the confirmation is the caller's. */
export function eraseMyData(): Promise<EraseResponse> {
  return api.post('/api/me/erase', { confirm: true });
}

/** `GET /api/programmes/:id/retention`. */
export function getRetention(
  programmeId: string,
  signal?: AbortSignal,
): Promise<RetentionResponse> {
  return api.get(
    `/api/programmes/${encodeURIComponent(programmeId)}/retention`,
    signal ? { signal } : {},
  );
}

/** `PUT /api/programmes/:id/retention` with the version it was loaded with. */
export async function setRetention(
  programmeId: string,
  body: RetentionBody,
  version: string,
): Promise<RetentionResponse> {
  const response = await apiRequest<RetentionResponse>(
    `/api/programmes/${encodeURIComponent(programmeId)}/retention`,
    { method: 'PUT', body, ifMatch: version },
  );
  return response.data;
}

/** `GET /api/audit` with its filters (tenant leads). */
export function getAudit(
  query: Omit<AuditQuery, 'pageSize'> & { pageSize?: number },
  signal?: AbortSignal,
): Promise<AuditListResponse> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return api.get(`/api/audit${qs ? `?${qs}` : ''}`, signal ? { signal } : {});
}
