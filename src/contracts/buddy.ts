import { z } from 'zod';
import { buddySettingsEditSchema } from '../domain/buddy/buddy-settings';
import { helpMinutesSchema, helpStatusSchema, helpWhenSchema } from '../domain/buddy/help-request';
import { localeSchema, localizedTextSchema, text } from '../domain/common';
import { versionSchema } from './common';
import { idParam, idParams, route } from './route';

/**
 * Quick help from a digital buddy (issue #17): any employee of the tenant may ask or help, no
 * programme needed. Same conventions as src/contracts/common.ts (zod and src/domain only; the tab
 * imports the types). Every route needs `Authorization: Bearer <token>`.
 *
 * - An asker never learns who was offered their request, a buddy never learns who passed.
 * - Asking: the topic is matched to the catalogue (accent- and case-insensitive, French or English
 *   names, synonyms such as "xls" → Excel); anything else is asked of buddies who help with
 *   "anything digital". The same topic asked again while open answers the open request (200,
 *   `merged: true`); 409 `too_many_open_requests` with 5 open; 429 `rate_limited` after 10 asks
 *   within an hour.
 * - Accepting: the first accept wins (ETag-conditional write); 409 `offer_taken` for the others.
 *   Accepting again is a no-op (200). 404 `request_not_found` for a request not offered to you.
 * - Status: searching → offered → matched → closed, or unanswered (3 rounds with no accept) /
 *   cancelled (closed by the asker before a match). Errors: 400 `validation_failed`, 401, 404
 *   `request_not_found`, 409 `invalid_transition`, `offer_taken`, `too_many_open_requests`,
 *   `version_conflict`, 429 `rate_limited`.
 *
 * The routes: `buddyApi` at the end of this file; each takes `?locale=fr|en`, the tab's language
 * for what the service writes (an unknown one is ignored).
 */

export const buddySettingsBodySchema = buddySettingsEditSchema.and(
  z.object({ version: versionSchema.optional() }),
);
export type BuddySettingsBody = z.infer<typeof buddySettingsBodySchema>;

const skillOption = z.object({ id: z.string(), label: localizedTextSchema });

export const buddyMeResponseSchema = z.object({
  settings: buddySettingsEditSchema,
  /** ETag of the stored settings; null until first saved (the form shows the prefilled ones). */
  version: z.string().nullable(),
  helpsThisWeek: z.number().int(),
  /** How many colleagues they helped, ever. */
  helpsTotal: z.number().int(),
  /** The skills one can help with or ask about (the tenant's digital catalogue). */
  catalogue: z.array(skillOption),
});
export type BuddyMeResponse = z.infer<typeof buddyMeResponseSchema>;

export const helpRequestBodySchema = z.object({
  topic: text('topic', { min: 1, max: 100 }),
  question: text('question', { max: 500 }).optional(),
  when: helpWhenSchema,
  minutes: helpMinutesSchema,
});
export type HelpRequestBody = z.infer<typeof helpRequestBodySchema>;

const topicView = z.object({
  text: z.string(),
  skillId: z.string().nullable(),
  label: localizedTextSchema.nullable(),
});

const personView = z.object({ id: z.string(), name: z.string(), email: z.string() });

/** A request as its asker sees it (never who was offered it). */
export const helpRequestViewSchema = z.object({
  id: z.string(),
  status: helpStatusSchema,
  topic: topicView,
  question: z.string(),
  when: helpWhenSchema,
  minutes: helpMinutesSchema,
  createdAt: z.string(),
  /** Once matched. */
  buddy: personView.nullable(),
  matchedAt: z.string().nullable(),
  slot: z.object({ start: z.string(), end: z.string() }).nullable(),
  closedAt: z.string().nullable(),
  helped: z.boolean().nullable(),
  widened: z.boolean(),
  /** The thank-you note received from the other side, if any. */
  thanksReceived: z.string().nullable(),
});
export type HelpRequestView = z.infer<typeof helpRequestViewSchema>;

export const helpRequestResponseSchema = z.object({
  request: helpRequestViewSchema,
  /** True when the same topic was already open: that request is answered instead. */
  merged: z.boolean(),
});
export type HelpRequestResponse = z.infer<typeof helpRequestResponseSchema>;

export const myHelpRequestsResponseSchema = z.object({ requests: z.array(helpRequestViewSchema) });
export type MyHelpRequestsResponse = z.infer<typeof myHelpRequestsResponseSchema>;

export const offerStates = [
  'open',
  'accepted',
  'taken',
  'passed',
  'expired',
  'closed',
  'cancelled',
] as const;

/** An offer as the buddy sees it (never who else was offered it or passed). */
export const offerViewSchema = z.object({
  requestId: z.string(),
  state: z.enum(offerStates),
  asker: personView,
  topic: topicView,
  question: z.string(),
  when: helpWhenSchema,
  minutes: helpMinutesSchema,
  offeredAt: z.string(),
  slot: z.object({ start: z.string(), end: z.string() }).nullable(),
  thanksReceived: z.string().nullable(),
});
export type OfferView = z.infer<typeof offerViewSchema>;

export const myOffersResponseSchema = z.object({ offers: z.array(offerViewSchema) });
export type MyOffersResponse = z.infer<typeof myOffersResponseSchema>;

