/**
 * Changing one plan item: saved with If-Match; when someone else saved first the typed values stay
 * on screen, the latest version can be loaded beside them and nothing is overwritten without
 * being seen.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanItem } from '../../../../../core/schemas/plan.js';
import { ErrorState } from '../../../components/error-state.js';
import { LoadingState } from '../../../components/loading-state.js';
import { isApiError } from '../../../lib/api-client.js';
import { useMarkingLevels } from '../../../lib/marking-levels.js';
import { useLocalised } from '../../../lib/use-localised.js';
import {
  useVersionedPlanItem,
  versionedPlanItemQueryOptions,
} from '../api/get-versioned-plan-item.js';
import { useUpdatePlanItem } from '../api/update-plan-item.js';
import { isSample } from '../utils/tree.js';
import {
  changesBetween,
  differingFields,
  draftOf,
  saveErrors,
  validateDraft,
  type ItemDraft,
  type ItemDraftErrors,
  type ItemField,
} from './item-draft.js';
import { ItemFields } from './item-fields.js';
import { useLabelIsPublic, type ItemFormCommon as Common } from './item-form-common.js';

/** Loads the item with its ETag, then the form. */
export function EditItem({ itemId, ...common }: Common & { itemId: string }) {
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
  return <EditLoaded {...common} initial={loaded.data.data} initialEtag={loaded.data.etag} />;
}

function EditLoaded({
  planId,
  levels,
  organisations,
  statusRule,
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
    if (
      statusRule === 'override' &&
      draft.status !== base.status &&
      !draft.statusOverrideReason.trim()
    )
      found.statusOverrideReason = t('planEdit.statusRule.reasonRequired');
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
      savedStatus={base.status}
      statusRule={statusRule}
      currentResponsible={base.responsibleUser}
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
