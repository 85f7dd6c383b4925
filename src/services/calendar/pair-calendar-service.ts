import { randomUUID } from 'node:crypto';
import type {
  CalendarChange,
  CalendarProviderKind,
  MemberTime,
  CalendarSessionView,
  PairCalendarResponse,
  Slot,
  SlotProposalView,
  SlotsResponse,
} from '../../contracts/calendar';
import type { CalendarPerson, CalendarPort, SeriesRef } from '../../calendar/calendar-port';
import { SlotService } from './slot-service';
import type { Clock } from '../../domain/clock';
import type { Locale, WeeklySlot } from '../../domain/common';
import { DomainError, isDomainError } from '../../domain/errors';
import { isMember, type Pair, type PairState } from '../../domain/pair';
import type { Person } from '../../domain/person';
import { occurrenceKeyOf, reconcileOccurrences } from '../../domain/calendar/occurrences';
import { toLocal } from '../../domain/calendar/local-time';
import { expandRecurrence } from '../../domain/calendar/recurrence';
import {
  claimRefresh,
  completeRefresh,
  isRefreshDue,
  releaseRefresh,
  type SeenDecline,
} from '../../domain/calendar/calendar-sync';
import type { Notification } from '../../domain/notification';
import type { CalendarSyncRepository } from '../../store/calendar-sync-repository';
import type { Versioned } from '../../domain/versioned';
import type { PairRepository } from '../../store/pair-repository';
import type { ProfileRepository } from '../../store/profile-repository';
import type { Principal } from '../auth/principal';
import {
  cadenceLabel,
  callerFirst,
  dateLabel,
  memberTime,
  occurrencesLabel,
  proposalSummary,
  type LabelledMember,
} from './calendar-labels';
import {
  applyBooking,
  applyCancellation,
  applyOccurrenceChanges,
  linkedSessionsFrom,
  moveSession,
  sessionsToBook,
} from './calendar-sessions';
import { calendarChangeNotices } from './calendar-notices';
import type { OrgDirectory } from '../org-directory';

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
  /** A member's refresh within this long of the last read answers from the store (default 5 min). */
  refreshMinAgeMs?: number;
  /** How long a claim to read a series holds before another instance may take over (default 2 min). */
  refreshLeaseMs?: number;
  /** Whose claims these are: unique per instance (default: a random id). */
  instanceId?: string;
  /** Where changes found in the calendar are queued for the bot to tell the pair; none without it. */
  notifications?: { schedule(notification: Notification): Promise<unknown> };
  /** Where a calendar failure after a pause or an end is reported (the next refresh retries). */
  log?: (message: string, error: unknown) => void;
};

/** What a refresh came to: the pair after it, what changed, and whether the calendar was read. */
export type RefreshOutcome = {
  pair: Versioned<Pair>;
  changes: CalendarChange[];
  /** False when the last read was recent enough or another instance is reading it now. */
  refreshed: boolean;
  /** Who declined which session at the last read. */
  declines: readonly SeenDecline[];
  /** The last read of the series (ISO), if any. */
  refreshedAt: string | null;
};

export type RefreshOptions = {
  /** Read only if the last read is older than this (0: read now unless another instance is). */
  minAgeMs?: number;
  /** The member looking (a dashboard): the notifications go to the partner only. */
  seenBy?: string;
};

/**
 * Hard limits of a slot: a working week in each person's own zone. The profile's availability is
 * what they prefer (it ranks proposals first), not the only hours they can meet.
 */
export const standardWorkingHours: readonly WeeklySlot[] = (
  ['mon', 'tue', 'wed', 'thu', 'fri'] as const
).map((day) => ({ day, start: '09:00', end: '18:00' }));

const bookableStates: readonly PairState[] = ['accepted', 'awaiting_approval', 'active'];
const closedStates: readonly PairState[] = ['paused', 'completed', 'ended'];
const maxAttempts = 5;
const DAY = 86_400_000;
const MINUTE = 60_000;

