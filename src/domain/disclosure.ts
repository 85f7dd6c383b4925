import { isSmallGroup, smallGroupMinimum } from './health';

/**
 * Small-group suppression that subtraction cannot undo. A figure about 1 to 4 people is hidden
 * (primary suppression); and where figures add up to a total that is shown (a breakdown), hiding
 * one cell alone would let anyone work it out as the total minus the others. So, as statistical
 * offices do (complementary or secondary suppression), more cells are hidden until what can be
 * derived from a breakdown (the sum of its hidden cells, and of whatever the shown cells leave
 * unexplained) is never a value about 1 to 4 people, nor the exact value of one hidden cell.
 * Pure: figures are named by ids, breakdowns are lists of ids.
 */

/** Figures that add up to a total: `total` = the sum of `cells` (plus a remainder never shown). */
export type Breakdown = {
  cells: readonly string[];
  /** The id of the total's figure: hidden when hiding a cell cannot protect the breakdown. */
  total: string;
  /**
   * Hidden cells needed once any is (default 2). A mean shown over the same cells (ratings and
   * their average) is a second equation, so two hidden cells could be solved for: 3.
   */
  minHidden?: number;
};

/**
 * The ids to hide among `values` so that no figure about fewer than 5 people shows, and no
 * breakdown lets one be recomputed by subtraction. Primary: every value from 1 to 4 (0 is shown).
 * Secondary, breakdown by breakdown until nothing changes (hiding a cell in one breakdown may
 * expose another that shares it): when a breakdown's total is shown and its hidden part (the
 * hidden cells, plus the remainder the cells leave of the total, which is never shown) is a
 * single hidden cell or sums to 1–4, the smallest shown non-zero cell is hidden too; when every
 * non-zero cell is already hidden, the total is hidden instead (its breakdown then gives no
 * equation, and the total is protected where it is itself a cell).
 */
export function protectFigures(
  values: ReadonlyMap<string, number>,
  breakdowns: readonly Breakdown[],
  /** Figures hidden whatever their value (their whole group is hidden, say). */
  alreadyHidden: Iterable<string> = [],
): Set<string> {
  const value = (id: string) => {
    const v = values.get(id);
    if (v === undefined) throw new Error(`protectFigures: no value for figure ${id}`);
    return v;
  };
  const hidden = new Set<string>(alreadyHidden);
  for (const [id, v] of values) if (isSmallGroup(v)) hidden.add(id);
  let changed = true;
  while (changed) {
    changed = false;
    for (const b of breakdowns) {
      if (hidden.has(b.total) || isSafe(b, value, hidden)) continue;
      const candidate = smallestShown(b, value, hidden);
      hidden.add(candidate ?? b.total);
      changed = true;
    }
  }
  return hidden;
}

/**
 * What a lead can derive from one breakdown whose total is shown: the total minus the shown
 * cells, i.e. the hidden cells plus the remainder. Safe when that is 0, when nothing is hidden
 * and the remainder is at least 5, or when it covers at least two unknowns and 5 or more.
 */
function isSafe(b: Breakdown, value: (id: string) => number, hidden: ReadonlySet<string>): boolean {
  const cells = b.cells.map(value);
  // A remainder is people counted in the total but in no cell (no department, say). Where the
  // cells over-count (one person in two cells), the derived sum is off and reveals less: 0.
  const remainder = Math.max(0, value(b.total) - cells.reduce((a, c) => a + c, 0));
  const hiddenCells = b.cells.filter((id) => hidden.has(id));
  const parts = hiddenCells.length + (remainder > 0 ? 1 : 0);
  const derived = remainder + hiddenCells.reduce((a, id) => a + value(id), 0);
  if (hiddenCells.length === 0) return remainder === 0 || remainder >= smallGroupMinimum;
  // Everything hidden is zero (hidden with its whole group): it gives away no one.
  if (derived === 0) return true;
  const enough =
    b.minHidden === undefined ||
    hiddenCells.length >= b.minHidden ||
    // Every non-zero cell is hidden already: nothing more a cell could add.
    b.cells.every((id) => hidden.has(id) || value(id) === 0);
  return enough && parts >= 2 && derived >= smallGroupMinimum;
}

/** The shown non-zero cell with the smallest value (the first in order on a tie), if any. */
function smallestShown(
  b: Breakdown,
  value: (id: string) => number,
  hidden: ReadonlySet<string>,
): string | undefined {
  let best: string | undefined;
  for (const id of b.cells) {
    if (hidden.has(id) || value(id) === 0) continue;
    if (best === undefined || value(id) < value(best)) best = id;
  }
  return best;
}

/**
 * `protectFigures` for one breakdown: which of `cells` to hide, and whether to hide `total`
 * (itself hidden when it is 1 to 4, or when no cell can be hidden in its stead).
 */
export function protectBreakdown(
  cells: readonly number[],
  total: number,
): { cells: boolean[]; total: boolean } {
  const values = new Map<string, number>(cells.map((v, i) => [`cell-${i}`, v]));
  values.set('total', total);
  const ids = cells.map((_, i) => `cell-${i}`);
  const hidden = protectFigures(values, [{ cells: ids, total: 'total' }]);
  return { cells: ids.map((id) => hidden.has(id)), total: hidden.has('total') };
}

/**
 * `protectBreakdown` for a distribution whose average is shown too (ratings 1–4 and their mean):
 * the mean is a second equation over the same cells, so two hidden cells could be solved for.
 * At least three cells are hidden once any is (all the non-zero ones when there are fewer).
 */
export function protectDistribution(
  cells: readonly number[],
  total: number,
): { cells: boolean[]; total: boolean } {
  const values = new Map<string, number>(cells.map((v, i) => [`cell-${i}`, v]));
  values.set('total', total);
  const ids = cells.map((_, i) => `cell-${i}`);
  const hidden = protectFigures(values, [{ cells: ids, total: 'total', minHidden: 3 }]);
  return { cells: ids.map((id) => hidden.has(id)), total: hidden.has('total') };
}
