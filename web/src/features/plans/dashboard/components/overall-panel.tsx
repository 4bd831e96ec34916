import { DonutChart } from '@mantine/charts';
import { Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PLAN_ITEM_STATUSES } from '../../../../../../core/plans/status.js';
import { useLocalised } from '../../../../lib/use-localised.js';
import type { PlanDashboard } from '../api/get-plan-dashboard.js';
import { bucketColor, bucketsInUse } from '../utils/chart-data.js';
import { ItemStatusBadge } from '../../components/item-status-badge.js';

/** The whole plan: a donut of statuses, the rolled-up progress and the figures. */
export function OverallPanel({ dashboard }: { dashboard: PlanDashboard }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const { overall } = dashboard;
  const buckets = bucketsInUse(PLAN_ITEM_STATUSES, [overall.breakdown]);
  const percent = (value: number) => t('planDashboard.percent', { value: localiser.number(value) });
  return (
    <Stack gap="md">
      <Group align="center" gap="xl" wrap="wrap">
        <div role="img" aria-label={t('planDashboard.overall.chartLabel')}>
          <DonutChart
            size={180}
            thickness={28}
            withTooltip
            tooltipDataSource="segment"
            paddingAngle={overall.breakdown.total > 1 ? 1 : 0}
            chartLabel={overall.progress === null ? '—' : percent(overall.progress)}
            data={buckets.map((s) => ({
              name: t(`plans.itemStatus.${s}`),
              value: overall.breakdown.counts[s],
              color: bucketColor(s),
            }))}
          />
        </div>
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('planDashboard.overall.progress')}
          </Text>
          <Text fz={36} fw={700} lh={1}>
            {overall.progress === null ? '—' : percent(overall.progress)}
          </Text>
          <Text size="sm" c="dimmed" maw={340}>
            {overall.progress === null
              ? t('planDashboard.noProgress')
              : t('planDashboard.overall.rule')}
          </Text>
          <Text size="sm" mt="xs">
            {t('planDashboard.overall.items', { count: overall.breakdown.total })}
          </Text>
        </Stack>
      </Group>
      <Table striped verticalSpacing={6} fz="sm" maw={520}>
        <Table.Caption>{t('planDashboard.overall.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('planDashboard.table.status')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('planDashboard.table.items')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('planDashboard.table.share')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {buckets.map((s) => (
            <Table.Tr key={s}>
              <Table.Th scope="row" fw={500}>
                <ItemStatusBadge status={s} />
              </Table.Th>
              <Table.Td ta="right">{localiser.number(overall.breakdown.counts[s])}</Table.Td>
              <Table.Td ta="right">{percent(overall.breakdown.percentages[s])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
