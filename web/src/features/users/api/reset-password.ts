/** POST /users/:id/reset-password — a new one-time password; the user's sessions end. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';
import { userQueryKey } from './get-user.js';

export function resetPassword(id: string) {
  return api.post<{ oneTimePassword: string }>(`/users/${encodeURIComponent(id)}/reset-password`);
}

export function useResetPassword(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => resetPassword(id),
    // The account's version moved on (and its lock was lifted): read it again before any edit.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userQueryKey(id) });
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    },
  });
}
