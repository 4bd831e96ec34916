/** GET /users/:id/grants — the user's explicit need-to-know grants on single records. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';

export const GRANT_ENTITY_TYPES = [
  'organisation',
  'agreement',
  'timeline_event',
  'mechanism',
  'plan',
  'plan_item',
  'activity',
  'person',
] as const;
export type GrantEntityType = (typeof GRANT_ENTITY_TYPES)[number];

export interface Grant {
  id: string;
  /** Always 1 (grants never change): sent back as If-Match to revoke. */
  version: number;
  userId: string;
  entityType: string;
  entityId: string;
  grantedAt: string;
  expiresAt: string | null;
  note: string | null;
}

export const grantsQueryKey = (userId: string) => ['users', 'grants', userId] as const;

export const grantsQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: grantsQueryKey(userId),
    queryFn: async ({ signal }) =>
      (
        await api.get<{ items: Grant[] }>(
          `/users/${encodeURIComponent(userId)}/grants`,
          undefined,
          signal,
        )
      ).items,
  });

export function useGrants(userId: string) {
  return useQuery(grantsQueryOptions(userId));
}
