import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../api/change-password.js';
import { passwordChangeError, type PasswordField } from '../utils/password-errors.js';

/** The server's rule; checked here too so the common mistakes are caught before sending. */
const MIN_LENGTH = 12;

type Field = PasswordField | 'confirmPassword';

/**
 * Current password, new password twice. A refusal from the server (wrong current password, a
 * common or too guessable new one) is shown under the field it concerns.
 */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [values, setValues] = useState({
    currentPassword: '',
    newPassword: '',
    confirmPassword: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  function set(field: Field, value: string) {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  }

  function validate(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    if (values.currentPassword === '')
      found.currentPassword = t('account.password.errors.currentRequired');
    if (Array.from(values.newPassword).length < MIN_LENGTH)
      found.newPassword = t('account.password.errors.tooShort', { count: MIN_LENGTH });
    else if (values.newPassword === values.currentPassword)
      found.newPassword = t('account.password.errors.same');
    if (values.confirmPassword !== values.newPassword)
      found.confirmPassword = t('account.password.errors.mismatch');
    return found;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setValues({ currentPassword: '', newPassword: '', confirmPassword: '' });
          onChanged();
        },
        onError: (error) => {
          const refusal = passwordChangeError(error, t);
          if (refusal.field) setErrors({ [refusal.field]: refusal.message });
          else setFormError(refusal.message);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={420}>
        {formError ? (
          <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle aria-hidden />}>
            {formError}
          </Alert>
        ) : null}
        <PasswordInput
          label={t('account.password.current')}
          name="current-password"
          autoComplete="current-password"
          required
          value={values.currentPassword}
          onChange={(e) => set('currentPassword', e.currentTarget.value)}
          error={errors.currentPassword}
          visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
        />
        <PasswordInput
          label={t('account.password.new')}
          description={t('account.password.rules', { count: MIN_LENGTH })}
          name="new-password"
          autoComplete="new-password"
          required
          value={values.newPassword}
          onChange={(e) => set('newPassword', e.currentTarget.value)}
          error={errors.newPassword}
          visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
        />
        <PasswordInput
          label={t('account.password.confirm')}
          name="confirm-password"
          autoComplete="new-password"
          required
          value={values.confirmPassword}
          onChange={(e) => set('confirmPassword', e.currentTarget.value)}
          error={errors.confirmPassword}
          visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('account.password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
