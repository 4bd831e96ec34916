/** GET /users — accounts, searched by name or e-mail and filtered by role, one page at a time. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Role } from '../../../../../core/domain/roles.js';
import type { User } from '../../../../../core/schemas/user.js';
import { api, type ListPage } from '../../../lib/api-client.js';

export interface UserListFilters {
  q: string;
  role: Role | null;
  page: number;
}

export const USERS_PAGE_SIZE = 25;

export const usersQueryOptions = (filters: UserListFilters) =>
  queryOptions({
    queryKey: ['users', 'list', { q: filters.q.trim(), role: filters.role, page: filters.page }],
    queryFn: ({ signal }) =>
      api.get<ListPage<User>>(
        '/users',
        { q: filters.q.trim(), role: filters.role, page: filters.page, pageSize: USERS_PAGE_SIZE },
        signal,
      ),
  });

export function useUsers(filters: UserListFilters) {
  return useQuery({ ...usersQueryOptions(filters), placeholderData: keepPreviousData });
}
