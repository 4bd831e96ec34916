import { Button, Drawer, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanTreeNode } from '../../../../../core/schemas/plan.js';
import { EmptyState } from '../../../components/empty-state.js';
import { ErrorState } from '../../../components/error-state.js';
import { LoadingState } from '../../../components/loading-state.js';
import { LocalisedText } from '../../../components/localised-text.js';
import { paths } from '../../../config/paths.js';
import { useMe } from '../../auth/api/get-me.js';
import { LatestComments } from '../../comments/components/latest-comments.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { useItemIndicators } from '@/lib/item-indicators.js';
import { useItemReports } from '../api/get-item-reports.js';
import { DueDate } from './due-date.js';
import { ItemStatusBadge } from './item-status-badge.js';
import { useRollupExplanation } from './rollup-progress.js';

function Indicators({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const indicators = useItemIndicators(itemId);
  if (indicators.isPending) return <LoadingState rows={2} />;
  if (indicators.isError)
    return <ErrorState error={indicators.error} onRetry={() => void indicators.refetch()} />;
  if (indicators.data.items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('plans.drawer.noIndicators')}
      </Text>
    );
  return (
    <Stack gap="sm">
      {indicators.data.items.map((indicator) => (
        <Stack key={indicator.id} gap={4}>
          <LocalisedText value={indicator.name} size="sm" fw={600} />
          <Text size="xs" c="dimmed">
            {t('plans.drawer.baselineTarget', {
              baseline: indicator.baseline.value ?? '—',
              target: indicator.target.value ?? '—',
              unit: indicator.unit ?? '',
            })}
          </Text>
          {indicator.progressToTarget !== null ? (
            <Group gap="xs" wrap="nowrap">
              <Progress value={indicator.progressToTarget} w={160} aria-hidden />
              <Text size="xs">
                {t('plans.drawer.toTarget', {
                  value: localiser.number(indicator.progressToTarget),
                })}
              </Text>
            </Group>
          ) : null}
        </Stack>
      ))}
    </Stack>
  );
}

function Reports({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const reports = useItemReports(itemId);
  if (reports.isPending) return <LoadingState rows={2} />;
  if (reports.isError)
    return <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />;
  if (reports.data.items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('plans.drawer.noReports')}
      </Text>
    );
  return (
    <Table verticalSpacing={4} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('plans.drawer.period')}</Table.Th>
          <Table.Th>{t('plans.tree.status')}</Table.Th>
          <Table.Th>{t('plans.tree.progress')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {reports.data.items.map((report) => (
          <Table.Tr key={report.id}>
            <Table.Td>{report.period.title}</Table.Td>
            <Table.Td>
              <ItemStatusBadge status={report.itemStatus} />
            </Table.Td>
            <Table.Td>
              {report.progress === null ? '—' : `${localiser.number(report.progress)} %`}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One item's details, indicators and report history, beside the tree. */
export function ItemDrawer({
  item,
  onClose,
  overdue,
}: {
  item: PlanTreeNode | undefined;
  onClose: () => void;
  overdue: boolean;
}) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const explain = useRollupExplanation();
  const me = useMe();
  const pageHref = item ? paths.planItem(item.planId, item.id) : '';
  return (
    <Drawer
      opened={item !== undefined}
      onClose={onClose}
      position="right"
      size="lg"
      title={item ? `${item.code} · ${localiser.text(item.title)}` : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {item ? (
        <Stack gap="lg">
          <Stack gap={6}>
            <Group gap="sm" justify="space-between">
              <Group gap="sm">
                <ItemStatusBadge status={item.status} />
                <DueDate value={item.dueOn} overdue={overdue} />
              </Group>
              <Button
                component={Link}
                to={pageHref}
                size="xs"
                variant="light"
                rightSection={<IconArrowRight size={14} aria-hidden />}
              >
                {t('planItem.openFullPage')}
              </Button>
            </Group>
            <LocalisedText value={item.description} size="sm" component="p" />
            <Text size="sm">
              {t('plans.tree.progress')}:{' '}
              {item.rollup.progress === null
                ? t('plans.rollup.none')
                : `${localiser.number(item.rollup.progress)} %`}{' '}
              — {explain(item.rollup).join('; ')}
            </Text>
            {item.responsibleUser ? (
              <Text size="sm">
                {t('planItem.responsible')}: {item.responsibleUser.displayName}
              </Text>
            ) : null}
          </Stack>
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('plans.drawer.indicators')}
            </Title>
            <Indicators itemId={item.id} />
          </Stack>
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('plans.drawer.reports')}
            </Title>
            <Reports itemId={item.id} />
          </Stack>
          {me.data ? (
            <LatestComments itemId={item.id} threadHref={`${pageHref}#comments-heading`} />
          ) : null}
        </Stack>
      ) : (
        <EmptyState title={t('plans.drawer.gone')} />
      )}
    </Drawer>
  );
}
