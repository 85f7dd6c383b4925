import { randomUUID } from 'node:crypto';
import type {
  BuddyMeResponse,
  BuddySettingsBody,
  HelpRequestBody,
  HelpRequestResponse,
  HelpRequestView,
  OfferView,
} from '../../contracts/buddy';
import { countHelp } from '../../domain/buddy/buddy-settings';
import { firstCommonFreeStart } from '../../domain/buddy/free-slot';
import {
  acceptOffer,
  allPassed,
  bookSlot,
  closeRequest,
  monthOf,
  monthsSince,
  newHelpRequest,
  openStatuses,
  passOffer,
  sideOf,
  thank,
  widen,
  type HelpRequest,
} from '../../domain/buddy/help-request';
import { matchTopic } from '../../domain/buddy/topics';
import { DomainError, isDomainError } from '../../domain/errors';
import { takeLease } from '../../domain/lease';
import type { Person } from '../../domain/person';
import { toLocal } from '../../domain/calendar/local-time';
import type { Versioned } from '../../store/cosmos-repository';
import {
  calendarPerson,
  catalogueOf,
  defaultBuddyLimits,
  type BuddyServiceDeps,
} from './buddy-context';
import { buddyFiguresOf, purgeOldRequests } from './buddy-figures';
import { BuddySettingsService, type BuddyCaller } from './buddy-settings-service';
import {
  advanceLeased,
  advanceRounds,
  askerOf,
  offerNextRound,
  queueBuddyCard,
  roundLeaseMs,
} from './buddy-rounds';

export type { BuddyCaller } from './buddy-settings-service';

/** Days a request stays readable in "mine" lists (open ones last hours; closed ones a while). */
const listDays = 62;

/** What a person should see on a quick-help card now (bot/cards). */
export type BuddyCardView =
  | { kind: 'offer'; offer: OfferView; timeZone: string }
  | { kind: 'taken' | 'no_longer_needed'; topic: HelpRequestView['topic'] }
  | {
      kind: 'connect' | 'close';
      role: 'asker' | 'buddy';
      request: HelpRequestView;
      other: { id: string; name: string; email: string };
      timeZone: string;
    }
  | { kind: 'unanswered'; request: HelpRequestView };

/**
 * Quick help from a digital buddy (issue #17): settings, asking, offers (first accept wins),
 * connecting, closing the loop. The tab's routes and the bot call the same methods.
 */
export class BuddyService {
  private readonly limits;
  private readonly settings: BuddySettingsService;

  constructor(private readonly deps: BuddyServiceDeps) {
    this.limits = deps.limits ?? defaultBuddyLimits;
    this.settings = new BuddySettingsService(deps);
  }

  // -------------------------------------------------------------------------------------------
  // Settings (./buddy-settings-service.ts)

  /** The caller's settings, or the prefilled ones (programme profile) when never saved. */
  me(caller: BuddyCaller): Promise<BuddyMeResponse> {
    return this.settings.me(caller);
  }

  /** Saves the caller's settings (`version`: the ETag they edited; required once saved). */
  saveMe(caller: BuddyCaller, body: BuddySettingsBody): Promise<BuddyMeResponse> {
    return this.settings.saveMe(caller, body);
  }

  /** "buddy on" / "buddy off" from chat: the same settings, switched. */
  setActive(caller: BuddyCaller, active: boolean): Promise<BuddyMeResponse> {
    return this.settings.setActive(caller, active);
  }

  // -------------------------------------------------------------------------------------------
  // Asking

