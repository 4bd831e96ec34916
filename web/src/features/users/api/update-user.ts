/**
 * PATCH /users/:id with If-Match: role, nation, clearances, organisations, disabled. When someone
 * else changed the account meanwhile the server answers 412 and nothing is saved.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User, UserUpdate } from '../../../../../core/schemas/user.js';
import { api, isApiError } from '../../../lib/api-client.js';
import { userQueryKey } from './get-user.js';

export interface UserChange {
  changes: UserUpdate;
  /** The ETag of the version the administrator was looking at. */
  etag: string | null;
}

export function updateUser(id: string, { changes, etag }: UserChange) {
  return api.patch<User>(`/users/${encodeURIComponent(id)}`, changes, etag);
}

/** True for the server's "someone else changed this record" (412). */
export function isEditConflict(error: unknown): boolean {
  return isApiError(error) && error.status === 412;
}

export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: UserChange) => updateUser(id, change),
    onSuccess: (saved) => {
      queryClient.setQueryData(userQueryKey(id), saved);
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['users', 'options'] });
    },
    onError: (error) => {
      // Load what is there now, so the administrator can review it and try again.
      if (isEditConflict(error)) void queryClient.invalidateQueries({ queryKey: userQueryKey(id) });
    },
  });
}
