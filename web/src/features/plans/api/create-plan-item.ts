/** POST /plan-items — a new item, last among its siblings (its code follows). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PlanItem, PlanItemCreate } from '../../../../../core/schemas/plan.js';
import { api } from '../../../lib/api-client.js';
import { planTreeQueryKey } from './get-plan-tree.js';

export function createPlanItem(body: PlanItemCreate) {
  return api.post<PlanItem>('/plan-items', body);
}

export function useCreatePlanItem(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPlanItem,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planTreeQueryKey(planId) }),
  });
}
