import { randomUUID } from 'node:crypto';
import type { CalendarChange, PairCalendarResponse } from '../../contracts/calendar';
import {
  claimRefresh,
  completeRefresh,
  isRefreshDue,
  releaseRefresh,
  type SeenDecline,
} from '../../domain/calendar/calendar-sync';
import { occurrenceKeyOf, reconcileOccurrences } from '../../domain/calendar/occurrences';
import type { Locale } from '../../domain/common';
import type { Pair, PairState } from '../../domain/pair/schema';
import type { Person } from '../../domain/person';
import type { Versioned } from '../../domain/versioned';
import type { Principal } from '../auth/principal';
import { calendarChangeNotices } from './calendar-notices';
import { applyOccurrenceChanges } from './calendar-sessions';
import { PairCalendarContext, type PairCalendarServiceDeps } from './pair-calendar-context';
import { noSync, PairCalendarView } from './pair-calendar-view';
import { SessionChanges } from './session-changes';

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

const closedStates: readonly PairState[] = ['paused', 'completed', 'ended'];
const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * Refreshing from the calendar: the pair's sessions brought in step with its series (moves,
 * cancellations, declines), for a member who looks and for the scheduler's sweep.
 */
export class CalendarRefresh {
  private readonly instanceId: string;
  private readonly context: PairCalendarContext;
  private readonly view: PairCalendarView;
  private readonly sessions: SessionChanges;

  constructor(private readonly deps: PairCalendarServiceDeps) {
    this.instanceId = deps.instanceId ?? `calendar-${randomUUID()}`;
    this.context = new PairCalendarContext(deps);
    this.view = new PairCalendarView(deps);
    this.sessions = new SessionChanges(deps);
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
    const loaded = await this.context.memberPair(principal, pairId);
    const outcome = await this.refreshLoaded(loaded, {
      minAgeMs: this.deps.refreshMinAgeMs ?? 5 * MINUTE,
      seenBy: principal.personId,
    });
    return this.view.render(principal, outcome.pair, locale, outcome.changes, outcome);
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
      const sync = await this.view.syncOf(pair);
      return { pair: loaded, changes: [], refreshed: false, ...sync };
    };
    const seriesId = pair.calendar.seriesId;
    if (!seriesId) return { pair: loaded, changes: [], refreshed: false, ...noSync };
    if (closedStates.includes(pair.state)) {
      const { pair: after, sessionIds } = await this.sessions.cancelRest(loaded);
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
      const observed = await this.context
        .calendarOf(pair)
        .listOccurrences(await this.context.seriesRef(pair), window);
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
        ? await this.context.save(tenantId, pairId, (p) =>
            applyOccurrenceChanges(p, found, this.context.now()),
          )
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

  /** The members' addresses (lower case) to their person ids, to tell who declined. */
  private async memberEmails(pair: Pair): Promise<Map<string, string>> {
    const people = await Promise.all(
      [pair.mentorId, pair.menteeId].map((id) => this.deps.directory.person(pair.tenantId, id)),
    );
    return new Map(
      people.filter((p): p is Person => p !== undefined).map((p) => [p.email.toLowerCase(), p.id]),
    );
  }
}
