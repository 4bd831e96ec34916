/** Every account as a choice for a picker ("Ana Marković · ana@…"), e.g. the audit log's actor. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { User } from '../../../../../core/schemas/user.js';
import { fetchAllPages } from '../../../lib/api-client.js';

export interface UserOption {
  value: string;
  label: string;
}

export const userOptionsQueryOptions = () =>
  queryOptions({
    queryKey: ['users', 'options'],
    queryFn: async ({ signal }): Promise<UserOption[]> => {
      const { items } = await fetchAllPages<User>('/users', {}, signal);
      return items.map((u) => ({ value: u.id, label: `${u.displayName} · ${u.email}` }));
    },
  });

/** Only administrators may list accounts: pass enabled=false for anyone else. */
export function useUserOptions(enabled = true) {
  return useQuery({ ...userOptionsQueryOptions(), enabled });
}
