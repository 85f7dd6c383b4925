import {
  Caption1,
  makeStyles,
  mergeClasses,
  Radio,
  RadioGroup,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { WeeklySlot, Weekday } from '../../../src/domain/common';
import { useLocale } from '../i18n/I18nProvider';
import {
  cellsToSlots,
  setCells,
  slotsToCells,
  timeOf,
  visibleRange,
  weekdayOrder,
  weeklyMinutes,
} from './week-grid-model';
import { useComponentsT } from './components-i18n';

// Seven day columns of 32 px and the hour labels (English's '10:00 AM' being the widest) fit the
// ~320 px a form has in a 400 px tab, so the weekend is not hidden behind a horizontal scroll;
// 32 × 24 px stays above WCAG's 24 px target.
const DAY_COLUMN_WIDTH = '32px';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  scroller: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', userSelect: 'none' },
  header: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    textAlign: 'center',
    minWidth: DAY_COLUMN_WIDTH,
  },
  rowHeader: {
    paddingRight: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    textAlign: 'right',
    whiteSpace: 'nowrap',
  },
  cell: {
    height: '24px',
    minWidth: DAY_COLUMN_WIDTH,
    padding: 0,
    textAlign: 'center',
    fontSize: tokens.fontSizeBase200,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForegroundOnBrand,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground,
    ':hover': { backgroundColor: tokens.colorBrandBackgroundHover },
  },
  summary: { color: tokens.colorNeutralForeground2 },
});

// 1 January 2024 was a Monday: formatting the days of that week names Monday to Sunday.
const mondayUtc = Date.UTC(2024, 0, 1, 12);

function dayNames(locale: string, width: 'long' | 'short'): Record<Weekday, string> {
  const format = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
  return Object.fromEntries(
    weekdayOrder.map((day, i) => [day, format.format(new Date(mondayUtc + i * 86_400_000))]),
  ) as Record<Weekday, string>;
}

function timeLabel(locale: string, minutes: number): string {
  if (minutes >= 1440) return locale === 'fr' ? '24:00' : '12:00 AM';
  // French writes 09:00; English 9:00 AM.
  return new Intl.DateTimeFormat(locale, {
    hour: locale === 'fr' ? '2-digit' : 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2024, 0, 1, 0, minutes)));
}

type WeekGridProps = {
  value: readonly WeeklySlot[];
  onChange: (slots: WeeklySlot[]) => void;
  /** The IANA zone the times are in (the person's own). */
  timeZone: string;
  /** Id of the visible label of the grid. */
  labelledBy: string;
  describedBy?: string;
};

/**
 * A week of availability as a grid: days across, times down. Arrow keys move between cells,
 * Space or Enter marks a time as available or not, a mouse drag paints several at once. Cells are
 * an hour or half an hour; the times are the person's local time in `timeZone`.
 */
