import { describe, expect, it } from 'vitest';
import {
  expandRecurrence,
  ruleWeekIndex,
  type RecurrenceRule,
} from '../../../src/domain/calendar/recurrence';

const aRule = (overrides: Partial<RecurrenceRule> = {}): RecurrenceRule => ({
  frequency: 'weekly',
  timeZone: 'Europe/Paris',
  firstDate: '2026-03-17',
  localStart: '10:00',
  durationMinutes: 60,
  count: 4,
  ...overrides,
});

describe('recurrence expansion', () => {
  it('keeps 10:00 Paris time across the March change, so the UTC hour moves', () => {
    const starts = expandRecurrence(aRule()).map((o) => o.start);
    expect(starts).toEqual([
      '2026-03-17T09:00:00.000Z',
      '2026-03-24T09:00:00.000Z',
      '2026-03-31T08:00:00.000Z',
      '2026-04-07T08:00:00.000Z',
    ]);
  });

  it('keeps 10:00 Paris time across the October change', () => {
    const occurrences = expandRecurrence(aRule({ firstDate: '2026-10-20', count: 2 }));
    expect(occurrences.map((o) => [o.start, o.end])).toEqual([
      ['2026-10-20T08:00:00.000Z', '2026-10-20T09:00:00.000Z'],
      ['2026-10-27T09:00:00.000Z', '2026-10-27T10:00:00.000Z'],
    ]);
  });

  it('meets every other week when biweekly', () => {
    const dates = expandRecurrence(aRule({ frequency: 'biweekly', count: 3 })).map(
      (o) => o.localDate,
    );
    expect(dates).toEqual(['2026-03-17', '2026-03-31', '2026-04-14']);
  });

  it('keeps the same weekday of the same week each month when monthly', () => {
    // 10 March 2026 is the second Tuesday.
    const dates = expandRecurrence(
      aRule({ frequency: 'monthly', firstDate: '2026-03-10', count: 3 }),
    ).map((o) => o.localDate);
    expect(dates).toEqual(['2026-03-10', '2026-04-14', '2026-05-12']);
  });

  it('turns a fifth weekday into the last one of each month', () => {
    const rule = aRule({ frequency: 'monthly', firstDate: '2026-01-31', count: 3 });
    expect(ruleWeekIndex(rule)).toBe('last');
    expect(expandRecurrence(rule).map((o) => o.localDate)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-28',
    ]);
  });

  it('refuses a rule without sessions', () => {
    expect(() => expandRecurrence(aRule({ count: 0 }))).toThrow(/count/);
  });
});
