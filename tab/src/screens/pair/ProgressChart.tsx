import { GroupedVerticalBarChart, type GroupedVerticalBarChartData } from '@fluentui/react-charts';
import { makeStyles } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { GoalProgress } from '../../../../src/contracts/pairs';
import { usePairT } from './i18n/usePairT';

const useStyles = makeStyles({ chart: { maxWidth: '48rem' } });

const phases = ['start', 'middle', 'end'] as const;

// About how many pixels a character of an axis label takes (Fluent's 12 px caption text).
const LABEL_CHAR_PX = 7;

/**
 * How many characters of a goal fit under its group of bars: 22 on a wide tab, fewer on a narrow
 * one (400 px: a phone, Teams' side panel) so neighbouring labels do not overlap.
 */
function useLabelChars(goalCount: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // The y axis and margins take about 60 px; each goal gets an equal share of the rest.
  const perGoal = width === null ? Infinity : (width - 60) / Math.max(goalCount, 1);
  const chars = Math.min(22, Math.max(4, Math.floor(perGoal / LABEL_CHAR_PX) - 1));
  return { ref, chars };
}

/**
 * Self-assessed level per goal at each phase, as grouped bars. Loaded on its own (React.lazy): the
 * charts package is ~90 KiB gzip. The table next to it says the same for screen readers.
 */
export default function ProgressChart({ goals }: { goals: GoalProgress[] }) {
  const styles = useStyles();
  const t = usePairT();
  const { ref, chars } = useLabelChars(goals.length);
  const data: GroupedVerticalBarChartData[] = goals.map((goal) => ({
    name: goal.goal,
    series: phases
      .filter((phase) => goal[phase] !== null)
      .map((phase) => ({
        key: `${goal.goal}:${phase}`,
        data: goal[phase] ?? 0,
        legend: t(`pair.phase.${phase}`),
        xAxisCalloutData: goal.goal,
        yAxisCalloutData: t('pair.progress.levelOf', { level: goal[phase] ?? 0 }),
      })),
  }));
  return (
    <div ref={ref} className={styles.chart}>
      <GroupedVerticalBarChart
        data={data}
        chartTitle={t('pair.progress.chartTitle')}
        yMaxValue={5}
        height={280}
        barWidth="auto"
        // Goals are sentences: cut them on the axis to what fits the tab's width (full text in a
        // tooltip and in the table).
        showXAxisLablesTooltip
        noOfCharsToTruncate={chars}
        hideTickOverlap={false}
      />
    </div>
  );
}