type SyncState = { declines: readonly SeenDecline[]; refreshedAt: string | null };
const noSync: SyncState = { declines: [], refreshedAt: null };

type Participant = { person: Person; calendar: CalendarPerson; preferred: readonly WeeklySlot[] };
type Participants = { mentor: Participant; mentee: Participant };

/**
 * A pair's sessions in both calendars, for its two members: the five best recurring slots, booking
 * one as a recurring Teams meeting organised by the mentor, moving one session, the .ics download,
 * and keeping the pair's sessions in step with the calendar (moves, declines, cancellations; the rest
 * of the series cancelled when the pair pauses or ends). Sessions are written with ETags.
 */
export class PairCalendarService {
  private readonly instanceId: string;

  constructor(private readonly deps: PairCalendarServiceDeps) {
    this.instanceId = deps.instanceId ?? `calendar-${randomUUID()}`;
  }

  /** The best recurring slots for the pair, or why none fits: one calendar read. */
  async slots(principal: Principal, pairId: string, locale?: Locale): Promise<SlotsResponse> {
    const { value: pair } = await this.memberPair(principal, pairId);
    this.assertBookable(pair);
    const count = sessionsToBook(pair);
    const people = await this.participants(pair);
    const lang = locale ?? this.callerOf(people, principal).person.preferredLocale;
    const frame = {
      sessions: count,
      durationMinutes: pair.agreement.frame.durationMinutes,
      frequency: pair.agreement.frame.frequency,
    };
    const result = await this.slotService(pair.tenantId).propose({
      organiser: people.mentor.calendar,
      partner: people.mentee.calendar,
      frame,
      preferredHours: {
        ...(people.mentor.preferred.length ? { organiser: people.mentor.preferred } : {}),
        ...(people.mentee.preferred.length ? { partner: people.mentee.preferred } : {}),
      },
      limit: 5,
    });
    const labelled = this.labelled(people);
    const caller = labelled.find((m) => m.personId === principal.personId) as LabelledMember;
    const proposals: SlotProposalView[] =
      result.kind === 'found'
        ? result.proposals
            // See reusesCancelledSeries: a first date cancelled before would bring that series back.
            .filter((p) => !this.reusesCancelledSeries(pair, p.rule.firstDate, p.rule.timeZone))
            .map((p, i) => {
              const first = p.occurrences[0] as { start: string; end: string };
              const last = p.occurrences[p.occurrences.length - 1] as { start: string };
              const times = callerFirst(
                labelled.map((m) =>
                  memberTime(lang, m, principal.personId, first.start, first.end),
                ),
                principal.personId,
              );
              const firstDate = dateLabel(lang, first.start, caller.timeZone);
              return {
                rank: i + 1,
                slot: p.rule,
                firstStart: first.start,
                lastStart: last.start,
                occurrences: p.occurrences.length,
                uncheckedOccurrences: p.occurrences.filter((o) => !o.checkedAgainstCalendars)
                  .length,
                times,
                preferredByBoth: [people.mentor, people.mentee].every((member) =>
                  withinPreferred(member, times),
                ),
                firstDateLabel: firstDate,
                cadenceLabel: cadenceLabel(lang, p.rule.frequency),
                occurrencesLabel: occurrencesLabel(lang, p.occurrences.length),
                summary: proposalSummary(
                  lang,
                  p.rule.frequency,
                  times,
                  p.occurrences.length,
                  firstDate,
                ),
              };
            })
        : [];
    return {
      pairId: pair.id,
      provider: this.deps.calendars.kind,
      organiser: { personId: pair.mentorId, displayName: people.mentor.person.displayName },
      frame,
      proposals,
      none:
        result.kind === 'none'
          ? { code: result.reason.code, message: result.reason.message[lang] }
          : null,
      booked: pair.calendar.seriesId !== undefined,
    };
  }

