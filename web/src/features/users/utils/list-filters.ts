/** The users list's search, role and page, read from and written to the address bar. */
import type { UserListFilters } from '../api/get-users.js';
import { isRole } from './user-draft.js';

export function parseUserListFilters(params: URLSearchParams): UserListFilters {
  const role = params.get('role');
  const page = Number(params.get('page') ?? '1');
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    role: isRole(role) ? role : null,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function userListFiltersToParams(filters: UserListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.role) params.set('role', filters.role);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}