  /**
   * Asks for quick help: the topic matched to the catalogue, at most 5 open requests, the same
   * topic merged, 10 asks an hour; the first round of up to three offers is queued before it
   * answers.
   */
  async ask(caller: BuddyCaller, body: HelpRequestBody): Promise<HelpRequestResponse> {
    const now = this.deps.clock.now();
    const { tenantId, personId } = caller;
    const topic = matchTopic(body.topic, await catalogueOf(this.deps, tenantId));
    if (topic.kind === 'unknown' && topic.key === '') {
      throw new DomainError('validation_failed', 'topic must name a tool or a subject', {
        issues: [{ path: 'topic', message: 'topic must name a tool or a subject' }],
      });
    }
    // One read for both limits: the asker's open requests and those asked within the window.
    const since = new Date(now.getTime() - this.limits.rateWindowMs);
    const mine = await this.deps.requests.inMonths(
      tenantId,
      monthsSince(new Date(now.getTime() - listDays * 86_400_000), now),
      'c.askerId = @askerId AND (ARRAY_CONTAINS(@open, c.status) OR c.createdAt >= @since)',
      [
        { name: '@askerId', value: personId },
        { name: '@open', value: [...openStatuses] },
        { name: '@since', value: since.toISOString() },
      ],
    );
    const open = mine.filter((r) => openStatuses.includes(r.value.status));
    const recent = mine.filter((r) => r.value.createdAt >= since.toISOString());
    const key = topic.kind === 'skill' ? topic.skillId : topic.key;
    const same = open.find((r) => r.value.topic.key === key);
    if (same) return { request: await this.askerView(same.value), merged: true };
    if (open.length >= this.limits.maxOpen) {
      throw new DomainError(
        'too_many_open_requests',
        `You already have ${open.length} open requests; close one before asking another`,
        { open: open.length, max: this.limits.maxOpen },
      );
    }
    if (recent.length >= this.limits.maxPerWindow) {
      throw new DomainError('rate_limited', 'Too many requests in a short time; try again later', {
        max: this.limits.maxPerWindow,
        windowMinutes: Math.round(this.limits.rateWindowMs / 60_000),
      });
    }
    const locale =
      caller.locale ??
      (await this.deps.people.find(tenantId, personId))?.value.preferredLocale ??
      'en';
    const id = this.deps.newId?.() ?? `${monthOf(now)}.${randomUUID()}`;
    const request = newHelpRequest(
      {
        id,
        tenantId,
        askerId: personId,
        locale,
        topic,
        question: body.question ?? '',
        when: body.when,
        minutes: body.minutes,
      },
      now,
    );
    // Created leased, so the round sweep leaves it to this instance while it finds buddies.
    const created = await this.deps.requests.create({
      ...request,
      sweep: takeLease(this.deps.instanceId, now, roundLeaseMs),
    });
    const asker = await askerOf(this.deps, tenantId, personId, locale);
    const offered = await offerNextRound(this.deps, created, asker);
    return { request: await this.askerView(offered.value), merged: false };
  }

  /** The caller's requests, newest first. */
  async myRequests(caller: BuddyCaller): Promise<HelpRequestView[]> {
    const now = this.deps.clock.now();
    const found = await this.deps.requests.inMonths(
      caller.tenantId,
      monthsSince(new Date(now.getTime() - listDays * 86_400_000), now),
      'c.askerId = @askerId',
      [{ name: '@askerId', value: caller.personId }],
    );
    return Promise.all(found.map((r) => this.askerView(r.value)));
  }

  /** The requests offered to the caller, newest first. */
  async myOffers(caller: BuddyCaller): Promise<OfferView[]> {
    const now = this.deps.clock.now();
    const found = await this.deps.requests.inMonths(
      caller.tenantId,
      monthsSince(new Date(now.getTime() - listDays * 86_400_000), now),
      'ARRAY_CONTAINS(c.offeredTo, @buddyId)',
      [{ name: '@buddyId', value: caller.personId }],
    );
    return Promise.all(found.map((r) => this.offerView(r.value, caller.personId)));
  }

  // -------------------------------------------------------------------------------------------
  // Offers

  /** Accepts an offer: the first accept wins; the others get `offer_taken`. */
  async accept(caller: BuddyCaller, requestId: string): Promise<OfferView> {
    const now = this.deps.clock.now();
    let changed = false;
    const stored = await this.deps.requests.update(caller.tenantId, requestId, (current) => {
      const result = acceptOffer(current, caller.personId, now);
      changed = result.changed;
      return result.request;
    });
    const request = stored.value;
    if (changed) {
      await this.countHelp(caller, now);
      await queueBuddyCard(this.deps, 'buddy_matched', request, request.askerId);
      await queueBuddyCard(this.deps, 'buddy_matched', request, caller.personId);
      await this.queueClose(request);
    }
    return this.offerView(request, caller.personId);
  }

