import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Chip,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import {
  IconArrowLeft,
  IconCalendarPlus,
  IconLock,
  IconLogin,
  IconReportAnalytics,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { SearchInput } from '../../components/search-input.js';
import { paths } from '../../config/paths.js';
import { useMe } from '../../features/auth/api/get-me.js';
import { usePlan } from '../../features/plans/api/get-plan.js';
import {
  useLockPeriod,
  usePeriods,
  useReportsDue,
  type Period,
} from '../../features/reporting/api/reporting.js';
import { OpenPeriodDialog } from '../../features/reporting/components/open-period-dialog.js';
import { ReportDrawer } from '../../features/reporting/components/report-drawer.js';
import { ReportsTable } from '../../features/reporting/components/reports-table.js';
import {
  countStates,
  REPORT_STATES,
  reportState,
  type ReportState,
} from '../../features/reporting/utils/periods.js';
import { usePeriodName } from '../../features/reporting/utils/use-period-name.js';
import { isApiError } from '../../lib/api-client.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { useLocalised } from '../../lib/use-localised.js';

const PAGE = 100;

/** The chips above the table: every item, those due within the period, or one report state. */
type Filter = ReportState | 'all' | 'due';

/** /plans/:planId/reporting — reporting periods, the reports due in one, and their review. */
export function PlanReportingRoute() {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const { planId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const plan = usePlan(planId);
  const me = useMe();
  const periods = usePeriods(planId);
  const location = useLocation();
  const signedOut = me.isSuccess && me.data === null;
  const role = me.data?.user.role;
  const canManage = role === 'administrator' || role === 'coordinator';
  const planTitle = plan.data ? localiser.text(plan.data.title) : '';
  useDocumentTitle(
    plan.data ? t('reporting.documentTitle', { plan: planTitle }) : t('reporting.title'),
  );

  const list = periods.data?.items ?? [];
  const periodId = search.get('period') ?? list[0]?.id ?? null;
  const period = list.find((p) => p.id === periodId) ?? null;
  const due = useReportsDue(period ? period.id : null);
  const [opening, setOpening] = useState(false);
  const [locking, setLocking] = useState(false);
  const lock = useLockPeriod(planId);
  const [filter, setFilter] = useState<Filter>('all');
  const [words, setWords] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  // A large plan can owe hundreds of reports: the table grows a page at a time.
  const [limit, setLimit] = useState(PAGE);

  const choosePeriod = (id: string) => {
    const next = new URLSearchParams(search);
    next.set('period', id);
    setSearch(next, { replace: true });
    setFilter('all');
    setOpenId(null);
    setLimit(PAGE);
  };

  const items = useMemo(() => due.data?.items ?? [], [due.data]);
  const counts = useMemo(() => countStates(items), [items]);
  const shown = useMemo(() => {
    const needle = words.trim().toLocaleLowerCase();
    return items.filter(
      (item) =>
        (filter === 'all' ||
          (filter === 'due' ? item.dueInPeriod : reportState(item) === filter)) &&
        (!needle ||
          item.code.toLocaleLowerCase().includes(needle) ||
          localiser.text(item.title).toLocaleLowerCase().includes(needle)),
    );
  }, [items, filter, words, localiser]);
  const toReview = useMemo(() => items.filter((i) => reportState(i) === 'submitted'), [items]);
  const opened = items.find((i) => i.planItemId === openId) ?? null;

  const error = plan.error ?? periods.error;
  const nameOf = usePeriodName();
  const periodLabel = (p: Period) =>
    `${nameOf(p)} · ${localiser.date({ date: p.startsOn, precision: 'day' })} – ${localiser.date({ date: p.endsOn, precision: 'day' })}`;

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
          {t('reporting.title')}
        </span>
      </Breadcrumbs>
      {plan.isPending || periods.isPending ? (
        <LoadingState rows={6} />
      ) : error ? (
        isApiError(error) && (error.status === 404 || error.code === 'validation_failed') ? (
          <EmptyState title={t('plans.notFound')} />
        ) : (
          <ErrorState
            error={error}
            title={t('reporting.loadFailed')}
            onRetry={() => {
              void plan.refetch();
              void periods.refetch();
            }}
          />
        )
      ) : (
        <>
          <PageHeader
            title={t('reporting.heading', { plan: planTitle })}
            description={t('reporting.description')}
            actions={
              <Group gap="sm" wrap="nowrap">
                <Button
                  component={Link}
                  to={paths.plan(planId)}
                  variant="default"
                  leftSection={<IconArrowLeft size={16} aria-hidden />}
                >
                  {t('reporting.backToPlan')}
                </Button>
                {canManage && list.length > 0 ? (
                  <Button
                    leftSection={<IconCalendarPlus size={16} aria-hidden />}
                    onClick={() => setOpening(true)}
                  >
                    {t('reporting.open.button')}
                  </Button>
                ) : null}
              </Group>
            }
          />
          {signedOut ? (
            <Alert
              color="blue"
              variant="light"
              icon={<IconLogin aria-hidden />}
              title={t('reporting.signIn.title')}
            >
              <Text size="sm">
                {t('reporting.signIn.body')}{' '}
                <Anchor
                  component={Link}
                  to={paths.signInThen(`${location.pathname}${location.search}`)}
                  fw={600}
                  underline="always"
                >
                  {t('reporting.signIn.link')}
                </Anchor>
              </Text>
            </Alert>
          ) : null}
          {list.length === 0 ? (
            <EmptyState
              icon={<IconReportAnalytics size={28} aria-hidden />}
              title={t('reporting.noPeriods')}
              description={
                canManage
                  ? t('reporting.noPeriodsManage')
                  : signedOut
                    ? undefined
                    : t('reporting.noPeriodsReader')
              }
              action={
                canManage ? (
                  <Button onClick={() => setOpening(true)}>{t('reporting.open.button')}</Button>
                ) : undefined
              }
            />
          ) : (
            <>
              <Group align="flex-end" gap="md">
                <Select
                  label={t('reporting.period')}
                  data={list.map((p) => ({ value: p.id, label: periodLabel(p) }))}
                  value={period?.id ?? null}
                  onChange={(value) => value && choosePeriod(value)}
                  allowDeselect={false}
                  w={{ base: '100%', sm: 420 }}
                  renderOption={({ option }) => {
                    const p = list.find((x) => x.id === option.value);
                    return (
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm">{option.label}</Text>
                        {p ? <PeriodBadge period={p} /> : null}
                      </Group>
                    );
                  }}
                />
                {period ? <PeriodBadge period={period} /> : null}
                {period && canManage && period.status === 'open' ? (
                  <Button
                    variant="default"
                    color="red"
                    leftSection={<IconLock size={16} aria-hidden />}
                    onClick={() => setLocking(true)}
                  >
                    {t('reporting.lock.button')}
                  </Button>
                ) : null}
              </Group>
              {period?.status === 'locked' ? (
                <Alert color="gray" variant="light" icon={<IconLock aria-hidden />}>
                  {t('reporting.lockedNotice')}
                  {period.lockedAt
                    ? ` ${t('reporting.lockedOn', {
                        date: localiser.date({
                          date: period.lockedAt.slice(0, 10),
                          precision: 'day',
                        }),
                      })}`
                    : ''}
                </Alert>
              ) : null}
              {!period ? null : due.isPending ? (
                <LoadingState rows={5} />
              ) : due.error ? (
                <ErrorState
                  error={due.error}
                  title={t('reporting.loadFailed')}
                  onRetry={() => void due.refetch()}
                />
              ) : items.length === 0 ? (
                signedOut ? null : (
                  <EmptyState
                    title={t('reporting.nothingDue')}
                    description={t('reporting.nothingDueHint')}
                  />
                )
              ) : (
                <>
                  <Chip.Group value={filter} onChange={(value) => setFilter(value as Filter)}>
                    <Group gap="xs" role="group" aria-label={t('reporting.countsLabel')}>
                      <Chip value="all" variant="outline">
                        {t('reporting.counts.all', { count: counts.all })}
                      </Chip>
                      <Chip value="due" variant="outline">
                        {t('reporting.counts.due', { count: counts.dueInPeriod })}
                      </Chip>
                      {REPORT_STATES.map((state) => (
                        <Chip key={state} value={state} variant="outline">
                          {t(`reporting.counts.${state}`, { count: counts[state] })}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                  {canManage && toReview.length > 0 && period.status === 'open' ? (
                    <Paper withBorder p="md" radius="md">
                      <Title order={2} size="h4" mb="xs">
                        {t('reporting.review.heading', { count: toReview.length })}
                      </Title>
                      <ReportsTable
                        planId={planId}
                        period={period}
                        items={toReview}
                        showSubmitter
                        canReview
                        caption={t('reporting.review.caption')}
                        onOpen={(item) => setOpenId(item.planItemId)}
                      />
                    </Paper>
                  ) : null}
                  <Stack gap="xs">
                    <Title order={2} size="h4">
                      {t(canManage ? 'reporting.allHeading' : 'reporting.dueHeading')}
                    </Title>
                    <div style={{ maxWidth: 420 }}>
                      <SearchInput
                        value={words}
                        onSearch={setWords}
                        label={t('reporting.search')}
                      />
                    </div>
                    {shown.length === 0 ? (
                      <EmptyState
                        title={t('reporting.noMatch')}
                        action={
                          <Button
                            variant="default"
                            onClick={() => {
                              setFilter('all');
                              setWords('');
                            }}
                          >
                            {t('reporting.clearFilters')}
                          </Button>
                        }
                      />
                    ) : (
                      <>
                        <ReportsTable
                          planId={planId}
                          period={period}
                          items={shown.slice(0, limit)}
                          canReview={canManage}
                          caption={t('reporting.shown', {
                            shown: Math.min(limit, shown.length),
                            total: items.length,
                          })}
                          onOpen={(item) => setOpenId(item.planItemId)}
                        />
                        {shown.length > limit ? (
                          <Group justify="center">
                            <Button variant="default" onClick={() => setLimit((l) => l + PAGE)}>
                              {t('reporting.showMore', {
                                count: Math.min(PAGE, shown.length - limit),
                              })}
                            </Button>
                          </Group>
                        ) : null}
                      </>
                    )}
                  </Stack>
                </>
              )}
            </>
          )}
          {period ? (
            <ReportDrawer
              planId={planId}
              period={period}
              item={opened}
              canReview={canManage}
              onClose={() => setOpenId(null)}
              onReload={() => void due.refetch()}
            />
          ) : null}
          <OpenPeriodDialog
            planId={planId}
            opened={opening}
            onClose={() => setOpening(false)}
            periods={list}
            plan={plan.data ?? null}
            onOpened={(p) => choosePeriod(p.id)}
          />
          {period ? (
            <ConfirmDialog
              opened={locking}
              onClose={() => {
                setLocking(false);
                lock.reset();
              }}
              onConfirm={() =>
                lock.mutate(period, {
                  onSuccess: () => setLocking(false),
                })
              }
              title={t('reporting.lock.title', { period: nameOf(period) })}
              confirmLabel={t('reporting.lock.confirm')}
              danger
              loading={lock.isPending}
              error={lock.error}
            >
              <Text size="sm">{t('reporting.lock.body')}</Text>
            </ConfirmDialog>
          ) : null}
        </>
      )}
    </Stack>
  );
}

function PeriodBadge({ period }: { period: Period }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={period.status === 'open' ? 'green' : 'gray'}
      variant="light"
      radius="xs"
      tt="none"
      leftSection={period.status === 'locked' ? <IconLock size={12} aria-hidden /> : undefined}
    >
      {t(`reporting.periodStatus.${period.status}`)}
    </Badge>
  );
}
