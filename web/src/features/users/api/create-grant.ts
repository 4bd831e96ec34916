/** POST /users/:id/grants — need-to-know on one record, optionally until a date. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';
import { grantsQueryKey, type Grant, type GrantEntityType } from './get-grants.js';

export interface NewGrant {
  entityType: GrantEntityType;
  entityId: string;
  /** ISO date-time; null for a grant without end. */
  expiresAt: string | null;
  note: string | null;
}

export function createGrant(userId: string, input: NewGrant) {
  return api.post<Grant>(`/users/${encodeURIComponent(userId)}/grants`, input);
}

export function useCreateGrant(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewGrant) => createGrant(userId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: grantsQueryKey(userId) }),
  });
}