  /** The booked series and the sessions, as the planning page shows them. */
  async calendar(
    principal: Principal,
    pairId: string,
    locale?: Locale,
  ): Promise<PairCalendarResponse> {
    const loaded = await this.memberPair(principal, pairId);
    return this.view(principal, loaded, locale, []);
  }

  /**
   * Books `slot` as one recurring Teams meeting in the mentor's calendar with the mentee invited,
   * and links its occurrences to the pair's sessions. Idempotent: the slot already booked answers
   * the series as it is (`created: false`) without a calendar call.
   */
  async book(
    principal: Principal,
    pairId: string,
    slot: Slot,
    locale?: Locale,
  ): Promise<{ response: PairCalendarResponse; created: boolean }> {
    const loaded = await this.memberPair(principal, pairId);
    const pair = loaded.value;
    const keys = expandRecurrence(slot).map((o) => occurrenceKeyOf(o.originalStart));
    if (pair.calendar.seriesId !== undefined) {
      if (this.hasOccurrences(pair, keys)) {
        return { response: await this.view(principal, loaded, locale, []), created: false };
      }
      throw this.alreadyBooked(pair);
    }
    this.assertBookable(pair);
    if (this.reusesCancelledSeries(pair, slot.firstDate, slot.timeZone)) {
      throw new DomainError(
        'validation_failed',
        'This first session belongs to the series cancelled when the pair paused: choose another proposal',
        { issues: [{ path: 'slot.firstDate', message: 'this first date was cancelled before' }] },
      );
    }
    const people = await this.participants(pair);
    this.assertSlotFits(pair, slot, people);
    const booked = await this.slotService(pair.tenantId).book({
      pairId: pair.id,
      organiser: people.mentor.calendar,
      partner: people.mentee.calendar,
      rule: slot,
      locale: people.mentor.person.preferredLocale,
      topic:
        pair.agreement.subject.trim() ||
        (people.mentor.person.preferredLocale === 'fr' ? 'Mentorat inversé' : 'Reverse mentoring'),
      tabUrl: this.tabUrl(pair.id),
    });
    const provider = this.deps.calendars.kind;
    for (let attempt = 1; ; attempt++) {
      const current = await this.deps.pairs.get(pair.tenantId, pair.id);
      const latest = current.value;
      if (latest.calendar.seriesId !== undefined && latest.calendar.seriesId !== booked.seriesId) {
        if (this.hasOccurrences(latest, keys)) {
          return { response: await this.view(principal, current, locale, []), created: false };
        }
        // The partner booked another slot at the same moment: theirs stands, ours goes.
        await this.calendarOf(latest).cancelRemaining(
          { organiser: people.mentor.calendar, seriesId: booked.seriesId },
          new Date(0).toISOString(),
        );
        throw this.alreadyBooked(latest);
      }
      const applied = applyBooking(latest, booked, provider, this.now());
      if (!applied.changed) {
        return { response: await this.view(principal, current, locale, []), created: false };
      }
      try {
        const saved = await this.deps.pairs.replace(applied.pair, current.etag);
        return { response: await this.view(principal, saved, locale, []), created: true };
      } catch (error) {
        if (!isDomainError(error, 'version_conflict') || attempt >= maxAttempts) throw error;
      }
    }
  }

  /** Moves one planned session (and its occurrence in the calendar) to `start`. */
  async reschedule(
    principal: Principal,
    pairId: string,
    sessionId: string,
    start: string,
    locale?: Locale,
  ): Promise<PairCalendarResponse> {
    const loaded = await this.memberPair(principal, pairId);
    const pair = loaded.value;
    this.assertBookable(pair);
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
    if (session.start === target) return this.view(principal, loaded, locale, []);
    moveSession(pair, sessionId, target, this.now()); // refuses a session that is not planned
    let newStart = target;
    let duration: number | undefined;
    if (session.calendarEventId && pair.calendar.seriesId) {
      const moved = await this.calendarOf(pair).rescheduleOccurrence({
        series: await this.seriesRef(pair),
        occurrenceKey: session.calendarEventId,
        start: target,
        currentStart: session.start,
      });
      newStart = new Date(moved.start).toISOString();
      duration = Math.round((Date.parse(moved.end) - Date.parse(moved.start)) / 60_000);
    }
    const saved = await this.save(pair.tenantId, pair.id, (p) =>
      moveSession(p, sessionId, newStart, this.now(), duration),
    );
    return this.view(principal, saved, locale, []);
  }

