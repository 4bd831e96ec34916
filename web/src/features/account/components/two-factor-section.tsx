import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Modal,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconShieldCheck, IconShieldLock } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyableValue } from '../../../components/copyable-value.js';
import { isApiError } from '../../../lib/api-client.js';
import { errorMessage } from '../../../lib/error-message.js';
import { useDisableTwoFactor } from '../api/disable-two-factor.js';
import { useEnableTwoFactor } from '../api/enable-two-factor.js';
import { useSetUpTwoFactor } from '../api/set-up-two-factor.js';
import { CurrentPasswordInput } from '../../auth/components/current-password-input.js';

const CODE_PATTERN = /^\d{6}$/;

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to read and type. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

function twoFactorError(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.status === 422) {
      const field = (error.details as { field?: unknown } | undefined)?.field;
      if (field === 'code') return t('account.twoFactor.errors.codeWrong');
      if (field === 'currentPassword') return t('account.twoFactor.errors.passwordWrong');
    }
    if (error.status === 400) return t('account.twoFactor.errors.codeFormat');
    if (error.status === 409) return t('account.twoFactor.errors.conflict');
  }
  return errorMessage(error, t);
}

interface TwoFactorSectionProps {
  /** Whether sign-in already asks for a code (from /auth/me). */
  enabled: boolean;
  /** Called after turning it on or off, so the page can read the session afresh. */
  onChanged: () => void;
}

/** Two-factor sign-in with an authenticator app: set up, confirm with a code, turn off. */
export function TwoFactorSection({ enabled, onChanged }: TwoFactorSectionProps) {
  const { t } = useTranslation();
  const setup = useSetUpTwoFactor();
  const enable = useEnableTwoFactor();
  const disable = useDisableTwoFactor();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [setupPassword, setSetupPassword] = useState('');
  const [setupPasswordError, setSetupPasswordError] = useState<string | null>(null);

  function startSetup(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (setupPassword === '') {
      setSetupPasswordError(t('signIn.errors.passwordRequired'));
      return;
    }
    setCode('');
    setCodeError(null);
    setup.mutate(setupPassword, {
      onSuccess: () => setSetupPassword(''),
      onError: (error) => setSetupPasswordError(twoFactorError(error, t)),
    });
  }
  const [disableOpened, disableDialog] = useDisclosure(false);

  function confirmCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!CODE_PATTERN.test(code)) {
      setCodeError(t('account.twoFactor.errors.codeFormat'));
      return;
    }
    enable.mutate(code, {
      onSuccess: () => {
        setup.reset();
        setCode('');
        notifications.show({ color: 'teal', message: t('account.twoFactor.enabled') });
        onChanged();
      },
      onError: (error) => setCodeError(twoFactorError(error, t)),
    });
  }

  function turnOff(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password === '') {
      setPasswordError(t('signIn.errors.passwordRequired'));
      return;
    }
    disable.mutate(password, {
      onSuccess: () => {
        disableDialog.close();
        setPassword('');
        notifications.show({ color: 'navy', message: t('account.twoFactor.disabled') });
        onChanged();
      },
      onError: (error) => setPasswordError(twoFactorError(error, t)),
    });
  }

  const status = (
    <Badge
      variant={enabled ? 'filled' : 'light'}
      color={enabled ? 'teal' : 'gray'}
      leftSection={enabled ? <IconShieldCheck size={12} aria-hidden /> : undefined}
    >
      {enabled ? t('account.twoFactor.on') : t('account.twoFactor.off')}
    </Badge>
  );

  if (enabled) {
    return (
      <Stack gap="sm">
        <Group gap="sm">
          {status}
          <Text size="sm">{t('account.twoFactor.onLead')}</Text>
        </Group>
        <Group>
          <Button
            variant="outline"
            color="red"
            onClick={() => {
              setPassword('');
              setPasswordError(null);
              disableDialog.open();
            }}
          >
            {t('account.twoFactor.turnOff')}
          </Button>
        </Group>
        <Modal
          opened={disableOpened}
          onClose={disableDialog.close}
          title={<Text fw={650}>{t('account.twoFactor.turnOffTitle')}</Text>}
          centered
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          <form onSubmit={turnOff} noValidate>
            <Stack gap="md">
              <Text size="sm">{t('account.twoFactor.turnOffLead')}</Text>
              <PasswordInput
                label={t('account.password.current')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => {
                  setPassword(e.currentTarget.value);
                  setPasswordError(null);
                }}
                error={passwordError}
                visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
                data-autofocus
              />
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={disableDialog.close}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" color="red" loading={disable.isPending}>
                  {t('account.twoFactor.turnOff')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Modal>
      </Stack>
    );
  }

  if (!setup.data) {
    return (
      <Stack gap="sm">
        <Group gap="sm">
          {status}
          <Text size="sm">{t('account.twoFactor.offLead')}</Text>
        </Group>
        <form onSubmit={startSetup} noValidate>
          <Stack gap="sm">
            <CurrentPasswordInput
              value={setupPassword}
              onChange={(value) => {
                setSetupPassword(value);
                setSetupPasswordError(null);
              }}
              error={setupPasswordError}
            />
            <Group>
              <Button
                type="submit"
                leftSection={<IconShieldLock size={16} aria-hidden />}
                loading={setup.isPending}
              >
                {t('account.twoFactor.setUp')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group gap="sm">
        {status}
        <Text size="sm" fw={600}>
          {t('account.twoFactor.setupTitle')}
        </Text>
      </Group>
      <List type="ordered" spacing="md" size="sm">
        <List.Item>
          <Stack gap={6}>
            <Text size="sm">{t('account.twoFactor.stepKey')}</Text>
            <CopyableValue
              value={setup.data.secret}
              display={groupSecret(setup.data.secret)}
              label={t('account.twoFactor.copyKey')}
              size="lg"
            />
          </Stack>
        </List.Item>
        <List.Item>
          <Stack gap={6}>
            <Text size="sm">
              {t('account.twoFactor.stepLink')}{' '}
              <Anchor href={setup.data.otpauthUri} size="sm">
                {t('account.twoFactor.openInApp')}
              </Anchor>
            </Text>
            <CopyableValue value={setup.data.otpauthUri} label={t('account.twoFactor.copyLink')} />
          </Stack>
        </List.Item>
        <List.Item>
          <form onSubmit={confirmCode} noValidate>
            <Stack gap="sm">
              <Text size="sm">{t('account.twoFactor.stepCode')}</Text>
              <TextInput
                label={t('signIn.code')}
                autoComplete="one-time-code"
                inputMode="numeric"
                pattern="[0-9]{6}"
                maxLength={6}
                required
                maw={420}
                value={code}
                onChange={(e) => {
                  setCode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6));
                  setCodeError(null);
                }}
                error={codeError}
                styles={{
                  input: { width: 180, letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' },
                }}
              />
              <Group gap="sm">
                <Button type="submit" loading={enable.isPending}>
                  {t('account.twoFactor.turnOn')}
                </Button>
                <Button variant="subtle" onClick={() => setup.reset()}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        </List.Item>
      </List>
    </Stack>
  );
}
