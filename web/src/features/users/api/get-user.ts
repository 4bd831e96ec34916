/** GET /users/:id — one account with its ETag, which an edit sends back as If-Match. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { User } from '../../../../../core/schemas/user.js';
import { api } from '../../../lib/api-client.js';

export const userQueryKey = (id: string) => ['users', 'detail', id] as const;

export const userQueryOptions = (id: string) =>
  queryOptions({
    queryKey: userQueryKey(id),
    queryFn: ({ signal }) => api.getVersioned<User>(`/users/${encodeURIComponent(id)}`, signal),
    // An edit must start from what is on the server now, not from a minute ago.
    staleTime: 0,
  });

export function useUser(id: string) {
  return useQuery(userQueryOptions(id));
}
