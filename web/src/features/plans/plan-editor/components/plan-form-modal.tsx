/**
 * Creating and editing a plan in a modal. An edit starts from the plan as it is now (with its
 * ETag) and saves only what changed, with If-Match; when someone else saved first the typed values
 * stay, the latest version can be loaded beside them, and nothing is overwritten unseen. An empty
 * plan can be deleted from here, with Undo in the notification.
 */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { templateOfLevels } from '../../../../../../core/plans/templates.js';
import type { Plan } from '../../../../../../core/schemas/plan.js';
import { ConfirmDialog } from '../../../../components/confirm-dialog.js';
import { ErrorState } from '../../../../components/error-state.js';
import { LoadingState } from '../../../../components/loading-state.js';
import { isApiError } from '../../../../lib/api-client.js';
import { errorMessage } from '../../../../lib/error-message.js';
import { useLocalised } from '../../../../lib/use-localised.js';
import {
  useCreatePlan,
  useDeletePlan,
  useRestorePlan,
  useUpdatePlan,
  useVersionedPlan,
  versionedPlanQueryOptions,
} from '../api/plan-set-up.js';
import { useLabelChoices } from '../../../../lib/label-choice.js';
import {
  changesBetween,
  createBody,
  differingFields,
  draftOf,
  newPlanDraft,
  saveErrors,
  validateDraft,
  type DraftErrors,
  type PlanDraft,
  type PlanField,
} from '../utils/plan-draft.js';
import { PlanFields } from './plan-fields.js';

export type PlanFormTarget = { kind: 'create' } | { kind: 'edit'; planId: string };

interface PlanFormModalProps {
  target: PlanFormTarget | null;
  onClose: () => void;
  onSaved?: (plan: Plan) => void;
  /** After a delete (the plan page leaves for the list). */
  onDeleted?: (plan: Plan) => void;
}

export function PlanFormModal({ target, onClose, onSaved, onDeleted }: PlanFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={
        <Text fw={650}>
          {t(target?.kind === 'edit' ? 'planSetup.editTitle' : 'planSetup.createTitle')}
        </Text>
      }
      size="72rem"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
    >
      {target?.kind === 'create' ? (
        <CreatePlan onClose={onClose} onSaved={onSaved} />
      ) : target?.kind === 'edit' ? (
        <EditPlan
          key={target.planId}
          planId={target.planId}
          onClose={onClose}
          onSaved={onSaved}
          onDeleted={onDeleted}
        />
      ) : null}
    </Modal>
  );
}

type Common = Omit<PlanFormModalProps, 'target'>;

function useDraft(initial: () => PlanDraft) {
  const [draft, setDraft] = useState<PlanDraft>(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  return { draft, setDraft, errors, setErrors, formError, setFormError };
}

function CreatePlan({ onClose, onSaved }: Common) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const create = useCreatePlan();
  const s = useDraft(() => newPlanDraft('ipap'));
  const labels = useLabelChoices(s.draft.label, true);
  const submit = () => {
    const found = validateDraft(s.draft, t);
    s.setErrors(found);
    s.setFormError(null);
    if (Object.keys(found).length > 0) return;
    create.mutate(createBody(s.draft, labels), {
      onSuccess: (plan) => {
        notifications.show({
          color: 'teal',
          message: t('planSetup.created', { code: plan.code, title: localiser.text(plan.title) }),
        });
        onSaved?.(plan);
        onClose();
      },
      onError: (error) => {
        const mapped = saveErrors(error, t);
        s.setErrors(mapped.fields);
        s.setFormError(mapped.form);
      },
    });
  };
  return (
    <PlanFields
      mode="create"
      draft={s.draft}
      onChange={(patch) => s.setDraft((d) => ({ ...d, ...patch }))}
      errors={s.errors}
      formError={s.formError}
      savedLevels={0}
      saving={create.isPending}
      submitLabel={t('planSetup.create')}
      onSubmit={submit}
      onCancel={onClose}
    />
  );
}

function EditPlan({ planId, ...rest }: Common & { planId: string }) {
  const { t } = useTranslation();
  const loaded = useVersionedPlan(planId);
  if (loaded.isPending) return <LoadingState rows={8} />;
  if (loaded.isError)
    return (
      <ErrorState
        error={loaded.error}
        title={t('planSetup.loadFailed')}
        onRetry={() => void loaded.refetch()}
      />
    );
  return <EditLoaded {...rest} initial={loaded.data.data} initialEtag={loaded.data.etag} />;
}

