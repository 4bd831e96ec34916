import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { useMe } from '../../features/auth/api/get-me.js';
import { usePlans } from '../../features/plans/api/get-plans.js';
import { PlansList } from '../../features/plans/components/plans-list.js';
import { NewPlanButton } from '../../features/plans/plan-editor/index.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';

/** /plans — the action plans. */
export function PlansRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('plans.title'));
  const plans = usePlans();
  // Coordinators and administrators set up plans; the server decides, this only hides the button.
  const canCreate = useMe().data?.abilities.manageReferenceData ?? false;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('plans.title')}
        description={t('plans.description')}
        actions={canCreate ? <NewPlanButton /> : null}
      />
      {plans.isPending ? (
        <LoadingState rows={2} rowHeight={120} />
      ) : plans.isError ? (
        <ErrorState
          error={plans.error}
          title={t('plans.loadFailed')}
          onRetry={() => void plans.refetch()}
          retrying={plans.isFetching}
        />
      ) : plans.data.items.length === 0 ? (
        <EmptyState
          title={t('plans.empty')}
          description={canCreate ? t('planSetup.emptyHint') : undefined}
        />
      ) : (
        <PlansList plans={plans.data.items} />
      )}
    </Stack>
  );
}
