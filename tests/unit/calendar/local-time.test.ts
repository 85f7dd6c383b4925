import { describe, expect, it } from 'vitest';
import {
  addDays,
  isValidTimeZone,
  offsetMinutes,
  toLocal,
  toUtc,
  weekdayOf,
} from '../../../src/domain/calendar/local-time';
import { isDomainError } from '../../../src/domain/errors';

const iso = (ms: number) => new Date(ms).toISOString();

describe('local time in IANA zones', () => {
  it('reads Paris wall-clock times as CET in winter and CEST in summer', () => {
    expect(iso(toUtc('2026-03-24', 10 * 60, 'Europe/Paris'))).toBe('2026-03-24T09:00:00.000Z');
    expect(iso(toUtc('2026-03-31', 10 * 60, 'Europe/Paris'))).toBe('2026-03-31T08:00:00.000Z');
    expect(iso(toUtc('2026-10-27', 10 * 60, 'Europe/Paris'))).toBe('2026-10-27T09:00:00.000Z');
  });

  it('moves a time skipped by the spring change forward by the gap', () => {
    // 02:30 does not exist in Paris on 29 March 2026: it reads as 03:30 CEST.
    expect(iso(toUtc('2026-03-29', 150, 'Europe/Paris'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the first of the two readings of a time repeated by the autumn change', () => {
    expect(iso(toUtc('2026-10-25', 150, 'Europe/Paris'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('follows Montréal, whose clocks change three weeks before Paris', () => {
    expect(offsetMinutes(Date.parse('2026-03-07T12:00:00Z'), 'America/Toronto')).toBe(-300);
    expect(offsetMinutes(Date.parse('2026-03-09T12:00:00Z'), 'America/Toronto')).toBe(-240);
    expect(toLocal(Date.parse('2026-03-17T14:00:00Z'), 'America/Toronto')).toEqual({
      date: '2026-03-17',
      minutes: 10 * 60,
      weekday: 'tue',
    });
  });

  it('crosses midnight into the previous local day', () => {
    expect(toLocal(Date.parse('2026-06-02T03:00:00Z'), 'America/Toronto')).toEqual({
      date: '2026-06-01',
      minutes: 23 * 60,
      weekday: 'mon',
    });
  });

  it('does plain date arithmetic across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(weekdayOf('2026-03-31')).toBe('tue');
  });

  it('rejects an unknown zone with a validation error naming it', () => {
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    try {
      toLocal(0, 'Mars/Olympus_Mons');
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, 'validation_failed')).toBe(true);
      expect((error as Error).message).toContain('Mars/Olympus_Mons');
    }
  });
});
