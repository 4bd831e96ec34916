import { BarChart } from '@mantine/charts';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { PLAN_ITEM_STATUSES } from '../../../../../../core/plans/status.js';
import { useLocalised } from '../../../../lib/use-localised.js';
import { bucketColor, bucketsInUse, countRows, type StatusBreakdown } from '../utils/chart-data.js';
import { CategoryTick } from './category-tick.js';
import { ChartLegend } from './chart-legend.js';

interface StatusBarsProps {
  groups: readonly { name: string; breakdown: StatusBreakdown }[];
  /** Words for screen readers: what the chart shows; the table below has the figures. */
  label: string;
}

/**
 * Stacked horizontal bars of status counts, one per group (a chapter, an institution), in the
 * status badges' colours. The group's name stands at the left of its bar, wrapped over up to three
 * lines; counts are whole numbers, so the axis shows no fractions; the legend wraps below.
 */
export function StatusBars({ groups, label }: StatusBarsProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const wide = useMediaQuery('(min-width: 48em)', true);
  const buckets = bucketsInUse(
    PLAN_ITEM_STATUSES,
    groups.map((g) => g.breakdown),
  );
  const series = buckets.map((s) => ({
    name: s,
    label: t(`plans.itemStatus.${s}`),
    color: bucketColor(s),
  }));
  const axisWidth = wide ? 190 : 112;
  const charsPerLine = wide ? 30 : 17;
  const largest = Math.max(1, ...groups.map((g) => g.breakdown.total));
  return (
    <div role="img" aria-label={label}>
      <BarChart
        h={Math.max(140, groups.length * 46 + 40)}
        data={countRows(groups, buckets)}
        dataKey="name"
        type="stacked"
        orientation="vertical"
        series={series}
        valueFormatter={(value) => localiser.number(value)}
        maxBarWidth={26}
        gridAxis="x"
        yAxisProps={{
          width: axisWidth,
          interval: 0,
          tick: <CategoryTick width={charsPerLine} />,
        }}
        xAxisProps={{
          allowDecimals: false,
          // Whole counts only: at most one tick per item, at most six ticks.
          tickCount: Math.min(largest + 1, 6),
          domain: [0, 'dataMax'],
        }}
      />
      <ChartLegend series={series} />
    </div>
  );
}
