/** The items due in a period with their report state; a row opens the item's report. */
import { Anchor, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../config/paths.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { DueDate } from '../../plans/components/due-date.js';
import { ItemStatusBadge } from '../../plans/components/item-status-badge.js';
import type { DueItem, Period } from '../api/reporting.js';
import { reportState } from '../utils/periods.js';
import { ReportStateBadge } from './report-state-badge.js';

interface Props {
  planId: string;
  period: Period;
  items: readonly DueItem[];
  /** Show who submitted (the coordinator's review list). */
  showSubmitter?: boolean;
  canReview: boolean;
  caption: string;
  onOpen: (item: DueItem) => void;
}

export function ReportsTable({
  planId,
  period,
  items,
  showSubmitter = false,
  canReview,
  caption,
  onOpen,
}: Props) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const locked = period.status === 'locked';
  const actionLabel = (item: DueItem) => {
    const state = reportState(item);
    if (locked) return t('reporting.actions.view');
    if (state === 'none') return t('reporting.actions.write');
    if (state === 'draft' || state === 'returned') return t('reporting.actions.edit');
    if (state === 'submitted' && canReview) return t('reporting.actions.review');
    return t('reporting.actions.view');
  };
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reporting.columns.item')}</Table.Th>
            <Table.Th scope="col">{t('reporting.columns.due')}</Table.Th>
            <Table.Th scope="col">{t('reporting.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('reporting.columns.report')}</Table.Th>
            {showSubmitter ? (
              <Table.Th scope="col">{t('reporting.columns.submittedBy')}</Table.Th>
            ) : null}
            <Table.Th scope="col">
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const state = reportState(item);
            return (
              <Table.Tr key={item.planItemId} data-item-code={item.code}>
                <Table.Td maw={420}>
                  <Anchor
                    component={Link}
                    to={paths.planItem(planId, item.planItemId)}
                    size="sm"
                    fw={600}
                  >
                    {item.code}
                  </Anchor>
                  <Text size="sm" lineClamp={2}>
                    {localiser.text(item.title)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DueDate value={item.dueOn} overdue={false} />
                  {item.dueInPeriod ? (
                    <Text size="xs" c="dimmed">
                      {t('reporting.dueInPeriod')}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <ItemStatusBadge status={item.status} />
                </Table.Td>
                <Table.Td maw={260}>
                  <ReportStateBadge state={state} />
                  {(state === 'returned' || state === 'approved') && item.report?.reviewComment ? (
                    <Text
                      size="xs"
                      c={state === 'returned' ? 'orange.9' : 'teal.9'}
                      mt={4}
                      lineClamp={2}
                      title={item.report.reviewComment}
                    >
                      <VisuallyHidden>{t('reporting.columns.comment')}: </VisuallyHidden>
                      {item.report.reviewComment}
                    </Text>
                  ) : null}
                </Table.Td>
                {showSubmitter ? (
                  <Table.Td>
                    <Text size="sm">{item.submittedBy ?? '—'}</Text>
                  </Table.Td>
                ) : null}
                <Table.Td ta="right">
                  <Button
                    size="compact-sm"
                    variant={state === 'submitted' && canReview && !locked ? 'filled' : 'default'}
                    onClick={() => onOpen(item)}
                    aria-label={`${actionLabel(item)}: ${item.code}`}
                  >
                    {actionLabel(item)}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
