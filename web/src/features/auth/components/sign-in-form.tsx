import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client.js';
import { errorMessage } from '../../../lib/error-message.js';
import { useSignIn } from '../api/sign-in.js';
import type { Me } from '../api/get-me.js';

/** The message for a failed sign-in: wrong credentials and lock-outs get their own words. */
function signInError(error: unknown, t: ReturnType<typeof useTranslation>['t']): string {
  if (isApiError(error)) {
    if (error.status === 401) return t('signIn.errors.credentials');
    if (error.status === 429) return t('signIn.errors.rateLimited');
    if (error.status === 400) return t('signIn.errors.invalid');
  }
  return errorMessage(error, t);
}

/** E-mail and password; calls onSignedIn with the new session. */
export function SignInForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);

  const emailMissing = touched && email.trim() === '';
  const passwordMissing = touched && password === '';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTouched(true);
    if (email.trim() === '' || password === '') return;
    signIn.mutate({ email: email.trim(), password }, { onSuccess: onSignedIn });
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-describedby={signIn.isError ? 'sign-in-error' : undefined}
    >
      <Stack gap="md">
        {signIn.isError ? (
          <Alert
            id="sign-in-error"
            role="alert"
            color="red"
            variant="light"
            icon={<IconAlertCircle aria-hidden />}
            title={t('signIn.errors.title')}
          >
            {signInError(signIn.error, t)}
          </Alert>
        ) : null}
        <TextInput
          label={t('signIn.email')}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          required
          // Both fields are plainly needed to sign in; the asterisk would only add noise.
          withAsterisk={false}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={emailMissing ? t('signIn.errors.emailRequired') : undefined}
          data-autofocus
        />
        <PasswordInput
          label={t('signIn.password')}
          name="password"
          autoComplete="current-password"
          required
          withAsterisk={false}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={passwordMissing ? t('signIn.errors.passwordRequired') : undefined}
          visibilityToggleButtonProps={{
            'aria-label': t('signIn.togglePassword'),
          }}
        />
        <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
          {t('signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}
