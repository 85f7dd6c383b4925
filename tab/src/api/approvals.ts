import type {
  ApprovalDecisionBody,
  ApprovalDecisionResponse,
  ApprovalListResponse,
} from '../../../src/contracts/approvals';
import { api, apiRequest } from './client';

/** `GET /api/approvals`: the manager's requests for dedicated mentoring time. */
export function getApprovals(signal?: AbortSignal): Promise<ApprovalListResponse> {
  return api.get('/api/approvals', signal ? { signal } : {});
}

/** `POST /api/approvals/:id/decision` with the request's version (409 when decided elsewhere). */
export async function decideApproval(
  id: string,
  body: ApprovalDecisionBody,
  version: string,
): Promise<ApprovalDecisionResponse> {
  const response = await apiRequest<ApprovalDecisionResponse>(
    `/api/approvals/${encodeURIComponent(id)}/decision`,
    { method: 'POST', body, ifMatch: version },
  );
  return response.data;
}
