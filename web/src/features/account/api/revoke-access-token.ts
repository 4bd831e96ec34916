/** DELETE /auth/tokens/:id — the token stops working at once. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';
import { accessTokensQueryKey } from './get-access-tokens.js';

export function revokeAccessToken(token: { id: string; version: number }): Promise<void> {
  return api.delete(`/auth/tokens/${encodeURIComponent(token.id)}`, `"${token.version}"`);
}

export function useRevokeAccessToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeAccessToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accessTokensQueryKey }),
  });
}