  private async countHelp(caller: BuddyCaller, now: Date) {
    try {
      await this.deps.buddies.update(caller.tenantId, caller.personId, (s) => countHelp(s, now));
    } catch (error) {
      // Someone offered before saving settings (seeded by an admin, or settings removed): no counter.
      if (!isDomainError(error, 'not_found')) throw error;
    }
  }

  private async queueClose(request: HelpRequest) {
    if (!request.closeDueAt || !request.buddyId) return;
    await queueBuddyCard(this.deps, 'buddy_close', request, request.askerId, request.closeDueAt);
    await queueBuddyCard(this.deps, 'buddy_close', request, request.buddyId, request.closeDueAt);
  }

  /** "Not now": nobody learns it; when every offer of the round is passed, the next round starts. */
  async pass(caller: BuddyCaller, requestId: string): Promise<OfferView> {
    const now = this.deps.clock.now();
    let stored = await this.deps.requests.update(
      caller.tenantId,
      requestId,
      (current) => passOffer(current, caller.personId, now).request,
    );
    if (allPassed(stored.value) && stored.value.status === 'offered') {
      try {
        // Ends the round now and offers the next three at once.
        stored = await this.deps.requests.replace(
          { ...stored.value, roundEndsAt: now.toISOString() },
          stored.etag,
        );
        await advanceLeased(this.deps, stored);
      } catch (error) {
        if (!isDomainError(error, 'version_conflict')) throw error;
      }
    }
    return this.offerView(
      (await this.deps.requests.get(caller.tenantId, requestId)).value,
      caller.personId,
    );
  }

  // -------------------------------------------------------------------------------------------
  // Connecting and closing the loop

  private async mine(caller: BuddyCaller, requestId: string): Promise<Versioned<HelpRequest>> {
    const stored = await this.deps.requests.get(caller.tenantId, requestId);
    if (!sideOf(stored.value, caller.personId)) {
      throw new DomainError('request_not_found', `Help request ${requestId} was not found`, {
        id: requestId,
      });
    }
    return stored;
  }

  /** Closes the loop ("Did it help?" / "Done?"), or cancels a request still searching (asker). */
  async close(
    caller: BuddyCaller,
    requestId: string,
    helped?: boolean,
  ): Promise<HelpRequestResponse> {
    const side = sideOf((await this.mine(caller, requestId)).value, caller.personId)!;
    const now = this.deps.clock.now();
    const stored = await this.deps.requests.update(
      caller.tenantId,
      requestId,
      (current) => closeRequest(current, side, now, helped).request,
    );
    return { request: await this.askerView(stored.value, caller.personId), merged: false };
  }

  /** An optional thank-you note to the other side. */
  async thanks(caller: BuddyCaller, requestId: string, note: string): Promise<HelpRequestResponse> {
    const side = sideOf((await this.mine(caller, requestId)).value, caller.personId)!;
    const now = this.deps.clock.now();
    const stored = await this.deps.requests.update(caller.tenantId, requestId, (current) =>
      thank(current, side, note, now),
    );
    return { request: await this.askerView(stored.value, caller.personId), merged: false };
  }

  /** After three rounds: any language, later this week, three more rounds (starting now). */
  async widen(caller: BuddyCaller, requestId: string): Promise<HelpRequestResponse> {
    const stored = await this.mine(caller, requestId);
    if (stored.value.askerId !== caller.personId) {
      throw new DomainError('request_not_found', `Help request ${requestId} was not found`, {
        id: requestId,
      });
    }
    const { request, changed } = widen(stored.value, this.deps.clock.now());
    if (!changed) return { request: await this.askerView(request), merged: false };
    const offered = await offerNextRound(this.deps, { value: request, etag: stored.etag });
    return { request: await this.askerView(offered.value), merged: false };
  }

