/**
 * Adding or changing one plan item: titles in both languages, status, start and due with their
 * precision, lead and partner organisations, weight, manual progress, budget and label. A change
 * is saved with If-Match; when someone else saved first the typed values stay on screen, the
 * latest version can be loaded beside them and nothing is overwritten without being seen.
 */
import {
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_ITEM_STATUSES, type PlanItemStatus } from '../../../../../core/plans/status.js';
import { FUNDING_SOURCES, type PlanItem } from '../../../../../core/schemas/plan.js';
import { ErrorState } from '../../../components/error-state.js';
import { LoadingState } from '../../../components/loading-state.js';
import { isApiError } from '../../../lib/api-client.js';
import { DEFAULT_LABEL_KEY, useLabelChoices } from '../../../lib/label-choice.js';
import { useMarkingLevels } from '../../../lib/marking-levels.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { useCreatePlanItem } from '../api/create-plan-item.js';
import type { PlanTree } from '../api/get-plan-tree.js';
import {
  useVersionedPlanItem,
  versionedPlanItemQueryOptions,
} from '../api/get-versioned-plan-item.js';
import { useUpdatePlanItem } from '../api/update-plan-item.js';
import { isSample } from '../utils/tree.js';
import { DueField, StartField } from './date-fields.js';
import {
  changesBetween,
  createBody,
  differingFields,
  draftOf,
  newDraft,
  PARTNERS_MAX,
  saveErrors,
  validateDraft,
  WEIGHT_MAX,
  type FundingSource,
  type ItemDraft,
  type ItemDraftErrors,
  type ItemField,
} from './item-draft.js';

export interface OrganisationOption {
  value: string;
  label: string;
}

/** What the form is for: a new item (at the top or under a parent) or an existing one. */
export type ItemFormTarget =
  { kind: 'create'; parent: PlanItem | null } | { kind: 'edit'; itemId: string };

interface ItemFormModalProps {
  planId: string;
  target: ItemFormTarget | null;
  levels: PlanTree['levels'];
  organisations: OrganisationOption[];
  onClose: () => void;
  /** Called with the saved item (to open its parent in the tree, say). */
  onSaved?: (item: PlanItem) => void;
}

/** The form in a modal; `target` null keeps it closed. */
export function ItemFormModal({ target, ...rest }: ItemFormModalProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const depth =
    target?.kind === 'create' ? (target.parent ? target.parent.depth + 1 : 0) : undefined;
  const levelName = (d: number | undefined) => {
    const level = d === undefined ? undefined : rest.levels.find((l) => l.depth === d);
    return level ? localiser.text(level.name) : t('planEdit.item');
  };
  const title =
    target?.kind === 'create'
      ? t('planEdit.addTitle', { level: levelName(depth).toLocaleLowerCase() })
      : t('planEdit.editTitle');
  return (
    <Modal
      opened={target !== null}
      onClose={rest.onClose}
      title={<Text fw={650}>{title}</Text>}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
    >
      {target?.kind === 'create' ? (
        <CreateItem {...rest} parent={target.parent} />
      ) : target?.kind === 'edit' ? (
        <EditItem {...rest} itemId={target.itemId} key={target.itemId} />
      ) : null}
    </Modal>
  );
}

type Common = Omit<ItemFormModalProps, 'target'>;

function useLabelIsPublic() {
  const levels = useMarkingLevels();
  return (key: string) => {
    const [policy, code] = key.split(':');
    const level = levels.data?.items.find((l) => l.policy === policy && l.code === code);
    return level?.public ?? code === 'PUBLIC';
  };
}

function CreateItem({
  planId,
  levels,
  organisations,
  onClose,
  onSaved,
  parent,
}: Common & { parent: PlanItem | null }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const create = useCreatePlanItem(planId);
  const labelIsPublic = useLabelIsPublic();
  const defaultReleasableTo = useMarkingLevels().data?.deployment.defaultLabel.releasableTo ?? [];
  const [draft, setDraft] = useState<ItemDraft>(() => newDraft(parent ?? undefined));
  const [errors, setErrors] = useState<ItemDraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const depth = parent ? parent.depth + 1 : 0;

  const submit = () => {
    const found = validateDraft(draft, t);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    create.mutate(
      createBody(draft, planId, parent?.id ?? null, labelIsPublic, defaultReleasableTo),
      {
        onSuccess: (item) => {
          notifications.show({
            color: 'teal',
            message: t('planEdit.added', { code: item.code, title: localiser.text(item.title) }),
          });
          onSaved?.(item);
          onClose();
        },
        onError: (error) => {
          const mapped = saveErrors(error, t);
          setErrors(mapped.fields);
          setFormError(mapped.form);
        },
      },
    );
  };

  return (
    <ItemFields
      draft={draft}
      onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
      errors={errors}
      formError={formError}
      depth={depth}
      levels={levels}
      organisations={organisations}
      context={
        parent ? (
          <Text size="sm" c="dimmed">
            {t('planEdit.under', { code: parent.code, title: localiser.text(parent.title) })}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('planEdit.atTop')}
          </Text>
        )
      }
      saving={create.isPending}
      submitLabel={t('planEdit.add')}
      onSubmit={submit}
      onCancel={onClose}
    />
  );
}

