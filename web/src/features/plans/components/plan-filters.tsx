import { Button, Checkbox, Group, Menu, MultiSelect, Select, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_ITEM_STATUSES, type PlanItemStatus } from '../../../../../core/plans/status.js';
import { SearchInput } from '../../../components/search-input.js';
import { periodBounds } from '../utils/due.js';
import { exportHref, type PlanTreeFilters } from '../utils/tree.js';

const PERIOD_EXAMPLES = '2026, 2026-Q3, 2026-06, 2026-06-30';

export interface FilterOption {
  value: string;
  label: string;
}

interface PlanFiltersProps {
  planId: string;
  filters: PlanTreeFilters;
  onChange: (filters: PlanTreeFilters) => void;
  /** The lead organisations that occur in the plan. */
  owners: FilterOption[];
  /** The security labels that occur in the plan (`POLICY:LEVEL`). */
  labels: FilterOption[];
}

/** A due period typed as 2026, 2026-Q3, 2026-06 or 2026-06-30; applied once it can be read. */
function PeriodInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  // A change from outside (the address, "clear filters") replaces what was typed.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (text.trim().toUpperCase() !== value) setText(value);
  }
  const unreadable = text.trim() !== '' && periodBounds(text) === null;
  return (
    <TextInput
      label={label}
      placeholder={t('planEdit.filters.periodPlaceholder', { example: '2026-Q3' })}
      value={text}
      w={130}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        if (next.trim() === '' || periodBounds(next) !== null) onChange(next.trim().toUpperCase());
      }}
      error={
        unreadable ? t('planEdit.filters.periodInvalid', { examples: PERIOD_EXAMPLES }) : undefined
      }
      aria-description={t('planEdit.filters.periodHint', { examples: PERIOD_EXAMPLES })}
    />
  );
}

/** Status, owner, due period, label, overdue, words; and the export of what the filters select. */
export function PlanFilters({ planId, filters, onChange, owners, labels }: PlanFiltersProps) {
  const { t, i18n } = useTranslation();
  return (
    <Group align="flex-start" gap="md" wrap="wrap">
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
        w={240}
      />
      <Select
        label={t('planEdit.filters.owner')}
        placeholder={t('planEdit.filters.anyOwner')}
        data={owners}
        value={filters.owner}
        onChange={(owner) => onChange({ ...filters, owner })}
        searchable
        clearable
        nothingFoundMessage={t('planEdit.nothingFound')}
        w={220}
      />
      <PeriodInput
        label={t('planEdit.filters.dueFrom')}
        value={filters.dueFrom}
        onChange={(dueFrom) => onChange({ ...filters, dueFrom })}
      />
      <PeriodInput
        label={t('planEdit.filters.dueTo')}
        value={filters.dueTo}
        onChange={(dueTo) => onChange({ ...filters, dueTo })}
      />
      {labels.length > 1 || filters.labels.length > 0 ? (
        <MultiSelect
          label={t('planEdit.filters.label')}
          placeholder={filters.labels.length ? undefined : t('planEdit.filters.anyLabel')}
          data={labels}
          value={filters.labels}
          onChange={(next) => onChange({ ...filters, labels: next })}
          clearable
          w={220}
        />
      ) : null}
      <Checkbox
        label={t('plans.filters.overdue')}
        checked={filters.overdue}
        onChange={(event) => onChange({ ...filters, overdue: event.currentTarget.checked })}
        mt={32}
      />
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="light"
            leftSection={<IconDownload size={16} aria-hidden />}
            ml="auto"
            mt={25}
          >
            {t('plans.export.label')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            component="a"
            href={exportHref(planId, 'csv', filters, i18n.language)}
            download
          >
            {t('plans.export.csv', { format: 'CSV' })}
          </Menu.Item>
          <Menu.Item
            component="a"
            href={exportHref(planId, 'xlsx', filters, i18n.language)}
            download
          >
            {t('plans.export.xlsx', { format: 'Excel' })}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
