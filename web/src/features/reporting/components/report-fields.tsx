/** The parts of a report form that repeat: evidence rows and the quantitative indicators' values. */
import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../../../core/schemas/indicator.js';
import { useLocalised } from '../../../lib/use-localised.js';

export interface EvidenceRow {
  title: string;
  url: string;
}

export type FieldErrors = Partial<Record<string, string>>;

export function EvidenceFields({
  rows,
  onChange,
  errors,
  editable,
}: {
  rows: EvidenceRow[];
  onChange: (update: (rows: EvidenceRow[]) => EvidenceRow[]) => void;
  errors: FieldErrors;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const change = (index: number, patch: Partial<EvidenceRow>) =>
    onChange((list) => list.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm" id="evidence-label">
        {t('reporting.form.evidence')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reporting.form.noEvidence')}
        </Text>
      ) : null}
      {rows.map((row, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label={t('reporting.form.evidenceTitle', { n: index + 1 })}
            placeholder={t('reporting.form.evidenceTitlePlaceholder')}
            value={row.title}
            onChange={(event) => change(index, { title: event.currentTarget.value })}
            error={errors[`evidence.${index}.title`]}
            readOnly={!editable}
            maxLength={300}
            style={{ flex: 1 }}
          />
          <TextInput
            aria-label={t('reporting.form.evidenceUrl', { n: index + 1 })}
            placeholder="https://…"
            type="url"
            value={row.url}
            onChange={(event) => change(index, { url: event.currentTarget.value })}
            error={errors[`evidence.${index}.url`]}
            readOnly={!editable}
            style={{ flex: 1 }}
          />
          {editable ? (
            <ActionIcon
              variant="subtle"
              color="red"
              mt={4}
              aria-label={t('reporting.form.removeEvidence', { n: index + 1 })}
              onClick={() => onChange((list) => list.filter((_, i) => i !== index))}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          ) : null}
        </Group>
      ))}
      {editable && rows.length < 30 ? (
        <div>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => onChange((list) => [...list, { title: '', url: '' }])}
          >
            {t('reporting.form.addEvidence')}
          </Button>
        </div>
      ) : null}
    </Stack>
  );
}

export function IndicatorFields({
  indicators,
  periodEnd,
  valueOf,
  onChange,
  editable,
}: {
  indicators: Indicator[];
  periodEnd: string;
  valueOf: (indicatorId: string) => number | string;
  onChange: (indicatorId: string, value: number | string) => void;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  if (indicators.length === 0) return null;
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('reporting.form.indicators')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('reporting.form.indicatorsHint', {
          date: localiser.date({ date: periodEnd, precision: 'day' }),
        })}
      </Text>
      {indicators.map((indicator) => (
        <NumberInput
          key={indicator.id}
          label={localiser.text(indicator.name)}
          description={
            indicator.target.value !== null
              ? t('reporting.form.target', {
                  value: indicator.target.value,
                  unit: indicator.unit ?? '',
                })
              : undefined
          }
          rightSection={
            indicator.unit ? (
              <Text size="xs" c="dimmed" pr="xs">
                {indicator.unit}
              </Text>
            ) : null
          }
          rightSectionWidth={
            indicator.unit ? Math.min(120, 16 + indicator.unit.length * 7) : undefined
          }
          value={valueOf(indicator.id)}
          onChange={(value) => onChange(indicator.id, value)}
          readOnly={!editable}
          w={{ base: '100%', xs: 280 }}
        />
      ))}
    </Stack>
  );
}
