import {
  cellsToSlots,
  setCells,
  slotsToCells,
  visibleRange,
  weeklyMinutes,
} from '../../../../tab/src/components/week-grid-model';

describe('the week grid model', () => {
  it('turns slots into half-hours and back, merging neighbours', () => {
    const slots = [
      { day: 'mon' as const, start: '09:00', end: '12:00' },
      { day: 'mon' as const, start: '14:00', end: '17:30' },
      { day: 'sun' as const, start: '23:00', end: '24:00' },
    ];
    const cells = slotsToCells(slots);
    expect(weeklyMinutes(cells)).toBe(3 * 60 + 3.5 * 60 + 60);
    expect(cellsToSlots(cells)).toEqual(slots);
    const joined = setCells(cells, 'mon', [24, 25, 26, 27], true);
    expect(cellsToSlots(joined)).toEqual([
      { day: 'mon', start: '09:00', end: '17:30' },
      { day: 'sun', start: '23:00', end: '24:00' },
    ]);
  });

  it('covers every half-hour a slot touches when it is not on the half-hour', () => {
    const cells = slotsToCells([{ day: 'tue', start: '09:15', end: '10:10' }]);
    expect(cellsToSlots(cells)).toEqual([{ day: 'tue', start: '09:00', end: '10:30' }]);
  });

  it('widens the visible hours to include early and late times, on the hour for hour cells', () => {
    expect(visibleRange(slotsToCells([]), 2)).toEqual({ from: 14, to: 42 });
    const cells = slotsToCells([{ day: 'wed', start: '06:30', end: '07:00' }]);
    expect(visibleRange(cells, 1)).toEqual({ from: 13, to: 42 });
    expect(visibleRange(cells, 2)).toEqual({ from: 12, to: 42 });
  });
});
