/** POST /auth/logout-all — ends every session of the user, this one included. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client.js';
import { meQueryKey } from './get-me.js';

export function signOutEverywhere(): Promise<void> {
  return api.post<void>('/auth/logout-all');
}

export function useSignOutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOutEverywhere,
    onSuccess: () => {
      setCsrfToken(null);
      queryClient.setQueryData(meQueryKey, null);
      void queryClient.resetQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
    },
  });
}
