import '@mantine/charts/styles.css';
import { Anchor, Breadcrumbs, Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PLAN_ITEM_STATUSES } from '../../../../core/plans/status.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { paths } from '../../config/paths.js';
import { usePlan } from '../../features/plans/api/get-plan.js';
import { usePlanDashboard } from '../../features/plans/dashboard/api/get-plan-dashboard.js';
import { BreakdownTable } from '../../features/plans/dashboard/components/breakdown-table.js';
import { DashboardSection } from '../../features/plans/dashboard/components/dashboard-section.js';
import { ItemList } from '../../features/plans/dashboard/components/item-list.js';
import { OverallPanel } from '../../features/plans/dashboard/components/overall-panel.js';
import { PeriodTrend } from '../../features/plans/dashboard/components/period-trend.js';
import { StatusBars } from '../../features/plans/dashboard/components/status-bars.js';
import { bucketsInUse } from '../../features/plans/dashboard/utils/chart-data.js';
import { isApiError } from '../../lib/api-client.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { useLocalised } from '../../lib/use-localised.js';

/** /plans/:planId/dashboard — status counts, overdue and at-risk items, progress over periods. */
export function PlanDashboardRoute() {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const { planId = '' } = useParams();
  const plan = usePlan(planId);
  const dashboard = usePlanDashboard(planId);
  const planTitle = plan.data ? localiser.text(plan.data.title) : '';
  useDocumentTitle(
    plan.data ? t('planDashboard.documentTitle', { plan: planTitle }) : t('planDashboard.title'),
  );

  const error = plan.error ?? dashboard.error;
  const d = dashboard.data;
  const statusLabel = (s: (typeof PLAN_ITEM_STATUSES)[number]) => t(`plans.itemStatus.${s}`);
  const institutionName = (o: NonNullable<typeof d>['institutions'][number]['organisation']) =>
    o === null
      ? t('planDashboard.institutions.noLead')
      : o.name === null
        ? t('planDashboard.institutions.hidden')
        : localiser.text(o.name);
  // The plan page opens the item's drawer from ?item=.
  const itemHref = (itemId: string) => `${paths.plan(planId)}?item=${encodeURIComponent(itemId)}`;

  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›" aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to={paths.plans} size="sm">
          {t('plans.title')}
        </Anchor>
        <Anchor component={Link} to={paths.plan(planId)} size="sm">
          {plan.data ? planTitle : '…'}
        </Anchor>
        <span aria-current="page" style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
          {t('planDashboard.title')}
        </span>
      </Breadcrumbs>
      {plan.isPending || dashboard.isPending ? (
        <LoadingState rows={6} />
      ) : error ? (
        isApiError(error) && (error.status === 404 || error.code === 'validation_failed') ? (
          <EmptyState title={t('plans.notFound')} />
        ) : (
          <ErrorState
            error={error}
            title={t('planDashboard.loadFailed')}
            onRetry={() => {
              void plan.refetch();
              void dashboard.refetch();
            }}
          />
        )
      ) : plan.data && d ? (
        <>
          <PageHeader
            title={t('planDashboard.heading', { plan: planTitle })}
            description={
              <>
                {t('planDashboard.counted', {
                  level: d.counted.level
                    ? localiser.text(d.counted.level.name)
                    : t('planDashboard.leafItems'),
                })}
                <br />
                {t('planDashboard.asOf', {
                  date: localiser.date({ date: d.today, precision: 'day' }),
                })}
              </>
            }
            actions={
              <Button
                component={Link}
                to={paths.plan(planId)}
                variant="default"
                leftSection={<IconArrowLeft size={16} aria-hidden />}
              >
                {t('planDashboard.backToPlan')}
              </Button>
            }
          />
          {d.overall.breakdown.total === 0 ? (
            <EmptyState title={t('planDashboard.emptyPlan')} />
          ) : (
            <>
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
                <DashboardSection id="dashboard-overall" title={t('planDashboard.overall.title')}>
                  <OverallPanel dashboard={d} />
                </DashboardSection>
                <DashboardSection id="dashboard-chapters" title={t('planDashboard.chapters.title')}>
                  <StatusBars
                    label={t('planDashboard.chapters.chartLabel')}
                    groups={d.chapters.map((c) => ({
                      name: `${c.code} ${localiser.text(c.title)}`,
                      breakdown: c.breakdown,
                    }))}
                  />
                </DashboardSection>
              </SimpleGrid>
              <DashboardSection
                id="dashboard-chapter-figures"
                title={t('planDashboard.chapters.figures')}
              >
                <BreakdownTable
                  caption={t('planDashboard.chapters.tableCaption')}
                  nameHeader={t('planDashboard.table.chapter')}
                  withProgress
                  buckets={bucketsInUse(
                    PLAN_ITEM_STATUSES,
                    d.chapters.map((c) => c.breakdown),
                  )}
                  bucketLabel={statusLabel}
                  rows={d.chapters.map((c) => ({
                    key: c.id,
                    name: (
                      <>
                        <Text span fw={700} size="sm" mr={6}>
                          {c.code}
                        </Text>
                        {localiser.text(c.title)}
                      </>
                    ),
                    progress: c.progress,
                    breakdown: c.breakdown,
                  }))}
                />
              </DashboardSection>
              <DashboardSection
                id="dashboard-institutions"
                title={t('planDashboard.institutions.title')}
              >
                <StatusBars
                  label={t('planDashboard.institutions.chartLabel')}
                  groups={d.institutions.map((g) => ({
                    name: institutionName(g.organisation),
                    breakdown: g.breakdown,
                  }))}
                />
                <BreakdownTable
                  caption={t('planDashboard.institutions.tableCaption')}
                  nameHeader={t('planDashboard.table.institution')}
                  buckets={bucketsInUse(
                    PLAN_ITEM_STATUSES,
                    d.institutions.map((g) => g.breakdown),
                  )}
                  bucketLabel={statusLabel}
                  rows={d.institutions.map((g) => ({
                    key: g.organisation ? (g.organisation.id ?? 'withheld') : 'none',
                    name: (
                      <Text span size="sm" fw={500} c={g.organisation?.name ? undefined : 'dimmed'}>
                        {institutionName(g.organisation)}
                      </Text>
                    ),
                    breakdown: g.breakdown,
                  }))}
                />
              </DashboardSection>
            </>
          )}
          {/* One above the other: side by side, their tables were cut at the card's edge. */}
          <Stack gap="lg">
            <DashboardSection
              id="dashboard-overdue"
              title={t('planDashboard.overdue.title', { count: d.overdue.total })}
              definition={t('planDashboard.overdue.definition')}
            >
              <ItemList
                kind="overdue"
                items={d.overdue.items}
                total={d.overdue.total}
                itemHref={itemHref}
                caption={t('planDashboard.overdue.tableCaption')}
              />
            </DashboardSection>
            <DashboardSection
              id="dashboard-at-risk"
              title={t('planDashboard.atRisk.title', { count: d.atRisk.total })}
              definition={t('planDashboard.atRisk.definition', { days: d.atRisk.horizonDays })}
            >
              <ItemList
                kind="atRisk"
                items={d.atRisk.items}
                total={d.atRisk.total}
                itemHref={itemHref}
                caption={t('planDashboard.atRisk.tableCaption')}
              />
            </DashboardSection>
          </Stack>
          <DashboardSection
            id="dashboard-periods"
            title={t('planDashboard.periods.title')}
            definition={t('planDashboard.periods.definition')}
          >
            <PeriodTrend periods={d.periods.items} />
          </DashboardSection>
        </>
      ) : null}
    </Stack>
  );
}