  /**
   * A member's refresh (the dashboard or the planning page opens): see {@link refreshPair}. Within
   * `refreshMinAgeMs` of the last read it answers from the store, with no change and no calendar call.
   */
  async refresh(
    principal: Principal,
    pairId: string,
    locale?: Locale,
  ): Promise<PairCalendarResponse> {
    const loaded = await this.memberPair(principal, pairId);
    const outcome = await this.refreshLoaded(loaded, {
      minAgeMs: this.deps.refreshMinAgeMs ?? 5 * MINUTE,
      seenBy: principal.personId,
    });
    return this.view(principal, outcome.pair, locale, outcome.changes, outcome);
  }

  /**
   * Brings the pair's sessions in step with its series, for the dashboard and the scheduler: moved
   * occurrences move their session, occurrences cancelled from the calendar cancel theirs, declines
   * are reported (each once: those seen before are not news). A pair that has paused, completed or
   * ended gets the rest of its series cancelled. One calendar read (Graph: the series' instances)
   * when the pair has sessions to check, the last read is older than `minAgeMs`, and this instance
   * wins the ETag-conditional claim on the pair's sync record (so two instances never read the same
   * series at once). Changes are queued for the bot before they are stored: none is lost.
   */
  async refreshPair(
    tenantId: string,
    pairId: string,
    options: RefreshOptions = {},
  ): Promise<RefreshOutcome> {
    return this.refreshLoaded(await this.deps.pairs.get(tenantId, pairId), options);
  }

