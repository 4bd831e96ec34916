import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AtRiskReason } from '../../../../../../core/plans/dashboard.js';
import { EmptyState } from '../../../../components/empty-state.js';
import { useLocalised } from '../../../../lib/use-localised.js';
import { DueDate } from '../../components/due-date.js';
import { ItemStatusBadge } from '../../components/item-status-badge.js';
import type { PlanDashboard } from '../api/get-plan-dashboard.js';

type Overdue = PlanDashboard['overdue']['items'][number];
type AtRisk = PlanDashboard['atRisk']['items'][number];

const REASON_COLORS: Record<AtRiskReason, string> = {
  due_soon: 'yellow',
  stalled: 'orange',
  report_returned: 'grape',
};

interface ItemListProps {
  kind: 'overdue' | 'atRisk';
  items: readonly (Overdue | AtRisk)[];
  /** How many there are in all; the API sends the most urgent ones only. */
  total: number;
  /** Where an item opens. */
  itemHref: (itemId: string) => string;
  caption: string;
}

/** Overdue or at-risk items: code and title linking to the item, lead, due, status, days. */
export function ItemList({ kind, items, total, itemHref, caption }: ItemListProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  if (items.length === 0)
    return (
      <EmptyState
        icon={<IconCircleCheck size={28} aria-hidden />}
        title={t(kind === 'overdue' ? 'planDashboard.overdue.empty' : 'planDashboard.atRisk.empty')}
      />
    );
  const leadName = (lead: Overdue['lead']) =>
    lead === null
      ? t('planDashboard.institutions.noLead')
      : lead.name === null
        ? t('planDashboard.institutions.hidden')
        : localiser.text(lead.abbreviation) || localiser.text(lead.name);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing={6} fz="sm">
        <Table.Caption>
          {caption}
          {total > items.length
            ? ` · ${t('planDashboard.listLimited', { shown: localiser.number(items.length), total: localiser.number(total) })}`
            : null}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('planDashboard.table.item')}</Table.Th>
            <Table.Th scope="col">{t('planDashboard.table.lead')}</Table.Th>
            <Table.Th scope="col">{t('planDashboard.table.due')}</Table.Th>
            <Table.Th scope="col">{t('planDashboard.table.status')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {kind === 'overdue'
                ? t('planDashboard.table.daysOverdue')
                : t('planDashboard.table.daysLeft')}
            </Table.Th>
            {kind === 'atRisk' ? (
              <Table.Th scope="col">{t('planDashboard.table.reasons')}</Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={itemHref(item.id)} size="sm">
                  <Text span fw={600} size="sm" mr={6}>
                    {item.code}
                  </Text>
                  {localiser.text(item.title)}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <Text
                  size="sm"
                  c={item.lead === null || item.lead.name === null ? 'dimmed' : undefined}
                  title={item.lead?.name ? localiser.text(item.lead.name) : undefined}
                >
                  {leadName(item.lead)}
                </Text>
              </Table.Td>
              <Table.Td>
                <DueDate value={item.dueOn} overdue={kind === 'overdue'} />
              </Table.Td>
              <Table.Td>
                <ItemStatusBadge status={item.status} />
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {'daysOverdue' in item
                  ? t('planDashboard.days', { count: item.daysOverdue })
                  : item.daysLeft === null
                    ? '—'
                    : item.daysLeft === 0
                      ? t('planDashboard.atRisk.dueToday')
                      : t('planDashboard.days', { count: item.daysLeft })}
              </Table.Td>
              {'reasons' in item ? (
                <Table.Td>
                  <Group gap={4}>
                    {item.reasons.map((r) => (
                      <Badge
                        key={r}
                        size="sm"
                        variant="light"
                        radius="xs"
                        tt="none"
                        color={REASON_COLORS[r]}
                      >
                        {t(`planDashboard.atRisk.reason.${r}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
