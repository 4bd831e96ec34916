import { Alert, Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowsExchange } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User, UserUpdate } from '../../../../../core/schemas/user.js';
import { isEditConflict, useUpdateUser } from '../api/update-user.js';
import {
  changesBetween,
  draftOf,
  userSaveErrors,
  validateUserDraft,
  type UserDraft,
  type UserDraftErrors,
} from '../utils/user-draft.js';
import { UserFields, type OrganisationChoice } from './user-fields.js';

interface UserEditorProps {
  user: User;
  /** The ETag of the version shown; sent as If-Match. */
  etag: string | null;
  organisations: OrganisationChoice[] | null;
}

/**
 * Name, role, nation, clearances and organisations of an account. When someone else saved the
 * account in the meantime, nothing is overwritten: the latest version is loaded and the
 * administrator is told to review it.
 */
export function UserEditor({ user, etag, organisations }: UserEditorProps) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const [conflict, setConflict] = useState(false);

  return (
    <Stack gap="md">
      {conflict ? (
        <Alert
          role="alert"
          color="orange"
          variant="light"
          icon={<IconArrowsExchange aria-hidden />}
          title={t('admin.users.conflict.title')}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setConflict(false)}
        >
          {t('admin.users.conflict.body')}
        </Alert>
      ) : null}
      {/* A new version (after saving or after a conflict) starts the form afresh from it. */}
      <UserEditForm
        key={etag ?? user.version}
        user={user}
        organisations={organisations}
        saving={update.isPending}
        onSave={(changes, onError) => {
          setConflict(false);
          update.mutate(
            { changes, etag },
            {
              onSuccess: () =>
                notifications.show({ color: 'teal', message: t('admin.users.saved') }),
              onError: (error) => {
                if (isEditConflict(error)) setConflict(true);
                else onError(error);
              },
            },
          );
        }}
      />
    </Stack>
  );
}

interface UserEditFormProps {
  user: User;
  organisations: OrganisationChoice[] | null;
  saving: boolean;
  onSave: (changes: UserUpdate, onError: (error: unknown) => void) => void;
}

function UserEditForm({ user, organisations, saving, onSave }: UserEditFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<UserDraft>(() => draftOf(user));
  const [errors, setErrors] = useState<UserDraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const changes = changesBetween(user, draft);
  const dirty = Object.keys(changes).length > 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const found = validateUserDraft(draft, t, false);
    setErrors(found);
    if (Object.keys(found).length > 0 || !dirty) return;
    onSave(changes, (error) => {
      const refusal = userSaveErrors(error, t);
      setErrors(refusal.fields);
      setFormError(refusal.form);
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('admin.users.edit.label')}>
      <Stack gap="md">
        {formError ? (
          <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle aria-hidden />}>
            {formError}
          </Alert>
        ) : null}
        <UserFields
          draft={draft}
          errors={errors}
          withEmail={false}
          organisations={organisations}
          onChange={(field, value) => {
            setDraft((d) => ({ ...d, [field]: value }));
            setErrors((e) => ({ ...e, [field]: undefined }));
          }}
        />
        <Group gap="sm">
          <Button type="submit" loading={saving} disabled={!dirty}>
            {t('admin.users.edit.save')}
          </Button>
          <Button
            variant="default"
            disabled={!dirty || saving}
            onClick={() => {
              setDraft(draftOf(user));
              setErrors({});
              setFormError(null);
            }}
          >
            {t('admin.users.edit.discard')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
