import type { PairCalendarResponse, Slot } from '../../contracts/calendar';
import { occurrenceKeyOf } from '../../domain/calendar/occurrences';
import { expandRecurrence } from '../../domain/calendar/recurrence';
import type { Locale } from '../../domain/common';
import { DomainError, isDomainError } from '../../domain/errors';
import type { Pair } from '../../domain/pair/schema';
import type { Principal } from '../auth/principal';
import { bookingIntentId, sameRule } from '../../domain/calendar/booking-intent';
import type { SlotService } from './slot-service';
import { applyBooking, reusesCancelledSeries, sessionsToBook } from './calendar-sessions';
import {
  maxAttempts,
  PairCalendarContext,
  type PairCalendarServiceDeps,
  type Participants,
} from './pair-calendar-context';
import { PairCalendarView } from './pair-calendar-view';

/** Booking: one proposed slot becomes the pair's recurring Teams meeting and its sessions. */
export class SeriesBooking {
  private readonly context: PairCalendarContext;
  private readonly view: PairCalendarView;

  constructor(private readonly deps: PairCalendarServiceDeps) {
    this.context = new PairCalendarContext(deps);
    this.view = new PairCalendarView(deps);
  }

  /**
   * Books `slot` as one recurring Teams meeting in the mentor's calendar with the mentee invited,
   * and links its occurrences to the pair's sessions. Idempotent: the slot already booked answers
   * the series as it is (`created: false`) without a calendar call. A booking cut short between
   * the calendar and the pair (the process died) is completed first: booking the same slot again
   * finishes it; another slot is refused, the one chosen before stands.
   */
  async book(
    principal: Principal,
    pairId: string,
    slot: Slot,
    locale?: Locale,
  ): Promise<{ response: PairCalendarResponse; created: boolean }> {
    const loaded = await this.context.memberPair(principal, pairId);
    const pair = loaded.value;
    const keys = occurrenceKeys(slot);
    if (pair.calendar.seriesId !== undefined) {
      if (hasOccurrences(pair, keys)) {
        return { response: await this.view.render(principal, loaded, locale, []), created: false };
      }
      throw alreadyBooked(pair);
    }
    this.context.assertBookable(pair);
    const people = await this.context.participants(pair);
    // Its series may be in both calendars with the invitations sent, and it holds their time, so
    // the slots proposed since differ: completing it is what keeps the pair to one series.
    const underWay = await this.deps.bookings.find(pair.tenantId, bookingIntentId(pair.id));
    if (underWay && !sameRule(underWay.value.rule, slot)) {
      // Kept if the calendar cannot be reached now: the series cut short may well be there.
      const done = await this.bookAndLink(principal, pair, underWay.value.rule, people, locale, {
        etag: underWay.etag,
        keepOnFailure: true,
      });
      throw new DomainError(
        'already_exists',
        'The booking started before was completed: its sessions are in both calendars. Move a single session to change it',
        { pairId: pair.id, seriesId: done.response.series?.seriesId, completed: true },
      );
    }
    if (reusesCancelledSeries(pair, slot.firstDate, slot.timeZone)) {
      throw new DomainError(
        'validation_failed',
        'This first session belongs to the series cancelled when the pair paused: choose another proposal',
        { issues: [{ path: 'slot.firstDate', message: 'this first date was cancelled before' }] },
      );
    }
    this.assertSlotFits(pair, slot, people);
    // Written before the calendar call, deleted once the pair holds the series: what a crash in
    // between leaves says which series is the pair's.
    const intent = await this.deps.bookings.upsert({
      id: bookingIntentId(pair.id),
      tenantId: pair.tenantId,
      kind: 'booking',
      pairId: pair.id,
      rule: slot,
      by: principal.personId,
      at: this.deps.clock.now().toISOString(),
    });
    return this.bookAndLink(principal, pair, slot, people, locale, intent);
  }

