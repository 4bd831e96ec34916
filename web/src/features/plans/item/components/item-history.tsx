import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '../../../../../../core/plans/report-workflow.js';
import { ErrorState } from '../../../../components/error-state.js';
import { LoadingState } from '../../../../components/loading-state.js';
import { useLocalised } from '../../../../lib/use-localised.js';
import { useItemReports } from '../../api/get-item-reports.js';
import { ItemStatusBadge } from '../../components/item-status-badge.js';

const REPORT_COLORS: Record<ReportStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  approved: 'teal',
};

/**
 * The item's status and progress period by period: a step chart of the reported progress and a
 * table of every report (status, narrative, when it was submitted and reviewed, the review comment).
 */
export function ItemHistory({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const reports = useItemReports(itemId);
  if (reports.isPending) return <LoadingState rows={2} rowHeight={48} />;
  if (reports.isError)
    return <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />;
  const items = reports.data.items;
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('planItem.noHistory')}
      </Text>
    );
  const chartData = items
    .filter((r) => r.progress !== null)
    .map((r) => ({ period: r.period.title, progress: r.progress }));
  const day = (iso: string | null) => (iso ? localiser.timestamp(iso) : null);

  return (
    <Stack gap="md">
      {chartData.length > 1 ? (
        <figure style={{ margin: 0 }}>
          <LineChart
            h={180}
            data={chartData}
            dataKey="period"
            series={[{ name: 'progress', label: t('planItem.progress'), color: 'teal.6' }]}
            curveType="stepAfter"
            yAxisProps={{ domain: [0, 100], width: 52 }}
            valueFormatter={(value) => `${localiser.number(value)}\u00a0%`}
            withDots
            tickLine="y"
            gridAxis="y"
          />
          <Text component="figcaption" size="xs" c="dimmed" ta="center">
            {t('planItem.chartCaption')}
          </Text>
        </figure>
      ) : null}
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" fz="sm" striped aria-label={t('planItem.history')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('planItem.period')}</Table.Th>
              <Table.Th>{t('planItem.report')}</Table.Th>
              <Table.Th>{t('planItem.status')}</Table.Th>
              <Table.Th>{t('planItem.progress')}</Table.Th>
              <Table.Th>{t('planItem.narrative')}</Table.Th>
              <Table.Th>{t('planItem.review')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((report) => (
              <Table.Tr key={report.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {report.period.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('plans.period', {
                      from: localiser.date({ date: report.period.startsOn, precision: 'day' }),
                      to: localiser.date({ date: report.period.endsOn, precision: 'day' }),
                    })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge
                    size="sm"
                    radius="xs"
                    variant="light"
                    tt="none"
                    color={REPORT_COLORS[report.status]}
                    styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}
                  >
                    {t(`planItem.reportStatus.${report.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <ItemStatusBadge status={report.itemStatus} />
                </Table.Td>
                <Table.Td>
                  {report.progress === null ? '—' : `${localiser.number(report.progress)} %`}
                </Table.Td>
                <Table.Td maw={320}>
                  {report.narrative ? (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>
                      {report.narrative}
                    </Text>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td maw={260}>
                  {report.submittedAt ? (
                    <Text size="xs" c="dimmed">
                      {t('planItem.submittedOn', { date: day(report.submittedAt) })}
                      {report.submittedBy ? ` · ${report.submittedBy}` : null}
                    </Text>
                  ) : null}
                  {report.reviewedAt ? (
                    <Text size="xs" c="dimmed">
                      {t(
                        report.status === 'approved'
                          ? 'planItem.approvedOn'
                          : 'planItem.returnedOn',
                        { date: day(report.reviewedAt) },
                      )}
                      {report.reviewedBy ? ` · ${report.reviewedBy}` : null}
                    </Text>
                  ) : null}
                  {report.reviewComment ? (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {report.reviewComment}
                    </Text>
                  ) : null}
                  {!report.submittedAt && !report.reviewedAt ? '—' : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
