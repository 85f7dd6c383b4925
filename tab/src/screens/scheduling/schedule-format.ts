import type { MemberTime, SlotProposalView } from '../../../../src/contracts/calendar';
import type { MyPairItem } from '../../../../src/contracts/pairs';
import { dateTag, type Locale } from '../../i18n/catalogue';
import type { usePlanT } from './i18n';

export type PlanT = ReturnType<typeof usePlanT>;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "Wednesday, 2 December 2026" / "mercredi 2 décembre 2026" in the viewer's zone: British English
 * like the other screens (`dateTag`), not the API's US-style labels.
 */
export function dayLabel(locale: Locale, iso: string, times: readonly MemberTime[]): string {
  const timeZone = times.find((m) => m.isMe)?.timeZone;
  const key = `${locale}|${timeZone ?? ''}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(dateTag(locale), {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(timeZone ? { timeZone } : {}),
    });
    dayFormats.set(key, format);
  }
  return format.format(new Date(iso));
}

/**
 * One sentence for a proposal: "Every two weeks on Tuesday, 10:00–11:00 for you; 6 sessions from
 * Tuesday, 17 March 2026." The partner's time is added only when their zone differs from yours.
 */
export function proposalSummary(proposal: SlotProposalView, t: PlanT, locale: Locale): string {
  const me = proposal.times.find((m) => m.isMe) ?? proposal.times[0];
  if (!me) return '';
  const other = proposal.times.find((m) => m !== me);
  const cadence = proposal.cadenceLabel.charAt(0).toUpperCase() + proposal.cadenceLabel.slice(1);
  const common = {
    cadence,
    weekday: me.weekdayLabel,
    time: me.timeLabel,
    sessions: proposal.occurrencesLabel,
    date: dayLabel(locale, proposal.firstStart, proposal.times),
  };
  if (!other || other.timeZone === me.timeZone) return t('plan.summary', common);
  return t('plan.summary.both', {
    ...common,
    partnerTime:
      other.weekday === me.weekday ? other.timeLabel : `${other.weekdayLabel} ${other.timeLabel}`,
    partner: other.displayName,
    zone: other.timeZone,
  });
}

/** A `datetime-local` value ('YYYY-MM-DDTHH:mm') for an instant, in the browser's zone. */
export function localInputValue(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The pair as the picker names it: whom the person mentors or is mentored by, and the subject. */
export function pairLabel(item: MyPairItem, t: PlanT): string {
  const who =
    item.myRole === 'mentor'
      ? t('plan.picker.mentorOf', { name: item.partner.displayName })
      : t('plan.picker.menteeOf', { name: item.partner.displayName });
  return item.subject ? `${who} – ${item.subject}` : who;
}
