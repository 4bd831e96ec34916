import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconHistory, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { ListPager } from '../../components/list-pager.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { paths } from '../../config/paths.js';
import { AUDIT_PAGE_SIZE, useAuditLog } from '../../features/audit-log/api/get-audit-log.js';
import { AuditChainPanel } from '../../features/audit-log/components/audit-chain-panel.js';
import { AuditLogFilters } from '../../features/audit-log/components/audit-log-filters.js';
import { AuditLogTable } from '../../features/audit-log/components/audit-log-table.js';
import {
  auditLogFiltersToParams,
  hasActiveAuditFilters,
  parseAuditLogFilters,
  type AuditLogFilters as Filters,
} from '../../features/audit-log/utils/filters.js';
import { RequireSignIn } from '../../features/auth/components/session-gates.js';
import { useUserOptions } from '../../features/users/api/get-user-options.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { useLocalised } from '../../lib/use-localised.js';

/** Records named in the log that have a page of their own in the app. */
function entityLink(entityType: string, entityId: string): string | null {
  if (entityType === 'user') return paths.adminUser(entityId);
  if (entityType === 'agreement') return paths.agreement(entityId);
  if (entityType === 'organisation') return paths.organisation(entityId);
  if (entityType === 'plan') return paths.plan(entityId);
  return null;
}

/** /admin/audit-log — the tamper-evident log, filterable, with its hash chain checks. */
export function AuditLogRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('auditLog.title'));
  return (
    <RequireSignIn administrator>
      <AuditLogPage />
    </RequireSignIn>
  );
}

function AuditLogPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = parseAuditLogFilters(searchParams);
  const log = useAuditLog(filters);
  const actors = useUserOptions();
  const filtered = hasActiveAuditFilters(filters);
  const localiser = useLocalised();
  // The history of one record (asked for from a row): named by its title once the page is read.
  const recordName = filters.entityId
    ? (localiser.pick(log.data?.items.find((e) => e.entityTitle)?.entityTitle)?.text ??
      t('auditLog.untitled'))
    : null;

  function apply(next: Filters) {
    setSearchParams(auditLogFiltersToParams(next), { replace: true, preventScrollReset: true });
  }

  return (
    <>
      <PageHeader title={t('auditLog.title')} description={t('auditLog.lead')} />
      <Stack gap="lg">
        <AuditLogFilters filters={filters} onApply={apply} actors={actors.data ?? null} />
        {recordName ? (
          <Group gap="xs">
            <Text size="sm" fw={600} data-testid="audit-record-history">
              {t('auditLog.filters.onlyRecord', { name: recordName })}
            </Text>
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconX size={14} aria-hidden />}
              onClick={() => apply({ ...filters, entityId: '', entityType: '', page: 1 })}
            >
              {t('auditLog.filters.showAllRecords')}
            </Button>
          </Group>
        ) : null}
        <Group gap="xs" mih={30}>
          {log.data ? (
            <Text fw={600} role="status">
              {t('auditLog.count', { count: log.data.total })}
            </Text>
          ) : null}
          {log.isFetching && log.data ? (
            <Loader size="xs" aria-label={t('common.loading')} />
          ) : null}
        </Group>
        {log.isPending ? (
          <LoadingState rows={6} rowHeight={44} />
        ) : log.isError && !log.data ? (
          <ErrorState
            error={log.error}
            title={t('auditLog.loadFailed')}
            onRetry={() => void log.refetch()}
            retrying={log.isFetching}
          />
        ) : log.data.items.length === 0 ? (
          <EmptyState
            icon={<IconHistory size={28} aria-hidden />}
            title={filtered ? t('auditLog.empty.filtered') : t('auditLog.empty.none')}
            {...(filtered ? { description: t('auditLog.empty.filteredHint') } : {})}
          />
        ) : (
          <Stack
            gap="md"
            style={{ opacity: log.isPlaceholderData ? 0.6 : 1 }}
            aria-busy={log.isFetching || undefined}
          >
            <AuditLogTable
              entries={log.data.items}
              entityLink={entityLink}
              onRecordHistory={(entry) =>
                apply({
                  ...filters,
                  entityType: entry.entityType ?? '',
                  entityId: entry.entityId ?? '',
                  page: 1,
                })
              }
            />
            <ListPager
              page={filters.page}
              pageSize={AUDIT_PAGE_SIZE}
              total={log.data.total}
              onChange={(page) => apply({ ...filters, page })}
            />
          </Stack>
        )}
        {/* The chain's checks come after the entries: reading the log is the common task. */}
        <AuditChainPanel />
      </Stack>
    </>
  );
}
