import { describe, expect, it } from 'vitest';
import { seriesToIcs } from '../../../src/calendar/ics';
import {
  calendarSeriesSchema,
  type CalendarSeries,
} from '../../../src/domain/calendar/calendar-series';
import { expandRecurrence, type RecurrenceRule } from '../../../src/domain/calendar/recurrence';

function aSeries(rule: Partial<RecurrenceRule> = {}): CalendarSeries {
  const fullRule: RecurrenceRule = {
    frequency: 'weekly',
    timeZone: 'Europe/Paris',
    firstDate: '2026-03-17',
    localStart: '15:00',
    durationMinutes: 60,
    count: 6,
    ...rule,
  };
  const occurrences = expandRecurrence(fullRule).map((o) => ({
    occurrenceKey: o.originalStart,
    start: o.start,
    end: o.end,
    localDate: o.localDate,
    cancelled: false,
    responses: [],
  }));
  return calendarSeriesSchema.parse({
    id: 'series-pair-1-2026-03-17',
    tenantId: 't1',
    kind: 'series',
    pairId: 'pair-1',
    organiser: { id: 'marc', email: 'marc@contoso.com', displayName: 'Marc' },
    attendees: [{ id: 'chloe', email: 'chloe@contoso.com', displayName: 'Chloé, Montréal' }],
    participantIds: ['marc', 'chloe'],
    rule: fullRule,
    subject: 'Reverse mentoring: Power BI; dashboards (Marc & Chloé)',
    bodyText:
      'Your reverse-mentoring sessions on “Power BI”: 6 sessions of 60 minutes, every week.\nThe agenda is on the pair’s page.',
    tabUrl: 'https://teams.example/tab/pairs/pair-1',
    firstStart: occurrences[0]?.start,
    lastEnd: occurrences[occurrences.length - 1]?.end,
    occurrences,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
  });
}

const unfold = (ics: string) => ics.replaceAll('\r\n ', '').split('\r\n');

describe('the .ics export of a series', () => {
  it('writes one VEVENT with an RRULE in the organiser’s zone and a VTIMEZONE with the real changes', () => {
    const ics = seriesToIcs(aSeries(), new Date('2026-03-02T10:00:00Z'));
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('DTSTAMP:20260302T100000Z');
    expect(lines).toContain('UID:series-pair-1-2026-03-17@mentoring');
    expect(lines).toContain('DTSTART;TZID=Europe/Paris:20260317T150000');
    expect(lines).toContain('DTEND;TZID=Europe/Paris:20260317T160000');
    expect(lines).toContain('RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;COUNT=6');
    expect(lines).toContain('SUMMARY:Reverse mentoring: Power BI\\; dashboards (Marc & Chloé)');
    expect(lines).toContain(
      'DESCRIPTION:Your reverse-mentoring sessions on “Power BI”: 6 sessions of 60 minutes\\, every week.\\nThe agenda is on the pair’s page.',
    );
    expect(lines).toContain('ORGANIZER;CN=Marc:mailto:marc@contoso.com');
    expect(lines).toContain(
      'ATTENDEE;CN="Chloé, Montréal";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:chloe@contoso.com',
    );
    // The spring change of 29 March 2026 at 02:00 local, and the autumn one before it.
    const tz = ics.slice(ics.indexOf('BEGIN:VTIMEZONE'), ics.indexOf('END:VTIMEZONE'));
    expect(tz).toContain(
      'BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT',
    );
    expect(tz).toContain(
      'BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD',
    );
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('never lets a bare CR, a LF or a CRLF in a text or a name end a line of the file', () => {
    const series = {
      ...aSeries(),
      subject: 'Power BI\rATTENDEE:mailto:eve@evil.example',
      bodyText: 'one\rtwo\nthree\r\nfour\u2028five',
      organiser: { id: 'marc', email: 'marc@contoso.com', displayName: 'Marc\rX-INJECTED:1' },
    };
    const ics = seriesToIcs(series, new Date('2026-03-02T10:00:00Z'));
    // Every CR is part of a CRLF line ending, every LF ends a line after a CR.
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const lines = unfold(ics);
    expect(lines).toContain('SUMMARY:Power BI\\nATTENDEE:mailto:eve@evil.example');
    expect(lines).toContain('DESCRIPTION:one\\ntwo\\nthree\\nfour\\nfive');
    expect(
      lines.some((l) => l.startsWith('ATTENDEE:mailto:eve') || l.startsWith('X-INJECTED')),
    ).toBe(false);
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const ics = seriesToIcs(aSeries(), new Date('2026-03-02T10:00:00Z'));
    for (const line of ics.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(ics).toContain('\r\n ');
  });

  it('lists cancelled occurrences as EXDATE and moved ones as overriding events', () => {
    const series = aSeries();
    const occurrences = series.occurrences.map((o, i) =>
      i === 1
        ? { ...o, start: '2026-03-25T08:00:00.000Z', end: '2026-03-25T09:00:00.000Z' }
        : i >= 4
          ? { ...o, cancelled: true }
          : o,
    );
    const lines = unfold(seriesToIcs({ ...series, occurrences }, new Date('2026-03-02T10:00:00Z')));
    expect(lines).toContain('EXDATE;TZID=Europe/Paris:20260414T150000');
    expect(lines).toContain('EXDATE;TZID=Europe/Paris:20260421T150000');
    expect(lines).toContain('RECURRENCE-ID;TZID=Europe/Paris:20260324T150000');
    expect(lines).toContain('DTSTART;TZID=Europe/Paris:20260325T090000');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
  });

  it('writes a monthly series as the n-th weekday, and a fifth one as the last', () => {
    const second = unfold(
      seriesToIcs(
        aSeries({ frequency: 'monthly', firstDate: '2026-03-10', count: 3 }),
        new Date('2026-03-02T10:00:00Z'),
      ),
    );
    expect(second).toContain('RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=3');
    const last = unfold(
      seriesToIcs(
        aSeries({ frequency: 'monthly', firstDate: '2026-03-31', count: 3 }),
        new Date('2026-03-02T10:00:00Z'),
      ),
    );
    expect(last).toContain('RRULE:FREQ=MONTHLY;BYDAY=-1TU;COUNT=3');
  });

  it('writes every two weeks from Montréal with its own zone', () => {
    const lines = unfold(
      seriesToIcs(
        aSeries({
          frequency: 'biweekly',
          timeZone: 'America/Toronto',
          firstDate: '2026-10-26',
          localStart: '09:30',
        }),
        new Date('2026-03-02T10:00:00Z'),
      ),
    );
    expect(lines).toContain('DTSTART;TZID=America/Toronto:20261026T093000');
    expect(lines).toContain('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=6');
    expect(lines.join('\n')).toContain(
      'DTSTART:20261101T020000\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500',
    );
  });
});
