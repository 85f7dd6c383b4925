import { z } from 'zod';
import {
  dateTime,
  flag,
  idOf,
  idSchema,
  integer,
  list,
  localeSchema,
  localizedTextSchema,
  tenantIdSchema,
  text,
} from '../common';
import { DomainError } from '../errors';
import { leaseSchema } from '../lease';
import type { TopicMatch } from './topics';

export const helpWhens = ['now', 'today', 'this_week'] as const;
export const helpWhenSchema = z.enum(helpWhens, {
  error: 'when must be "now", "today" or "this_week"',
});
export type HelpWhen = z.infer<typeof helpWhenSchema>;

export const helpMinutesSchema = z.union([z.literal(15), z.literal(30)], {
  error: 'minutes must be 15 or 30',
});

/** searching → offered → matched → closed, or unanswered (3 rounds, nobody) / cancelled (asker). */
export const helpStatuses = [
  'searching',
  'offered',
  'matched',
  'closed',
  'unanswered',
  'cancelled',
] as const;
export const helpStatusSchema = z.enum(helpStatuses);
export type HelpStatus = z.infer<typeof helpStatusSchema>;

export const offerAnswers = ['pending', 'accepted', 'passed', 'expired', 'taken'] as const;
export const offerSchema = z.object({
  buddyId: idOf('buddyId'),
  round: integer('round', 1, 100),
  offeredAt: dateTime('offeredAt'),
  answer: z.enum(offerAnswers),
});
export type Offer = z.infer<typeof offerSchema>;

/** Rounds of offers before the asker is told nobody answered. */
export const maxRounds = 3;
/** Offers at a time. */
export const offersPerRound = 3;

/** How long a round waits for an accept: 20 minutes for "now", 4 hours otherwise. */
export function roundMs(when: HelpWhen): number {
  return when === 'now' ? 20 * 60_000 : 4 * 3_600_000;
}

/** Open: the asker still waits for a buddy or is being helped. */
export const openStatuses: readonly HelpStatus[] = ['searching', 'offered', 'matched'];

export const helpRequestSchema = z.object({
  /** `yyyy-mm.<uuid>`: the month names the request's partition, so an id is enough to read it. */
  id: idSchema,
  tenantId: tenantIdSchema,
  /** `tenantId|yyyy-mm` (synthetic key: no logical partition grows without bound). */
  partitionKey: idOf('partitionKey'),
  askerId: idOf('askerId'),
  locale: localeSchema,
  topic: z.object({
    skillId: z.string().nullable(),
    /** As typed. */
    text: text('topic', { min: 1, max: 100 }),
    /** Normalised: the same topic twice is merged; unknown topics are counted as demand. */
    key: text('topic.key', { max: 100 }),
    label: localizedTextSchema.nullable(),
  }),
  question: text('question', { max: 500 }),
  when: helpWhenSchema,
  minutes: helpMinutesSchema,
  status: helpStatusSchema,
  round: integer('round', 0, 100),
  roundEndsAt: dateTime('roundEndsAt').nullable(),
  offers: list('offers', offerSchema),
  /** Every buddy offered it, for `ARRAY_CONTAINS` queries. */
  offeredTo: z.array(z.string()),
  /** Widened after 3 rounds: any language, later. */
  widened: flag('widened'),
  buddyId: z.string().nullable(),
  matchedAt: dateTime('matchedAt').nullable(),
  /** 15 minutes booked in both calendars. */
  slot: z.object({ start: dateTime('slot.start'), end: dateTime('slot.end') }).nullable(),
  /** When the close-the-loop cards are due: after the slot, or 24 hours after the match. */
  closeDueAt: dateTime('closeDueAt').nullable(),
  closedAt: dateTime('closedAt').nullable(),
  helped: z.boolean().nullable(),
  thanks: z.object({
    asker: text('thanks', { max: 500 }).optional(),
    buddy: text('thanks', { max: 500 }).optional(),
  }),
  /** The instance advancing its rounds (lease pattern, src/domain/lease.ts). */
  sweep: leaseSchema('sweep').optional(),
  createdAt: dateTime('createdAt'),
  updatedAt: dateTime('updatedAt'),
});
export type HelpRequest = z.infer<typeof helpRequestSchema>;

/** `yyyy-mm` of an instant (UTC). */
export function monthOf(at: Date | string): string {
  return (typeof at === 'string' ? at : at.toISOString()).slice(0, 7);
}

/** The partition of a tenant's requests made in `month`. */
export function requestPartition(tenantId: string, month: string): string {
  return `${tenantId}|${month}`;
}

/** The partition a request id lives in (its id starts with its month). */
export function partitionOfRequest(tenantId: string, requestId: string): string | undefined {
  const month = /^(\d{4}-\d{2})\./.exec(requestId)?.[1];
  return month ? requestPartition(tenantId, month) : undefined;
}