  /** Makes the series (or finds it, made before), links it to the pair, ends the booking under way. */
  private async bookAndLink(
    principal: Principal,
    pair: Pair,
    rule: Slot,
    people: Participants,
    locale: Locale | undefined,
    intent: { etag: string; keepOnFailure?: boolean },
  ): Promise<{ response: PairCalendarResponse; created: boolean }> {
    let booked: Awaited<ReturnType<SlotService['book']>>;
    try {
      booked = await this.context.slotService(pair.tenantId).book({
        pairId: pair.id,
        organiser: people.mentor.calendar,
        partner: people.mentee.calendar,
        rule,
        locale: people.mentor.person.preferredLocale,
        topic:
          pair.agreement.subject.trim() ||
          (people.mentor.person.preferredLocale === 'fr'
            ? 'Mentorat inversé'
            : 'Reverse mentoring'),
        tabUrl: this.tabUrl(pair.id),
      });
    } catch (error) {
      // Refused or failed: nothing known to be in the calendars, so no booking under way.
      if (!intent.keepOnFailure) await this.endBooking(pair, intent);
      throw error;
    }
    const keys = occurrenceKeys(rule);
    const provider = this.deps.calendars.kind;
    for (let attempt = 1; ; attempt++) {
      const current = await this.deps.pairs.get(pair.tenantId, pair.id);
      const latest = current.value;
      if (latest.calendar.seriesId !== undefined && latest.calendar.seriesId !== booked.seriesId) {
        if (hasOccurrences(latest, keys)) {
          await this.endBooking(pair, intent);
          return {
            response: await this.view.render(principal, current, locale, []),
            created: false,
          };
        }
        // The partner booked another slot at the same moment: theirs stands, ours goes.
        await this.context
          .calendarOf(latest)
          .cancelRemaining(
            { organiser: people.mentor.calendar, seriesId: booked.seriesId },
            new Date(0).toISOString(),
          );
        await this.endBooking(pair, intent);
        throw alreadyBooked(latest);
      }
      const applied = applyBooking(latest, booked, provider, this.context.now());
      if (!applied.changed) {
        await this.endBooking(pair, intent);
        return { response: await this.view.render(principal, current, locale, []), created: false };
      }
      try {
        const saved = await this.deps.pairs.replace(applied.pair, current.etag);
        await this.endBooking(pair, intent);
        return { response: await this.view.render(principal, saved, locale, []), created: true };
      } catch (error) {
        if (!isDomainError(error, 'version_conflict') || attempt >= maxAttempts) throw error;
      }
    }
  }

  /** The pair holds its series (or none was made): the booking is no longer under way. */
  private async endBooking(pair: Pair, intent: { etag: string }): Promise<void> {
    try {
      await this.deps.bookings.delete(pair.tenantId, bookingIntentId(pair.id), intent.etag);
    } catch (error) {
      // The partner started another booking meanwhile (theirs to end), or it is gone already.
      if (!isDomainError(error, 'version_conflict') && !isDomainError(error, 'not_found'))
        throw error;
    }
  }

  /** The slot must still match the agreement (the frame may have changed since it was proposed). */
  private assertSlotFits(pair: Pair, slot: Slot, people: Participants): void {
    const frame = pair.agreement.frame;
    const issues: { path: string; message: string }[] = [];
    if (slot.frequency !== frame.frequency) {
      issues.push({ path: 'slot.frequency', message: `the agreement says ${frame.frequency}` });
    }
    if (slot.durationMinutes !== frame.durationMinutes) {
      issues.push({
        path: 'slot.durationMinutes',
        message: `the agreement says ${frame.durationMinutes} minutes`,
      });
    }
    const count = sessionsToBook(pair);
    if (slot.count !== count) {
      issues.push({ path: 'slot.count', message: `${count} sessions are left to book` });
    }
    if (slot.timeZone !== people.mentor.calendar.timeZone) {
      issues.push({
        path: 'slot.timeZone',
        message: `the organiser's time zone is ${people.mentor.calendar.timeZone}`,
      });
    }
    const first = expandRecurrence(slot)[0];
    if (first && Date.parse(first.start) <= this.deps.clock.now().getTime()) {
      issues.push({ path: 'slot.firstDate', message: 'the first session must be in the future' });
    }
    if (issues.length > 0) {
      throw new DomainError(
        'validation_failed',
        `This slot no longer fits the pair: ${issues.map((i) => i.message).join('; ')}. Look at the proposals again.`,
        { issues },
      );
    }
  }

  private tabUrl(pairId: string): string {
    return `${this.deps.publicUrl.replace(/\/$/, '')}/plan?pair=${encodeURIComponent(pairId)}`;
  }
}

/** The occurrence keys a slot's series will have, to find them among the pair's sessions. */
function occurrenceKeys(slot: Slot): string[] {
  return expandRecurrence(slot).map((o) => occurrenceKeyOf(o.originalStart));
}

function hasOccurrences(pair: Pair, keys: readonly string[]): boolean {
  const linked = new Set(
    pair.sessions.filter((s) => s.status !== 'cancelled').map((s) => s.calendarEventId),
  );
  return keys.every((k) => linked.has(k));
}

function alreadyBooked(pair: Pair): DomainError {
  return new DomainError(
    'already_exists',
    'Sessions are already booked for this pair: move a single session instead',
    { pairId: pair.id, seriesId: pair.calendar.seriesId },
  );
}
