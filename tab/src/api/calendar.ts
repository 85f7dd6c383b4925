import type {
  BookingBody,
  PairCalendarResponse,
  RescheduleBody,
  SlotsResponse,
} from '../../../src/contracts/calendar';
import type { Locale } from '../../../src/contracts/common';
import { api } from './client';

const pairPath = (pairId: string) => `/api/pairs/${encodeURIComponent(pairId)}`;

/** `POST /api/pairs/:id/calendar/refresh`: the pair's sessions after reading what changed in the calendar. */
export function refreshCalendar(
  pairId: string,
  locale: Locale,
  signal?: AbortSignal,
): Promise<PairCalendarResponse> {
  return api.post(
    `${pairPath(pairId)}/calendar/refresh?locale=${locale}`,
    {},
    signal ? { signal } : {},
  );
}

/** `GET /api/pairs/:id/slots`: the pair's best recurring times. */
export function getSlots(
  pairId: string,
  locale: Locale,
  signal?: AbortSignal,
): Promise<SlotsResponse> {
  return api.get(`${pairPath(pairId)}/slots?locale=${locale}`, signal ? { signal } : {});
}

/** `POST /api/pairs/:id/booking`: books a series at one of the proposed times. */
export function bookSeries(
  pairId: string,
  locale: Locale,
  body: BookingBody,
): Promise<PairCalendarResponse> {
  return api.post(`${pairPath(pairId)}/booking?locale=${locale}`, body);
}

/** `POST /api/pairs/:id/sessions/:sessionId/reschedule`: moves one session of the series. */
export function rescheduleSession(
  pairId: string,
  sessionId: string,
  locale: Locale,
  body: RescheduleBody,
): Promise<PairCalendarResponse> {
  return api.post(
    `${pairPath(pairId)}/sessions/${encodeURIComponent(sessionId)}/reschedule?locale=${locale}`,
    body,
  );
}
