import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_ITEM_STATUSES, type PlanItemStatus } from '../../../../../core/plans/status.js';
import type { PlanTreeNode } from '../../../../../core/schemas/plan.js';
import { isApiError } from '../../../lib/api-client.js';
import { errorMessage } from '../../../lib/error-message.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { useUpdatePlanItemStatus } from '../api/update-plan-item-status.js';
import { usePlanEditing } from '../edit/plan-editing.js';
import { ItemStatusBadge } from './item-status-badge.js';

/**
 * The status as a badge, or as a choice for those who may change the item. Where the plan takes
 * statuses from approved reports the cell says so, and offers the plan's coordinators an override
 * with a reason. After a change the keyboard focus stays on the row's control.
 */
export function StatusCell({ item, planId }: { item: PlanTreeNode; planId: string }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const update = useUpdatePlanItemStatus(planId);
  const rule = usePlanEditing()?.statusRule ?? 'free';
  const control = useRef<HTMLInputElement>(null);
  const [overriding, setOverriding] = useState(false);
  if (!item.abilities.update) return <ItemStatusBadge status={item.status} />;
  const statusOptions = PLAN_ITEM_STATUSES.map((s) => ({
    value: s,
    label: t(`plans.itemStatus.${s}`),
  }));
  const name = { code: item.code, title: localiser.text(item.title) };

  const save = (status: PlanItemStatus, reason?: string, after?: () => void) =>
    update.mutate(
      { id: item.id, version: item.version, status, reason },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('plans.statusSaved') });
          after?.();
        },
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: isApiError(error) && error.status === 412 ? t('plans.conflict') : undefined,
            message:
              isApiError(error) && error.status === 412
                ? t('plans.conflictReloaded')
                : isApiError(error) && error.status === 409
                  ? error.message
                  : errorMessage(error, t),
          }),
        // The row stays (keyed by the item); its control gets the focus back.
        onSettled: () => requestAnimationFrame(() => control.current?.focus()),
      },
    );

  if (rule !== 'free') {
    return (
      <div onClick={(event) => event.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
        <Group gap={6} wrap="nowrap">
          <ItemStatusBadge status={item.status} />
          {rule === 'override' ? (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => setOverriding(true)}
              aria-label={t('plans.statusOverride.open', name)}
            >
              {t('plans.statusOverride.button')}
            </Button>
          ) : (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('plans.statusOverride.viaReports')}
            </Text>
          )}
        </Group>
        {overriding ? (
          <OverrideDialog
            item={item}
            options={statusOptions}
            saving={update.isPending}
            onClose={() => setOverriding(false)}
            onSave={(status, reason) => save(status, reason, () => setOverriding(false))}
          />
        ) : null}
      </div>
    );
  }

  return (
    <div onClick={(event) => event.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      <Select
        ref={control}
        size="xs"
        w={190}
        allowDeselect={false}
        aria-label={t('plans.statusOf', name)}
        value={item.status}
        // Read-only while saving, not disabled: a disabled control would lose the focus.
        readOnly={update.isPending}
        data={statusOptions}
        onChange={(value) => {
          if (!value || value === item.status) return;
          save(value as PlanItemStatus);
        }}
      />
    </div>
  );
}

function OverrideDialog({
  item,
  options,
  saving,
  onClose,
  onSave,
}: {
  item: PlanTreeNode;
  options: { value: string; label: string }[];
  saving: boolean;
  onClose: () => void;
  onSave: (status: PlanItemStatus, reason: string) => void;
}) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const [status, setStatus] = useState<PlanItemStatus>(item.status);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      opened
      onClose={onClose}
      centered
      title={
        <Text fw={650}>
          {t('plans.statusOverride.title', { code: item.code, title: localiser.text(item.title) })}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!reason.trim()) {
            setError(t('plans.statusOverride.reasonRequired'));
            return;
          }
          onSave(status, reason.trim());
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('plans.statusOverride.body')}</Text>
          <Select
            label={t('plans.statusOverride.status')}
            data={options}
            value={status}
            allowDeselect={false}
            onChange={(value) => value && setStatus(value as PlanItemStatus)}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
          <Textarea
            label={t('plans.statusOverride.reason')}
            description={t('plans.statusOverride.reasonHint')}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setError(null);
            }}
            error={error}
            required
            autosize
            minRows={2}
            maxLength={1000}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving} disabled={status === item.status}>
              {t('plans.statusOverride.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