function EditLoaded({
  onClose,
  onSaved,
  onDeleted,
  initial,
  initialEtag,
}: Common & { initial: Plan; initialEtag: string | null }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const queryClient = useQueryClient();
  const update = useUpdatePlan();
  const del = useDeletePlan();
  const restore = useRestorePlan();
  const [base, setBase] = useState(initial);
  const [etag, setEtag] = useState(initialEtag);
  const s = useDraft(() => draftOf(initial, templateOfLevels(initial.levels)));
  const labels = useLabelChoices(s.draft.label, false);
  const [conflict, setConflict] = useState<
    { state: 'stale' } | { state: 'reloaded'; fields: PlanField[] } | null
  >(null);
  const [reloading, setReloading] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const submit = () => {
    const found = validateDraft(s.draft, t);
    s.setErrors(found);
    s.setFormError(null);
    if (Object.keys(found).length > 0) return;
    const changes = changesBetween(base, s.draft, labels);
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
            message: t('planSetup.saved', { code: saved.data.code }),
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
          s.setErrors(mapped.fields);
          s.setFormError(mapped.form);
        },
      },
    );
  };

  const reload = async () => {
    setReloading(true);
    try {
      const latest = await queryClient.fetchQuery(versionedPlanQueryOptions(base.id));
      setBase(latest.data);
      setEtag(latest.etag);
      setConflict({ state: 'reloaded', fields: differingFields(latest.data, s.draft) });
    } catch (error) {
      s.setFormError(saveErrors(error, t).form);
    } finally {
      setReloading(false);
    }
  };

  const undo = (plan: Plan, notificationId: string) => {
    notifications.hide(notificationId);
    restore.mutate(plan.id, {
      onSuccess: (restored) =>
        notifications.show({
          color: 'teal',
          message: t('planSetup.restored', { code: restored.code }),
        }),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(error, t) }),
    });
  };

  const confirmDelete = () => {
    del.mutate(
      { id: base.id, etag },
      {
        onSuccess: () => {
          setConfirming(false);
          const id = `plan-deleted-${base.id}`;
          notifications.show({
            id,
            color: 'gray',
            autoClose: 12_000,
            message: (
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Text size="sm">
                  {t('planSetup.deleted', { code: base.code, title: localiser.text(base.title) })}
                </Text>
                <Button size="compact-sm" variant="light" onClick={() => undo(base, id)}>
                  {t('planSetup.undo')}
                </Button>
              </Group>
            ),
          });
          onClose();
          onDeleted?.(base);
        },
      },
    );
  };
  const deleteError =
    del.error && isApiError(del.error) && del.error.status === 409
      ? t('planSetup.delete.hasItems')
      : del.error && isApiError(del.error) && del.error.status === 412
        ? t('planSetup.delete.stale')
        : del.error;

  return (
    <>
      <PlanFields
        mode="edit"
        draft={s.draft}
        onChange={(patch) => s.setDraft((d) => ({ ...d, ...patch }))}
        errors={s.errors}
        formError={s.formError}
        savedLevels={base.levels.length}
        saving={update.isPending}
        submitLabel={t('planSetup.save')}
        onSubmit={submit}
        onCancel={onClose}
        extraActions={
          base.abilities.delete ? (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => {
                del.reset();
                setConfirming(true);
              }}
            >
              {t('planSetup.delete.button')}
            </Button>
          ) : null
        }
        notice={
          conflict?.state === 'stale' ? (
            <Alert
              color="orange"
              role="alert"
              icon={<IconAlertTriangle aria-hidden />}
              title={t('planSetup.conflict.title')}
            >
              <Stack gap="xs">
                <Text size="sm">{t('planSetup.conflict.body')}</Text>
                <Group>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconRefresh size={14} aria-hidden />}
                    loading={reloading}
                    onClick={() => void reload()}
                  >
                    {t('planSetup.conflict.reload')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : conflict?.state === 'reloaded' ? (
            <Alert color="blue" role="status" title={t('planSetup.conflict.reloadedTitle')}>
              <Stack gap="xs">
                <Text size="sm">
                  {conflict.fields.length === 0
                    ? t('planSetup.conflict.reloadedSame')
                    : t('planSetup.conflict.reloadedDiffer', {
                        fields: conflict.fields
                          .map((f) => t(`planSetup.fieldNames.${f}`))
                          .join(', '),
                      })}
                </Text>
                {conflict.fields.length > 0 ? (
                  <Group>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        s.setDraft(draftOf(base, s.draft.template));
                        setConflict(null);
                      }}
                    >
                      {t('planSetup.conflict.useSaved')}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </Alert>
          ) : null
        }
      />
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={confirmDelete}
        title={t('planSetup.delete.title', { code: base.code })}
        confirmLabel={t('planSetup.delete.confirm')}
        danger
        loading={del.isPending}
        error={deleteError}
      >
        <Text size="sm">{t('planSetup.delete.body')}</Text>
      </ConfirmDialog>
    </>
  );
}
