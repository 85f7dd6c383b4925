import type { MemberTime, SlotProposalView, SlotsResponse } from '../../contracts/calendar';
import type { Locale } from '../../domain/common';
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
import { reusesCancelledSeries, sessionsToBook } from './calendar-sessions';
import {
  PairCalendarContext,
  type PairCalendarServiceDeps,
  type Participant,
  type Participants,
} from './pair-calendar-context';

/** Finding slots: the pair's five best recurring slots, labelled for the member asking. */
export class SlotProposals {
  private readonly context: PairCalendarContext;

  constructor(private readonly deps: PairCalendarServiceDeps) {
    this.context = new PairCalendarContext(deps);
  }

  /** The best recurring slots for the pair, or why none fits: one calendar read. */
  async slots(principal: Principal, pairId: string, locale?: Locale): Promise<SlotsResponse> {
    const { value: pair } = await this.context.memberPair(principal, pairId);
    this.context.assertBookable(pair);
    const count = sessionsToBook(pair);
    const people = await this.context.participants(pair);
    const lang = locale ?? callerOf(people, principal).person.preferredLocale;
    const frame = {
      sessions: count,
      durationMinutes: pair.agreement.frame.durationMinutes,
      frequency: pair.agreement.frame.frequency,
    };
    const result = await this.context.slotService(pair.tenantId).propose({
      organiser: people.mentor.calendar,
      partner: people.mentee.calendar,
      frame,
      preferredHours: {
        ...(people.mentor.preferred.length ? { organiser: people.mentor.preferred } : {}),
        ...(people.mentee.preferred.length ? { partner: people.mentee.preferred } : {}),
      },
      limit: 5,
    });
    const labelled = this.context.labelled(people);
    const caller = labelled.find((m) => m.personId === principal.personId) as LabelledMember;
    const proposals: SlotProposalView[] =
      result.kind === 'found'
        ? result.proposals
            // See reusesCancelledSeries: a first date cancelled before would bring that series back.
            .filter((p) => !reusesCancelledSeries(pair, p.rule.firstDate, p.rule.timeZone))
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
}

function callerOf(people: Participants, principal: Principal): Participant {
  return people.mentor.person.id === principal.personId ? people.mentor : people.mentee;
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
