import { Paper, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../../core/domain/roles.js';
import { SearchInput } from '../../../components/search-input.js';
import type { UserListFilters } from '../api/get-users.js';
import { isRole } from '../utils/user-draft.js';

interface UserFiltersProps {
  filters: UserListFilters;
  onChange: (change: Partial<UserListFilters>) => void;
}

/** Name or e-mail, and role; each change lands in the address bar and starts at page 1. */
export function UserFilters({ filters, onChange }: UserFiltersProps) {
  const { t } = useTranslation();
  const roles = ROLES.map((role) => ({ value: role, label: t(`vocab.role.${role}`) }));
  return (
    <Paper
      withBorder
      p="md"
      radius="sm"
      component="section"
      role="search"
      aria-label={t('admin.users.filters.label')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <SearchInput
          label={t('admin.users.filters.search')}
          placeholder={t('admin.users.filters.searchPlaceholder')}
          value={filters.q}
          onSearch={(q) => onChange({ q, page: 1 })}
        />
        <Select
          label={t('admin.users.filters.role')}
          placeholder={t('admin.users.filters.anyRole')}
          data={roles}
          value={filters.role}
          onChange={(value) => onChange({ role: isRole(value) ? value : null, page: 1 })}
          clearable
          clearButtonProps={{ 'aria-label': t('admin.users.filters.clearRole') }}
        />
      </SimpleGrid>
    </Paper>
  );
}
