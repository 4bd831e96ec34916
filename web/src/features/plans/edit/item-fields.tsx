/**
 * The fields of one plan item, shared by the add and the change forms: titles and descriptions in
 * both languages, status (or, where statuses come from reports, the note that they do and a reason
 * for a coordinator's override), dates, lead organisation and responsible person, partners,
 * weight and progress, budget and label.
 */
import {
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ClipboardEvent, FormEvent, ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_ITEM_STATUSES, type PlanItemStatus } from '../../../../../core/plans/status.js';
import { FUNDING_SOURCES, type ResponsibleUser } from '../../../../../core/schemas/plan.js';
import { DEFAULT_LABEL_KEY, useLabelChoices } from '../../../lib/label-choice.js';
import { useLocalised } from '../../../lib/use-localised.js';
import type { PlanTree } from '../api/get-plan-tree.js';
import { DueField, StartField } from './date-fields.js';
import {
  PARTNERS_MAX,
  WEIGHT_MAX,
  type FundingSource,
  type ItemDraft,
  type ItemDraftErrors,
} from './item-draft.js';
import { ResponsibleSelect } from './responsible-select.js';

export interface OrganisationOption {
  value: string;
  label: string;
}

/**
 * How the status may be set in this form: freely; not at all, since the plan takes statuses from
 * approved reports ('reports'); or by a coordinator's override with a reason ('override').
 */
export type StatusRule = 'free' | 'reports' | 'override';

interface ItemFieldsProps {
  draft: ItemDraft;
  /** The status saved on the item (a change from it under 'override' needs a reason). */
  savedStatus?: PlanItemStatus;
  statusRule?: StatusRule;
  /** The responsible person as the item names them now. */
  currentResponsible?: ResponsibleUser | null;
  /** The English title field (focused again after "Save and add another"). */
  titleRef?: Ref<HTMLInputElement>;
  /** Text pasted into a title field (a new item offers several lines as several items). */
  onTitlePaste?: (event: ClipboardEvent<HTMLInputElement>, language: 'en' | 'sr') => void;
  /** More buttons beside the submit button ("Save and add another"). */
  extraActions?: ReactNode;
  onChange: (patch: Partial<ItemDraft>) => void;
  errors: ItemDraftErrors;
  formError: string | null;
  depth: number;
  levels: PlanTree['levels'];
  organisations: OrganisationOption[];
  sample?: boolean;
  context: ReactNode;
  notice?: ReactNode;
  saving: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
}