  /**
   * Books the request's 15 or 30 minutes in both calendars (the buddy organises), at the first
   * time both are free within three days; the close-the-loop cards then come after the slot.
   */
  async book(caller: BuddyCaller, requestId: string): Promise<HelpRequestResponse> {
    const stored = await this.mine(caller, requestId);
    const request = stored.value;
    if (request.slot)
      return { request: await this.askerView(request, caller.personId), merged: false };
    if (request.status !== 'matched' || !request.buddyId) {
      throw new DomainError('invalid_transition', `Request ${requestId} has no buddy yet`, {
        id: requestId,
      });
    }
    const { tenantId } = request;
    const [asker, buddy, buddySettings] = await Promise.all([
      this.deps.people.get(tenantId, request.askerId),
      this.deps.people.get(tenantId, request.buddyId),
      this.deps.buddies.find(tenantId, request.buddyId),
    ]);
    const organiser = calendarPerson(buddy.value, buddySettings?.value);
    const attendee = calendarPerson(asker.value);
    const now = this.deps.clock.now();
    const horizon = 3 * 86_400_000;
    const calendar = this.deps.calendars.calendarFor(tenantId);
    const schedules = await calendar.getSchedules(organiser, [organiser, attendee], {
      start: now.toISOString(),
      end: new Date(now.getTime() + horizon).toISOString(),
    });
    const start = firstCommonFreeStart(
      schedules.map((s) => s.busy),
      now.getTime() + 5 * 60_000,
      request.minutes,
      horizon,
    );
    if (start === undefined) {
      throw new DomainError('calendar_unavailable', 'No common free time in the next three days', {
        reason: 'no_common_time',
      });
    }
    const local = toLocal(start, organiser.timeZone);
    await calendar.bookSeries({
      pairId: `buddy-${request.id}`,
      organiser,
      attendees: [attendee],
      rule: {
        frequency: 'weekly',
        timeZone: organiser.timeZone,
        firstDate: local.date,
        localStart: `${String(Math.floor(local.minutes / 60)).padStart(2, '0')}:${String(local.minutes % 60).padStart(2, '0')}`,
        durationMinutes: request.minutes,
        count: 1,
      },
      locale: request.locale,
      topic: request.topic.label?.[request.locale] ?? request.topic.text,
      tabUrl: `${this.deps.publicUrl ?? ''}/quick-help`,
    });
    const booked = await this.deps.requests.update(tenantId, requestId, (current) =>
      current.slot ? current : bookSlot(current, new Date(start), now),
    );
    await this.queueClose(booked.value);
    return { request: await this.askerView(booked.value, caller.personId), merged: false };
  }

  // -------------------------------------------------------------------------------------------
  // Background and figures

  /** One pass of the round sweep (src/app/background.ts). */
  advanceRounds(limit?: number) {
    return advanceRounds(this.deps, limit);
  }

  /** Requests older than 90 days become anonymous weekly counts (src/app/background.ts). */
  purge(retentionDays = 90) {
    return purgeOldRequests(this.deps, retentionDays);
  }

  /**
   * For the programme health: helps per week, median minutes from asking to a buddy, the topics
   * most asked (demand for the next catalogue), over the last `weeks` weeks. No person named.
   */
  quickHelpFigures(tenantId: string, weeks = 12) {
    return buddyFiguresOf(this.deps, tenantId, weeks);
  }

  // -------------------------------------------------------------------------------------------
  // Views

