import { Button, Checkbox, Group, Menu, MultiSelect } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PLAN_ITEM_STATUSES, type PlanItemStatus } from '../../../../../core/plans/status.js';
import { SearchInput } from '../../../components/search-input.js';
import { exportHref, type PlanTreeFilters } from '../utils/tree.js';

interface PlanFiltersProps {
  planId: string;
  filters: PlanTreeFilters;
  onChange: (filters: PlanTreeFilters) => void;
}

/** Status (several), overdue only, words; and the export of what the filters select. */
export function PlanFilters({ planId, filters, onChange }: PlanFiltersProps) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <SearchInput
        label={t('plans.filters.q')}
        value={filters.q}
        onSearch={(q) => onChange({ ...filters, q })}
      />
      <MultiSelect
        label={t('plans.filters.status')}
        placeholder={filters.status.length ? undefined : t('plans.filters.anyStatus')}
        data={PLAN_ITEM_STATUSES.map((s) => ({ value: s, label: t(`plans.itemStatus.${s}`) }))}
        value={filters.status}
        onChange={(status) => onChange({ ...filters, status: status as PlanItemStatus[] })}
        clearable
        w={320}
      />
      <Checkbox
        label={t('plans.filters.overdue')}
        checked={filters.overdue}
        onChange={(event) => onChange({ ...filters, overdue: event.currentTarget.checked })}
        mb={8}
      />
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="light" leftSection={<IconDownload size={16} aria-hidden />} ml="auto">
            {t('plans.export.label')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component="a" href={exportHref(planId, 'csv', filters)} download>
            {t('plans.export.csv', { format: 'CSV' })}
          </Menu.Item>
          <Menu.Item component="a" href={exportHref(planId, 'xlsx', filters)} download>
            {t('plans.export.xlsx', { format: 'Excel' })}
          </Menu.Item>
          {filters.q.trim() ? <Menu.Label>{t('plans.export.textNotApplied')}</Menu.Label> : null}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
