/**
 * DELETE /plan-items/:id (soft, with If-Match) and POST /plan-items/:id/restore (the undo). The
 * server refuses to delete an item that still has items below it (409).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PlanItem } from '../../../../../core/schemas/plan.js';
import { api, apiRequest } from '../../../lib/api-client.js';
import { planTreeQueryKey } from './get-plan-tree.js';

const itemPath = (id: string) => `/plan-items/${encodeURIComponent(id)}`;

/** Deletes the item the reader saw; if it changed since (another version), the server says 412. */
export async function deletePlanItem({ id, version }: { id: string; version: number }) {
  const current = await api.getVersioned<PlanItem>(itemPath(id));
  const etag = current.data.version === version ? current.etag : `"stale-${version}"`;
  await apiRequest<void>(itemPath(id), {
    method: 'DELETE',
    headers: etag ? { 'If-Match': etag } : undefined,
  });
}

export function restorePlanItem(id: string) {
  return api.post<PlanItem>(`${itemPath(id)}/restore`);
}

export function useDeletePlanItem(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePlanItem,
    onSettled: () => queryClient.invalidateQueries({ queryKey: planTreeQueryKey(planId) }),
  });
}

export function useRestorePlanItem(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restorePlanItem,
    onSettled: () => queryClient.invalidateQueries({ queryKey: planTreeQueryKey(planId) }),
  });
}
