import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '../../../../../core/schemas/user.js';
import { paths } from '../../../config/paths.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { UserStatusBadges } from './user-status-badges.js';

/** One row per account; the name opens the account. */
export function UsersTable({ users }: { users: readonly User[] }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table withTableBorder verticalSpacing="sm" highlightOnHover>
        <caption className="visually-hidden">{t('admin.users.tableCaption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.users.columns.name')}</Table.Th>
            <Table.Th scope="col" w={180}>
              {t('admin.users.columns.role')}
            </Table.Th>
            <Table.Th scope="col" w={140}>
              {t('admin.users.columns.nation')}
            </Table.Th>
            <Table.Th scope="col" w={260}>
              {t('admin.users.columns.status')}
            </Table.Th>
            <Table.Th scope="col" w={170}>
              {t('admin.users.columns.updated')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Anchor component={Link} to={paths.adminUser(user.id)} size="sm" fw={600}>
                  {user.displayName}
                </Anchor>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {user.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`vocab.role.${user.role}`)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{localiser.nation(user.nation)}</Text>
              </Table.Td>
              <Table.Td>
                <UserStatusBadges user={user} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {localiser.timestamp(user.updatedAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
