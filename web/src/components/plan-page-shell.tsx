import { Anchor, Breadcrumbs, Button, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/empty-state.js';
import { ErrorState } from '@/components/error-state.js';
import { LoadingState } from '@/components/loading-state.js';
import { paths } from '@/config/paths.js';
import { isApiError } from '@/lib/api-client.js';

/** What a plan page's shell needs to know of each query behind the page. */
export interface ShellQuery {
  isPending: boolean;
  error: unknown;
  refetch: () => unknown;
}

export type PlanPageState = 'not-found' | 'error' | 'loading' | 'ready';

/** A missing record, one the reader may not see (the API answers both alike), or a malformed id. */
function isNotFound(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.code === 'validation_failed');
}

/**
 * Which of the four faces a plan page shows: not found as soon as any query says so (or the page
 * knows it, e.g. an item of another plan), then a failure, then loading until every query has
 * its data.
 */
export function planPageState(queries: readonly ShellQuery[], notFound = false): PlanPageState {
  if (notFound || queries.some((q) => isNotFound(q.error))) return 'not-found';
  if (queries.some((q) => q.error)) return 'error';
  if (queries.some((q) => q.isPending)) return 'loading';
  return 'ready';
}

interface PlanPageShellProps {
  planId: string;
  /** The plan's title in the reader's language; null while it loads ("…"). */
  planTitle: string | null;
  /**
   * The last crumb: this page's own name (Dashboard, Reporting, an item's code); null while it
   * loads. Leave it out on the plan's own page, whose last crumb is the plan.
   */
  current?: string | null;
  /** Every query the page needs before it can show anything. */
  queries: readonly ShellQuery[];
  /** The page knows the record is not there (say, an item that belongs to another plan). */
  notFound?: boolean;
  /** Said when not found; the plan's own sentence by default. */
  notFoundTitle?: string;
  /** Where "not found" leads back to: the plan (default for pages below it) or the plans list. */
  back?: { to: string; label: string };
  /** Said when loading failed; "The plan could not be loaded." by default. */
  loadFailedTitle?: string;
  loadingRows?: number;
  /** The page itself, rendered only once every query has its data. */
  children: () => ReactNode;
}

/**
 * The frame of every plan page (the plan, its dashboard, its reporting, an item): the breadcrumbs
 * Plans › plan › page, and one way to show loading, not found and a failure with a retry.
 */
export function PlanPageShell({
  planId,
  planTitle,
  current,
  queries,
  notFound = false,
  notFoundTitle,
  back,
  loadFailedTitle,
  loadingRows = 5,
  children,
}: PlanPageShellProps) {
  const { t } = useTranslation();
  const state = planPageState(queries, notFound);
  const onPlanPage = current === undefined;
  const way =
    back ??
    (onPlanPage
      ? { to: paths.plans, label: t('planShell.backToPlans') }
      : { to: paths.plan(planId), label: t('planShell.backToPlan') });
  const crumb = { fontSize: 'var(--mantine-font-size-sm)' };

  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›" aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to={paths.plans} size="sm">
          {t('plans.title')}
        </Anchor>
        {onPlanPage ? (
          <span aria-current="page" style={crumb}>
            {planTitle ?? '…'}
          </span>
        ) : (
          <Anchor component={Link} to={paths.plan(planId)} size="sm">
            {planTitle ?? '…'}
          </Anchor>
        )}
        {onPlanPage ? null : (
          <span aria-current="page" style={crumb}>
            {current ?? '…'}
          </span>
        )}
      </Breadcrumbs>
      {state === 'not-found' ? (
        <EmptyState
          title={notFoundTitle ?? t('planShell.notFound')}
          action={
            <Button
              component={Link}
              to={way.to}
              variant="default"
              leftSection={<IconArrowLeft size={16} aria-hidden />}
            >
              {way.label}
            </Button>
          }
        />
      ) : state === 'error' ? (
        <ErrorState
          error={queries.find((q) => q.error)?.error}
          title={loadFailedTitle ?? t('planShell.loadFailed')}
          onRetry={() => {
            for (const q of queries) if (q.error) void q.refetch();
          }}
        />
      ) : state === 'loading' ? (
        <LoadingState rows={loadingRows} />
      ) : (
        children()
      )}
    </Stack>
  );
}
