import { Paper, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  type AgreementKind,
  type AgreementStatus,
} from '../../../../../core/domain/vocabularies.js';
import { SearchInput } from '../../../components/search-input.js';
import type { AgreementFilters as Filters } from '../utils/filters.js';

interface AgreementFiltersProps {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
}

/** Kind, status and free text; each change lands in the address bar. */
export function AgreementFilters({ filters, onChange }: AgreementFiltersProps) {
  const { t } = useTranslation();
  const kinds = AGREEMENT_KINDS.map((kind) => ({
    value: kind,
    label: t(`vocab.agreementKind.${kind}`),
  }));
  const statuses = AGREEMENT_STATUSES.map((status) => ({
    value: status,
    label: t(`vocab.agreementStatus.${status}`),
  }));
  return (
    <Paper
      withBorder
      p="md"
      radius="sm"
      component="section"
      role="search"
      aria-label={t('agreements.filters.label')}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <SearchInput
          label={t('agreements.filters.search')}
          placeholder={t('agreements.filters.searchPlaceholder')}
          value={filters.q}
          onSearch={(q) => onChange({ q })}
        />
        <Select
          label={t('agreements.filters.kind')}
          placeholder={t('agreements.filters.anyKind')}
          data={kinds}
          value={filters.kind}
          onChange={(value) => onChange({ kind: value as AgreementKind | null })}
          clearable
          clearButtonProps={{ 'aria-label': t('agreements.filters.clearKind') }}
        />
        <Select
          label={t('agreements.filters.status')}
          placeholder={t('agreements.filters.anyStatus')}
          data={statuses}
          value={filters.status}
          onChange={(value) => onChange({ status: value as AgreementStatus | null })}
          clearable
          clearButtonProps={{ 'aria-label': t('agreements.filters.clearStatus') }}
        />
      </SimpleGrid>
    </Paper>
  );
}
