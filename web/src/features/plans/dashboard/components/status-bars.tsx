import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { PLAN_ITEM_STATUSES } from '../../../../../../core/plans/status.js';
import { useLocalised } from '../../../../lib/use-localised.js';
import { bucketColor, bucketsInUse, countRows, type StatusBreakdown } from '../utils/chart-data.js';

interface StatusBarsProps {
  groups: readonly { name: string; breakdown: StatusBreakdown }[];
  /** Words for screen readers: what the chart shows; the table below has the figures. */
  label: string;
  /** Horizontal bars (one per institution) instead of columns (one per chapter). */
  horizontal?: boolean;
}

/** Stacked bars of status counts per group, in the status badges' colours. */
export function StatusBars({ groups, label, horizontal = false }: StatusBarsProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const buckets = bucketsInUse(
    PLAN_ITEM_STATUSES,
    groups.map((g) => g.breakdown),
  );
  const height = horizontal ? Math.max(160, groups.length * 38 + 70) : 280;
  return (
    <div role="img" aria-label={label}>
      <BarChart
        h={height}
        data={countRows(groups, buckets)}
        dataKey="name"
        type="stacked"
        orientation={horizontal ? 'vertical' : 'horizontal'}
        series={buckets.map((s) => ({
          name: s,
          label: t(`plans.itemStatus.${s}`),
          color: bucketColor(s),
        }))}
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 56 }}
        valueFormatter={(value) => localiser.number(value)}
        maxBarWidth={horizontal ? 26 : 56}
        gridAxis={horizontal ? 'x' : 'y'}
        yAxisProps={horizontal ? { width: 200, interval: 0 } : { allowDecimals: false }}
        xAxisProps={horizontal ? { allowDecimals: false } : { interval: 0 }}
      />
    </div>
  );
}
