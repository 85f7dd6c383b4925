import { GroupedVerticalBarChart, type GroupedVerticalBarChartData } from '@fluentui/react-charts';
import { makeStyles } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { dateTag } from '../../../i18n/catalogue';
import { useLocale } from '../../../i18n/I18nProvider';

const useStyles = makeStyles({
  chart: { maxWidth: '48rem' },
  // Fluent capitalises every word of a legend; ours are sentences (« Les mentors sur… »).
  legend: { textTransform: 'none' },
});

/** One group of bars (a skill, a rating) and its bars (start and end, one per direction). */
export type BarGroup = { name: string; bars: { legend: string; value: number; label: string }[] };

// About how many pixels a character of an axis label takes (Fluent's 12 px caption text).
const LABEL_CHAR_PX = 7;

/** How many characters of a group's name fit under it at the chart's width (40 at most). */
function useLabelChars(groupCount: number) {
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
  const perGroup = width === null ? Infinity : (width - 60) / Math.max(groupCount, 1);
  const chars = Math.min(40, Math.max(2, Math.floor(perGroup / LABEL_CHAR_PX) - 1));
  return { ref, chars };
}

/**
 * Grouped vertical bars (skills start/end, ratings per direction). Loaded on its own
 * (React.lazy); the table beside it says the same for screen readers.
 */
export default function BarGroupsChart({
  title,
  groups,
  yMax,
}: {
  title: string;
  groups: readonly BarGroup[];
  yMax?: number;
}) {
  const styles = useStyles();
  const locale = useLocale();
  const { ref, chars } = useLabelChars(groups.length);
  const data: GroupedVerticalBarChartData[] = groups.map((group) => ({
    name: group.name,
    series: group.bars.map((bar) => ({
      key: `${group.name}:${bar.legend}`,
      data: bar.value,
      legend: bar.legend,
      xAxisCalloutData: group.name,
      yAxisCalloutData: bar.label,
    })),
  }));
  return (
    <div ref={ref} className={styles.chart}>
      <GroupedVerticalBarChart
        data={data}
        chartTitle={title}
        culture={dateTag(locale)}
        // Labels over the bars print decimals the English way (3.6): averages are read in the table.
        hideLabels={groups.some((group) => group.bars.some((bar) => !Number.isInteger(bar.value)))}
        // Wrapped, every legend shows at 400 px (else the last hides behind an English "+1 more").
        legendProps={{ styles: { legend: styles.legend }, enabledWrapLines: true }}
        // A scale of 1 to 5 ticks 0, 1 … 5 (with Fluent's default of 4 ticks it ran up to 6).
        {...(yMax !== undefined ? { yMaxValue: yMax, yAxisTickCount: yMax } : {})}
        height={240}
        barWidth="auto"
        showXAxisLablesTooltip
        noOfCharsToTruncate={chars}
        hideTickOverlap={false}
      />
    </div>
  );
}
