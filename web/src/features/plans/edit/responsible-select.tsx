/**
 * The responsible person of an item: a searchable choice among the active users of the lead
 * organisation and its units (until a persons directory exists). Without a lead organisation there
 * is nobody to choose from, and the field says so.
 */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponsibleUser } from '../../../../../core/schemas/plan.js';
import { useResponsibleCandidates } from '../api/get-responsible-candidates.js';

interface ResponsibleSelectProps {
  organisationId: string | null;
  value: string | null;
  /** The person as the item names them now (shown even when the list does not hold them). */
  current: ResponsibleUser | null;
  onChange: (userId: string | null) => void;
  error?: string;
}

export function ResponsibleSelect({
  organisationId,
  value,
  current,
  onChange,
  error,
}: ResponsibleSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const candidates = useResponsibleCandidates(organisationId, q);
  const options = (candidates.data?.items ?? []).map((u) => ({
    value: u.id,
    label: u.displayName,
  }));
  if (current && value === current.id && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: current.displayName || current.id });
  return (
    <Select
      label={t('planEdit.fields.responsible')}
      description={
        organisationId
          ? t('planEdit.fields.responsibleHint')
          : t('planEdit.fields.responsibleNoLead')
      }
      placeholder={t('planEdit.fields.responsiblePlaceholder')}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      disabled={!organisationId}
      nothingFoundMessage={
        candidates.isFetching ? t('planEdit.fields.responsibleLoading') : t('planEdit.nothingFound')
      }
      error={error ?? (candidates.isError ? t('planEdit.fields.responsibleFailed') : undefined)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
