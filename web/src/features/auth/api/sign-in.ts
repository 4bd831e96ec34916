/** POST /auth/login — starts a session (the server sets the cookie). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client.js';
import { meQueryKey, type Me } from './get-me.js';

export interface SignInInput {
  email: string;
  password: string;
  /** The 6-digit code from an authenticator app, once the server has asked for it. */
  totp?: string;
}

/** The server's answer when the password was right and the account wants its second factor. */
export const TOTP_REQUIRED = 'totp_required';

export function signIn(input: SignInInput): Promise<Me> {
  return api.post<Me>('/auth/login', input);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: async (me) => {
      setCsrfToken(me.csrfToken);
      // Records visible to this user may differ from the public ones: read everything afresh.
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
