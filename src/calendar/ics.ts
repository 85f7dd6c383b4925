import type { CalendarSeries } from '../domain/calendar/calendar-series';
import { formatLocalTime, offsetMinutes, toLocal } from '../domain/calendar/local-time';
import { ruleWeekday, ruleWeekIndex } from '../domain/calendar/recurrence';

const icsDays = { mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA', sun: 'SU' };
const icsWeek = { first: '1', second: '2', third: '3', fourth: '4', last: '-1' };

/**
 * The series as an iCalendar file (RFC 5545): one VEVENT with an RRULE in the organiser's zone,
 * a VTIMEZONE built from the zone's real transitions, EXDATEs for cancelled occurrences and one
 * overriding VEVENT (RECURRENCE-ID) per moved occurrence. `stamp` is the DTSTAMP instant.
 */
export function seriesToIcs(series: CalendarSeries, stamp: Date): string {
  const { rule } = series;
  const zone = rule.timeZone;
  const uid = `${series.id}@mentoring`;
  const local = (iso: string) => localStamp(Date.parse(iso), zone);
  const first = series.occurrences[0];
  if (!first) throw new Error(`Series ${series.id} has no occurrences`);
  const freq =
    rule.frequency === 'monthly'
      ? `FREQ=MONTHLY;BYDAY=${icsWeek[ruleWeekIndex(rule)]}${icsDays[ruleWeekday(rule)]}`
      : `FREQ=WEEKLY;INTERVAL=${rule.frequency === 'biweekly' ? 2 : 1};BYDAY=${icsDays[ruleWeekday(rule)]}`;
  const people = [
    `ORGANIZER;CN=${param(series.organiser.displayName)}:mailto:${uri(series.organiser.email)}`,
    ...series.attendees.map(
      (a) =>
        `ATTENDEE;CN=${param(a.displayName)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${uri(a.email)}`,
    ),
  ];
  const common = [
    `SUMMARY:${escapeText(series.subject)}`,
    `DESCRIPTION:${escapeText(series.bodyText)}`,
    `URL:${uri(series.tabUrl)}`,
    ...people,
  ];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Mentoring//Reverse mentoring//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...vtimezone(
      zone,
      Date.parse(first.occurrenceKey),
      Math.max(...series.occurrences.map((o) => Date.parse(o.end))),
    ),
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${utcStamp(stamp.getTime())}`,
    `DTSTART;TZID=${zone}:${local(first.occurrenceKey)}`,
    `DTEND;TZID=${zone}:${localStamp(Date.parse(first.occurrenceKey) + rule.durationMinutes * 60_000, zone)}`,
    `RRULE:${freq};COUNT=${rule.count}`,
    ...series.occurrences
      .filter((o) => o.cancelled)
      .map((o) => `EXDATE;TZID=${zone}:${local(o.occurrenceKey)}`),
    ...common,
    'END:VEVENT',
  ];
  for (const moved of series.occurrences.filter(
    (o) => !o.cancelled && Date.parse(o.start) !== Date.parse(o.occurrenceKey),
  )) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}`,
      `DTSTAMP:${utcStamp(stamp.getTime())}`,
      `RECURRENCE-ID;TZID=${zone}:${local(moved.occurrenceKey)}`,
      `DTSTART;TZID=${zone}:${local(moved.start)}`,
      `DTEND;TZID=${zone}:${local(moved.end)}`,
      ...common,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** VTIMEZONE with every offset change from a year before `from` to `to`. */
function vtimezone(zone: string, from: number, to: number): string[] {
  const HOUR = 3_600_000;
  const start = from - 366 * 24 * HOUR;
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  let previous = offsetMinutes(start, zone);
  const observance = (kind: string, at: number, fromOffset: number, toOffset: number) => [
    `BEGIN:${kind}`,
    `DTSTART:${localStamp(at, zone, fromOffset)}`,
    `TZOFFSETFROM:${offsetText(fromOffset)}`,
    `TZOFFSETTO:${offsetText(toOffset)}`,
    `END:${kind}`,
  ];
  lines.push(...observance('STANDARD', start, previous, previous));
  for (let t = start + HOUR; t <= to + HOUR; t += HOUR) {
    const current = offsetMinutes(t, zone);
    if (current === previous) continue;
    // Find the exact minute of the change within the last hour.
    let lo = t - HOUR;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (mid === lo) break;
      if (offsetMinutes(mid, zone) === previous) lo = mid;
      else hi = mid;
    }
    lines.push(...observance(current > previous ? 'DAYLIGHT' : 'STANDARD', hi, previous, current));
    previous = current;
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

function localStamp(ms: number, zone: string, offset?: number): string {
  const wall = offset === undefined ? toLocal(ms, zone) : toLocal(ms + offset * 60_000, 'UTC');
  return `${wall.date.replaceAll('-', '')}T${formatLocalTime(wall.minutes).replace(':', '')}00`;
}

function utcStamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replaceAll('-', '').replaceAll(':', '')}Z`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** TEXT escaping (RFC 5545 §3.3.11). */
function escapeText(value: string): string {
  return value
    .replaceAll('\\', '\\\\')
    .replaceAll(';', '\\;')
    .replaceAll(',', '\\,')
    .replaceAll(/\r\n|[\r\n\u2028\u2029]/g, '\\n')
    .replaceAll(controls, '');
}

/** Control characters other than line breaks: no place in a property value (RFC 5545 §3.3.11). */
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** A URI or address value: nothing that could end the line. */
function uri(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replaceAll(/[\s\u0000-\u001f\u007f]/g, '');
}

/** A parameter value: quoted when it holds , ; or :, and never a double quote. */
function param(value: string): string {
  const clean = value
    .replaceAll('"', "'")
    .replaceAll(/[\r\n\u2028\u2029]+/g, ' ')
    .replaceAll(controls, '');
  return /[,;:]/.test(clean) ? `"${clean}"` : clean;
}

/** Folds lines longer than 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? 75 : 74;
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
