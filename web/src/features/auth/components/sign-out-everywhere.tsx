import { Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDevices } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog.js';
import { paths } from '../../../config/paths.js';
import { useSignOutEverywhere } from '../api/sign-out-everywhere.js';

/** Ends every session of the user, on every device, after asking. */
export function SignOutEverywhere() {
  const { t } = useTranslation();
  const [opened, dialog] = useDisclosure(false);
  const signOut = useSignOutEverywhere();
  const navigate = useNavigate();

  return (
    <>
      <Group justify="space-between" align="center" gap="md">
        <Text size="sm" maw={620}>
          {t('account.sessions.lead')}
        </Text>
        <Button
          variant="outline"
          color="red"
          leftSection={<IconDevices size={16} aria-hidden />}
          onClick={() => {
            signOut.reset();
            dialog.open();
          }}
        >
          {t('account.sessions.signOutEverywhere')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={opened}
        onClose={dialog.close}
        title={t('account.sessions.confirmTitle')}
        confirmLabel={t('account.sessions.signOutEverywhere')}
        danger
        loading={signOut.isPending}
        error={signOut.error}
        onConfirm={() =>
          signOut.mutate(undefined, {
            onSuccess: () => {
              dialog.close();
              notifications.show({ color: 'navy', message: t('account.sessions.done') });
              void navigate(paths.signIn, { replace: true });
            },
          })
        }
      >
        <Text size="sm">{t('account.sessions.confirmBody')}</Text>
      </ConfirmDialog>
    </>
  );
}