/** The months whose partitions may hold requests made since `since`, newest first. */
export function monthsSince(since: Date, now: Date): string[] {
  const months: string[] = [];
  let y = now.getUTCFullYear();
  let m = now.getUTCMonth();
  const stop = since.getUTCFullYear() * 12 + since.getUTCMonth();
  while (y * 12 + m >= stop) {
    months.push(`${y}-${String(m + 1).padStart(2, '0')}`);
    m -= 1;
    if (m < 0) {
      m = 11;
      y -= 1;
    }
  }
  return months;
}

export type NewHelpRequest = {
  id: string;
  tenantId: string;
  askerId: string;
  locale: HelpRequest['locale'];
  topic: TopicMatch;
  question: string;
  when: HelpWhen;
  minutes: 15 | 30;
};

/** A new request, searching. */
export function newHelpRequest(input: NewHelpRequest, now: Date): HelpRequest {
  const at = now.toISOString();
  const { topic } = input;
  return {
    id: input.id,
    tenantId: input.tenantId,
    partitionKey: requestPartition(input.tenantId, input.id.slice(0, 7)),
    askerId: input.askerId,
    locale: input.locale,
    topic:
      topic.kind === 'skill'
        ? { skillId: topic.skillId, text: topic.label.en, key: topic.skillId, label: topic.label }
        : {
            skillId: null,
            text: topic.text.slice(0, 100),
            key: topic.key.slice(0, 100),
            label: null,
          },
    question: input.question.trim(),
    when: input.when,
    minutes: input.minutes,
    status: 'searching',
    round: 0,
    roundEndsAt: null,
    offers: [],
    offeredTo: [],
    widened: false,
    buddyId: null,
    matchedAt: null,
    slot: null,
    closeDueAt: null,
    closedAt: null,
    helped: null,
    thanks: {},
    createdAt: at,
    updatedAt: at,
  };
}

const transition = (request: HelpRequest, to: string, why: string) =>
  new DomainError('invalid_transition', why, {
    entity: 'help_request',
    id: request.id,
    from: request.status,
    to,
  });

/** True while nobody has accepted and the asker has not given up. */
export function isSearching(request: HelpRequest): boolean {
  return request.status === 'searching' || request.status === 'offered';
}

/** The next round: offers to `buddyIds` (possibly none), waiting 20 minutes or 4 hours. */
export function startRound(
  request: HelpRequest,
  buddyIds: readonly string[],
  now: Date,
): HelpRequest {
  if (!isSearching(request))
    throw transition(request, 'offered', `Request ${request.id} is ${request.status}`);
  const round = request.round + 1;
  const at = now.toISOString();
  return {
    ...request,
    status: buddyIds.length > 0 || request.status === 'offered' ? 'offered' : 'searching',
    round,
    roundEndsAt: new Date(now.getTime() + roundMs(request.when)).toISOString(),
    offers: [
      ...request.offers,
      ...buddyIds.map((buddyId) => ({ buddyId, round, offeredAt: at, answer: 'pending' as const })),
    ],
    offeredTo: [...request.offeredTo, ...buddyIds],
    updatedAt: at,
  };
}

/** The round ran out with no accept. */
export function isRoundOver(request: HelpRequest, now: Date): boolean {
  return (
    isSearching(request) && request.roundEndsAt !== null && request.roundEndsAt <= now.toISOString()
  );
}

/** Every offer of the current round was passed: no need to wait for the round to run out. */
export function allPassed(request: HelpRequest): boolean {
  const current = request.offers.filter((o) => o.round === request.round);
  return current.length > 0 && current.every((o) => o.answer === 'passed');
}

/**
 * Ends the current round: its pending offers expire; after the third round the request is
 * unanswered (the asker is told), otherwise it is ready for the next round.
 */
export function endRound(request: HelpRequest, now: Date): HelpRequest {
  if (!isSearching(request)) return request;
  const offers = request.offers.map((o) =>
    o.round === request.round && o.answer === 'pending' ? { ...o, answer: 'expired' as const } : o,
  );
  const last = request.round >= (request.widened ? 2 * maxRounds : maxRounds);
  return {
    ...request,
    offers,
    status: last ? 'unanswered' : request.status,
    roundEndsAt: last ? null : request.roundEndsAt,
    updatedAt: now.toISOString(),
  };
}

/**
 * `buddyId` accepts. The first accept wins: the write is conditional on the ETag, so two accepts
 * at once cannot both land; the second re-reads and gets `offer_taken`. Accepting again is a no-op.
 */
