import type { PairCalendarResponse } from '../../contracts/calendar';
import type { Locale } from '../../domain/common';
import { DomainError, isDomainError } from '../../domain/errors';
import type { Pair } from '../../domain/pair/schema';
import type { Versioned } from '../../domain/versioned';
import type { Principal } from '../auth/principal';
import { applyCancellation, linkedSessionsFrom, moveSession } from './calendar-sessions';
import { PairCalendarContext, type PairCalendarServiceDeps } from './pair-calendar-context';
import { PairCalendarView } from './pair-calendar-view';

/**
 * Changing booked sessions: a member moves one session, and the pair pausing, completing or ending
 * cancels the rest of its series. Each change is made in the calendar first, then in the pair.
 */
export class SessionChanges {
  private readonly context: PairCalendarContext;
  private readonly view: PairCalendarView;

  constructor(private readonly deps: PairCalendarServiceDeps) {
    this.context = new PairCalendarContext(deps);
    this.view = new PairCalendarView(deps);
  }

  /** Moves one planned session (and its occurrence in the calendar) to `start`. */
  async reschedule(
    principal: Principal,
    pairId: string,
    sessionId: string,
    start: string,
    locale?: Locale,
  ): Promise<PairCalendarResponse> {
    const loaded = await this.context.memberPair(principal, pairId);
    const pair = loaded.value;
    this.context.assertBookable(pair);
    const session = pair.sessions.find((s) => s.id === sessionId);
    if (!session) {
      throw new DomainError('not_found', `Session ${sessionId} is not part of this pair`, {
        pairId,
        sessionId,
      });
    }
    const at = Date.parse(start);
    if (at <= this.deps.clock.now().getTime()) {
      throw new DomainError(
        'validation_failed',
        'A session can only move to a time in the future',
        {
          issues: [{ path: 'start', message: 'start must be in the future' }],
        },
      );
    }
    const target = new Date(at).toISOString();
    if (session.start === target) return this.view.render(principal, loaded, locale, []);
    moveSession(pair, sessionId, target, this.context.now()); // refuses a session that is not planned
    let newStart = target;
    let duration: number | undefined;
    if (session.calendarEventId && pair.calendar.seriesId) {
      const moved = await this.context.calendarOf(pair).rescheduleOccurrence({
        series: await this.context.seriesRef(pair),
        occurrenceKey: session.calendarEventId,
        start: target,
        currentStart: session.start,
      });
      newStart = new Date(moved.start).toISOString();
      duration = Math.round((Date.parse(moved.end) - Date.parse(moved.start)) / 60_000);
    }
    const saved = await this.context.save(pair.tenantId, pair.id, (p) =>
      moveSession(p, sessionId, newStart, this.context.now(), duration),
    );
    return this.view.render(principal, saved, locale, []);
  }

  /**
   * Cancels the rest of the pair's series (from now) and the sessions it held: call it when the
   * pair pauses or ends. Idempotent: nothing left to cancel makes no calendar call.
   */
  async cancelRemainingForPair(tenantId: string, pairId: string): Promise<{ cancelled: number }> {
    const loaded = await this.deps.pairs.get(tenantId, pairId);
    const { sessionIds } = await this.cancelRest(loaded);
    return { cancelled: sessionIds.length };
  }

  /**
   * The pair service's hook after a pause, completion or end: cancels the rest of the series. A
   * calendar failure does not undo the state change: it is logged, and the next refresh (dashboard
   * or scheduler) cancels what is left. True when the pair's sessions changed.
   */
  async afterPairClosed(tenantId: string, pairId: string): Promise<boolean> {
    try {
      return (await this.cancelRemainingForPair(tenantId, pairId)).cancelled > 0;
    } catch (error) {
      if (!isDomainError(error, 'calendar_unavailable')) throw error;
      this.deps.log?.error(
        `Cancelling the rest of pair ${pairId}'s series failed; the next refresh retries`,
        error,
      );
      return false;
    }
  }

  /** Cancels the series from now and the sessions it still held; the ids of those sessions. */
  async cancelRest(
    loaded: Versioned<Pair>,
  ): Promise<{ pair: Versioned<Pair>; sessionIds: string[] }> {
    const pair = loaded.value;
    const now = this.context.now();
    const remaining = linkedSessionsFrom(pair, now);
    if (!pair.calendar.seriesId || remaining.length === 0) return { pair: loaded, sessionIds: [] };
    await this.context.calendarOf(pair).cancelRemaining(await this.context.seriesRef(pair), now);
    const saved = await this.context.save(pair.tenantId, pair.id, (p) =>
      applyCancellation(p, now, now),
    );
    return { pair: saved, sessionIds: remaining.map((s) => s.id) };
  }
}
