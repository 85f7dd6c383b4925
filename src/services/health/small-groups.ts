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

const directions = ['menteesAboutMentors', 'mentorsAboutMentees'] as const;
const ratings = ['1', '2', '3', '4'] as const;
const fits = ['good', 'unsure', 'poor'] as const;

/**
 * Figures over pairs protected across start months: pairs fall in exactly one month, so a
 * month's hidden figure would come back from the all-months figure and the other months' (a
 * sum is an average times its people). Each figure is sized by the people it covers
 * (satisfaction per direction by raters, time to first session by pairs' members, progress per
 * skill by people assessed); a hidden one hides the whole figure. Within satisfaction, the
 * ratings 1–4 add up to the feedback count (three hidden once any is: the average is a second
 * equation) and the pairing-fit answers to the raters, in each view and across months.
 * Departments overlap (a pair counts in both members' departments), so their figures do not add
 * up and are left to the primary rule.
 */
export function protectPairFigures(slices: readonly HealthSlice[]): HealthSlice[] {
  const values = new Map<string, number>();
  const keys = new Set<string>();
  const alreadyHidden: string[] = [];
  for (const slice of slices) {
    const sizes = slice.groupSizes ?? {};
    for (const [key, n] of Object.entries(sizes)) {
      values.set(idOf(slice, key), n);
      keys.add(key);
    }
    for (const d of directions) {
      const key = `satisfaction.${d}`;
      // A direction rated by fewer than 5 is hidden whole, zeros included.
      if ((sizes[key] ?? 0) < 5) {
        for (const k of Object.keys(sizes)) {
          if (k === key || k.startsWith(`${key}.`)) alreadyHidden.push(idOf(slice, k));
        }
      }
    }
  }
  const departments = [...new Set(slices.map((s) => s.department))];
  const months = [...new Set(slices.map((s) => s.startMonth))].filter((m) => m !== null);
  const breakdowns: Breakdown[] = [];
  for (const slice of slices) {
    const id = (key: string) => idOf(slice, key);
    for (const d of directions) {
      const key = `satisfaction.${d}`;
      if (!values.has(id(key))) continue;
      breakdowns.push(
        {
          cells: ratings.map((r) => id(`${key}.rating.${r}`)),
          total: id(`${key}.feedback`),
          minHidden: 3,
        },
        // Raters who gave no fit answer are the remainder.
        { cells: fits.map((f) => id(`${key}.fit.${f}`)), total: id(key) },
      );
    }
  }
  for (const key of keys) {
    for (const department of departments) {
      const total = idOf({ department, startMonth: null }, key);
      if (!values.has(total)) continue;
      const cells = months
        .map((startMonth) => idOf({ department, startMonth }, key))
        .filter((id) => values.has(id));
      breakdowns.push({ cells, total });
    }
  }
  const hidden = protectFigures(values, breakdowns, alreadyHidden);
  return slices.map(({ groupSizes, ...slice }) => {
    void groupSizes;
    const isHidden = (key: string) => hidden.has(idOf(slice, key));
    const h = slice.health;
    const hide = <T>(value: T): T | { suppressed: true } =>
      value === null ? value : { suppressed: true };
    const satisfaction = { ...h.satisfaction };
    for (const d of directions) {
      const key = `satisfaction.${d}`;
      const shown = satisfaction[d];
      if (shown.suppressed) continue;
      if (isHidden(key) || isHidden(`${key}.feedback`)) {
        satisfaction[d] = { suppressed: true };
        continue;
      }
      const cell = (k: string, v: GuardedNumber): GuardedNumber =>
        isHidden(`${key}.${k}`) ? { suppressed: true } : v;
      satisfaction[d] = {
        ...shown,
        distribution: {
          '1': cell('rating.1', shown.distribution['1']),
          '2': cell('rating.2', shown.distribution['2']),
          '3': cell('rating.3', shown.distribution['3']),
          '4': cell('rating.4', shown.distribution['4']),
        },
        fit: {
          good: cell('fit.good', shown.fit.good),
          unsure: cell('fit.unsure', shown.fit.unsure),
          poor: cell('fit.poor', shown.fit.poor),
        },
      };
    }
    const first = h.timeToFirstSession;
    const timeToFirstSession = isHidden('timeToFirstSession')
      ? { ...first, medianDays: hide(first.medianDays), averageDays: hide(first.averageDays) }
      : first;
    const skills = {
      ...h.skills,
      bySkill: h.skills.bySkill.map((s) =>
        isHidden(`skill.${s.skillId}`) ? { ...s, progress: { suppressed: true as const } } : s,
      ),
    };
    return { ...slice, health: { ...h, satisfaction, timeToFirstSession, skills } };
  });
}