  private async refreshLoaded(
    loaded: Versioned<Pair>,
    options: RefreshOptions,
  ): Promise<RefreshOutcome> {
    const pair = loaded.value;
    const { tenantId, id: pairId } = pair;
    const unchanged = async (): Promise<RefreshOutcome> => {
      const sync = await this.syncOf(pair);
      return { pair: loaded, changes: [], refreshed: false, ...sync };
    };
    const seriesId = pair.calendar.seriesId;
    if (!seriesId) return { pair: loaded, changes: [], refreshed: false, ...noSync };
    if (closedStates.includes(pair.state)) {
      const { pair: after, sessionIds } = await this.cancelRest(loaded);
      return {
        pair: after,
        changes: sessionIds.map((sessionId) => ({ kind: 'cancelled', sessionId })),
        refreshed: sessionIds.length > 0,
        ...noSync,
      };
    }
    const linked = pair.sessions.filter((s) => s.status === 'planned' && s.calendarEventId);
    if (linked.length === 0) return unchanged();

    const now = this.deps.clock.now();
    const current = await this.deps.syncs.ofPair(tenantId, pairId);
    if (!isRefreshDue(current?.value, seriesId, now, options.minAgeMs ?? 0)) return unchanged();
    const target = { tenantId, pairId, seriesId };
    const leaseMs = this.deps.refreshLeaseMs ?? 2 * MINUTE;
    const claim = claimRefresh(current?.value, target, this.instanceId, leaseMs, now);
    const claimed = await this.deps.syncs.claim(current, claim);
    if (!claimed) return unchanged(); // another instance is reading it, or just did

    try {
      const instants = linked.flatMap((s) => [Date.parse(s.start), Date.parse(s.calendarEventId!)]);
      const window = {
        start: new Date(Math.min(...instants) - DAY).toISOString(),
        end: new Date(Math.max(...instants) + 31 * DAY).toISOString(),
      };
      const observed = await this.calendarOf(pair).listOccurrences(
        await this.seriesRef(pair),
        window,
      );
      const found = reconcileOccurrences(
        linked.map((s) => ({ occurrenceKey: s.calendarEventId!, start: s.start })),
        observed,
        window,
      );
      const sessionOf = new Map(linked.map((s) => [s.calendarEventId!, s.id]));
      // The members' addresses only matter when someone declined (most reads find nothing).
      const emails = found.some((c) => c.kind === 'declined')
        ? await this.memberEmails(pair)
        : new Map<string, string>();
      const applied: CalendarChange[] = [];
      const declines: SeenDecline[] = [];
      for (const c of found) {
        const sessionId = sessionOf.get(occurrenceKeyOf(c.occurrenceKey));
        if (!sessionId) continue;
        if (c.kind === 'moved') applied.push({ kind: 'moved', sessionId, start: c.start });
        else if (c.kind === 'cancelled') applied.push({ kind: 'cancelled', sessionId });
        else {
          const personId = emails.get(c.email.toLowerCase());
          if (personId) declines.push({ sessionId, personId });
        }
      }
      const readAt = this.deps.clock.now();
      const { sync, newDeclines } = completeRefresh(claimed.value, declines, readAt);
      const changes: CalendarChange[] = [
        ...applied,
        ...newDeclines.map((d): CalendarChange => ({ kind: 'declined', ...d })),
      ];
      await this.notify(pair, changes, options.seenBy, readAt);
      const saved = applied.length
        ? await this.save(tenantId, pairId, (p) => applyOccurrenceChanges(p, found, this.now()))
        : loaded;
      // Lost only if the lease ran out and another instance took over: its read stands.
      await this.deps.syncs.claim(claimed, sync);
      return {
        pair: saved,
        changes,
        refreshed: true,
        declines: sync.declines,
        refreshedAt: sync.refreshedAt ?? null,
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await this.deps.syncs
        .claim(claimed, releaseRefresh(claimed.value, reason, this.deps.clock.now()))
        .catch(() => undefined); // the lease runs out anyway
      throw error;
    }
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
      this.deps.log?.(
        `Cancelling the rest of pair ${pairId}'s series failed; the next refresh retries`,
        error,
      );
      return false;
    }
  }

  /** The series as an .ics file: the local calendar only (with Graph it is in Outlook already). */
  async ics(principal: Principal, pairId: string): Promise<{ filename: string; body: string }> {
    const { value: pair } = await this.memberPair(principal, pairId);
    const exportIcs = this.deps.calendars.exportIcs;
    if (!pair.calendar.seriesId || pair.calendar.provider !== 'local' || !exportIcs) {
      throw new DomainError(
        'not_found',
        pair.calendar.seriesId
          ? 'These sessions are in Outlook: there is no .ics file to download'
          : 'No sessions are booked for this pair yet',
        { pairId },
      );
    }
    const body = await exportIcs.call(
      this.deps.calendars,
      pair.tenantId,
      await this.seriesRef(pair),
    );
    return { filename: `mentoring-${pair.id}.ics`, body };
  }

  private async cancelRest(
    loaded: Versioned<Pair>,
  ): Promise<{ pair: Versioned<Pair>; sessionIds: string[] }> {
    const pair = loaded.value;
    const now = this.now();
    const remaining = linkedSessionsFrom(pair, now);
    if (!pair.calendar.seriesId || remaining.length === 0) return { pair: loaded, sessionIds: [] };
    await this.calendarOf(pair).cancelRemaining(await this.seriesRef(pair), now);
    const saved = await this.save(pair.tenantId, pair.id, (p) => applyCancellation(p, now, now));
    return { pair: saved, sessionIds: remaining.map((s) => s.id) };
  }

