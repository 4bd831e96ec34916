import { Alert, Anchor, Breadcrumbs, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import type { PlanTreeNode } from '../../../../core/schemas/plan.js';
import { AsOfControl, AsOfNotice } from '../../features/plans/as-of/as-of-control.js';
import { PlanApprovalSteps, PlanSettingsButton } from '../../features/plans/plan-editor/index.js';
import { ImportButton } from '../../features/plans/import/components/import-button.js';
import { paths } from '../../config/paths.js';
import { useMe } from '../../features/auth/api/get-me.js';
import { useOrganisationOptions } from '../../features/organisations/api/get-organisation-options.js';
import { usePlan } from '../../features/plans/api/get-plan.js';
import {
  usePlanItemAncestors,
  usePlanTree,
  usePlanTreeParts,
  useWholePlanTree,
} from '../../features/plans/api/get-plan-tree.js';
import { ItemDrawer } from '../../features/plans/components/item-drawer.js';
import { PlanFilters } from '../../features/plans/components/plan-filters.js';
import { PlanTreeTable } from '../../features/plans/components/plan-tree-table.js';
import { PlanEditingProvider, usePlanEditing } from '../../features/plans/edit/plan-editing.js';
import { ShortcutsHint } from '../../features/plans/edit/row-actions.js';
import {
  EMPTY_PLAN_FILTERS,
  filtersFromSearch,
  filtersToSearch,
  hasFilters,
  indexTree,
  isPartial,
  isSample,
  itemIsOverdue,
  labelKey,
  mergeParts,
  needsChildren,
  visibleRows,
  type PlanTreeFilters,
} from '../../features/plans/utils/tree.js';
import { isApiError } from '../../lib/api-client.js';
import { useMarkingLevels } from '../../lib/marking-levels.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { useLocalised } from '../../lib/use-localised.js';

/** /plans/:planId — one action plan as a tree-table with roll-up progress. */
export function PlanRoute() {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const { planId = '' } = useParams();
  const plan = usePlan(planId);
  const [search, setSearch] = useSearchParams();
  // ?asOf=YYYY-MM-DD reads the plan as it stood at the end of that day; the view is read-only.
  const asOf = search.get('asOf');
  const tree = usePlanTree(planId, asOf);
  const me = useMe();
  const organisations = useOrganisationOptions();
  const markings = useMarkingLevels();
  // The filters and the opened item live in the address: a filtered view can be shared.
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const setFilters = (next: PlanTreeFilters) =>
    setSearch((current) => filtersToSearch(next, current), { replace: true });
  const openId = search.get('item');
  const setAsOf = (day: string | null) =>
    setSearch((current) => {
      const next = new URLSearchParams(current);
      if (day) next.set('asOf', day);
      else next.delete('asOf');
      return next;
    });
  const setOpenId = (id: string | null) =>
    setSearch((current) => {
      const next = new URLSearchParams(current);
      if (id) next.set('item', id);
      else next.delete('item');
      return next;
    });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const today = new Date().toISOString().slice(0, 10);
  const title = plan.data ? localiser.text(plan.data.title) : t('plans.title');
  useDocumentTitle(title);

  // A large plan opens with its top level; a row opened for the first time loads its children
  // (`requested`, kept per plan and day). Filters need the whole plan: it is read when they are on.
  const viewKey = `${planId}|${asOf ?? ''}`;
  const [requested, setRequested] = useState<{ key: string; ids: string[] }>({
    key: viewKey,
    ids: [],
  });
  if (requested.key !== viewKey) setRequested({ key: viewKey, ids: [] });
  const parts = usePlanTreeParts(planId, asOf, requested.key === viewKey ? requested.ids : []);
  const partialPlan = useMemo(() => (tree.data ? isPartial(tree.data.items) : false), [tree.data]);
  const filtering = hasFilters(filters);
  const whole = useWholePlanTree(planId, asOf, filtering && partialPlan);
  const wholeLoading = filtering && partialPlan && !whole.data;
  // A past view cannot be edited: every row loses its abilities.
  const items = useMemo(() => {
    if (!tree.data) return [];
    const loaded =
      filtering && whole.data ? whole.data.items : mergeParts(tree.data.items, parts.parts);
    return asOf ? readOnly(loaded) : loaded;
  }, [tree.data, asOf, filtering, whole.data, parts.parts]);
  const index = useMemo(() => indexTree(items), [items]);
  const opened = openId ? index.get(openId) : undefined;
  const role = me.data?.user.role;
  const canCreate = !asOf && (role === 'administrator' || role === 'coordinator');
  const hasSample = useMemo(() => [...index.values()].some(isSample), [index]);
  const organisationOptions = useMemo(() => organisations.data ?? [], [organisations.data]);
  const owners = useMemo(() => {
    const used = new Set([...index.values()].map((i) => i.leadOrganisationId));
    if (filters.owner) used.add(filters.owner);
    return organisationOptions.filter((o) => used.has(o.value));
  }, [index, organisationOptions, filters.owner]);
  const markingLevels = markings.data?.items;
  const labels = useMemo(() => {
    const used = new Set([...index.values()].map((i) => labelKey(i.label)));
    for (const l of filters.labels) used.add(l);
    return [...used].sort().map((key) => {
      const [policy, code] = key.split(':');
      const level = markingLevels?.find((l) => l.policy === policy && l.code === code);
      return { value: key, label: level ? localiser.text(level.name) : (code ?? key) };
    });
  }, [index, filters.labels, markingLevels, localiser]);

  /** Opens the tree down to an item that was added or moved. */
  const reveal = useCallback(
    (item: { parentId: string | null }) =>
      setExpanded((current) => {
        const next = new Set(current);
        for (let id = item.parentId; id; id = index.get(id)?.parentId ?? null) next.add(id);
        return next;
      }),
    [index],
  );
  // An item opened from the address (?item=, as the dashboard links) is shown in the tree too.
  const [revealedFor, setRevealedFor] = useState<string | null>(null);
  if (opened && revealedFor !== opened.id) {
    setRevealedFor(opened.id);
    reveal(opened);
  }
  // In a large plan it may not be loaded yet: the rows above it are opened (and loaded) first.
  const notLoaded = openId && tree.data && partialPlan && !opened ? openId : null;
  const ancestors = usePlanItemAncestors(planId, notLoaded);
  const [openedPathFor, setOpenedPathFor] = useState<string | null>(null);
  if (notLoaded && ancestors.data && openedPathFor !== notLoaded) {
    setOpenedPathFor(notLoaded);
    const path = ancestors.data;
    setRequested((current) => ({
      key: viewKey,
      ids: [...new Set([...(current.key === viewKey ? current.ids : []), ...path])],
    }));
    setExpanded((current) => new Set([...current, ...path]));
  }
  const shown =
    tree.data && hasFilters(filters)
      ? visibleRows(items, filters, expanded, today, (i) =>
          [i.title.en, i.title.sr, localiser.text(i.title)].filter(Boolean).join(' '),
        ).length
      : null;

  const toggle = (id: string) => {
    const item = index.get(id);
    if (item && needsChildren(item) && !expanded.has(id) && !requested.ids.includes(id))
      setRequested((current) => ({ key: viewKey, ids: [...current.ids, id] }));
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };

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
          <PlanEditingProvider
            planId={planId}
            items={items}
            levels={tree.data.levels}
            organisations={organisationOptions}
            canCreate={canCreate}
            statusViaReports={plan.data.statusViaReports}
            mayOverrideStatus={plan.data.abilities.update}
            onReveal={reveal}
          >
            <PageHeader
              title={title}
              description={localiser.text(plan.data.description)}
              actions={
                <Group gap="sm" wrap="nowrap">
                  <Button component={Link} to={paths.planDashboard(planId)} variant="default">
                    {t('planDashboard.link')}
                  </Button>
                  {asOf ? null : (
                    <Button component={Link} to={paths.planReporting(planId)} variant="default">
                      {t('reporting.link')}
                    </Button>
                  )}
                  {asOf ? null : <PlanSettingsButton plan={plan.data} />}
                  <AddTopItemButton />
                  {asOf ? null : <ImportButton planId={planId} />}
                </Group>
              }
            />
            <PlanApprovalSteps plan={plan.data} />
            {hasSample ? (
              <Alert
                variant="light"
                color="violet"
                p="xs"
                icon={<IconInfoCircle size={18} aria-hidden />}
              >
                {t('planEdit.sampleNote')}
              </Alert>
            ) : null}
            {asOf ? <AsOfNotice asOf={asOf} onLeave={() => setAsOf(null)} /> : null}
            <Group justify="flex-end">
              <AsOfControl key={asOf ?? 'today'} value={asOf} onChange={setAsOf} />
            </Group>
            <PlanFilters
              planId={planId}
              filters={filters}
              onChange={setFilters}
              owners={owners}
              labels={labels}
            />
            {wholeLoading ? (
              <Alert
                variant="light"
                color="blue"
                p="xs"
                role="status"
                icon={whole.isError ? undefined : <Loader size={16} aria-hidden />}
              >
                {whole.isError
                  ? t('plans.tree.wholeFailed')
                  : t('plans.tree.wholeLoading', { count: tree.data.visibleItems ?? 0 })}
              </Alert>
            ) : null}
            {shown !== null && !wholeLoading ? (
              <Group gap="sm">
                <Text size="sm" c="dimmed" role="status">
                  {t('plans.matching', { count: shown })}
                </Text>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => setFilters(EMPTY_PLAN_FILTERS)}
                >
                  {t('planEdit.filters.clear')}
                </Button>
              </Group>
            ) : null}
            {items.length === 0 ? (
              <EmptyState title={asOf ? t('planAsOf.empty') : t('plans.noItems')} />
            ) : (
              <>
                <PlanTreeTable
                  planId={planId}
                  items={items}
                  filters={wholeLoading ? EMPTY_PLAN_FILTERS : filters}
                  expanded={expanded}
                  onToggle={toggle}
                  loading={parts.loading}
                  failed={parts.failed}
                  onOpen={setOpenId}
                  today={today}
                />
                <ShortcutsHint />
              </>
            )}
            <ItemDrawer
              item={opened}
              overdue={opened ? itemIsOverdue(opened, today) : false}
              onClose={() => setOpenId(null)}
            />
          </PlanEditingProvider>
        </>
      ) : null}
    </Stack>
  );
}

/** The tree with every row's abilities off: the as-of view shows the past, it does not edit it. */
function readOnly(nodes: PlanTreeNode[]): PlanTreeNode[] {
  return nodes.map((n) => ({
    ...n,
    abilities: { ...n.abilities, update: false, delete: false },
    children: readOnly(n.children),
  }));
}

/** "Add chapter": a new item at the top level, for those who may add items. */
function AddTopItemButton() {
  const { t } = useTranslation();
  const editing = usePlanEditing();
  if (!editing?.canCreate) return null;
  return (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => editing.add(null)}>
      {t('planEdit.addTop', { level: editing.levelName(0).toLocaleLowerCase() })}
    </Button>
  );
}
