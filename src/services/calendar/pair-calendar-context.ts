import type { Logger } from '../../logger';
import type { CalendarProviderKind } from '../../contracts/calendar';
import type { CalendarPerson, CalendarPort, SeriesRef } from '../../calendar/calendar-port';
import type { Clock } from '../../domain/clock';
import type { WeeklySlot } from '../../domain/common';
import { DomainError, isDomainError } from '../../domain/errors';
import type { Notification } from '../../domain/notification';
import { isMember } from '../../domain/pair/membership';
import type { Pair, PairState } from '../../domain/pair/schema';
import type { Person } from '../../domain/person';
import type { Versioned } from '../../domain/versioned';
import type { BookingIntentRepository } from '../../store/booking-intent-repository';
import type { CalendarSyncRepository } from '../../store/calendar-sync-repository';
import type { PairRepository } from '../../store/pair-repository';
import type { ProfileRepository } from '../../store/profile-repository';
import type { Principal } from '../auth/principal';
import type { OrgDirectory } from '../people/org-directory';
import type { LabelledMember } from './calendar-labels';
import { sessionsToBook } from './calendar-sessions';
import { SlotService } from './slot-service';

/** Where the pairs' calendars are: Microsoft Graph for the whole app, or the local calendar per tenant. */
export interface CalendarProvider {
  readonly kind: CalendarProviderKind;
  /** The calendar of a tenant (Graph: one app registration per tenant, so the same adapter). */
  calendarFor(tenantId: string): CalendarPort;
  /** Local calendar only: the series as an .ics file. */
  exportIcs?(tenantId: string, series: SeriesRef): Promise<string>;
}

export type PairCalendarServiceDeps = {
  pairs: PairRepository;
  profiles: ProfileRepository;
  directory: OrgDirectory;
  calendars: CalendarProvider;
  clock: Clock;
  /** The tab's public address: the invitation links back to the pair's planning page there. */
  publicUrl: string;
  /** No first session sooner than this (default 24 h). */
  leadTimeHours?: number;
  /** When each pair's series was last read, and who reads it now (calendar container). */
  syncs: Pick<CalendarSyncRepository, 'ofPair' | 'claim'>;
  /** Bookings under way (calendar container): one a crash cut short is completed, not doubled. */
  bookings: Pick<BookingIntentRepository, 'find' | 'upsert' | 'delete'>;
  /** A member's refresh within this long of the last read answers from the store (default 5 min). */
  refreshMinAgeMs?: number;
  /** How long a claim to read a series holds before another instance may take over (default 2 min). */
  refreshLeaseMs?: number;
  /** Whose claims these are: unique per instance (default: a random id). */
  instanceId?: string;
  /** Where changes found in the calendar are queued for the bot to tell the pair; none without it. */
  notifications?: { schedule(notification: Notification): Promise<unknown> };
  /** Where a calendar failure after a pause or an end is reported (the next refresh retries). */
  log?: Logger;
};

/**
 * Hard limits of a slot: a working week in each person's own zone. The profile's availability is
 * what they prefer (it ranks proposals first), not the only hours they can meet.
 */
export const standardWorkingHours: readonly WeeklySlot[] = (
  ['mon', 'tue', 'wed', 'thu', 'fri'] as const
).map((day) => ({ day, start: '09:00', end: '18:00' }));

/** The states in which a pair can plan its sessions. */
export const bookableStates: readonly PairState[] = ['accepted', 'awaiting_approval', 'active'];

/** Writes of the pair retried on a concurrent write (ETag) before the conflict is reported. */
export const maxAttempts = 5;

export type Participant = {
  person: Person;
  calendar: CalendarPerson;
  preferred: readonly WeeklySlot[];
};
export type Participants = { mentor: Participant; mentee: Participant };

/**
 * What the pair calendar's use cases share: the caller's pair, its two members as the calendar
 * sees them, the organiser's series, and the ETag-conditional write of the pair.
 */
