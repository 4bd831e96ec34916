import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { useTimelineEvents } from '../../features/timeline/api/get-timeline-events.js';
import { TimelineFilters } from '../../features/timeline/components/timeline-filters.js';
import { RelatedFilterNotice } from '../../features/timeline/components/related-filter-notice.js';
import { TimelineList } from '../../features/timeline/components/timeline-list.js';
import {
  EMPTY_FILTERS,
  hasActiveFilters,
  parseTimelineFilters,
  timelineFiltersToParams,
  type TimelineFilters as Filters,
} from '../../features/timeline/utils/filters.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';

/** /timeline — the significant events, filtered from the address bar. */
export function TimelineRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('timeline.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = parseTimelineFilters(searchParams);
  const events = useTimelineEvents(filters);
  const filtered = hasActiveFilters(filters);

  function change(change: Partial<Filters>) {
    setSearchParams(timelineFiltersToParams({ ...filters, ...change }), {
      replace: true,
      preventScrollReset: true,
    });
  }

  function clearFilters() {
    setSearchParams(timelineFiltersToParams({ ...EMPTY_FILTERS, order: filters.order }), {
      replace: true,
      preventScrollReset: true,
    });
  }

  return (
    <>
      <PageHeader title={t('timeline.title')} description={t('timeline.lead')} />
      <Stack gap="lg">
        <TimelineFilters filters={filters} onChange={change} />
        {filters.related && events.data ? (
          <RelatedFilterNotice
            relatedId={filters.related}
            events={events.data.items}
            onClear={() => change({ related: null })}
          />
        ) : null}

        <Group justify="space-between" mih={30} aria-live="polite">
          {events.data ? (
            <Group gap="xs">
              <Text fw={600} role="status">
                {t('timeline.eventCount', { count: events.data.total })}
              </Text>
              {events.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
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
              {t('timeline.clearFilters')}
            </Button>
          ) : null}
        </Group>

        {events.isPending ? (
          <LoadingState rows={6} />
        ) : events.isError && !events.data ? (
          <ErrorState
            error={events.error}
            title={t('timeline.loadFailed')}
            onRetry={() => void events.refetch()}
            retrying={events.isFetching}
          />
        ) : events.data && events.data.items.length === 0 ? (
          <EmptyState
            title={filtered ? t('timeline.empty.filtered') : t('timeline.empty.none')}
            description={filtered ? t('timeline.empty.filteredHint') : undefined}
            action={
              filtered ? (
                <Button
                  variant="light"
                  onClick={clearFilters}
                  leftSection={<IconFilterOff size={16} aria-hidden />}
                >
                  {t('timeline.clearFilters')}
                </Button>
              ) : null
            }
          />
        ) : events.data ? (
          <div
            aria-busy={events.isFetching || undefined}
            style={{ opacity: events.isPlaceholderData ? 0.6 : 1 }}
          >
            {events.isError ? (
              <ErrorState
                error={events.error}
                title={t('timeline.loadFailed')}
                onRetry={() => void events.refetch()}
              />
            ) : null}
            <TimelineList events={events.data.items} />
          </div>
        ) : null}
      </Stack>
    </>
  );
}
