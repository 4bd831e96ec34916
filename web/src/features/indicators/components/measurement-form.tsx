import { Alert, Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../../../core/schemas/indicator.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { useRecordMeasurement } from '../api/indicators.js';
import {
  measurementPayload,
  measurementSaveErrors,
  today,
  validateMeasurement,
  type MeasurementDraft,
  type MeasurementErrors,
} from '../utils/indicator-draft.js';

/** Records one actual value of an indicator: when it was measured, the value, a note. */
export function MeasurementForm({
  itemId,
  indicator,
  onClose,
}: {
  itemId: string;
  indicator: Indicator;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const [draft, setDraft] = useState<MeasurementDraft>({
    measuredOn: today(),
    value: '',
    note: '',
  });
  const [errors, setErrors] = useState<MeasurementErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const record = useRecordMeasurement(itemId);
  const quantitative = indicator.kind === 'quantitative';

  const input = (field: keyof MeasurementDraft) => ({
    value: draft[field],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setDraft((d) => ({ ...d, [field]: value }));
      setErrors((old) => ({ ...old, [field]: undefined }));
    },
    error: errors[field],
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const found = validateMeasurement(draft, indicator.kind, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    record.mutate(
      { id: indicator.id, measurement: measurementPayload(draft, indicator.kind) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('indicators.recorded') });
          onClose();
        },
        onError: (error) => {
          const mapped = measurementSaveErrors(error, t);
          setErrors(mapped.fields);
          setFormError(mapped.form);
        },
      },
    );
  };

  const name = localiser.text(indicator.name);
  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={650}>{t('indicators.recordTitle', { name })}</Text>}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('indicators.field.measuredOn')}
            description={t('indicators.field.measuredOnHint')}
            maw={360}
            {...input('measuredOn')}
          />
          <TextInput
            label={
              quantitative && indicator.unit
                ? t('indicators.field.valueIn', { unit: indicator.unit })
                : t('indicators.field.value')
            }
            description={
              quantitative ? t('indicators.field.numberHint') : t('indicators.field.textHint')
            }
            inputMode={quantitative ? 'decimal' : undefined}
            data-autofocus
            {...input('value')}
          />
          <Textarea
            label={t('indicators.field.note')}
            description={t('indicators.field.noteHint')}
            autosize
            minRows={2}
            {...input('note')}
          />
          {formError ? (
            <Alert
              role="alert"
              color="red"
              variant="light"
              icon={<IconAlertTriangle aria-hidden />}
            >
              {formError}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('indicators.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
