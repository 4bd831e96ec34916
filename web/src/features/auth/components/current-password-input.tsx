/**
 * "Current password" for the credential routes (new access token, two-factor set-up and turning
 * off, new account, password reset): the server asks for the person's own password again, so a
 * browser left signed in cannot hand out credentials.
 */
import { PasswordInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client.js';

/** The message for a refused current password, or null when the error is about something else. */
export function currentPasswordError(error: unknown, t: TFunction): string | null {
  if (!isApiError(error) || error.status !== 422) return null;
  const field = (error.details as { field?: unknown } | undefined)?.field;
  return field === 'currentPassword' ? t('account.password.errors.currentWrong') : null;
}

interface CurrentPasswordInputProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  autoFocus?: boolean;
}

export function CurrentPasswordInput({
  value,
  onChange,
  error,
  autoFocus,
}: CurrentPasswordInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      label={t('account.password.current')}
      autoComplete="current-password"
      required
      maw={420}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
      data-autofocus={autoFocus ? true : undefined}
    />
  );
}
