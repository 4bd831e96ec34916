/** POST /users — a new account; the answer carries its one-time password, shown once. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User, UserCreate } from '../../../../../core/schemas/user.js';
import { api } from '../../../lib/api-client.js';

/** The account, and the administrator's own password typed again (the answer is a password). */
export type NewUser = UserCreate & { currentPassword: string };

export function createUser(input: NewUser) {
  return api.post<{ user: User; oneTimePassword: string }>('/users', input);
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