function EditItem({
  planId,
  levels,
  organisations,
  onClose,
  onSaved,
  itemId,
}: Common & { itemId: string }) {
  const { t } = useTranslation();
  const loaded = useVersionedPlanItem(itemId);
  if (loaded.isPending) return <LoadingState rows={6} />;
  if (loaded.isError)
    return (
      <ErrorState
        error={loaded.error}
        title={t('planEdit.loadFailed')}
        onRetry={() => void loaded.refetch()}
      />
    );
  return (
    <EditLoaded
      planId={planId}
      levels={levels}
      organisations={organisations}
      onClose={onClose}
      onSaved={onSaved}
      initial={loaded.data.data}
      initialEtag={loaded.data.etag}
    />
  );
}

function EditLoaded({
  planId,
  levels,
  organisations,
  onClose,
  onSaved,
  initial,
  initialEtag,
}: Common & { initial: PlanItem; initialEtag: string | null }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const queryClient = useQueryClient();
  const update = useUpdatePlanItem(planId);
  const labelIsPublic = useLabelIsPublic();
  const defaultReleasableTo = useMarkingLevels().data?.deployment.defaultLabel.releasableTo ?? [];
  const [base, setBase] = useState(initial);
  const [etag, setEtag] = useState(initialEtag);
  const [draft, setDraft] = useState<ItemDraft>(() => draftOf(initial));
  const [errors, setErrors] = useState<ItemDraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  /** 'stale': the server refused (412); 'reloaded': the latest version is loaded, these differ. */
  const [conflict, setConflict] = useState<
    { state: 'stale' } | { state: 'reloaded'; fields: ItemField[] } | null
  >(null);
  const [reloading, setReloading] = useState(false);

  const submit = () => {
    const found = validateDraft(draft, t);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    const changes = changesBetween(base, draft, labelIsPublic, defaultReleasableTo);
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { id: base.id, etag, changes },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: t('planEdit.saved', { code: saved.data.code }),
          });
          onSaved?.(saved.data);
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 412) {
            setConflict({ state: 'stale' });
            return;
          }
          const mapped = saveErrors(error, t);
          setErrors(mapped.fields);
          setFormError(mapped.form);
        },
      },
    );
  };

  const reload = async () => {
    setReloading(true);
    try {
      const latest = await queryClient.fetchQuery(versionedPlanItemQueryOptions(base.id));
      setBase(latest.data);
      setEtag(latest.etag);
      setConflict({
        state: 'reloaded',
        fields: differingFields(latest.data, draft, labelIsPublic),
      });
    } catch (error) {
      setFormError(saveErrors(error, t).form);
    } finally {
      setReloading(false);
    }
  };

  const fieldName = (field: ItemField) => t(`planEdit.fieldNames.${field}`);

  return (
    <ItemFields
      draft={draft}
      onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
      errors={errors}
      formError={formError}
      depth={base.depth}
      levels={levels}
      organisations={organisations}
      sample={isSample(base)}
      context={
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('planEdit.editing', { code: base.code, title: localiser.text(base.title) })}
          </Text>
        </Group>
      }
      notice={
        conflict?.state === 'stale' ? (
          <Alert
            color="orange"
            role="alert"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('planEdit.conflict.title')}
          >
            <Stack gap="xs">
              <Text size="sm">{t('planEdit.conflict.body')}</Text>
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconRefresh size={14} aria-hidden />}
                  loading={reloading}
                  onClick={() => void reload()}
                >
                  {t('planEdit.conflict.reload')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : conflict?.state === 'reloaded' ? (
          <Alert color="blue" role="status" title={t('planEdit.conflict.reloadedTitle')}>
            <Stack gap="xs">
              <Text size="sm">
                {conflict.fields.length === 0
                  ? t('planEdit.conflict.reloadedSame')
                  : t('planEdit.conflict.reloadedDiffer', {
                      fields: conflict.fields.map(fieldName).join(', '),
                    })}
              </Text>
              {conflict.fields.length > 0 ? (
                <Group>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => {
                      setDraft(draftOf(base));
                      setConflict(null);
                    }}
                  >
                    {t('planEdit.conflict.useSaved')}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </Alert>
        ) : null
      }
      saving={update.isPending}
      submitLabel={t('planEdit.save')}
      onSubmit={submit}
      onCancel={onClose}
    />
  );
}

interface ItemFieldsProps {
  draft: ItemDraft;
  onChange: (patch: Partial<ItemDraft>) => void;
  errors: ItemDraftErrors;
  formError: string | null;
  depth: number;
  levels: PlanTree['levels'];
  organisations: OrganisationOption[];
  sample?: boolean;
  context: React.ReactNode;
  notice?: React.ReactNode;
  saving: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
}

function ItemFields({
  draft,
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
          />
          <TextInput
            label={t('planEdit.fields.titleSr')}
            description={t('planEdit.fields.srHint')}
            value={draft.titleSr}
            onChange={(event) => onChange({ titleSr: event.currentTarget.value })}
            error={errors.title ? true : undefined}
            lang="sr"
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
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
