/** DELETE /grants/:id — the grant ends at once. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';
import { grantsQueryKey } from './get-grants.js';

/** Grants never change, so the version on screen is the grant's only one (412 if it is gone). */
export function revokeGrant(grant: { id: string; version: number }): Promise<void> {
  return api.delete(`/grants/${encodeURIComponent(grant.id)}`, `"${grant.version}"`);
}

export function useRevokeGrant(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeGrant,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: grantsQueryKey(userId) }),
  });
}
