import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanItemStatus } from '../../../../../core/plans/status.js';
import { ITEM_STATUS_COLORS } from '../utils/status.js';

/** A plan item's status in words. */
export function ItemStatusBadge({ status }: { status: PlanItemStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={ITEM_STATUS_COLORS[status]}
      variant="light"
      radius="xs"
      tt="none"
      fw={600}
      styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}
    >
      {t(`plans.itemStatus.${status}`)}
    </Badge>
  );
}
