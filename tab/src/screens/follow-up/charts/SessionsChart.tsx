import { LineChart, type LineChartPoints } from '@fluentui/react-charts';
import { makeStyles } from '@fluentui/react-components';
import type { SessionWeek } from '../../../../../src/contracts/health';
import { dateTag } from '../../../i18n/catalogue';
import { useLocale } from '../../../i18n/I18nProvider';
import { useHealthT } from '../health-i18n';

// Fluent capitalises every word of a legend; ours are plain words in the tab's language.
const useStyles = makeStyles({ legend: { textTransform: 'none' } });

/**
 * Sessions planned and held per week, as two lines over a date axis (its ticks thin out on a
 * narrow tab, so 60 weeks fit 400 px). Loaded on its own (React.lazy): the charts package is
 * ~90 KiB gzip. The table beside it says the same for screen readers.
 */
export default function SessionsChart({ weeks }: { weeks: readonly SessionWeek[] }) {
  const t = useHealthT();
  const styles = useStyles();
  const locale = useLocale();
  const at = (week: SessionWeek) => new Date(`${week.weekStart.slice(0, 10)}T00:00:00Z`);
  const lines: LineChartPoints[] = [
    {
      legend: t('health.sessions.planned'),
      data: weeks.map((week) => ({ x: at(week), y: week.planned })),
      // Dashed, so the held line shows through where every planned session was held (and the
      // two differ by more than their colour in high contrast).
      lineOptions: { strokeDasharray: '6 4' },
    },
    {
      legend: t('health.sessions.held'),
      data: weeks.map((week) => ({ x: at(week), y: week.held })),
    },
  ];
  const format = new Intl.DateTimeFormat(dateTag(locale), {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  return (
    <LineChart
      data={{ chartTitle: t('health.sessions.chart'), lineChartData: lines }}
      height={240}
      culture={dateTag(locale)}
      legendProps={{ styles: { legend: styles.legend }, enabledWrapLines: true }}
      customDateTimeFormatter={(date: Date) => format.format(date)}
      xAxisTickCount={4}
      yMinValue={0}
      // Counts: with at least 4 on the axis its ticks are whole numbers (not 0.25, 0.5…).
      yMaxValue={Math.max(4, ...weeks.map((week) => Math.max(week.planned, week.held)))}
    />
  );
}
