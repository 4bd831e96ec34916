import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconUserCog } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OneTimeSecret } from '../../../components/one-time-secret.js';
import { paths } from '../../../config/paths.js';
import { useCreateUser } from '../api/create-user.js';
import {
  clearanceList,
  userSaveErrors,
  validateUserDraft,
  type UserDraft,
  type UserDraftErrors,
} from '../utils/user-draft.js';
import { UserFields, type OrganisationChoice } from './user-fields.js';
import {
  CurrentPasswordInput,
  currentPasswordError,
} from '../../auth/components/current-password-input.js';

const EMPTY_DRAFT: UserDraft = {
  email: '',
  displayName: '',
  role: 'viewer',
  // Blank nation and untouched clearances: the deployment's partner nation and default clearances.
  nation: '',
  clearances: {},
  organisationIds: [],
};

interface CreateUserModalProps {
  opened: boolean;
  onClose: () => void;
  organisations: OrganisationChoice[] | null;
}

/**
 * A new account. After creating it the dialog shows the one-time password the administrator
 * hands over; the user must change it when first signing in.
 */
export function CreateUserModal({ opened, onClose, organisations }: CreateUserModalProps) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [draft, setDraft] = useState<UserDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<UserDraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [currentPassword, setCurrentPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);

  function close() {
    onClose();
    // The password must not linger in memory once the dialog is closed.
    create.reset();
    setDraft(EMPTY_DRAFT);
    setErrors({});
    setFormError(null);
    setCurrentPassword('');
    setPasswordError(null);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const found = validateUserDraft(draft, t);
    setErrors(found);
    setPasswordError(currentPassword ? null : t('signIn.errors.passwordRequired'));
    if (Object.keys(found).length > 0 || !currentPassword) return;
    const nation = draft.nation.trim();
    create.mutate(
      {
        email: draft.email.trim(),
        displayName: draft.displayName.trim(),
        role: draft.role,
        organisationIds: draft.organisationIds,
        currentPassword,
        ...(nation ? { nation } : {}),
        ...(Object.keys(draft.clearances).length > 0
          ? { clearances: clearanceList(draft.clearances) }
          : {}),
      },
      {
        onError: (error) => {
          const wrongPassword = currentPasswordError(error, t);
          if (wrongPassword) {
            setPasswordError(wrongPassword);
            return;
          }
          const refusal = userSaveErrors(error, t);
          setErrors(refusal.fields);
          setFormError(refusal.form);
        },
      },
    );
  }

  const created = create.data;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={
        <Text fw={650}>
          {created ? t('admin.users.created.title') : t('admin.users.create.title')}
        </Text>
      }
      size="xl"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {created ? (
        <Stack gap="md">
          <Text size="sm">
            {t('admin.users.created.lead', {
              name: created.user.displayName,
              email: created.user.email,
            })}
          </Text>
          <OneTimeSecret
            title={t('admin.users.oneTimePassword.title')}
            warning={t('admin.users.oneTimePassword.warning')}
            value={created.oneTimePassword}
            copyLabel={t('admin.users.oneTimePassword.copy')}
          />
          <Group justify="flex-end" gap="sm">
            <Button
              component={Link}
              to={paths.adminUser(created.user.id)}
              variant="default"
              leftSection={<IconUserCog size={16} aria-hidden />}
              onClick={close}
            >
              {t('admin.users.created.open')}
            </Button>
            <Button onClick={close} data-autofocus>
              {t('common.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {formError ? (
              <Alert
                role="alert"
                color="red"
                variant="light"
                icon={<IconAlertCircle aria-hidden />}
              >
                {formError}
              </Alert>
            ) : null}
            <UserFields
              draft={draft}
              errors={errors}
              withEmail
              organisations={organisations}
              onChange={(field, value) => {
                setDraft((d) => ({ ...d, [field]: value }));
                setErrors((e) => ({ ...e, [field]: undefined }));
              }}
            />
            <Text size="xs" c="dimmed">
              {t('admin.users.create.passwordNote')}
            </Text>
            <CurrentPasswordInput
              value={currentPassword}
              onChange={(value) => {
                setCurrentPassword(value);
                setPasswordError(null);
              }}
              error={passwordError}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('admin.users.create.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
