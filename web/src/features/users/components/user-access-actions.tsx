import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconKey, IconLock, IconLockOpen } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../../core/schemas/user.js';
import { ConfirmDialog } from '../../../components/confirm-dialog.js';
import { OneTimeSecret } from '../../../components/one-time-secret.js';
import { useResetPassword } from '../api/reset-password.js';
import { useUpdateUser } from '../api/update-user.js';
import { errorMessage } from '../../../lib/error-message.js';
import { userSaveErrors } from '../utils/user-draft.js';
import {
  CurrentPasswordInput,
  currentPasswordError,
} from '../../auth/components/current-password-input.js';

interface UserAccessActionsProps {
  user: User;
  etag: string | null;
}

/** Disabling or enabling the account, and a password reset that yields a one-time password. */
export function UserAccessActions({ user, etag }: UserAccessActionsProps) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const reset = useResetPassword(user.id);
  const [toggleOpened, toggleDialog] = useDisclosure(false);
  const [resetOpened, resetDialog] = useDisclosure(false);
  const [currentPassword, setCurrentPassword] = useState('');
  const [passwordMissing, setPasswordMissing] = useState(false);
  const wrongPassword = currentPasswordError(reset.error, t);
  const disabling = !user.disabled;
  const toggleError = update.error
    ? (userSaveErrors(update.error, t).form ?? errorMessage(update.error, t))
    : null;

  function closeReset() {
    resetDialog.close();
    // The passwords must not linger once the dialog is closed.
    reset.reset();
    setCurrentPassword('');
    setPasswordMissing(false);
  }

  return (
    <>
      <Stack gap="sm">
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconKey size={16} aria-hidden />}
            onClick={() => {
              reset.reset();
              resetDialog.open();
            }}
          >
            {t('admin.users.reset.button')}
          </Button>
          <Button
            variant="outline"
            color={disabling ? 'red' : 'teal'}
            leftSection={
              disabling ? (
                <IconLock size={16} aria-hidden />
              ) : (
                <IconLockOpen size={16} aria-hidden />
              )
            }
            onClick={() => {
              update.reset();
              toggleDialog.open();
            }}
          >
            {disabling ? t('admin.users.disable.button') : t('admin.users.enable.button')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('admin.users.accessHint')}
        </Text>
      </Stack>

      <ConfirmDialog
        opened={toggleOpened}
        onClose={toggleDialog.close}
        title={disabling ? t('admin.users.disable.title') : t('admin.users.enable.title')}
        confirmLabel={disabling ? t('admin.users.disable.button') : t('admin.users.enable.button')}
        danger={disabling}
        loading={update.isPending}
        error={toggleError}
        onConfirm={() =>
          update.mutate(
            { changes: { disabled: disabling }, etag },
            {
              onSuccess: () => {
                toggleDialog.close();
                notifications.show({
                  color: 'navy',
                  message: disabling
                    ? t('admin.users.disable.done', { name: user.displayName })
                    : t('admin.users.enable.done', { name: user.displayName }),
                });
              },
            },
          )
        }
      >
        <Text size="sm">
          {disabling
            ? t('admin.users.disable.body', { name: user.displayName })
            : t('admin.users.enable.body', { name: user.displayName })}
        </Text>
      </ConfirmDialog>

      {reset.data ? (
        <Modal
          opened={resetOpened}
          onClose={closeReset}
          title={<Text fw={650}>{t('admin.users.reset.doneTitle')}</Text>}
          centered
          size="lg"
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          <Stack gap="md">
            <OneTimeSecret
              title={t('admin.users.oneTimePassword.title')}
              warning={t('admin.users.oneTimePassword.warning')}
              value={reset.data.oneTimePassword}
              copyLabel={t('admin.users.oneTimePassword.copy')}
            />
            <Group justify="flex-end">
              <Button onClick={closeReset} data-autofocus>
                {t('common.done')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      ) : (
        <ConfirmDialog
          opened={resetOpened}
          onClose={closeReset}
          title={t('admin.users.reset.title')}
          confirmLabel={t('admin.users.reset.confirm')}
          danger
          loading={reset.isPending}
          error={wrongPassword ? null : reset.error}
          onConfirm={() => {
            if (!currentPassword) {
              setPasswordMissing(true);
              return;
            }
            reset.mutate({ etag, currentPassword });
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t('admin.users.reset.body', { name: user.displayName })}</Text>
            <CurrentPasswordInput
              value={currentPassword}
              onChange={(value) => {
                setCurrentPassword(value);
                setPasswordMissing(false);
                reset.reset();
              }}
              error={passwordMissing ? t('signIn.errors.passwordRequired') : wrongPassword}
            />
          </Stack>
        </ConfirmDialog>
      )}
    </>
  );
}
