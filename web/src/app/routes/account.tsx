import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.js';
import { safeReturnPath } from '../../config/paths.js';
import { AccessTokensSection } from '../../features/account/components/access-tokens-section.js';
import { ProfileSummary } from '../../features/account/components/profile-summary.js';
import { TwoFactorSection } from '../../features/account/components/two-factor-section.js';
import { useMe, useRefreshMe } from '../../features/auth/api/get-me.js';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form.js';
import { RequireSignIn } from '../../features/auth/components/session-gates.js';
import { SignOutEverywhere } from '../../features/auth/components/sign-out-everywhere.js';
import { useOrganisationOptions } from '../../features/organisations/api/get-organisation-options.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper
      component="section"
      withBorder
      radius="sm"
      p="lg"
      id={id}
      aria-labelledby={`${id}-title`}
    >
      <Title order={2} fz="lg" mb="md" id={`${id}-title`}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** /account — the signed-in user's profile, password, two-factor sign-in, tokens and sessions. */
export function AccountRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.title'));
  return (
    <RequireSignIn>
      <AccountPage />
    </RequireSignIn>
  );
}

function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const refreshMe = useRefreshMe();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const organisations = useOrganisationOptions();
  const user = me.data?.user;
  if (!user) return null;

  const organisationNames = organisations.data
    ? user.organisationIds.map((id) => organisations.data.find((o) => o.value === id)?.label ?? id)
    : organisations.isError
      ? user.organisationIds
      : null;

  const passwordForm = (
    <ChangePasswordForm
      onChanged={() => {
        notifications.show({ color: 'teal', message: t('account.password.changed') });
        if (user.mustChangePassword) {
          void navigate(safeReturnPath(searchParams.get('next')), { replace: true });
        }
      }}
    />
  );

  if (user.mustChangePassword) {
    return (
      <>
        <PageHeader title={t('account.title')} />
        <Stack gap="lg" maw={720}>
          <Alert
            color="orange"
            variant="light"
            icon={<IconLock aria-hidden />}
            title={t('account.mustChange.title')}
          >
            {t('account.mustChange.body')}
          </Alert>
          <Section id="change-password" title={t('account.password.title')}>
            {passwordForm}
          </Section>
        </Stack>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.lead')} />
      <Stack gap="lg">
        <Section id="profile" title={t('account.profile.title')}>
          <ProfileSummary profile={user} organisationNames={organisationNames} />
          <Text size="xs" c="dimmed" mt="md">
            {t('account.profile.managedBy')}
          </Text>
        </Section>
        <Section id="change-password" title={t('account.password.title')}>
          {passwordForm}
        </Section>
        <Section id="two-factor" title={t('account.twoFactor.title')}>
          <TwoFactorSection enabled={user.totpEnabled} onChanged={() => void refreshMe()} />
        </Section>
        <Section id="access-tokens" title={t('account.tokens.title')}>
          <AccessTokensSection />
        </Section>
        <Section id="sessions" title={t('account.sessions.title')}>
          <SignOutEverywhere />
        </Section>
      </Stack>
    </>
  );
}
