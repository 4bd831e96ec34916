/** DELETE /grants/:id — the grant ends at once. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';
import { grantsQueryKey } from './get-grants.js';

export function revokeGrant(grantId: string): Promise<void> {
  return api.delete(`/grants/${encodeURIComponent(grantId)}`);
}

export function useRevokeGrant(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeGrant,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: grantsQueryKey(userId) }),
  });
}
