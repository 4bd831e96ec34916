import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { PLAN_ITEM_STATUSES, type PlanItemStatus } from '../../../../../core/plans/status.js';
import type { PlanTreeNode } from '../../../../../core/schemas/plan.js';
import { isApiError } from '../../../lib/api-client.js';
import { errorMessage } from '../../../lib/error-message.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { useUpdatePlanItemStatus } from '../api/update-plan-item-status.js';
import { ItemStatusBadge } from './item-status-badge.js';

/** The status as a badge, or as a choice for those who may change the item. */
export function StatusCell({ item, planId }: { item: PlanTreeNode; planId: string }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const update = useUpdatePlanItemStatus(planId);
  if (!item.abilities.update) return <ItemStatusBadge status={item.status} />;
  return (
    <div onClick={(event) => event.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      <Select
        size="xs"
        w={190}
        allowDeselect={false}
        aria-label={t('plans.statusOf', { code: item.code, title: localiser.text(item.title) })}
        value={item.status}
        disabled={update.isPending}
        data={PLAN_ITEM_STATUSES.map((s) => ({ value: s, label: t(`plans.itemStatus.${s}`) }))}
        onChange={(value) => {
          if (!value || value === item.status) return;
          update.mutate(
            { id: item.id, version: item.version, status: value as PlanItemStatus },
            {
              onSuccess: () =>
                notifications.show({ color: 'teal', message: t('plans.statusSaved') }),
              onError: (error) =>
                notifications.show({
                  color: 'red',
                  title:
                    isApiError(error) && error.status === 412 ? t('plans.conflict') : undefined,
                  message:
                    isApiError(error) && error.status === 412
                      ? t('plans.conflictReloaded')
                      : errorMessage(error, t),
                }),
            },
          );
        }}
      />
    </div>
  );
}
