import { fc, test } from '@fast-check/vitest';
import {
  protectBreakdown,
  protectDistribution,
  protectFigures,
} from '../../../src/domain/disclosure';

/** What a reader works out from a breakdown: the total minus the cells shown. */
function derived(cells: readonly number[], total: number, hidden: readonly boolean[]): number {
  return total - cells.reduce((sum, c, i) => (hidden[i] ? sum : sum + c), 0);
}

describe('protectBreakdown', () => {
  it('hides the next-smallest cell with a single small one, so 26 − 14 − 11 no longer gives 1', () => {
    // Participants by department: Finance 14, Ventes 11, Juridique 1, total 26.
    const result = protectBreakdown([14, 11, 1], 26);
    expect(result).toEqual({ cells: [false, true, true], total: false });
    // What subtraction gives now is Ventes and Juridique together, not Juridique.
    expect(derived([14, 11, 1], 26, result.cells)).toBe(12);
  });

  it('shows everything when every cell is 0 or at least 5', () => {
    expect(protectBreakdown([14, 0, 12], 26)).toEqual({
      cells: [false, false, false],
      total: false,
    });
  });

  it('needs no second cell when two small ones already add up to 5 or more', () => {
    expect(protectBreakdown([20, 3, 2], 25)).toEqual({ cells: [false, true, true], total: false });
  });

  it('hides another cell when the small ones together are still fewer than 5', () => {
    expect(protectBreakdown([20, 1, 2, 9], 32)).toEqual({
      cells: [false, true, true, true],
      total: false,
    });
  });

  it('never picks a zero cell: hiding it would protect nothing', () => {
    expect(protectBreakdown([0, 3, 30, 0], 33)).toEqual({
      cells: [false, true, true, false],
      total: false,
    });
  });

  it('counts people in the total but in no cell: a remainder of 1–4 hides a cell', () => {
    // 26 people, 3 of them without a department: 26 − 14 − 9 would give them away.
    expect(protectBreakdown([14, 9], 26)).toEqual({ cells: [false, true], total: false });
  });

  it('takes the remainder as a second unknown beside a small cell once they reach 5', () => {
    expect(protectBreakdown([14, 9, 2], 28)).toEqual({ cells: [false, false, true], total: false });
  });

  it('hides a total of 1–4, and then every small cell with it', () => {
    expect(protectBreakdown([3, 0, 1], 4)).toEqual({ cells: [true, false, true], total: true });
  });
});

describe('protectDistribution', () => {
  it('hides a third rating when two hidden ones could be solved for with the average', () => {
    // 30 ratings averaging 3.1: with 1s and 2s hidden, d1 + d2 = 4 and d1 + 2·d2 = 7 give them.
    expect(protectDistribution([1, 3, 12, 14], 30)).toEqual({
      cells: [true, true, true, false],
      total: false,
    });
  });

  it('shows a distribution with no small rating in full', () => {
    expect(protectDistribution([0, 5, 12, 14], 31)).toEqual({
      cells: [false, false, false, false],
      total: false,
    });
  });
});

describe('protectFigures', () => {
  it('follows a hidden cell into the breakdowns it shares, until nothing changes', () => {
    // Two departments × two roles, with the department totals and the role totals shown.
    const values = new Map([
      ['finance.mentor', 10],
      ['finance.mentee', 2],
      ['finance', 12],
      ['ventes.mentor', 8],
      ['ventes.mentee', 9],
      ['ventes', 17],
      ['mentor', 18],
      ['mentee', 11],
      ['all', 29],
    ]);
    const hidden = protectFigures(values, [
      { cells: ['finance.mentor', 'finance.mentee'], total: 'finance' },
      { cells: ['ventes.mentor', 'ventes.mentee'], total: 'ventes' },
      { cells: ['finance.mentor', 'ventes.mentor'], total: 'mentor' },
      { cells: ['finance.mentee', 'ventes.mentee'], total: 'mentee' },
      { cells: ['finance', 'ventes'], total: 'all' },
    ]);
    // Finance's 2 mentees, then Finance's mentors (its row), Ventes' mentees (the mentee
    // column), and Ventes' mentors (its row and the mentor column): no row or column has a
    // single unknown.
    expect([...hidden].sort()).toEqual([
      'finance.mentee',
      'finance.mentor',
      'ventes.mentee',
      'ventes.mentor',
    ]);
  });

  it('counts figures hidden with their whole group, and is content when all that is hidden is zero', () => {
    // June's direction is hidden whole (fewer than 5 raters): its 0 ones and its 2 twos.
    const values = new Map([
      ['may.ones', 0],
      ['june.ones', 0],
      ['all.ones', 0],
      ['may.twos', 6],
      ['june.twos', 2],
      ['all.twos', 8],
    ]);
    const hidden = protectFigures(
      values,
      [
        { cells: ['may.ones', 'june.ones'], total: 'all.ones' },
        { cells: ['may.twos', 'june.twos'], total: 'all.twos' },
      ],
      ['june.ones', 'june.twos'],
    );
    // 0 − 0 gives June's ones, which are none: nothing more to hide. 8 − 6 would give June's twos.
    expect([...hidden].sort()).toEqual(['june.ones', 'june.twos', 'may.twos']);
  });

  it('hides the total when the only non-zero cell is hidden elsewhere', () => {
    const values = new Map([
      ['a', 7],
      ['b', 0],
      ['line', 7],
      ['x', 2],
      ['other', 9],
    ]);
    const hidden = protectFigures(values, [
      { cells: ['a', 'b'], total: 'line' },
      { cells: ['a', 'x'], total: 'other' },
    ]);
    expect([...hidden].sort()).toEqual(['a', 'line', 'x']);
  });
});

const breakdowns = fc
  .record({
    cells: fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 })), {
      minLength: 1,
      maxLength: 8,
    }),
    remainder: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8 })),
  })
  .map(({ cells, remainder }) => ({
    cells,
    total: cells.reduce((a, b) => a + b, 0) + remainder,
  }));

describe('protectBreakdown, for any breakdown', () => {
  test.prop([breakdowns], { numRuns: 2000 })(
    'hides every figure about 1 to 4 people and shows every zero',
    ({ cells, total }) => {
      const result = protectBreakdown(cells, total);
      cells.forEach((c, i) => {
        if (c >= 1 && c <= 4) expect(result.cells[i]).toBe(true);
        if (c === 0) expect(result.cells[i]).toBe(false);
      });
      if (total >= 1 && total <= 4) expect(result.total).toBe(true);
    },
  );

  test.prop([breakdowns], { numRuns: 2000 })(
    'leaves no hidden cell, and no group of fewer than 5, to be worked out from the shown total and cells',
    ({ cells, total }) => {
      const result = protectBreakdown(cells, total);
      if (result.total) return; // no total shown: nothing to subtract from
      const hiddenValues = cells.filter((_, i) => result.cells[i]);
      const rest = derived(cells, total, result.cells);
      // The one thing subtraction gives: the hidden cells plus what no cell counts.
      if (hiddenValues.length > 0) expect(hiddenValues).not.toContain(rest);
      expect(rest >= 1 && rest <= 4).toBe(false);
    },
  );
});
