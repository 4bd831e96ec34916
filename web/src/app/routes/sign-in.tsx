import { Alert, Anchor, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconClockExclamation, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { paths, safeReturnPath } from '../../config/paths.js';
import { useMe } from '../../features/auth/api/get-me.js';
import { SignInForm } from '../../features/auth/components/sign-in-form.js';
import { forgetSessionEnded, sessionHasEnded } from '../../features/auth/utils/session-ended.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';

/**
 * /sign-in — e-mail and password (and the authenticator code when asked), then back to `next`.
 * A user whose password must be changed goes to the account page's password form first.
 */
export function SignInRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('signIn.title'));
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeReturnPath(searchParams.get('next'));
  // Read once: the notice belongs to this visit of the page only.
  const [sessionEnded] = useState(sessionHasEnded);
  useEffect(forgetSessionEnded, []);
  const me = useMe();

  return (
    <Center py="xl">
      <Paper withBorder shadow="xs" p="xl" radius="sm" w="100%" maw={420}>
        <Stack gap="lg">
          <div>
            <Title order={1} fz={26}>
              {t('signIn.title')}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t('signIn.lead')}
            </Text>
          </div>
          {me.data ? (
            <Alert color="navy" variant="light" icon={<IconInfoCircle aria-hidden />}>
              {t('signIn.already', { name: me.data.user.displayName })}{' '}
              <Anchor component={Link} to={next}>
                {t('signIn.continue')}
              </Anchor>
            </Alert>
          ) : (
            <>
              {sessionEnded ? (
                <Alert
                  role="status"
                  color="orange"
                  variant="light"
                  icon={<IconClockExclamation aria-hidden />}
                  title={t('signIn.sessionEnded')}
                >
                  {t('signIn.sessionEndedHint')}
                </Alert>
              ) : null}
              <SignInForm
                onSignedIn={(signedIn) => {
                  notifications.show({
                    color: 'navy',
                    message: t('signIn.welcome', { name: signedIn.user.displayName }),
                  });
                  const target = signedIn.user.mustChangePassword
                    ? paths.accountPasswordThen(next)
                    : next;
                  void navigate(target, { replace: true });
                }}
              />
            </>
          )}
          <Text size="xs" c="dimmed">
            {t('signIn.publicNote')}{' '}
            <Anchor component={Link} to={paths.overview} size="xs">
              {t('signIn.publicLink')}
            </Anchor>
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
