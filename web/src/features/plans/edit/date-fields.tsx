/**
 * Start (a day or a month) and due (a day, a month, a quarter such as 2026-Q3, or continuous):
 * the precision is chosen first, as a row of radio buttons, and only its input is shown.
 */
import { Group, Input, Select, SegmentedControl, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuePrecision, ItemDraft, StartPrecision } from './item-draft.js';

interface DateFieldProps {
  draft: ItemDraft;
  onChange: (patch: Partial<ItemDraft>) => void;
  error?: string;
}

export function StartField({ draft, onChange, error }: DateFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const precisions: StartPrecision[] = ['none', 'day', 'month'];
  return (
    <Input.Wrapper
      label={t('planEdit.fields.start')}
      description={t('planEdit.fields.startHint')}
      error={error}
      labelElement="div"
      labelProps={{ id: `${id}-label` }}
    >
      <Group gap="sm" mt={4} align="center">
        <SegmentedControl
          size="xs"
          aria-labelledby={`${id}-label`}
          value={draft.startPrecision}
          onChange={(value) => onChange({ startPrecision: value as StartPrecision })}
          data={precisions.map((p) => ({ value: p, label: t(`planEdit.precision.${p}`) }))}
        />
        {draft.startPrecision === 'none' ? null : (
          <TextInput
            type={draft.startPrecision === 'day' ? 'date' : 'month'}
            aria-label={t(
              draft.startPrecision === 'day'
                ? 'planEdit.fields.startDay'
                : 'planEdit.fields.startMonth',
            )}
            placeholder={draft.startPrecision === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM'}
            value={draft.startValue}
            onChange={(event) => onChange({ startValue: event.currentTarget.value })}
            error={Boolean(error)}
            w={200}
          />
        )}
      </Group>
    </Input.Wrapper>
  );
}

export function DueField({ draft, onChange, error }: DateFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const precisions: DuePrecision[] = ['none', 'day', 'month', 'quarter', 'continuous'];
  return (
    <Input.Wrapper
      label={t('planEdit.fields.due')}
      description={t('planEdit.fields.dueHint')}
      error={error}
      labelElement="div"
      labelProps={{ id: `${id}-label` }}
    >
      <Group gap="sm" mt={4} align="center">
        <SegmentedControl
          size="xs"
          aria-labelledby={`${id}-label`}
          value={draft.duePrecision}
          onChange={(value) => onChange({ duePrecision: value as DuePrecision })}
          data={precisions.map((p) => ({ value: p, label: t(`planEdit.precision.${p}`) }))}
        />
        {draft.duePrecision === 'day' || draft.duePrecision === 'month' ? (
          <TextInput
            type={draft.duePrecision === 'day' ? 'date' : 'month'}
            aria-label={t(
              draft.duePrecision === 'day' ? 'planEdit.fields.dueDay' : 'planEdit.fields.dueMonth',
            )}
            placeholder={draft.duePrecision === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM'}
            value={draft.dueValue}
            onChange={(event) => onChange({ dueValue: event.currentTarget.value })}
            error={Boolean(error)}
            w={200}
          />
        ) : draft.duePrecision === 'quarter' ? (
          <Group gap="xs" wrap="nowrap">
            <Select
              aria-label={t('planEdit.fields.dueQuarter')}
              data={['1', '2', '3', '4'].map((q) => ({
                value: q,
                label: t('planEdit.quarterName', { quarter: q }),
              }))}
              value={draft.dueQuarter}
              onChange={(value) => value && onChange({ dueQuarter: value })}
              allowDeselect={false}
              w={150}
            />
            <TextInput
              aria-label={t('planEdit.fields.dueYear')}
              inputMode="numeric"
              maxLength={4}
              value={draft.dueYear}
              onChange={(event) => onChange({ dueYear: event.currentTarget.value })}
              error={Boolean(error)}
              w={90}
            />
          </Group>
        ) : null}
      </Group>
    </Input.Wrapper>
  );
}
