import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { useAgreements } from '../../features/agreements/api/get-agreements.js';
import { AgreementFilters } from '../../features/agreements/components/agreement-filters.js';
import { AgreementsTable } from '../../features/agreements/components/agreements-table.js';
import {
  agreementFiltersToParams,
  hasActiveAgreementFilters,
  parseAgreementFilters,
  type AgreementFilters as Filters,
  type AgreementSortKey,
} from '../../features/agreements/utils/filters.js';
import { sortAgreements } from '../../features/agreements/utils/sort.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { useLocalised } from '../../lib/use-localised.js';

/** /agreements — the register of instruments, filterable and sortable from the address bar. */
export function AgreementsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('agreements.title'));
  const localiser = useLocalised();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = parseAgreementFilters(searchParams);
  const agreements = useAgreements(filters);
  const filtered = hasActiveAgreementFilters(filters);

  // Sorted here rather than on the server so titles and kinds sort by the words the reader sees.
  const sorted = agreements.data
    ? sortAgreements(agreements.data.items, filters, localiser, {
        kind: (a) => t(`vocab.agreementKind.${a.kind}`),
        status: (a) => t(`vocab.agreementStatus.${a.status}`),
      })
    : [];

  function change(change: Partial<Filters>) {
    setSearchParams(agreementFiltersToParams({ ...filters, ...change }), {
      replace: true,
      preventScrollReset: true,
    });
  }

  function sortBy(column: AgreementSortKey) {
    const order = filters.sort === column && filters.order === 'asc' ? 'desc' : 'asc';
    change({ sort: column, order });
  }

  function clearFilters() {
    change({ kind: null, status: null, q: '' });
  }

  return (
    <>
      <PageHeader title={t('agreements.title')} description={t('agreements.lead')} />
      <Stack gap="lg">
        <AgreementFilters filters={filters} onChange={change} />
        <Group justify="space-between" mih={30}>
          {agreements.data ? (
            <Group gap="xs">
              <Text fw={600} role="status">
                {t('agreements.count', { count: agreements.data.total })}
              </Text>
              {agreements.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
            </Group>
          ) : (
            <span />
          )}
          {filtered ? (
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconFilterOff size={16} aria-hidden />}
              onClick={clearFilters}
            >
              {t('agreements.clearFilters')}
            </Button>
          ) : null}
        </Group>
        {agreements.isPending ? (
          <LoadingState rows={6} rowHeight={48} />
        ) : agreements.isError && !agreements.data ? (
          <ErrorState
            error={agreements.error}
            title={t('agreements.loadFailed')}
            onRetry={() => void agreements.refetch()}
            retrying={agreements.isFetching}
          />
        ) : sorted.length === 0 ? (
          <EmptyState
            title={filtered ? t('agreements.empty.filtered') : t('agreements.empty.none')}
            action={
              filtered ? (
                <Button
                  variant="light"
                  onClick={clearFilters}
                  leftSection={<IconFilterOff size={16} aria-hidden />}
                >
                  {t('agreements.clearFilters')}
                </Button>
              ) : null
            }
          />
        ) : (
          <div
            style={{ opacity: agreements.isPlaceholderData ? 0.6 : 1 }}
            aria-busy={agreements.isFetching || undefined}
          >
            <AgreementsTable
              agreements={sorted}
              sort={filters.sort}
              order={filters.order}
              onSort={sortBy}
            />
          </div>
        )}
      </Stack>
    </>
  );
}
