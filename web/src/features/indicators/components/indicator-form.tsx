import {
  Alert,
  Button,
  Group,
  Modal,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '@core/schemas/indicator.js';
import { StaleRecordNotice } from '@/components/stale-record-notice.js';
import { isStaleError } from '@/lib/save-errors.js';
import { useCreateIndicator, useUpdateIndicator } from '../api/indicators.js';
import {
  draftOf,
  emptyIndicatorDraft,
  indicatorChanges,
  indicatorPayload,
  indicatorSaveErrors,
  validateIndicator,
  type IndicatorDraft,
  type IndicatorErrors,
  type IndicatorField,
  type IndicatorKind,
} from '../utils/indicator-draft.js';

interface IndicatorFormProps {
  itemId: string;
  /** The indicator to change; leave out to add a new one. */
  indicator?: Indicator;
  onClose: () => void;
  /** Reads the item's indicators afresh; gives the latest version of this one (after a 412). */
  onReload: () => Promise<Indicator | undefined>;
}

/**
 * After a 412: the fields the person changed whose saved value now differs from what they typed
 * (what saving would overwrite; fields they left alone keep the saved value, as only changes are sent).
 */
function differingFields(
  saved: IndicatorDraft,
  typed: IndicatorDraft,
  original: IndicatorDraft | null,
): IndicatorField[] {
  return (Object.keys(typed) as IndicatorField[]).filter(
    (field) =>
      (original === null || original[field] !== typed[field]) && saved[field] !== typed[field],
  );
}

/** Adds or changes an indicator. Mounted only while open, so each opening starts afresh. */
export function IndicatorForm({ itemId, indicator, onClose, onReload }: IndicatorFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<IndicatorDraft>(() =>
    indicator ? draftOf(indicator) : emptyIndicatorDraft(),
  );
  const [errors, setErrors] = useState<IndicatorErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  /** The version the person's changes are based on; If-Match sends it. */
  const [baseVersion, setBaseVersion] = useState(indicator?.version ?? 0);
  /** What the person started from: only what they changed since is sent. */
  const [original, setOriginal] = useState<IndicatorDraft | null>(() =>
    indicator ? draftOf(indicator) : null,
  );
  const [stale, setStale] = useState(false);
  const [latest, setLatest] = useState<Indicator | null>(null);
  const create = useCreateIndicator(itemId);
  const update = useUpdateIndicator(itemId);
  const saving = create.isPending || update.isPending;

  const set = (field: keyof IndicatorDraft) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const input = (field: keyof IndicatorDraft) => ({
    value: draft[field],
    onChange: (e: { currentTarget: { value: string } }) => set(field)(e.currentTarget.value),
    error: errors[field],
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const found = validateIndicator(draft, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const payload = indicatorPayload(draft);
    const onError = (error: unknown) => {
      if (isStaleError(error)) {
        setStale(true);
        return;
      }
      const mapped = indicatorSaveErrors(error, t);
      setErrors(mapped.fields);
      setFormError(mapped.form);
    };
    const onSuccess = () => {
      notifications.show({
        color: 'teal',
        message: indicator ? t('indicators.saved') : t('indicators.added'),
      });
      onClose();
    };
    if (indicator && original) {
      const changes = indicatorChanges(original, draft);
      if (Object.keys(changes).length === 0) return onClose();
      update.mutate({ id: indicator.id, version: baseVersion, changes }, { onSuccess, onError });
    } else create.mutate(payload, { onSuccess, onError });
  };

  /** After a 412: read the saved version; the typed values stay until the person chooses. */
  const reload = async () => {
    const fresh = await onReload();
    if (!fresh) {
      setFormError(t('indicators.gone'));
      setStale(false);
      return;
    }
    setLatest(fresh);
    // Nothing typed differs from the saved version: saving over it loses nothing of theirs.
    if (differingFields(draftOf(fresh), draft, original).length === 0)
      setBaseVersion(fresh.version);
  };
  const differing = latest ? differingFields(draftOf(latest), draft, original) : null;

  const fieldName = (field: IndicatorField) =>
    field === 'kind'
      ? t('indicators.kind.label')
      : field === 'baselineValue'
        ? t('indicators.field.baseline')
        : field === 'targetValue'
          ? t('indicators.field.target')
          : t(`indicators.field.${field}`);

  const kindLabel = (kind: IndicatorKind) => (
    <Radio
      value={kind}
      label={t(`indicators.kind.${kind}`)}
      description={t(`indicators.kind.${kind}Hint`)}
    />
  );
  const quantitative = draft.kind === 'quantitative';

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={
        <Text fw={650}>{indicator ? t('indicators.editTitle') : t('indicators.addTitle')}</Text>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Radio.Group
            label={t('indicators.kind.label')}
            value={draft.kind}
            onChange={(v) => set('kind')(v)}
            error={errors.kind}
          >
            <Stack gap="xs" mt={4}>
              {kindLabel('quantitative')}
              {kindLabel('qualitative')}
            </Stack>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('indicators.field.nameEn')}
              description={t('indicators.field.nameHint')}
              data-autofocus
              {...input('nameEn')}
            />
            <TextInput
              label={t('indicators.field.nameSr')}
              description={t('indicators.field.nameSrHint')}
              {...input('nameSr')}
            />
          </SimpleGrid>
          {quantitative ? (
            <TextInput
              label={t('indicators.field.unit')}
              description={t('indicators.field.unitHint')}
              maw={260}
              {...input('unit')}
            />
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Stack gap="xs">
              <TextInput
                label={t('indicators.field.baseline')}
                description={
                  quantitative ? t('indicators.field.numberHint') : t('indicators.field.textHint')
                }
                inputMode={quantitative ? 'decimal' : undefined}
                {...input('baselineValue')}
              />
              <TextInput
                label={t('indicators.field.baselineYear')}
                inputMode="numeric"
                maxLength={4}
                {...input('baselineYear')}
              />
            </Stack>
            <Stack gap="xs">
              <TextInput
                label={t('indicators.field.target')}
                description={
                  quantitative ? t('indicators.field.numberHint') : t('indicators.field.textHint')
                }
                inputMode={quantitative ? 'decimal' : undefined}
                {...input('targetValue')}
              />
              <TextInput
                label={t('indicators.field.targetYear')}
                inputMode="numeric"
                maxLength={4}
                {...input('targetYear')}
              />
            </Stack>
          </SimpleGrid>
          <Textarea
            label={t('indicators.field.source')}
            description={t('indicators.field.sourceHint')}
            autosize
            minRows={2}
            {...input('source')}
          />
          {stale ? (
            <StaleRecordNotice
              conflict={
                latest
                  ? {
                      state: 'reloaded',
                      fields: (differing ?? []).map(fieldName),
                    }
                  : { state: 'stale' }
              }
              onReload={() => void reload()}
              onUseSaved={() => {
                if (!latest) return;
                setDraft(draftOf(latest));
                setOriginal(draftOf(latest));
                setBaseVersion(latest.version);
                setStale(false);
                setLatest(null);
                setErrors({});
              }}
              onKeepMine={() => {
                if (!latest) return;
                setBaseVersion(latest.version);
                setStale(false);
                setLatest(null);
              }}
            />
          ) : null}
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
            <Button
              type="submit"
              loading={saving}
              disabled={stale && (differing === null || differing.length > 0)}
            >
              {indicator ? t('indicators.save') : t('indicators.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
