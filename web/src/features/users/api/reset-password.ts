/** POST /users/:id/reset-password — a new one-time password; the user's sessions end. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';
import { userQueryKey } from './get-user.js';

export interface ResetPassword {
  /** The account's ETag as shown: a change meanwhile answers 412. */
  etag: string | null;
  /** The administrator's own password, typed again: a one-time password is a credential. */
  currentPassword: string;
}

export function resetPassword(id: string, { etag, currentPassword }: ResetPassword) {
  return api.post<{ oneTimePassword: string }>(
    `/users/${encodeURIComponent(id)}/reset-password`,
    { currentPassword },
    etag ?? '*',
  );
}

export function useResetPassword(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ResetPassword) => resetPassword(id, input),
    // The account's version moved on (and its lock was lifted): read it again before any edit.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userQueryKey(id) });
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    },
  });
}
