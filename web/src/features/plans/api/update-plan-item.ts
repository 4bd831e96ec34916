/**
 * PATCH /plan-items/:id with If-Match — the form's changes, or a move (parentId and position:
 * the server renumbers the codes). A 412 means someone else saved first; nothing is overwritten.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PlanItem, PlanItemUpdate } from '../../../../../core/schemas/plan.js';
import { api, type Versioned } from '../../../lib/api-client.js';
import { planTreeQueryKey } from './get-plan-tree.js';

const itemPath = (id: string) => `/plan-items/${encodeURIComponent(id)}`;

export interface ItemChange {
  id: string;
  etag: string | null;
  changes: PlanItemUpdate;
}

export function updatePlanItem({ id, etag, changes }: ItemChange): Promise<Versioned<PlanItem>> {
  return api.patch<PlanItem>(itemPath(id), changes, etag);
}

export interface ItemMove {
  id: string;
  /** The version the reader saw in the tree; if the item changed since, the server answers 412. */
  version: number;
  /** A new parent (null: the top level); leave out to stay under the same parent. */
  parentId?: string | null;
  /** 1-based place among the siblings. */
  position: number;
}

/** Moves an item as the reader saw it: its ETag is read afresh, its version compared. */
export async function movePlanItem({ id, version, parentId, position }: ItemMove) {
  const current = await api.getVersioned<PlanItem>(itemPath(id));
  const etag = current.data.version === version ? current.etag : `"stale-${version}"`;
  const changes: PlanItemUpdate = parentId === undefined ? { position } : { parentId, position };
  return (await api.patch<PlanItem>(itemPath(id), changes, etag)).data;
}

function useInvalidateTree(planId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: planTreeQueryKey(planId) });
}

export function useUpdatePlanItem(planId: string) {
  const invalidate = useInvalidateTree(planId);
  return useMutation({ mutationFn: updatePlanItem, onSuccess: invalidate });
}

export function useMovePlanItem(planId: string) {
  const invalidate = useInvalidateTree(planId);
  // Refreshed after a refusal too: a 412 means the tree on screen is out of date.
  return useMutation({ mutationFn: movePlanItem, onSettled: invalidate });
}
