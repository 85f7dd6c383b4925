import type {
  CalendarChange,
  CalendarSessionView,
  PairCalendarResponse,
} from '../../contracts/calendar';
import type { SeenDecline } from '../../domain/calendar/calendar-sync';
import type { Locale } from '../../domain/common';
import type { Pair } from '../../domain/pair/schema';
import type { Versioned } from '../../domain/versioned';
import type { Principal } from '../auth/principal';
import { callerFirst, dateLabel, memberTime, type LabelledMember } from './calendar-labels';
import { sessionsToBook } from './calendar-sessions';
import {
  bookableStates,
  PairCalendarContext,
  type PairCalendarServiceDeps,
} from './pair-calendar-context';

/** Who declined which session at the pair's last read of its series, and when that was. */
export type SyncState = { declines: readonly SeenDecline[]; refreshedAt: string | null };
export const noSync: SyncState = { declines: [], refreshedAt: null };

/** The booked series and the sessions, as the planning page shows them to one member. */
export class PairCalendarView {
  private readonly context: PairCalendarContext;

  constructor(private readonly deps: PairCalendarServiceDeps) {
    this.context = new PairCalendarContext(deps);
  }

  /** The pair's calendar as it is stored: no calendar call. */
  async calendar(
    principal: Principal,
    pairId: string,
    locale?: Locale,
  ): Promise<PairCalendarResponse> {
    const loaded = await this.context.memberPair(principal, pairId);
    return this.render(principal, loaded, locale, []);
  }

  /** The response for `loaded`, with `changes` (a refresh's) and the declines of the last read. */
  async render(
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

  /** The declines seen at the pair's last read of its series, and when that was. */
  async syncOf(pair: Pair): Promise<SyncState> {
    if (!pair.calendar.seriesId) return noSync;
    const found = await this.deps.syncs.ofPair(pair.tenantId, pair.id);
    if (!found || found.value.seriesId !== pair.calendar.seriesId) return noSync;
    return { declines: found.value.declines, refreshedAt: found.value.refreshedAt ?? null };
  }

  /** Names and zones from the pair's snapshot (no directory read), else from the directory. */
  private async labelledOf(pair: Pair): Promise<LabelledMember[]> {
    if (pair.members) {
      return [
        { personId: pair.mentorId, ...pick(pair.members.mentor) },
        { personId: pair.menteeId, ...pick(pair.members.mentee) },
      ];
    }
    return this.context.labelled(await this.context.participants(pair));
  }

  private async localeOf(principal: Principal): Promise<Locale> {
    const person = await this.deps.directory.person(principal.tenantId, principal.personId);
    return person?.preferredLocale ?? 'en';
  }
}

function pick(member: { displayName: string; timeZone: string }) {
  return { displayName: member.displayName, timeZone: member.timeZone };
}
