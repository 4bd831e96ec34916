import { Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../../../../core/schemas/indicator.js';
import { ErrorState } from '../../../../components/error-state.js';
import { LocalisedText } from '../../../../components/localised-text.js';
import { LoadingState } from '../../../../components/loading-state.js';
import { useLocalised } from '../../../../lib/use-localised.js';
import { useItemIndicators } from '../../api/get-item-indicators.js';

/** Baseline, target and every actual of each indicator, with progress to the target. */
export function ItemIndicators({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const indicators = useItemIndicators(itemId);
  const value = (v: number | string | null) =>
    v === null ? '—' : typeof v === 'number' ? localiser.number(v) : v;
  const point = (p: Indicator['baseline'], unit: string | null) =>
    p.value === null
      ? '—'
      : `${value(p.value)}${unit && typeof p.value === 'number' ? ` ${unit}` : ''}${p.year ? ` (${p.year})` : ''}`;

  if (indicators.isPending) return <LoadingState rows={2} rowHeight={48} />;
  if (indicators.isError)
    return <ErrorState error={indicators.error} onRetry={() => void indicators.refetch()} />;
  if (indicators.data.items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('plans.drawer.noIndicators')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('planItem.indicator')}</Table.Th>
            <Table.Th>{t('planItem.baseline')}</Table.Th>
            <Table.Th>{t('planItem.target')}</Table.Th>
            <Table.Th>{t('planItem.actuals')}</Table.Th>
            <Table.Th>{t('planItem.toTarget')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicators.data.items.map((indicator) => (
            <Table.Tr key={indicator.id}>
              <Table.Td>
                <LocalisedText value={indicator.name} size="sm" fw={600} />
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
                    <Text size="sm">{`${localiser.number(indicator.progressToTarget)} %`}</Text>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
