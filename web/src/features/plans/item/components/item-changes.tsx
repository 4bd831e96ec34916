/**
 * Every change of the item's status and progress as the database recorded it — inline edits,
 * approved reports, imports — newest first, with who made it. Complements the period reports.
 */
import { Group, Text, Timeline } from '@mantine/core';
import { IconArrowBackUp, IconPoint, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../../components/error-state.js';
import { LoadingState } from '../../../../components/loading-state.js';
import { useLocalised } from '../../../../lib/use-localised.js';
import { ItemStatusBadge } from '../../components/item-status-badge.js';
import { useItemChanges, type ItemChange } from '../api/get-item-changes.js';

/** What happened at each step: deleted, restored, or a status/progress change. */
function kindOf(change: ItemChange, previous: ItemChange | undefined) {
  if (change.deleted) return 'deleted' as const;
  if (previous?.deleted) return 'restored' as const;
  return 'changed' as const;
}

export function ItemChanges({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const changes = useItemChanges(itemId);
  if (changes.isPending) return <LoadingState rows={2} rowHeight={32} />;
  if (changes.isError)
    return <ErrorState error={changes.error} onRetry={() => void changes.refetch()} />;
  const items = changes.data.items;
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('planItem.changes.none')}
      </Text>
    );
  const steps = items.map((change, i) => ({ change, kind: kindOf(change, items[i - 1]) }));
  return (
    <Timeline bulletSize={20} lineWidth={2} active={steps.length - 1} reverseActive>
      {[...steps].reverse().map(({ change, kind }, i) => (
        <Timeline.Item
          key={`${change.at}-${i}`}
          bullet={
            kind === 'deleted' ? (
              <IconTrash size={12} aria-hidden />
            ) : kind === 'restored' ? (
              <IconArrowBackUp size={12} aria-hidden />
            ) : (
              <IconPoint size={12} aria-hidden />
            )
          }
          title={
            <Group gap="xs">
              {kind === 'changed' ? (
                <ItemStatusBadge status={change.status} />
              ) : (
                <Text size="sm" fw={600}>
                  {t(`planItem.changes.${kind}`)}
                </Text>
              )}
              {change.manualProgress !== null && kind === 'changed' ? (
                <Text size="sm">
                  {t('planItem.changes.progress', {
                    value: localiser.number(change.manualProgress),
                  })}
                </Text>
              ) : null}
            </Group>
          }
        >
          <Text size="xs" c="dimmed">
            {localiser.dateTime(change.at)} · {change.by ?? t('planItem.changes.system')}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
