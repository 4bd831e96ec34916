/** The approval steps of the plan form: adoption, approval and the start of implementation. */
import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  Input,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../../../lib/use-localised.js';
import {
  APPROVAL_STEP_KINDS,
  newStep,
  type DraftErrors,
  type PlanDraft,
  type StepDraft,
  type StepPrecision,
} from '../utils/plan-draft.js';

type StepsProps = {
  draft: PlanDraft;
  onChange: (patch: Partial<PlanDraft>) => void;
  errors: DraftErrors;
};

export function StepsFieldset({ draft, onChange, errors }: StepsProps) {
  const { t } = useTranslation();
  const setStep = (index: number, patch: Partial<StepDraft>) =>
    onChange({ steps: draft.steps.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
  const used = new Set(draft.steps.map((s) => s.kind));
  const nextKind = APPROVAL_STEP_KINDS.find((k) => k !== 'other' && !used.has(k)) ?? 'other';
  return (
    <Fieldset legend={t('planSetup.steps.legend')} variant="filled">
      <Stack gap="sm">
        {draft.steps.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('planSetup.steps.none')}
          </Text>
        ) : null}
        {draft.steps.map((step, i) => (
          <StepRow
            key={step.key}
            index={i}
            step={step}
            errors={errors}
            onChange={(patch) => setStep(i, patch)}
            onRemove={() => onChange({ steps: draft.steps.filter((_, j) => j !== i) })}
          />
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => onChange({ steps: [...draft.steps, newStep(nextKind)] })}
          >
            {t('planSetup.steps.add')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

const PRECISIONS: StepPrecision[] = ['none', 'day', 'month', 'year'];

function StepRow({
  index,
  step,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  step: StepDraft;
  errors: DraftErrors;
  onChange: (patch: Partial<StepDraft>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const id = useId();
  const n = index + 1;
  const dateError =
    errors[`approvalSteps.${index}.date.date`] ?? errors[`approvalSteps.${index}.date`];
  const kindName = t(`planSetup.kinds.${step.kind}`);
  return (
    <Stack
      gap="xs"
      p="sm"
      role="group"
      aria-label={t('planSetup.steps.row', { n, kind: kindName })}
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}
    >
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ flex: 1 }}>
          <Select
            label={t('planSetup.steps.kind', { n })}
            data={APPROVAL_STEP_KINDS.map((k) => ({ value: k, label: t(`planSetup.kinds.${k}`) }))}
            value={step.kind}
            onChange={(v) => v && onChange({ kind: v as StepDraft['kind'] })}
            allowDeselect={false}
          />
          <Input.Wrapper
            label={t('planSetup.steps.date')}
            error={dateError}
            labelElement="div"
            labelProps={{ id: `${id}-date` }}
          >
            {step.kept ? (
              <Group gap="xs" mt={6}>
                <Text size="sm">{localiser.date(step.kept)}</Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => onChange({ kept: undefined, precision: 'day', value: '' })}
                >
                  {t('planSetup.steps.retype')}
                </Button>
              </Group>
            ) : (
              <Group gap="xs" mt={4} wrap="nowrap">
                <SegmentedControl
                  size="xs"
                  aria-labelledby={`${id}-date`}
                  value={step.precision}
                  onChange={(v) => onChange({ precision: v as StepPrecision, value: '' })}
                  data={PRECISIONS.map((p) => ({ value: p, label: t(`planSetup.precision.${p}`) }))}
                />
                {step.precision === 'none' ? null : (
                  <TextInput
                    type={
                      step.precision === 'day'
                        ? 'date'
                        : step.precision === 'month'
                          ? 'month'
                          : 'text'
                    }
                    inputMode={step.precision === 'year' ? 'numeric' : undefined}
                    aria-label={t(`planSetup.steps.dateAs.${step.precision}`, { n })}
                    placeholder={
                      step.precision === 'day'
                        ? 'YYYY-MM-DD'
                        : step.precision === 'month'
                          ? 'YYYY-MM'
                          : 'YYYY'
                    }
                    maxLength={step.precision === 'year' ? 4 : undefined}
                    value={step.value}
                    onChange={(e) => onChange({ value: e.currentTarget.value })}
                    error={Boolean(dateError)}
                    w={step.precision === 'year' ? 90 : 170}
                  />
                )}
              </Group>
            )}
          </Input.Wrapper>
        </SimpleGrid>
        <ActionIcon
          variant="subtle"
          color="red"
          mt={28}
          onClick={onRemove}
          aria-label={t('planSetup.steps.remove', { n, kind: kindName })}
        >
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Group>
      {step.kind === 'other' ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('planSetup.steps.labelEn')}
            value={step.labelEn}
            onChange={(e) => onChange({ labelEn: e.currentTarget.value })}
            error={errors[`approvalSteps.${index}.label`]}
            lang="en"
          />
          <TextInput
            label={t('planSetup.steps.labelSr')}
            value={step.labelSr}
            onChange={(e) => onChange({ labelSr: e.currentTarget.value })}
            error={errors[`approvalSteps.${index}.label`] ? true : undefined}
            lang="sr"
          />
        </SimpleGrid>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label={t('planSetup.steps.reference')}
          description={t('planSetup.steps.referenceHint')}
          value={step.reference}
          onChange={(e) => onChange({ reference: e.currentTarget.value })}
          error={errors[`approvalSteps.${index}.reference`]}
          maxLength={300}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
        <TextInput
          label={t('planSetup.steps.noteEn')}
          value={step.noteEn}
          onChange={(e) => onChange({ noteEn: e.currentTarget.value })}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          lang="en"
        />
        <TextInput
          label={t('planSetup.steps.noteSr')}
          value={step.noteSr}
          onChange={(e) => onChange({ noteSr: e.currentTarget.value })}
          lang="sr"
        />
      </SimpleGrid>
    </Stack>
  );
}
