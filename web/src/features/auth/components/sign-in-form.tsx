import type { TFunction } from 'i18next';
import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconArrowLeft, IconShieldLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client.js';
import { errorMessage } from '../../../lib/error-message.js';
import { TOTP_REQUIRED, useSignIn } from '../api/sign-in.js';
import type { Me } from '../api/get-me.js';

type Translate = TFunction;

/** The message for a failed sign-in: wrong credentials and lock-outs get their own words. */
function signInError(error: unknown, t: Translate, askedForCode: boolean): string {
  if (isApiError(error)) {
    if (error.status === 401)
      return askedForCode ? t('signIn.errors.code') : t('signIn.errors.credentials');
    if (error.status === 429) return t('signIn.errors.rateLimited');
    if (error.status === 400)
      return askedForCode ? t('signIn.errors.codeFormat') : t('signIn.errors.invalid');
  }
  return errorMessage(error, t);
}

const CODE_PATTERN = /^\d{6}$/;

/**
 * E-mail and password; when the account has two-factor sign-in on, a second step asks for the
 * 6-digit code from the authenticator app. Calls onSignedIn with the new session.
 */
export function SignInForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [touched, setTouched] = useState(false);

  const emailMissing = touched && step === 'password' && email.trim() === '';
  const passwordMissing = touched && step === 'password' && password === '';
  const codeInvalid = touched && step === 'code' && !CODE_PATTERN.test(code);
  // The server's "give me the code" is the way to the second step, not a failure to show.
  const failed =
    signIn.isError && !(isApiError(signIn.error) && signIn.error.code === TOTP_REQUIRED);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTouched(true);
    if (step === 'password') {
      if (email.trim() === '' || password === '') return;
      signIn.mutate(
        { email: email.trim(), password },
        {
          onSuccess: onSignedIn,
          onError: (error) => {
            if (isApiError(error) && error.code === TOTP_REQUIRED) {
              setStep('code');
              setTouched(false);
            }
          },
        },
      );
      return;
    }
    if (!CODE_PATTERN.test(code)) return;
    signIn.mutate({ email: email.trim(), password, totp: code }, { onSuccess: onSignedIn });
  }

  function backToPassword() {
    setStep('password');
    setCode('');
    setTouched(false);
    signIn.reset();
  }

  return (
    <form onSubmit={submit} noValidate aria-describedby={failed ? 'sign-in-error' : undefined}>
      <Stack gap="md">
        {failed ? (
          <Alert
            id="sign-in-error"
            role="alert"
            color="red"
            variant="light"
            icon={<IconAlertCircle aria-hidden />}
            title={t('signIn.errors.title')}
          >
            {signInError(signIn.error, t, step === 'code')}
          </Alert>
        ) : null}
        {step === 'password' ? (
          <>
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
          </>
        ) : (
          <>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <IconShieldLock size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
              <Text size="sm" role="status">
                {t('signIn.codeLead', { email: email.trim() })}
              </Text>
            </Group>
            <TextInput
              label={t('signIn.code')}
              description={t('signIn.codeHint')}
              name="totp"
              autoComplete="one-time-code"
              inputMode="numeric"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              withAsterisk={false}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
              error={codeInvalid ? t('signIn.errors.codeFormat') : undefined}
              styles={{
                input: { width: 200, letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' },
              }}
              // The field appears in place of the password: put the cursor in it.
              autoFocus
            />
          </>
        )}
        <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
          {step === 'password' ? t('signIn.submit') : t('signIn.verify')}
        </Button>
        {step === 'code' ? (
          <Button
            variant="subtle"
            leftSection={<IconArrowLeft size={16} aria-hidden />}
            onClick={backToPassword}
          >
            {t('signIn.back')}
          </Button>
        ) : null}
      </Stack>
    </form>
  );
}
