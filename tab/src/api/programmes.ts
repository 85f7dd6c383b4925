import type {
  ProgrammeCreateBody,
  ProgrammeEditBody,
  ProgrammeListResponse,
  ProgrammeResponse,
  ProgrammeStatusBody,
  ReadinessResponse,
} from '../../../src/contracts/programmes';
import { api, apiRequest } from './client';

const programmePath = (id: string) => `/api/programmes/${encodeURIComponent(id)}`;

/** `GET /api/programmes`: every programme the person can see, with their standing in each. */
export function getProgrammes(signal?: AbortSignal): Promise<ProgrammeListResponse> {
  return api.get('/api/programmes', signal ? { signal } : {});
}

/** `GET /api/programmes/:id`: one programme (its settings too when the person manages it). */
export function getProgramme(id: string, signal?: AbortSignal): Promise<ProgrammeResponse> {
  return api.get(programmePath(id), signal ? { signal } : {});
}

/** `POST /api/programmes`: a new draft programme. */
export function createProgramme(body: ProgrammeCreateBody): Promise<ProgrammeResponse> {
  return api.post('/api/programmes', body);
}

/** `PUT /api/programmes/:id` with the version the form was opened on (`version_conflict` if stale). */
export async function editProgramme(
  id: string,
  body: ProgrammeEditBody,
  version: string,
): Promise<ProgrammeResponse> {
  const response = await apiRequest<ProgrammeResponse>(programmePath(id), {
    method: 'PUT',
    body,
    ifMatch: version,
  });
  return response.data;
}

/** `POST /api/programmes/:id/status`: open, close... the programme. */
export function setProgrammeStatus(
  id: string,
  body: ProgrammeStatusBody,
): Promise<ProgrammeResponse> {
  return api.post(`${programmePath(id)}/status`, body);
}

/** `GET /api/programmes/:id/readiness`: whether the cohort can be matched yet. */
export function getReadiness(id: string, signal?: AbortSignal): Promise<ReadinessResponse> {
  return api.get(`${programmePath(id)}/readiness`, signal ? { signal } : {});
}
