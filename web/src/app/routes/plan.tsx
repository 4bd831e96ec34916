import { Anchor, Breadcrumbs, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { paths } from '../../config/paths.js';
import { usePlan } from '../../features/plans/api/get-plan.js';
import { usePlanTree } from '../../features/plans/api/get-plan-tree.js';
import { ItemDrawer } from '../../features/plans/components/item-drawer.js';
import { PlanFilters } from '../../features/plans/components/plan-filters.js';
import { PlanTreeTable } from '../../features/plans/components/plan-tree-table.js';
import {
  EMPTY_PLAN_FILTERS,
  hasFilters,
  indexTree,
  itemIsOverdue,
  visibleRows,
  type PlanTreeFilters,
} from '../../features/plans/utils/tree.js';
import { isApiError } from '../../lib/api-client.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { useLocalised } from '../../lib/use-localised.js';

/** /plans/:planId — one action plan as a tree-table with roll-up progress. */
export function PlanRoute() {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const { planId = '' } = useParams();
  const plan = usePlan(planId);
  const tree = usePlanTree(planId);
  const [filters, setFilters] = useState<PlanTreeFilters>(EMPTY_PLAN_FILTERS);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  const title = plan.data ? localiser.text(plan.data.title) : t('plans.title');
  useDocumentTitle(title);

  const index = useMemo(() => indexTree(tree.data?.items ?? []), [tree.data]);
  const opened = openId ? index.get(openId) : undefined;
  const shown =
    tree.data && hasFilters(filters)
      ? visibleRows(tree.data.items, filters, expanded, today, (i) =>
          [i.title.en, i.title.sr, localiser.text(i.title)].filter(Boolean).join(' '),
        ).length
      : null;

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const error = plan.error ?? tree.error;
  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›" aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to={paths.plans} size="sm">
          {t('plans.title')}
        </Anchor>
        <span aria-current="page" style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
          {plan.data ? title : '…'}
        </span>
      </Breadcrumbs>
      {plan.isPending || tree.isPending ? (
        <LoadingState rows={6} />
      ) : error ? (
        isApiError(error) && (error.status === 404 || error.code === 'validation_failed') ? (
          <EmptyState title={t('plans.notFound')} />
        ) : (
          <ErrorState
            error={error}
            title={t('plans.loadFailed')}
            onRetry={() => {
              void plan.refetch();
              void tree.refetch();
            }}
          />
        )
      ) : plan.data && tree.data ? (
        <>
          <PageHeader title={title} description={localiser.text(plan.data.description)} />
          <PlanFilters planId={planId} filters={filters} onChange={setFilters} />
          {shown !== null ? (
            <Text size="sm" c="dimmed" role="status">
              {t('plans.matching', { count: shown })}
            </Text>
          ) : null}
          {tree.data.items.length === 0 ? (
            <EmptyState title={t('plans.noItems')} />
          ) : (
            <PlanTreeTable
              planId={planId}
              items={tree.data.items}
              filters={filters}
              expanded={expanded}
              onToggle={toggle}
              onOpen={setOpenId}
              today={today}
            />
          )}
          <ItemDrawer
            item={opened}
            overdue={opened ? itemIsOverdue(opened, today) : false}
            onClose={() => setOpenId(null)}
          />
        </>
      ) : null}
    </Stack>
  );
}
