import { Group, Progress, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../../lib/use-localised.js';
import { usePlanDashboard } from '../dashboard/api/get-plan-dashboard.js';

/**
 * A plan's progress on its card in the plans list: the roll-up of what the reader may see, and
 * how many of its leaf items are implemented. It comes from the plan's dashboard (one request per
 * card, cached under the dashboard's own key, so opening the dashboard next costs nothing).
 */
export function PlanCardProgress({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const dashboard = usePlanDashboard(planId);
  if (dashboard.isPending) {
    return (
      <div>
        <Skeleton height={30} radius="sm" />
        <VisuallyHidden>{t('plans.progress.loading')}</VisuallyHidden>
      </div>
    );
  }
  if (dashboard.isError) {
    return (
      <Text size="sm" c="dimmed">
        {t('plans.progress.failed')}
      </Text>
    );
  }
  const { progress, breakdown } = dashboard.data.overall;
  const implemented = breakdown.counts.implemented ?? 0;
  const label =
    progress === null
      ? t('plans.progress.none')
      : t('plans.progress.value', { value: localiser.number(progress) });
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="sm" c="dimmed">
          {t('plans.progress.implemented', { count: breakdown.total, implemented })}
        </Text>
      </Group>
      {/* The words above say what the bar shows; the bar itself is decoration. */}
      <Progress value={progress ?? 0} size="sm" aria-hidden />
    </Stack>
  );
}
