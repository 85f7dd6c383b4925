import type {
  BuddyMeResponse,
  BuddySettingsBody,
  HelpRequestBody,
  HelpRequestResponse,
  MyHelpRequestsResponse,
  MyOffersResponse,
  OfferResponse,
} from '../../../src/contracts/buddy';
import { api, apiRequest } from './client';

const id = (value: string) => encodeURIComponent(value);

/** `GET /api/buddy/me`: quick-help settings (prefilled until first saved) and the catalogue. */
export function getBuddyMe(signal?: AbortSignal): Promise<BuddyMeResponse> {
  return api.get('/api/buddy/me', signal ? { signal } : {});
}

/** `PUT /api/buddy/me` with the version edited (409 `version_conflict` when stale). */
export async function saveBuddyMe(
  body: BuddySettingsBody,
  version: string | null,
): Promise<BuddyMeResponse> {
  const response = await apiRequest<BuddyMeResponse>('/api/buddy/me', {
    method: 'PUT',
    body,
    ...(version ? { ifMatch: version } : {}),
  });
  return response.data;
}

/** `POST /api/buddy/requests` in the tab's language. */
export function askForHelp(
  body: HelpRequestBody,
  locale: 'fr' | 'en',
): Promise<HelpRequestResponse> {
  return api.post(`/api/buddy/requests?locale=${locale}`, body);
}

/** `GET /api/buddy/requests/mine`. */
export function getMyHelpRequests(signal?: AbortSignal): Promise<MyHelpRequestsResponse> {
  return api.get('/api/buddy/requests/mine', signal ? { signal } : {});
}

/** `GET /api/buddy/offers/mine`. */
export function getMyOffers(signal?: AbortSignal): Promise<MyOffersResponse> {
  return api.get('/api/buddy/offers/mine', signal ? { signal } : {});
}

/** `POST /api/buddy/offers/:requestId/accept` (409 `offer_taken` when someone was first). */
export function acceptOffer(requestId: string): Promise<OfferResponse> {
  return api.post(`/api/buddy/offers/${id(requestId)}/accept`, {});
}

/** `POST /api/buddy/offers/:requestId/pass`. */
export function passOffer(requestId: string): Promise<OfferResponse> {
  return api.post(`/api/buddy/offers/${id(requestId)}/pass`, {});
}

/** `POST /api/buddy/requests/:id/close` ("Did it help?" / cancel while searching). */
export function closeHelpRequest(
  requestId: string,
  helped?: boolean,
): Promise<HelpRequestResponse> {
  return api.post(
    `/api/buddy/requests/${id(requestId)}/close`,
    helped === undefined ? {} : { helped },
  );
}

/** `POST /api/buddy/requests/:id/widen` (after three rounds with no answer). */
export function widenHelpRequest(requestId: string): Promise<HelpRequestResponse> {
  return api.post(`/api/buddy/requests/${id(requestId)}/widen`, {});
}