export const offerResponseSchema = z.object({ offer: offerViewSchema });
export type OfferResponse = z.infer<typeof offerResponseSchema>;

export const closeBodySchema = z.object({ helped: z.boolean().optional() });
export type CloseBody = z.infer<typeof closeBodySchema>;

export const thanksBodySchema = z.object({ note: text('note', { min: 1, max: 500 }) });
export type ThanksBody = z.infer<typeof thanksBodySchema>;

/** `?locale=fr|en` on every route: the tab's language; anything else is ignored, as before. */
export const buddyQuerySchema = z.object({ locale: localeSchema.optional().catch(undefined) });
export type BuddyQuery = z.infer<typeof buddyQuerySchema>;

const requestParams = z.object({ requestId: idParam('requestId') });
const notOffered = '`request_not_found`: unknown, or not offered to the caller';
const notTheirs = '`request_not_found`: unknown, or the caller neither asked nor took it';

/** The routes (src/contracts/route.ts). */
export const buddyApi = {
  me: route({
    method: 'get',
    path: '/buddy/me',
    summary:
      "The caller's buddy settings (prefilled until saved), their help counts and the catalogue",
    access: 'signed_in',
    query: buddyQuerySchema,
    responses: { 200: buddyMeResponseSchema },
  }),
  saveMe: route({
    method: 'put',
    path: '/buddy/me',
    summary: "Save the caller's buddy settings",
    access: 'signed_in',
    query: buddyQuerySchema,
    body: buddySettingsBodySchema,
    responses: { 200: buddyMeResponseSchema },
    errors: { 409: '`version_conflict`: a stale version, or none once the settings are saved' },
  }),
  ask: route({
    method: 'post',
    path: '/buddy/requests',
    summary: 'Ask for quick help on a topic; the same topic still open answers that request',
    access: 'signed_in',
    query: buddyQuerySchema,
    body: helpRequestBodySchema,
    responses: { 201: helpRequestResponseSchema, 200: helpRequestResponseSchema },
    errors: { 409: '`too_many_open_requests`: 5 requests are open' },
  }),
  myRequests: route({
    method: 'get',
    path: '/buddy/requests/mine',
    summary: 'The requests the caller asked',
    access: 'signed_in',
    query: buddyQuerySchema,
    responses: { 200: myHelpRequestsResponseSchema },
  }),
  myOffers: route({
    method: 'get',
    path: '/buddy/offers/mine',
    summary: 'The requests offered to the caller as a buddy',
    access: 'signed_in',
    query: buddyQuerySchema,
    responses: { 200: myOffersResponseSchema },
  }),
  accept: route({
    method: 'post',
    path: '/buddy/offers/:requestId/accept',
    summary: 'Take a request offered to the caller (the first accept wins; again: no change)',
    access: 'help_offered',
    params: requestParams,
    query: buddyQuerySchema,
    responses: { 200: offerResponseSchema },
    errors: {
      404: notOffered,
      409: '`offer_taken`: a colleague took it first; `invalid_transition`: it no longer needs a buddy',
    },
  }),
  pass: route({
    method: 'post',
    path: '/buddy/offers/:requestId/pass',
    summary:
      '"Not now": nobody learns it; when every offer of the round is passed, the next starts',
    access: 'help_offered',
    params: requestParams,
    query: buddyQuerySchema,
    responses: { 200: offerResponseSchema },
    errors: { 404: notOffered },
  }),
  close: route({
    method: 'post',
    path: '/buddy/requests/:id/close',
    summary: 'Close the loop ("Did it help?"), or cancel a request still searching (the asker)',
    access: 'help_party',
    params: idParams,
    query: buddyQuerySchema,
    body: closeBodySchema,
    bodyOptional: true,
    responses: { 200: helpRequestResponseSchema },
    errors: {
      404: notTheirs,
      409: '`invalid_transition`: the buddy closes a request that is not matched',
    },
  }),
  thanks: route({
    method: 'post',
    path: '/buddy/requests/:id/thanks',
    summary: 'Send the other side a thank-you note',
    access: 'help_party',
    params: idParams,
    query: buddyQuerySchema,
    body: thanksBodySchema,
    responses: { 200: helpRequestResponseSchema },
    errors: { 404: notTheirs, 409: '`invalid_transition`: the request has no buddy yet' },
  }),
  widen: route({
    method: 'post',
    path: '/buddy/requests/:id/widen',
    summary: 'After three unanswered rounds: any language, later this week, three more rounds',
    access: 'help_asker',
    params: idParams,
    query: buddyQuerySchema,
    responses: { 200: helpRequestResponseSchema },
    errors: {
      404: '`request_not_found`: unknown, or not asked by the caller',
      409: '`invalid_transition`: the request is not unanswered',
    },
  }),
  book: route({
    method: 'post',
    path: '/buddy/requests/:id/book',
    summary: "Book the request's minutes in both calendars, at the first time both are free",
    access: 'help_party',
    params: idParams,
    query: buddyQuerySchema,
    responses: { 200: helpRequestResponseSchema },
    errors: {
      404: notTheirs,
      409: '`invalid_transition`: the request has no buddy yet',
      503: '`calendar_unavailable`: no common free time in the next three days, or the calendar is down',
    },
  }),
};
