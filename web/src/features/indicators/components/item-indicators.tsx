import {
  ActionIcon,
  Button,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChartLine, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '@core/schemas/indicator.js';
import { ConfirmDialog } from '@/components/confirm-dialog.js';
import { EmptyState } from '@/components/empty-state.js';
import { ErrorState } from '@/components/error-state.js';
import { LocalisedText } from '@/components/localised-text.js';
import { LoadingState } from '@/components/loading-state.js';
import { errorMessage } from '@/lib/error-message.js';
import { useItemIndicators } from '@/lib/item-indicators.js';
import { isStaleError } from '@/lib/save-errors.js';
import { useLocalised } from '@/lib/use-localised.js';
import { useDeleteIndicator } from '../api/indicators.js';
import { IndicatorForm } from './indicator-form.js';
import { MeasurementForm } from './measurement-form.js';

type Open =
  | { form: 'add' }
  | { form: 'edit'; id: string }
  | { form: 'measure'; id: string }
  | { form: 'delete'; id: string }
  | null;

interface ItemIndicatorsProps {
  itemId: string;
  /** The reader may change the item (its `abilities.update`): add, change, remove, record. */
  canEdit: boolean;
}

/**
 * Baseline, target and every actual of each indicator, with progress to the target. Those who may
 * change the item also add, change and remove indicators and record actual values here.
 */
export function ItemIndicators({ itemId, canEdit }: ItemIndicatorsProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const indicators = useItemIndicators(itemId);
  const [open, setOpen] = useState<Open>(null);
  const remove = useDeleteIndicator(itemId);

  const value = (v: number | string | null) =>
    v === null ? '—' : typeof v === 'number' ? localiser.number(v) : v;
  const point = (p: Indicator['baseline'], unit: string | null) =>
    p.value === null
      ? p.year
        ? `— (${p.year})`
        : '—'
      : `${value(p.value)}${unit && typeof p.value === 'number' ? ` ${unit}` : ''}${p.year ? ` (${p.year})` : ''}`;

  if (indicators.isPending) return <LoadingState rows={2} rowHeight={48} />;
  if (indicators.isError)
    return <ErrorState error={indicators.error} onRetry={() => void indicators.refetch()} />;

  const list = indicators.data.items;
  const find = (id: string) => list.find((i) => i.id === id);
  const close = () => setOpen(null);
  const editing = open?.form === 'edit' ? find(open.id) : undefined;
  const measuring = open?.form === 'measure' ? find(open.id) : undefined;
  const deleting = open?.form === 'delete' ? find(open.id) : undefined;
  const addButton = (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconPlus size={16} aria-hidden />}
      onClick={() => setOpen({ form: 'add' })}
    >
      {t('indicators.addButton')}
    </Button>
  );
  const reload = async (id: string) =>
    (await indicators.refetch()).data?.items.find((i) => i.id === id);

  const forms = (
    <>
      {open?.form === 'add' ? (
        <IndicatorForm
          itemId={itemId}
          onClose={close}
          onReload={() => Promise.resolve(undefined)}
        />
      ) : null}
      {editing ? (
        <IndicatorForm
          itemId={itemId}
          indicator={editing}
          onClose={close}
          onReload={() => reload(editing.id)}
        />
      ) : null}
      {measuring ? <MeasurementForm itemId={itemId} indicator={measuring} onClose={close} /> : null}
      <ConfirmDialog
        opened={Boolean(deleting)}
        onClose={() => {
          remove.reset();
          close();
        }}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting, {
            onSuccess: () => {
              notifications.show({ color: 'gray', message: t('indicators.deleted') });
              close();
            },
          });
        }}
        title={t('indicators.deleteTitle')}
        confirmLabel={t('indicators.deleteConfirm')}
        danger
        loading={remove.isPending}
        error={
          remove.error
            ? isStaleError(remove.error)
              ? t('staleRecord.bodyDelete')
              : errorMessage(remove.error, t)
            : undefined
        }
      >
        <Text size="sm">
          {deleting
            ? t('indicators.deleteBody', {
                name: localiser.text(deleting.name),
                count: deleting.measurements.length,
              })
            : null}
        </Text>
      </ConfirmDialog>
    </>
  );

  // The forms stay in one place whatever the list shows, so adding the first indicator does not
  // remount the open form (its mutation's callbacks would be lost).
  return (
    <Stack gap="xs">
      {list.length === 0 ? (
        canEdit ? (
          <EmptyState
            title={t('indicators.empty')}
            description={t('indicators.emptyHint')}
            icon={<IconChartLine size={28} aria-hidden />}
            action={addButton}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('plans.drawer.noIndicators')}
          </Text>
        )
      ) : (
        <>
          {canEdit ? <Group justify="flex-end">{addButton}</Group> : null}
          <Table.ScrollContainer minWidth={canEdit ? 780 : 640}>
            <Table verticalSpacing="xs" fz="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('planItem.indicator')}</Table.Th>
                  <Table.Th>{t('planItem.baseline')}</Table.Th>
                  <Table.Th>{t('planItem.target')}</Table.Th>
                  <Table.Th>{t('planItem.actuals')}</Table.Th>
                  <Table.Th>{t('planItem.toTarget')}</Table.Th>
                  {canEdit ? (
                    <Table.Th>
                      <VisuallyHidden>{t('indicators.actions')}</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((indicator) => {
                  const name = localiser.text(indicator.name);
                  return (
                    <Table.Tr key={indicator.id} data-testid="indicator">
                      <Table.Td>
                        <LocalisedText value={indicator.name} size="sm" fw={600} />
                        <Text size="xs" c="dimmed">
                          {t(`indicators.kind.${indicator.kind}`)}
                          {indicator.unit && indicator.kind === 'quantitative'
                            ? ` · ${indicator.unit}`
                            : ''}
                        </Text>
                        {indicator.sourceOfVerification ? (
                          <Text size="xs" c="dimmed">
                            {t('planItem.verification', { source: indicator.sourceOfVerification })}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{point(indicator.baseline, indicator.unit)}</Table.Td>
                      <Table.Td>{point(indicator.target, indicator.unit)}</Table.Td>
                      <Table.Td>
                        {indicator.measurements.length === 0 ? (
                          <Text size="sm" c="dimmed">
                            {t('planItem.noActuals')}
                          </Text>
                        ) : (
                          <Stack gap={0}>
                            {indicator.measurements.map((m) => (
                              <Text key={m.id} size="sm" title={m.note ?? undefined}>
                                {localiser.date({
                                  date: m.measuredOn,
                                  precision:
                                    m.measuredOn.length === 4
                                      ? 'year'
                                      : m.measuredOn.length === 7
                                        ? 'month'
                                        : 'day',
                                })}
                                : <strong>{value(m.value)}</strong>
                                {m.note ? (
                                  <Text span size="xs" c="dimmed">
                                    {` — ${m.note}`}
                                  </Text>
                                ) : null}
                              </Text>
                            ))}
                          </Stack>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {indicator.progressToTarget === null ? (
                          '—'
                        ) : (
                          <Group gap="xs" wrap="nowrap">
                            <Progress value={indicator.progressToTarget} w={80} aria-hidden />
                            <Text size="sm" data-testid="indicator-progress">
                              {`${localiser.number(indicator.progressToTarget)} %`}
                            </Text>
                          </Group>
                        )}
                      </Table.Td>
                      {canEdit ? (
                        <Table.Td>
                          <Group gap={4} wrap="nowrap" justify="flex-end">
                            <Button
                              size="compact-xs"
                              variant="light"
                              onClick={() => setOpen({ form: 'measure', id: indicator.id })}
                              aria-label={t('indicators.recordFor', { name })}
                            >
                              {t('indicators.recordButton')}
                            </Button>
                            <Tooltip label={t('indicators.edit')}>
                              <ActionIcon
                                variant="subtle"
                                aria-label={t('indicators.editFor', { name })}
                                onClick={() => setOpen({ form: 'edit', id: indicator.id })}
                              >
                                <IconPencil size={16} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label={t('indicators.delete')}>
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                aria-label={t('indicators.deleteFor', { name })}
                                onClick={() => setOpen({ form: 'delete', id: indicator.id })}
                              >
                                <IconTrash size={16} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                          </Group>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {forms}
    </Stack>
  );
}
