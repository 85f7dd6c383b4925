import type { BookedSeries } from '../../calendar/calendar-port';
import { DomainError } from '../../domain/errors';
import { pairSchema, type Pair, type PairCalendar, type Session } from '../../domain/pair/schema';
import { toLocal } from '../../domain/calendar/local-time';
import { occurrenceKeyOf, type OccurrenceChange } from '../../domain/calendar/occurrences';

/**
 * How a calendar series lands in the pair's sessions, as pure functions: linking a booked series
 * to the planned sessions, applying what a refresh found, moving one session, cancelling the rest,
 * and whether a first date would bring a cancelled series back. Every function that changes the
 * pair is idempotent: applying the same thing twice changes nothing the second time.
 */

type Change = { readonly pair: Pair; readonly changed: boolean };

/** Sessions already behind the pair: they count against the agreement's number of sessions. */
export function sessionsDone(pair: Pair): number {
  return pair.sessions.filter((s) => s.status === 'held' || s.status === 'missed').length;
}

/** How many sessions a series should book: the frame's number, minus those held or missed. */
export function sessionsToBook(pair: Pair): number {
  return Math.max(0, pair.agreement.frame.sessions - sessionsDone(pair));
}

/** The id of the session an occurrence creates: derived from its key, so a retry finds it. */
export function sessionIdFor(pairId: string, occurrenceKey: string): string {
  return `${pairId}-cal-${occurrenceKeyOf(occurrenceKey)
    .replace(/[^0-9]/g, '')
    .slice(0, 12)}`;
}

/**
 * True when a series starting on `firstDate` (the organiser's date) may be one this pair booked and
 * cancelled (a pause): the calendars key a series by pair and first date, so booking it again
 * would bring the cancelled one back. Conservative: any cancelled session of a series that day.
 */
export function reusesCancelledSeries(pair: Pair, firstDate: string, timeZone: string): boolean {
  return pair.sessions.some(
    (s) =>
      s.status === 'cancelled' &&
      s.calendarEventId !== undefined &&
      toLocal(Date.parse(s.calendarEventId), timeZone).date === firstDate,
  );
}

function renumber(sessions: Session[]): Session[] {
  return sessions
    .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id))
    .map((session, i) => (session.index === i + 1 ? session : { ...session, index: i + 1 }));
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function finish(pair: Pair, sessions: Session[], calendar: PairCalendar, now: string): Change {
  const next = renumber(sessions);
  if (same(next, pair.sessions) && same(calendar, pair.calendar)) return { pair, changed: false };
  const updated = pairSchema.parse({ ...pair, sessions: next, calendar, updatedAt: now });
  return { pair: updated, changed: true };
}

/**
 * Links a booked series to the pair: each occurrence becomes a planned session carrying its key in
 * `calendarEventId`. Sessions planned by hand and not yet held (future, no calendar link) take the
 * occurrences first, in time order, keeping their agenda and action items; the other occurrences
 * become new sessions.
 */
export function applyBooking(
  pair: Pair,
  booked: BookedSeries,
  provider: NonNullable<PairCalendar['provider']>,
  now: string,
): Change {
  const sessions = pair.sessions.map((s) => ({ ...s }));
  const linked = new Map(
    sessions
      .filter((s) => s.calendarEventId && s.status !== 'cancelled')
      .map((s) => [s.calendarEventId as string, s]),
  );
  const ids = new Set(sessions.map((s) => s.id));
  const spare = sessions
    .filter((s) => s.status === 'planned' && !s.calendarEventId && s.start >= now)
    .sort((a, b) => a.start.localeCompare(b.start));
  const occurrences = [...booked.occurrences].sort((a, b) => a.start.localeCompare(b.start));
  for (const occurrence of occurrences) {
    const key = occurrenceKeyOf(occurrence.occurrenceKey);
    const duration = Math.round(
      (Date.parse(occurrence.end) - Date.parse(occurrence.start)) / 60_000,
    );
    const existing = linked.get(key) ?? spare.shift();
    if (existing) {
      existing.start = occurrence.start;
      existing.durationMinutes = duration;
      existing.calendarEventId = key;
      continue;
    }
    let id = sessionIdFor(pair.id, key);
    // A session of an earlier, cancelled series may hold the same key (same original start).
    for (let n = 2; ids.has(id); n++) id = `${sessionIdFor(pair.id, key)}-${n}`;
    ids.add(id);
    sessions.push({
      id,
      index: sessions.length + 1,
      start: occurrence.start,
      durationMinutes: duration,
      status: 'planned',
      actionItems: [],
      calendarEventId: key,
    });
  }
  return finish(
    pair,
    sessions,
    { seriesId: booked.seriesId, organiserId: booked.organiserId, provider },
    now,
  );
}

/** Moves one planned session to `start` (kept duration unless given). */
export function moveSession(
  pair: Pair,
  sessionId: string,
  start: string,
  now: string,
  durationMinutes?: number,
): Change {
  const sessions = pair.sessions.map((s) => ({ ...s }));
  const session = sessions.find((s) => s.id === sessionId);
  if (!session) {
    throw new DomainError('not_found', `Session ${sessionId} is not part of this pair`, {
      pairId: pair.id,
      sessionId,
    });
  }
  if (session.status !== 'planned') {
    throw new DomainError(
      'invalid_transition',
      `Session ${session.index} is ${session.status}: only a planned session can move`,
      { entity: 'session', id: sessionId, from: session.status, to: session.status },
    );
  }
  session.start = new Date(start).toISOString();
  if (durationMinutes !== undefined) session.durationMinutes = durationMinutes;
  return finish(pair, sessions, pair.calendar, now);
}

/**
 * Applies what the calendar shows now: a moved occurrence moves its session; one gone from the
 * calendar cancels its session (if still planned). Declines change nothing stored: the caller
 * reports them (the session may still happen if the attendee accepts again).
 */
export function applyOccurrenceChanges(
  pair: Pair,
  changes: readonly OccurrenceChange[],
  now: string,
): Change {
  const sessions = pair.sessions.map((s) => ({ ...s }));
  for (const change of changes) {
    const session = sessions.find(
      (s) => s.calendarEventId === occurrenceKeyOf(change.occurrenceKey),
    );
    if (!session || session.status !== 'planned') continue;
    if (change.kind === 'moved') {
      session.start = new Date(change.start).toISOString();
      session.durationMinutes = Math.max(
        15,
        Math.min(240, Math.round((Date.parse(change.end) - Date.parse(change.start)) / 60_000)),
      );
    } else if (change.kind === 'cancelled') {
      session.status = 'cancelled';
    }
  }
  return finish(pair, sessions, pair.calendar, now);
}

/** Planned sessions of the series that start at or after `from`: what cancelling the rest removes. */
export function linkedSessionsFrom(pair: Pair, from: string): Session[] {
  return pair.sessions.filter(
    (s) => s.status === 'planned' && s.calendarEventId !== undefined && s.start >= from,
  );
}

/**
 * After the series' remaining occurrences were cancelled: those sessions are cancelled too. A paused
 * pair forgets the series so it can book a new one when it resumes; an ended or completed pair
 * keeps it (the sessions held stay in both calendars).
 */
export function applyCancellation(pair: Pair, from: string, now: string): Change {
  const cancelled = new Set(linkedSessionsFrom(pair, from).map((s) => s.id));
  const sessions = pair.sessions.map((s) =>
    cancelled.has(s.id) ? { ...s, status: 'cancelled' as const } : s,
  );
  const calendar: PairCalendar = pair.state === 'paused' ? {} : pair.calendar;
  return finish(pair, sessions, calendar, now);
}