  /** What `personId` should see on a quick-help card for `requestId` now (the bot's cards). */
  async cardView(
    tenantId: string,
    requestId: string,
    personId: string,
    kind: 'offer' | 'matched' | 'close' | 'unanswered',
    /** For a queued close card: the close time it was queued for (a booking moves it). */
    dueAt?: string,
  ): Promise<BuddyCardView> {
    const request = (await this.deps.requests.get(tenantId, requestId)).value;
    if (kind === 'close' && dueAt !== undefined && request.closeDueAt !== dueAt) {
      return { kind: 'no_longer_needed', topic: request.topic };
    }
    const side = sideOf(request, personId);
    const view = await this.askerView(request, personId);
    if (kind === 'unanswered') {
      return request.status === 'unanswered' && side === 'asker'
        ? { kind: 'unanswered', request: view }
        : { kind: 'no_longer_needed', topic: view.topic };
    }
    if (side && request.buddyId && (request.status === 'matched' || request.status === 'closed')) {
      const otherId = side === 'asker' ? request.buddyId : request.askerId;
      const [other, me] = await Promise.all([
        this.deps.people.find(tenantId, otherId),
        this.deps.people.find(tenantId, personId),
      ]);
      return {
        kind: kind === 'close' ? 'close' : 'connect',
        role: side,
        request: view,
        other: personRef(otherId, other?.value),
        timeZone: me?.value.timeZone ?? 'UTC',
      };
    }
    if (request.offeredTo.includes(personId)) {
      const offer = await this.offerView(request, personId);
      if (offer.state === 'taken') return { kind: 'taken', topic: offer.topic };
      if (offer.state === 'open' || offer.state === 'passed') {
        const me = await this.deps.people.find(tenantId, personId);
        return { kind: 'offer', offer, timeZone: me?.value.timeZone ?? 'UTC' };
      }
      return { kind: 'no_longer_needed', topic: offer.topic };
    }
    throw new DomainError('request_not_found', `Help request ${requestId} was not found`, {
      id: requestId,
    });
  }

  /** A request as its asker sees it (or its buddy: `viewerId` picks the thanks received). */
  private async askerView(
    request: HelpRequest,
    viewerId = request.askerId,
  ): Promise<HelpRequestView> {
    const buddy = request.buddyId
      ? await this.deps.people.find(request.tenantId, request.buddyId)
      : undefined;
    const side = sideOf(request, viewerId);
    const received =
      side === 'asker' ? request.thanks.buddy : side === 'buddy' ? request.thanks.asker : undefined;
    return {
      id: request.id,
      status: request.status,
      topic: {
        text: request.topic.text,
        skillId: request.topic.skillId,
        label: request.topic.label,
      },
      question: request.question,
      when: request.when,
      minutes: request.minutes,
      createdAt: request.createdAt,
      buddy: request.buddyId ? personRef(request.buddyId, buddy?.value) : null,
      matchedAt: request.matchedAt,
      slot: request.slot,
      closedAt: request.closedAt,
      helped: request.helped,
      widened: request.widened,
      thanksReceived: received ?? null,
    };
  }

  private async offerView(request: HelpRequest, buddyId: string): Promise<OfferView> {
    const offer = request.offers.find((o) => o.buddyId === buddyId);
    if (!offer) {
      throw new DomainError('request_not_found', `Help request ${request.id} was not found`, {
        id: request.id,
      });
    }
    const asker = await this.deps.people.find(request.tenantId, request.askerId);
    const mine = request.buddyId === buddyId;
    const state: OfferView['state'] = mine
      ? request.status === 'closed'
        ? 'closed'
        : 'accepted'
      : request.status === 'cancelled'
        ? 'cancelled'
        : request.buddyId !== null
          ? 'taken'
          : offer.answer === 'passed'
            ? 'passed'
            : request.status === 'searching' || request.status === 'offered'
              ? 'open'
              : 'expired';
    return {
      requestId: request.id,
      state,
      asker: personRef(request.askerId, asker?.value),
      topic: {
        text: request.topic.text,
        skillId: request.topic.skillId,
        label: request.topic.label,
      },
      question: request.question,
      when: request.when,
      minutes: request.minutes,
      offeredAt: offer.offeredAt,
      slot: mine ? request.slot : null,
      thanksReceived: mine ? (request.thanks.asker ?? null) : null,
    };
  }
}

function personRef(id: string, person: Person | undefined) {
  return { id, name: person?.displayName ?? '', email: person?.email ?? '' };
}
