/** POST /auth/logout — ends this session; the CSRF token goes in the X-CSRF-Token header. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client.js';
import { meQueryKey } from './get-me.js';

export function signOut(): Promise<void> {
  return api.post<void>('/auth/logout');
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      setCsrfToken(null);
      queryClient.setQueryData(meQueryKey, null);
      // Forget anything only the signed-in user could see.
      void queryClient.resetQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
    },
  });
}