export function acceptOffer(
  request: HelpRequest,
  buddyId: string,
  now: Date,
): { request: HelpRequest; changed: boolean } {
  if (request.status === 'matched' || request.status === 'closed') {
    if (request.buddyId === buddyId) return { request, changed: false };
    if (request.offeredTo.includes(buddyId)) {
      throw new DomainError('offer_taken', 'A colleague already took this request. Thank you!', {
        id: request.id,
      });
    }
  }
  if (!request.offeredTo.includes(buddyId)) {
    throw new DomainError('request_not_found', `No offer ${request.id} for this person`, {
      id: request.id,
    });
  }
  if (!isSearching(request)) {
    throw transition(
      request,
      'matched',
      `Request ${request.id} is ${request.status}: it no longer needs a buddy`,
    );
  }
  const at = now.toISOString();
  return {
    request: {
      ...request,
      status: 'matched',
      buddyId,
      matchedAt: at,
      roundEndsAt: null,
      closeDueAt: new Date(now.getTime() + 24 * 3_600_000).toISOString(),
      offers: request.offers.map((o) =>
        o.buddyId === buddyId
          ? { ...o, answer: 'accepted' as const }
          : o.answer === 'pending'
            ? { ...o, answer: 'taken' as const }
            : o,
      ),
      updatedAt: at,
    },
    changed: true,
  };
}

/** `buddyId` says "not now"; nobody else learns it. Passing again is a no-op. */
export function passOffer(
  request: HelpRequest,
  buddyId: string,
  now: Date,
): { request: HelpRequest; changed: boolean } {
  const offer = request.offers.find((o) => o.buddyId === buddyId);
  if (!offer) {
    throw new DomainError('request_not_found', `No offer ${request.id} for this person`, {
      id: request.id,
    });
  }
  if (offer.answer !== 'pending') return { request, changed: false };
  return {
    request: {
      ...request,
      offers: request.offers.map((o) => (o === offer ? { ...o, answer: 'passed' as const } : o)),
      updatedAt: now.toISOString(),
    },
    changed: true,
  };
}

/** 15 or 30 minutes booked: the close-the-loop cards come after the slot. */
export function bookSlot(request: HelpRequest, start: Date, now: Date): HelpRequest {
  if (request.status !== 'matched')
    throw transition(request, 'matched', `Request ${request.id} is ${request.status}`);
  const end = new Date(start.getTime() + request.minutes * 60_000).toISOString();
  return {
    ...request,
    slot: { start: start.toISOString(), end },
    closeDueAt: end,
    updatedAt: now.toISOString(),
  };
}

/**
 * Closes the loop. The asker closes a matched request ("did it help?") or cancels one still
 * searching; the buddy closes a matched one ("done?"). Repeating is a no-op.
 */
export function closeRequest(
  request: HelpRequest,
  by: 'asker' | 'buddy',
  now: Date,
  helped?: boolean,
): { request: HelpRequest; changed: boolean } {
  const at = now.toISOString();
  if (request.status === 'closed' || request.status === 'cancelled') {
    if (
      by === 'asker' &&
      helped !== undefined &&
      request.helped === null &&
      request.status === 'closed'
    ) {
      return { request: { ...request, helped, updatedAt: at }, changed: true };
    }
    return { request, changed: false };
  }
  if (request.status === 'matched') {
    return {
      request: {
        ...request,
        status: 'closed',
        closedAt: at,
        helped: by === 'asker' && helped !== undefined ? helped : request.helped,
        updatedAt: at,
      },
      changed: true,
    };
  }
  if (by === 'asker' && (isSearching(request) || request.status === 'unanswered')) {
    return {
      request: {
        ...request,
        status: 'cancelled',
        closedAt: at,
        roundEndsAt: null,
        offers: request.offers.map((o) =>
          o.answer === 'pending' ? { ...o, answer: 'expired' as const } : o,
        ),
        updatedAt: at,
      },
      changed: true,
    };
  }
  throw transition(request, 'closed', `Request ${request.id} is ${request.status}`);
}

/** An optional thank-you note, from either side of a matched or closed request. */
export function thank(
  request: HelpRequest,
  by: 'asker' | 'buddy',
  note: string,
  now: Date,
): HelpRequest {
  if (request.status !== 'matched' && request.status !== 'closed') {
    throw transition(request, request.status, `Request ${request.id} has no buddy to thank`);
  }
  return {
    ...request,
    thanks: { ...request.thanks, [by]: note.trim() },
    updatedAt: now.toISOString(),
  };
}

/** After 3 rounds the asker may widen: any language, later this week, three more rounds. */
export function widen(request: HelpRequest, now: Date): { request: HelpRequest; changed: boolean } {
  if (request.widened && isSearching(request)) return { request, changed: false };
  if (request.status !== 'unanswered') {
    throw transition(
      request,
      'searching',
      `Request ${request.id} is ${request.status}: only an unanswered request is widened`,
    );
  }
  return {
    request: {
      ...request,
      status: 'searching',
      widened: true,
      when: 'this_week',
      roundEndsAt: null,
      updatedAt: now.toISOString(),
    },
    changed: true,
  };
}

/** Whose side `personId` is on, or undefined. */
export function sideOf(request: HelpRequest, personId: string): 'asker' | 'buddy' | undefined {
  if (request.askerId === personId) return 'asker';
  if (request.buddyId === personId) return 'buddy';
  return undefined;
}
