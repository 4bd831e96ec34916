import { Anchor, Breadcrumbs, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconHistory } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { paths } from '../../config/paths.js';
import { RequireSignIn } from '../../features/auth/components/session-gates.js';
import { useOrganisationOptions } from '../../features/organisations/api/get-organisation-options.js';
import { useUser } from '../../features/users/api/get-user.js';
import { GrantsSection } from '../../features/users/components/grants-section.js';
import { UserAccessActions } from '../../features/users/components/user-access-actions.js';
import { UserEditor } from '../../features/users/components/user-editor.js';
import { UserStatusBadges } from '../../features/users/components/user-status-badges.js';
import { isApiError } from '../../lib/api-client.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { useLocalised } from '../../lib/use-localised.js';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder radius="sm" p="lg" aria-labelledby={`${id}-title`}>
      <Title order={2} fz="lg" mb="md" id={`${id}-title`}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** /admin/users/:userId — one account: its rights, its access and its need-to-know grants. */
export function AdminUserRoute() {
  return (
    <RequireSignIn administrator>
      <AdminUserPage />
    </RequireSignIn>
  );
}

function AdminUserPage() {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const { userId = '' } = useParams();
  const user = useUser(userId);
  const organisations = useOrganisationOptions();
  useDocumentTitle(user.data?.data.displayName ?? t('admin.users.title'));

  const back = (
    <Button
      component={Link}
      to={paths.adminUsers}
      variant="light"
      leftSection={<IconArrowLeft size={16} aria-hidden />}
    >
      {t('admin.users.backToList')}
    </Button>
  );

  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›" aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to={paths.adminUsers} size="sm">
          {t('admin.users.title')}
        </Anchor>
        <span aria-current="page" style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
          {user.data?.data.displayName ?? '…'}
        </span>
      </Breadcrumbs>
      {user.isPending ? (
        <LoadingState rows={4} rowHeight={80} />
      ) : user.isError ? (
        isApiError(user.error) &&
        (user.error.status === 404 || user.error.code === 'validation_failed') ? (
          <EmptyState
            title={t('admin.users.notFound.title')}
            description={t('admin.users.notFound.description')}
            action={back}
          />
        ) : (
          <ErrorState
            error={user.error}
            title={t('admin.users.detailLoadFailed')}
            onRetry={() => void user.refetch()}
            retrying={user.isFetching}
          />
        )
      ) : (
        <>
          <Group justify="space-between" align="flex-start" gap="md">
            <Stack gap={6}>
              <Title order={1} fz={{ base: 26, sm: 30 }}>
                {user.data.data.displayName}
              </Title>
              <Group gap="sm">
                <Text c="dimmed">{user.data.data.email}</Text>
                <UserStatusBadges user={user.data.data} />
              </Group>
              <Text size="xs" c="dimmed">
                {t('admin.users.createdUpdated', {
                  created: localiser.timestamp(user.data.data.createdAt),
                  updated: localiser.timestamp(user.data.data.updatedAt),
                })}
              </Text>
            </Stack>
            <Button
              component={Link}
              to={paths.auditLogOf('user', user.data.data.id)}
              variant="default"
              leftSection={<IconHistory size={16} aria-hidden />}
            >
              {t('admin.users.inAuditLog')}
            </Button>
          </Group>
          <Section id="user-rights" title={t('admin.users.edit.title')}>
            <UserEditor
              user={user.data.data}
              etag={user.data.etag}
              organisations={organisations.data ?? null}
            />
          </Section>
          <Section id="user-access" title={t('admin.users.access')}>
            <UserAccessActions user={user.data.data} etag={user.data.etag} />
          </Section>
          <Section id="user-grants" title={t('admin.grants.title')}>
            <Text size="sm" c="dimmed" mb="md" maw={760}>
              {t('admin.grants.lead')}
            </Text>
            <GrantsSection
              userId={user.data.data.id}
              userName={user.data.data.displayName}
              recordName={(type, id) =>
                type === 'organisation'
                  ? (organisations.data?.find((o) => o.value === id)?.label ?? null)
                  : null
              }
            />
          </Section>
        </>
      )}
    </Stack>
  );
}
