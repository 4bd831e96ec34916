/**
 * PATCH /plan-items/:id — a new status. The item is read afresh for its ETag (GET /plan-items/:id)
 * and saved with If-Match, so a change someone else made meanwhile answers 412 instead of being
 * overwritten. The plan's tree is read again afterwards: the roll-up above the item changes too.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PlanItemStatus } from '../../../../../core/plans/status.js';
import type { PlanItem } from '../../../../../core/schemas/plan.js';
import { api } from '../../../lib/api-client.js';

export interface StatusChange {
  id: string;
  /** The version the reader saw in the tree; a different one on the server means a conflict. */
  version: number;
  status: PlanItemStatus;
  /** A coordinator's reason for setting the status by hand where it comes from reports. */
  reason?: string;
}

export async function updatePlanItemStatus({ id, version, status, reason }: StatusChange) {
  const path = `/plan-items/${encodeURIComponent(id)}`;
  const current = await api.getVersioned<PlanItem>(path);
  // The row on screen is older than the record: send the stale tag so the server refuses it.
  const etag = current.data.version === version ? current.etag : `"stale-${version}"`;
  const body = reason ? { status, statusOverrideReason: reason } : { status };
  return (await api.patch<PlanItem>(path, body, etag)).data;
}

export function useUpdatePlanItemStatus(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePlanItemStatus,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['plans', 'tree', planId] }),
  });
}
