import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFilterOff, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { ListPager } from '../../components/list-pager.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { RequireSignIn } from '../../features/auth/components/session-gates.js';
import { useOrganisationOptions } from '../../features/organisations/api/get-organisation-options.js';
import {
  USERS_PAGE_SIZE,
  useUsers,
  type UserListFilters,
} from '../../features/users/api/get-users.js';
import { CreateUserModal } from '../../features/users/components/create-user-modal.js';
import { UserFilters } from '../../features/users/components/user-filters.js';
import { UsersTable } from '../../features/users/components/users-table.js';
import {
  parseUserListFilters,
  userListFiltersToParams,
} from '../../features/users/utils/list-filters.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';

/** /admin/users — accounts, for administrators: search, role, paging, and new accounts. */
export function AdminUsersRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.users.title'));
  return (
    <RequireSignIn administrator>
      <AdminUsersPage />
    </RequireSignIn>
  );
}

function AdminUsersPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = parseUserListFilters(searchParams);
  const users = useUsers(filters);
  const organisations = useOrganisationOptions();
  const [createOpened, createDialog] = useDisclosure(false);
  const filtered = Boolean(filters.q || filters.role);

  function change(next: Partial<UserListFilters>) {
    setSearchParams(userListFiltersToParams({ ...filters, ...next }), {
      replace: true,
      preventScrollReset: true,
    });
  }

  const clearButton = (
    <Button
      variant="subtle"
      size="compact-sm"
      leftSection={<IconFilterOff size={16} aria-hidden />}
      onClick={() => change({ q: '', role: null, page: 1 })}
    >
      {t('admin.users.filters.clear')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('admin.users.title')}
        description={t('admin.users.lead')}
        actions={
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={createDialog.open}>
            {t('admin.users.new')}
          </Button>
        }
      />
      <Stack gap="lg">
        <UserFilters filters={filters} onChange={change} />
        <Group justify="space-between" mih={30}>
          {users.data ? (
            <Group gap="xs">
              <Text fw={600} role="status">
                {t('admin.users.count', { count: users.data.total })}
              </Text>
              {users.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
            </Group>
          ) : (
            <span />
          )}
          {filtered ? clearButton : null}
        </Group>
        {users.isPending ? (
          <LoadingState rows={5} rowHeight={48} />
        ) : users.isError && !users.data ? (
          <ErrorState
            error={users.error}
            title={t('admin.users.loadFailed')}
            onRetry={() => void users.refetch()}
            retrying={users.isFetching}
          />
        ) : users.data.items.length === 0 ? (
          <EmptyState
            title={filtered ? t('admin.users.empty.filtered') : t('admin.users.empty.none')}
            action={filtered ? clearButton : null}
          />
        ) : (
          <Stack
            gap="md"
            style={{ opacity: users.isPlaceholderData ? 0.6 : 1 }}
            aria-busy={users.isFetching || undefined}
          >
            <UsersTable users={users.data.items} />
            <ListPager
              page={filters.page}
              pageSize={USERS_PAGE_SIZE}
              total={users.data.total}
              onChange={(page) => change({ page })}
            />
          </Stack>
        )}
      </Stack>
      <CreateUserModal
        opened={createOpened}
        onClose={createDialog.close}
        organisations={organisations.data ?? null}
      />
    </>
  );
}
