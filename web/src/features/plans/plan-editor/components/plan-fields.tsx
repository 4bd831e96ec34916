/**
 * The fields of the plan form: identity (code, titles, description, mechanism), period and status,
 * the levels (a preset to start from, each level's names and roll-up rule) and the approval steps.
 */
import {
  ActionIcon,
  Alert,
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
  Textarea,
} from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_STATUSES } from '../../../../../../core/domain/vocabularies.js';
import { ROLLUP_RULES, type RollupRule } from '../../../../../../core/plans/rollup.js';
import { PLAN_TEMPLATES, type PlanTemplate } from '../../../../../../core/plans/templates.js';
import { useLabelChoices } from '../../../../lib/label-choice.js';
import { useLocalised } from '../../../../lib/use-localised.js';
import { PartialDateInput } from '../../../../components/partial-date-input.js';
import { useMechanismOptions } from '../api/plan-set-up.js';
import { StepsFieldset } from './plan-steps-fieldset.js';
import { WorkflowFieldset } from './plan-workflow-fieldset.js';
import {
  levelDraftsOf,
  MAX_PLAN_LEVELS,
  type DraftErrors,
  type LevelDraft,
  type PlanDraft,
} from '../utils/plan-draft.js';

interface PlanFieldsProps {
  mode: 'create' | 'edit';
  draft: PlanDraft;
  onChange: (patch: Partial<PlanDraft>) => void;
  errors: DraftErrors;
  formError: string | null;
  /** Levels the plan has as saved: in an existing plan only levels below them may be removed. */
  savedLevels: number;
  notice?: ReactNode;
  saving: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  /** Extra buttons on the left of the form's footer (delete). */
  extraActions?: ReactNode;
}

/** A day typed but not yet a real date: kept in the draft so that the form refuses to save it. */
const HALF_TYPED = '?';
const dayOrNull = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);