  /** Re-reads and re-applies on a concurrent write: every change here is idempotent. */
  private async save(
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

  /** The declines seen at the pair's last read of its series, and when that was. */
  private async syncOf(pair: Pair): Promise<SyncState> {
    if (!pair.calendar.seriesId) return noSync;
    const found = await this.deps.syncs.ofPair(pair.tenantId, pair.id);
    if (!found || found.value.seriesId !== pair.calendar.seriesId) return noSync;
    return { declines: found.value.declines, refreshedAt: found.value.refreshedAt ?? null };
  }

  /** Queues what changed for the bot (idempotent keys: queuing twice stores once). */
  private async notify(
    pair: Pair,
    changes: readonly CalendarChange[],
    seenBy: string | undefined,
    now: Date,
  ): Promise<void> {
    const queue = this.deps.notifications;
    if (!queue || changes.length === 0) return;
    for (const notification of calendarChangeNotices({ pair, changes, seenBy, now })) {
      await queue.schedule(notification);
    }
  }

  private async view(
    principal: Principal,
    loaded: Versioned<Pair>,
    locale: Locale | undefined,
    changes: CalendarChange[],
    known?: SyncState,
  ): Promise<PairCalendarResponse> {
    const pair = loaded.value;
    const sync = known ?? (await this.syncOf(pair));
    const labelled = await this.labelledOf(pair);
    const caller = labelled.find((m) => m.personId === principal.personId) as LabelledMember;
    const lang = locale ?? (await this.localeOf(principal));
    const declined = new Map<string, string[]>();
    for (const { sessionId, personId } of sync.declines) {
      declined.set(sessionId, [...(declined.get(sessionId) ?? []), personId]);
    }
    const sessions: CalendarSessionView[] = [...pair.sessions]
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((s) => {
        const end = new Date(Date.parse(s.start) + s.durationMinutes * 60_000).toISOString();
        return {
          id: s.id,
          index: s.index,
          start: s.start,
          end,
          durationMinutes: s.durationMinutes,
          status: s.status,
          calendarEventId: s.calendarEventId ?? null,
          times: callerFirst(
            labelled.map((m) => memberTime(lang, m, principal.personId, s.start, end)),
            principal.personId,
          ),
          dateLabel: dateLabel(lang, s.start, caller.timeZone),
          declinedBy: declined.get(s.id) ?? [],
        };
      });
    const { seriesId, organiserId, provider } = pair.calendar;
    const organiser = labelled.find((m) => m.personId === organiserId);
    return {
      pairId: pair.id,
      provider: this.deps.calendars.kind,
      series:
        seriesId && organiserId && provider
          ? {
              seriesId,
              organiserId,
              organiserName: organiser?.displayName ?? organiserId,
              provider,
              icsPath:
                provider === 'local'
                  ? `/api/pairs/${encodeURIComponent(pair.id)}/calendar.ics`
                  : null,
            }
          : null,
      sessions,
      changes,
      refreshedAt: sync.refreshedAt,
      canBook: !seriesId && bookableStates.includes(pair.state) && sessionsToBook(pair) > 0,
      version: loaded.etag,
    };
  }

  private async memberPair(principal: Principal, pairId: string): Promise<Versioned<Pair>> {
    const found = await this.deps.pairs.find(principal.tenantId, pairId);
    // Same answer for "absent" and "not yours": a pair's existence is not disclosed.
    if (!found || !isMember(found.value, principal.personId)) {
      throw new DomainError('pair_not_found', `Pair ${pairId} was not found`, { id: pairId });
    }
    return found;
  }

  private assertBookable(pair: Pair): void {
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

  private hasOccurrences(pair: Pair, keys: readonly string[]): boolean {
    const linked = new Set(
      pair.sessions.filter((s) => s.status !== 'cancelled').map((s) => s.calendarEventId),
    );
    return keys.every((k) => linked.has(k));
  }

  /**
   * True when a series starting on `firstDate` (the organiser's date) may be one this pair booked and
   * cancelled (a pause): the calendars key a series by pair and first date, so booking it again
   * would bring the cancelled one back. Conservative: any cancelled session of a series that day.
   */
  private reusesCancelledSeries(pair: Pair, firstDate: string, timeZone: string): boolean {
    return pair.sessions.some(
      (s) =>
        s.status === 'cancelled' &&
        s.calendarEventId !== undefined &&
        toLocal(Date.parse(s.calendarEventId), timeZone).date === firstDate,
    );
  }

  private alreadyBooked(pair: Pair): DomainError {
    return new DomainError(
      'already_exists',
      'Sessions are already booked for this pair: move a single session instead',
      { pairId: pair.id, seriesId: pair.calendar.seriesId },
    );
  }

  private async participants(pair: Pair): Promise<Participants> {
    const [mentor, mentee] = await Promise.all([
      this.participant(pair.tenantId, pair.mentorId),
      this.participant(pair.tenantId, pair.menteeId),
    ]);
    return { mentor, mentee };
  }

  private async participant(tenantId: string, personId: string): Promise<Participant> {
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

  private callerOf(people: Participants, principal: Principal): Participant {
    return people.mentor.person.id === principal.personId ? people.mentor : people.mentee;
  }

  private labelled(people: Participants): LabelledMember[] {
    return [people.mentor, people.mentee].map((p) => ({
      personId: p.person.id,
      displayName: p.person.displayName,
      timeZone: p.calendar.timeZone,
    }));
  }

  /** Names and zones from the pair's snapshot (no directory read), else from the directory. */
  private async labelledOf(pair: Pair): Promise<LabelledMember[]> {
    if (pair.members) {
      return [
        { personId: pair.mentorId, ...pick(pair.members.mentor) },
        { personId: pair.menteeId, ...pick(pair.members.mentee) },
      ];
    }
    return this.labelled(await this.participants(pair));
  }

  private async localeOf(principal: Principal): Promise<Locale> {
    const person = await this.deps.directory.person(principal.tenantId, principal.personId);
    return person?.preferredLocale ?? 'en';
  }

  private async memberEmails(pair: Pair): Promise<Map<string, string>> {
    const people = await Promise.all(
      [pair.mentorId, pair.menteeId].map((id) => this.deps.directory.person(pair.tenantId, id)),
    );
    return new Map(
      people.filter((p): p is Person => p !== undefined).map((p) => [p.email.toLowerCase(), p.id]),
    );
  }

  private async seriesRef(pair: Pair): Promise<SeriesRef> {
    const organiserId = pair.calendar.organiserId ?? pair.mentorId;
    const { calendar } = await this.participant(pair.tenantId, organiserId);
    return { organiser: calendar, seriesId: pair.calendar.seriesId as string };
  }

  private calendarOf(pair: Pair): CalendarPort {
    return this.deps.calendars.calendarFor(pair.tenantId);
  }

  private slotService(tenantId: string): SlotService {
    return new SlotService({
      calendar: this.deps.calendars.calendarFor(tenantId),
      clock: this.deps.clock,
      ...(this.deps.leadTimeHours !== undefined ? { leadTimeHours: this.deps.leadTimeHours } : {}),
    });
  }

  private tabUrl(pairId: string): string {
    return `${this.deps.publicUrl.replace(/\/$/, '')}/plan?pair=${encodeURIComponent(pairId)}`;
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}

/** True when the member's own time of the first session is inside their preferred hours. */
function withinPreferred(member: Participant, times: readonly MemberTime[]): boolean {
  const mine = times.find((t) => t.personId === member.person.id);
  if (!mine) return false;
  const end = mine.end === '00:00' ? '24:00' : mine.end;
  return member.preferred.some(
    (h) => h.day === mine.weekday && h.start <= mine.start && end <= h.end,
  );
}

function pick(member: { displayName: string; timeZone: string }) {
  return { displayName: member.displayName, timeZone: member.timeZone };
}