export function ItemFields({
  draft,
  savedStatus,
  statusRule = 'free',
  currentResponsible = null,
  titleRef,
  onTitlePaste,
  extraActions,
  onChange,
  errors,
  formError,
  depth,
  levels,
  organisations,
  sample = false,
  context,
  notice,
  saving,
  submitLabel,
  onSubmit,
  onCancel,
}: ItemFieldsProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const level = levels.find((l) => l.depth === depth);
  const rule = level?.rollupRule ?? 'from_status';
  const levelName = level ? localiser.text(level.name) : t('planEdit.item');
  // New records start with the deployment's default label; public is chosen, never assumed.
  const labels = useLabelChoices(draft.label, draft.label === DEFAULT_LABEL_KEY);

  const handle = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form onSubmit={handle} noValidate aria-label={t('planEdit.formLabel', { level: levelName })}>
      <Stack gap="md">
        <Group gap="xs" justify="space-between">
          {context}
          {sample ? (
            <Badge color="violet" variant="light" tt="none">
              {t('planEdit.sample')}
            </Badge>
          ) : null}
        </Group>
        {notice}
        {formError ? (
          <Alert color="red" role="alert" icon={<IconAlertTriangle aria-hidden />}>
            {formError}
          </Alert>
        ) : null}

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('planEdit.fields.titleEn')}
            description={t('planEdit.fields.enHint')}
            value={draft.titleEn}
            onChange={(event) => onChange({ titleEn: event.currentTarget.value })}
            error={errors.title}
            lang="en"
            data-autofocus
            ref={titleRef}
            onPaste={onTitlePaste ? (event) => onTitlePaste(event, 'en') : undefined}
          />
          <TextInput
            label={t('planEdit.fields.titleSr')}
            description={t('planEdit.fields.srHint')}
            value={draft.titleSr}
            onChange={(event) => onChange({ titleSr: event.currentTarget.value })}
            error={errors.title ? true : undefined}
            lang="sr"
            onPaste={onTitlePaste ? (event) => onTitlePaste(event, 'sr') : undefined}
          />
          <Textarea
            label={t('planEdit.fields.descriptionEn')}
            value={draft.descriptionEn}
            onChange={(event) => onChange({ descriptionEn: event.currentTarget.value })}
            error={errors.description}
            autosize
            minRows={2}
            maxRows={6}
            lang="en"
          />
          <Textarea
            label={t('planEdit.fields.descriptionSr')}
            value={draft.descriptionSr}
            onChange={(event) => onChange({ descriptionSr: event.currentTarget.value })}
            error={errors.description ? true : undefined}
            autosize
            minRows={2}
            maxRows={6}
            lang="sr"
          />
        </SimpleGrid>

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('planEdit.fields.status')}
            data={PLAN_ITEM_STATUSES.map((s) => ({ value: s, label: t(`plans.itemStatus.${s}`) }))}
            value={draft.status}
            onChange={(value) => value && onChange({ status: value as PlanItemStatus })}
            allowDeselect={false}
            disabled={statusRule === 'reports'}
            description={statusRule === 'free' ? undefined : t('planEdit.statusRule.viaReports')}
            error={errors.status}
          />
          <Select
            label={t('planEdit.fields.label')}
            description={labels.hint(draft.label)}
            data={labels.data}
            value={draft.label}
            onChange={(value) => value && onChange({ label: value })}
            allowDeselect={false}
            disabled={labels.pending}
            error={errors.label}
          />
        </SimpleGrid>
        {statusRule === 'override' && savedStatus !== undefined && draft.status !== savedStatus ? (
          <Textarea
            label={t('planEdit.statusRule.reason')}
            description={t('planEdit.statusRule.reasonHint')}
            value={draft.statusOverrideReason}
            onChange={(event) => onChange({ statusOverrideReason: event.currentTarget.value })}
            error={errors.statusOverrideReason}
            required
            autosize
            minRows={2}
            maxLength={1000}
          />
        ) : null}
        <StartField draft={draft} onChange={onChange} error={errors.startOn} />
        <DueField draft={draft} onChange={onChange} error={errors.dueOn} />

        <Divider label={t('planEdit.sections.ownership')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('planEdit.fields.lead')}
            placeholder={t('planEdit.fields.leadPlaceholder')}
            data={organisations}
            value={draft.leadOrganisationId}
            onChange={(value) => onChange({ leadOrganisationId: value })}
            searchable
            clearable
            nothingFoundMessage={t('planEdit.nothingFound')}
            error={errors.leadOrganisationId}
            comboboxProps={{ withinPortal: true }}
          />
          <ResponsibleSelect
            organisationId={draft.leadOrganisationId}
            value={draft.responsibleUserId}
            current={currentResponsible}
            onChange={(value) => onChange({ responsibleUserId: value })}
            error={errors.responsibleUserId}
          />
          <MultiSelect
            label={t('planEdit.fields.partners')}
            placeholder={
              draft.partnerOrganisationIds.length
                ? undefined
                : t('planEdit.fields.partnersPlaceholder')
            }
            data={organisations.filter((o) => o.value !== draft.leadOrganisationId)}
            value={draft.partnerOrganisationIds}
            onChange={(value) => onChange({ partnerOrganisationIds: value })}
            searchable
            clearable
            maxValues={PARTNERS_MAX}
            nothingFoundMessage={t('planEdit.nothingFound')}
            error={errors.partnerOrganisationIds}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>

        <Divider label={t('planEdit.sections.progress')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberInput
            label={t('planEdit.fields.weight')}
            description={t(
              rule === 'weighted' ? 'planEdit.fields.weightUsed' : 'planEdit.fields.weightHint',
            )}
            value={draft.weight}
            onChange={(value) => onChange({ weight: value === '' ? '' : Number(value) })}
            min={0}
            max={WEIGHT_MAX}
            decimalScale={2}
            error={errors.weight}
          />
          <NumberInput
            label={t('planEdit.fields.manualProgress')}
            description={t(
              rule === 'manual'
                ? 'planEdit.fields.manualIsRule'
                : 'planEdit.fields.manualOverrides',
              { level: levelName, rule: t(`planEdit.rule.${rule}`, { defaultValue: rule }) },
            )}
            placeholder={rule === 'manual' ? undefined : t('planEdit.fields.calculated')}
            value={draft.manualProgress}
            onChange={(value) => onChange({ manualProgress: value === '' ? '' : Number(value) })}
            min={0}
            max={100}
            decimalScale={1}
            suffix=" %"
            error={errors.manualProgress}
          />
        </SimpleGrid>

        <Divider label={t('planEdit.sections.budget')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <NumberInput
            label={t('planEdit.fields.budgetAmount')}
            value={draft.budgetAmount}
            onChange={(value) => onChange({ budgetAmount: value === '' ? '' : Number(value) })}
            min={0}
            thousandSeparator=" "
            decimalScale={2}
            error={errors.budgetAmount}
          />
          <TextInput
            label={t('planEdit.fields.currency')}
            description={t('planEdit.fields.currencyHint', { examples: 'EUR, RSD, USD' })}
            value={draft.budgetCurrency}
            onChange={(event) =>
              onChange({ budgetCurrency: event.currentTarget.value.toUpperCase().slice(0, 3) })
            }
            maxLength={3}
            error={errors.budgetCurrency}
          />
          <Select
            label={t('planEdit.fields.fundingSource')}
            data={FUNDING_SOURCES.map((f) => ({
              value: f,
              label: t(`planEdit.funding.${f}`, { ipa: 'IPA' }),
            }))}
            value={draft.fundingSource}
            onChange={(value) =>
              onChange({ fundingSource: (value as FundingSource | null) ?? null })
            }
            clearable
            error={errors.fundingSource}
          />
        </SimpleGrid>

        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          {extraActions}
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
