/**
 * Plan set-up over the API: GET /plans/:id with its ETag (the form starts from the record as it is
 * now), POST /plans, PATCH /plans/:id with If-Match (412 when someone else saved first), DELETE
 * with If-Match and POST /plans/:id/restore (the undo), and the mechanisms a plan may belong to.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Mechanism } from '../../../../../../core/schemas/mechanism.js';
import type { Plan, PlanCreate, PlanUpdate } from '../../../../../../core/schemas/plan.js';
import { api, apiRequest, fetchAllPages, type Versioned } from '../../../../lib/api-client.js';

const planPath = (id: string) => `/plans/${encodeURIComponent(id)}`;

export const versionedPlanQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['plans', 'versioned', id] as const,
    queryFn: ({ signal }) => api.getVersioned<Plan>(planPath(id), signal),
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });

export function useVersionedPlan(id: string | null) {
  return useQuery({ ...versionedPlanQueryOptions(id ?? ''), enabled: id !== null });
}

/** The mechanisms a plan can belong to, as options for a select. */
export function useMechanismOptions() {
  return useQuery({
    queryKey: ['plan-editor', 'mechanisms'],
    queryFn: async ({ signal }) =>
      (await fetchAllPages<Mechanism>('/mechanisms', { sort: 'startedOn', order: 'asc' }, signal))
        .items,
    staleTime: 5 * 60_000,
  });
}

/** Every cached view of plans (the list, a plan, its tree) is refreshed after a change. */
function useInvalidatePlans() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['plans'] });
}

export function useCreatePlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (body: PlanCreate) => api.post<Plan>('/plans', body),
    onSuccess: invalidate,
  });
}

export interface PlanChange {
  id: string;
  etag: string | null;
  changes: PlanUpdate;
}

export function useUpdatePlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, etag, changes }: PlanChange): Promise<Versioned<Plan>> =>
      api.patch<Plan>(planPath(id), changes, etag),
    onSuccess: invalidate,
  });
}

export function useDeletePlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, etag }: { id: string; etag: string | null }) =>
      apiRequest<void>(planPath(id), {
        method: 'DELETE',
        headers: etag ? { 'If-Match': etag } : undefined,
      }),
    onSettled: invalidate,
  });
}

export function useRestorePlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (id: string) => api.post<Plan>(`${planPath(id)}/restore`),
    onSettled: invalidate,
  });
}
