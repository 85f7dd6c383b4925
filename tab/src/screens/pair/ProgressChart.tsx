import { GroupedVerticalBarChart, type GroupedVerticalBarChartData } from '@fluentui/react-charts';
import { makeStyles } from '@fluentui/react-components';
import type { GoalProgress } from '../../../../src/contracts/pairs';
import { usePairT } from './i18n/usePairT';

const useStyles = makeStyles({ chart: { maxWidth: '48rem' } });

const phases = ['start', 'middle', 'end'] as const;

/**
 * Self-assessed level per goal at each phase, as grouped bars. Loaded on its own (React.lazy): the
 * charts package is ~90 KiB gzip. The table next to it says the same for screen readers.
 */
export default function ProgressChart({ goals }: { goals: GoalProgress[] }) {
  const styles = useStyles();
  const t = usePairT();
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
    <div className={styles.chart}>
      <GroupedVerticalBarChart
        data={data}
        chartTitle={t('pair.progress.chartTitle')}
        yMaxValue={5}
        height={280}
        barWidth="auto"
        // Goals are sentences: cut them on the axis (full text in a tooltip and in the table).
        showXAxisLablesTooltip
        noOfCharsToTruncate={22}
        hideTickOverlap={false}
      />
    </div>
  );
}
