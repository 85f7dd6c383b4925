import { z } from 'zod';
import { buddySettingsEditSchema } from '../domain/buddy/buddy-settings';
import { helpMinutesSchema, helpStatusSchema, helpWhenSchema } from '../domain/buddy/help-request';
import { localizedTextSchema, text } from '../domain/common';
import { versionSchema } from './common';

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
 * | method | path                                | who                   | body               | response |
 * |--------|-------------------------------------|-----------------------|--------------------|----------|
 * | GET    | /buddy/me                           | signed in             | –                  | BuddyMeResponse |
 * | PUT    | /buddy/me                           | signed in             | BuddySettingsBody  | BuddyMeResponse |
 * | POST   | /buddy/requests                     | signed in             | HelpRequestBody    | HelpRequestResponse (201; 200 merged) |
 * | GET    | /buddy/requests/mine                | signed in             | –                  | MyHelpRequestsResponse |
 * | GET    | /buddy/offers/mine                  | signed in             | –                  | MyOffersResponse |
 * | POST   | /buddy/offers/:requestId/accept     | a buddy offered it    | –                  | OfferResponse (409 offer_taken) |
 * | POST   | /buddy/offers/:requestId/pass       | a buddy offered it    | –                  | OfferResponse |
 * | POST   | /buddy/requests/:id/close           | asker or buddy        | CloseBody          | HelpRequestResponse |
 * | POST   | /buddy/requests/:id/thanks          | asker or buddy        | ThanksBody         | HelpRequestResponse |
 * | POST   | /buddy/requests/:id/widen           | asker (unanswered)    | –                  | HelpRequestResponse |
 * | POST   | /buddy/requests/:id/book            | asker or buddy        | –                  | HelpRequestResponse |
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

/** The routes (src/contracts/route.ts): declared as the handlers move to declaredRoutes. */
export const buddyApi = {};
