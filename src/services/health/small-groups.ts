import type { GuardedNumber, HealthResponse } from '../../contracts/health';
import { protectFigures, type Breakdown } from '../../domain/disclosure';
import type { HealthSlice } from './figures';

/**
 * Small-group suppression over every slice of a programme's figures at once, so that a count
 * hidden in one slice cannot be recomputed from another: participants by role, by state and in
 * a pair add up to the slice's total; each of them, by department, adds up to the figure without
 * a department filter (people with no department are the remainder); by start month, to the
 * figure without a month filter (people in no pair are the remainder). The rule:
 * src/domain/disclosure.ts. The bilan's "volunteers" are read off the protected states.
 */

type Slot = { department: string | null; startMonth: string | null };
type Measure = { key: string; get: (p: HealthResponse['participants']) => GuardedNumber };

const measures: Measure[] = [
  { key: 'total', get: (p) => p.total },
  { key: 'inPairs', get: (p) => p.inPairs },
  ...(['mentor', 'mentee', 'both'] as const).map((r) => ({
    key: `role.${r}`,
    get: (p: HealthResponse['participants']) => p.byRole[r],
  })),
  ...(['not_joined', 'opted_in', 'paused', 'left'] as const).map((s) => ({
    key: `state.${s}`,
    get: (p: HealthResponse['participants']) => p.byState[s],
  })),
];

const idOf = (slot: Slot, measure: string) =>
  JSON.stringify([slot.department, slot.startMonth, measure]);

/**
 * The slices with participants' counts protected (computed as plain numbers, hidden here as
 * `{ suppressed: true }`), and the report's volunteers consistent with them.
 */
export function protectParticipants(slices: readonly HealthSlice[]): HealthSlice[] {
  const values = new Map<string, number>();
  for (const slice of slices) {
    for (const m of measures) {
      const v = m.get(slice.health.participants);
      if (typeof v !== 'number') throw new Error(`participants ${m.key} suppressed too early`);
      values.set(idOf(slice, m.key), v);
    }
  }
  const departments = [...new Set(slices.map((s) => s.department))].filter((d) => d !== null);
  const months = [...new Set(slices.map((s) => s.startMonth))].filter((m) => m !== null);
  const has = (slot: Slot) => values.has(idOf(slot, 'total'));
  const breakdowns: Breakdown[] = [];
  for (const slice of slices) {
    const id = (key: string) => idOf(slice, key);
    breakdowns.push(
      { cells: ['role.mentor', 'role.mentee', 'role.both'].map(id), total: id('total') },
      {
        cells: ['state.not_joined', 'state.opted_in', 'state.paused', 'state.left'].map(id),
        total: id('total'),
      },
      // Those not in a pair are the total minus those in one.
      { cells: [id('inPairs')], total: id('total') },
    );
  }
  for (const m of measures) {
    for (const startMonth of [null, ...months]) {
      const cells = departments
        .map((department) => ({ department, startMonth }))
        .filter(has)
        .map((slot) => idOf(slot, m.key));
      breakdowns.push({ cells, total: idOf({ department: null, startMonth }, m.key) });
    }
    for (const department of [null, ...departments]) {
      const cells = months
        .map((startMonth) => ({ department, startMonth }))
        .filter(has)
        .map((slot) => idOf(slot, m.key));
      breakdowns.push({ cells, total: idOf({ department, startMonth: null }, m.key) });
    }
  }
  // A month's participants are its pairs' members: while nobody has left a pair, they add up
  // to the people in a pair.
  for (const department of [null, ...departments]) {
    const cells = months
      .map((startMonth) => ({ department, startMonth }))
      .filter(has)
      .map((slot) => idOf(slot, 'total'));
    breakdowns.push({ cells, total: idOf({ department, startMonth: null }, 'inPairs') });
  }

  const hidden = protectFigures(values, breakdowns);
  const shown = (slot: Slot, key: string): GuardedNumber => {
    const id = idOf(slot, key);
    return hidden.has(id) ? { suppressed: true } : values.get(id)!;
  };
  return slices.map((slice) => {
    const p = slice.health.participants;
    const at = (key: string) => shown(slice, key);
    const participants = {
      ...p,
      total: at('total'),
      inPairs: at('inPairs'),
      byRole: { mentor: at('role.mentor'), mentee: at('role.mentee'), both: at('role.both') },
      byState: {
        not_joined: at('state.not_joined'),
        opted_in: at('state.opted_in'),
        paused: at('state.paused'),
        left: at('state.left'),
      },
    };
    const protectedSlice: HealthSlice = {
      ...slice,
      health: { ...slice.health, participants },
    };
    if (slice.report) {
      const { total, byState } = participants;
      protectedSlice.report = {
        ...slice.report,
        guide: {
          ...slice.report.guide,
          volunteers: {
            ...slice.report.guide.volunteers,
            // Everyone but the invitees: shown only when the total and the invitees are (it
            // is then their difference, and reveals nothing they do not).
            volunteered:
              typeof total === 'number' && typeof byState.not_joined === 'number'
                ? total - byState.not_joined
                : { suppressed: true },
            invitedNotJoined: byState.not_joined,
            left: byState.left,
          },
        },
      };
    }
    return protectedSlice;
  });
}
