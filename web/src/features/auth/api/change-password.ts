/** POST /auth/password — the signed-in user changes their password (other sessions end). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';
import { meQueryKey } from './get-me.js';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

export function changePassword(input: PasswordChange): Promise<void> {
  return api.post<void>('/auth/password', input);
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // mustChangePassword is reported by /auth/me; read it again so the app lets the user go on.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