export class PairCalendarContext {
  constructor(readonly deps: PairCalendarServiceDeps) {}

  /** The pair, if the caller is one of its members. */
  async memberPair(principal: Principal, pairId: string): Promise<Versioned<Pair>> {
    const found = await this.deps.pairs.find(principal.tenantId, pairId);
    // Same answer for "absent" and "not yours": a pair's existence is not disclosed.
    if (!found || !isMember(found.value, principal.personId)) {
      throw new DomainError('pair_not_found', `Pair ${pairId} was not found`, { id: pairId });
    }
    return found;
  }

  /** Refuses a pair that cannot plan sessions now, or has none left to book. */
  assertBookable(pair: Pair): void {
    if (!bookableStates.includes(pair.state)) {
      throw new DomainError('invalid_transition', `A ${pair.state} pair cannot plan sessions`, {
        entity: 'pair',
        id: pair.id,
        from: pair.state,
        to: pair.state,
      });
    }
    if (sessionsToBook(pair) === 0) {
      throw new DomainError(
        'invalid_transition',
        `All ${pair.agreement.frame.sessions} sessions of the agreement are behind the pair: nothing is left to book`,
        { entity: 'pair', id: pair.id, from: pair.state, to: pair.state },
      );
    }
  }

  /** Re-reads and re-applies on a concurrent write: every change here is idempotent. */
  async save(
    tenantId: string,
    pairId: string,
    apply: (pair: Pair) => { pair: Pair; changed: boolean },
  ): Promise<Versioned<Pair>> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.deps.pairs.get(tenantId, pairId);
      const result = apply(current.value);
      if (!result.changed) return current;
      try {
        return await this.deps.pairs.replace(result.pair, current.etag);
      } catch (error) {
        if (!isDomainError(error, 'version_conflict') || attempt >= maxAttempts) throw error;
      }
    }
  }

  /** The mentor and the mentee, from the directory and their profiles. */
  async participants(pair: Pair): Promise<Participants> {
    const [mentor, mentee] = await Promise.all([
      this.participant(pair.tenantId, pair.mentorId),
      this.participant(pair.tenantId, pair.menteeId),
    ]);
    return { mentor, mentee };
  }

  async participant(tenantId: string, personId: string): Promise<Participant> {
    const [person, profile] = await Promise.all([
      this.deps.directory.person(tenantId, personId),
      this.deps.profiles.find(tenantId, personId),
    ]);
    if (!person) {
      throw new DomainError('person_not_found', `Person ${personId} was not found`, {
        id: personId,
      });
    }
    return {
      person,
      preferred: profile?.value.availability ?? [],
      calendar: {
        id: person.id,
        email: person.email,
        displayName: person.displayName,
        timeZone: profile?.value.timeZone ?? person.timeZone,
        workingHours: standardWorkingHours,
      },
    };
  }

  labelled(people: Participants): LabelledMember[] {
    return [people.mentor, people.mentee].map((p) => ({
      personId: p.person.id,
      displayName: p.person.displayName,
      timeZone: p.calendar.timeZone,
    }));
  }

  /** The pair's series in its organiser's calendar. */
  async seriesRef(pair: Pair): Promise<SeriesRef> {
    const organiserId = pair.calendar.organiserId ?? pair.mentorId;
    const { calendar } = await this.participant(pair.tenantId, organiserId);
    return { organiser: calendar, seriesId: pair.calendar.seriesId as string };
  }

  calendarOf(pair: Pair): CalendarPort {
    return this.deps.calendars.calendarFor(pair.tenantId);
  }

  slotService(tenantId: string): SlotService {
    return new SlotService({
      calendar: this.deps.calendars.calendarFor(tenantId),
      clock: this.deps.clock,
      ...(this.deps.leadTimeHours !== undefined ? { leadTimeHours: this.deps.leadTimeHours } : {}),
    });
  }

  /** The clock's now, as an ISO instant. */
  now(): string {
    return this.deps.clock.now().toISOString();
  }
}
