import { BarChart, LineChart } from '@mantine/charts';
import { Badge, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PERIOD_BUCKETS, type PeriodBucket } from '../../../../../../core/plans/dashboard.js';
import { EmptyState } from '../../../../components/empty-state.js';
import { useLocalised } from '../../../../lib/use-localised.js';
import type { PlanDashboard } from '../api/get-plan-dashboard.js';
import { bucketColor, bucketsInUse } from '../utils/chart-data.js';
import { ChartLegend } from './chart-legend.js';

/** The plan's progress and status distribution period by period, from approved reports. */
export function PeriodTrend({ periods }: { periods: PlanDashboard['periods']['items'] }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const percent = (value: number) => t('planDashboard.percent', { value: localiser.number(value) });
  const bucketLabel = (b: PeriodBucket) =>
    b === 'not_reported' ? t('planDashboard.periods.notReported') : t(`plans.itemStatus.${b}`);

  if (periods.length === 0)
    return (
      <EmptyState
        icon={<IconChartLine size={28} aria-hidden />}
        title={t('planDashboard.periods.empty')}
        description={t('planDashboard.periods.emptyHint')}
      />
    );

  const buckets = bucketsInUse(
    PERIOD_BUCKETS,
    periods.map((p) => p.breakdown),
  );
  const statusSeries = buckets.map((b) => ({
    name: b,
    label: bucketLabel(b),
    color: bucketColor(b),
  }));
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <div role="img" aria-label={t('planDashboard.periods.progressChartLabel')}>
          <Text size="sm" fw={600} mb={6} aria-hidden>
            {t('planDashboard.periods.progress')}
          </Text>
          <LineChart
            h={240}
            data={periods.map((p) => ({ name: p.title, progress: p.progress }))}
            dataKey="name"
            series={[
              { name: 'progress', label: t('planDashboard.periods.progress'), color: 'blue.6' },
            ]}
            connectNulls={false}
            curveType="linear"
            yAxisProps={{ domain: [0, 100] }}
            valueFormatter={(value) => percent(value)}
            gridAxis="y"
          />
        </div>
        <div role="img" aria-label={t('planDashboard.periods.statusChartLabel')}>
          <Text size="sm" fw={600} mb={6} aria-hidden>
            {t('planDashboard.periods.statuses')}
          </Text>
          <BarChart
            h={240}
            data={periods.map((p) => ({
              name: p.title,
              ...Object.fromEntries(buckets.map((b) => [b, p.breakdown.counts[b]])),
            }))}
            dataKey="name"
            type="percent"
            series={statusSeries}
            maxBarWidth={48}
            gridAxis="y"
          />
          <ChartLegend series={statusSeries} />
        </div>
      </SimpleGrid>
      <Table.ScrollContainer minWidth={560}>
        <Table striped verticalSpacing={6} fz="sm">
          <Table.Caption>{t('planDashboard.periods.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('planDashboard.table.period')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('planDashboard.periods.progress')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('planDashboard.periods.reported')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('planDashboard.periods.approved')}
              </Table.Th>
              {buckets.map((b) => (
                <Table.Th key={b} scope="col" ta="right">
                  {bucketLabel(b)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {periods.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Th scope="row" fw={500}>
                  {p.title}{' '}
                  {p.status === 'locked' ? (
                    <Badge size="xs" variant="light" color="gray" radius="xs">
                      {t('planDashboard.periods.locked')}
                    </Badge>
                  ) : null}
                  <Text size="xs" c="dimmed">
                    {localiser.date({ date: p.startsOn, precision: 'day' })} –{' '}
                    {localiser.date({ date: p.endsOn, precision: 'day' })}
                  </Text>
                </Table.Th>
                <Table.Td ta="right">
                  {p.progress === null ? (
                    <Text span c="dimmed" size="sm">
                      {t('planDashboard.noProgress')}
                    </Text>
                  ) : (
                    percent(p.progress)
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {t('planDashboard.periods.ofTotal', {
                    count: localiser.number(p.reported),
                    total: localiser.number(p.breakdown.total),
                  })}
                </Table.Td>
                <Table.Td ta="right">{localiser.number(p.approvedInPeriod)}</Table.Td>
                {buckets.map((b) => (
                  <Table.Td key={b} ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {localiser.number(p.breakdown.counts[b])}{' '}
                    <Text span c="dimmed" size="xs">
                      ({percent(p.breakdown.percentages[b])})
                    </Text>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