export function PlanFields(props: PlanFieldsProps) {
  const { t } = useTranslation();
  const { draft, onChange, errors, formError, mode } = props;
  // A new plan starts with the deployment's default label; public is chosen, never assumed.
  const labels = useLabelChoices(draft.label, mode === 'create');
  const formRef = useRef<HTMLFormElement>(null);
  const handle = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  // After a refusal, the keyboard goes to the first field that says what is wrong.
  const errorCount = Object.keys(errors).length;
  useEffect(() => {
    if (errorCount === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors, errorCount]);
  const mechanisms = useMechanismOptions();
  const localiser = useLocalised();
  const mechanismData = (mechanisms.data ?? []).map((m) => ({
    value: m.id,
    label: [localiser.text(m.abbreviation), localiser.text(m.name)].filter(Boolean).join(' — '),
  }));

  return (
    <form
      ref={formRef}
      onSubmit={handle}
      noValidate
      aria-label={t(mode === 'create' ? 'planSetup.createTitle' : 'planSetup.editTitle')}
    >
      <Stack gap="md">
        {props.notice}
        {formError ? (
          <Alert color="red" role="alert" icon={<IconAlertTriangle aria-hidden />}>
            {formError}
          </Alert>
        ) : null}

        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput
            label={t('planSetup.fields.code')}
            description={t('planSetup.fields.codeHint', { example: 'IPAP-2015' })}
            value={draft.code}
            onChange={(e) => onChange({ code: e.currentTarget.value })}
            error={errors.code}
            required
            maxLength={40}
            data-autofocus
          />
          <Select
            label={t('planSetup.fields.status')}
            data={PLAN_STATUSES.map((s) => ({ value: s, label: t(`plans.planStatus.${s}`) }))}
            value={draft.status}
            onChange={(v) => v && onChange({ status: v as PlanDraft['status'] })}
            allowDeselect={false}
            error={errors.status}
          />
          <Select
            label={t('planEdit.fields.label')}
            description={labels.hint(draft.label)}
            data={labels.data}
            value={draft.label}
            onChange={(v) => v && onChange({ label: v })}
            allowDeselect={false}
            disabled={labels.pending}
            error={errors.label}
          />
          <Select
            label={t('planSetup.fields.mechanism')}
            placeholder={t('planSetup.fields.mechanismNone')}
            data={mechanismData}
            value={draft.mechanismId}
            onChange={(v) => onChange({ mechanismId: v })}
            searchable
            clearable
            disabled={mechanisms.isPending}
            nothingFoundMessage={t('planSetup.nothingFound')}
            error={errors.mechanismId}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('planSetup.fields.titleEn')}
            value={draft.titleEn}
            onChange={(e) => onChange({ titleEn: e.currentTarget.value })}
            error={errors.title ?? errors['title.en']}
            lang="en"
          />
          <TextInput
            label={t('planSetup.fields.titleSr')}
            value={draft.titleSr}
            onChange={(e) => onChange({ titleSr: e.currentTarget.value })}
            error={errors['title.sr'] ?? (errors.title ? true : undefined)}
            lang="sr"
          />
          <Textarea
            label={t('planSetup.fields.descriptionEn')}
            value={draft.descriptionEn}
            onChange={(e) => onChange({ descriptionEn: e.currentTarget.value })}
            error={errors['description.en']}
            autosize
            minRows={2}
            maxRows={5}
            lang="en"
          />
          <Textarea
            label={t('planSetup.fields.descriptionSr')}
            value={draft.descriptionSr}
            onChange={(e) => onChange({ descriptionSr: e.currentTarget.value })}
            error={errors['description.sr']}
            autosize
            minRows={2}
            maxRows={5}
            lang="sr"
          />
          <PartialDateInput
            label={t('planSetup.fields.periodStart')}
            value={dayOrNull(draft.periodStart)}
            onChange={(value, { invalid }) =>
              onChange({ periodStart: value ?? (invalid ? HALF_TYPED : '') })
            }
            error={errors.periodStart}
          />
          <PartialDateInput
            label={t('planSetup.fields.periodEnd')}
            value={dayOrNull(draft.periodEnd)}
            onChange={(value, { invalid }) =>
              onChange({ periodEnd: value ?? (invalid ? HALF_TYPED : '') })
            }
            error={errors.periodEnd}
          />
        </SimpleGrid>

        <LevelsFieldset {...props} />
        <WorkflowFieldset draft={draft} onChange={onChange} />
        <StepsFieldset draft={draft} onChange={onChange} errors={errors} />

        <Group justify="space-between" gap="sm" mt="sm">
          <Group gap="sm">{props.extraActions}</Group>
          <Group gap="sm">
            <Button variant="default" onClick={props.onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={props.saving}>
              {props.submitLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function LevelsFieldset({ mode, draft, onChange, errors, savedLevels }: PlanFieldsProps) {
  const { t } = useTranslation();
  const presetId = useId();
  const setLevel = (index: number, patch: Partial<LevelDraft>) =>
    onChange({ levels: draft.levels.map((l, i) => (i === index ? { ...l, ...patch } : l)) });
  const last = draft.levels.length - 1;
  const chooseTemplate = (template: PlanTemplate) =>
    onChange({
      template,
      levels: levelDraftsOf(template),
      // A new plan follows its preset: IPAP and ITPP take statuses from approved reports.
      ...(mode === 'create'
        ? { statusViaReports: template === 'ipap' || template === 'itpp' }
        : {}),
    });

  return (
    <Fieldset legend={t('planSetup.levels.legend')} variant="filled">
      <Stack gap="sm">
        {mode === 'create' ? (
          <Input.Wrapper
            label={t('planSetup.levels.preset')}
            description={t('planSetup.levels.presetHint')}
            labelElement="div"
            labelProps={{ id: presetId }}
          >
            <SegmentedControl
              mt={4}
              aria-labelledby={presetId}
              value={draft.template}
              onChange={(v) => chooseTemplate(v as PlanTemplate)}
              data={PLAN_TEMPLATES.map((p) => ({
                value: p,
                label: t(`planSetup.templates.${p}`),
              }))}
              fullWidth
            />
          </Input.Wrapper>
        ) : (
          <Text size="sm" c="dimmed">
            {t('planSetup.levels.editHint')}
          </Text>
        )}
        {errors.levels ? (
          <Text size="sm" c="red" role="alert">
            {errors.levels}
          </Text>
        ) : null}
        {draft.levels.map((level, i) => (
          <LevelRow
            key={i}
            index={i}
            level={level}
            errors={errors}
            onChange={(patch) => setLevel(i, patch)}
            removable={i === last && i > 0}
            removeHint={
              mode === 'edit' && i < savedLevels ? t('planSetup.levels.removeSavedHint') : undefined
            }
            onRemove={() => onChange({ levels: draft.levels.slice(0, -1) })}
          />
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            disabled={draft.levels.length >= MAX_PLAN_LEVELS}
            onClick={() =>
              onChange({
                levels: [...draft.levels, { nameEn: '', nameSr: '', rollupRule: 'from_status' }],
              })
            }
          >
            {t('planSetup.levels.add')}
          </Button>
          {draft.levels.length >= MAX_PLAN_LEVELS ? (
            <Text size="xs" c="dimmed">
              {t('planSetup.levels.max', { count: MAX_PLAN_LEVELS })}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Fieldset>
  );
}

function LevelRow({
  index,
  level,
  errors,
  onChange,
  removable,
  removeHint,
  onRemove,
}: {
  index: number;
  level: LevelDraft;
  errors: DraftErrors;
  onChange: (patch: Partial<LevelDraft>) => void;
  removable: boolean;
  removeHint?: string;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const n = index + 1;
  return (
    <Group
      align="flex-start"
      gap="sm"
      wrap="nowrap"
      role="group"
      aria-label={t('planSetup.levels.row', { n })}
    >
      <Text fw={600} size="sm" w={24} mt={30} aria-hidden>
        {n}.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" style={{ flex: 1 }}>
        <TextInput
          label={t('planSetup.levels.nameEn', { n })}
          value={level.nameEn}
          onChange={(e) => onChange({ nameEn: e.currentTarget.value })}
          error={errors[`levels.${index}.name.en`]}
          maxLength={100}
          lang="en"
        />
        <TextInput
          label={t('planSetup.levels.nameSr', { n })}
          value={level.nameSr}
          onChange={(e) => onChange({ nameSr: e.currentTarget.value })}
          error={errors[`levels.${index}.name.sr`]}
          maxLength={100}
          lang="sr"
        />
        <Select
          label={t('planSetup.levels.rule', { n })}
          description={t(`planSetup.rules.${level.rollupRule}.hint`)}
          data={ROLLUP_RULES.map((r) => ({ value: r, label: t(`planSetup.rules.${r}.name`) }))}
          value={level.rollupRule}
          onChange={(v) => v && onChange({ rollupRule: v as RollupRule })}
          allowDeselect={false}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
      </SimpleGrid>
      <ActionIcon
        variant="subtle"
        color="red"
        mt={28}
        disabled={!removable}
        onClick={onRemove}
        aria-label={t('planSetup.levels.remove', { n })}
        title={removable ? removeHint : undefined}
        style={{ visibility: removable ? 'visible' : 'hidden' }}
      >
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
