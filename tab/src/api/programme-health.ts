import type {
  HealthQuery,
  HealthResponse,
  ManagerReportsResponse,
  NudgeBody,
  NudgeResponse,
  RemindResponse,
  ReportResponse,
} from '../../../src/contracts/health';
import type { Locale } from '../i18n/catalogue';
import { api, apiDownload } from './client';

// A programme's health: the lead's follow-up, its figures and the bilan; a manager's reports.
// (`health.ts` beside this file is the service's own /api/health probe, not this.)

const programmePath = (id: string) => `/api/programmes/${encodeURIComponent(id)}`;

function queryOf(filter: HealthQuery): string {
  const params = new URLSearchParams();
  if (filter.department) params.set('department', filter.department);
  if (filter.startMonth) params.set('startMonth', filter.startMonth);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/** `GET /api/programmes/:id/health` (lead only): figures at most 15 minutes old, filtered. */
export function getProgrammeHealth(
  programmeId: string,
  filter: HealthQuery,
  signal?: AbortSignal,
): Promise<HealthResponse> {
  return api.get(
    `${programmePath(programmeId)}/health${queryOf(filter)}`,
    signal ? { signal } : {},
  );
}

/** `POST /api/programmes/:id/health/refresh`: the figures recomputed now. */
export function refreshProgrammeHealth(
  programmeId: string,
  filter: HealthQuery,
): Promise<HealthResponse> {
  return api.post(`${programmePath(programmeId)}/health/refresh${queryOf(filter)}`, {});
}

/** `POST /api/programmes/:id/pairs/:pairId/nudge`: the bot nudges both members (409 `nudge_too_soon`). */
export function nudgePair(
  programmeId: string,
  pairId: string,
  body: NudgeBody,
): Promise<NudgeResponse> {
  return api.post(`${programmePath(programmeId)}/pairs/${encodeURIComponent(pairId)}/nudge`, body);
}

/** `POST /api/programmes/:id/participants/:personId/remind`: the bot reminds an invitee to join. */
export function remindInvitee(programmeId: string, personId: string): Promise<RemindResponse> {
  return api.post(
    `${programmePath(programmeId)}/participants/${encodeURIComponent(personId)}/remind`,
    {},
  );
}

/** `GET /api/programmes/:id/report`: what the printable bilan shows. */
export function getProgrammeReport(
  programmeId: string,
  signal?: AbortSignal,
): Promise<ReportResponse> {
  return api.get(`${programmePath(programmeId)}/report`, signal ? { signal } : {});
}

/** The path of the bilan as CSV (`;` in French, `,` in English). */
export function reportCsvPath(programmeId: string, locale: Locale): string {
  return `${programmePath(programmeId)}/report.csv?locale=${locale}`;
}

/** `GET /api/programmes/:id/report.csv`, with the bearer token a plain link cannot carry. */
export function downloadReportCsv(programmeId: string, locale: Locale): Promise<Blob> {
  return apiDownload(reportCsvPath(programmeId, locale));
}

/** `GET /api/manager/reports`: the caller's reports who take part, and the approvals they gave. */
export function getManagerReports(signal?: AbortSignal): Promise<ManagerReportsResponse> {
  return api.get('/api/manager/reports', signal ? { signal } : {});
}
