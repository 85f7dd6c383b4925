import type { ImportBody, ImportJobResponse, ImportPreview } from '../../../src/contracts/imports';
import { api } from './client';

const importsPath = (programmeId: string) =>
  `/api/programmes/${encodeURIComponent(programmeId)}/imports`;

/** `POST /api/programmes/:id/imports/preview`: what importing this CSV would do, row by row. */
export function previewImport(programmeId: string, body: ImportBody): Promise<ImportPreview> {
  return api.post(`${importsPath(programmeId)}/preview`, body);
}

/** `POST /api/programmes/:id/imports`: starts importing the CSV as a background job. */
export function startImport(programmeId: string, body: ImportBody): Promise<ImportJobResponse> {
  return api.post(importsPath(programmeId), body);
}

/** `GET /api/jobs/:id`: an import job's progress. */
export function getImportJob(jobId: string): Promise<ImportJobResponse> {
  return api.get(`/api/jobs/${encodeURIComponent(jobId)}`);
}
