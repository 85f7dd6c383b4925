import type { PairCalendarResponse, Slot, SlotsResponse } from '../../contracts/calendar';
import type { Locale } from '../../domain/common';
import type { Principal } from '../auth/principal';
import { CalendarRefresh, type RefreshOptions, type RefreshOutcome } from './calendar-refresh';
import { IcsExport } from './ics-export';
import type { PairCalendarServiceDeps } from './pair-calendar-context';
import { PairCalendarView } from './pair-calendar-view';
import { SeriesBooking } from './series-booking';
import { SessionChanges } from './session-changes';
import { SlotProposals } from './slot-proposals';

export type { CalendarProvider, PairCalendarServiceDeps } from './pair-calendar-context';
export { standardWorkingHours } from './pair-calendar-context';
export type { RefreshOptions, RefreshOutcome } from './calendar-refresh';

/**
 * A pair's sessions in both calendars, for its two members: the five best recurring slots, booking
 * one as a recurring Teams meeting organised by the mentor, moving one session, the .ics download,
 * and keeping the pair's sessions in step with the calendar (moves, declines, cancellations; the rest
 * of the series cancelled when the pair pauses or ends). Sessions are written with ETags. The one
 * entry point of the routes and the composition root; each use case is in its own file.
 */
export class PairCalendarService {
  private readonly proposals: SlotProposals;
  private readonly view: PairCalendarView;
  private readonly booking: SeriesBooking;
  private readonly sessions: SessionChanges;
  private readonly refresher: CalendarRefresh;
  private readonly icsExport: IcsExport;

  constructor(deps: PairCalendarServiceDeps) {
    this.proposals = new SlotProposals(deps);
    this.view = new PairCalendarView(deps);
    this.booking = new SeriesBooking(deps);
    this.sessions = new SessionChanges(deps);
    this.refresher = new CalendarRefresh(deps);
    this.icsExport = new IcsExport(deps);
  }

  /** The best recurring slots for the pair, or why none fits: one calendar read. */
  slots(principal: Principal, pairId: string, locale?: Locale): Promise<SlotsResponse> {
    return this.proposals.slots(principal, pairId, locale);
  }

  /** The booked series and the sessions, as the planning page shows them. */
  calendar(principal: Principal, pairId: string, locale?: Locale): Promise<PairCalendarResponse> {
    return this.view.calendar(principal, pairId, locale);
  }

  /** Books `slot` as the pair's recurring meeting (idempotent): see {@link SeriesBooking.book}. */
  book(
    principal: Principal,
    pairId: string,
    slot: Slot,
    locale?: Locale,
  ): Promise<{ response: PairCalendarResponse; created: boolean }> {
    return this.booking.book(principal, pairId, slot, locale);
  }

  /** Moves one planned session (and its occurrence in the calendar) to `start`. */
  reschedule(
    principal: Principal,
    pairId: string,
    sessionId: string,
    start: string,
    locale?: Locale,
  ): Promise<PairCalendarResponse> {
    return this.sessions.reschedule(principal, pairId, sessionId, start, locale);
  }

  /** A member's refresh: see {@link CalendarRefresh.refresh}. */
  refresh(principal: Principal, pairId: string, locale?: Locale): Promise<PairCalendarResponse> {
    return this.refresher.refresh(principal, pairId, locale);
  }

  /** The pair's sessions in step with its series: see {@link CalendarRefresh.refreshPair}. */
  refreshPair(
    tenantId: string,
    pairId: string,
    options: RefreshOptions = {},
  ): Promise<RefreshOutcome> {
    return this.refresher.refreshPair(tenantId, pairId, options);
  }

  /** Cancels the rest of the pair's series: see {@link SessionChanges.cancelRemainingForPair}. */
  cancelRemainingForPair(tenantId: string, pairId: string): Promise<{ cancelled: number }> {
    return this.sessions.cancelRemainingForPair(tenantId, pairId);
  }

  /** After a pause, completion or end: see {@link SessionChanges.afterPairClosed}. */
  afterPairClosed(tenantId: string, pairId: string): Promise<boolean> {
    return this.sessions.afterPairClosed(tenantId, pairId);
  }

  /** The series as an .ics file (the local calendar only). */
  ics(principal: Principal, pairId: string): Promise<{ filename: string; body: string }> {
    return this.icsExport.ics(principal, pairId);
  }
}