export function WeekGrid({ value, onChange, timeZone, labelledBy, describedBy }: WeekGridProps) {
  const styles = useStyles();
  const ct = useComponentsT();
  const locale = useLocale();
  const [step, setStep] = useState<1 | 2>(2);
  const cells = useMemo(() => slotsToCells(value), [value]);
  const range = visibleRange(cells, step);
  const rows: number[] = [];
  for (let index = range.from; index < range.to; index += step) rows.push(index);
  const [focus, setFocus] = useState({ row: 0, col: 0 });
  const tableRef = useRef<HTMLTableElement>(null);
  // A mouse drag paints every cell it crosses with the state the first cell is turned into.
  const drag = useRef<{ on: boolean; origin: [Weekday, number]; moved: boolean } | null>(null);
  const afterDrag = useRef(false);
  const stepId = useId('week-step');
  const longDays = useMemo(() => dayNames(locale, 'long'), [locale]);
  const shortDays = useMemo(() => dayNames(locale, 'short'), [locale]);

  const halfHoursOf = (row: number) => (step === 2 ? [row, row + 1] : [row]);
  const isOn = (day: Weekday, row: number) =>
    halfHoursOf(row).every((index) => cells.get(day)?.has(index));
  const set = (targets: [Weekday, number][], on: boolean) => {
    let next = cells;
    for (const [day, row] of targets) next = setCells(next, day, halfHoursOf(row), on);
    onChange(cellsToSlots(next));
  };

  const moveTo = (row: number, col: number) => {
    const r = Math.max(0, Math.min(rows.length - 1, row));
    const c = Math.max(0, Math.min(weekdayOrder.length - 1, col));
    setFocus({ row: r, col: c });
    tableRef.current?.querySelector<HTMLElement>(`[data-row="${r}"][data-col="${c}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableCellElement>, row: number, col: number) => {
    const day = weekdayOrder[col] as Weekday;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, col],
      ArrowDown: [row + 1, col],
      ArrowLeft: [row, col - 1],
      ArrowRight: [row, col + 1],
      Home: [row, 0],
      End: [row, weekdayOrder.length - 1],
      PageUp: [0, col],
      PageDown: [rows.length - 1, col],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      moveTo(move[0], move[1]);
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      const index = rows[row] as number;
      set([[day, index]], !isOn(day, index));
    }
  };

  const focusRow = Math.min(focus.row, rows.length - 1);
  const hours = weeklyMinutes(cells) / 60;
  const clock = (zone?: string) =>
    new Intl.DateTimeFormat(locale, {
      hour: locale === 'fr' ? '2-digit' : 'numeric',
      minute: '2-digit',
      weekday: 'long',
      timeZone: zone,
    }).format(new Date());
  const now = clock(timeZone);
  // Someone travelling, or setting a colleague's zone: say what the grid's times are here too.
  const deviceNow = clock();

  return (
    <div className={styles.root}>
      <RadioGroup
        layout="horizontal"
        aria-labelledby={stepId}
        value={String(step)}
        onChange={(_, data) => setStep(data.value === '1' ? 1 : 2)}
      >
        <Caption1 id={stepId} as="span">
          {ct('weekGrid.step')}
        </Caption1>
        <Radio value="2" label={ct('weekGrid.step.hour')} />
        <Radio value="1" label={ct('weekGrid.step.halfHour')} />
      </RadioGroup>
      <Caption1 as="p" className={styles.summary}>
        {ct('weekGrid.localTime', { zone: timeZone, now })}
        {deviceNow !== now && ` ${ct('weekGrid.deviceTime', { now: deviceNow })}`}
      </Caption1>
      <div className={styles.scroller}>
        <table
          ref={tableRef}
          role="grid"
          aria-labelledby={labelledBy}
          aria-describedby={describedBy}
          className={styles.table}
          onPointerLeave={() => (drag.current = null)}
          onPointerUp={() => {
            // The click that ends a drag must not toggle the last cell back.
            if (drag.current?.moved) {
              afterDrag.current = true;
              setTimeout(() => (afterDrag.current = false), 0);
            }
            drag.current = null;
          }}
        >
          <thead>
            <tr>
              <td />
              {weekdayOrder.map((day) => (
                <th key={day} scope="col" className={styles.header} abbr={longDays[day]}>
                  {shortDays[day]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((index, row) => (
              <tr key={index}>
                <th scope="row" className={styles.rowHeader}>
                  {timeLabel(locale, index * 30)}
                </th>
                {weekdayOrder.map((day, col) => {
                  const on = isOn(day, index);
                  const start = index * 30;
                  const label = ct('weekGrid.cell', {
                    day: longDays[day],
                    start: timeLabel(locale, start),
                    end: timeLabel(locale, start + step * 30),
                  });
                  return (
                    <td
                      key={day}
                      role="gridcell"
                      aria-selected={on}
                      aria-label={label}
                      data-row={row}
                      data-col={col}
                      data-time={`${day} ${timeOf(start)}`}
                      tabIndex={row === focusRow && col === focus.col ? 0 : -1}
                      className={mergeClasses(styles.cell, on && styles.selected)}
                      onKeyDown={(event) => onKeyDown(event, row, col)}
                      onFocus={() => setFocus({ row, col })}
                      onClick={() => {
                        if (!afterDrag.current) set([[day, index]], !on);
                      }}
                      onPointerDown={(event) => {
                        if (event.button === 0)
                          drag.current = { on: !on, origin: [day, index], moved: false };
                      }}
                      onPointerEnter={(event) => {
                        const current = drag.current;
                        if (!current || event.buttons !== 1) return;
                        const targets: [Weekday, number][] = [[day, index]];
                        if (!current.moved) targets.push(current.origin);
                        current.moved = true;
                        set(targets, current.on);
                      }}
                    >
                      <span aria-hidden="true">{on ? '✓' : ''}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Caption1 as="p" role="status" className={styles.summary}>
        {ct('weekGrid.total', { hours: hours.toLocaleString(locale) })}
      </Caption1>
    </div>
  );
}
